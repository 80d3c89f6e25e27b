import ScreenCore

/// Capitals titles measured against the text they name, and rows of them over a grid's columns.
extension DesignSemantics {
    /// The size a capitals title is compared with (`isCapsTitle`'s `body`): the page's body size, or
    /// the size of the text the title stands over when that is smaller. The page's body size is the
    /// size carrying the most characters; on a page whose prose is set large (a 22 px lede over 14 px
    /// sidebars) a sidebar's 15 px "WATERFALL DETAILS" is no smaller than what it titles, and is its
    /// title all the same.
    static func titleBody(_ body: Double, _ next: UINode) -> Double {
        guard let f = firstText(next)?.style.fontSize, f < body else { return body }
        return f
    }

    /// The first text node of `n` in reading order (itself when it is one).
    static func firstText(_ n: UINode) -> UINode? {
        if n.kind == .text { return n }
        for c in n.children { if let t = firstText(c) { return t } }
        return nil
    }

    /// A row of two to six capitals titles (`isCapsTitle`, measured against the text below), each a
    /// paragraph still (a menu's items are links by then: `markLinkRows` takes rows set close
    /// together), set far apart — every gap wider than four times the type size — and directly above
    /// a sibling holding text (the columns' items): the titles of a footer's or a grid's columns
    /// ("COLLECTIONS", "CUSTOMER CARE", "ABOUT US") are headings.
    static func markCapsTitleRows(_ n: inout UINode, body: Double, level: Int) {
        for i in n.children.indices where i + 1 < n.children.count {
            let row = n.children[i], next = n.children[i + 1]
            guard row.kind == .container, row.style.direction == .row, row.style.background == nil, row.style.border == nil,
                  (2...6).contains(row.children.count), next.box.y >= row.box.maxY - 2,
                  next.box.y - row.box.maxY <= 3 * row.box.height, firstText(next) != nil else { continue }
            let ref = titleBody(body, next)
            let titles = row.children.allSatisfy { c in
                c.kind == .text && c.tag == "p"
                    && isCapsTitle(c.style.uppercase == true ? (c.text ?? "").uppercased() : c.text ?? "", fontSize: c.style.fontSize ?? body, body: ref)
            }
            guard titles, let size = row.children.compactMap(\.style.fontSize).max() else { continue }
            let xs = row.children.map(\.box).sorted { $0.x < $1.x }
            guard zip(xs, xs.dropFirst()).allSatisfy({ Double($1.x - $0.maxX) > 4 * size }) else { continue }
            for k in n.children[i].children.indices { n.children[i].children[k].tag = "h\(level)" }
        }
    }
}
