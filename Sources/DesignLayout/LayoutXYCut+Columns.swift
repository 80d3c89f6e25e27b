import ScreenCore

/// Columns that run beside each other (a sidebar next to a form, an article beside its aside):
/// cutting rows first slices across both, pairing a sidebar item with whatever form line happens to
/// share its height. Here consecutive row runs that share a wide vertical gutter, and whose two sides
/// do not line up row for row, are kept together so they can be cut into columns first — when one
/// of the columns is a sidebar (see `hasSidebar`).
extension LayoutSegmenter {
    /// The narrowest vertical gutter (background over the whole height) that sets independent
    /// columns apart.
    static let minColumnGutter = 24

    /// Groups of two or more consecutive `rowRuns` (relative to `c`) that share a vertical gutter
    /// at least `minColumnGutter` wide with content on both sides, and whose columns do not line up
    /// (see `misaligned`): ranges of indices into `rowRuns`.
    func independentColumnGroups(_ c: PixelRect, rowRuns: [Range<Int>], bg: RGB) -> [Range<Int>] {
        guard rowRuns.count >= 2, c.width >= 3 * Self.minColumnGutter else { return [] }
        let rects = rowRuns.map { PixelRect(x: c.x, y: c.y + $0.lowerBound, width: c.width, height: $0.count) }
        let cols = rects.map { raster.projections($0, background: bg).cols }
        var groups: [Range<Int>] = []
        var i = 0
        while i < rects.count {
            var sum = cols[i]
            var j = i
            while j + 1 < rects.count {
                let next = zip(sum, cols[j + 1]).map { $0 + $1 }
                guard !gutters(next).isEmpty else { break }
                sum = next; j += 1
            }
            // paragraphs side by side: the columns end with the last row that has ink in two of them
            // and the lines that follow it at a line's gap (a paragraph's last lines in the longest
            // column); a search field and a copyright line centred under a footer's columns stay rows.
            // They end before a section's gap (see `sectionEnd`): a footer's copyright and credit
            // lines far below share the gutters but are no part of the paragraphs' columns
            if j > i, case let g = gutters(sum), !g.isEmpty, !hasSidebar(sum, gutters: g) || !misaligned(rects[i...j], gutters: g, x0: c.x, bg: bg),
               case let end = sectionEnd(rects[i...j]),
               var last = (i...end).last(where: { k in columnsInked(cols[k], gutters: g) >= 2 }), last - i >= 2,
               case let paired = (i...last).filter({ columnsInked(cols[$0], gutters: g) >= 2 }).map({ rects[$0] }),
               wrapsParagraph(rects[i...last], gutters: g, x0: c.x, bg: bg, beside: paired) {
                while last < end, rects[last + 1].y - rects[last].maxY <= rects[last].height,
                      rects[last + 1].height * 2 <= rects[last].height * 3, rects[last].height * 2 <= rects[last + 1].height * 3 { last += 1 }
                groups.append(i..<(last + 1))
                i = j + 1
                continue
            }
            if j > i, case let g = gutters(sum), !g.isEmpty, hasSidebar(sum, gutters: g),
               misaligned(rects[i...j], gutters: g, x0: c.x, bg: bg) {
                // a single line across the top whose wide gaps happen to span the gutter (a header's
                // brand and its menu) is not part of the columns when they hold without it
                var first = i
                if j - i >= 2, rects[i].height <= 48 {
                    var rest = cols[i + 1]
                    for k in (i + 2)...j { rest = zip(rest, cols[k]).map { $0 + $1 } }
                    let g2 = gutters(rest)
                    let own = cols[i]
                    if hasSidebar(rest, gutters: g2), let lo = g2.first?.lowerBound, let hi = g2.last?.upperBound,
                       own[..<lo].contains(where: { $0 > 0 }), own[hi...].contains(where: { $0 > 0 }),
                       misaligned(rects[(i + 1)...j], gutters: g2, x0: c.x, bg: bg) { first = i + 1 }
                }
                groups.append(first..<(j + 1))
            }
            // a run of rows that line up on a shared gutter (a table, a grid) stays rows; so do its parts
            i = j + 1
        }
        return groups
    }

