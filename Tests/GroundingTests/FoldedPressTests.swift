import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 29: a choice made with the keyboard inside a `<select>`'s popup, whose value the
/// analysis took from the press after it (`LiveGrounder+FoldedPress.swift`).
final class FoldedPressTests: XCTestCase {
    /// admin-search-edit-role-125's reading: the dialog's Save user click taken for the pick,
    /// while the closed list shows "Editor".
    func testASelectWhoseValueIsNoOptionPicksWhatTheListShows() {
        let roles = ["Viewer", "Editor", "Admin"]
        XCTAssertEqual(Run.optionToPick("Save user", shown: "Editor", roles)?.option, "Editor")
        XCTAssertEqual(Run.optionToPick("Save user", shown: "Editor", roles)?.fromShown, true)
        XCTAssertEqual(Run.optionToPick("Save user", shown: "Edltor", roles)?.option, "Editor")
        // The value's own option first, whatever the list shows.
        XCTAssertEqual(Run.optionToPick("admin", shown: "Editor", roles)?.option, "Admin")
        XCTAssertEqual(Run.optionToPick("admin", shown: "Editor", roles)?.fromShown, false)
        // Nothing like either: the step stays offline.
        XCTAssertNil(Run.optionToPick("Save user", shown: nil, roles))
        XCTAssertNil(Run.optionToPick("Save user", shown: "Cancel", roles))
        XCTAssertNil(Run.optionToPick("Save user", shown: "Save user", roles))
    }

    func testTheFoldedButtonIsTheOneNamedLikeTheValue() {
        let buttons = [(name: "Cancel", point: Point(x: 600, y: 455)), (name: "Save user", point: Point(x: 760, y: 455))]
        XCTAssertEqual(Run.foldedButton("Save user", buttons)?.point, Point(x: 760, y: 455))
        XCTAssertEqual(Run.foldedButton("Save usor", buttons)?.name, "Save user", "a letter misread")
        XCTAssertNil(Run.foldedButton("Delete account", buttons))
        XCTAssertNil(Run.foldedButton("Save user", []))
    }

    static let roleList = LiveGrounderTests.element([
        "tag": "select", "role": "combobox", "name": "Role", "label": "Role", "options": ["Viewer", "Editor", "Admin"],
        "chosen": ["playwright": ["kind": "label", "value": "Role", "exact": true, "scope": nil, "nth": nil, "count": 1],
                   "selenium": ["by": "id", "value": "role", "count": 1]]])
    static let saveButton = LiveGrounderTests.element([
        "tag": "button", "role": "button", "name": "Save user", "text": "Save user",
        "chosen": ["playwright": ["kind": "role", "value": "button", "name": "Save user", "exact": true, "scope": nil, "nth": nil, "count": 1],
                   "selenium": nil]])

    /// The whole step live: the option the list shows is chosen, and the button the value names,
    /// shown beside the list, is pressed after it and inserted at the choice's end. Where no such
    /// button is shown, the option is still the list's, and nothing is pressed.
    func testAChoiceWhoseValueNamesAButtonBesideTheListPressesIt() async throws {
        for buttonShown in [true, false] {
            let b = FakeBrowser()
            b.identify = { x, y in y > 150 ? Self.saveButton : Self.roleList }
            b.script = { s, _ in
                guard s.contains("input[type=button]"), s.contains("reach") else { return nil }
                return buttonShown ? [["name": "Cancel", "x": 200, "y": 200, "d": 40], ["name": "Save user", "x": 300, "y": 200, "d": 40]] : []
            }
            b.onClick = { _, _, _ in b.stateVersion += 1 }
            let select = Action(kind: .select, time: 18, endTime: 21.07,
                                target: Target(role: .combobox, name: "ROLE", text: "Editor", point: Point(x: 50, y: 20)), value: .text("Save user"))
            let grounder = LiveGrounder(options: LiveOptions(settleSeconds: 0.3, environment: [:], secretNames: { _ in [] }))
            let timeline = ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 800, height: 600), startURL: "http://127.0.0.1:8765/app/", actions: [select])
            let r = try await grounder.ground(timeline, browser: b, frames: .none) { _ in Image(width: 1, height: 1, format: .gray8) }
            let a: [Action] = r.timeline.actions
            XCTAssertEqual(a.first?.kind, .select)
            XCTAssertEqual(a.first?.value, .text("Editor"), "the option the closed list shows")
            XCTAssertNotEqual(a.first?.grounding?.status, .offline)
            if buttonShown {
                XCTAssertEqual(a.map { $0.kind }, [ActionKind.select, .click])
                guard a.count == 2 else { continue }
                XCTAssertEqual(a[1].target?.name, "Save user")
                XCTAssertEqual(a[1].time, 21.07, accuracy: 1e-9)
                XCTAssertEqual(a[1].grounding?.status, .corrected)
                XCTAssertTrue(b.log.contains("click 300,200×1"), "the button pressed live: \(b.log)")
            } else {
                XCTAssertEqual(a.map { $0.kind }, [ActionKind.select])
                XCTAssertFalse(b.log.contains { $0.hasPrefix("click") }, "nothing pressed: \(b.log)")
            }
        }
    }
}
