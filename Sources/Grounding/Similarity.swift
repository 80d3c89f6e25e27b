import ScreenCore

/// How alike two renderings of the same page area are: the live browser's screenshot and the
/// video's frame. Both are reduced to small gray images of one size, then compared block by block
/// with the structural similarity index (SSIM), which ignores a uniform shift in brightness (video
/// compression) but not a missing dialog, a different page or text that differs.
public enum Similarity {
    /// The width both images are reduced to before comparing.
    public static let workingWidth = 256

    /// SSIM (0…1, 1 = same) of `a`'s region `ra` and `b`'s region `rb`, both in their own pixels.
    public static func compare(_ a: Image, _ ra: PixelRect? = nil, _ b: Image, _ rb: PixelRect? = nil, width: Int = workingWidth) -> Double {
        let r1 = ra ?? PixelRect(x: 0, y: 0, width: a.width, height: a.height)
        let r2 = rb ?? PixelRect(x: 0, y: 0, width: b.width, height: b.height)
        guard r1.width > 1, r1.height > 1, r2.width > 1, r2.height > 1 else { return 0 }
        let w = max(8, min(width, r1.width, r2.width))
        let h = max(8, Int((Double(w) * Double(r1.height) / Double(r1.width)).rounded()))
        let g1 = reduce(a, r1, w, h), g2 = reduce(b, r2, w, h)
        return ssim(g1, g2, w, h)
    }

    /// The region's luminance averaged into a `w`×`h` grid (box filter), as Doubles.
    static func reduce(_ img: Image, _ r: PixelRect, _ w: Int, _ h: Int) -> [Double] {
        var out = [Double](repeating: 0, count: w * h)
        let x0 = max(0, r.x), y0 = max(0, r.y)
        let x1 = min(img.width, r.x + r.width), y1 = min(img.height, r.y + r.height)
        guard x1 > x0, y1 > y0 else { return out }
        let sx = Double(x1 - x0) / Double(w), sy = Double(y1 - y0) / Double(h)
        for j in 0..<h {
            let ya = y0 + Int(Double(j) * sy), yb = max(ya + 1, min(y1, y0 + Int(Double(j + 1) * sy)))
            for i in 0..<w {
                let xa = x0 + Int(Double(i) * sx), xb = max(xa + 1, min(x1, x0 + Int(Double(i + 1) * sx)))
                // Sample at most 4×4 pixels per cell: enough for a box filter at this scale.
                let stepX = max(1, (xb - xa) / 4), stepY = max(1, (yb - ya) / 4)
                var sum = 0, n = 0
                var y = ya
                while y < yb {
                    var x = xa
                    while x < xb { sum += Int(img.luma(x: x, y: y)); n += 1; x += stepX }
                    y += stepY
                }
                out[j * w + i] = n > 0 ? Double(sum) / Double(n) : 0
            }
        }
        return out
    }

    /// Mean SSIM over 8×8 blocks.
    static func ssim(_ a: [Double], _ b: [Double], _ w: Int, _ h: Int) -> Double {
        let c1 = pow2(0.01 * 255), c2 = pow2(0.03 * 255)
        let block = 8
        var total = 0.0, blocks = 0
        var by = 0
        while by < h {
            var bx = 0
            while bx < w {
                let ye = min(h, by + block), xe = min(w, bx + block)
                var ma = 0.0, mb = 0.0, n = 0.0
                for y in by..<ye { for x in bx..<xe { ma += a[y * w + x]; mb += b[y * w + x]; n += 1 } }
                ma /= n; mb /= n
                var va = 0.0, vb = 0.0, cov = 0.0
                for y in by..<ye {
                    for x in bx..<xe {
                        let da = a[y * w + x] - ma, db = b[y * w + x] - mb
                        va += da * da; vb += db * db; cov += da * db
                    }
                }
                va /= n; vb /= n; cov /= n
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
                blocks += 1
                bx += block
            }
            by += block
        }
        return blocks > 0 ? max(0, min(1, total / Double(blocks))) : 0
    }

    private static func pow2(_ x: Double) -> Double { x * x }
}
