import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 27: a date field read without its year in the fields' reconcile (GapSearch+DateFields.swift).
final class YearlessDateTests: XCTestCase {
    func testAYearlessReadingGivesTheYearsAround() {
        XCTAssertEqual(Run.yearlessDateCandidates("10/05/", current: "", year: 2026),
                       ["2025-10-05", "2026-10-05", "2027-10-05", "2028-10-05", "2029-10-05"])
        // The field's own value is none to type.
        XCTAssertEqual(Run.yearlessDateCandidates("10/05/ ", current: "2027-10-05", year: 2026).count, 4)
        // A whole date is the reading's own (dateFieldReading); no month and day is none.
        XCTAssertEqual(Run.yearlessDateCandidates("10/05/2027", current: "", year: 2026), [])
        XCTAssertEqual(Run.yearlessDateCandidates("mm/dd/yyyy", current: "", year: 2026), [])
        XCTAssertEqual(Run.yearlessDateCandidates("13/05/", current: "", year: 2026), [])
    }
}

/// Session 27: a fill of nothing with no element at its point (LiveGrounder+NoOpTyping.swift).
final class EmptyFillWithoutFieldTests: XCTestCase {
    func testOnlyAnUnmaskedFillOfNothing() {
        XCTAssertTrue(Run.emptyFillWithoutField(Action(kind: .fill, time: 28.85, value: .text(""))))
        XCTAssertTrue(Run.emptyFillWithoutField(Action(kind: .fill, time: 28.85)))
        XCTAssertTrue(Run.emptyFillWithoutField(Action(kind: .fill, time: 28.85, value: .text(" "))))
        XCTAssertFalse(Run.emptyFillWithoutField(Action(kind: .fill, time: 28.85, value: .text("6"))))
        XCTAssertFalse(Run.emptyFillWithoutField(Action(kind: .fill, time: 28.85, value: .text(""), secret: true)), "a password comes from the environment")
        XCTAssertFalse(Run.emptyFillWithoutField(Action(kind: .click, time: 28.85)))
    }
}
