import Foundation
import ScreenCore

/// A pointer that rests on a button before pressing it (a tooltip shows, the button lights up)
/// is often read as two clicks at one point: the rest and the press. Live, the first "click"
/// opens what the press opens (a dialog), which the video does not show until the press: before
/// the second step, the dialog looks unlike the video and Escape would close it
/// (`Run.agreeBefore`). When the next step clicks the same element and none of the video's
/// sampled frames between the two shows the dialog as it is open live, the first step was the
/// rest: it becomes a `hover` (Escape, performed live, took the dialog back) instead of a click
/// followed by an inserted Escape. Where the video does show the dialog in between, the person
/// opened it, closed it and pressed again: the Escape stays.
extension Run {
    /// Whether `out`'s last step, a click, was the pointer resting before step `i` (see the type):
    /// `region` is the dialog's place, `open` the live page with it open. When so, that step is
    /// turned into a `hover` and true is returned.
    mutating func clickWasRest(_ i: Int, dialog region: (x: Double, y: Double, width: Double, height: Double), open: Image, until time: Double) -> Bool {
        guard i < timeline.actions.count, let k = out.indices.last else { return false }
        let span = frames.frames.filter { $0.time > out[k].time + 0.1 && $0.time <= time - 0.19 }
        let looks = span.map { fieldSimilarity(region, $0.image, shot: open) ?? 1 }
        guard Self.restBeforePress(out[k], next: timeline.actions[i], looks: looks) else { return false }
        debug("live: before step \(i + 1) the click before it on the same element: the dialog it opened live looks at most \(Self.f2(looks.max() ?? 0)) like the video's \(span.count) frame(s) between them")
        if out[k].grounding?.status == .verified { counts.verified -= 1; counts.corrected += 1 }
        out[k].kind = .hover
        out[k].grounding?.status = .corrected
        out[k].grounding?.corrections.append("click → hover: the next step clicks the same element, and the video never shows what this click opens live before it (at most \(Self.f2(looks.max() ?? 0)) alike): the pointer rested here")
        return true
    }

    /// Whether `last`, a click, and `next`, a click or double click on the same element (its
    /// point inside `last`'s live box, 4 px around, else within `samePoint` of `last`'s point),
    /// are a rest and a press: `looks` — how alike what `last` opened live is to each of the
    /// video's frames between them — are all below `keyAreaLike` (at least one).
    static func restBeforePress(_ last: Action, next: Action, looks: [Double]) -> Bool {
        guard last.kind == .click, [.click, .dblclick].contains(next.kind),
              let p = last.target?.point, let q = next.target?.point, !looks.isEmpty else { return false }
        let onIt = last.target?.box.map { q.x >= $0.x - 4 && q.x <= $0.x + $0.width + 4 && q.y >= $0.y - 4 && q.y <= $0.y + $0.height + 4 }
        guard onIt ?? (abs(p.x - q.x) <= samePoint && abs(p.y - q.y) <= samePoint) else { return false }
        return looks.allSatisfy { $0 < keyAreaLike }
    }
}
