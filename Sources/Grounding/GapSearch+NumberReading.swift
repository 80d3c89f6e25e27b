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
/// message — turn from the video's look before the change to its look after it.
extension Run {
    /// The least ink mismatch (pixels) of a number field whose reading is tried though it is not
    /// unlike (`fieldUnlike`, `numberUnlike`): below it, the two renderings are the same number.
    static let doubtfulNumberError = ValueCompare.minGain
    /// How far the field's surroundings must lean further towards the video's new look, typed
    /// (`lean`: -1 like the video before the change, 1 like it after), ending on its side: two
    /// renderers' layouts differ a little everywhere (a mean luma difference of 16 either way
    /// there), so the surroundings are judged by which of the video's two moments they are nearer.
    static let aroundLeanGain = 0.5

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

    /// How the live page's surroundings of `f` (in `shot`) lean between the video's before the
    /// change (`f0`: -1) and after it (`f1`: 1), as the gap search judges an area (`lean`).
    func aroundLean(_ f: LiveField, shot: Image, _ f0: Image, _ f1: Image) -> Double {
        lean(surroundings(f), shot: shot, f0, f1)
    }

    /// Whether surroundings leaning `before` → `after` are explained by the typing: they moved
    /// `aroundLeanGain` towards the video's new look and ended on its side.
    static func aroundExplained(before: Double, after: Double) -> Bool {
        after - before >= aroundLeanGain && after > 0
    }

    /// Whether a doubtful number field's typed reading is kept: its rendering is no more than
    /// `ValueCompare.minGain` pixels worse than the field's was (two renderers' digits), and the
    /// field's surroundings now look like the video's after the change (`aroundExplained`).
    static func doubtfulNumberKept(before: Int, after: Int, around: (before: Double, after: Double)) -> Bool {
        after <= before + ValueCompare.minGain && aroundExplained(before: around.before, after: around.after)
    }

    /// The surroundings' lean (`aroundLean`) once the typing settled.
    func aroundLeanAfterTyping(_ f: LiveField, _ f0: Image, _ f1: Image) async throws -> Double {
        let state = try await page.state()
        _ = try await settle(from: state)
        let shot = try decodePNG(try await browser.screenshot())
        return aroundLean(f, shot: shot, f0, f1)
    }
}
