import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 19 (live19b): the search again of a change left to a step that hit nothing starts
/// where the gap before it stopped comparing (GapSearch+Resting.swift).
final class LeftChangeTests: XCTestCase {
    func testTheSearchAgainLeavesNoMomentUncompared() {
        // admin-search-delete-vp9: the click at 10.567 s; the gap before it compared up to 9.57 s.
        let step = 10.567
        let start = Run.leftChangeStart(step)
        let first = Run.gapMoments(from: start, to: step + 1.2).first ?? .infinity
        XCTAssertLessThanOrEqual(first, step - Run.nextStepLead - Run.gapStep + 1e-9)
        XCTAssertLessThanOrEqual(first, 9.57 + 1e-9, "the menu opening between 9.57 and 9.87 s is compared")
        let moments = Run.gapMoments(from: start, to: step + 1.2)
        XCTAssertTrue(moments.contains { $0 < 9.57 - 1e-9 }, "a moment before it, where the pointer came onto ⋯")
        XCTAssertGreaterThan(first, step - 2.5, "no further back than the gap before it reached")
        XCTAssertEqual(Run.leftChangeStart(0.8), 0, "never before the recording")
    }
}
