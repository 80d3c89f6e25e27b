import Foundation
import ScreenCore

/// A number field's short value against the video's: a thin digit for a wide one ("1" where the
/// video shows "5": 12 pixels off of 55 ink, under `fieldUnlike`'s quarter of the larger ink) is a
/// glyph's worth of the thin digit's own ink. For a number field the share is taken of the smaller
/// of the two inks (wizard-window-24fps: Nights "1" stood for the video's "5").
///
/// The mismatch forgives a pixel of blur and a shift of a few: a "1" against the video's "3" is
/// only 9 pixels off (the 1's stem lies on the 3's right side, its foot on the 3's base), under
/// any threshold that two renderers' noise allows. The two sides' ink differs by a third, though
/// (wizard-full-booking's Nights: 39 against 56): a number field whose ink differs so is unlike too.
extension Run {
    /// Whether a number field's text (`field`, in `shot`) with `error` mismatched pixels against the
    /// video's (`video`) is unlike it: `shortValueError` pixels and more than `shortValueShare` of
    /// the smaller ink of the two sides, or ink counts that far apart (`shortNumberInkUnlike`).
    /// Both sides' ink is counted without bars of a caret's height (`fieldInks`), as `fieldInk`
    /// compares them.
    func numberUnlike(_ field: LiveField, shot: Image, video: (gray: [Double], size: PixelRect), error: Int) -> Bool {
        guard let inks = fieldInks(field, shot: shot, video: video) else { return false }
        if Self.shortNumberUnlike(error: error, smallerInk: min(inks.live, inks.video)) {
            debug("live: the number field \"\(field.value)\" is \(error) ink pixels off the video's, of \(min(inks.live, inks.video)) ink on its thinner side: unlike")
            return true
        }
        if Self.shortNumberInkUnlike(live: inks.live, video: inks.video) {
            debug("live: the number field \"\(field.value)\" has \(inks.live) ink pixels where the video's has \(inks.video): unlike")
            return true
        }
        return false
    }

    /// The ink pixel counts of a live field's text (in `shot`) and of the video's, each without
    /// bars of a caret's height (`ValueCompare.erasingBars`) when the field's font size is known.
    func fieldInks(_ field: LiveField, shot: Image, video: (gray: [Double], size: PixelRect)) -> (live: Int, video: Int)? {
        let k = Double(shot.width) / max(1, cssViewport.width)
        let a = field.text
        let live = PixelRect(x: Int(a.x * k), y: Int(a.y * k), width: Int(a.width * k), height: Int(a.height * k))
        guard live.x >= 0, live.y >= 0, live.maxX <= shot.width, live.y + live.height <= shot.height else { return nil }
        let w = video.size.width, h = video.size.height
        var l = ValueCompare.binarise(ValueCompare.resample(shot, live, w, h), width: w, height: h)
        var v = ValueCompare.binarise(video.gray, width: w, height: h)
        let run = ValueCompare.caretMinRun(fontSize: field.fontSize, scale: dpr)
        if run > 0 {
            let serif = Int((Self.iBeamSerif * dpr).rounded(.up))
            l = ValueCompare.erasingBars(l, minRun: run, serif: serif)
            v = ValueCompare.erasingBars(v, minRun: run, serif: serif)
        }
        return (l.count, v.count)
    }

    /// Whether `error` mismatched pixels make a short number unlike the video's, given the ink of
    /// the thinner of the two renderings.
    static func shortNumberUnlike(error: Int, smallerInk: Int) -> Bool {
        error >= shortValueError && Double(error) > shortValueShare * Double(max(1, smallerInk))
    }

    /// Whether a short number's ink count (`live`) and the video's (`video`) differ by a glyph's
    /// worth: `shortValueError` pixels and more than `shortValueShare` of the smaller count.
    static func shortNumberInkUnlike(live: Int, video: Int) -> Bool {
        let d = abs(live - video)
        return d >= shortValueError && Double(d) > shortValueShare * Double(max(1, min(live, video)))
    }

    /// Whether a value typed into a number field that only `numberUnlike` found unlike is kept: it
    /// must render clearly better than the field did (`ValueCompare.clearlyBetter`), since both short
    /// renderings can sit under the match threshold (board-dialog-escape's Story points "2", 19 pixels
    /// off, must not become "3" at 14; wizard-window-24fps's "1" at 12 becomes "5" at 0) — or render
    /// as the video's field within `ValueCompare.minGain` pixels where the field did `minGain` more
    /// (wizard-full-booking's Nights "1", 9 pixels off the video's "3", which renders 0 off: a
    /// digit's whole difference under the mismatch's tolerance is less than `clearGain`).
    static func numberValueKept(before: (error: Int, ink: Int), after: (error: Int, ink: Int)) -> Bool {
        if ValueCompare.clearlyBetter(after.error, than: before.error, ink: max(before.ink, after.ink)) { return true }
        return after.error <= ValueCompare.minGain && before.error - after.error >= ValueCompare.minGain
    }
}
