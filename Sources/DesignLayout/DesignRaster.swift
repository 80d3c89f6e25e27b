import ScreenCore

/// A design image as tightly packed RGB, with the pixel statistics the design analyser needs
/// (colour distance to a background, dominant colours, ink colour, stroke width, an OCR-ready
/// crop). A value type: cheap to share between sub-agents (copy-on-write, never mutated).
public struct DesignRaster: Sendable {
    public let width: Int
    public let height: Int
    /// RGB bytes, `width * 3` per row.
    public let rgb: [UInt8]
    /// Sum of absolute channel differences under which two colours count as the same
    /// (absorbs anti-aliasing, gradients of a few levels and JPEG noise).
    public let tolerance: Int

    /// Wraps any image (converted to packed RGB once).
    public init(_ image: Image, tolerance: Int = 30) {
        let packed = image.converted(to: .rgb24)
        width = packed.width; height = packed.height; rgb = packed.pixels; self.tolerance = tolerance
    }

    /// The same pixels with another tolerance (the pixels are shared, not copied).
    public func withTolerance(_ t: Int) -> DesignRaster {
        DesignRaster(width: width, height: height, rgb: rgb, tolerance: t)
    }

    private init(width: Int, height: Int, rgb: [UInt8], tolerance: Int) {
        self.width = width; self.height = height; self.rgb = rgb; self.tolerance = tolerance
    }

    /// The whole image as a rectangle.
    public var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

    /// The colour at (x, y).
    @inline(__always) public func color(_ x: Int, _ y: Int) -> RGB {
        let o = (y * width + x) * 3
        return RGB(rgb[o], rgb[o + 1], rgb[o + 2])
    }

    /// Sum of absolute channel differences.
    @inline(__always) public static func distance(_ a: RGB, _ b: RGB) -> Int {
        abs(Int(a.r) - Int(b.r)) + abs(Int(a.g) - Int(b.g)) + abs(Int(a.b) - Int(b.b))
    }

    /// Whether two colours are the same within `tolerance`.
    @inline(__always) public func same(_ a: RGB, _ b: RGB) -> Bool { Self.distance(a, b) <= tolerance }

    /// Counts of pixels that differ from `bg`, per row and per column of `rect`.
    public func projections(_ rect: PixelRect, background bg: RGB) -> (rows: [Int], cols: [Int]) {
        var rows = [Int](repeating: 0, count: rect.height)
        var cols = [Int](repeating: 0, count: rect.width)
        let br = Int(bg.r), bgg = Int(bg.g), bb = Int(bg.b), tol = tolerance, w = width
        rgb.withUnsafeBufferPointer { p in
            rows.withUnsafeMutableBufferPointer { rp in
                cols.withUnsafeMutableBufferPointer { cp in
                    for yy in 0..<rect.height {
                        var o = ((rect.y + yy) * w + rect.x) * 3
                        var n = 0
                        for xx in 0..<rect.width {
                            let d = abs(Int(p[o]) - br) + abs(Int(p[o + 1]) - bgg) + abs(Int(p[o + 2]) - bb)
                            if d > tol { n += 1; cp[xx] += 1 }
                            o += 3
                        }
                        rp[yy] = n
                    }
                }
            }
        }
        return (rows, cols)
    }

