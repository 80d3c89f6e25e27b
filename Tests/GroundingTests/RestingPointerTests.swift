import Foundation
@testable import Grounding
import XCTest

/// Session 12's rules for clicks under the resting pointer and clicks misread onto a field.
final class RestingPointerTests: XCTestCase {
    /// A 4×4 grid: a copy button's icon in the top rows changes (❐ → ✓), while the pointer, drawn
    /// in both video frames (dark cells 8…15), rests over the bottom half. The live screenshot has
    /// no pointer and still shows the icon as before the click.
    static let before: [Double] = [200, 60, 60, 200, 200, 60, 60, 200, 20, 20, 20, 20, 20, 20, 20, 20]
    static let after: [Double] = [200, 200, 120, 200, 200, 120, 200, 200, 20, 20, 20, 20, 20, 20, 20, 20]
    static let live: [Double] = [200, 60, 60, 200, 200, 60, 60, 200, 240, 240, 240, 240, 240, 240, 240, 240]

    func testTheRestingPointerIsLeftOutOfTheLean() {
        // The whole area: the pointer's cells weigh alike against both frames.
        var d0 = 0.0, d1 = 0.0
        for j in Self.live.indices { d0 += abs(Self.live[j] - Self.before[j]); d1 += abs(Self.live[j] - Self.after[j]) }
        d0 /= 16; d1 /= 16
        let whole = (d0 - d1) / (d0 + d1 + 1)
        XCTAssertGreaterThan(whole, Run.areaUnlike, "with the pointer counted the change does not look unexplained")
        let lean = Run.changedCellsLean(live: Self.live, before: Self.before, after: Self.after)
        XCTAssertNotNil(lean)
        XCTAssertLessThan(lean!, -0.9, "over the changed cells only the live icon is the one before the click")
        // After the click live, the icon is the video's after state: the lean flips.
        var clicked = Self.after
        for j in 8..<16 { clicked[j] = 240 }
        XCTAssertGreaterThan(Run.changedCellsLean(live: clicked, before: Self.before, after: Self.after)!, 0.9)
    }

    func testEachFrameTakesItsBestRegistration() {
        // The live area matches the "after" frame only one pixel off (a second registration):
        // unshifted the lean is mixed, with the shift it is the after state.
        let shiftedAfter: [Double] = [200, 180, 100, 200, 200, 100, 180, 200, 20, 20, 20, 20, 20, 20, 20, 20]
        var live = shiftedAfter
        for j in 8..<16 { live[j] = 240 }
        let single = Run.changedCellsLean(live: live, before: Self.before, after: Self.after)!
        let registered = Run.changedCellsLean(live: live, before: [Self.before], after: [Self.after, shiftedAfter])!
        XCTAssertLessThan(single, 0.7)
        XCTAssertGreaterThan(registered, 0.9)
        // One registration per frame is the single-grid lean.
        XCTAssertEqual(Run.changedCellsLean(live: live, before: [Self.before], after: [Self.after]), single)
        // The mask comes from the unshifted grids: a shift alone does not make a change.
        XCTAssertNil(Run.changedCellsLean(live: live, before: [Self.before, Self.after], after: [Self.before]))
        XCTAssertNil(Run.changedCellsLean(live: live, before: [Self.before], after: [Self.after, [1, 2]]), "a grid of another size")
    }

    func testFramesThatDifferInFewerThanTwoCellsFallBack() {
        XCTAssertNil(Run.changedCellsLean(live: Self.live, before: Self.before, after: Self.before))
        XCTAssertNil(Run.changedCellsLean(live: [1, 2], before: [1, 2, 3], after: [3, 2, 1]), "grids of different sizes")
        XCTAssertEqual(Run.changedCells([0, 10, 50], [10, 20, 0]), [false, false, true], "a change of at most sameCell is no change")
        XCTAssertEqual(Run.maskedDistance([10, 100], [20, 0], [true, false]), 10)
    }

    func testAnAreaIsUnderTheRestingPointerOnlyWhereThePointerArrived() {
        let arrived = [(x: 992.0, y: 248.0, width: 24.0, height: 24.0)]
        XCTAssertTrue(Run.underRestingPointer((976, 240, 40, 32), previous: arrived))
        XCTAssertFalse(Run.underRestingPointer((280, 96, 72, 24), previous: arrived))
        XCTAssertFalse(Run.underRestingPointer((976, 240, 40, 32), previous: []))
    }

    func testAClickOnAFieldIsLeftBehindOnlyWhenTheLivePageWasInLineBefore() {
        XCTAssertTrue(Run.leftBehind(before: 0.87, after: 0.71), "the wizard moved on in the video, not live")
        XCTAssertFalse(Run.leftBehind(before: 0.80, after: 0.71), "the live page was out of line already")
        XCTAssertFalse(Run.leftBehind(before: 0.93, after: 0.90), "the live page follows the video")
    }
}
