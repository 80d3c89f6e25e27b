import Foundation
import ScreenCore

/// A key read off the typing after it. A search field filters its list as it is typed into; the
/// analysis may read that change as a key (Enter) pressed in the field, and date the typing itself
/// later, where the field's text was read. The key's own evidence gives it away: the text that
/// appeared with its change holds the value the next fill types into the same field
/// (contacts-tabs-star: Enter at 20.4 s with "Chen Wei" appearing, "chen" typed at 18.4–21.2 s but
/// dated 23.4 s; docs-search-escape-1440: Enter at 6.1 s with "Middleware" appearing, as
/// "middleware" was being typed — pressed live, it opens the first result of the old text). Such a
/// key is dropped unperformed. A key dropped while the video changed across it (`refutedKeyAt`:
/// this one, or an Enter refuted live) right before a fill of the field it was read in dates that
/// fill: the change was the typing's own, so the typing was under way by then.
extension Run {
    /// The least length of a typed value looked for in a key's appeared text.
    static let typedInChangeMinLength = 3

    /// Whether press step `i` of `steps` was read off the typing of the next fill: the next step
    /// that is no key press fills the field the key was read in (its box), within
    /// `focusClickSeconds`, with a value (three letters or more) that a text appearing with the
    /// key's change contains, without case.
    static func keyReadOffTyping(_ i: Int, steps: [Action]) -> Bool {
        guard i < steps.count else { return false }
        let key = steps[i]
        guard key.kind == .press, let box = key.target?.box, !key.appeared.isEmpty,
              let next = steps[(i + 1)...].first(where: { $0.kind != .press }), next.kind == .fill, !next.secret,
              let value = next.value?.text else { return false }
        let v = readingKey(value).lowercased()
        guard v.count >= typedInChangeMinLength else { return false }
        let field = (x: box.x, y: box.y, width: box.width, height: box.height)
        guard fillsField(next, field, after: key.endTime) else { return false }
        return key.appeared.contains { $0.lowercased().contains(v) }
    }

    /// The time fill `a` (step `i`, as grounded) is dated at: the time of the key step `i - 1`
    /// when that key was `refuted` (dropped while the video changed across it) and `a` types into
    /// the field the key was read in, within `focusClickSeconds`; nil when none of this holds or
    /// `a` is dated earlier already.
    static func typingTime(_ a: Action, step i: Int, refuted: (step: Int, time: Double)?, steps: [Action]) -> Double? {
        guard a.kind == .fill, let r = refuted, r.step == i - 1, i >= 1, i - 1 < steps.count else { return nil }
        let key = steps[i - 1]
        guard key.kind == .press, let box = key.target?.box, r.time < a.time else { return nil }
        let field = (x: box.x, y: box.y, width: box.width, height: box.height)
        guard fillsField(a, field, after: key.endTime) else { return nil }
        return r.time
    }
}
