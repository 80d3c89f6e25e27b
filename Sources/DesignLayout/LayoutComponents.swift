import ScreenCore

/// When XY-cut finds no gutter (labels that wrap into the next row, a block sitting between two
/// others), the region is split by connected components instead: ink pixels → glyphs → words and
/// lines (merged while near each other) → pieces whose boxes are disjoint, so each piece's box
/// holds only its own pixels and can be segmented on its own. Pieces are then grouped into rows by
/// vertical overlap; rows may overlap each other, which flow layout expresses with negative margins.
extension LayoutSegmenter {
    /// Largest number of glyph components considered (a photograph has thousands: not a layout).
    static let maxComponents = 2500

    /// Rows of disjoint pieces, or nil when the region is one piece (a paragraph, a picture).
    func overlapSplit(_ c: PixelRect, bg: RGB, depth: Int) -> LayoutRegion? {
        guard c.width >= 24, c.height >= 24, c.area <= 4_000_000 else { return nil }
        guard var boxes = components(c, bg: bg), boxes.count >= 2 else { return nil }
        boxes = mergePieces(boxes)
        guard boxes.count >= 2 else { return nil }
        // Rows: pieces sorted by top, joined to a row they overlap vertically by half their height.
        boxes.sort { ($0.y, $0.x) < ($1.y, $1.x) }
        var rows: [[PixelRect]] = []
        for b in boxes {
            if let i = rows.lastIndex(where: { row in
                let r = row.dropFirst().reduce(row[0]) { $0.union($1) }
                let o = min(r.maxY, b.maxY) - max(r.y, b.y)
                return o * 2 >= min(b.height, r.height)
            }) { rows[i].append(b) } else { rows.append([b]) }
        }
        var kids: [LayoutRegion] = []
        for row in rows {
            let items = row.sorted { $0.x < $1.x }.compactMap { segment($0, bg: bg, depth: depth + 1) }
            if items.count == 1 { kids.append(items[0]) }
            else if items.count > 1 {
                let r = items.dropFirst().reduce(items[0].rect) { $0.union($1.rect) }
                kids.append(LayoutRegion(kind: .stack(.row), rect: r, background: bg, direction: .row, children: items))
            }
        }
        if kids.count == 1 { return kids[0] }
        return kids.isEmpty ? nil : LayoutRegion(kind: .stack(.column), rect: c, background: bg, direction: .column, children: kids)
    }

    /// Bounding boxes of 8-connected non-background components (union–find over pixel runs).
    func components(_ c: PixelRect, bg: RGB) -> [PixelRect]? {
        let w = c.width, h = c.height
        var label = [Int32](repeating: -1, count: w * h)
        var parent: [Int32] = []
        func find(_ x: Int32) -> Int32 {
            var r = x
            while parent[Int(r)] != r { r = parent[Int(r)] }
            var y = x
            while parent[Int(y)] != r { let n = parent[Int(y)]; parent[Int(y)] = r; y = n }
            return r
        }
        func unite(_ a: Int32, _ b: Int32) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
        }
        let br = Int(bg.r), bgg = Int(bg.g), bb = Int(bg.b), tol = raster.tolerance, W = raster.width
        raster.rgb.withUnsafeBufferPointer { p in
            for y in 0..<h {
                var o = ((c.y + y) * W + c.x) * 3
                for x in 0..<w {
                    let d = abs(Int(p[o]) - br) + abs(Int(p[o + 1]) - bgg) + abs(Int(p[o + 2]) - bb)
                    o += 3
                    guard d > tol else { continue }
                    let i = y * w + x
                    var l: Int32 = -1
                    if x > 0, label[i - 1] >= 0 { l = label[i - 1] }
                    if y > 0 {
                        for dx in -1...1 where x + dx >= 0 && x + dx < w {
                            let n = label[i - w + dx]
                            if n >= 0 { if l < 0 { l = n } else if n != l { unite(l, n) } }
                        }
                    }
                    if l < 0 { l = Int32(parent.count); parent.append(l) }
                    label[i] = l
                }
            }
        }
        if parent.isEmpty { return nil }
        var boxOf: [Int32: (Int, Int, Int, Int)] = [:]
        for y in 0..<h {
            for x in 0..<w {
                let l = label[y * w + x]
                guard l >= 0 else { continue }
                let r = find(l)
                if let b = boxOf[r] { boxOf[r] = (min(b.0, x), min(b.1, y), max(b.2, x), max(b.3, y)) }
                else { boxOf[r] = (x, y, x, y) }
            }
            if boxOf.count > Self.maxComponents { return nil }
        }
        return boxOf.values.map { PixelRect(x: c.x + $0.0, y: c.y + $0.1, width: $0.2 - $0.0 + 1, height: $0.3 - $0.1 + 1) }
    }

    /// Merges glyphs into words and lines, and any intersecting boxes, until nothing changes.
    func mergePieces(_ input: [PixelRect]) -> [PixelRect] {
        var boxes = input
        func near(_ a: PixelRect, _ b: PixelRect) -> Bool {
            if !a.intersection(b).isEmpty { return true }
            let vOverlap = min(a.maxY, b.maxY) - max(a.y, b.y)
            let hOverlap = min(a.maxX, b.maxX) - max(a.x, b.x)
            let hGap = max(a.x, b.x) - min(a.maxX, b.maxX)
            let vGap = max(a.y, b.y) - min(a.maxY, b.maxY)
            let hi = max(a.height, b.height), lo = min(a.height, b.height)
            // Glyphs of one line: overlapping rows, a word-sized gap.
            if vOverlap * 5 >= lo * 2, Double(hGap) <= max(3, 0.8 * Double(min(hi, 40))) { return true }
            // Dots and accents over a glyph.
            if hOverlap > 0, vGap <= 2, lo * 2 <= hi { return true }
            return false
        }
        var changed = true
        var rounds = 0
        while changed && rounds < 12 {
            changed = false; rounds += 1
            boxes.sort { $0.x < $1.x }
            var out: [PixelRect] = []
            var used = [Bool](repeating: false, count: boxes.count)
            for i in boxes.indices where !used[i] {
                var cur = boxes[i]
                used[i] = true
                var grew = true
                while grew {
                    grew = false
                    for j in boxes.indices where !used[j] {
                        if boxes[j].x > cur.maxX + 45 { break }
                        if near(cur, boxes[j]) { cur = cur.union(boxes[j]); used[j] = true; grew = true; changed = true }
                    }
                }
                out.append(cur)
            }
            boxes = out
        }
        return boxes
    }
}
