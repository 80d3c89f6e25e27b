import ScreenCore

/// A list of posts: each post's title (a heading) sits directly over or under its date, and on
/// blogs and news pages the title and the date are both links to the post (Blogger's, WordPress's
/// and Ghost's `h3.post-title > a` and `a.timestamp-link`). A page showing one post keeps its
/// title a plain heading (the sources link the date only), so the titles become links only where
/// two or more headings of one level each stand at a date.
extension DesignSemantics {
    /// A heading and the date line set against it: the date starting where the heading starts (left
    /// edges within half the heading's type size, at least 12 px) and directly under it or over it
    /// (at most a line of the heading, at least 24 px, between the two).
    struct PostDate {
        var heading: UINode
        var date: UINode
    }

    /// Whether `date` is set against the heading `heading` (see `PostDate`).
    static func standsAt(_ date: UINode, heading: UINode) -> Bool {
        let f = heading.style.fontSize ?? Double(heading.box.height)
        guard abs(date.box.x - heading.box.x) <= max(12, Int(f / 2)) else { return false }
        let lines = max(1, headingLines(heading))
        let reach = max(24, Int((Double(heading.box.height) / Double(lines)).rounded()))
        let under = date.box.y - heading.box.maxY, over = heading.box.y - date.box.maxY
        return (under >= -2 && under <= reach) || (over >= -2 && over <= reach)
    }

    /// How many lines a heading holds (its text's lines, or its stacked lines).
    static func headingLines(_ n: UINode) -> Int {
        if let t = n.text { return t.split(separator: "\n").count }
        return n.children.count
    }

    /// Whether `n` is a date line that may be a post's date: a paragraph or link whose text is a
    /// date only (`isDateLine`), at most 1.5× the body size.
    static func isPostDate(_ n: UINode, body: Double) -> Bool {
        guard n.kind == .text, n.tag == "p" || n.tag == "a", n.runs == nil, let t = n.text, isDateLine(t),
              (n.style.fontSize ?? body) <= body * 1.5 else { return false }
        return true
    }

    /// Whether the date `date` is drawn as a post's date against `heading`: already a link (the grey
    /// rule, `markDateLinks`), or in a grey (chroma under 60) at least 30 luma lighter than the
    /// heading's ink — a muted line under or over the title. A dateline drawn as dark as the body
    /// text over a lighter title (d2c/14026's news page, where the source makes each date a heading
    /// of its own) is no post's date. The body's ink is no guide: on a blog's front page the small
    /// grey lines of dates, labels and counts often carry more characters than the prose.
    static func isMutedAgainst(_ date: UINode, heading: UINode) -> Bool {
        if date.tag == "a" { return true }
        guard let ink = date.style.color, let title = heading.style.color ?? heading.children.first?.style.color else { return false }
        let chroma = Int(max(ink.r, ink.g, ink.b)) - Int(min(ink.r, ink.g, ink.b))
        return chroma < 60 && ink.luma >= title.luma + 30 && ink.luma <= 200
    }

    /// Headings standing at a date (see `PostDate`, `isPostDate`, `isMutedAgainst`): each such date becomes a link;
    /// where two or more headings of one level each stand at a date (a list of posts) each of those
    /// headings holds its text as one link (`<h3><a>…</a></h3>`; a heading of stacked lines holds
    /// one link around its lines). A date is paired with its nearest heading, a heading with one
    /// date. A date set apart (bold or in capitals) right over a heading and drawn no lighter than
    /// it is the page's dateline, a heading of the title's level (Blogger's and TypePad's
    /// `h2.date-header`; d2c/14026's "MARCH 23, 2010" over each post).
    static func markPostTitles(_ root: inout UINode, body: Double) {
        var headings: [UINode] = [], dates: [UINode] = []
        func collect(_ n: UINode) {
            if isHeadingTag(n.tag), n.runs == nil,
               n.kind == .text || (n.kind == .container && !n.children.isEmpty && n.children.allSatisfy { $0.kind == .text && $0.tag == "span" }) {
                headings.append(n); return
            }
            if isPostDate(n, body: body) { dates.append(n) }
            n.children.forEach(collect)
        }
        collect(root)
        var pairs: [PostDate] = []
        for d in dates {
            let near = headings.filter { standsAt(d, heading: $0) && isMutedAgainst(d, heading: $0)
                && ($0.style.fontSize ?? body) > (d.style.fontSize ?? body) }
            guard let h = near.min(by: { gapBetween($0.box, d.box) < gapBetween($1.box, d.box) }),
                  !pairs.contains(where: { $0.heading.box == h.box }) else { continue }
            pairs.append(PostDate(heading: h, date: d))
        }
        // datelines: a date set apart (bold or in capitals) right over a title, drawn no lighter than it
        var datelines: [(PixelRect, String)] = []
        for d in dates where d.tag == "p" && !pairs.contains(where: { $0.date.box == d.box })
            && ((d.style.fontWeight ?? 400) >= 600 || d.style.uppercase == true) {
            // over the title: at most a line of it above, starting in its box's left third (a title
            // centred in its column still has the date over its start)
            let under = headings.filter { h in
                let gap = h.box.y - d.box.maxY, line = max(24, h.box.height / max(1, headingLines(h)))
                return gap >= -2 && gap <= line && d.box.x >= h.box.x - 12 && d.box.x <= h.box.x + h.box.width / 3
            }.filter { !isMutedAgainst(d, heading: $0)
                && ($0.style.fontSize ?? body) > (d.style.fontSize ?? body) }
            guard let h = under.min(by: { gapBetween($0.box, d.box) < gapBetween($1.box, d.box) }), let tag = h.tag,
                  let ink = d.style.color, let title = h.style.color ?? h.children.first?.style.color, ink.luma <= title.luma else { continue }
            datelines.append((d.box, tag))
        }
        guard !pairs.isEmpty || !datelines.isEmpty else { return }
        var perLevel: [String: Int] = [:]
        for p in pairs { perLevel[p.heading.tag ?? "", default: 0] += 1 }
        let titles = pairs.filter { perLevel[$0.heading.tag ?? "", default: 0] >= 2 }.map(\.heading.box)
        let dateBoxes = pairs.map(\.date.box)
        func visit(_ n: inout UINode) {
            if n.kind == .text, n.tag == "p", dateBoxes.contains(n.box), isPostDate(n, body: body) {
                n.tag = "a"; return
            }
            if n.kind == .text, n.tag == "p", let line = datelines.first(where: { $0.0 == n.box }), isPostDate(n, body: body) {
                n.tag = line.1; return
            }
            if isHeadingTag(n.tag), titles.contains(n.box) {
                if n.kind == .text, let t = n.text, n.runs == nil {
                    n.runs = [UITextRun(text: t, tag: "a")]
                } else if n.kind == .container {
                    let link = UINode(kind: .container, tag: "a", box: n.box, style: UIStyle(direction: .column), children: n.children)
                    n.children = [link]
                }
                return
            }
            for i in n.children.indices { visit(&n.children[i]) }
        }
        visit(&root)
    }

    /// The vertical room between two boxes (0 when they overlap).
    static func gapBetween(_ a: PixelRect, _ b: PixelRect) -> Int {
        max(0, max(a.y, b.y) - min(a.maxY, b.maxY))
    }
}
