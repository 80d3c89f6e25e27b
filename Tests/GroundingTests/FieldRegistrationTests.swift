import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The live field lined up with the video's before values are compared (no browser): the
/// viewport's origin can be pixels off, the field's outline says where it is.
final class FieldRegistrationTests: XCTestCase {
    /// A field drawn on a page: a white box with a gray border at (`x`, `y`), `w`×`h`, and "text"
    /// (dark bars) inside, on a light gray page `width`×`height`.
    static func page(width: Int, height: Int, field x: Int, _ y: Int, _ w: Int, _ h: Int) -> [Double] {
        var g = [Double](repeating: 235, count: width * height)
        for j in 0..<height {
            for i in 0..<width {
                let inside = i >= x && i < x + w && j >= y && j < y + h
                guard inside else { continue }
                let border = i == x || i == x + w - 1 || j == y || j == y + h - 1
                let text = j >= y + 8 && j < y + h - 8 && (i - x - 6) >= 0 && (i - x - 6) % 5 < 2 && i < x + w / 2
                g[j * width + i] = border ? 150 : text ? 30 : 255
            }
        }
        return g
    }

    /// Rows `y0..<y0 + h` and columns `x0..<x0 + w` of a `width`-wide gray array.
    static func crop(_ g: [Double], width: Int, _ x0: Int, _ y0: Int, _ w: Int, _ h: Int) -> [Double] {
        (y0..<(y0 + h)).flatMap { j in (x0..<(x0 + w)).map { g[j * width + $0] } }
    }

    func testAFieldSevenPixelsLowerInTheVideoIsFound() throws {
        // Live: the field at (20, 20) of a 200×80 page; the crop is the field and 4 px around it.
        let live = Self.page(width: 200, height: 80, field: 20, 20, 120, 30)
        let liveCrop = Self.crop(live, width: 200, 16, 16, 128, 38)
        // Video: the same field 7 px lower and 3 px right (the viewport's origin read 7 px high);
        // the crop where the origin puts it, grown by the reach (10) on every side.
        let reach = 10
        let video = Self.page(width: 200, height: 80, field: 23, 27, 120, 30)
        let videoCrop = Self.crop(video, width: 200, 16 - reach, 16 - reach, 128 + 2 * reach, 38 + 2 * reach)
        let s = try XCTUnwrap(ValueCompare.fieldShift(live: liveCrop, video: videoCrop, width: 128, height: 38, maxShift: reach))
        XCTAssertEqual(s.dx, 3)
        XCTAssertEqual(s.dy, 7)
        // (Each side against its own median: the grown video crop holds more page, so even the
        // lined-up field leaves a difference — far below the unshifted one.)
        XCTAssertLessThan(s.cost, 0.75 * s.unshifted)
        XCTAssertLessThan(s.cost, s.unshifted - 5)
        XCTAssertTrue(ValueCompare.shiftsCrops(s))
    }

    func testAFieldWhereTheOriginPutsItIsNotMoved() throws {
        let live = Self.page(width: 200, height: 80, field: 20, 20, 120, 30)
        let liveCrop = Self.crop(live, width: 200, 16, 16, 128, 38)
        // The video one pixel lower: what the value compare's own shifts already forgive.
        let video = Self.page(width: 200, height: 80, field: 20, 21, 120, 30)
        let videoCrop = Self.crop(video, width: 200, 6, 6, 148, 58)
        let s = try XCTUnwrap(ValueCompare.fieldShift(live: liveCrop, video: videoCrop, width: 128, height: 38, maxShift: 10))
        XCTAssertEqual(s.dx, 0)
        XCTAssertEqual(s.dy, 1)
        XCTAssertFalse(ValueCompare.shiftsCrops(s))
        // Two pixels down (a HiDPI capture's origin) is still the compare's own business.
        XCTAssertFalse(ValueCompare.shiftsCrops((dx: 0, dy: 2, cost: 13, unshifted: 26)))
        XCTAssertTrue(ValueCompare.shiftsCrops((dx: 0, dy: 3, cost: 13, unshifted: 26)))
        XCTAssertTrue(ValueCompare.shiftsCrops((dx: 4, dy: 0, cost: 13, unshifted: 26)))
        // A shift that lines up no better than none moves nothing either.
        XCTAssertFalse(ValueCompare.shiftsCrops((dx: 0, dy: 5, cost: 9, unshifted: 10)))
    }

    func testACropWithoutContrastIsNotRegistered() {
        let flat = [Double](repeating: 240, count: 40 * 20)
        let video = [Double](repeating: 240, count: 60 * 40)
        XCTAssertNil(ValueCompare.fieldShift(live: flat, video: video, width: 40, height: 20, maxShift: 10))
        // Sizes that do not fit each other are refused.
        XCTAssertNil(ValueCompare.fieldShift(live: flat, video: flat, width: 40, height: 20, maxShift: 10))
    }

    func testTheReachGrowsWithTheDeviceScale() {
        XCTAssertEqual(Run.registrationReach(scale: 1), 10)
        XCTAssertEqual(Run.registrationReach(scale: 2), 18)
        XCTAssertGreaterThanOrEqual(Run.registrationReach(scale: 1.25), 12)
    }
}
