import Foundation
@testable import Grounding
import XCTest

/// Session 20: the gap search rests on a collapsed disclosure for a hover intent's time
/// (`GapSearch+DisclosureRest.swift`).
final class DisclosureRestTests: XCTestCase {
    func testACollapsedDisclosureIsRestedOnForTheHoverIntent() {
        XCTAssertEqual(Run.candidateRest(atPointer: false, expanded: "false"), Run.restIntent, "a row's ⋯ that opens its menu after a 200 ms rest")
        XCTAssertEqual(Run.candidateRest(atPointer: true, expanded: nil), Run.restIntent, "the pointer's own place, as before")
        XCTAssertEqual(Run.candidateRest(atPointer: false, expanded: nil), 150_000_000, "no disclosure: a hover look shows at once")
        XCTAssertEqual(Run.candidateRest(atPointer: false, expanded: "true"), 150_000_000, "already open: nothing to wait for")
        XCTAssertGreaterThan(Run.restIntent, 300_000_000, "longer than the apps' hover intent")
    }
}

/// Session 20: a press inside a control reaches it wherever it lands (`LiveGrounder+CentreChild.swift`).
final class CentreChildTests: XCTestCase {
    func testAControlsCentreChildRepeatsTheClick() {
        // The Add contact button pressed on its top edge, its centre holding the "+" span.
        XCTAssertFalse(Run.pointKept(surfaceAtPoint: true, surfaceAtCentre: false, sameAtCentre: true, control: true))
        // A dialog's backdrop pressed outside the dialog, its centre holding the dialog.
        XCTAssertTrue(Run.pointKept(surfaceAtPoint: true, surfaceAtCentre: false, sameAtCentre: true, control: false))
        // The centre holds another control: the point is kept, control or not.
        XCTAssertTrue(Run.pointKept(surfaceAtPoint: false, surfaceAtCentre: false, sameAtCentre: false, control: true))
        // The element's own surface at both: the locator repeats it.
        XCTAssertFalse(Run.pointKept(surfaceAtPoint: true, surfaceAtCentre: true, sameAtCentre: true, control: false))
    }
}
