import XCTest
import ScreenCore
@testable import Perception

/// `Duplicates.find` adds a window's rows in `SearchOrder`'s order and stops once the sum passes
/// the limit; the boxes found must be those of adding every row in row order.
final class DuplicatesOrderTests: XCTestCase {
    func testRowsWithTheMostContrastComeFirst() {
        // 3×3 patch, mean 100: row 0 is flat, row 1 differs by 10 a cell, row 2 by 50.
        let px: [Int16] = [100, 100, 100, 90, 110, 90, 50, 150, 150]
        XCTAssertEqual(SearchOrder.rows(px, width: 3, height: 3, use: Array(repeating: true, count: 9), mean: 100), [2, 1, 0])
        // Cells not counted do not weigh: row 2 with one counted cell (50) still outweighs row 1 (30).
        var use = Array(repeating: true, count: 9)
        use[7] = false; use[8] = false
        XCTAssertEqual(SearchOrder.rows(px, width: 3, height: 3, use: use, mean: 100), [2, 1, 0])
        use[6] = false
        XCTAssertEqual(SearchOrder.rows(px, width: 3, height: 3, use: use, mean: 100), [1, 0, 2], "ties keep row order")
    }

    func testCopiesFoundAreThoseOfTheFullSums() {
        // Noisy pages with near-copies of a patterned element: some pass the limit, some fall just
        // short, on a background that is flat, striped or noisy.
        var rng = SplitMix(7)   // (StreamedPlanTests' generator)
        for trial in 0..<12 {
            let w = 320, h = 200
            var px = [UInt8](repeating: 0, count: w * h)
            for y in 0..<h {
                for x in 0..<w {
                    switch trial % 3 {
                    case 0: px[y * w + x] = 240
                    case 1: px[y * w + x] = (y / 6) % 2 == 0 ? 230 : 200
                    default: px[y * w + x] = UInt8(150 + Int(rng.next() % 60))
                    }
                }
            }
            let bw = 48 + Int(rng.next() % 24), bh = 20 + Int(rng.next() % 12)
            var pattern = [UInt8](repeating: 0, count: bw * bh)
            for i in pattern.indices { pattern[i] = UInt8(40 + Int(rng.next() % 180)) }
            let places = (0..<6).map { _ in (Int(rng.next() % UInt64(w - bw)), Int(rng.next() % UInt64(h - bh))) }
            for (k, (ox, oy)) in places.enumerated() {
                let noise = k * 6   // later copies drift further from the pattern
                for y in 0..<bh {
                    for x in 0..<bw {
                        let v = Int(pattern[y * bw + x]) + (noise > 0 ? Int(rng.next() % UInt64(2 * noise + 1)) - noise : 0)
                        px[(oy + y) * w + ox + x] = UInt8(max(0, min(255, v)))
                    }
                }
            }
            let image = Image(width: w, height: h, format: .gray8, pixels: px)
            let box = PixelRect(x: places[0].0, y: places[0].1, width: bw, height: bh)
            for ignoring in [nil, PixelRect(x: box.x + 5, y: box.y + 3, width: 12, height: 18)] {
                for (dx, dy) in [(0, 0), (2, 0), (0, 2), (2, 2)] {
                    let r = PixelRect(x: (box.x % 4 + dx) % 4, y: (box.y % 4 + dy) % 4, width: w, height: h)
                        .intersection(PixelRect(x: 0, y: 0, width: w, height: h))
                    XCTAssertEqual(Duplicates.find(box, in: image, phase: r, ignoring: ignoring),
                                   Self.reference(box, in: image, phase: r, ignoring: ignoring), "trial \(trial)")
                }
            }
        }
    }

    /// `Duplicates.find`'s phase with every row of every window summed, in row order.
    static func reference(_ box: PixelRect, in image: Image, phase r: PixelRect, ignoring: PixelRect?) -> [PixelRect] {
        let s = 4
        func small(_ rect: PixelRect) -> (w: Int, h: Int, px: [Int]) {
            let w = rect.width / s, h = rect.height / s
            var px = [Int](repeating: 0, count: max(0, w * h))
            for y in 0..<h {
                for x in 0..<w {
                    var sum = 0
                    for yy in 0..<s { for xx in 0..<s { sum += Int(image.luma(x: rect.x + x * s + xx, y: rect.y + y * s + yy)) } }
                    px[y * w + x] = sum / (s * s)
                }
            }
            return (w, h, px)
        }
        let t = small(box), m = small(r)
        guard t.w >= 3, t.h >= 2, m.w > t.w, m.h > t.h else { return [] }
        var use = [Bool](repeating: true, count: t.px.count)
        if let a = ignoring?.expanded(2, 2) {
            for y in 0..<t.h {
                for x in 0..<t.w where a.intersection(PixelRect(x: box.x + x * s, y: box.y + y * s, width: s, height: s)).area > 0 {
                    use[y * t.w + x] = false
                }
            }
        }
        let counted = use.filter { $0 }.count
        guard counted * 2 >= t.px.count else { return [] }
        var tMean = 0
        for (i, v) in t.px.enumerated() where use[i] { tMean += v }
        tMean /= counted
        var tVar = 0
        for (i, v) in t.px.enumerated() where use[i] { tVar += abs(v - tMean) }
        guard tVar / counted >= 6 else { return [] }
        var hits: [PixelRect] = []
        for y in 0...(m.h - t.h) {
            for x in 0...(m.w - t.w) {
                var mMean = 0
                for yy in 0..<t.h { for xx in 0..<t.w where use[yy * t.w + xx] { mMean += m.px[(y + yy) * m.w + x + xx] } }
                mMean /= counted
                let shift = mMean - tMean
                guard abs(shift) <= 60 else { continue }
                var sad = 0
                for yy in 0..<t.h {
                    for xx in 0..<t.w where use[yy * t.w + xx] { sad += abs(m.px[(y + yy) * m.w + x + xx] - t.px[yy * t.w + xx] - shift) }
                }
                if sad <= counted * 7 {
                    let hit = PixelRect(x: r.x + x * s, y: r.y + y * s, width: box.width, height: box.height)
                    if hit.distance(to: box) > 0 || hit.intersection(box).area < box.area / 4,
                       !hits.contains(where: { $0.intersection(hit).area > 0 }) {
                        hits.append(hit)
                    }
                }
            }
        }
        return hits.filter { $0.intersection(box).area == 0 }
    }
}
