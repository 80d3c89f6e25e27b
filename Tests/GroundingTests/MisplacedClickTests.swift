import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// A click read at the wrong point, on a text field it only focuses, while the video moved on
/// (LiveGrounder+MisplacedClick.swift): dropped, and what the click changed in the field undone.
final class MisplacedClickTests: XCTestCase {
    /// 0 = a wizard step with its field, 1 = the next step (a different page).
    static func picture(_ kind: Int) -> Image {
        var img = Image(width: 200, height: 150, format: .gray8, filledWith: 240)
        for y in 10..<20 { for x in 10..<90 { img.pixels[y * 200 + x] = 40 } }
        if kind == 0 {
            for y in 40..<64 { for x in 20..<180 { img.pixels[y * 200 + x] = (y == 40 || y == 63 || x == 20 || x == 179) ? 0 : 255 } }
        } else {
            for y in 30..<140 { for x in 0..<200 { img.pixels[y * 200 + x] = ((x / 7 + y / 5) % 2 == 0) ? 30 : 220 } }
        }
        return img
    }

    func run(clickSteps: Bool) async throws -> (LiveResult, FakeBrowser) {
        let b = FakeBrowser()
        var value = "5"
        b.identify = { _, _ in LiveGrounderTests.element([
            "tag": "input", "inputType": "number", "role": "spinbutton", "name": "Nights", "value": "5",
            "box": ["x": 20, "y": 40, "width": 160, "height": 24]]) }
        b.fieldValue = { value }
        // The click lands on the number field's spin button: the value steps, the page does not change.
        b.onClick = { _, _, _ in if clickSteps { value = "4" } }
        b.onKeys = { keys in for case .text(let t) in keys { value = t } }
        b.shot = { Data([0]) }
        let click = Action(kind: .click, time: 1, target: Target(role: .button, name: "Next", point: Point(x: 100, y: 52)),
                           appeared: ["Extras"])
        let t = ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 150), startURL: "http://127.0.0.1:8765/app/", actions: [click])

        let frames = LiveFrames(frames: LiveGrounder.frameTimes(for: t).map { ($0, Self.picture($0 > 1.3 ? 1 : 0)) }, scale: 1)
        let g = LiveGrounder(options: LiveOptions(startURL: nil, settleSeconds: 0.3, environment: [:], secretNames: { _ in [] }))
        let r = try await g.ground(t, browser: b, frames: frames) { data in Self.picture(Int(data.first ?? 0)) }
        return (r, b)
    }

    func testAClickThatOnlyStepsANumberFieldIsDroppedAndTheValueTypedBack() async throws {
        let (r, b) = try await run(clickSteps: true)
        XCTAssertFalse(r.timeline.actions.contains { $0.kind == .click && $0.time == 1 }, "the misplaced click is dropped: \(r.timeline.actions.map(\.kind))")
        XCTAssertTrue(r.timeline.diagnostics.contains { $0.message.contains("dropped: at its point is a text field") }, "\(r.timeline.diagnostics.map(\.message))")
        XCTAssertEqual(b.typed.first, "5", "the old value is typed back: \(b.log)")
    }

    func testAClickThatChangedNoValueTypesNothing() async throws {
        let (r, b) = try await run(clickSteps: false)
        XCTAssertTrue(r.timeline.diagnostics.contains { $0.message.contains("dropped: at its point is a text field") }, "\(r.timeline.diagnostics.map(\.message))")
        XCTAssertFalse(b.typed.contains("5"), "nothing to type back: \(b.log)")
    }
}
