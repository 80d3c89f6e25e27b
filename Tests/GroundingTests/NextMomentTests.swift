import Foundation
@testable import Grounding
import XCTest

/// Session 22: a gap-search click tried a moment early that cannot be undone is kept when it
/// explains the video's next moment (`GapSearch+NextMoment.swift`).
final class NextMomentTests: XCTestCase {
    func testTheNextMomentIsExplainedAsAClickExplainsItsOwn() {
        // admin-search-delete-vp9: the menu open and lit live (−0.7 towards the closed menu and
        // the role cell changed at 11.37 s), then closed with the role changed by the click.
        XCTAssertTrue(Run.nextMomentExplained(before: -0.7, after: 0.8))
        // The same gain and floor as a click at its own moment.
        XCTAssertTrue(Run.nextMomentExplained(before: -0.3, after: Run.areaLike))
        XCTAssertFalse(Run.nextMomentExplained(before: -0.2, after: 0.2), "a gain under areaGain")
        XCTAssertFalse(Run.nextMomentExplained(before: -0.9, after: 0.1), "a gain without reaching areaLike")
        XCTAssertFalse(Run.nextMomentExplained(before: -0.78, after: -0.7), "contacts-hidpi2x-1080's Favourite: neither moment")
    }

    func testOnlyAMomentTheGapWalksCounts() {
        let moments = [9.87, 10.37, 10.87, 11.37, 11.87]
        // admin-search-delete-vp9: tried at 10.87 s, the next offline step at 12.57 s.
        XCTAssertEqual(Run.nextMomentIndex(2, moments: moments, nextPointer: 12.57), 3)
        XCTAssertEqual(Run.nextMomentIndex(2, moments: moments, nextPointer: nil), 3)
        // The next moment within nextStepLead of the next pointer step is that step's change.
        XCTAssertNil(Run.nextMomentIndex(2, moments: moments, nextPointer: 11.37 + Run.nextStepLead - 0.01))
        XCTAssertEqual(Run.nextMomentIndex(2, moments: moments, nextPointer: 11.37 + Run.nextStepLead), 3)
        // The walk's last moment has none after it.
        XCTAssertNil(Run.nextMomentIndex(4, moments: moments, nextPointer: nil))
    }
}
