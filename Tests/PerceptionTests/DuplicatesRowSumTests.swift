import XCTest
@testable import Perception

/// `RowSum` adds a row in 16-bit blocks; it must give the plain `Int` sum for any row the search
/// can meet, the extremes (every difference ±315) and rows far wider than a block included.
final class DuplicatesRowSumTests: XCTestCase {
    func testBlocksGiveThePlainSum() {
        var rng = SplitMix(5)
        for trial in 0..<60 {
            let count = [1, 3, 63, 64, 65, 128, 200, 640][trial % 8] + Int(rng.next() % 3)
            let shift = Int16(Int(rng.next() % 121) - 60)
            let extreme = trial % 3 == 0
            // Extremes: window 255 against patch 0 at shift −60 (or the mirror): every |d| = 315.
            let m: [Int16] = (0..<(count + 5)).map { _ in extreme ? (shift < 0 ? 255 : 0) : Int16(rng.next() % 256) }
            let t: [Int16] = (0..<(count + 2)).map { _ in extreme ? (shift < 0 ? 0 : 255) : Int16(rng.next() % 256) }
            let mask: [Int16] = t.indices.map { _ in rng.next() % 5 == 0 ? 0 : -1 }
            let mr = 3, tr = 1
            var plain = 0, masked = 0
            for i in 0..<count {
                let d = abs(Int(m[mr + i]) - Int(t[tr + i]) - Int(shift))
                plain += d
                if mask[tr + i] != 0 { masked += d }
            }
            m.withUnsafeBufferPointer { mp in
                t.withUnsafeBufferPointer { tp in
                    mask.withUnsafeBufferPointer { up in
                        XCTAssertEqual(Int(RowSum.sum(mp, from: mr, tp, from: tr, count: count, shift: shift)), plain, "trial \(trial)")
                        XCTAssertEqual(Int(RowSum.sum(mp, from: mr, tp, from: tr, count: count, shift: shift, mask: up)), masked,
                                       "trial \(trial)")
                    }
                }
            }
        }
    }
}
