import Browser
import Foundation
import ScreenCore

/// How an inline edit ended. A text field outside a form that opened in place of something (a
/// card's title turned into a field by a double click) closes on Enter — the value typed is kept —
/// or on Escape — the old text comes back. The analysis reads the key from a glimpse of the
/// keyboard's effect and may take one for the other; the video says which it was: after the key,
/// the field's place shows either the old text as before the editor opened (cancelled) or
/// something else (the new text kept). Neither key can be taken back live, so the decision is made
/// from the video before the key is pressed, and the live page's place after it is compared too.
extension Run {
    /// The field a fill typed into: its step's index in `out`, and the value it held before.
    struct EditedField: Equatable {
        var index: Int
        var prior: String
    }

    /// The key that ended the inline edit at step `i` (a press of `key`, Enter or Escape, read
    /// right after a fill that changed the focused field's value), when the video says it was the
    /// other one: Escape when the field's place after the step looks as it did before the editor
    /// opened (`Run.cancelLook`), Enter when it looks clearly otherwise (`Run.keptLook`) while the
    /// editor is gone in the video. Nil: the key read stands (or the case does not apply).
    func inlineEditEnding(_ i: Int, _ a: Action, key: Key) async throws -> (key: Key, why: String)? {
        guard key == .enter || key == .escape, let edit = editedField, edit.index == out.count - 1,
              let fill = out.last, fill.kind == .fill, !fill.secret, let typed = fill.value?.text,
              Self.norm(typed) != Self.norm(edit.prior) else { return nil }
        let k = try await page.keyTargets()
        guard let f = k.field, !k.submits, k.dialog == nil else { return nil }
        let region = (x: f.x - 4, y: f.y - 4, width: f.width + 8, height: f.height + 8)
        let duration = timeline.source?.duration ?? .infinity
        guard let now = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: duration)),
              let r = videoRect(region), r.x >= 0, r.y >= 0, r.x + r.width <= now.width, r.y + r.height <= now.height,
              let look = videoLooksAsBeforeOpening(region, now: now) else { return nil }
        // The editor as typed in (the end of the typing): the place must look otherwise after the
        // key, else nothing closed in the video and the key cannot be told from it.
        var open: Double?
        if let typing = frames.nearest(max(fill.time, fill.endTime - 0.1)), typing.width == now.width, typing.height == now.height {
            open = Similarity.compare(typing, r, now, r, width: min(128, r.width))
        }
        debug("live: step \(i + 1) (\(Self.keyName(key)) after an edit): the field's place looks \(Self.f2(look)) as before it opened, \(open.map(Self.f2) ?? "-") as while typed in")
        let decided = Self.editEnding(asBeforeOpening: look, asWhileTyping: open)
        guard let decided, decided != key else { return nil }
        let why = decided == .escape
            ? "the video shows the field's place as before the editor opened after it (\(Self.f2(look))): the edit was cancelled"
            : "the video shows the field's place otherwise than before the editor opened (\(Self.f2(look))) and the editor closed: the value was kept"
        return (decided, why)
    }

    /// The key an inline edit ended with, from how the field's place looks after it in the video:
    /// as before the editor opened (`asBeforeOpening` ≥ `cancelLook`) → Escape; clearly otherwise
    /// (below `keptLook`) while the editor no longer looks as it did while typed in → Enter; nil
    /// when the video cannot tell.
    static func editEnding(asBeforeOpening look: Double, asWhileTyping open: Double?) -> Key? {
        if look >= cancelLook && look > (open ?? 0) { return .escape }
        if look < keptLook, let open, open < editorStillOpen { return .enter }
        return nil
    }

    /// Below this, the field's place after the key is clearly not as it was before the editor opened.
    static let keptLook = 0.75
    /// At least this alike to the editor while typed in, the editor is still open in the video.
    static let editorStillOpen = 0.9

    /// The moment of the video just before the field typed into last was opened: a little after
    /// the step before its opening click (the click's own time is read from the pointer's press and
    /// can be late by the double click's length; an inserted opener's time is a guess), else just
    /// before the opening click or the fill itself. Nil without a fill.
    func openingMoment() -> Double? {
        guard let k = out.lastIndex(where: { $0.kind == .fill }) else { return nil }
        let fill = out[k]
        var opener = k
        if k > 0, [.click, .dblclick].contains(out[k - 1].kind), fill.time - out[k - 1].time < 6 { opener = k - 1 }
        let openedAt = out[opener].time
        // The step before the opening: the video settles after it, before the editor opens.
        if opener > 0 {
            let prev = out[opener - 1]
            let t = prev.endTime + Self.afterPrevious
            if t < openedAt - 0.2 { return t }
        }
        return max(0, openedAt - 0.2)
    }

    /// How long after the step before an editor's opening its place is looked at (seconds).
    static let afterPrevious = 0.6
}
