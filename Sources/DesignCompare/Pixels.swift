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
    public static func rimColor(_ img: Image, _ r: PixelRect) -> RGB? {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard !c.isEmpty else { return nil }
        var bins: [Int: (n: Int, r: Int, g: Int, b: Int)] = [:]
        func add(_ x: Int, _ y: Int) {
            let p = img.rgb(x: x, y: y)
            let k = (Int(p.r) >> 5) << 6 | (Int(p.g) >> 5) << 3 | Int(p.b) >> 5
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
    /// background (given, or the rim's colour). Nil when there is none.
    public static func ink(_ img: Image, in r: PixelRect, background: RGB? = nil, threshold: Int = 90) -> Ink? {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: img.width, height: img.height))
        guard c.width >= 2, c.height >= 2, let bg = background ?? rimColor(img, c) else { return nil }
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1, far = 0
        for y in c.y..<c.maxY {
            for x in c.x..<c.maxX {
                let d = distance(img.rgb(x: x, y: y), bg)
                if d >= threshold {
                    x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
                    far = max(far, d)
                }
            }
        }
        guard x1 >= 0 else { return nil }
        let box = PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        // The colour: the mean of pixels within 85 % of the farthest distance (glyph cores).
        var n = 0, sr = 0, sg = 0, sb = 0
        let cut = far * 85 / 100
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX {
                let p = img.rgb(x: x, y: y)
                if distance(p, bg) >= cut { n += 1; sr += Int(p.r); sg += Int(p.g); sb += Int(p.b) }
            }
        }
        return Ink(box: box, color: RGB(UInt8(sr / n), UInt8(sg / n), UInt8(sb / n)), background: bg)
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
