import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 27: a click on the text field that already has the focus, which changes nothing live,
/// judged by the field's focus look in the video after it (LiveGrounder+FocusedFieldClick.swift).
final class FocusedFieldClickTests: XCTestCase {
    private let ringed = FocusAndHeldTextTests.page(ring: true), bare = FocusAndHeldTextTests.page(ring: false)

    /// A run whose live page shows the field focused (ringed) until it is blurred; the video's
    /// frame after the click is `video`.
    private func run(video: Image) -> (Run, FakeBrowser) {
        let b = FakeBrowser()
        var blurred = false
        b.script = { script, _ in
            if script.contains("__screenwright") { return nil }
            if script.contains("document.activeElement === arguments[0]") { return .bool(true) }
            if script.contains("getBoundingClientRect") { return [20, 20, 100, 30] }
            if script.contains(".blur()") { blurred = true; return .bool(true) }
            if script.contains(".focus()") { blurred = false; return .bool(true) }
            return nil
        }
        b.shot = { Data([blurred ? 0 : 1]) }
        let click = Action(kind: .click, time: 1.0, target: Target(point: Point(x: 40, y: 30)))
        let ringed = self.ringed, bare = self.bare
        let r = Run(options: LiveOptions(settleSeconds: 0, secretNames: { _ in [] }), browser: b,
                    frames: LiveFrames(frames: [(time: 2, image: video)], scale: 1),
                    decodePNG: { $0.first == 1 ? ringed : bare },
                    timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: [click]))
        return (r, b)
    }

    private func field() -> Identified {
        Identified(.object([
            "found": .bool(true), "actionable": .bool(true), "tag": .string("input"), "inputType": .string("date"),
            "role": .string("textbox"), "name": .string("Check-in date"), "value": .string(""), "isPassword": .bool(false),
            "element": JSONValue(element: ElementHandle(id: "e1")),
            "box": .object(["x": .number(20), "y": .number(20), "width": .number(100), "height": .number(30)]),
        ]))!
    }

    func testAClickOnTheFocusedFieldTheVideoShowsUnfocusedIsRefuted() async throws {
        // wizard-full-booking 19.3 s: the date keeps the focus live; the video shows it bare.
        var (r, _) = run(video: bare)
        let a = r.timeline.actions[0]
        let onFocused = try await r.clickOnFocusedField(0, a, field())
        XCTAssertTrue(onFocused)
        let st = try await r.page.state()
        let refuted = try await r.focusedClickUnseen(0, a, field(), before: st, after: st)
        XCTAssertTrue(refuted)
        XCTAssertTrue(r.diagnostics.contains { $0.message.contains("has the focus already") })
    }

    func testAClickOnTheFocusedFieldTheVideoShowsFocusedStands() async throws {
        // The person clicked into the field (to place the caret): the video shows it ringed.
        var (r, _) = run(video: ringed)
        let a = r.timeline.actions[0]
        let st = try await r.page.state()
        let refuted = try await r.focusedClickUnseen(0, a, field(), before: st, after: st)
        XCTAssertFalse(refuted)
    }

    func testAClickThatChangedThePageIsNotJudged() async throws {
        var (r, b) = run(video: bare)
        let a = r.timeline.actions[0]
        let st0 = try await r.page.state()
        b.stateVersion += 1
        let st1 = try await r.page.state()
        let refuted = try await r.focusedClickUnseen(0, a, field(), before: st0, after: st1)
        XCTAssertFalse(refuted)
    }
}
