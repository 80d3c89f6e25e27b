import Foundation
import ScreenCore

/// A number field's short value against the video's: a thin digit for a wide one ("1" where the
/// video shows "5": 12 pixels off of 55 ink, under `fieldUnlike`'s quarter of the larger ink) is a
/// glyph's worth of the thin digit's own ink. For a number field the share is taken of the smaller
/// of the two inks (wizard-window-24fps: Nights "1" stood for the video's "5").
extension Run {
    /// Whether a number field's text (`field`, in `shot`) with `error` mismatched pixels against the
    /// video's (`video`) is unlike it: `shortValueError` pixels and more than `shortValueShare` of
    /// the smaller ink of the two sides.
    func numberUnlike(_ field: LiveField, shot: Image, video: (gray: [Double], size: PixelRect), error: Int) -> Bool {
        guard error >= Self.shortValueError else { return false }
        let k = Double(shot.width) / max(1, cssViewport.width)
        let a = field.text
        let live = PixelRect(x: Int(a.x * k), y: Int(a.y * k), width: Int(a.width * k), height: Int(a.height * k))
        guard live.x >= 0, live.y >= 0, live.maxX <= shot.width, live.y + live.height <= shot.height else { return false }
        let w = video.size.width, h = video.size.height
        let liveInk = ValueCompare.binarise(ValueCompare.resample(shot, live, w, h), width: w, height: h).count
        let videoInk = ValueCompare.binarise(video.gray, width: w, height: h).count
        let unlike = Self.shortNumberUnlike(error: error, smallerInk: min(liveInk, videoInk))
        if unlike { debug("live: the number field \"\(field.value)\" is \(error) ink pixels off the video's, of \(min(liveInk, videoInk)) ink on its thinner side: unlike") }
        return unlike
    }

    /// Whether `error` mismatched pixels make a short number unlike the video's, given the ink of
    /// the thinner of the two renderings.
    static func shortNumberUnlike(error: Int, smallerInk: Int) -> Bool {
        error >= shortValueError && Double(error) > shortValueShare * Double(max(1, smallerInk))
    }

    /// Whether a value typed into a number field that only `numberUnlike` found unlike is kept: it
    /// must render clearly better than the field did (`ValueCompare.clearlyBetter`), since both short
    /// renderings can sit under the match threshold (board-dialog-escape's Story points "2", 19 pixels
    /// off, must not become "3" at 14; wizard-window-24fps's "1" at 12 becomes "5" at 0).
    static func numberValueKept(before: (error: Int, ink: Int), after: (error: Int, ink: Int)) -> Bool {
        ValueCompare.clearlyBetter(after.error, than: before.error, ink: max(before.ink, after.ink))
    }
}
