import ScreenCore

extension Aggregator {
    /// An Enter read at the end of typing into one field, followed at once (no click, no page
    /// change between) by typing into the next field down the same column, was a Tab: an Enter
    /// that submitted the form would have left nothing to type into there without a click, while
    /// a Tab moves the focus to the next field in order. (A Tab into a field whose old value comes
    /// selected changes that field's look, not only its ring, and so is taken for a submit.)
    /// The next field: its left edge within 8 px of the first one's, starting below it at most
    /// three field heights further (a label between them) and no more than 4 s later.
    static func enterBeforeTheNextFieldIsTab(_ obs: [Observation]) -> [Observation] {
        var out = obs
        for i in out.indices.dropLast() {
            let press = out[i], next = out[i + 1]
            guard press.kind == .press, case .text("Enter")? = press.value, next.kind == .typing,
                  let a = press.box, let b = next.box, !sameField(a, b), next.time - press.time <= 4,
                  abs(b.x - a.x) <= 8, b.y >= a.maxY, b.y - a.maxY <= max(a.height, b.height) * 3 else { continue }
            out[i].value = .text("Tab")
        }
        return out
    }
}
