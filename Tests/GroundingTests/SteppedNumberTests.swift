import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 27: a number field stepped with the arrow keys, read as a `fill` of the final number
/// (LiveGrounder+SteppedNumber.swift; no browser).
final class SteppedNumberTests: XCTestCase {
    func testANumberSeenOnTheWayMakesTheKeys() throws {
        // wizard-booking-keys-vp9: Guests 2 → 3, the video's field reading "4" at 20.37 s and "3"
        // at 20.82 s: ArrowUp twice, then ArrowDown (truth 19.74, 20.31, 20.74 s).
        let keys = try XCTUnwrap(Run.steppedKeys(prior: 2, final: 3, readings: [(20.37, 4), (20.82, 3)], step: 1,
                                                 start: 19.77, end: 20.77, keyboardFocus: false))
        XCTAssertEqual(keys.map(\.up), [true, true, false])
        XCTAssertEqual(keys[0].time, 19.77, accuracy: 1e-9)
        XCTAssertEqual(keys[1].time, 20.07, accuracy: 1e-9)
        XCTAssertEqual(keys[2].time, 20.37, accuracy: 1e-9)
        // The old value read again first changes nothing.
        let same = try XCTUnwrap(Run.steppedKeys(prior: 2, final: 3, readings: [(19.6, 2), (20.37, 4), (20.82, 3)], step: 1,
                                                 start: 19.77, end: 20.77, keyboardFocus: false))
        XCTAssertEqual(same.map(\.up), [true, true, false])
    }

    func testTypingIsNotTakenForKeys() {
        // "12" typed over "2" shows "1" first: a move of 11 steps, refused.
        XCTAssertNil(Run.steppedKeys(prior: 2, final: 12, readings: [(1.0, 1), (1.2, 12)], step: 1, start: 0.9, end: 1.3, keyboardFocus: true))
        // "5" typed over "2", nothing on the way: three steps with nothing seen is typing.
        XCTAssertNil(Run.steppedKeys(prior: 2, final: 5, readings: [(1.2, 5)], step: 1, start: 0.9, end: 1.3, keyboardFocus: true))
        XCTAssertNil(Run.steppedKeys(prior: 2, final: 4, readings: [], step: 1, start: 0.9, end: 1.3, keyboardFocus: true))
        // A value off the field's step.
        XCTAssertNil(Run.steppedKeys(prior: 10, final: 13, readings: [], step: 5, start: 0.9, end: 1.3, keyboardFocus: true))
        // Too many presses in all.
        XCTAssertNil(Run.steppedKeys(prior: 0, final: 1, readings: [(1, 3), (2, 0), (3, 3), (4, 1)], step: 1, start: 0, end: 5, keyboardFocus: true))
        XCTAssertNil(Run.steppedKeys(prior: 3, final: 3, readings: [], step: 1, start: 0, end: 1, keyboardFocus: true))
    }

    func testOneStepAfterATabIsAKey() throws {
        // wizard-fix-nights-60fps's Guests 2 → 1 after the Tab from Nights: ArrowDown.
        let down = try XCTUnwrap(Run.steppedKeys(prior: 2, final: 1, readings: [], step: 1, start: 26.13, end: 26.63, keyboardFocus: true))
        XCTAssertEqual(down.map(\.up), [false])
        XCTAssertEqual(down[0].time, 26.13, accuracy: 1e-9)
        // The same change in a field the person clicked into is left typed.
        XCTAssertNil(Run.steppedKeys(prior: 2, final: 1, readings: [], step: 1, start: 26.13, end: 26.63, keyboardFocus: false))
        // One step of 5.
        XCTAssertEqual(Run.steppedKeys(prior: 10, final: 15, readings: [], step: 5, start: 0, end: 1, keyboardFocus: true)?.map(\.up), [true])
    }

    func testReadingsAndTheFocusingKey() {
        XCTAssertEqual(Run.leadingNumber("4 I ="), 4)
        XCTAssertEqual(Run.leadingNumber("3| ze"), 3)
        XCTAssertEqual(Run.leadingNumber(" 12"), 12)
        XCTAssertNil(Run.leadingNumber("3 1"), "may be 31")
        XCTAssertNil(Run.leadingNumber("Guests"))
        XCTAssertNil(Run.leadingNumber(""))
        XCTAssertTrue(Run.isTabPress(Action(kind: .press, time: 1, endTime: 1.06, value: .text("Tab"))))
        XCTAssertTrue(Run.isTabPress(Action(kind: .press, time: 1, endTime: 1.06, value: .text("Shift+Tab"))))
        XCTAssertFalse(Run.isTabPress(Action(kind: .press, time: 1, endTime: 1.06, value: .text("Enter"))))
        XCTAssertFalse(Run.isTabPress(Action(kind: .click, time: 1, endTime: 1.06)))
        XCTAssertFalse(Run.isTabPress(nil))
    }

    func testTheNeighbouringNumberTypedAfterATab() throws {
        // Its digits appear one by one: "10" typed over the 9 the Tab selected shows "1" first.
        XCTAssertNil(Run.steppedKeys(prior: 9, final: 10, readings: [(1.0, 1), (1.3, 10)], step: 1, start: 0.9, end: 1.4, keyboardFocus: true))
        XCTAssertNil(Run.steppedKeys(prior: 10, final: 11, readings: [(1.0, 1), (1.3, 11)], step: 1, start: 0.9, end: 1.4, keyboardFocus: true))
        // …also where the field's steps could reach the first digit: with a step of 3, 7 → 4 → 1 → 10
        // would be five arrows; "1" on the way to "10" is its first digit typed.
        XCTAssertNil(Run.steppedKeys(prior: 7, final: 10, readings: [(1.0, 1), (1.3, 10)], step: 3, start: 0.9, end: 1.4, keyboardFocus: true))
        // The arrows through a value that is no first digit of the final stay keys (4 on the way to 3).
        XCTAssertEqual(Run.steppedKeys(prior: 2, final: 3, readings: [(1.0, 4), (1.3, 3)], step: 1, start: 0.9, end: 1.4, keyboardFocus: true)?.count, 3)
        // A one-digit neighbour typed over the selected value shows, frame by frame, what the arrow
        // leaves (the new digit, nothing selected): nothing tells them apart, so it reads as the arrow
        // after a Tab — the prior this rule takes (the final state is the same; one step counts wrong).
        XCTAssertEqual(Run.steppedKeys(prior: 2, final: 3, readings: [(1.3, 3)], step: 1, start: 0.9, end: 1.4, keyboardFocus: true)?.map(\.up), [true])
        // The text selected by the person (Control+A) rather than by a Tab: no prior, left typed.
        XCTAssertFalse(Run.isTabPress(Action(kind: .press, time: 0.5, endTime: 0.56, value: .text("Control+A"))))
        XCTAssertNil(Run.steppedKeys(prior: 2, final: 3, readings: [(1.3, 3)], step: 1, start: 0.9, end: 1.4, keyboardFocus: false))
    }
}
