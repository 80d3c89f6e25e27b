import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 27: an Enter that changes nothing live where the live page already looks like the
/// video's change across it (LiveGrounder+RefutedKey.swift, `enterExplainsNothing`).
final class EnterExplainsNothingTests: XCTestCase {
    /// A 200×120 page, with a dark block where the video's change is (`block`) or without it.
    private static func page(block: Bool) -> Image {
        var img = Image(width: 200, height: 120, format: .gray8, filledWith: 235)
        if block { for y in 30..<90 { for x in 40..<140 { img.pixels[y * 200 + x] = 40 } } }
        return img
    }

    private func run(live: Image) -> Run {
        let b = FakeBrowser()
        b.script = { script, _ in
            if script.contains("__screenwright") { return nil }
            if script.contains("a === arguments[0]") { return [true, "6"] }
            return nil
        }
        let press = Action(kind: .press, time: 1.0, endTime: 1.06, value: .text("Enter"))
        return Run(options: LiveOptions(settleSeconds: 0, secretNames: { _ in [] }), browser: b,
                   frames: LiveFrames(frames: [(time: 0.8, image: Self.page(block: true)), (time: 2.2, image: Self.page(block: false))], scale: 1),
                   decodePNG: { _ in live },
                   timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: [press]))
    }

    func testAnEnterThePageAlreadyAgreesWithIsDropped() async throws {
        // The video's block went (the typing before the key); live it is gone already.
        var r = run(live: Self.page(block: false))
        let st = try await r.page.state()
        let dropped = try await r.enterExplainsNothing(0, r.timeline.actions[0], before: st, focusBefore: JSONValue(element: ElementHandle(id: "e1")), valueBefore: "6")
        XCTAssertTrue(dropped)
        XCTAssertTrue(r.diagnostics.contains { $0.message.contains("already looks like the video's change") })
    }

    func testAnEnterWhoseChangeTheLivePageLacksStays() async throws {
        // Live the block is still there: the key (or what it stands for) is still to explain it.
        var r = run(live: Self.page(block: true))
        let st = try await r.page.state()
        let dropped = try await r.enterExplainsNothing(0, r.timeline.actions[0], before: st, focusBefore: JSONValue(element: ElementHandle(id: "e1")), valueBefore: "6")
        XCTAssertFalse(dropped)
        // Nor when the key changed the focused field's value.
        var r2 = run(live: Self.page(block: false))
        let st2 = try await r2.page.state()
        let changed = try await r2.enterExplainsNothing(0, r2.timeline.actions[0], before: st2, focusBefore: JSONValue(element: ElementHandle(id: "e1")), valueBefore: "20")
        XCTAssertFalse(changed)
    }
}
