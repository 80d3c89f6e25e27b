import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 18's rules for typed values (no browser): a number field two renderers' digits leave
/// undecided, kept by what it does to the page around it; a click into a field whose typing the
/// analysis missed.
final class NumberReadingTests: XCTestCase {
    func testANumberFieldAFewPixelsOffIsReadAgain() {
        // wizard-validation-firefox's Guests: the live "9" 10 pixels off the video's Firefox "4".
        XCTAssertTrue(Run.doubtfulNumber(type: "number", value: "9", error: 10))
        // The same number in two renderers: a pixel or two.
        XCTAssertFalse(Run.doubtfulNumber(type: "number", value: "9", error: 2))
        // An empty field, or a text field: not this rule's.
        XCTAssertFalse(Run.doubtfulNumber(type: "number", value: "", error: 10))
        XCTAssertFalse(Run.doubtfulNumber(type: "text", value: "9", error: 10))
    }

    func testADoubtfulNumberIsKeptOnlyWhenItsSurroundingsTurnToTheVideosNewLook() {
        // The validation message under the field goes: kept, though the digit's ink gains nothing.
        XCTAssertTrue(Run.doubtfulNumberKept(before: 10, after: 10, around: (before: -0.68, after: 0.6)))
        // Surroundings that move little, or stay on the old look's side: not kept.
        XCTAssertFalse(Run.doubtfulNumberKept(before: 10, after: 10, around: (before: -0.68, after: -0.4)))
        XCTAssertFalse(Run.doubtfulNumberKept(before: 10, after: 10, around: (before: -0.9, after: -0.1)))
        XCTAssertFalse(Run.doubtfulNumberKept(before: 10, after: 10, around: (before: 0.1, after: 0.3)))
        // A rendering clearly worse than the field's: not kept.
        XCTAssertFalse(Run.doubtfulNumberKept(before: 10, after: 30, around: (before: -0.68, after: 0.6)))
    }

    func testAFieldTheLastStepClickedIntoIsReconciledUnlessTheNextStepTypes() {
        // wizard-window-24fps: a click on Nights, then a click read off its spin buttons.
        XCTAssertTrue(Run.clickedFieldReconciled(clickedInto: true, next: .click))
        XCTAssertFalse(Run.clickedFieldReconciled(clickedInto: true, next: .fill))
        XCTAssertFalse(Run.clickedFieldReconciled(clickedInto: true, next: .press))
        XCTAssertFalse(Run.clickedFieldReconciled(clickedInto: false, next: .click))
        XCTAssertFalse(Run.clickedFieldReconciled(clickedInto: true, next: nil))
        let nights = (x: 267.0, y: 398.0, width: 274.0, height: 42.0)
        XCTAssertTrue(Run.nearBox(Point(x: 523, y: 421), nights))
        XCTAssertTrue(Run.nearBox(Point(x: 543, y: 421), nights))
        XCTAssertFalse(Run.nearBox(Point(x: 560, y: 421), nights))
    }
}
