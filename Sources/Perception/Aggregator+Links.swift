import ScreenCore

extension Aggregator {
    /// Clicks that took the page to an anchor on itself (the address changed only after its `#`)
    /// are on links: a button does not move the address, a link to `#section` does (a docs site's
    /// sidebar, a table of contents). A click read as a button or as bare text becomes a link, so
    /// its script finds it by role and name — bare text is also found in the heading the anchor
    /// leads to. A click within 4 s of typing into a field is a result picked from the list the
    /// typing opened (in-page search: a combobox's popup holds options), so it becomes an option.
    static func anchorLinks(_ actions: [Action], startURL: String?) -> [Action] {
        var out = actions
        var page = startURL
        for i in out.indices {
            defer {
                if out[i].kind == .goto, case .text(let u)? = out[i].value { page = u }
                if let u = out[i].navigatesTo { page = u }
            }
            guard out[i].kind == .click, let to = out[i].navigatesTo, let from = page,
                  out[i].target?.role == nil || out[i].target?.role == .button,
                  out[i].target?.name != nil || out[i].target?.text != nil,
                  Self.onlyFragmentChanged(from: from, to: to) else { continue }
            if let prev = out[..<i].last(where: { $0.kind != .scroll }),
               prev.kind == .fill || (prev.kind == .press && prev.target?.role?.isTypedInto == true),
               out[i].time - prev.endTime <= 4 {
                out[i].target?.role = .option
                continue
            }
            out[i].target?.role = .link
        }
        return out
    }

    /// Whether `to` is `from` with another (non-empty) fragment.
    static func onlyFragmentChanged(from: String, to: String) -> Bool {
        guard let hash = to.firstIndex(of: "#"), to.index(after: hash) < to.endIndex else { return false }
        let base = to[..<hash]
        let fromBase = from.firstIndex(of: "#").map { from[..<$0] } ?? Substring(from)
        func trimmed(_ s: Substring) -> Substring { s.last == "/" ? s.dropLast() : s }
        return trimmed(base) == trimmed(fromBase) && to != from
    }
}

extension Role {
    /// Fields typed into (a key pressed in one ends typing there).
    var isTypedInto: Bool { self == .textbox || self == .combobox || self == .searchbox || self == .spinbutton }
}
