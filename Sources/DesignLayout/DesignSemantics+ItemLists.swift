import ScreenCore

/// Lists of links drawn in the body's own ink, which the colour rules (`splitLinkLists`,
/// `isLinkColor`) cannot see: a footer's or sidebar's link column that the paragraph grouping
/// joined into one paragraph, and a grid of link columns that XY-cut read row by row.
extension DesignSemantics {
    /// Whether `line` reads as one item of a list of links: one to five words and at most 40
    /// characters, at least three letters, starting with a capital or a digit (a wrapped sentence's
    /// lines start in lower case), not ending like a sentence or a clause, no copyright sign, and
    /// fewer digits than letters (an address, a date or a price is not a link's name).
    public static func isItemLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        let words = t.split(separator: " ")
        guard !words.isEmpty, words.count <= 5, t.count <= 40 else { return false }
        let letters = t.filter(\.isLetter)
        guard letters.count >= 3, t.filter(\.isNumber).count * 2 < letters.count else { return false }
        guard let first = t.first(where: { $0.isLetter || $0.isNumber }), first.isUppercase || first.isNumber,
              t.first == first else { return false }
        if let last = t.last, ".,;:".contains(last) { return false }
        return !t.contains("©") && !t.contains("$") && !t.contains("€") && !t.contains("£")
    }

    /// Whether the lines of a paragraph end where the writer broke them, not where they wrapped:
    /// at most half the lines come near the box's width (a wrapped paragraph's lines all do but its
    /// last), and after at least half the shorter lines the next line's first word would have fitted
    /// (Arial advance widths scaled so the longest line fills the box).
    public static func isHardBroken(_ lines: [String], boxWidth: Int, bold: Bool) -> Bool {
        let widths = lines.map { DesignFontMetrics.width(of: $0, bold: bold) }
        guard let longest = widths.max(), longest > 0, boxWidth > 0 else { return false }
        let scale = Double(boxWidth) / longest
        guard widths.filter({ $0 >= longest * 0.85 }).count * 2 <= lines.count else { return false }
        var tested = 0, fitted = 0
        for k in 0..<(lines.count - 1) where widths[k] < longest * 0.85 {
            guard let next = lines[k + 1].split(separator: " ").first else { return false }
            tested += 1
            if DesignFontMetrics.width(of: lines[k] + " " + next, bold: bold) * scale <= Double(boxWidth) { fitted += 1 }
        }
        // a long first word may not fit after a short item; a wrapped line never has room for it
        return tested >= 1 && fitted * 2 >= tested
    }

    /// A paragraph of three or more lines, each an item (see `isItemLine`) and broken by hand (see
    /// `isHardBroken`), in body-size type, becomes one link per line in a column. A first line set
    /// in capitals over items that are not (a column's title: "ABOUT") is split off untagged, left
    /// to the other rules (the evenly spaced column rule of `markLinkRows` may still take it).
    static func splitItemParagraphs(_ n: inout UINode, body: Double) {
        for i in n.children.indices { splitItemParagraphs(&n.children[i], body: body) }
        guard n.kind == .container, n.style.direction != .row else { return }
        var out: [UINode] = []
        for c in n.children {
            guard c.kind == .text, c.tag == nil, c.runs == nil, let t = c.text, (c.confidence ?? 100) >= 60,
                  (c.style.fontSize ?? body) <= body * 1.25 else { out.append(c); continue }
            let lines = t.split(separator: "\n").map(String.init)
            guard lines.count >= 3, lines.allSatisfy(isItemLine),
                  isHardBroken(lines, boxWidth: c.box.width, bold: (c.style.fontWeight ?? 400) >= 700) else {
                out.append(c); continue
            }
            let capsTitle = c.style.uppercase != true && lines[0].filter(\.isLetter).allSatisfy(\.isUppercase)
                && !lines[1].filter(\.isLetter).allSatisfy(\.isUppercase)
            let pitch = c.style.lineHeight ?? Double(c.box.height) / Double(lines.count)
            for (k, line) in lines.enumerated() {
                var item = c
                item.text = line
                item.tag = k == 0 && capsTitle ? nil : "a"
                item.box = PixelRect(x: c.box.x, y: c.box.y + Int((Double(k) * pitch).rounded()), width: c.box.width,
                                     height: max(1, Int(pitch.rounded())))
                out.append(item)
            }
        }
        n.children = out
    }

    /// Three or more evenly spaced rows, one after another in a column, each of two to five short
    /// single-line texts (see `isItemLine`) whose left edges line up with the columns of the widest
    /// row: a grid of link columns (a footer's "About / Documentation / News" lists) cut row by row.
    /// Every item becomes a link.
    static func markLinkGrids(_ n: inout UINode) {
        for i in n.children.indices { markLinkGrids(&n.children[i]) }
        guard n.kind == .container, n.style.direction != .row else { return }
        func isItemRow(_ r: UINode) -> Bool {
            guard r.kind == .container, r.style.direction == .row, r.style.background == nil, r.style.border == nil,
                  (2...5).contains(r.children.count) else { return false }
            return r.children.allSatisfy { c in
                c.kind == .text && (c.tag == "p" || c.tag == "a") && c.text.map { !$0.contains("\n") && isItemLine($0) } == true
            }
        }
        var i = 0
        while i < n.children.count {
            guard isItemRow(n.children[i]) else { i += 1; continue }
            var j = i + 1
            while j < n.children.count, isItemRow(n.children[j]) { j += 1 }
            let rows = Array(n.children[i..<j])
            if rows.count >= 3, isAlignedGrid(rows) {
                for r in i..<j { for k in n.children[r].children.indices { n.children[r].children[k].tag = "a" } }
            }
            i = j
        }
    }

    /// A run of four or more consecutive item lines (see `isItemLine`) in a column, left-aligned
    /// (within 6 px), of one size and evenly spaced, is a column of links even when the rest of
    /// the column is not (a sidebar menu under the site's name, with a small section title and a
    /// second menu below: `markLinkRows` asks the whole column to be evenly spaced).
    static func markLinkRuns(_ n: inout UINode) {
        for i in n.children.indices { markLinkRuns(&n.children[i]) }
        guard n.kind == .container, n.style.direction != .row else { return }
        func isItem(_ c: UINode) -> Bool {
            c.kind == .text && c.tag == "p" && c.text.map { !$0.contains("\n") && isItemLine($0) } == true
        }
        var i = 0
        while i < n.children.count {
            guard isItem(n.children[i]) else { i += 1; continue }
            let first = n.children[i]
            var j = i + 1
            var step: Int? = nil
            while j < n.children.count, isItem(n.children[j]) {
                let c = n.children[j], prev = n.children[j - 1]
                let s = c.box.y - prev.box.y
                guard abs(c.box.x - first.box.x) <= 6, abs((c.style.fontSize ?? 0) - (first.style.fontSize ?? 0)) <= 1.5, s > 0 else { break }
                if let st = step, abs(s - st) > max(4, st / 4) { break }
                if step == nil { step = s }
                j += 1
            }
            if j - i >= 4 { for k in i..<j { n.children[k].tag = "a" } }
            i = max(j, i + 1)
        }
    }

    /// Whether rows of items are evenly spaced and every item starts at one of the widest row's
    /// column edges (within 6 px), with at least two columns.
    static func isAlignedGrid(_ rows: [UINode]) -> Bool {
        guard let widest = rows.max(by: { $0.children.count < $1.children.count }), widest.children.count >= 2 else { return false }
        let starts = widest.children.map(\.box.x)
        guard rows.allSatisfy({ $0.children.allSatisfy { c in starts.contains { abs($0 - c.box.x) <= 6 } } }) else { return false }
        let ys = rows.map(\.box.y)
        let steps = zip(ys, ys.dropFirst()).map { $1 - $0 }
        guard let smin = steps.min(), let smax = steps.max(), smin > 0 else { return false }
        return smax - smin <= max(4, smin / 4)
    }
}
