import Browser
import Foundation
import ScreenCore

/// A "fill" read off a field that shows its old text selected, just before the person types over
/// it. Select-all (Control+A, a triple click) highlights the field's text; the analysis reads the
/// highlighted text as typed — a letter or so off, as a reading of inverted ink is
/// (docs-search-escape-1440's "debloy" at 5.8 s over the field's "deploy", 1.3 s before
/// "middleware" replaces it). The truth folds the selection into the typing that follows
/// (docs/timeline.md: a `fill` sets the whole value). Such a step is dropped unperformed when the
/// live field holds nearly that text already (one letter apart, not the same: the same text typed
/// again is a retyping the scripts keep) and the next step that is not a key press fills the same
/// field with other text, soon after.
extension Run {
    /// The shortest field text the rule judges: one letter of a short value is a real edit ("9"
    /// for "4"), not a misreading.
    static let oldTextMinLength = 4

    /// Whether fill step `i` (`a`) only reads the live field `t`'s old text, selected before the
    /// next fill replaces it: see the type's comment.
    func oldTextBeforeRetyping(_ i: Int, _ a: Action, _ t: Identified) -> Bool {
        guard a.kind == .fill, !a.secret, t.isTextField, !t.isPassword, let box = t.box,
              let typed = a.value?.text, let held = t.value else { return false }
        guard Self.nearlyHeld(typed, held: held) else { return false }
        guard let next = timeline.actions[(i + 1)...].first(where: { $0.kind != .press }),
              Self.fillsField(next, box, after: a.endTime), let nextValue = next.value?.text else { return false }
        return !Self.nearlyHeld(nextValue, held: held) && Self.readingKey(nextValue) != Self.readingKey(held)
    }

    /// Whether `typed` is the field's text `held` give or take one misread letter (not exactly it),
    /// compared without case, spaces at the ends or a caret; `held` at least `oldTextMinLength` long.
    static func nearlyHeld(_ typed: String, held: String) -> Bool {
        let a = readingKey(typed).lowercased(), b = readingKey(held).lowercased()
        guard b.count >= oldTextMinLength, a != b else { return false }
        return distance(a, b) <= 1
    }
}
