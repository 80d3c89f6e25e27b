import Foundation
import ScreenCore

/// Pixel measurements shared by refinement and `diff`: where the ink (text, glyphs, borders) of a
/// rectangle is, what colour it is, and how alike two whole pages look. The same functions read
/// the design and the rendered screenshot, so their errors cancel when the two are compared.
public enum Pixels {
    /// Ink in a rectangle: its tight box and colour.
    public struct Ink: Sendable, Equatable {
        public var box: PixelRect
        /// The colour of the ink pixels farthest from the background (anti-aliased edges excluded).
        public var color: RGB
        /// The local background (the most common colour of the rectangle's rim).
        public var background: RGB
    }

    /// Sum of absolute channel differences.
    @inline(__always) public static func distance(_ a: RGB, _ b: RGB) -> Int {
        abs(Int(a.r) - Int(b.r)) + abs(Int(a.g) - Int(b.g)) + abs(Int(a.b) - Int(b.b))
    }

    /// The most common colour (quantised to 8 levels a channel, then averaged) on the rim of `r`.
    public static func rimColor(_ img: Image, _ r: PixelRect) -> RGB? { rimColor(img, r, shift: 5) }

    /// The most common colour on the rim of `r`, channels quantised by `shift` bits (5: 8 levels;
    /// 2: 64 levels, which tells a light grey outline from white and off-white).
    static func rimColor(_ img: Image, _ r: PixelRect, shift: Int) -> RGB? {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard !c.isEmpty else { return nil }
        var bins: [Int: (n: Int, r: Int, g: Int, b: Int)] = [:]
        func add(_ x: Int, _ y: Int) {
            let p = img.rgb(x: x, y: y)
            let k = (Int(p.r) >> shift) << 16 | (Int(p.g) >> shift) << 8 | Int(p.b) >> shift
            var v = bins[k] ?? (0, 0, 0, 0)
            v.n += 1; v.r += Int(p.r); v.g += Int(p.g); v.b += Int(p.b)
            bins[k] = v
        }
        for x in c.x..<c.maxX { add(x, c.y); add(x, c.maxY - 1) }
        for y in c.y..<c.maxY { add(c.x, y); add(c.maxX - 1, y) }
        guard let best = bins.values.max(by: { $0.n < $1.n }) else { return nil }
        return RGB(UInt8(best.r / best.n), UInt8(best.g / best.n), UInt8(best.b / best.n))
    }

