import ScreenCore

/// The site's name at the start of a page header ("Paperboat", "Axel's corner"): set larger than
/// the menu beside it, the size rules read it as the page's `h1`, but pages mark it up as a link
/// home (alone, or around a heading) far more often than as a heading alone.
extension DesignSemantics {
    /// In `header`, the first text in reading order when it is a one-line heading of at most 40
    /// characters starting in the left third of the page with other text on its line to its right
    /// (a menu, a sign-in link): it becomes a link. A header with one heading only (a page title in
    /// a band), or a column whose title is its first line, keeps it.
    static func markBrand(_ header: inout UINode, pageWidth: Int) {
        var texts: [UINode] = []
        func collect(_ n: UINode) { if n.kind == .text { texts.append(n) }; n.children.forEach(collect) }
        collect(header)
        guard texts.count >= 2, let first = texts.min(by: { ($0.box.y / 8, $0.box.x) < ($1.box.y / 8, $1.box.x) }),
              isHeadingTag(first.tag), let t = first.text, !t.contains("\n"), t.count <= 40,
              t.contains(where: \.isLetter), first.box.x < pageWidth / 3,
              // a bar: other text on the same line to its right (a menu, a sign-in link)
              texts.contains(where: { $0.box.x >= first.box.maxX && $0.box.y < first.box.maxY && $0.box.maxY > first.box.y })
        else { return }
        func visit(_ n: inout UINode) -> Bool {
            if n.kind == .text, n.box == first.box, n.text == first.text { n.tag = "a"; return true }
            for i in n.children.indices where visit(&n.children[i]) { return true }
            return false
        }
        _ = visit(&header)
    }
}
