import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 19 (live19b): a key read for the change of a click the gap search inserted just before
/// it (LiveGrounder+EchoKey.swift).
final class EchoKeyTests: XCTestCase {
    private func inserted(at time: Double, kind: ActionKind = .click, why: String = "inserted: the video changes here") -> Action {
        var a = Action(kind: kind, time: time, endTime: time + 0.1, target: Target(point: Point(x: 884, y: 170)))
        a.grounding = Grounding(status: .corrected, locator: LiveLocator(kind: .role, value: "button", name: "Favourite"))
        a.grounding?.corrections = [why]
        return a
    }

    private func enter(at time: Double) -> Action {
        Action(kind: .press, time: time, endTime: time + 0.06, value: .text("Enter"))
    }

    func testAKeySoonAfterAnInsertedClickMayBeItsSecondReading() {
        // contacts-search-escape-darkcursor: Favourite inserted at 5.50 s, Enter read at 6.27 s.
        XCTAssertTrue(Run.mayEchoInsertedClick(enter(at: 6.267), last: inserted(at: 5.5)))
        XCTAssertTrue(Run.mayEchoInsertedClick(enter(at: 6.0), last: inserted(at: 5.5, kind: .check)))
    }

    func testALaterKeyAnOfflineClickOrNoClickIsNoSecondReading() {
        XCTAssertFalse(Run.mayEchoInsertedClick(enter(at: 6.8), last: inserted(at: 5.5)), "later than echoWindow")
        XCTAssertFalse(Run.mayEchoInsertedClick(enter(at: 5.3), last: inserted(at: 5.5)), "before the click")
        var offline = inserted(at: 5.5, why: "name \"a\" → \"Favourite\"")
        XCTAssertFalse(Run.mayEchoInsertedClick(enter(at: 6.0), last: offline), "a click the analysis read itself")
        offline.grounding = nil
        XCTAssertFalse(Run.mayEchoInsertedClick(enter(at: 6.0), last: offline))
        XCTAssertFalse(Run.mayEchoInsertedClick(enter(at: 6.0), last: nil))
        var fill = inserted(at: 5.5)
        fill.kind = .fill
        XCTAssertFalse(Run.mayEchoInsertedClick(enter(at: 6.0), last: fill), "an inserted fill's Enter submits what it typed")
        var click = enter(at: 6.0)
        click.kind = .click
        XCTAssertFalse(Run.mayEchoInsertedClick(click, last: inserted(at: 5.5)), "only key steps")
    }
}
