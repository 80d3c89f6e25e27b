// Typing that is no typing, and focus clicks that come in twos: a button's own face changing
// after it was clicked ("Save" → "Saved ✓") read as a keystroke in it; a click on a field's old
// value, then a second one (placing the caret), then the typing.

import ScreenCore

extension Aggregator {
    /// How long (seconds) after a button's click its face may change by itself.
    static let buttonFaceWindow = 2.5

    /// Without the typing runs seen inside a button clicked just before, in the button's own box,
    /// with no value read: the button redrew its face (a "Saved" state, a spinner), it took no
    /// keystroke (a button is no text field). A run whose value was read is kept (an inline
    /// editor that opened where its button was).
    static func droppingTypingInClickedButtons(_ obs: [Observation]) -> [Observation] {
        obs.filter { o in
            guard o.kind == .typing, o.value == nil else { return true }
            return !obs.contains { c in
                c.kind == .click && c.role == .button && c.time < o.time && o.time - c.time <= buttonFaceWindow && sameField(c.box, o.box)
            }
        }
    }

    /// The index of the typing that follows the click at `i` when only clicks come between
    /// (a second click on the same field to place the caret), or nil.
    static func typingAfterFocusClicks(_ obs: [Observation], from i: Int) -> Int? {
        var k = i + 1
        while k < obs.count, obs[k].kind == .click { k += 1 }
        guard k < obs.count, obs[k].kind == .typing else { return nil }
        // Every click between focused that same field too.
        guard (i + 1..<k).allSatisfy({ focusedField(click: obs[$0], typing: obs[k]) }) else { return nil }
        return k
    }

    /// The clicks folded into `typing` (see `typingAfterFocusClicks`): the run of clicks directly
    /// before it in `obs`, each of which only focused its field, in time order.
    static func foldedClicks(_ obs: [Observation], into typing: Observation) -> [Observation] {
        guard let k = obs.firstIndex(where: { $0.kind == .typing && $0.time == typing.time && $0.box == typing.box }) else { return [] }
        var i = k
        while i > 0, obs[i - 1].kind == .click, focusedField(click: obs[i - 1], typing: obs[k]) { i -= 1 }
        return Array(obs[i..<k])
    }
}
