// The look-alike search's innermost loop: one window row's sum of absolute differences from a
// patch row, in 16-bit lanes.

/// A row's Σ |window − patch − shift| for `Duplicates.find`. Cells are 0–255 and the shift is at
/// most ±60, so a difference lies in −315...315 and 64 of them sum to at most 20,160: each block
/// of 64 cells is added in `Int16` (8 lanes to a vector register rather than 4 in `Int32`) and
/// the blocks in `Int32` — the same integer as adding every cell in `Int32`, nothing can wrap.
enum RowSum {
    /// Cells per 16-bit block (64 · 315 < 32,767).
    static let block = 64

    /// The sum over `count` cells from `m[mr]` and `t[tr]`.
    @inline(__always)
    static func sum(_ m: UnsafeBufferPointer<Int16>, from mr: Int, _ t: UnsafeBufferPointer<Int16>, from tr: Int,
                    count: Int, shift: Int16) -> Int32 {
        var total: Int32 = 0
        var x = 0
        while x < count {
            let end = Swift.min(count, x &+ block)
            var part: Int16 = 0
            for i in x..<end {
                let d = m[mr &+ i] &- t[tr &+ i] &- shift
                part &+= (d ^ (d >> 15)) &- (d >> 15)
            }
            total &+= Int32(part)
            x = end
        }
        return total
    }

    /// `sum` over the cells whose `mask` (aligned with `t`) is all ones; cells with 0 add nothing.
    @inline(__always)
    static func sum(_ m: UnsafeBufferPointer<Int16>, from mr: Int, _ t: UnsafeBufferPointer<Int16>, from tr: Int,
                    count: Int, shift: Int16, mask: UnsafeBufferPointer<Int16>) -> Int32 {
        var total: Int32 = 0
        var x = 0
        while x < count {
            let end = Swift.min(count, x &+ block)
            var part: Int16 = 0
            for i in x..<end {
                let d = m[mr &+ i] &- t[tr &+ i] &- shift
                part &+= ((d ^ (d >> 15)) &- (d >> 15)) & mask[tr &+ i]
            }
            total &+= Int32(part)
            x = end
        }
        return total
    }
}
