import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 17's rules for typed values (no browser): a date or time field's value in its own
/// syntax, and which tried clicks Escape may undo.
final class DateFieldTests: XCTestCase {
    func testADateAsTheVideoShowsItIsSetInTheInputsSyntax() {
        XCTAssertEqual(Run.segmentedValue("09/01/2027", type: "date"), "2027-09-01")
        XCTAssertEqual(Run.segmentedValue(" 2027-09-01 ", type: "date"), "2027-09-01")
        XCTAssertEqual(Run.segmentedValue("9/1/2027", type: "date"), "2027-09-01")
        // No year read: no guess (typed as keys instead).
        XCTAssertNil(Run.segmentedValue("09/01", type: "date"))
        // A misread part is no date.
        XCTAssertNil(Run.segmentedValue("09/0l/2027", type: "date"))
        XCTAssertNil(Run.segmentedValue("13/01/2027", type: "date"))
        // Other segmented types are typed as keys.
        XCTAssertNil(Run.segmentedValue("2027-09", type: "month"))
    }

    func testATimeAsTheVideoShowsItIsSetInTheInputsSyntax() {
        XCTAssertEqual(Run.segmentedValue("14:30", type: "time"), "14:30")
        XCTAssertEqual(Run.segmentedValue("2:30 PM", type: "time"), "14:30")
        XCTAssertEqual(Run.segmentedValue("12:05 am", type: "time"), "00:05")
        XCTAssertEqual(Run.segmentedValue("12:05 PM", type: "time"), "12:05")
        XCTAssertEqual(Run.segmentedValue("02:30:15 pm", type: "time"), "14:30:15")
        XCTAssertNil(Run.segmentedValue("13:30 PM", type: "time"))
        XCTAssertNil(Run.segmentedValue("25:00", type: "time"))
        XCTAssertNil(Run.segmentedValue("1430", type: "time"))
    }

    func testEscapeDoesNotUndoAClickInsideTheOpenDialog() {
        let dialog = (x: 440.0, y: 200.0, width: 400.0, height: 320.0)
        XCTAssertTrue(Run.inside(Point(x: 774, y: 447), [dialog]))
        XCTAssertFalse(Run.inside(Point(x: 100, y: 447), [dialog]))
        XCTAssertFalse(Run.inside(Point(x: 774, y: 530), [dialog]))
    }

    func testEscapeUndoesAClickThatOpenedADialog() {
        func state(_ dialogs: Int) -> PageState { PageState(.object(["url": .string("http://x/"), "openDialogs": .number(Double(dialogs))])) }
        // No dialog before the click: the one open now is its doing (it may cover the click's point).
        XCTAssertTrue(Run.clickOpenedDialog(before: state(0), after: state(1)))
        // A second dialog over the first.
        XCTAssertTrue(Run.clickOpenedDialog(before: state(1), after: state(2)))
        // A switch clicked in the open dialog opened none.
        XCTAssertFalse(Run.clickOpenedDialog(before: state(1), after: state(1)))
    }
}