    /// The ink of `r` on `img`: pixels at least `threshold` (sum of channel differences) from the
    /// background (given, or the rim's colour). Rows and columns at the edges that are ink almost
    /// all along (a border or rule the rectangle caught) are trimmed first. Nil when there is none.
    /// `owns` (when given) says which pixels may be this text's: the others count as background
    /// (another text's glyphs where two overlap). `follow: false` keeps the ink inside `r` (a
    /// page's text box is exact: what lies past it is a neighbour's).
    public static func ink(_ img: Image, in r: PixelRect, background: RGB? = nil, threshold: Int = 90,
                           owns: ((Int, Int) -> Bool)? = nil, follow: Bool = true) -> Ink? {
        var c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard c.width >= 2, c.height >= 2, let bg = background ?? rimColor(img, c) else { return nil }
        func dist(_ x: Int, _ y: Int) -> Int {
            if let owns, !owns(x, y) { return 0 }
            return distance(img.rgb(x: x, y: y), bg)
        }
        func isInk(_ x: Int, _ y: Int) -> Bool { dist(x, y) >= threshold }
        // A row is a border when ink covers 90 % of it (a line of text never does: letters have
        // gaps); a column when ink covers 90 %, or 64 % of a column at least 20 px tall (a rounded
        // outline's side; a glyph's stem fills less of a padded line box).
        func colFull(_ x: Int) -> Bool {
            let n = (c.y..<c.maxY).count(where: { isInk(x, $0) })
            return n * 10 >= c.height * 9 || (c.height >= 20 && n * 100 >= c.height * 64)
        }
        func rowFull(_ y: Int) -> Bool { (c.x..<c.maxX).count(where: { isInk($0, y) }) * 10 >= c.width * 9 }
        // Cut off border lines within 6 px of each side (everything outside them too).
        var cutL = false, cutR = false, cutT = false, cutB = false
        let reachX = min(6, c.width / 3), reachY = min(6, c.height / 3)
        if let k = (0..<reachX).last(where: { colFull(c.x + $0) }) { c.x += k + 1; c.width -= k + 1; cutL = true }
        if let k = (0..<reachX).last(where: { colFull(c.maxX - 1 - $0) }) { c.width -= k + 1; cutR = true }
        if let k = (0..<reachY).last(where: { rowFull(c.y + $0) }) { c.y += k + 1; c.height -= k + 1; cutT = true }
        if let k = (0..<reachY).last(where: { rowFull(c.maxY - 1 - $0) }) { c.height -= k + 1; cutB = true }
        guard c.width >= 1, c.height >= 1 else { return nil }
        // Columns of ink, grouped into clusters separated by gaps wider than a line is tall; the
        // cluster with the most ink is the text (a centred label's box can span its container,
        // and so catch the container's other strokes, such as a button's outline).
        var colInk = [Int](repeating: 0, count: c.width)
        var rowsAny = [Bool](repeating: false, count: c.height)
        for y in c.y..<c.maxY { for x in c.x..<c.maxX where isInk(x, y) { colInk[x - c.x] += 1; rowsAny[y - c.y] = true } }
        guard let firstRow = rowsAny.firstIndex(of: true), let lastRow = rowsAny.lastIndex(of: true) else { return nil }
        let maxGap = max(8, (lastRow - firstRow + 1) * 8 / 10)
        var clusters: [(lo: Int, hi: Int, ink: Int)] = []
        for (i, n) in colInk.enumerated() where n > 0 {
            if var last = clusters.last, i - last.hi - 1 <= maxGap {
                last.hi = i; last.ink += n; clusters[clusters.count - 1] = last
            } else {
                clusters.append((i, i, n))
            }
        }
        guard let main = clusters.max(by: { $0.ink < $1.ink }) else { return nil }
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1, far = 0
        for y in c.y..<c.maxY {
            for x in (c.x + main.lo)...(c.x + main.hi) {
                let d = dist(x, y)
                if d >= threshold {
                    x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
                    far = max(far, d)
                }
            }
        }
        guard x1 >= 0 else { return nil }
        var box = PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        let clipped = clusters.count > 1
        // Ink cut by the rectangle's edge (a box drawn a little too tight): follow it outwards,
        // a column or row at a time, up to 3 px, while the next line still holds ink.
        func any(_ xs: Range<Int>, _ ys: Range<Int>) -> Bool {
            for y in ys where y >= 0 && y < img.height { for x in xs where x >= 0 && x < img.width && isInk(x, y) { return true } }
            return false
        }
        for _ in 0..<(clipped || !follow ? 0 : 3) {
            var grew = false
            if !cutL, box.x == c.x, box.x > 0, any(box.x - 1..<box.x, box.y..<box.maxY) { box.x -= 1; box.width += 1; c.x -= 1; c.width += 1; grew = true }
            if !cutR, box.maxX == c.maxX, box.maxX < img.width, any(box.maxX..<box.maxX + 1, box.y..<box.maxY) { box.width += 1; c.width += 1; grew = true }
            if !cutT, box.y == c.y, box.y > 0, any(box.x..<box.maxX, box.y - 1..<box.y) { box.y -= 1; box.height += 1; c.y -= 1; c.height += 1; grew = true }
            if !cutB, box.maxY == c.maxY, box.maxY < img.height, any(box.x..<box.maxX, box.maxY..<box.maxY + 1) { box.height += 1; c.height += 1; grew = true }
            if !grew { break }
        }
        for y in box.y..<box.maxY { for x in box.x..<box.maxX { far = max(far, dist(x, y)) } }
        // The colour: the mean of pixels within 85 % of the farthest distance (glyph cores).
        var n = 0, sr = 0, sg = 0, sb = 0
        let cut = far * 85 / 100
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX {
                let p = img.rgb(x: x, y: y)
                if dist(x, y) >= cut { n += 1; sr += Int(p.r); sg += Int(p.g); sb += Int(p.b) }
            }
        }
        return Ink(box: box, color: RGB(UInt8(sr / n), UInt8(sg / n), UInt8(sb / n)), background: bg)
    }

    /// The lines of text in `r`: the boxes of its runs of rows holding ink (pixels ≥ 90 from the
    /// rim's colour), top to bottom. Runs thinner than 40 % of the tallest (an accent, an
    /// underline cut off by a 1-px gap) join their nearest neighbour while there are more than
    /// `count` of them.
    public static func inkRows(_ img: Image, in r: PixelRect, count: Int? = nil) -> [PixelRect] {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard c.width >= 2, c.height >= 2, let bg = rimColor(img, c) else { return [] }
        var runs: [PixelRect] = []
        var open: (y0: Int, x0: Int, x1: Int)?
        for y in c.y..<c.maxY {
            var x0 = Int.max, x1 = -1
            for x in c.x..<c.maxX where distance(img.rgb(x: x, y: y), bg) >= 90 { x0 = min(x0, x); x1 = max(x1, x) }
            if x1 >= 0 {
                open = open.map { ($0.y0, min($0.x0, x0), max($0.x1, x1)) } ?? (y, x0, x1)
            } else if let o = open {
                runs.append(PixelRect(x: o.x0, y: o.y0, width: o.x1 - o.x0 + 1, height: y - o.y0)); open = nil
            }
        }
        if let o = open { runs.append(PixelRect(x: o.x0, y: o.y0, width: o.x1 - o.x0 + 1, height: c.maxY - o.y0)) }
        if let count {
            while runs.count > count, let tallest = runs.map(\.height).max(),
                  let k = runs.indices.filter({ runs[$0].height * 10 < tallest * 4 }).min(by: { runs[$0].height < runs[$1].height }) {
                let up = k > 0 ? runs[k].y - runs[k - 1].maxY : Int.max
                let down = k + 1 < runs.count ? runs[k + 1].y - runs[k].maxY : Int.max
                let j = up <= down ? k - 1 : k + 1
                guard j >= 0, j < runs.count else { break }
                runs[min(j, k)] = runs[j].union(runs[k]); runs.remove(at: max(j, k))
            }
        }
        return runs
    }

    /// The words of one line of text in `r`: split at its `count − 1` widest column gaps, which
    /// must be at least 2 px and wider than every gap left inside a word (letters stand closer
    /// than words). Each word's box is as tall as its own ink. Nil when the gaps do not tell
    /// words from letters that clearly.
    public static func inkWords(_ img: Image, in r: PixelRect, count: Int) -> [PixelRect]? {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard count >= 1, c.width >= 2, c.height >= 1, let bg = rimColor(img, PixelRect(x: c.x - 1, y: c.y - 1, width: c.width + 2, height: c.height + 2)) else { return nil }
        let cols = (c.x..<c.maxX).map { x in (c.y..<c.maxY).contains { distance(img.rgb(x: x, y: $0), bg) >= 90 } }
        guard let first = cols.firstIndex(of: true), let last = cols.lastIndex(of: true) else { return nil }
        var gaps: [(at: Int, width: Int)] = []
        var i = first
        while i <= last {
            if cols[i] { i += 1; continue }
            var j = i
            while j <= last && !cols[j] { j += 1 }
            gaps.append((i, j - i)); i = j
        }
        guard gaps.count >= count - 1 else { return nil }
        let byWidth = gaps.sorted { $0.width > $1.width }
        let chosen = byWidth.prefix(count - 1), rest = byWidth.dropFirst(count - 1)
        if count > 1 {
            guard let narrowest = chosen.last?.width, narrowest >= 2, narrowest > (rest.first?.width ?? 0) else { return nil }
        }
        var cuts = chosen.map(\.at).sorted()
        cuts.append(last + 1)
        var out: [PixelRect] = []
        var from = first
        for cut in cuts {
            let gapEnd = gaps.first(where: { $0.at == cut }).map { $0.at + $0.width } ?? cut
            var y0 = Int.max, y1 = -1
            for x in (c.x + from)..<(c.x + cut) {
                for y in c.y..<c.maxY where distance(img.rgb(x: x, y: y), bg) >= 90 { y0 = min(y0, y); y1 = max(y1, y) }
            }
            guard y1 >= 0 else { return nil }
            out.append(PixelRect(x: c.x + from, y: y0, width: cut - from, height: y1 - y0 + 1))
            from = gapEnd
        }
        return out
    }

    /// The extent of a filled block: the bounding box of pixels within 40 (sum of channel
    /// differences) of `fill` in `r` grown by `margin` px. Nil when too few pixels have that colour.
    /// The search grows (8, then 16 px) while the fill reaches its edge.
    public static func fillBox(_ img: Image, in r: PixelRect, fill: RGB, margin: Int = 4) -> PixelRect? {
        guard let b = fillBoxOnce(img, in: r, fill: fill, margin: margin) else { return nil }
        let c = PixelRect(x: r.x - margin, y: r.y - margin, width: r.width + 2 * margin, height: r.height + 2 * margin)
        let touches = (b.x == c.x && c.x > 0) || (b.y == c.y && c.y > 0) || (b.maxX == c.maxX && c.maxX < img.width)
            || (b.maxY == c.maxY && c.maxY < img.height)
        if touches && margin < 16 { return fillBox(img, in: r, fill: fill, margin: margin * 2) ?? b }
        return b
    }

    /// The box of an outline near `r` — a border drawn all round a rectangle in a colour of its
    /// own (a card or a field on a page of nearly the same colour, which no fill tells apart).
    /// The outline's colour is the rim of `r` (or of `r` grown or shrunk by up to `reach` px: the
    /// one farthest from the inside's colour) when it stands out from both the
    /// inside and the outside; each side is the outermost row (column) within `reach` px of `r`'s
    /// edge where most of the middle of that side is that colour (rounded corners left out). Nil
    /// when there is no such colour or any side is not found — or, with `sides: 3`, when more than
    /// one is not: a side crossed by content overflowing the box (text wrapped out of a narrowed
    /// button) is then taken where `r` has it (a page element's border box, known exactly).
    public static func outlineBox(_ img: Image, near r: PixelRect, reach: Int = 3, sides: Int = 4) -> (box: PixelRect, color: RGB)? {
        guard r.width > 10, r.height > 10, r.x >= 0, r.y >= 0, r.maxX <= img.width, r.maxY <= img.height else { return nil }
        func inset(_ k: Int) -> PixelRect { PixelRect(x: r.x + k, y: r.y + k, width: r.width - 2 * k, height: r.height - 2 * k) }
        guard let inside = rimColor(img, inset(4), shift: 2) else { return nil }
        let outside = rimColor(img, inset(-3), shift: 2) ?? inside
        guard let ring = (-reach...reach).compactMap({ rimColor(img, inset($0), shift: 2) }).max(by: { distance($0, inside) < distance($1, inside) }),
              distance(ring, inside) >= 24, distance(ring, outside) >= 24 else { return nil }
        func on(_ x: Int, _ y: Int) -> Bool {
            x >= 0 && y >= 0 && x < img.width && y < img.height && distance(img.rgb(x: x, y: y), ring) <= 30
        }
        // the middle of each side, clear of rounded corners (6 px off each end of a short side, at most a third)
        let mx0 = r.x + r.width / 8, mx1 = r.maxX - r.width / 8
        let my0 = r.y + max(r.height / 8, min(6, r.height / 3)), my1 = r.maxY - max(r.height / 8, min(6, r.height / 3))
        // A side is a line: nearly all of it the outline's colour, with no gap wider than 4 px (two
        // cards side by side, taken for one, have the gutter between them).
        func line(_ hits: [Bool]) -> Bool {
            var gap = 0, n = 0
            for h in hits {
                if h { n += 1; gap = 0 } else { gap += 1; if gap > 4 { return false } }
            }
            return n * 10 >= hits.count * 8
        }
        func row(_ y: Int) -> Bool { line((mx0..<mx1).map { on($0, y) }) }
        func col(_ x: Int) -> Bool { line((my0..<my1).map { on(x, $0) }) }
        let found = [(r.y - reach...r.y + reach).first(where: row),
                     (r.maxY - 1 - reach...r.maxY - 1 + reach).reversed().first(where: row),
                     (r.x - reach...r.x + reach).first(where: col),
                     (r.maxX - 1 - reach...r.maxX - 1 + reach).reversed().first(where: col)]
        guard found.count(where: { $0 != nil }) >= max(sides, 3) else { return nil }
        let top = found[0] ?? r.y, bottom = found[1] ?? r.maxY - 1, left = found[2] ?? r.x, right = found[3] ?? r.maxX - 1
        guard bottom - top >= 8, right - left >= 8 else { return nil }
        return (PixelRect(x: left, y: top, width: right - left + 1, height: bottom - top + 1), ring)
    }

    static func fillBoxOnce(_ img: Image, in r: PixelRect, fill: RGB, margin: Int) -> PixelRect? {
        let c = PixelRect(x: r.x - margin, y: r.y - margin, width: r.width + 2 * margin, height: r.height + 2 * margin)
            .intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard !c.isEmpty else { return nil }
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1, n = 0
        for y in c.y..<c.maxY {
            for x in c.x..<c.maxX where distance(img.rgb(x: x, y: y), fill) <= 40 {
                n += 1; x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        guard x1 >= 0, n * 4 >= r.area else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
    }

    /// Whether two pictures differ inside `r` (grown by 2 px): at least 1 % of its pixels (and at
    /// least 3) differ by more than 48 (sum of channel differences). Outside either picture counts
    /// as different.
    public static func regionDiffers(_ a: Image, _ b: Image, in r: PixelRect) -> Bool {
        let g = PixelRect(x: r.x - 2, y: r.y - 2, width: r.width + 4, height: r.height + 4)
        let c = g.intersection(PixelRect(x: 0, y: 0, width: min(a.width, b.width), height: min(a.height, b.height)))
        guard !c.isEmpty else { return true }
        var n = 0
        for y in c.y..<c.maxY { for x in c.x..<c.maxX where distance(a.rgb(x: x, y: y), b.rgb(x: x, y: y)) > 48 { n += 1 } }
        return n >= 3 && n * 100 >= c.area
    }

    /// The mean colour of `r`.
    public static func meanColor(_ img: Image, in r: PixelRect) -> RGB? {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard !c.isEmpty else { return nil }
        var n = 0, sr = 0, sg = 0, sb = 0
        let step = max(1, Int(Double(c.area).squareRoot() / 64))
        var y = c.y
        while y < c.maxY {
            var x = c.x
            while x < c.maxX {
                let p = img.rgb(x: x, y: y); n += 1; sr += Int(p.r); sg += Int(p.g); sb += Int(p.b)
                x += step
            }
            y += step
        }
        return RGB(UInt8(sr / n), UInt8(sg / n), UInt8(sb / n))
    }

    /// CIE L*a*b* (D65) of an sRGB colour.
    public static func lab(_ c: RGB) -> (l: Double, a: Double, b: Double) {
        func lin(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let r = lin(c.r), g = lin(c.g), b = lin(c.b)
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// Colour difference ΔE*76 (Euclidean in L*a*b*; ~2.3 is just noticeable).
    public static func deltaE(_ a: RGB, _ b: RGB) -> Double {
        let p = lab(a), q = lab(b)
        return ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
    }

    /// How alike two pages look, 0–1: SSIM of their luma on 8×8 windows after halving, over the
    /// design's height (a page shorter than the design is padded with its last row's colour).
    public static func visualSimilarity(_ design: Image, _ page: Image) -> Double {
        let w = min(design.width, page.width) / 2, h = design.height / 2
        guard w >= 8, h >= 8, page.height > 0 else { return 0 }
        func half(_ img: Image) -> [Double] {
            var out = [Double](repeating: 0, count: w * h)
            for y in 0..<h {
                let sy = min(img.height - 1, y * 2), sy1 = min(img.height - 1, y * 2 + 1)
                for x in 0..<w {
                    out[y * w + x] = Double(Int(img.luma(x: 2 * x, y: sy)) + Int(img.luma(x: 2 * x + 1, y: sy))
                                            + Int(img.luma(x: 2 * x, y: sy1)) + Int(img.luma(x: 2 * x + 1, y: sy1))) / 4
                }
            }
            return out
        }
        let a = half(design), b = half(page)
        let c1: Double = 6.5025, c2: Double = 58.5225   // (0.01·255)², (0.03·255)²
        var total = 0.0, n = 0
        var wy = 0
        while wy + 8 <= h {
            var wx = 0
            while wx + 8 <= w {
                var ma = 0.0, mb = 0.0
                for y in wy..<wy + 8 { for x in wx..<wx + 8 { ma += a[y * w + x]; mb += b[y * w + x] } }
                ma /= 64; mb /= 64
                var va = 0.0, vb = 0.0, cov = 0.0
                for y in wy..<wy + 8 {
                    for x in wx..<wx + 8 {
                        let da = a[y * w + x] - ma, db = b[y * w + x] - mb
                        va += da * da; vb += db * db; cov += da * db
                    }
                }
                va /= 63; vb /= 63; cov /= 63
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
                n += 1
                wx += 8
            }
            wy += 8
        }
        return n == 0 ? 0 : total / Double(n)
    }
}
