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

/// Session 19 (live19b): a destructive control that asks first (GapSearch+ConfirmDialog.swift).
final class ConfirmDialogTests: XCTestCase {
    func testADialogOverTheWholePageIsABackdropNotARow() {
        let viewport = (width: 1280.0, height: 714.0)
        // admin-search-delete-vp9 at 5.60 s: the backdrop and the dialog.
        XCTAssertTrue(Run.dialogOpened([(x: 0, y: 0, width: 1280, height: 714), (x: 472, y: 304, width: 312, height: 64)], viewport: viewport))
        // A row going, or a dialog without a backdrop: not over the whole page.
        XCTAssertFalse(Run.dialogOpened([(x: 440, y: 140, width: 400, height: 500)], viewport: viewport))
        XCTAssertFalse(Run.dialogOpened([(x: 472, y: 304, width: 312, height: 64)], viewport: viewport))
        XCTAssertFalse(Run.dialogOpened([], viewport: viewport))
    }

    func testThePointersTraceOntoAnIconButton() {
        // 40×48 at 5.10 s: the arrow's old and new places over the row's Delete (26×23).
        XCTAssertTrue(Run.confirmTraceSized((x: 1112, y: 160, width: 40, height: 48)))
        XCTAssertTrue(Run.confirmTraceSized((x: 1112, y: 160, width: 16, height: 24)))
        XCTAssertFalse(Run.confirmTraceSized((x: 1112, y: 160, width: 56, height: 48)), "wider than a pointer's move onto a small button")
        XCTAssertFalse(Run.confirmTraceSized((x: 856, y: 56, width: 304, height: 32)), "a field's change")
    }
}
