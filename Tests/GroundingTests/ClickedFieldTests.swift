import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 18's rule for typed values (no browser): a click into a field whose typing the analysis
/// missed.
final class ClickedFieldTests: XCTestCase {
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
