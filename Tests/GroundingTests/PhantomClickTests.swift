import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 11's rules for offline clicks and keys the video does not bear out
/// (LiveGrounder+PhantomClick.swift, LiveGrounder+UnseenText.swift).
final class PhantomClickTests: XCTestCase {
    /// A live element as the page script describes it.
    private func element(role: String, name: String, pressed: Bool? = nil, checked: Bool? = nil) -> Identified {
        var v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(true), "tag": .string("button"), "role": .string(role), "name": .string(name),
            "box": .object(["x": .number(880), "y": .number(160), "width": .number(30), "height": .number(30)]),
        ]
        if let pressed { v["pressed"] = .bool(pressed) }
        if let checked { v["checked"] = .bool(checked) }
        return Identified(.object(v))!
    }

    private func step(_ kind: ActionKind, at time: Double, locator: String?) -> Action {
        var a = Action(kind: kind, time: time, endTime: time + 0.05, target: Target(point: Point(x: 895, y: 175)))
        a.grounding = Grounding(status: .verified, locator: locator.map { LiveLocator(kind: .role, value: "button", name: $0) })
        return a
    }

    func testTheSurroundingsOfADestructiveControlAreItsBoxGrownByItsSizeInsideTheViewport() {
        let r = Run.surroundings(of: (x: 940, y: 160, width: 30, height: 30), viewport: (width: 1280, height: 714))
        XCTAssertEqual(r.x, 910); XCTAssertEqual(r.y, 130); XCTAssertEqual(r.width, 90); XCTAssertEqual(r.height, 90)
        let corner = Run.surroundings(of: (x: 1260, y: 5, width: 30, height: 30), viewport: (width: 1280, height: 714))
        XCTAssertEqual(corner.x, 1230); XCTAssertEqual(corner.y, 0)
        XCTAssertEqual(corner.x + corner.width, 1280, "kept inside the viewport")
    }

    func testATogglePressedAgainOnTheSameToggleIsARepeatToJudge() {
        let star = element(role: "button", name: "Favourite", pressed: true)
        let first = step(.click, at: 25.07, locator: "Favourite")
        // A second reading of one press, 0.2 s later: judged by the video's later frames even
        // though the video changed across it (the pointer leaving the row).
        XCTAssertTrue(Run.repeatsToggle(step(.click, at: 25.27, locator: "Favourite"), last: first, star, videoChanged: true))
        // Later, with no change in the video across it: judged too.
        XCTAssertTrue(Run.repeatsToggle(step(.click, at: 28, locator: "Favourite"), last: first, star, videoChanged: false))
        // Later, with the video changing across it: a second press of its own.
        XCTAssertFalse(Run.repeatsToggle(step(.click, at: 28, locator: "Favourite"), last: first, star, videoChanged: true))
        // Another toggle, or a plain button (no pressed state): not a repeat.
        XCTAssertFalse(Run.repeatsToggle(step(.click, at: 25.27, locator: "Remove"), last: first, star, videoChanged: false))
        let plain = element(role: "button", name: "Save")
        XCTAssertFalse(Run.repeatsToggle(step(.click, at: 25.27, locator: "Favourite"), last: first, plain, videoChanged: false))
        XCTAssertFalse(Run.repeatsToggle(step(.click, at: 25.27, locator: "Favourite"), last: nil, star, videoChanged: false))
        // A check after a click on the same switch: the same question.
        let sw = element(role: "switch", name: "Beta features", checked: true)
        XCTAssertTrue(Run.repeatsToggle(step(.check, at: 8.4, locator: "Favourite"), last: step(.click, at: 8.3, locator: "Favourite"), sw, videoChanged: true))
        // A fill or a press never is.
        XCTAssertFalse(Run.repeatsToggle(step(.press, at: 25.27, locator: "Favourite"), last: first, star, videoChanged: false))
    }

    func testTextsThatAppearedAreListedForTheDiagnostic() {
        XCTAssertEqual(Run.quotedList(["Settings saved"]), "\"Settings saved\"")
        XCTAssertEqual(Run.quotedList(["a", "b"]), "\"a\" and \"b\"")
        XCTAssertEqual(Run.quotedList(["a", "b", "c", "d"]), "\"a\", \"b\" and \"c\"")
        XCTAssertEqual(Run.quotedList([]), "")
    }
}
