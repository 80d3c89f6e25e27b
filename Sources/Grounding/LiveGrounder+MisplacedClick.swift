import Browser
import Foundation
import ScreenCore

/// A click read at the wrong point: the pointer's place at the press was misread (the pointer moving
/// fast, drawn over a field), so the element there is a text field that the click only focuses,
/// while the video's page changed across the step and showed texts the live page does not have (a
/// wizard's next step). The click is dropped as refuted, and the gap search before the next step
/// starts from its time (as after a refuted Enter, `refutedKeyStart`), where the press the video
/// shows happened: the control under the areas that changed, the pointer's resting place first.
extension Run {
    /// Whether step `i`, a click on the text field `t` that changed nothing live (`before`,
    /// `after`), is refuted so: the video changed across it (`videoChanged`), and none of the texts the analysis saw appear after it is shown in the live page. When it
    /// is, the step's time is remembered for the gap search.
    mutating func clickMissedItsMark(_ i: Int, _ a: Action, _ t: Identified, before: PageState, after: PageState) async throws -> Bool {
        guard a.kind == .click, t.isTextField, !after.differs(from: before), !a.appeared.isEmpty,
              let vp = timeline.viewport, let f0 = frames.nearest(max(0, a.time - 0.2)),
              let f1 = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        let change = Similarity.compare(f0, whole, f1, whole)
        guard videoChanged(i, a) else { return false }
        for text in a.appeared where try await page.visible(text) { return false }
        debug("live: step \(i + 1) clicked a text field that changed nothing live, while the video's page changed (\(Self.f2(change))) and shows \(a.appeared.count) text(s) the live page lacks")
        refutedKeyAt = (i, a.time)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: at its point is a text field the click only focuses, while the video's page changed (\(Self.f2(change))) and shows texts the live page does not; the clicks the video suggests are searched from its time"))
        return true
    }
}
