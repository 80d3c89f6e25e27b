import Foundation
import ScreenCore

/// A number field retyped with another number that two renderers' digits cannot tell apart by ink:
/// wizard-validation-firefox's Guests "9" retyped "4" — the live "9" renders 10 pixels off the
/// video's Firefox "4", and a live "4" renders 10 off as well, under `fieldUnlike`'s and
/// `numberUnlike`'s thresholds either way. The field's ink cannot decide, but what the value does
/// to the page around it can: a validation message under the field ("at most 6 guests") goes when
/// the valid number is typed. Such a field (a number field a few pixels off, whose video reading is
/// another number) is read and typed like an unlike one, and kept only when its rendering is no
/// worse and its surroundings — the field and the band under it, where a form shows a field's
/// message — come clearly nearer the video's.
extension Run {
    /// The least ink mismatch (pixels) of a number field whose reading is tried though it is not
    /// unlike (`fieldUnlike`, `numberUnlike`): below it, the two renderings are the same number.
    static let doubtfulNumberError = ValueCompare.minGain
    /// How much nearer the video's the field's surroundings must come, typed: their mean luma
    /// difference at most this share of what it was…
    static let aroundGainShare = 0.6
    /// …from at least this much (mean absolute luma difference): surroundings that already look
    /// like the video's have nothing to explain.
    static let aroundMinDifference = 2.0

    /// Whether a number field `s` ink pixels off the video's (not unlike by the thresholds) is worth
    /// reading again: it holds a value, and is `doubtfulNumberError` pixels off or more.
    static func doubtfulNumber(type: String, value: String, error: Int) -> Bool {
        type == "number" && !value.isEmpty && error >= doubtfulNumberError
    }

    /// The field's surroundings (CSS pixels): the field and the band under it two of its heights
    /// deep, where a form puts the field's validation message, a little wider than the field.
    func surroundings(_ f: LiveField) -> (x: Double, y: Double, width: Double, height: Double) {
        let x = max(0, f.box.x - 8), y = max(0, f.box.y - 4)
        let right = min(cssViewport.width, f.box.x + f.box.width + 8)
        let bottom = min(cssViewport.height, f.box.y + f.box.height * 3)
        return (x, y, max(0, right - x), max(0, bottom - y))
    }

    /// The mean luma difference between the live page's surroundings of `f` (in `shot`) and the
    /// video frame's (as `distance` measures an area); nil when the area is empty.
    func aroundDifference(_ f: LiveField, shot: Image, frame: Image) -> Double? {
        let r = surroundings(f)
        guard r.width > 1, r.height > 1 else { return nil }
        return distance(r, shot: shot, frame) / (r.width * r.height)
    }

    /// Whether surroundings `before` → `after` (mean luma differences with the video) are explained
    /// by the typing: clearly nearer, from a visible difference.
    static func aroundExplained(before: Double, after: Double) -> Bool {
        before >= aroundMinDifference && after <= aroundGainShare * before
    }

    /// Whether a doubtful number field's typed reading is kept: its rendering is no more than
    /// `ValueCompare.minGain` pixels worse than the field's was (two renderers' digits), and the
    /// field's surroundings came clearly nearer the video's (`aroundExplained`).
    static func doubtfulNumberKept(before: Int, after: Int, around: (before: Double, after: Double)) -> Bool {
        after <= before + ValueCompare.minGain && aroundExplained(before: around.before, after: around.after)
    }

    /// The surroundings of `f` once the typing settled, against `frame`: their mean luma difference.
    func aroundAfterTyping(_ f: LiveField, frame: Image) async throws -> Double? {
        let state = try await page.state()
        _ = try await settle(from: state)
        let shot = try decodePNG(try await browser.screenshot())
        return aroundDifference(f, shot: shot, frame: frame)
    }
}
