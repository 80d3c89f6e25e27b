import ScreenCore

/// Measures vertical scrolling: the shift that best lines up the rows of two frames inside a
/// region (row profiles compared on a set of sampled columns).
public enum ScrollEstimator {
    /// A measured shift: content moved up by `pixels` (the page scrolled down) when positive.
    public struct Shift: Sendable, Hashable {
        public var pixels: Int
        /// Residual difference at the best shift over the difference without shifting (lower is surer).
        public var residual: Double
        public init(pixels: Int, residual: Double) { self.pixels = pixels; self.residual = residual }
    }

    /// The vertical shift from `before` to `after` inside `region`, or nil when no shift explains
    /// the change better than none (or the region is blank).
    public static func shift(from before: Image, to after: Image, region: PixelRect, maxShift: Int? = nil) -> Shift? {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: min(before.width, after.width), height: min(before.height, after.height)))
        guard r.height >= 40, r.width >= 40 else { return nil }
        let cols = 64
        let xs = (0..<cols).map { r.x + ($0 * r.width) / cols + r.width / (2 * cols) }
        let h = r.height
        // Sampled rows of both frames.
        var a = [Int16](repeating: 0, count: h * cols), b = a
        for y in 0..<h {
            for (i, x) in xs.enumerated() {
                a[y * cols + i] = Int16(before.luma(x: x, y: r.y + y))
                b[y * cols + i] = Int16(after.luma(x: x, y: r.y + y))
            }
        }
        // Rows with structure (not flat) carry the evidence.
        var informative = [Bool](repeating: false, count: h)
        for y in 0..<h {
            var lo = Int16.max, hi = Int16.min
            for i in 0..<cols { lo = min(lo, b[y * cols + i]); hi = max(hi, b[y * cols + i]) }
            informative[y] = hi - lo > 12
        }
        let limit = min(maxShift ?? (h * 3 / 4), h * 3 / 4)
        // The informative rows, every second one (the rows `cost` compares), by parity.
        let even = stride(from: 0, to: h, by: 2).filter { informative[$0] }
        let odd = stride(from: 1, to: h, by: 2).filter { informative[$0] }
        let search: (best: Int, bestCost: Double, zero: Double)? = a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in
            /// The mean difference when after(y) ≈ before(y + dy) (nil: too few rows overlap).
            /// With `above`, the sum stops as soon as the mean can no longer come out below it
            /// (the sum only grows and the row count is fixed beforehand): such a shift is then
            /// reported as `above` itself, which loses every "better than" comparison as the exact
            /// mean would. (Integer sums, so the means that are computed are the same as before.)
            func cost(_ dy: Int, above: Double = .infinity) -> Double? {
                let lo = max(0, -dy), end = min(h, h - dy)
                let rows = lo % 2 == 0 ? even : odd
                // (Rows from `lo` in steps of 2 below `end`: a contiguous run of the sorted list.)
                var first = 0, last = rows.count
                while first < last, rows[first] < lo { first += 1 }
                while last > first, rows[last - 1] >= end { last -= 1 }
                let n = (last - first) * cols
                guard n >= cols * 8 else { return nil }
                // (One more than the bound: a sum that reaches it is above `above` by far more than
                // any rounding of the division below.)
                let stop = above.isFinite ? Int((above * Double(n)).rounded(.up)) + 1 : Int.max
                var sum = 0
                for k in first..<last {
                    let ra = (rows[k] + dy) * cols, rb = rows[k] * cols
                    var row: Int32 = 0
                    for i in 0..<cols {
                        let d = Int32(ap[ra &+ i]) &- Int32(bp[rb &+ i])
                        row &+= (d ^ (d >> 31)) &- (d >> 31)
                    }
                    sum += Int(row)
                    if sum >= stop { return above }
                }
                return Double(sum) / Double(n)
            }
            guard let zero = cost(0), zero > 1.5 else { return nil }
            var best = 0, bestCost = zero
            for dy in -limit...limit where dy != 0 {
                if let c = cost(dy, above: bestCost), c < bestCost { bestCost = c; best = dy }
            }
            return (best, bestCost, zero)
        } }
        guard let (best, bestCost, zero) = search else { return nil }
        guard best != 0 else { return nil }
        let residual = bestCost / zero
        guard residual < 0.3 else { return nil }
        // The shift must explain most rows, not just a shared header.
        var good = 0, n = 0
        var y = max(0, -best)
        while y < min(h, h - best) {
            if informative[y] {
                var sum = 0
                let ra = (y + best) * cols, rb = y * cols
                for i in 0..<cols { sum += abs(Int(a[ra + i]) - Int(b[rb + i])) }
                n += 1
                if sum <= cols * 4 { good += 1 }
            }
            y += 2
        }
        return n > 0 && good * 10 >= n * 7 ? Shift(pixels: best, residual: residual) : nil
    }
}
