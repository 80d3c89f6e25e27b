import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 27: an element handle whose node a re-render removed (admin-hover-menu's row, rebuilt
/// when its "⋯" menu opens on rest) is found again at the step's point before it is used, and a
/// stale handle that escapes is that step's failure, not the end of grounding
/// (LiveGrounder+StaleElement.swift, LiveGrounder+HoverOpens.swift).
final class StaleElementTests: XCTestCase {
    private static let staleError = BrowserError.webDriver(command: "execute", error: "stale element reference",
                                                           message: "stale element reference: stale element not found in the current frame")

    private func run(_ b: FakeBrowser, actions: [Action] = []) -> Run {
        Run(options: LiveOptions(settleSeconds: 0.3, secretNames: { _ in [] }), browser: b, frames: .none,
            decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 800, height: 600), actions: actions))
    }

    private static func opener(_ id: String, actionable: Bool = true) -> JSONValue {
        .object(["found": true, "actionable": .bool(actionable), "element": JSONValue(element: ElementHandle(id: id)),
                 "tag": "button", "role": "button", "name": "More actions",
                 "box": ["x": 1091, "y": 345, "width": 26, "height": 23]])
    }

    func testTheDriversStaleAnswerIsRecognised() {
        XCTAssertTrue(Run.isStaleElement(Self.staleError))
        XCTAssertFalse(Run.isStaleElement(BrowserError.webDriver(command: "execute", error: "javascript error", message: "x is not defined")))
        XCTAssertFalse(Run.isStaleElement(BrowserError.driverGone("chromedriver is gone")))
        XCTAssertFalse(Run.isStaleElement(SkipStep(reason: "no option")))
    }

    func testAHandleStillInThePageIsKeptAndAStaleOneIsFoundAgainAtThePoint() async throws {
        let b = FakeBrowser()
        var identified = 0
        b.identify = { _, _ in identified += 1; return Self.opener("e2") }
        let r = run(b)
        let t = try XCTUnwrap(Identified(Self.opener("e1")))
        // Still there: the same handle, and nothing is looked up.
        let kept = try await r.current(t, at: Point(x: 1103, y: 357))
        XCTAssertEqual(kept?.element?.id, "e1")
        XCTAssertEqual(identified, 0)
        // Re-rendered: the element now at the point.
        b.stale = ["e1"]
        let again = try await r.current(t, at: Point(x: 1103, y: 357))
        XCTAssertEqual(again?.element?.id, "e2")
        XCTAssertEqual(identified, 1)
        // Re-rendered, and nothing a person acts on is there now: gone.
        b.identify = { _, _ in Self.opener("e3", actionable: false) }
        let gone = try await r.current(t, at: Point(x: 1103, y: 357))
        XCTAssertNil(gone)
    }

    func testARestThatReRendersTheDisclosureStillReadsItOpen() async throws {
        // The row's "⋯" says collapsed; resting on it rebuilds the row with the menu open: the
        // old button's handle is stale, the new one says expanded.
        let b = FakeBrowser()
        b.identify = { _, _ in Self.opener("e2") }
        b.script = { script, args in
            guard script.contains("getAttribute('aria-expanded')") else { return nil }
            return .string(args.first?.element?.id == "e1" ? "false" : "true")
        }
        b.onMove = { _, _ in b.stateVersion += 1; b.stale.insert("e1") }
        let r = run(b)
        let before = try await r.page.state()
        let t = try XCTUnwrap(Identified(Self.opener("e1")))
        let opens = try await r.clickIsHoverOpen(t, at: Point(x: 1103, y: 357), before: before)
        XCTAssertTrue(opens)
        // Another control brought under the point by the rest is no proof the disclosure opened.
        b.stateVersion = 0; b.stale = []
        b.identify = { _, _ in .object(["found": true, "actionable": true, "element": JSONValue(element: ElementHandle(id: "e2")),
                                        "tag": "li", "role": "menuitem", "name": "Suspend"]) }
        let before2 = try await r.page.state()
        let other = try await r.clickIsHoverOpen(t, at: Point(x: 1103, y: 357), before: before2)
        XCTAssertFalse(other)
    }

    func testAStaleHandleInOneStepLeavesThatStepOfflineAndGroundingGoesOn() async throws {
        // Every handle the page gives is stale by the time it is used: each step fails alone.
        let b = FakeBrowser()
        b.identify = { _, _ in Self.opener("e1") }
        b.stale = ["e1"]
        let click1 = Action(kind: .click, time: 1, target: Target(point: Point(x: 1103, y: 357)))
        let click2 = Action(kind: .click, time: 3, target: Target(point: Point(x: 1103, y: 390)))
        let g = LiveGrounder(options: LiveOptions(startURL: "http://127.0.0.1:8765/app/", settleSeconds: 0.3, secretNames: { _ in [] }))
        let tl = ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 800, height: 600), startURL: "http://127.0.0.1:8765/app/",
                                actions: [click1, click2])
        let r = try await g.ground(tl, browser: b, frames: .none) { _ in Image(width: 1, height: 1, format: .gray8) }
        XCTAssertNil(r.stoppedAt, "a stale handle is one step's failure, not the browser's")
        XCTAssertEqual(r.timeline.actions.count, 2)
        XCTAssertEqual(r.timeline.actions.map { $0.grounding?.status }, [.offline, .offline])
        XCTAssertTrue(r.timeline.actions[1].grounding?.note?.contains("re-rendered") ?? false)
        XCTAssertEqual(r.timeline.diagnostics.filter { $0.message.contains("re-rendered") }.count, 2)
    }
}
