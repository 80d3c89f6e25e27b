import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 28: a Tab that keeps the focus in its field live (a date's parts), judged by the other
/// fields' focus looks in the video after it (LiveGrounder+TabInsideField.swift). A fake page: the
/// date at (20,20 100×30) and another field at (140,20 40×30), each ringed while focused.
final class TabInsideFieldTests: XCTestCase {
    private let ringed = FocusAndHeldTextTests.page(ring: true), bare = FocusAndHeldTextTests.page(ring: false)
    private let other = FocusAndHeldTextTests.page(ring: false, buttonRing: true)

    /// A run whose live page has the date field "e1" at (20,20 100×30) and another field "e2" at
    /// (140,20 40×30), each ringed while focused (`focused`: "e1", "e2" or ""); the video's frame
    /// after the first step is `video`.
    private func run(video: Image, focused: String, steps: [Action]) -> (Run, FakeBrowser, TestCell<[Key]>) {
        let b = FakeBrowser()
        let state = TestCell(focused)
        let keys = TestCell<[Key]>([])
        b.script = { script, args in
            if script.contains("__screenwright") { return nil }
            if script.contains("document.activeElement !== arguments[0]") { return .bool(state.value != "e1") }
            if script.contains("return document.activeElement;") { return JSONValue(element: ElementHandle(id: state.value.isEmpty ? "body" : state.value)) }
            if script.contains("var a = document.activeElement; return a && a !== document.body ? a : null;") {
                return state.value.isEmpty ? .null : JSONValue(element: ElementHandle(id: state.value))
            }
            if script.contains("querySelectorAll('input, textarea')") {
                return [[JSONValue(element: ElementHandle(id: "e2")), 140, 20, 40, 30]]
            }
            if script.contains("getBoundingClientRect") { return [20, 20, 100, 30] }
            if script.contains(".blur()") { state.value = ""; return .bool(true) }
            if script.contains(".focus()") { state.value = args.first?.element?.id ?? "e1"; return .bool(true) }
            return nil
        }
        b.shot = { Data([state.value == "e1" ? 1 : state.value == "e2" ? 2 : 0]) }
        b.onKeys = { keys.value += $0 }
        let ringed = self.ringed, bare = self.bare, other = self.other
        let r = Run(options: LiveOptions(settleSeconds: 0, secretNames: { _ in [] }), browser: b,
                    frames: LiveFrames(frames: [(time: 2, image: video)], scale: 1),
                    decodePNG: { $0.first == 1 ? ringed : $0.first == 2 ? other : bare },
                    timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: steps))
        return (r, b, keys)
    }

    private let tab = Action(kind: .press, time: 1.0, endTime: 1.06, value: .text("Tab"))

    func testATabTheVideoShowsEndingInAnotherFieldIsDropped() async throws {
        // wizard-full-booking 18.7 s: the date keeps the focus through the Tab live (on its picker
        // part: no ring); the video shows Nights focused (the person clicked it).
        var (r, _, keys) = run(video: other, focused: "e1", steps: [tab])
        let refuted = try await r.tabInsideFieldUnseen(0, frame: other)
        XCTAssertTrue(refuted)
        XCTAssertTrue(r.diagnostics.contains { $0.message.contains("another text field focused after it") })
        XCTAssertEqual(keys.value, [], "dropped: not pressed again")
    }

    func testATabTheVideoShowsNoOtherFieldFocusedAfterStandsAndIsPressedAgain() async throws {
        // A person stepping through the date's parts: no other field takes a focus look in the video.
        for video in [ringed, bare] {
            var (r, _, keys) = run(video: video, focused: "e1", steps: [tab])
            let refuted = try await r.tabInsideFieldUnseen(0, frame: video)
            XCTAssertFalse(refuted)
            XCTAssertEqual(keys.value, [.tab])
        }
    }
}

/// A value a test's fake browser changes from its closures.
final class TestCell<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
