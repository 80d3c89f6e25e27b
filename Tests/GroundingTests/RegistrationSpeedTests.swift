import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// `ValueCompare.registration` looks each pixel's neighbourhood up once per map; it must count
/// exactly as the pixel-by-pixel reference (`registrationByPixel`) does, shift and error alike.
final class RegistrationSpeedTests: XCTestCase {
    /// Glyph-like ink: short strokes at random places (a seeded generator, the same every run).
    static func strokes(_ w: Int, _ h: Int, count: Int, seed: inout UInt64, from x0: Int = 0) -> InkMap {
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        var ink = [Bool](repeating: false, count: w * h)
        guard w > 0, h > 0 else { return InkMap(width: w, height: h, ink: ink) }
        for _ in 0..<count {
            let x = x0 + next() % max(1, w - x0), y = next() % h, len = 1 + next() % 6, down = next() % 2 == 0
            for k in 0..<len {
                let (px, py) = down ? (x, y + k) : (x + k, y)
                if px < w, py < h { ink[py * w + px] = true }
            }
        }
        return InkMap(width: w, height: h, ink: ink)
    }

    func testTheFastCountIsThePixelByPixelCount() {
        var seed: UInt64 = 11
        var compared = 0
        for (w, h) in [(0, 0), (1, 1), (3, 2), (37, 11), (120, 20), (260, 34)] {
            for shift in [(x: 3, y: 2), (x: 1, y: 1), (x: 0, y: 0), (x: 5, y: 3)] {
                for pointer in [nil, PixelRect(x: w / 3, y: -1, width: 6, height: h / 2 + 2)] {
                    let live = Self.strokes(w, h, count: w * h / 40 + 1, seed: &seed)
                    // The video's text the same, moved, with ink of its own (a caret, noise).
                    var moved = [Bool](repeating: false, count: w * h)
                    for y in 0..<h { for x in 0..<w where live.at(x - 2, y - 1) { moved[y * w + x] = true } }
                    let extra = Self.strokes(w, h, count: w * h / 200 + 1, seed: &seed)
                    let video = InkMap(width: w, height: h, ink: zip(moved, extra.ink).map { $0 || $1 })
                    // A text starting farther away than `shift` (the searched start shifts too).
                    let late = Self.strokes(w, h, count: w * h / 40 + 1, seed: &seed, from: min(w, 9))
                    for (a, b) in [(live, video), (video, live), (live, late), (late, live), (live, live)] {
                        let fast = ValueCompare.registration(a, b, shift: shift, pointer: pointer)
                        let slow = ValueCompare.registrationByPixel(a, b, shift: shift, pointer: pointer)
                        XCTAssertEqual(fast.dx, slow.dx, "\(w)×\(h) shift \(shift)")
                        XCTAssertEqual(fast.dy, slow.dy, "\(w)×\(h) shift \(shift)")
                        XCTAssertEqual(fast.error, slow.error, "\(w)×\(h) shift \(shift)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, 6 * 4 * 2 * 5)
    }

    /// Maps of two sizes (the glyph duel and the ranking pass their own crops): the video's ink
    /// beyond the live map's edge counts where a shift reaches it, as before.
    func testMapsOfTwoSizesCountAsBefore() {
        var seed: UInt64 = 5
        for (lw, lh, vw, vh) in [(40, 12, 44, 14), (40, 12, 30, 9), (17, 5, 60, 20)] {
            let live = Self.strokes(lw, lh, count: 20, seed: &seed)
            let video = Self.strokes(vw, vh, count: 30, seed: &seed)
            let fast = ValueCompare.registration(live, video, shift: (3, 2))
            let slow = ValueCompare.registrationByPixel(live, video, shift: (3, 2))
            XCTAssertEqual(fast.dx, slow.dx); XCTAssertEqual(fast.dy, slow.dy); XCTAssertEqual(fast.error, slow.error)
        }
    }
}