    /// Whether one of the columns the gutters cut from `proj` is a sidebar: at most a quarter of the
    /// width from the first ink to the last, and at least 48 px (not a rule between two columns). (Two broad columns, a form beside an order summary, keep
    /// being cut into rows: their rows anchor each other's heights, which a column of its own loses
    /// wherever a block renders shorter than it was drawn.)
    func hasSidebar(_ proj: [Int], gutters g: [Range<Int>]) -> Bool {
        guard let first = proj.firstIndex(where: { $0 > 0 }), let last = proj.lastIndex(where: { $0 > 0 }) else { return false }
        var edges = [first]
        for r in g { edges.append(r.lowerBound); edges.append(r.upperBound) }
        edges.append(last + 1)
        let span = last + 1 - first
        // a full-height rule between the columns is no sidebar
        return stride(from: 0, to: edges.count, by: 2).contains {
            let w = edges[$0 + 1] - edges[$0]
            return w * 4 <= span && w >= 2 * Self.minColumnGutter
        }
    }

    /// Zero runs of `proj` at least `minColumnGutter` wide with ink on both sides.
    func gutters(_ proj: [Int]) -> [Range<Int>] {
        guard let first = proj.firstIndex(where: { $0 > 0 }), let last = proj.lastIndex(where: { $0 > 0 }) else { return [] }
        var out: [Range<Int>] = []
        var x = first
        while x < last {
            if proj[x] == 0 {
                var e = x
                while e < last && proj[e] == 0 { e += 1 }
                if e - x >= Self.minColumnGutter { out.append(x..<e) }
                x = e
            } else { x += 1 }
        }
        return out
    }

    /// Whether the columns the gutters cut from `rows` keep rows of their own: within the height
    /// where every column has content, a line of one column that shares its row with another line
    /// of the same column, or with nothing in another column, is unpaired; at least three unpaired
    /// lines, on at least two columns, and a third of all lines there. (A table's cells pair up row
    /// for row; a sidebar's items fall between the lines of the form beside it.)
    func misaligned(_ rows: ArraySlice<PixelRect>, gutters g: [Range<Int>], x0: Int, bg: RGB) -> Bool {
        guard let top = rows.first, let bottom = rows.last else { return false }
        let union = PixelRect(x: top.x, y: top.y, width: top.width, height: bottom.maxY - top.y)
        var bounds: [Range<Int>] = []
        var start = 0
        for r in g { bounds.append(start..<r.lowerBound); start = r.upperBound }
        bounds.append(start..<union.width)
        // each column's own lines (absolute y ranges)
        let lines: [[Range<Int>]] = bounds.filter { !$0.isEmpty }.map { b in
            let piece = PixelRect(x: x0 + b.lowerBound, y: union.y, width: b.count, height: union.height)
            return runs(raster.projections(piece, background: bg).rows, minGap: 1).map { ($0.lowerBound + union.y)..<($0.upperBound + union.y) }
        }.filter { !$0.isEmpty }
        guard lines.count >= 2 else { return false }
        let lo = lines.map { $0[0].lowerBound }.max()!, hi = lines.map { $0[$0.count - 1].upperBound }.min()!
        guard hi > lo else { return false }
        var unpaired = [Int](repeating: 0, count: lines.count)
        var total = 0
        for row in rows {
            let mid = row.y + row.height / 2
            guard mid >= lo, mid < hi else { continue }
            let counts = lines.map { col in col.filter { $0.lowerBound >= row.y && $0.upperBound <= row.maxY }.count }
            total += counts.reduce(0, +)
            let oneSided = counts.contains(0)
            for k in counts.indices where counts[k] > 0 { unpaired[k] += oneSided ? counts[k] : counts[k] - 1 }
        }
        let n = unpaired.reduce(0, +)
        return n >= 3 && unpaired.filter { $0 > 0 }.count >= 2 && n * 3 >= total
    }

    /// The index of the last of `rows` before the first gap between consecutive rows taller than
    /// three times the taller of the two and than 48 px (the space between a page's sections, not
    /// between a paragraph's lines or a sidebar's items): the last index when there is none.
    func sectionEnd(_ rows: ArraySlice<PixelRect>) -> Int {
        for k in rows.indices.dropLast() {
            let a = rows[k], n = rows[k + 1]
            if n.y - a.maxY > max(48, 3 * max(a.height, n.height)) { return k }
        }
        return rows.indices.last ?? rows.startIndex
    }

