import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 27: a fill of the value the focused field held, before the reconcile types the field
/// again (LiveGrounder+NoOpRefill.swift; no browser).
final class NoOpRefillTests: XCTestCase {
    private func fill(_ v: String, at t: Double) -> Action { Action(kind: .fill, time: t, endTime: t + 1, value: .text(v)) }
    private func press(_ k: String, at t: Double) -> Action { Action(kind: .press, time: t, endTime: t + 0.06, value: .text(k)) }
    private func click(at t: Double) -> Action { Action(kind: .click, time: t, endTime: t) }

    func testAHeldValueRetypedIntoTheFocusedFieldBeforeKeysIsNoOp() {
        // wizard-fix-nights-60fps: the refused Next, `fill 'Nights' = '20'` (the field holds "20"
        // and has the focus), an Enter; then the reconcile types "6" into Nights.
        let steps = [click(at: 22.6), fill("20", at: 22.77), press("Enter", at: 24.57)]
        XCTAssertTrue(Run.noOpFillBeforeRetyping(steps, index: 1, prior: "20", focused: true, number: true))
        XCTAssertTrue(Run.noOpFillBeforeRetyping(steps, index: 1, prior: "20", focused: true, number: false))
        // In a number field the reading's caret does not count ("20 |" types as 20).
        XCTAssertTrue(Run.noOpFillBeforeRetyping([fill("20 .", at: 1)], index: 0, prior: "20", focused: true, number: true))
    }

    func testAFillThatChangedSomethingStays() {
        let steps = [fill("20", at: 22.77), press("Enter", at: 24.57)]
        // Another value, or the field without the focus before it (the fill moved the focus).
        XCTAssertFalse(Run.noOpFillBeforeRetyping(steps, index: 0, prior: "2", focused: true, number: true))
        XCTAssertFalse(Run.noOpFillBeforeRetyping(steps, index: 0, prior: "20", focused: false, number: true))
        // A text field's value in another case is an edit.
        XCTAssertFalse(Run.noOpFillBeforeRetyping([fill("Hello", at: 1)], index: 0, prior: "hello", focused: true, number: false))
        // A pointer step after it: the retyping is not what follows it.
        XCTAssertFalse(Run.noOpFillBeforeRetyping(steps + [click(at: 25)], index: 0, prior: "20", focused: true, number: true))
        // Not a fill, or out of range.
        XCTAssertFalse(Run.noOpFillBeforeRetyping(steps, index: 1, prior: "20", focused: true, number: true))
        XCTAssertFalse(Run.noOpFillBeforeRetyping(steps, index: 2, prior: "20", focused: true, number: true))
    }
}

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
