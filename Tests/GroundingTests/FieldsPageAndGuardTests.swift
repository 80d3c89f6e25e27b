import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The fields reconcile on a page unlike the video's, the fill a step ahead that types elsewhere,
/// and what shows a destructive control's effect (no browser).
final class FieldsPageAndGuardTests: XCTestCase {
    func testARowGoingShowsARemoveButAWholePageChangeDoesNot() {
        let viewport = (width: 1280.0, height: 714.0)
        let remove = (x: 700.0, y: 150.0, width: 60.0, height: 28.0)
        // The row around the button goes (a wide band across it).
        let row = (x: 440.0, y: 140.0, width: 400.0, height: 56.0)
        XCTAssertTrue(Run.removesAround(remove, areas: [row], viewport: viewport))
        // The rows below shifting up with it: still less than most of the viewport.
        let rows = (x: 440.0, y: 140.0, width: 400.0, height: 500.0)
        XCTAssertTrue(Run.removesAround(remove, areas: [rows], viewport: viewport))
        // A dialog's backdrop over the whole viewport is no row going.
        let backdrop = (x: 0.0, y: 0.0, width: 1280.0, height: 714.0)
        XCTAssertFalse(Run.removesAround(remove, areas: [backdrop], viewport: viewport))
        // Nor is a change the button's own size (its hover look), nor one elsewhere.
        XCTAssertFalse(Run.removesAround(remove, areas: [(x: 698.0, y: 148.0, width: 64.0, height: 32.0)], viewport: viewport))
        XCTAssertFalse(Run.removesAround(remove, areas: [(x: 440.0, y: 400.0, width: 400.0, height: 56.0)], viewport: viewport))
    }

    func testTypingExplainsAnUnlikePageOnlyByAClearGain() {
        XCTAssertTrue(Run.pageExplained(before: 0.79, after: 0.93))
        XCTAssertFalse(Run.pageExplained(before: 0.79, after: 0.81))
        XCTAssertFalse(Run.pageExplained(before: 0.64, after: 0.60))
    }

    func testAPointInsideAnotherFieldsBox() {
        let guests = (x: 548.0, y: 390.0, width: 240.0, height: 40.0)
        XCTAssertTrue(Run.inside(Point(x: 648, y: 408), [guests]))
        XCTAssertFalse(Run.inside(Point(x: 356, y: 408), [guests]))
        XCTAssertFalse(Run.inside(Point(x: 648, y: 408), []))
    }
}

extension FieldsPageAndGuardTests {
    func testAThinDigitForAWideOneIsUnlike() {
        // "1" (20 ink) where the video shows "5" (55 ink): 12 pixels off.
        XCTAssertFalse(Run.fieldUnlike((error: 12, ink: 55)))
        XCTAssertTrue(Run.shortNumberUnlike(error: 12, smallerInk: 20))
        // A few pixels of two renderers' noise is no other digit.
        XCTAssertFalse(Run.shortNumberUnlike(error: 6, smallerInk: 20))
        XCTAssertFalse(Run.shortNumberUnlike(error: 12, smallerInk: 60))
    }

    func testANumberOnlyTheNumberRuleFoundUnlikeIsReplacedOnlyByAClearlyBetterOne() {
        // "5" renders exactly where the field's "1" was 12 pixels off: kept.
        XCTAssertTrue(Run.numberValueKept(before: (error: 12, ink: 55), after: (error: 0, ink: 55)))
        // "3" at 14 against the field's "2" at 19 (both under the match threshold): not kept.
        XCTAssertFalse(Run.numberValueKept(before: (error: 19, ink: 83), after: (error: 14, ink: 83)))
    }
}
