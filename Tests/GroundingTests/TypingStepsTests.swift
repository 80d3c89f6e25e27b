import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 19's rules for typed values, fields and keys (no browser): a click in the field just typed
/// into (LiveGrounder+TypedFieldClick.swift) and steps that type nothing (LiveGrounder+NoOpTyping.swift).
final class TypingStepsTests: XCTestCase {
    /// A live text field as the page script describes it.
    private func field(value: String, type: String = "text", password: Bool = false) -> Identified {
        let v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(true), "tag": .string("input"), "inputType": .string(type),
            "role": .string("textbox"), "name": .string("Phone (optional)"), "value": .string(value), "isPassword": .bool(password),
            "box": .object(["x": .number(356), "y": .number(482), "width": .number(568), "height": .number(44)]),
        ]
        return Identified(.object(v))!
    }

    func testAPointInsideTheFocusedFieldIsWhereThePersonTyped() {
        // wizard-keyboard-enter: Full name at 356,310 568×44; the click read at 16.9 s, found live at its box's centre.
        let name = (x: 356.0, y: 310.0, width: 568.0, height: 44.0)
        XCTAssertTrue(Run.typedFieldHolds(Point(x: 502, y: 343), field: name))
        XCTAssertFalse(Run.typedFieldHolds(Point(x: 538, y: 362), field: name), "below the field: another element's")
        XCTAssertFalse(Run.typedFieldHolds(Point(x: 589, y: 379), field: name))
        XCTAssertFalse(Run.typedFieldHolds(Point(x: 400, y: 330), field: (x: 0, y: 0, width: 0, height: 0)))
    }

    func testAnEmptyFillIntoAnEmptyFieldTypesNothing() {
        let empty = Action(kind: .fill, time: 1.6, endTime: 1.867, value: .text(""))
        XCTAssertTrue(Run.emptyFillIntoEmpty(empty, field(value: "")))
        XCTAssertFalse(Run.emptyFillIntoEmpty(empty, field(value: "+359")), "clearing a field that holds text is typing")
        XCTAssertFalse(Run.emptyFillIntoEmpty(Action(kind: .fill, time: 1.6, endTime: 1.867, value: .text("a")), field(value: "")))
        var secret = empty
        secret.secret = true
        XCTAssertFalse(Run.emptyFillIntoEmpty(secret, field(value: "")), "a masked value is read from the environment")
        XCTAssertFalse(Run.emptyFillIntoEmpty(Action(kind: .click, time: 1.6, endTime: 1.6), field(value: "")))
    }

    func testACaretKeyBeforeTheFillOfItsFieldIsPartOfTheTyping() {
        // wizard-full-booking: ArrowLeft at 7.567 s in the focused Email field, its fill at 7.9 s.
        let email = (x: 356.0, y: 396.0, width: 568.0, height: 44.0)
        var fill = Action(kind: .fill, time: 7.9, endTime: 11.4, value: .text("maria.santos@correo.es"))
        fill.target = Target(box: Box(x: 357, y: 398, width: 566, height: 42))
        XCTAssertTrue(Run.fillsField(fill, email, after: 7.62))
        XCTAssertFalse(Run.fillsField(fill, (x: 356.0, y: 310.0, width: 568.0, height: 44.0), after: 7.62), "another field's fill")
        XCTAssertFalse(Run.fillsField(fill, email, after: 1.0), "a fill more than 6 s later")
        var click = fill
        click.kind = .click
        XCTAssertFalse(Run.fillsField(click, email, after: 7.62))
        XCTAssertTrue(Run.caretKeys.contains(.arrowLeft) && Run.caretKeys.contains(.end))
        XCTAssertFalse(Run.caretKeys.contains(.arrowUp), "ArrowUp steps a number field")
        XCTAssertFalse(Run.caretKeys.contains(.tab))
    }
}
