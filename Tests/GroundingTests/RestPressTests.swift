import Foundation
@testable import Grounding
import XCTest

/// Session 17: a press under the resting pointer judged against the frame before the pointer came
/// (`GapSearch+RestPress.swift`).
final class RestPressTests: XCTestCase {
    static let width = 8
    /// A copy button, 8×4 cells: before the pointer came, white with the icon at row 1, columns 1–2.
    static let prior: [Double] = grid { x, y in y == 1 && (x == 1 || x == 2) ? 60 : 200 }
    /// The pointer arrives over rows 2–3, columns 6–7.
    static let arrived: [Double] = grid { x, y in y >= 2 && x >= 6 ? 20 : prior[y * width + x] }
    /// At the next moment: ✓ at (2, 1), a green border along the top row and the left column, and
    /// the pointer a cell further left (columns 5–6).
    static let after: [Double] = grid { x, y in
        if y >= 2 && (x == 5 || x == 6) { return 20 }
        if y == 0 || x == 0 || (x == 2 && y == 1) { return 120 }
        return 200
    }

    static func grid(_ f: (Int, Int) -> Double) -> [Double] {
        (0..<(4 * width)).map { f($0 % width, $0 / width) }
    }

    func testThePointerAndItsDriftAreLeftOutOfTheChangeSinceItCame() {
        let mask = Run.pressCells(prior: Self.prior, arrived: Self.arrived, after: Self.after, width: Self.width)
        XCTAssertEqual(mask.enumerated().filter(\.element).map(\.offset), [0, 1, 2, 3, 8, 9, 10, 16, 24],
                       "the border and the icon's cells, not within two cells of where the pointer was drawn")
        let lean = Run.pressCellsLean(live: Self.prior, width: Self.width, registrations: [(Self.prior, Self.arrived, Self.after)])
        XCTAssertNotNil(lean)
        XCTAssertLessThan(lean!, Run.areaUnlike, "the live page shows the button as before the press")
        // After the click live: ✓ and the border, no pointer.
        let clicked = Self.grid { x, y in y >= 2 && (x == 5 || x == 6) ? 200 : Self.after[y * Self.width + x] }
        let pressed = Run.pressCellsLean(live: clicked, width: Self.width, registrations: [(Self.prior, Self.arrived, Self.after)])!
        XCTAssertGreaterThan(pressed, 0.9)
        XCTAssertTrue(Run.clickKept(lean: pressed, before: lean!, hover: nil), "the click brings the area in line")
    }

    func testAPressNeedsOnlyToLeanToTheAfterLook() {
        XCTAssertTrue(Run.clickKept(lean: 0.06, before: -0.61, hover: nil, like: Run.pressLike))
        XCTAssertFalse(Run.clickKept(lean: 0.06, before: -0.61, hover: nil), "elsewhere areaLike holds")
        XCTAssertFalse(Run.clickKept(lean: -0.05, before: -0.61, hover: nil, like: Run.pressLike), "still nearer the before look")
        XCTAssertFalse(Run.clickKept(lean: 0.06, before: -0.3, hover: nil, like: Run.pressLike), "too small a gain")
    }

    func testNothingChangedBesideThePointerGivesNoLean() {
        // The pointer only moved a cell.
        let moved = Self.grid { x, y in y >= 2 && (x == 5 || x == 6) ? 20 : Self.prior[y * Self.width + x] }
        XCTAssertNil(Run.pressCellsLean(live: Self.prior, width: Self.width, registrations: [(Self.prior, Self.arrived, moved)]))
        // A look that came with the pointer (in the frame it arrived in) is no change since it came.
        XCTAssertNil(Run.pressCellsLean(live: Self.prior, width: Self.width, registrations: [(Self.prior, Self.after, Self.after)]))
        XCTAssertNil(Run.pressCellsLean(live: [1, 2], width: Self.width, registrations: [(Self.prior, Self.arrived, Self.after)]), "grids of different sizes")
        XCTAssertEqual(Run.pressCells(prior: [1, 2], arrived: [1], after: [1, 2], width: 2), [])
        XCTAssertEqual(Run.pressCells(prior: [1, 2, 3], arrived: [1, 2, 3], after: [1, 2, 3], width: 2), [], "not whole rows")
    }

    func testOneRegistrationServesAllThreeFrames() {
        // A registration whose unchanged cells do not fit the live area (cell 31 off by 110), in
        // which nothing changed, beside the one that fits: the fitting one is taken.
        let off = Self.grid { x, y in x == 7 && y == 3 ? 90 : Self.prior[y * Self.width + x] }
        let misfit = (prior: off, arrived: off, after: off)
        XCTAssertNil(Run.pressCellsLean(live: Self.prior, width: Self.width, registrations: [misfit]))
        let lean = Run.pressCellsLean(live: Self.prior, width: Self.width, registrations: [misfit, (Self.prior, Self.arrived, Self.after)])
        XCTAssertNotNil(lean)
        XCTAssertLessThan(lean!, -0.9)
    }

    func testAPressLookMustOutlastTheRest() {
        // The pointer leaves (its cells back to white) and the ✓ and the border stay: a press.
        let left = Self.grid { x, y in y >= 2 && (x == 5 || x == 6) ? 200 : Self.after[y * Self.width + x] }
        XCTAssertTrue(Run.pressOutlasts(prior: Self.prior, arrived: Self.arrived, after: Self.after, later: [Self.after, left], width: Self.width, tail: false))
        // The pointer leaves and the look goes with it: a hover look, no press.
        XCTAssertFalse(Run.pressOutlasts(prior: Self.prior, arrived: Self.arrived, after: Self.after, later: [Self.after, Self.prior], width: Self.width, tail: true))
        // The pointer leaves and the look changed again (a tab rested on, then pressed): no press look outlasting.
        let other = Self.grid { x, y in y >= 2 && (x == 5 || x == 6) ? 200 : (y == 0 || x == 0 || (x == 2 && y == 1) ? 160 : 200) }
        XCTAssertFalse(Run.pressOutlasts(prior: Self.prior, arrived: Self.arrived, after: Self.after, later: [other], width: Self.width, tail: true))
        // The pointer rests to the gap's end: believed only when the gap runs to the recording's end.
        XCTAssertTrue(Run.pressOutlasts(prior: Self.prior, arrived: Self.arrived, after: Self.after, later: [Self.after, Self.after], width: Self.width, tail: true))
        XCTAssertFalse(Run.pressOutlasts(prior: Self.prior, arrived: Self.arrived, after: Self.after, later: [Self.after], width: Self.width, tail: false))
        // Nothing changed beside the pointer: nothing to outlast.
        XCTAssertFalse(Run.pressOutlasts(prior: Self.prior, arrived: Self.arrived, after: Self.arrived, later: [], width: Self.width, tail: true))
    }
}
