import XCTest
import ScreenCore
@testable import Perception

/// `SegmentAnalyst.redrawnUnderRest`: a list repainted around a resting pointer after a dialog
/// closed does not move it.
final class RedrawUnderRestTests: XCTestCase {
    let viewport = PixelRect(x: 0, y: 87, width: 1277, height: 713)
    let pointer = PixelRect(x: 776, y: 611, width: 15, height: 17)
    /// A list's rows repainting: an avatar, a star and a button per row.
    var rows: [ChangeBlob] {
        (0..<4).flatMap { i in [
            ChangeBlob(box: PixelRect(x: 293, y: 245 + i * 63, width: 40, height: 43), pixels: 900),
            ChangeBlob(box: PixelRect(x: 890, y: 257 + i * 63, width: 14, height: 15), pixels: 80),
            ChangeBlob(box: PixelRect(x: 946, y: 259 + i * 63, width: 12, height: 14), pixels: 60),
        ] }
    }

    func testManySmallChangesAwayFromTheRestingPointerAfterTheWholePageChangedAreThePages() {
        // The dialog's overlay went in the event's first frame (the whole viewport changed).
        XCTAssertTrue(SegmentAnalyst.redrawnUnderRest(rows, pointer: pointer, moving: false, after: viewport, viewport: viewport))
    }

    func testAListReRenderingWithoutAPageWideChangeIsLeftToTheTracker() {
        // No event open, or one that so far changed only the search field and part of the list.
        XCTAssertFalse(SegmentAnalyst.redrawnUnderRest(rows, pointer: pointer, moving: false, after: nil, viewport: viewport))
        let part = PixelRect(x: 299, y: 136, width: 666, height: 430)
        XCTAssertFalse(SegmentAnalyst.redrawnUnderRest(rows, pointer: pointer, moving: false, after: part, viewport: viewport))
    }

    func testThePointerLeavingOrMovingIsNotARedraw() {
        // A change where the pointer rests: it may have left.
        let atRest = ChangeBlob(box: PixelRect(x: 774, y: 609, width: 18, height: 20), pixels: 150)
        XCTAssertFalse(SegmentAnalyst.redrawnUnderRest(rows + [atRest], pointer: pointer, moving: false, after: viewport, viewport: viewport))
        // A pointer on the move, a few changes, or no pointer known: the usual rules decide.
        XCTAssertFalse(SegmentAnalyst.redrawnUnderRest(rows, pointer: pointer, moving: true, after: viewport, viewport: viewport))
        XCTAssertFalse(SegmentAnalyst.redrawnUnderRest(Array(rows.prefix(7)), pointer: pointer, moving: false, after: viewport, viewport: viewport))
        XCTAssertFalse(SegmentAnalyst.redrawnUnderRest(rows, pointer: nil, moving: false, after: viewport, viewport: viewport))
    }
}
