import ScreenCore

/// Backgrounds a shade apart: a feed of white cards on a light grey section of a white page, a
/// `#f8f9fa` section between white ones. The two colours lie within the raster's tolerance (which
/// absorbs anti-aliasing), so the XY-cut sees one background and slices the section into its cards'
/// rows: the section and its cards are lost. Here a band of full-width rows whose edge pixels hold
/// one exact colour, a shade (but not more than the tolerance) from the background, is taken as a
/// filled section and segmented on its own colour with a tolerance fine enough to see what sits on it.
extension LayoutSegmenter {
    /// The least difference (sum over channels) between a band's colour and the background for the
    /// band to count as a section of its own.
    static let subtleBandMinDistance = 10
    /// The fewest rows a subtle band must span.
    static let subtleBandMinRows = 32

    /// The tolerance a band's content is segmented at, for a band `d` levels from the background:
    /// half of it (at least 4), so what sits on the band, `d` or more from it, stands out.
    static func fineTolerance(_ d: Int) -> Int { max(4, d / 2) }

    /// The colour of row `y` at both edges of `rect` (three pixels each side, all within 3 levels of
    /// one another), or nil when the edges differ.
    func edgeColor(_ rect: PixelRect, y: Int) -> RGB? {
        guard rect.width >= 8 else { return nil }
        let ref = raster.color(rect.x, y)
        for x in [rect.x + 1, rect.x + 2, rect.maxX - 3, rect.maxX - 2, rect.maxX - 1] {
            if DesignRaster.distance(raster.color(x, y), ref) > 3 { return nil }
        }
        return ref
    }

    /// Runs of rows of `rect` whose edges share one colour a shade from `bg` (see
    /// `subtleBandMinDistance`; within the tolerance, else `bandCut` sees it): (rows, colour).
    func subtleBands(_ rect: PixelRect, bg: RGB) -> [(rows: Range<Int>, color: RGB)] {
        guard rect.height >= Self.subtleBandMinRows, rect.width >= 64 else { return [] }
        let colors = (rect.y..<rect.maxY).map { edgeColor(rect, y: $0) }
        var out: [(Range<Int>, RGB)] = []
        var i = 0
        while i < colors.count {
            guard let s = colors[i], case let d = DesignRaster.distance(s, bg),
                  d >= Self.subtleBandMinDistance, d <= raster.tolerance else { i += 1; continue }
            var j = i + 1
            while j < colors.count, let c = colors[j], DesignRaster.distance(c, s) <= 3 { j += 1 }
            // A sharp edge at both ends (or the rectangle's end), not a gradient drifting out of tolerance.
            func sharp(_ k: Int) -> Bool { k < 0 || k >= colors.count || colors[k].map { DesignRaster.distance($0, s) >= 8 } ?? true }
            // Its first and last rows are the fill alone: a band never cuts through content (a title
            // whose line the edges' colour passes beside, broken by a link at the side).
            func clean(_ k: Int) -> Bool {
                let y = rect.y + k
                return !(rect.x..<rect.maxX).contains { DesignRaster.distance(raster.color($0, y), s) > Self.fineTolerance(d) }
            }
            if j - i >= Self.subtleBandMinRows, sharp(i - 1), sharp(j), clean(i), clean(j - 1) { out.append((rect.y + i..<rect.y + j, s)) }
            i = j
        }
        return out
    }

