import Foundation
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

extension Aggregator {
    /// Whether `action` can be what moved the page to the anchor of `url` (only its fragment new),
    /// seen at `seenAt`: it is no click, or it came at most `window` seconds before (an anchor needs no page load, so
    /// the address changes the moment its link is pressed), or its name or text names the anchor
    /// (a link's text is what the anchor's slug is made of: "Installation" → `#installation`; a
    /// click read at the start of the pointer's rest on it comes earlier than the press), or it has
    /// no name to judge by.
    static func reachesAnchor(_ action: Action, url: String, seenAt: Double, window: Double) -> Bool {
        // (A key — Enter on a result of an in-page search — says nothing of the anchor by its field's name.)
        if action.kind != .click || seenAt - action.time <= window { return true }
        guard let hash = url.firstIndex(of: "#") else { return true }
        let fragment = String(url[url.index(after: hash)...]).removingPercentEncoding ?? String(url[url.index(after: hash)...])
        let names = [action.target?.name, action.target?.text, action.target?.label].compactMap { $0 }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return true }
        return names.contains { namesAnchor($0, fragment: fragment) }
    }

    /// Whether the text `name` names the anchor `fragment`: a word of one (3 letters or more) is a
    /// word of the other but for an OCR slip, or the two read alike with separators left out.
    static func namesAnchor(_ name: String, fragment: String) -> Bool {
        func words(_ s: String) -> [String] {
            s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        let nameWords = words(name), anchorWords = words(fragment)
        let joinedName = nameWords.joined(), joinedAnchor = anchorWords.joined()
        guard !joinedName.isEmpty, !joinedAnchor.isEmpty else { return false }
        if TextSimilarity.ratio(joinedName, joinedAnchor) >= 0.7 { return true }
        for a in anchorWords where a.count >= 3 {
            for n in nameWords where n.count >= 3 {
                if a == n || TextSimilarity.ratio(a, n) >= 0.75 { return true }
                if min(a.count, n.count) >= 4 && (a.hasPrefix(n) || n.hasPrefix(a)) { return true }
            }
        }
        return false
    }
}
