import ScreenCore

/// One region of a design found by recursive XY-cut.
public struct LayoutRegion: Sendable, Equatable {
    /// What the region is, as far as pixels tell.
    public enum Kind: Sendable, Equatable {
        /// Children stacked along an axis, separated by background-coloured gutters.
        case stack(UIDirection)
        /// A filled and/or bordered rectangle; its children are its content.
        case box(fill: RGB?, border: UIBorder?, radius: Double)
        /// A thin rule of one colour.
        case divider(RGB)
        /// Something with no background gutter inside: a text line or paragraph, an icon, a picture.
        case leaf
    }
    public var kind: Kind
    /// The content bounds (background trimmed off).
    public var rect: PixelRect
    /// The background the region sits on (for a box: the colour around it).
    public var background: RGB
    /// The background inside the region (a box's fill, else `background`).
    public var innerBackground: RGB
    /// For a box: the stacking direction of its children.
    public var direction: UIDirection
    public var children: [LayoutRegion]

    public init(kind: Kind, rect: PixelRect, background: RGB, innerBackground: RGB? = nil,
                direction: UIDirection = .column, children: [LayoutRegion] = []) {
        self.kind = kind; self.rect = rect; self.background = background
        self.innerBackground = innerBackground ?? background; self.direction = direction; self.children = children
    }

    /// Every leaf below (or this region, if it is one), in reading order.
    public var leaves: [LayoutRegion] {
        if case .leaf = kind { return [self] }
        return children.flatMap(\.leaves)
    }
}

/// Recursive XY-cut on background-coloured gutters: a region is cut into rows where whole pixel rows
/// match the background, else into columns where whole pixel columns do (columns need a gap that
/// is wide for the region's height, so words on a line stay together), else bands of different
/// background colour, else it is a box (uniform ring: a fill or a border, recursed into with the
/// new background) or a leaf.
public struct LayoutSegmenter: Sendable {
    public let raster: DesignRaster
    /// Deeper recursion than this makes a leaf (a guard against pathological images).
    public var maxDepth = 40
    /// Inside a subtle band (see `subtleBands`): the page's own tolerance, tried on a large region
    /// the fine tolerance leaves whole (a card holding a picture above its text).
    var coarseTolerance: Int? = nil
    /// Whether sections a shade from the background are looked for (see `subtleBands`).
    var findsSubtleBands = true

    public init(raster: DesignRaster) { self.raster = raster }

    /// The background of the whole image: the dominant colour of its border rows and columns,
    /// falling back on the dominant colour overall.
    public func pageBackground() -> RGB {
        let b = raster.bounds
        guard !b.isEmpty else { return RGB(255, 255, 255) }
        // The colour framing the page (left and right margins of a centred layout) wins when it
        // clearly dominates the image's edges; else the dominant colour overall.
        var counts: [RGB: Int] = [:]
        var n = 0
        func sample(_ x: Int, _ y: Int) {
            let c = raster.color(x, y)
            counts[RGB(c.r & 0xFC, c.g & 0xFC, c.b & 0xFC), default: 0] += 1; n += 1
        }
        for y in stride(from: 0, to: b.height, by: 4) { sample(0, y); sample(b.width - 1, y) }
        let step = max(1, min(b.width, b.height) / 400)
        let all = raster.dominantColor(in: b, step: step * 2)
        if let (edge, k) = counts.max(by: { $0.value < $1.value }), k * 10 >= n * 6,
           !raster.same(edge, all.color) {
            // Refine to the exact colour at an edge pixel of that colour.
            for y in stride(from: 0, to: b.height, by: 4) {
                let c = raster.color(0, y)
                if RGB(c.r & 0xFC, c.g & 0xFC, c.b & 0xFC) == edge { return c }
            }
            return edge
        }
        return all.color
    }

    /// Segments `rect` sitting on `background`; nil when it holds nothing but background.
    public func segment(_ rect: PixelRect, background: RGB) -> LayoutRegion? {
        segment(rect.intersection(raster.bounds), bg: background, depth: 0)
    }

