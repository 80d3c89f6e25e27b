import Browser
import Foundation
import ScreenCore

/// A click read at the wrong point: the pointer's place at the press was misread (the pointer moving
/// fast, drawn over a field), so the element there is a text field that the click only focuses,
/// while the video's page changed across the step and showed texts the live page does not have (a
/// wizard's next step) — or, when its new texts are ones every step shows (a title, a stepper),
/// a page the live one, in line before the step, no longer looks like. The click is dropped as refuted, and the gap search before the next step
/// starts from its time (as after a refuted Enter, `refutedKeyStart`), where the press the video
/// shows happened: the control under the areas that changed, the pointer's resting place first.
extension Run {
    /// Whether step `i`, a click on the text field `t` that changed nothing live (`before`,
    /// `after`), is refuted so: the video changed across it (`videoChanged`), and either none of
    /// the texts the analysis saw appear after it is shown in the live page, or (no such texts)
    /// the live page looks like the video before the step and unlike it after (`leftBehind`).
    /// When it is, the step's time is remembered for the gap search.
    mutating func clickMissedItsMark(_ i: Int, _ a: Action, _ t: Identified, before: PageState, after: PageState) async throws -> Bool {
        guard a.kind == .click, t.isTextField, !after.differs(from: before),
              let vp = timeline.viewport, let f0 = frames.nearest(max(0, a.time - 0.2)),
              let f1 = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        let change = Similarity.compare(f0, whole, f1, whole)
        guard videoChanged(i, a) else { return false }
        var unseen = !a.appeared.isEmpty
        for text in a.appeared where try await page.visible(text) { unseen = false; break }
        if unseen {
            debug("live: step \(i + 1) clicked a text field that changed nothing live, while the video's page changed (\(Self.f2(change))) and shows \(a.appeared.count) text(s) the live page lacks")
        } else {
            // No text the live page lacks (none read, or only ones every step shows — a title, a
            // stepper): the whole page decides — in line with the video before the step, out of
            // line with it after (`leftBehind`).
            let afterTime = LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)
            guard let s0 = try await similarity(at: max(0, a.time - 0.2)), let s1 = try await similarity(at: afterTime),
                  Self.leftBehind(before: s0, after: s1) else { return false }
            debug("live: step \(i + 1) clicked a text field that changed nothing live, while the video's page changed (\(Self.f2(change))): the live page looks \(Self.f2(s0)) like the video before it and \(Self.f2(s1)) after")
        }
        refutedKeyAt = (i, a.time)
        // What the click did change is undone with it: on a number field it may have pressed a spin
        // button, stepping the value (wizard-window-24fps: Nights 5 → 4, then "5" typed back as one
        // more step by the fields' reconcile). The form's values are not part of the page's state.
        if let el = t.element, let old = t.value,
           let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string, now != old {
            debug("live: step \(i + 1)'s click changed the field's value \"\(old)\" → \"\(now)\": typed back")
            try await type(old, el)
        }
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: at its point is a text field the click only focuses, while the video's page changed (\(Self.f2(change))) and \(unseen ? "shows texts the live page does not" : "the live page no longer looks like it"); the clicks the video suggests are searched from its time"))
        return true
    }

    /// Whether the live page, after a click that changed nothing in it, was left behind by the
    /// video: in line with the video's frame before the step (`before`, at least `pageUnlike`)
    /// and out of line with the frame after it (`after`, below `pageUnlike`).
    static func leftBehind(before: Double, after: Double) -> Bool {
        before >= pageUnlike && after < pageUnlike
    }
}
