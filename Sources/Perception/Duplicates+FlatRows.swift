// Flat rows in the look-alike search: most of a page is background, so many of the window rows
// `Duplicates.find` compares with the element's patch hold one value only. Such a row's sum against
// a patch row depends on nothing but that value minus the window's shift, so it is worked out once
// per patch row and value and then looked up.

import ScreenCore

/// Per-row prefix sums of a small (cell) image's values and of their squares: a run of cells in
/// one row holds a single value exactly when `n · Σv² == (Σv)²` (Cauchy–Schwarz's equality case),
/// found in O(1) per run.
struct RowRuns {
    /// Prefix sums per row, `width + 1` entries each (the first 0).
    private let sums: [Int]
    private let squares: [Int]
    private let stride: Int

    init(_ px: [Int16], width: Int, height: Int) {
        stride = width + 1
        var s = [Int](repeating: 0, count: stride * height), q = s
        for y in 0..<height {
            var a = 0, b = 0
            for x in 0..<width {
                let v = Int(px[y * width + x])
                a += v; b += v * v
                s[y * stride + x + 1] = a; q[y * stride + x + 1] = b
            }
        }
        sums = s; squares = q
    }

    /// The one value of the `count` cells of row `y` from column `x` on, or nil when they differ.
    @inline(__always)
    func flatValue(row y: Int, from x: Int, count: Int) -> Int? {
        let o = y * stride + x
        let s = sums[o + count] - sums[o], q = squares[o + count] - squares[o]
        return q * count == s * s ? s / count : nil
    }
}

/// The sums of a patch's rows against a flat window row, by patch row and the row's value minus
/// the window's shift, filled as they are first needed. A sum is the one `Duplicates.find`'s row
/// loop adds up (counted cells only, the same integers), so looking it up decides the same.
struct FlatRowSums {
    /// Cell values are 0–255 and a window's shift at most ±60: value − shift lies in −60...315.
    static let lowest = -60, span = 376
    private var table: [Int32]
    private let patch: [Int16], mask: [Int32], width: Int

    /// `mask`: all ones where a patch cell counts, zero where it does not (as in the row loop).
    init(patch: [Int16], mask: [Int32], width: Int, height: Int) {
        self.patch = patch; self.mask = mask; self.width = width
        table = [Int32](repeating: -1, count: height * Self.span)
    }

    /// Σ over the counted cells of patch row `row` of |`level` − cell| (`level` = value − shift).
    @inline(__always)
    mutating func sum(row: Int, level: Int) -> Int32 {
        let i = row * Self.span + level - Self.lowest
        let known = table[i]
        if known >= 0 { return known }
        var s: Int32 = 0
        let tr = row * width, v = Int32(level)
        for xx in 0..<width {
            let d = v &- Int32(patch[tr + xx])
            s &+= ((d ^ (d >> 31)) &- (d >> 31)) & mask[tr + xx]
        }
        table[i] = s
        return s
    }
}
