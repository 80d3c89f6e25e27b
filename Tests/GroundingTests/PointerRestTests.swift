import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The pointer's rest carried over quiet moments (GapSearch+PointerRest.swift).
final class PointerRestTests: XCTestCase {
    typealias Box = (x: Double, y: Double, width: Double, height: Double)
    let tab: Box = (176, 80, 24, 24)

    func testThePointerRestIsCarriedWhileNothingChangesOrOnlyAroundIt() {
        // It arrives on the tab: a pointer-sized change.
        let arrived = Run.pointerRest(after: [], blobs: [tab])
        XCTAssertEqual(arrived.count, 1)
        // Nothing changes: it still rests there.
        XCTAssertEqual(Run.pointerRest(after: arrived, blobs: []).count, 1)
        // The tab's hover look (larger than a pointer) around it: still there.
        let hover = Run.pointerRest(after: arrived, blobs: [(172, 76, 36, 32)])
        XCTAssertEqual(hover.first?.x, 176)
        // A change elsewhere and no pointer seen: the rest is no longer known.
        XCTAssertTrue(Run.pointerRest(after: arrived, blobs: [(600, 400, 200, 100)]).isEmpty)
        // The pointer arrives somewhere else: that is the new rest.
        XCTAssertEqual(Run.pointerRest(after: arrived, blobs: [(500, 300, 20, 24)]).first?.x, 500)
    }

    func testTheCarriedRestStandsInOnlyInAReLayoutWithNoPointerAtThePreviousMoment() {
        let previous: [Box] = [(300, 200, 20, 24)]
        XCTAssertEqual(Run.restedAreas(previous: previous, rest: [tab], areas: 17).first?.x, 300, "the previous moment's pointer comes first")
        XCTAssertEqual(Run.restedAreas(previous: [], rest: [tab], areas: 17).first?.x, 176, "a re-layout: where the pointer rested")
        XCTAssertTrue(Run.restedAreas(previous: [], rest: [tab], areas: 2).isEmpty, "a few areas point at the click themselves")
    }
}