    /// How many of the columns the gutters `g` cut from a row's column projection `proj` hold ink.
    func columnsInked(_ proj: [Int], gutters g: [Range<Int>]) -> Int {
        var start = 0, n = 0
        for end in g.map(\.lowerBound) + [proj.count] {
            if start < end, proj[start..<end].contains(where: { $0 > 0 }) { n += 1 }
            if let r = g.first(where: { $0.lowerBound == end }) { start = r.upperBound }
        }
        return n
    }

    /// Whether one of the columns the gutters cut from `rows` holds a paragraph wrapped over three or
    /// more of the rows: consecutive lines of like height, a line gap no taller than a line, the same
    /// left edge, and the lines before the last filling at least 70 % of the column's widest line and
    /// ten times their height (prose, not a table's column of figures or names).
    /// Cut into rows first, such a paragraph is sliced line by line together with whatever stands
    /// beside it (a footer's three text columns, an article's intro beside a short sidebar whose lines
    /// happen to share its pitch) and comes out as one block per line; columns first keep it whole.
    /// The paragraph must stand beside something: one of its lines shares a row of `beside` (the rows
    /// with ink in two columns or more). A page whose article column has nothing beside it, only a
    /// header's brand and a footer's lines in the margins above and below, stays rows: cut into columns,
    /// the brand and the copyright line far below it would become one column, and the page's height
    /// would hang on their gap instead of the article's.
    func wrapsParagraph(_ rows: ArraySlice<PixelRect>, gutters g: [Range<Int>], x0: Int, bg: RGB,
                        beside: [PixelRect]) -> Bool {
        guard rows.count >= 3, let top = rows.first, let bottom = rows.last else { return false }
        let union = PixelRect(x: top.x, y: top.y, width: top.width, height: bottom.maxY - top.y)
        var bounds: [Range<Int>] = []
        var start = 0
        for r in g { bounds.append(start..<r.lowerBound); start = r.upperBound }
        bounds.append(start..<union.width)
        for b in bounds where !b.isEmpty {
            let piece = PixelRect(x: x0 + b.lowerBound, y: union.y, width: b.count, height: union.height)
            let lines = runs(raster.projections(piece, background: bg).rows, minGap: 1).compactMap { r -> PixelRect? in
                let line = PixelRect(x: piece.x, y: piece.y + r.lowerBound, width: piece.width, height: r.count)
                let cols = raster.projections(line, background: bg).cols
                guard let l = cols.firstIndex(where: { $0 > 0 }), let h = cols.lastIndex(where: { $0 > 0 }) else { return nil }
                return PixelRect(x: line.x + l, y: line.y, width: h + 1 - l, height: line.height)
            }
            guard lines.count >= 3, let widest = lines.map(\.width).max() else { continue }
            var run = 0
            for k in 0..<(lines.count - 1) {
                let a = lines[k], n = lines[k + 1]
                let wrapped = a.height <= 40 && n.height <= 40
                    && max(a.height, n.height) * 2 <= min(a.height, n.height) * 3
                    && n.y - a.maxY <= max(a.height, n.height)
                    && abs(a.x - n.x) <= 2 && a.width * 10 >= widest * 7 && a.width >= 10 * a.height
                run = wrapped ? run + 1 : 0
                guard run >= 2 else { continue }
                // lines k - run + 1 ... k + 1 are the paragraph so far
                let paragraph = lines[(k + 1 - run)...(k + 1)]
                if paragraph.contains(where: { l in beside.contains { $0.y < l.maxY && l.y < $0.maxY } }) { return true }
            }
        }
        return false
    }

    /// `c` cut into columns at its wide gutters first (each column then segmented on its own):
    /// nil when it has none.
    func independentColumns(_ c: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        let proj = raster.projections(c, background: bg).cols
        let g = gutters(proj)
        guard !g.isEmpty else { return nil }
        var spans: [Range<Int>] = []
        var start = 0
        for r in g { spans.append(start..<r.lowerBound); start = r.upperBound }
        spans.append(start..<c.width)
        let kids = spans.filter { !$0.isEmpty }.compactMap {
            segment(PixelRect(x: c.x + $0.lowerBound, y: c.y, width: $0.count, height: c.height), bg: bg, depth: depth + 1)
        }
        if kids.count < 2 { return nil }
        return LayoutRegion(kind: .stack(.row), rect: c, background: bg, direction: .row, children: kids)
    }
}
