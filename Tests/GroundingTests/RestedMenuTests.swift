import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 25's rule for a hover menu left open by the live pointer's rest (no browser): the
/// opener is found only for an item of a menu under the resting pointer, and a hover is inserted
/// only when no recent step acts on that opener.
final class RestedMenuTests: XCTestCase {
    func testTheOpenerIsAnOpenHasPopupControlUnderTheRestingPointer() {
        let js = Run.restedMenuOpenerScript
        XCTAssertTrue(js.contains("[aria-haspopup][aria-expanded=true]"), "only an opener that says it is open")
        XCTAssertTrue(js.contains("closest('[role=menu], [role=menubar]')"), "only items of a menu (no listbox, dialog)")
        XCTAssertTrue(js.contains("matches(':hover')"), "only while the live pointer rests on it or its menu")
        XCTAssertTrue(js.contains("input, textarea, select, [contenteditable]"), "a combobox's field is no hover opener")
    }

    func testAHoverIsInsertedOnlyWhenNoRecentStepActsOnTheOpener() {
        let opener = LiveLocator(kind: .role, value: "button", name: "v3.2")
        func step(_ kind: ActionKind, _ loc: LiveLocator?) -> Action {
            var a = Action(kind: kind, time: 1, endTime: 1.1, target: Target(point: Point(x: 1, y: 1)), confidence: 1)
            a.grounding = Grounding(status: .verified, locator: loc)
            return a
        }
        let field = LiveLocator(kind: .role, value: "combobox", name: "Search docs")
        // The docs rows: a search, its arrows and Enter, then the menu item — nothing opened the menu.
        XCTAssertFalse(Run.recentlyActsOn(opener, in: [step(.fill, field), step(.press, nil), step(.press, nil)]))
        // A hover (or a click) on the opener just before: the script opens the menu itself.
        XCTAssertTrue(Run.recentlyActsOn(opener, in: [step(.fill, field), step(.hover, opener)]))
        XCTAssertTrue(Run.recentlyActsOn(opener, in: [step(.click, opener), step(.press, nil)]))
        // Only the last few steps count; an opener without a locator is never matched.
        XCTAssertFalse(Run.recentlyActsOn(opener, in: [step(.hover, opener)] + Array(repeating: step(.press, nil), count: Run.restedMenuLookBack)))
        XCTAssertFalse(Run.recentlyActsOn(nil, in: [step(.hover, opener)]))
    }
}
