import Browser
import Foundation
import ScreenCore

/// An Enter the live page refutes (`enterRefuted`: it changes nothing where the video changed)
/// while a dialog is open live that the video no longer shows after the step: the key that closed
/// the dialog was Escape. The analysis sees no key, only what a key did, and reads a key in a text
/// field as Enter; in a dialog that saves as it is edited (no form to submit) Enter does nothing
/// live, while Escape closes the dialog as the video shows. Dropping the Enter and searching the
/// gap for a click (as before) finds none there, and the keys `agreeBefore` would try are not
/// tried after a dropped key — so the dialog stayed open and every later step acted behind it
/// (board-dialog-fix-escape-rename: the title's double-click, the rename and its Enter lost).
/// Escape is pressed once: when it changes the live page, the step is kept as Escape (the live
/// page and the script stay in step), and the correction says how the dialog's place then
/// compares with the video after the step. When Escape changes nothing the Enter is dropped as
/// before.
extension Run {
    /// For Enter step `i`, just refuted live: Escape, pressed when a dialog is open live that the
    /// video after the step no longer shows (its place unlike the video's, the video's place back
    /// to the page before the dialog opened). The correction's reason when Escape changed the live
    /// page (the step is then Escape, performed), nil when it was not tried or changed nothing.
    mutating func escapeForRefutedEnter(_ i: Int, _ a: Action) async throws -> String? {
        guard let d = try await page.keyTargets().dialog,
              let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return nil }
        let pad = 4.0
        let region = (x: d.x - pad, y: d.y - pad, width: d.width + 2 * pad, height: d.height + 2 * pad)
        let shot = try decodePNG(try await browser.screenshot())
        guard let s0 = fieldSimilarity(region, frame, shot: shot) else { return nil }
        let gone = !videoStillShowsDialog(region, frame: frame)
        debug("live: step \(i + 1) Enter refuted with a dialog open live: its place looks \(Self.f2(s0)) like the video after the step; the video \(gone ? "no longer shows" : "still shows") it")
        guard Self.dialogClosedInVideo(look: s0, gone: gone) else { return nil }
        let before = try await page.state()
        try await browser.keys([.escape])
        let after = try await settle(from: before)
        guard after.differs(from: before) else {
            debug("live: step \(i + 1) Escape changes nothing live either")
            return nil
        }
        let s1 = try await fieldSimilarity(region, frame) ?? 0
        debug("live: step \(i + 1) Escape instead of the refuted Enter: the dialog's place \(Self.f2(s0)) → \(Self.f2(s1)), dialogs \(before.dialogs) → \(after.dialogs)")
        // The step stands (as Escape): not refuted after all.
        refutedKeyAt = nil
        if let last = diagnostics.last, last.message.hasPrefix("live: step \(i + 1) (press Enter) dropped") { diagnostics.removeLast() }
        let inLine = s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike
        return "Enter changes nothing live while the video's dialog closes there; Escape closes it live"
            + (inLine ? " and brings its place in line with the video (\(Self.f2(s0)) → \(Self.f2(s1)))" : " (its place \(Self.f2(s0)) → \(Self.f2(s1)) against the video)")
    }

    /// Whether the video after a step shows closed the dialog open live: its place looks unlike
    /// the live dialog (`keyAreaUnlike`) and like the page before the dialog opened (`gone`).
    static func dialogClosedInVideo(look: Double, gone: Bool) -> Bool {
        gone && look < keyAreaUnlike
    }
}
