import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 15 (live15b): a press read twice on one control, and a fill that starts with the
/// click that focused its field (LiveGrounder+RepeatedPress.swift).
final class RepeatedPressTests: XCTestCase {
    private func click(_ name: String, at time: Double, kind: ActionKind = .click, role: String = "link") -> Action {
        var a = Action(kind: kind, time: time, endTime: time + 0.1, target: Target(point: Point(x: 100, y: 200)))
        a.grounding = Grounding(status: .verified, locator: LiveLocator(kind: .role, value: role, name: name))
        return a
    }

    func testASecondClickOnTheSameLocatorSoonAfterMayBeASecondReading() {
        let first = click("FAQ", at: 8.667)
        XCTAssertTrue(Run.maySecondRead(click("FAQ", at: 9.267), last: first))
    }

    func testAnotherElementALaterClickOrAnotherKindIsNoSecondReading() {
        let first = click("FAQ", at: 8.667)
        XCTAssertFalse(Run.maySecondRead(click("Routing", at: 9.267), last: first), "another element")
        XCTAssertFalse(Run.maySecondRead(click("FAQ", at: 9.8), last: first), "later than secondReadingWindow")
        XCTAssertFalse(Run.maySecondRead(click("FAQ", at: 9.0, kind: .check, role: "checkbox"), last: click("FAQ", at: 8.8, role: "checkbox")),
                       "toggles are judged by repeatsToggle")
        XCTAssertFalse(Run.maySecondRead(click("FAQ", at: 9.0), last: nil))
        var unverified = click("FAQ", at: 9.0)
        unverified.grounding = nil
        XCTAssertFalse(Run.maySecondRead(unverified, last: first), "no verified locator")
    }

    func testAFillStartsAtTheFirstClickThatFocusedItsField() {
        let fill = Action(kind: .fill, time: 14.9, endTime: 14.9, value: .text("Alex M. Morgan"))
        XCTAssertEqual(Run.typingStart(fill, absorbed: [10.167]), 10.167, accuracy: 1e-9)
        XCTAssertEqual(Run.typingStart(fill, absorbed: [12.0, 10.5]), 10.5, accuracy: 1e-9)
        XCTAssertEqual(Run.typingStart(fill, absorbed: []), 14.9, accuracy: 1e-9, "nothing taken in: its own time")
        let select = Action(kind: .select, time: 5.0, endTime: 5.5, value: .text("Editor"))
        XCTAssertEqual(Run.typingStart(select, absorbed: [3.0]), 5.0, accuracy: 1e-9, "only fills are dated by their focusing click")
    }
}

/// Session 15 (live15b): a `goto` that only adds a #fragment to the page shown is a click on its
/// in-page link (LiveGrounder+AnchorLink.swift), and the destructive rule's "video changed
/// elsewhere" test (LiveGrounder+PhantomClick.swift).
final class AnchorLinkTests: XCTestCase {
    func testAFragmentAddedToThePageShownIsAnInPageMove() {
        XCTAssertEqual(Run.fragmentOnly("http://127.0.0.1:43119/docs/#installation", current: "http://127.0.0.1:43119/docs/"), "installation")
        XCTAssertEqual(Run.fragmentOnly("http://h/docs/#faq", current: "http://h/docs#routing"), "faq", "another fragment, no trailing slash")
    }

    func testAnotherPageNoFragmentOrTheSameAddressIsNoInPageMove() {
        XCTAssertNil(Run.fragmentOnly("http://h/shop/#cart", current: "http://h/docs/"), "another page")
        XCTAssertNil(Run.fragmentOnly("http://h/docs/", current: "http://h/docs/#faq"), "no fragment")
        XCTAssertNil(Run.fragmentOnly("http://h/docs/#faq", current: "http://h/docs/#faq"), "already there")
        XCTAssertNil(Run.fragmentOnly("http://h/docs/#", current: "http://h/docs/"), "an empty fragment")
    }

    func testCoversCountsTheMarginAround() {
        let b = (x: 100.0, y: 50.0, width: 42.0, height: 24.0)
        XCTAssertTrue(Run.covers(b, Point(x: 120, y: 60), margin: 0))
        XCTAssertTrue(Run.covers(b, Point(x: 148, y: 60), margin: 8))
        XCTAssertFalse(Run.covers(b, Point(x: 160, y: 60), margin: 8))
    }
}

/// Session 15 (live15b): a double click on the field a fill then types into is part of the typing.
final class FocusingDoubleClickTests: XCTestCase {
    func testADoubleClickBeforeAFillFocusedItsField() {
        let fill = Action(kind: .fill, time: 10, value: .text("Nadia Petrova"))
        XCTAssertTrue(Run.focusedByDoubleClick(fill, Action(kind: .dblclick, time: 8.8)))
        XCTAssertFalse(Run.focusedByDoubleClick(fill, Action(kind: .check, time: 8.8)))
        XCTAssertFalse(Run.focusedByDoubleClick(Action(kind: .select, time: 10, value: .text("Editor")), Action(kind: .dblclick, time: 8.8)),
                       "a list is not typed into")
    }
}

/// Session 15 (live15b): a recording that starts mid-session gets the opening `goto` the live
/// stage loaded (LiveGrounder+Opening.swift).
final class OpeningGotoTests: XCTestCase {
    func testATimelineWithoutAnOpeningGotoGetsTheStartURL() {
        let open = LiveGrounder.openingGoto([Action(kind: .scroll, time: 1.87, value: .pixels(360))], startURL: "http://127.0.0.1:8850/docs/")
        XCTAssertEqual(open?.kind, .goto)
        XCTAssertEqual(open?.time, 0)
        XCTAssertEqual(open?.value?.text, "http://127.0.0.1:8850/docs/")
        XCTAssertEqual(open?.grounding?.status, .corrected)
    }

    func testATimelineThatOpensWithAGotoOrNoStartURLGetsNone() {
        XCTAssertNil(LiveGrounder.openingGoto([Action(kind: .goto, time: 0, value: .text("http://h/")), Action(kind: .click, time: 2)], startURL: "http://h/"))
        XCTAssertNil(LiveGrounder.openingGoto([Action(kind: .click, time: 2)], startURL: ""))
    }

    func testTheResultGetsTheGotoAndItsScreenshotsMoveOn() {
        var t = ActionTimeline(source: nil, viewport: nil, startURL: "http://h/docs/", actions: [Action(kind: .scroll, time: 1.87, value: .pixels(360))])
        t.startURL = "http://h/docs/"
        var r = LiveResult(timeline: t)
        r.verified = 1
        r.screenshots = [0: Data([1])]
        let out = LiveGrounder.withOpeningGoto(r)
        XCTAssertEqual(out.timeline.actions.map(\.kind), [.goto, .scroll])
        XCTAssertEqual(out.corrected, 1)
        XCTAssertEqual(out.screenshots[1], Data([1]))
        XCTAssertNil(out.screenshots[0])
        XCTAssertEqual(LiveGrounder.withOpeningGoto(out).timeline.actions.count, 2, "already opens with a goto")
    }
}