    /// The most frequent colour among the pixels of `rect` visited with `step`, and the share of
    /// visited pixels within tolerance of it. Colours are binned at 4 bits a channel; the result is
    /// the mean of the winning bin.
    public func dominantColor(in rect: PixelRect, step: Int = 1, excluding: RGB? = nil) -> (color: RGB, share: Double) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return (RGB(255, 255, 255), 0) }
        var counts = [Int](repeating: 0, count: 4096)
        var sums = [Int](repeating: 0, count: 4096 * 3)
        var total = 0
        let s = max(1, step)
        rgb.withUnsafeBufferPointer { p in
            var y = r.y
            while y < r.maxY {
                var x = r.x
                while x < r.maxX {
                    let o = (y * width + x) * 3
                    if let ex = excluding, abs(Int(p[o]) - Int(ex.r)) + abs(Int(p[o + 1]) - Int(ex.g)) + abs(Int(p[o + 2]) - Int(ex.b)) <= tolerance {
                        x += s; continue
                    }
                    let bin = (Int(p[o]) >> 4) << 8 | (Int(p[o + 1]) >> 4) << 4 | Int(p[o + 2]) >> 4
                    counts[bin] += 1
                    sums[bin * 3] += Int(p[o]); sums[bin * 3 + 1] += Int(p[o + 1]); sums[bin * 3 + 2] += Int(p[o + 2])
                    total += 1
                    x += s
                }
                y += s
            }
        }
        var best = 0
        for i in 1..<4096 where counts[i] > counts[best] { best = i }
        let n = max(1, counts[best])
        let c = RGB(UInt8(sums[best * 3] / n), UInt8(sums[best * 3 + 1] / n), UInt8(sums[best * 3 + 2] / n))
        // Share within tolerance (neighbouring bins included).
        var near = 0, seen = 0
        rgb.withUnsafeBufferPointer { p in
            var y = r.y
            while y < r.maxY {
                var x = r.x
                while x < r.maxX {
                    let o = (y * width + x) * 3
                    let d = abs(Int(p[o]) - Int(c.r)) + abs(Int(p[o + 1]) - Int(c.g)) + abs(Int(p[o + 2]) - Int(c.b))
                    if d <= tolerance { near += 1 }
                    seen += 1
                    x += s
                }
                y += s
            }
        }
        return (c, Double(near) / Double(max(1, seen)))
    }

    /// The mean colour of `rect` (sampled with `step`).
    public func meanColor(in rect: PixelRect, step: Int = 1) -> RGB {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return RGB(255, 255, 255) }
        var sr = 0, sg = 0, sb = 0, n = 0
        let s = max(1, step)
        var y = r.y
        while y < r.maxY {
            var x = r.x
            while x < r.maxX {
                let o = (y * width + x) * 3
                sr += Int(rgb[o]); sg += Int(rgb[o + 1]); sb += Int(rgb[o + 2]); n += 1
                x += s
            }
            y += s
        }
        n = max(1, n)
        return RGB(UInt8(sr / n), UInt8(sg / n), UInt8(sb / n))
    }

    /// How many pixels of `r` lie at each distance from `bg` (0…765), and the largest distance.
    private func distanceHistogram(_ r: PixelRect, from bg: RGB) -> (hist: [Int], maxD: Int) {
        var hist = [Int](repeating: 0, count: 766)
        var maxD = 0
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                let d = Self.distance(color(x, y), bg)
                hist[d] += 1
                maxD = max(maxD, d)
            }
        }
        return (hist, maxD)
    }

    /// The channel sums and count of the pixels of `r` at least `cut` from `bg`.
    private func channelSums(_ r: PixelRect, from bg: RGB, atLeast cut: Int) -> (r: Int, g: Int, b: Int, n: Int) {
        var sr = 0, sg = 0, sb = 0, n = 0
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                let c = color(x, y)
                if Self.distance(c, bg) >= cut { sr += Int(c.r); sg += Int(c.g); sb += Int(c.b); n += 1 }
            }
        }
        return (sr, sg, sb, n)
    }

    /// The colour of the text in `rect` drawn on `bg`: the mean of the pixels farthest from the
    /// background (anti-aliased edges are blends and would wash the colour out).
    public func inkColor(in rect: PixelRect, background bg: RGB) -> RGB? {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return nil }
        let (hist, maxD) = distanceHistogram(r, from: bg)
        guard maxD > tolerance else { return nil }
        // Keep the farthest pixels: the top 35 % of ink pixels, but never blends under 60 % of maxD.
        let inkTotal = hist[(tolerance + 1)...].reduce(0, +)
        var keep = 0, cut = maxD
        while cut > tolerance {
            keep += hist[cut]
            if keep * 100 >= inkTotal * 35 && cut <= maxD * 85 / 100 { break }
            cut -= 1
        }
        cut = max(cut, maxD * 60 / 100, tolerance + 1)
        let (sr, sg, sb, n) = channelSums(r, from: bg, atLeast: cut)
        guard n > 0 else { return nil }
        return RGB(UInt8(sr / n), UInt8(sg / n), UInt8(sb / n))
    }

    /// The colour the text in `rect` was most likely declared in (its CSS `color`), for the
    /// generated page. Thin and light type never covers a whole pixel, so even the glyph cores
    /// `inkColor` averages are lighter than the declared colour; on the Design2Code pages they
    /// were (CIEDE2000 score against the source's colour, 1860 texts) 0.930, this 0.954. The hue
    /// comes from the mean of the farthest fifth of the ink pixels; that colour is then carried
    /// further from the background along the same line, to the distance of the 98th percentile
    /// pixel (a core that happens to sit on the pixel grid), never nearer than the mean itself.
    public func textColor(in rect: PixelRect, background bg: RGB) -> RGB? {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return nil }
        let (hist, maxD) = distanceHistogram(r, from: bg)
        guard maxD > tolerance else { return nil }
        let inkTotal = hist[(tolerance + 1)...].reduce(0, +)
        // the farthest fifth, and the distance of the 98th percentile
        var keep = 0, cut = maxD, p98 = maxD
        var seen98 = false
        while cut > tolerance + 1 {
            keep += hist[cut]
            if !seen98 && keep * 100 >= inkTotal * 2 { p98 = cut; seen98 = true }
            if keep * 100 >= inkTotal * 20 { break }
            cut -= 1
        }
        let (sr, sg, sb, n) = channelSums(r, from: bg, atLeast: cut)
        guard n > 0 else { return nil }
        let m = (Double(sr) / Double(n), Double(sg) / Double(n), Double(sb) / Double(n))
        let dm = abs(m.0 - Double(bg.r)) + abs(m.1 - Double(bg.g)) + abs(m.2 - Double(bg.b))
        let t = dm > 0 ? max(1, Double(p98) / dm) : 1
        func out(_ v: Double, _ b: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(b) + (v - Double(b)) * t).rounded()))) }
        return RGB(out(m.0, bg.r), out(m.1, bg.g), out(m.2, bg.b))
    }

    /// The median horizontal run length of ink in `rect`, in pixels: a stroke-width measure that
    /// tells bold from regular text of the same size.
    public func strokeWidth(in rect: PixelRect, background bg: RGB, ink: RGB) -> Double {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return 0 }
        let full = max(1, Self.distance(ink, bg))
        var runs: [Double] = []
        for y in r.y..<r.maxY {
            var run = 0.0
            for x in r.x..<r.maxX {
                // Coverage of this pixel by ink, 0…1 (anti-aliasing counts fractionally).
                let cov = min(1, Double(Self.distance(color(x, y), bg)) / Double(full))
                if cov > 0.15 { run += cov }
                else if run > 0 { runs.append(run); run = 0 }
            }
            if run > 0 { runs.append(run) }
        }
        guard !runs.isEmpty else { return 0 }
        runs.sort()
        return runs[runs.count / 2]
    }

    /// An OCR-ready gray crop of `rect` (grown by `pad` pixels of background): each pixel's
    /// distance from `bg` turned into darkness, so light-on-dark and coloured text all become
    /// dark text on white. `scale` enlarges small text (nearest-neighbour free: bilinear).
    public func ocrCrop(_ rect: PixelRect, background bg: RGB, ink: RGB?, pad: Int = 6, scale: Int = 1) -> Image {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return Image(width: 0, height: 0, format: .gray8, pixels: []) }
        let full = max(60, ink.map { Self.distance($0, bg) } ?? 255)
        let s = max(1, scale)
        let w = (r.width + 2 * pad) * s, h = (r.height + 2 * pad) * s
        var out = [UInt8](repeating: 255, count: w * h)
        for yy in 0..<r.height {
            for xx in 0..<r.width {
                let d = Self.distance(color(r.x + xx, r.y + yy), bg)
                let v = UInt8(max(0, 255 - min(255, d * 255 / full)))
                if s == 1 {
                    out[(yy + pad) * w + xx + pad] = v
                } else {
                    for dy in 0..<s { for dx in 0..<s { out[((yy + pad) * s + dy) * w + (xx + pad) * s + dx] = v } }
                }
            }
        }
        return Image(width: w, height: h, format: .gray8, pixels: out)
    }

    /// The share of pixels in `rect` that match `bg`.
    public func backgroundShare(in rect: PixelRect, background bg: RGB, step: Int = 1) -> Double {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return 0 }
        var n = 0, m = 0
        var y = r.y
        while y < r.maxY {
            var x = r.x
            while x < r.maxX { if same(color(x, y), bg) { m += 1 }; n += 1; x += step }
            y += step
        }
        return Double(m) / Double(max(1, n))
    }

    /// How many colours (binned at 3 bits a channel) it takes to cover 80 % of `rect`: text and
    /// flat UI need a handful, photographs and noise dozens.
    public func colorVariety(in rect: PixelRect, step: Int = 2) -> Int {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 512)
        var total = 0
        var y = r.y
        while y < r.maxY {
            var x = r.x
            while x < r.maxX {
                let o = (y * width + x) * 3
                counts[(Int(rgb[o]) >> 5) << 6 | (Int(rgb[o + 1]) >> 5) << 3 | Int(rgb[o + 2]) >> 5] += 1
                total += 1
                x += step
            }
            y += step
        }
        counts.sort(by: >)
        var covered = 0, n = 0
        for c in counts where covered * 5 < total * 4 { covered += c; n += 1 }
        return n
    }
}
