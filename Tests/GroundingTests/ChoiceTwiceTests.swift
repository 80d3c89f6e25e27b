import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 23: a choice read off a "popup" its own control opened is two presses on that
/// control (`LiveGrounder+ChoiceTwice.swift`).
final class ChoiceTwiceTests: XCTestCase {
    /// wizard-validation-firefox's reading: a `select` of "Next" on the Next button, 2.33–11.83 s.
    static let read = Action(kind: .select, time: 2.333, endTime: 11.833,
                             target: Target(role: .combobox, name: "Next", text: "Next", point: Point(x: 389, y: 574)), value: .text("Next"))

    static func click(named name: String, from read: Action = read) -> Action {
        .groundedClick(named: name, from: read)
    }

    func testAChoiceNamedAsItsOwnControlIsTwoPresses() {
        XCTAssertTrue(Run.pressedTwice(read: Self.read, grounded: Self.click(named: "Next")))
        // (Case and spacing aside.)
        XCTAssertTrue(Run.pressedTwice(read: Self.read, grounded: Self.click(named: " next ")))
    }

    func testAChoiceInAPopupIsOnePress() {
        // A menu opener and the item chosen in its menu (admin-pagination-edit's role list).
        var menu = Self.read
        menu.target?.name = "Editor"
        menu.value = .text("Admin")
        XCTAssertFalse(Run.pressedTwice(read: menu, grounded: Self.click(named: "Admin", from: menu)))
        // The live control named otherwise than the choice.
        XCTAssertFalse(Run.pressedTwice(read: Self.read, grounded: Self.click(named: "Back")))
        // The read target named otherwise (the live control answering the choice alone is a
        // click on the item itself, dated at the choice).
        var opener = Self.read
        opener.target?.name = "Actions"
        XCTAssertFalse(Run.pressedTwice(read: opener, grounded: Self.click(named: "Next", from: opener)))
        // Nothing chosen, or no click grounded.
        var none = Self.read
        none.value = nil
        XCTAssertFalse(Run.pressedTwice(read: none, grounded: Self.click(named: "Next")))
        var hover = Self.click(named: "Next")
        hover.kind = .hover
        XCTAssertFalse(Run.pressedTwice(read: Self.read, grounded: hover))
    }

    func testAShortSpanIsOnePressReadFromOpeningToRelease() {
        var short = Self.read
        short.endTime = short.time + Run.twicePressSpan - 0.01
        XCTAssertFalse(Run.pressedTwice(read: short, grounded: Self.click(named: "Next", from: short)))
        short.endTime = short.time + Run.twicePressSpan
        XCTAssertTrue(Run.pressedTwice(read: short, grounded: Self.click(named: "Next", from: short)))
    }

    func testTheSecondPressIsDatedAtTheChoice() {
        let first = Self.click(named: "Next")
        let second = Run.secondPress(of: first, read: Self.read)
        XCTAssertEqual(second.kind, .click)
        XCTAssertEqual(second.time, 11.733, accuracy: 1e-9)
        XCTAssertEqual(second.endTime, 11.833, accuracy: 1e-9)
        XCTAssertEqual(second.target?.name, "Next")
        XCTAssertEqual(second.grounding?.locator, first.grounding?.locator)
        XCTAssertEqual(second.grounding?.status, .corrected)
        XCTAssertEqual(second.grounding?.corrections.count, 1)
        // The first press keeps the span's start.
        XCTAssertEqual(first.time, 2.333, accuracy: 1e-9)
    }

    func testALocatorGoesBackToThePageScriptsCandidate() {
        let loc = LiveLocator(kind: .role, value: "button", name: "Next", exact: true, scope: LiveScope(css: "form", hasText: "Guest"), nth: 1)
        let json = Run.locatorJSON(loc)
        XCTAssertEqual(LiveLocator(json: json), loc, "the page script's candidate and the timeline's locator round-trip")
        XCTAssertEqual(LiveLocator(json: Run.locatorJSON(LiveLocator(kind: .text, value: "Next"))), LiveLocator(kind: .text, value: "Next"))
    }
}
