import XCTest
import ScreenCore
@testable import Perception

/// `Duplicates.find` looks flat window rows up (`FlatRowSums`) instead of summing them; the boxes
/// found must still be those of adding every row in full.
final class DuplicatesFlatRowsTests: XCTestCase {
    func testARunIsFlatExactlyWhenItsCellsAreEqual() {
        let px: [Int16] = [7, 7, 7, 7, 0, 255,
                           3, 4, 5, 5, 5, 5]
        let runs = RowRuns(px, width: 6, height: 2)
        XCTAssertEqual(runs.flatValue(row: 0, from: 0, count: 4), 7)
        XCTAssertNil(runs.flatValue(row: 0, from: 2, count: 3))
        XCTAssertEqual(runs.flatValue(row: 0, from: 5, count: 1), 255)
        XCTAssertNil(runs.flatValue(row: 1, from: 0, count: 3), "same sum of squares order, different values")
        XCTAssertEqual(runs.flatValue(row: 1, from: 2, count: 4), 5)
    }

    func testAFlatRowsSumIsTheLoopsSum() {
        let patch: [Int16] = [0, 255, 120, 60, 200, 10]
        let mask: [Int32] = [-1, -1, 0, -1, -1, -1]
        var flat = FlatRowSums(patch: patch, mask: mask, width: 3, height: 2)
        for level in [-60, -1, 0, 100, 255, 315] {
            for row in 0..<2 {
                var s: Int32 = 0
                for x in 0..<3 where mask[row * 3 + x] != 0 { s += Int32(abs(level - Int(patch[row * 3 + x]))) }
                XCTAssertEqual(flat.sum(row: row, level: level), s)
                XCTAssertEqual(flat.sum(row: row, level: level), s, "looked up the second time")
            }
        }
    }

    func testCopiesOnFlatPagesAreThoseOfTheFullSums() {
        // Pages of flat panels at several levels (whole flat windows and windows with some flat
        // rows), with copies of an element whose own rows are partly flat — a card with margins.
        var rng = SplitMix(11)
        for trial in 0..<12 {
            let w = 300, h = 180
            var px = [UInt8](repeating: 0, count: w * h)
            let levels = [255, 240, 180, 30].map { UInt8($0 - (trial % 4) * 3) }
            for y in 0..<h {
                for x in 0..<w { px[y * w + x] = levels[(x / 75 + y / 60 + trial) % levels.count] }
            }
            let bw = 40 + Int(rng.next() % 30), bh = 16 + Int(rng.next() % 16)
            var pattern = [UInt8](repeating: 0, count: bw * bh)
            let margin = Int(rng.next() % 8)
            for y in 0..<bh {
                for x in 0..<bw {
                    let inside = y >= margin && y < bh - margin
                    pattern[y * bw + x] = inside ? UInt8(40 + Int(rng.next() % 180)) : levels[trial % levels.count]
                }
            }
            let places = (0..<5).map { _ in (Int(rng.next() % UInt64(w - bw)), Int(rng.next() % UInt64(h - bh))) }
            for (k, (ox, oy)) in places.enumerated() {
                let noise = k * 5
                for y in 0..<bh {
                    for x in 0..<bw {
                        let v = Int(pattern[y * bw + x]) + (noise > 0 ? Int(rng.next() % UInt64(2 * noise + 1)) - noise : 0)
                        px[(oy + y) * w + ox + x] = UInt8(max(0, min(255, v)))
                    }
                }
            }
            let image = Image(width: w, height: h, format: .gray8, pixels: px)
            let box = PixelRect(x: places[0].0, y: places[0].1, width: bw, height: bh)
            for ignoring in [nil, PixelRect(x: box.x + 6, y: box.y + 2, width: 12, height: 18)] {
                for (dx, dy) in [(0, 0), (2, 0), (0, 2), (2, 2)] {
                    let r = PixelRect(x: (box.x % 4 + dx) % 4, y: (box.y % 4 + dy) % 4, width: w, height: h)
                        .intersection(PixelRect(x: 0, y: 0, width: w, height: h))
                    XCTAssertEqual(Duplicates.find(box, in: image, phase: r, ignoring: ignoring),
                                   DuplicatesOrderTests.reference(box, in: image, phase: r, ignoring: ignoring), "trial \(trial)")
                }
            }
        }
    }
}
