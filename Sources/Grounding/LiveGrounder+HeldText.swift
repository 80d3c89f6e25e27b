import Foundation
import ScreenCore

/// A "fill" of exactly the text the live field already holds, just before the next fill types
/// other text into the same field. A field clicked into shows its old value with a caret after it;
/// the analysis reads that as typed ("1 I": the old "1" and the caret, board-dialog-escape's Story
/// points at 16.7 s, 0.8 s before "2" is typed over it). Typing it changes nothing live, and the
/// truth has only the typing that follows (docs/timeline.md: a `fill` sets the whole value). The
/// step is dropped (only its click into the field is performed live) — the counterpart, for the same text, of the field's old text read
/// a letter off (LiveGrounder+OldTextRetyped.swift, which leaves the same text alone and needs four
/// letters: here the next fill's other text within `focusClickSeconds` is what refutes it).
extension Run {
    /// Whether fill step `i` (`a`) only reads the live field `t`'s own text before the next fill
    /// replaces it (see the type).
    func heldTextBeforeRefill(_ i: Int, _ a: Action, _ t: Identified) -> Bool {
        guard a.kind == .fill, !a.secret, t.isTextField, !t.isPassword, let box = t.box,
              let typed = a.value?.text, let held = t.value, !held.isEmpty,
              Self.sameAsHeld(typed, held: held, number: t.inputType == "number") else { return false }
        guard let next = timeline.actions[(i + 1)...].first(where: { $0.kind != .press }),
              Self.fillsField(next, box, after: a.endTime), let nextValue = next.value?.text else { return false }
        return !Self.sameAsHeld(nextValue, held: held, number: t.inputType == "number")
    }

    /// The person did click into the field (the video shows its caret there): the field is
    /// clicked live, so the focus is where the video has it for the steps that follow (a Tab out
    /// of it is judged by LiveGrounder+UnseenFocus.swift as out of a text field). Nothing is typed.
    mutating func focusHeldField(at p: Point) async throws {
        let before = try await page.state()
        try await browser.pointerClick(at: (p.x, p.y), count: 1)
        _ = try await settle(from: before)
    }

    /// Whether the reading `typed` is the field's text `held`: compared without case, spaces at the
    /// ends or a caret; in a number field only the characters it takes count ("1 I" is "1", "9 ." is "9").
    static func sameAsHeld(_ typed: String, held: String, number: Bool) -> Bool {
        func key(_ s: String) -> String {
            guard number else { return readingKey(s).lowercased() }
            var n = String(s.filter { "0123456789.-".contains($0) })
            while n.hasSuffix(".") { n.removeLast() }   // "9 ." types as 9: a point with no digit after it is dropped
            return n
        }
        let k = key(typed)
        return !k.isEmpty && k == key(held)
    }
}
