import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 26's rule for the item a rest revealed (LiveGrounder+KeysAndReveal.swift, `reveal`):
/// the element at the step's point is taken when it answers to one of the names the video read,
/// not the element named by the first name read (a neighbouring item's).
final class RevealedItemTests: XCTestCase {
    /// A live element as the page script describes it.
    private func element(role: String, name: String, y: Double, actionable: Bool = true, handle: Bool = true) -> Identified {
        var v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(actionable), "tag": .string("button"), "role": .string(role), "name": .string(name),
            "text": .string(name), "box": .object(["x": .number(654), "y": .number(y), "width": .number(130), "height": .number(36)]),
        ]
        if handle { v["element"] = .object([ElementHandle.webElementKey: .string("e-\(name)")]) }
        return Identified(.object(v))!
    }

    func testThePickAtThePointWinsOverTheFirstNameRead() {
        // The docs version menu: the step read as "v3.2 (latest)" (the list's label) with the text "v3.1".
        let read = Action(kind: .click, time: 8.29, endTime: 8.29,
                          target: Target(name: "v3.2 (latest)", text: "v3.1", label: "v3.2 (latest)", point: Point(x: 736, y: 104)))
        let names = Run.videoNames(read)
        let opener = element(role: "button", name: "v3.2", y: 10.5)
        XCTAssertTrue(Run.revealedAtPoint(element(role: "menuitem", name: "v3.1", y: 85.5), names: names, opener: opener))
        // An element at the point that answers to no name read, the opener itself, nothing
        // actionable or nothing there: the element named as read is taken, as before.
        XCTAssertFalse(Run.revealedAtPoint(element(role: "menuitem", name: "v2.9", y: 121.5), names: names, opener: opener))
        XCTAssertFalse(Run.revealedAtPoint(element(role: "button", name: "v3.1", y: 10.5), names: names, opener: element(role: "button", name: "v3.1", y: 10.5)))
        XCTAssertFalse(Run.revealedAtPoint(element(role: "menuitem", name: "v3.1", y: 85.5, actionable: false), names: names, opener: opener))
        XCTAssertFalse(Run.revealedAtPoint(element(role: "menuitem", name: "v3.1", y: 85.5, handle: false), names: names, opener: opener))
        XCTAssertFalse(Run.revealedAtPoint(nil, names: names, opener: opener))
    }
}
