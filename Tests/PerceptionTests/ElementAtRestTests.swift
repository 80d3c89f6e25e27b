import XCTest
import ScreenCore
@testable import Perception

/// `SegmentAnalyst.fragment` and `.differs`: a click's plate that shows only a piece of the pressed
/// button (a ripple drawn from the pointer's tip) gives way to the frame the pointer came to rest in.
final class ElementAtRestTests: XCTestCase {
    let button = PixelRect(x: 40, y: 30, width: 67, height: 42)
    let pointer = PixelRect(x: 66, y: 50, width: 15, height: 17)

    /// A white page with a dark button; the pointer (black) resting on it.
    func restFrame() -> Image {
        var img = Image(width: 160, height: 110, format: .gray8, filledWith: 250)
        for y in button.y..<button.maxY { for x in button.x..<button.maxX { img.pixels[y * 160 + x] = 90 } }
        for y in pointer.y..<pointer.maxY { for x in pointer.x..<(pointer.x + (y - pointer.y) / 2 + 1) { img.pixels[y * 160 + x] = 0 } }
        return img
    }

    /// The same button pressed: a lighter disc (the ripple) spreads from the tip; the pointer is
    /// not in the plate.
    func ripplePlate() -> Image {
        var img = Image(width: 160, height: 110, format: .gray8, filledWith: 250)
        for y in button.y..<button.maxY { for x in button.x..<button.maxX {
            let dx = x - pointer.x, dy = y - pointer.y
            img.pixels[y * 160 + x] = dx * dx + dy * dy <= 14 * 14 ? 140 : 90
        } }
        return img
    }

    func testTheRippleIsAPieceOfTheButtonTheRestFrameShows() throws {
        let vp = PixelRect(x: 0, y: 0, width: 160, height: 110)
        let tip = PixelPoint(x: pointer.x + 1, y: pointer.y + 1)
        let inPlate = try XCTUnwrap(ElementFinder.element(at: tip, in: ripplePlate(), bounds: vp, avoid: pointer))
        let atRest = try XCTUnwrap(ElementFinder.element(at: tip, in: restFrame(), bounds: vp, avoid: pointer.expanded(2, 2)))
        XCTAssertEqual(atRest.box, button)
        XCTAssertLessThan(inPlate.box.area * 3, button.area, "the flood stops at the ripple's edge")
        XCTAssertTrue(SegmentAnalyst.fragment(inPlate.box, of: atRest))
        XCTAssertTrue(SegmentAnalyst.differs(inside: atRest.box, outside: pointer.expanded(2, 2), restFrame(), ripplePlate()))
    }

    func testAPlateThatShowsTheSameButtonStands() {
        // Nothing repainted since the rest began: the frames agree away from the pointer.
        XCTAssertFalse(SegmentAnalyst.differs(inside: button, outside: pointer.expanded(2, 2), restFrame(), restFrame()))
        // A plate element as big as the rest frame's, outside it, or a rest "element" that is text.
        let whole = FoundElement(box: button, shape: .box, background: 90)
        XCTAssertFalse(SegmentAnalyst.fragment(button.insetBy(2), of: whole))
        XCTAssertFalse(SegmentAnalyst.fragment(PixelRect(x: 100, y: 20, width: 20, height: 12), of: whole))
        let text = FoundElement(box: button, shape: .text, background: 250)
        XCTAssertFalse(SegmentAnalyst.fragment(PixelRect(x: 60, y: 40, width: 20, height: 12), of: text))
        XCTAssertTrue(SegmentAnalyst.fragment(PixelRect(x: 60, y: 40, width: 20, height: 12), of: whole))
    }
}
