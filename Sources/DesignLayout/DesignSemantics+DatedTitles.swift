import ScreenCore

/// Titles of a list of posts set at the body's size: each a bold line directly over its date (a
/// blog's "popular posts" or archive list, where the title is no larger than the text around it).
/// The size rules cannot see them; the repeated title-over-date pattern can.
extension DesignSemantics {
    /// Whether `title` is a bold line standing directly over the date line `date`: left edges
    /// within half the title's type size (at least 12 px), the date starting at most one title line
    /// (at least 24 px) below the title's foot, set no larger than the title and not bold itself.
    static func standsOverDate(_ title: UINode, _ date: UINode) -> Bool {
        let f = title.style.fontSize ?? Double(title.box.height)
        guard abs(date.box.x - title.box.x) <= max(12, Int(f / 2)) else { return false }
        let gap = date.box.y - title.box.maxY
        return gap >= -2 && gap <= max(24, title.box.height)
            && (date.style.fontSize ?? f) <= f + 0.5 && (date.style.fontWeight ?? 400) < 600
    }

    /// Whether `n` may be a post's title at body size: a one-line paragraph of words set bold, at
    /// most 80 characters, not a sentence, not itself a date.
    static func isBodyTitleCandidate(_ n: UINode) -> Bool {
        guard n.kind == .text, n.tag == "p", n.runs == nil, let t = n.text, !t.contains("\n"), t.count <= 80,
              (n.style.fontWeight ?? 400) >= 600, namesInWords(t), !isSentence(t), !isDateLine(t) else { return false }
        return true
    }

    /// Two or more bold one-line paragraphs of one style (size within half a pixel, the same
    /// weight, inks within a colour distance of 40), each directly over a date line (`standsOverDate`, `isPostDate`), are the
    /// titles of a list of posts: each becomes a heading of `level` (`markPostTitles`, which runs
    /// next, then links them and their dates as it does for larger titles). A lone bold line over a
    /// date (a byline, a comment's author) stays a paragraph.
    static func markDatedTitles(_ root: inout UINode, body: Double, level: Int) {
        var titles: [UINode] = [], dates: [UINode] = []
        func collect(_ n: UINode) {
            if isBodyTitleCandidate(n) { titles.append(n) } else if isPostDate(n, body: body) { dates.append(n) }
            n.children.forEach(collect)
        }
        collect(root)
        let dated = titles.filter { t in dates.contains { standsOverDate(t, $0) } }
        func sameStyle(_ a: UINode, _ b: UINode) -> Bool {
            abs((a.style.fontSize ?? 0) - (b.style.fontSize ?? 0)) <= 0.5 && a.style.fontWeight == b.style.fontWeight
                && (a.style.color == nil) == (b.style.color == nil)
                && a.style.color.map { c in b.style.color.map { DesignRaster.distance(c, $0) <= 40 } ?? false } ?? true
        }
        let chosen = dated.filter { t in dated.filter { sameStyle($0, t) }.count >= 2 }.map(\.box)
        guard !chosen.isEmpty else { return }
        func visit(_ n: inout UINode) {
            if chosen.contains(n.box), isBodyTitleCandidate(n) { n.tag = "h\(level)"; return }
            for i in n.children.indices { visit(&n.children[i]) }
        }
        visit(&root)
    }
}