    /// Only the first cut of `rect`: the regions the orchestrator hands out to sub-agents, each
    /// with the background it sits on. Splits top-level rows; a single row is cut into columns.
    public func topLevelRegions(_ rect: PixelRect, background bg: RGB, minimum: Int = 4) -> [(PixelRect, RGB)] {
        var work: [(PixelRect, RGB)] = [(rect, bg)]
        var whole: [Bool] = [false]   // a subtle band (see `subtleBands`) goes to one sub-agent whole
        // Keep cutting the largest region until there are enough jobs (or nothing splits).
        for _ in 0..<4 where work.count < minimum {
            guard let (i, big) = work.enumerated().filter({ !whole[$0.0] }).max(by: { $0.1.0.area < $1.1.0.area })
                .map({ ($0.0, $0.1) }) else { break }
            let parts = firstCut(big.0, bg: big.1)
            if parts.count < 2 { break }
            let bands = Set(subtleBands(big.0, bg: big.1).map { $0.rows.lowerBound })
            work.replaceSubrange(i...i, with: parts)
            whole.replaceSubrange(i...i, with: parts.map { bands.contains($0.0.y) && $0.0.width == big.0.width })
        }
        return work
    }

    private func firstCut(_ rect: PixelRect, bg: RGB) -> [(PixelRect, RGB)] {
        // A section a shade from the background goes to one sub-agent whole (see `subtleBands`).
        let bands = subtleBands(rect, bg: bg)
        if !bands.isEmpty {
            var parts: [(PixelRect, RGB)] = []
            var y = rect.y
            for b in bands {
                if b.rows.lowerBound > y { parts.append((PixelRect(x: rect.x, y: y, width: rect.width, height: b.rows.lowerBound - y), bg)) }
                parts.append((PixelRect(x: rect.x, y: b.rows.lowerBound, width: rect.width, height: b.rows.count), bg))
                y = b.rows.upperBound
            }
            if y < rect.maxY { parts.append((PixelRect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), bg)) }
            let kept = parts.filter { part in
                bands.contains { $0.rows.lowerBound == part.0.y } || raster.projections(part.0, background: bg).rows.contains { $0 > 0 }
            }
            if kept.count >= 2 { return kept }
        }
        let p = raster.projections(rect, background: bg)
        guard let c = trim(rect, p) else { return [] }
        let sub = PixelRect(x: c.x - rect.x, y: c.y - rect.y, width: c.width, height: c.height)
        var rows = runs(Array(p.rows[sub.y..<sub.maxY]), minGap: 1)
        // columns that do not line up row for row go to one sub-agent whole (see `independentColumnGroups`)
        for g in independentColumnGroups(c, rowRuns: rows, bg: bg).reversed() {
            rows.replaceSubrange(g, with: [rows[g.lowerBound].lowerBound..<rows[g.upperBound - 1].upperBound])
        }
        if rows.count >= 2 {
            return rows.map { (PixelRect(x: c.x, y: c.y + $0.lowerBound, width: c.width, height: $0.count), bg) }
        }
        if let bands = bandCut(c, bg: bg), bands.count >= 2 { return bands.map { ($0, bg) } }
        return []
    }

    // MARK: - Recursion

    func segment(_ rect: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        guard !rect.isEmpty else { return nil }
        if depth < maxDepth, let split = subtleBandSplit(rect, bg: bg, depth: depth) { return split }
        let p = raster.projections(rect, background: bg)
        guard let c = trim(rect, p) else { return nil }
        if c.width * c.height < 4 && (c.width < 2 || c.height < 2) { return nil } // specks
        if depth >= maxDepth { return LayoutRegion(kind: .leaf, rect: c, background: bg) }

        if let rule = divider(c, bg: bg) { return rule }
        if let box = box(c, bg: bg, depth: depth) { return box }

        // Rows: gutters of background rows.
        var rowsProj = Array(p.rows[(c.y - rect.y)..<(c.maxY - rect.y)])
        // Thin vertical rules crossing the whole region (a frame's sides, a sidebar divider) do not
        // block horizontal cuts.
        let colsInC = Array(p.cols[(c.x - rect.x)..<(c.maxX - rect.x)])
        for x in thinFullRuns(colsInC, full: c.height) where isUnbroken(x: c.x + x, c, bg: bg) {
            for y in 0..<c.height where !raster.same(raster.color(c.x + x, c.y + y), bg) { rowsProj[y] -= 1 }
        }
        let rowRuns = runs(rowsProj, minGap: 1)
        if rowRuns.count >= 2 {
            // rows of columns that do not line up (a sidebar beside a form) are cut into columns first
            let groups = independentColumnGroups(c, rowRuns: rowRuns, bg: bg)
            if groups.count == 1, groups[0] == 0..<rowRuns.count, let cols = independentColumns(c, bg: bg, depth: depth) { return cols }
            var kids: [LayoutRegion] = []
            var k = 0
            while k < rowRuns.count {
                if let g = groups.first(where: { $0.lowerBound == k }) {
                    let y0 = rowRuns[g.lowerBound].lowerBound, y1 = rowRuns[g.upperBound - 1].upperBound
                    if let cols = independentColumns(PixelRect(x: c.x, y: c.y + y0, width: c.width, height: y1 - y0), bg: bg, depth: depth + 1) {
                        kids.append(cols); k = g.upperBound; continue
                    }
                }
                if let r = segment(PixelRect(x: c.x, y: c.y + rowRuns[k].lowerBound, width: c.width, height: rowRuns[k].count), bg: bg, depth: depth + 1) {
                    kids.append(r)
                }
                k += 1
            }
            return stack(.column, c, bg, kids)
        }
        if let bands = bandCut(c, bg: bg) {
            let kids = bands.compactMap { segment($0, bg: bg, depth: depth + 1) }
            return stack(.column, c, bg, kids)
        }
        // Columns: gutters wide enough for this height.
        var colsProj = columnProjection(c, bg: bg)
        for y in thinFullRuns(rowsProj.indices.map { y in p.rows[c.y - rect.y + y] }, full: c.width)
            where isUnbroken(y: c.y + y, c, bg: bg) {
            for x in 0..<c.width where !raster.same(raster.color(c.x + x, c.y + y), bg) { colsProj[x] -= 1 }
        }
        let colRuns = columnRuns(colsProj, c, bg: bg)
        if colRuns.count >= 2 {
            let kids = colRuns.compactMap {
                segment(PixelRect(x: c.x + $0.lowerBound, y: c.y, width: $0.count, height: c.height), bg: bg, depth: depth + 1)
            }
            return stack(.row, c, bg, kids)
        }
        if let inner = stripFrame(c, bg: bg), let content = segment(inner, bg: bg, depth: depth + 1) { return content }
        if let panel = panel(c, bg: bg, depth: depth) { return panel }
        if let split = overlapSplit(c, bg: bg, depth: depth) { return split }
        if let coarse = coarseFallback(c, bg: bg, depth: depth) { return coarse }
        return LayoutRegion(kind: .leaf, rect: c, background: bg)
    }

    /// Thin full-length lines along the sides of a large region (a frame drawn on some sides only,
    /// a shadow): the rectangle inside them, or nil when there are none.
    func stripFrame(_ c: PixelRect, bg: RGB) -> PixelRect? {
        guard c.width >= 100, c.height >= 100 else { return nil }
        func share(_ pts: [(Int, Int)]) -> Double {
            var m = 0
            for (x, y) in pts where !raster.same(raster.color(x, y), bg) { m += 1 }
            return Double(m) / Double(max(1, pts.count))
        }
        let maxInset = 48
        let xs = Array(stride(from: c.x, to: c.maxX, by: 3)), ys = Array(stride(from: c.y, to: c.maxY, by: 3))
        // The colour most of the content is drawn in (a panel's fill) is never a frame.
        let fill = raster.dominantColor(in: c, step: 3, excluding: bg).color
        // A frame line is ink along most of its length and nearly one colour (a shadow column, a
        // border): never a strip of content.
        func frameLine(_ pts: [(Int, Int)]) -> Bool {
            guard share(pts) >= 0.6 else { return false }
            let cols = pts.map { raster.color($0.0, $0.1) }
            let mid = cols[cols.count / 2]
            if raster.same(mid, fill) { return false }
            return cols.filter { raster.same($0, mid) }.count * 100 >= cols.count * 85
        }
        func run(_ line: (Int) -> [(Int, Int)]) -> Int {
            var d = 0
            while d < 8, share(line(d)) < 0.1 { d += 1 }   // the faint outer edge of a shadow
            let start = d
            while d < maxInset + 1, frameLine(line(d)) { d += 1 }
            return d > maxInset || d == start ? 0 : d
        }
        let left = run { d in ys.map { (c.x + d, $0) } }, right = run { d in ys.map { (c.maxX - 1 - d, $0) } }
        let top = run { d in xs.map { ($0, c.y + d) } }, bottom = run { d in xs.map { ($0, c.maxY - 1 - d) } }
        guard left + right + top + bottom > 0 else { return nil }
        let inner = PixelRect(x: c.x + left, y: c.y + top, width: c.width - left - right, height: c.height - top - bottom)
        return inner.width >= 20 && inner.height >= 20 ? inner : nil
    }

    /// A large region mostly of one colour other than the background, whose edges are not clean
    /// (a shadow, a border on some sides only, a frame of mixed lines): a panel. Its frame is
    /// stripped side by side until the panel colour dominates, and the inside is segmented on it.
    func panel(_ c: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        guard c.width >= 24, c.height >= 16, c.area >= 2_000 else { return nil }
        let (dom, share) = raster.dominantColor(in: c, step: c.area > 40_000 ? 2 : 1)
        guard share >= (c.area >= 20_000 ? 0.45 : 0.55), !raster.same(dom, bg) else { return nil }
        // Strip frame lines (uniform, not the panel colour: borders, shadow steps) from each side.
        func frameLine(_ pts: [(Int, Int)]) -> Bool {
            let cols = pts.map { raster.color($0.0, $0.1) }
            let onPanel = cols.filter { raster.same($0, dom) }.count
            if onPanel * 10 >= cols.count * 9 { return false }
            let mid = cols[cols.count / 2]
            if raster.same(mid, dom) { return false }
            return cols.filter { raster.same($0, mid) }.count * 100 >= cols.count * 80
        }
        let maxInset = 24
        var top = 0, bottom = 0, left = 0, right = 0
        let xs = stride(from: c.x + c.width / 10, to: c.maxX - c.width / 10, by: 2)
        let ys = stride(from: c.y + c.height / 10, to: c.maxY - c.height / 10, by: 2)
        while top < maxInset, frameLine(xs.map { ($0, c.y + top) }) { top += 1 }
        while bottom < maxInset, frameLine(xs.map { ($0, c.maxY - 1 - bottom) }) { bottom += 1 }
        while left < maxInset, frameLine(ys.map { (c.x + left, $0) }) { left += 1 }
        while right < maxInset, frameLine(ys.map { (c.maxX - 1 - right, $0) }) { right += 1 }
        let inner = PixelRect(x: c.x + left, y: c.y + top, width: c.width - left - right, height: c.height - top - bottom)
        guard inner.width >= 20, inner.height >= 20 else { return nil }
        var kids: [LayoutRegion] = []
        var dir: UIDirection = .column
        if let found = segment(roundedContent(inner, fill: dom, bg: bg), bg: dom, depth: depth + 1),
           let content = withoutCornerSlivers(found, of: inner, fill: dom, bg: bg) {
            if case .stack(let d) = content.kind { kids = content.children; dir = d } else { kids = [content] }
        }
        return LayoutRegion(kind: .box(fill: dom, border: nil, radius: 0), rect: inner, background: bg,
                            innerBackground: dom, direction: dir, children: kids)
    }

    private func stack(_ d: UIDirection, _ c: PixelRect, _ bg: RGB, _ kids: [LayoutRegion]) -> LayoutRegion? {
        if kids.isEmpty { return nil }
        if kids.count == 1 { return kids[0] }
        return LayoutRegion(kind: .stack(d), rect: c, background: bg, direction: d, children: kids)
    }

    /// The bounding box of non-background pixels.
    func trim(_ rect: PixelRect, _ p: (rows: [Int], cols: [Int])) -> PixelRect? {
        guard let y0 = p.rows.firstIndex(where: { $0 > 0 }), let y1 = p.rows.lastIndex(where: { $0 > 0 }),
              let x0 = p.cols.firstIndex(where: { $0 > 0 }), let x1 = p.cols.lastIndex(where: { $0 > 0 }) else { return nil }
        return PixelRect(x: rect.x + x0, y: rect.y + y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
    }

    /// Runs of non-zero entries separated by at least `minGap` zeros (relative indices).
    func runs(_ proj: [Int], minGap: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int? = nil, lastOn = -1
        for (i, v) in proj.enumerated() where v > 0 {
            if let s = start {
                if i - lastOn - 1 >= minGap { out.append(s..<(lastOn + 1)); start = i }
            } else { start = i }
            lastOn = i
        }
        if let s = start { out.append(s..<(lastOn + 1)) }
        return out
    }

    /// Indices of lines (columns or rows) that are ink over at least 95 % of `full`, in runs at most
    /// 3 wide, and only when they are few (a filled block is not a rule).
    func thinFullRuns(_ proj: [Int], full: Int) -> [Int] {
        guard full >= 40 else { return [] }
        let isFull = proj.map { $0 * 100 >= full * 95 }
        var out: [Int] = []
        var i = 0
        while i < isFull.count {
            if isFull[i] {
                var j = i
                while j < isFull.count && isFull[j] { j += 1 }
                if j - i <= 3 { out += Array(i..<j) }
                i = j
            } else { i += 1 }
        }
        return out.count * 10 <= proj.count ? out : []
    }

    /// Whether row `y` of `c` is ink with no gap wider than 3 px: a rule across the region, not the
    /// top or bottom edges of boxes side by side (two fields of a form row span most of its width too).
    func isUnbroken(y: Int, _ c: PixelRect, bg: RGB) -> Bool {
        var gap = 0
        for x in c.x..<c.maxX {
            if raster.same(raster.color(x, y), bg) { gap += 1; if gap > 3 { return false } } else { gap = 0 }
        }
        return true
    }

    /// Whether column `x` of `c` is ink with no gap taller than 3 px (see `isUnbroken(y:_:bg:)`).
    func isUnbroken(x: Int, _ c: PixelRect, bg: RGB) -> Bool {
        var gap = 0
        for y in c.y..<c.maxY {
            if raster.same(raster.color(x, y), bg) { gap += 1; if gap > 3 { return false } } else { gap = 0 }
        }
        return true
    }

    private func columnProjection(_ c: PixelRect, bg: RGB) -> [Int] { raster.projections(c, background: bg).cols }

    /// Column runs: a gutter splits when it is wide for the strip's height (so the words of a line
    /// stay together), or narrower when a box sits on either side of it.
    func columnRuns(_ proj: [Int], _ c: PixelRect, bg: RGB) -> [Range<Int>] {
        let raw = runs(proj, minGap: 3)
        guard raw.count >= 2 else { return raw }
        // Per run: is it a box, and how tall are its text lines (the median row run)?
        let info: [(boxy: Bool, line: Double)] = raw.map { r in
            let sub = PixelRect(x: c.x + r.lowerBound, y: c.y, width: r.count, height: c.height)
            let p = raster.projections(sub, background: bg)
            guard let t = trim(sub, p) else { return (false, Double(c.height)) }
            let rows = runs(Array(p.rows[(t.y - sub.y)..<(t.maxY - sub.y)]), minGap: 1).map(\.count).sorted()
            let line = Double(rows.isEmpty ? t.height : rows[rows.count / 2])
            return (ringColor(t, inset: 0, bg: bg) != nil && t.width >= 12 && t.height >= 10, line)
        }
        var out: [Range<Int>] = [raw[0]]
        var last = info[0]
        for i in 1..<raw.count {
            let gap = raw[i].lowerBound - out[out.count - 1].upperBound
            // Words of one line are closer than their line's height; columns and boxes are not.
            let textLike = max(last.line, info[i].line) <= 44
            let wide = c.height <= 48 ? max(8, 0.9 * Double(c.height)) : textLike ? max(12, 0.9 * min(last.line, info[i].line)) : 12
            let split = Double(gap) >= wide || (gap >= 4 && (last.boxy || info[i].boxy))
            if split { out.append(raw[i]); last = info[i] }
            else {
                out[out.count - 1] = out[out.count - 1].lowerBound..<raw[i].upperBound
                last = (false, min(last.line, info[i].line))
            }
        }
        return out
    }

    // MARK: - Boxes, rules, bands

    /// A thin rule: at most 4 px thick, at least 16 px long, one colour.
    func divider(_ c: PixelRect, bg: RGB) -> LayoutRegion? {
        let horizontal = c.height <= 4 && c.width >= 12 && c.width >= c.height * 4
        let vertical = c.width <= 4 && c.height >= 12 && c.height >= c.width * 4
        guard horizontal || vertical else { return nil }
        let (col, share) = raster.dominantColor(in: c)
        guard share >= 0.8 else { return nil }
        return LayoutRegion(kind: .divider(col), rect: c, background: bg)
    }

    /// The colour of the ring `inset` pixels inside `r` when all four sides (corners skipped)
    /// are that one colour and it is not `bg`.
    func ringColor(_ r: PixelRect, inset d: Int, bg: RGB?) -> RGB? {
        let x0 = r.x + d, y0 = r.y + d, x1 = r.maxX - 1 - d, y1 = r.maxY - 1 - d
        guard x1 - x0 >= 4, y1 - y0 >= 4 else { return nil }
        let skipX = min(10, max(2, (x1 - x0) / 3)), skipY = min(10, max(2, (y1 - y0) / 3))
        let ref = raster.color((x0 + x1) / 2, y0)
        if let bg, raster.same(ref, bg) { return nil }
        func side(_ pts: [(Int, Int)]) -> Bool {
            if pts.isEmpty { return false }
            var m = 0, gap = 0
            for (x, y) in pts {
                if raster.same(raster.color(x, y), ref) { m += 1; gap = 0 } else {
                    // a side broken by 6 px or more is the edges of boxes side by side, not one box
                    gap += 1; if gap >= 6 { return false }
                }
            }
            return m * 100 >= pts.count * 92
        }
        let top = stride(from: x0 + skipX, through: x1 - skipX, by: 1).map { ($0, y0) }
        let bottom = stride(from: x0 + skipX, through: x1 - skipX, by: 1).map { ($0, y1) }
        let left = stride(from: y0 + skipY, through: y1 - skipY, by: 1).map { (x0, $0) }
        let right = stride(from: y0 + skipY, through: y1 - skipY, by: 1).map { (x1, $0) }
        guard side(top), side(bottom), side(left), side(right) else { return nil }
        return ref
    }

    /// A rectangle whose outer ring is one colour: a filled box (content on the fill) or a
    /// bordered box (a thin ring, then a different uniform colour).
    func box(_ c: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        guard c.width >= 10, c.height >= 8, let outer = ringColor(c, inset: 0, bg: bg) else { return nil }
        let maxBorder = 5
        var t = 1
        while t < maxBorder, 2 * t + 6 < min(c.width, c.height), let rc = ringColor(c, inset: t, bg: nil), raster.same(rc, outer) { t += 1 }
        let radius = cornerRadius(c, fill: outer, bg: bg)
        var fill: RGB? = outer
        var border: UIBorder? = nil
        var inner = c
        if t < maxBorder, 2 * t + 6 < min(c.width, c.height) {
            // Is there a different uniform colour inside the ring? Then the ring is a border.
            if let inside = ringColor(c, inset: t, bg: nil), !raster.same(inside, outer) {
                border = UIBorder(width: Double(t), color: outer)
                fill = raster.same(inside, bg) ? nil : inside
                inner = c.insetBy(t)
            } else if t <= 2 {
                // A thin ring with content right against it: still a border on the same background.
                border = UIBorder(width: Double(t), color: outer)
                fill = nil
                inner = c.insetBy(t)
            }
        }
        let innerBg = fill ?? bg
        // Rounded corners leave slivers of the outside colour inside the rectangle: keep clear of them.
        if radius > 0 { inner = inner.insetBy(min(Int((radius * 0.3).rounded(.up)) + 1, min(inner.width, inner.height) / 3)) }
        var kids: [LayoutRegion] = []
        var dir: UIDirection = .column
        if !inner.isEmpty, let found = segment(inner, bg: innerBg, depth: depth + 1),
           let content = withoutCornerSlivers(found, of: c, fill: outer, bg: bg) {
            if case .stack(let d) = content.kind { kids = content.children; dir = d } else { kids = [content] }
        }
        return LayoutRegion(kind: .box(fill: fill, border: border, radius: radius), rect: c, background: bg,
                            innerBackground: innerBg, direction: dir, children: kids)
    }

    /// Rounded corners show the outside background at the corner pixel; the radius follows from
    /// how far along the diagonal the fill starts (d = r·(1 − 1/√2)). A one-pixel border's arc is
    /// 8-connected and can pass between two diagonal pixels, so each step also looks at the two
    /// pixels a 4-connected path would cross; without that the walk ran on into the box's content
    /// and a card's radius came out ~80 px, whose inset then cut the tops off its first line.
    func cornerRadius(_ c: PixelRect, fill: RGB, bg: RGB, corner: (right: Bool, bottom: Bool) = (false, false)) -> Double {
        var d = 0
        let limit = min(c.width, c.height) / 2
        // The pixel d steps in from the corner, and its two 4-connected neighbours toward the corner.
        let x0 = corner.right ? c.maxX - 1 : c.x, y0 = corner.bottom ? c.maxY - 1 : c.y
        let sx = corner.right ? -1 : 1, sy = corner.bottom ? -1 : 1
        func at(_ dx: Int, _ dy: Int) -> RGB { raster.color(x0 + sx * dx, y0 + sy * dy) }
        func clear(_ d: Int) -> Bool {
            guard raster.same(at(d, d), bg) else { return false }
            return d == 0 || (raster.same(at(d, d - 1), bg) && raster.same(at(d - 1, d), bg))
        }
        while d < limit, clear(d) { d += 1 }
        if d == 0 { return 0 }
        let diagonal = min(Double(limit), (Double(d) / 0.293).rounded())
        // A faint one-pixel border (#efefef on white) is within the tolerance of the background, so the
        // diagonal walk can pass through it and run on across a card's white inside to its content
        // (a 205 px "radius" whose inset then dropped the card's heading and cut its lines' first
        // letters). The straight edges begin where the arc ends: along the corner's row and column, the
        // first pixel off the background bounds the radius (twice over, for the arc's anti-aliased ends).
        let edge = max(edgeRun(limit) { at($0, 0) }, edgeRun(limit) { at(0, $0) })
        return min(diagonal, Double(2 * edge + 2))
        func edgeRun(_ limit: Int, _ pixel: (Int) -> RGB) -> Int {
            var k = 0
            while k < limit, raster.same(pixel(k), bg) { k += 1 }
            return k
        }
    }

    /// Cuts where the background colour changes between full-width bands (a dark header straight
    /// on a light body): rows whose both edges and most samples share a colour, changing for good.
    func bandCut(_ c: PixelRect, bg: RGB) -> [PixelRect]? {
        guard c.height >= 8, c.width >= 16 else { return nil }
        func rowColor(_ y: Int) -> RGB? {
            let l = raster.color(c.x, y), r = raster.color(c.maxX - 1, y)
            guard raster.same(l, r) else { return nil }
            // The margins on both sides share the colour (the middle may hold a centred panel).
            let reach = max(2, c.width / 20)
            for i in 1...4 {
                let d = reach * i / 4
                if !raster.same(raster.color(c.x + d, y), l) || !raster.same(raster.color(c.maxX - 1 - d, y), l) { return nil }
            }
            return l
        }
        let colors = (c.y..<c.maxY).map(rowColor)
        var cuts: [Int] = []
        var current: RGB? = colors.first ?? nil
        var i = 1
        while i < colors.count {
            if let col = colors[i], let cur = current, !raster.same(col, cur) {
                // The new colour must hold for 3 rows.
                let holds = (i..<min(colors.count, i + 3)).allSatisfy { j in colors[j].map { raster.same($0, col) } ?? false }
                if holds && i - (cuts.last ?? 0) >= 3 { cuts.append(i) }
                current = col
            } else if current == nil, let col = colors[i] { current = col }
            i += 1
        }
        guard !cuts.isEmpty else { return nil }
        var out: [PixelRect] = []
        var start = 0
        for k in cuts + [colors.count] where k - start >= 2 {
            out.append(PixelRect(x: c.x, y: c.y + start, width: c.width, height: k - start)); start = k
        }
        return out.count >= 2 ? out : nil
    }
}