    /// `rect` cut at its subtle bands: the bands as filled boxes segmented on their own colour, the
    /// rest on `bg`; nil when it has none.
    func subtleBandSplit(_ rect: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        guard findsSubtleBands else { return nil }
        let bands = subtleBands(rect, bg: bg)
        guard !bands.isEmpty else { return nil }
        var kids: [LayoutRegion] = []
        var y = rect.y
        for band in bands {
            if band.rows.lowerBound > y,
               let above = segment(PixelRect(x: rect.x, y: y, width: rect.width, height: band.rows.lowerBound - y), bg: bg, depth: depth + 1) {
                kids.append(above)
            }
            kids.append(subtleBox(PixelRect(x: rect.x, y: band.rows.lowerBound, width: rect.width, height: band.rows.count),
                                  fill: band.color, bg: bg, depth: depth))
            y = band.rows.upperBound
        }
        if y < rect.maxY, let below = segment(PixelRect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), bg: bg, depth: depth + 1) {
            kids.append(below)
        }
        if kids.count == 1 { return kids[0] }
        return LayoutRegion(kind: .stack(.column), rect: rect, background: bg, children: kids)
    }

    /// A band filled with `fill` (a shade from `bg`): its content segmented on the fill with a
    /// tolerance half the two colours' distance (or, when that finds no gutter, as if it were not there).
    func subtleBox(_ band: PixelRect, fill: RGB, bg: RGB, depth: Int) -> LayoutRegion {
        var fine = LayoutSegmenter(raster: raster.withTolerance(Self.fineTolerance(DesignRaster.distance(fill, bg))))
        fine.maxDepth = maxDepth
        fine.coarseTolerance = raster.tolerance
        var kids: [LayoutRegion] = []
        var dir: UIDirection = .column
        // Where the fine tolerance sees no gutter at all (a faint texture or shading over the whole
        // section), the section's content is cut at the page's tolerance, as before.
        // Where the fine tolerance sees no gutter at all (light shading between the section's parts),
        // the section is cut as before this rule: on the page's background, the section unseen.
        let found = fine.segment(band, bg: fill, depth: depth + 1)
        if let f = found, f.kind == .leaf, f.rect.area * 2 >= band.area {
            var plain = self
            plain.findsSubtleBands = false
            if let old = plain.segment(band, bg: bg, depth: depth + 1) { return old }
        }
        if let content = found {
            if case .stack(let d) = content.kind { kids = content.children; dir = d } else { kids = [content] }
        }
        return LayoutRegion(kind: .box(fill: fill, border: nil, radius: 0), rect: band, background: bg,
                            innerBackground: fill, direction: dir, children: kids)
    }

    /// A large region the fine tolerance of a subtle band leaves whole, segmented again at the page's
    /// tolerance (on which a white card's text and picture stand apart); nil when that does not cut it.
    func coarseFallback(_ c: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        guard let t = coarseTolerance, c.width >= 64, c.height >= 64 else { return nil }
        var coarse = LayoutSegmenter(raster: raster.withTolerance(t))
        coarse.maxDepth = maxDepth
        guard var r = coarse.segment(c, bg: bg, depth: depth + 1), r.kind != .leaf else { return nil }
        // The coarse pass trims the card's own fill off as background: a box the coarse pass ends
        // above the region's bottom grows down to it when the rows between hold only its fill.
        if case .stack(.column) = r.kind, var last = r.children.last, case .box(let fill?, _, _) = last.kind,
           last.rect.maxY < c.maxY, filled(PixelRect(x: last.rect.x, y: last.rect.maxY, width: last.rect.width,
                                                     height: c.maxY - last.rect.maxY), with: fill) {
            last.rect = PixelRect(x: last.rect.x, y: last.rect.y, width: last.rect.width, height: c.maxY - last.rect.y)
            r.children[r.children.count - 1] = last
            r.rect = r.rect.union(last.rect)
        }
        return r
    }

    /// Whether the middle four fifths of every row of `rect` hold only `fill` (within the tolerance).
    func filled(_ rect: PixelRect, with fill: RGB) -> Bool {
        let x0 = rect.x + rect.width / 10, x1 = rect.maxX - rect.width / 10
        guard x1 > x0 else { return false }
        for y in rect.y..<rect.maxY {
            for x in x0..<x1 where !raster.same(raster.color(x, y), fill) { return false }
        }
        return true
    }

    /// `region` (the content of the box `box`) without the leaves that lie wholly in a rounded corner
    /// of the box: the outside colour left in the rectangle's corners, which a fine tolerance sees
    /// as content. Each corner's own radius counts (a card's footer strip is rounded at the bottom only).
    func withoutCornerSlivers(_ region: LayoutRegion, of box: PixelRect, fill: RGB, bg: RGB) -> LayoutRegion? {
        let zones: [PixelRect] = [(false, false), (true, false), (false, true), (true, true)].compactMap { corner in
            let r = Int(cornerRadius(box, fill: fill, bg: bg, corner: (right: corner.0, bottom: corner.1)).rounded(.up))
            guard r > 0 else { return nil }
            return PixelRect(x: corner.0 ? box.maxX - r : box.x, y: corner.1 ? box.maxY - r : box.y, width: r, height: r)
        }
        guard !zones.isEmpty else { return region }
        func keep(_ r: LayoutRegion) -> LayoutRegion? {
            if case .leaf = r.kind { return zones.contains { $0.intersection(r.rect) == r.rect } ? nil : r }
            guard case .stack = r.kind else { return r }
            var out = r
            out.children = r.children.compactMap(keep)
            if out.children.isEmpty { return nil }
            if out.children.count == 1 { return out.children[0] }
            out.rect = out.children.dropFirst().reduce(out.children[0].rect) { $0.union($1.rect) }
            return out
        }
        return keep(region)
    }

    /// The part of a panel `rect` clear of its rounded corners (the outside colour left in them):
    /// each side inset by 0.3 × the larger radius of its two corners, but never past the first pixel
    /// of content between the corners (a bubble's first line is not cut).
    func roundedContent(_ rect: PixelRect, fill: RGB, bg: RGB) -> PixelRect {
        let r = [(false, false), (true, false), (false, true), (true, true)].map {
            Int(cornerRadius(rect, fill: fill, bg: bg, corner: (right: $0.0, bottom: $0.1)).rounded(.up))
        }
        guard r.contains(where: { $0 > 0 }) else { return rect }
        func inset(_ radius: Int, _ clear: (Int) -> Bool) -> Int {
            guard radius > 0 else { return 0 }
            let want = min(radius * 3 / 10 + 1, min(rect.width, rect.height) / 3)
            var d = 0
            while d < want, clear(d) { d += 1 }
            return d
        }
        let top = max(r[0], r[1]), bottom = max(r[2], r[3]), left = max(r[0], r[2]), right = max(r[1], r[3])
        // (between the corners; where the corners meet, the middle third)
        func rowClear(_ y: Int) -> Bool {
            var x0 = rect.x + max(r[0], r[2]), x1 = rect.maxX - max(r[1], r[3])
            if x1 - x0 < rect.width / 3 { x0 = rect.x + rect.width / 3; x1 = rect.maxX - rect.width / 3 }
            return !(x0..<x1).contains { !raster.same(raster.color($0, y), fill) }
        }
        func colClear(_ x: Int) -> Bool {
            var y0 = rect.y + max(r[0], r[1]), y1 = rect.maxY - max(r[2], r[3])
            if y1 - y0 < rect.height / 3 { y0 = rect.y + rect.height / 3; y1 = rect.maxY - rect.height / 3 }
            return !(y0..<y1).contains { !raster.same(raster.color(x, $0), fill) }
        }
        let t = inset(top) { rowClear(rect.y + $0) }, b = inset(bottom) { rowClear(rect.maxY - 1 - $0) }
        let l = inset(left) { colClear(rect.x + $0) }, rr = inset(right) { colClear(rect.maxX - 1 - $0) }
        let out = PixelRect(x: rect.x + l, y: rect.y + t, width: rect.width - l - rr, height: rect.height - t - b)
        return out.isEmpty ? rect : out
    }
}
