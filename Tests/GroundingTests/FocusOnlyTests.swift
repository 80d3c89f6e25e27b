import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 25's focus-only steps (no browser): a click on a text field, or a fill of the value the
/// field holds, that would only move the focus where the video shows no focus move
/// (LiveGrounder+FocusOnly.swift).
final class FocusOnlyTests: XCTestCase {
    private func run(video: Image, at t: Double = 2) -> Run {
        Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(),
            frames: LiveFrames(frames: [(time: t, image: video)], scale: 1),
            decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: []))
    }

    private func field(box: (Double, Double, Double, Double) = (20, 20, 100, 30)) -> Identified {
        let v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(true), "tag": .string("input"), "inputType": .string("text"),
            "role": .string("textbox"), "name": .string("Email"), "value": .string(""), "isPassword": .bool(false),
            "box": .object(["x": .number(box.0), "y": .number(box.1), "width": .number(box.2), "height": .number(box.3)]),
        ]
        return Identified(.object(v))!
    }

    func testAClickThatRingsAFieldTheVideoLeavesBareIsRefuted() throws {
        // Nothing had the focus (the pointer passed over the field on its way elsewhere): the
        // video's field stays bare; live, the click rings it.
        let video = FocusAndHeldTextTests.page(ring: false)
        let r = run(video: video)
        let box = (x: 20.0, y: 20.0, width: 100.0, height: 30.0)
        let d0 = try XCTUnwrap(r.ringDistance(box, shot: FocusAndHeldTextTests.page(ring: false), video))
        let d1 = try XCTUnwrap(r.ringDistance(box, shot: FocusAndHeldTextTests.page(ring: true), video))
        XCTAssertTrue(Run.tabRefuted(without: d0, with: d1))
        // The person did click it: the video rings the field, and the click stands.
        let clicked = FocusAndHeldTextTests.page(ring: true)
        let e0 = try XCTUnwrap(r.ringDistance(box, shot: FocusAndHeldTextTests.page(ring: false), clicked))
        let e1 = try XCTUnwrap(r.ringDistance(box, shot: FocusAndHeldTextTests.page(ring: true), clicked))
        XCTAssertFalse(Run.tabRefuted(without: e0, with: e1))
    }

    func testAClickOnTheFieldTheNextStepTypesIntoIsLeftToThatStep() {
        let t = field()
        var fill = Action(kind: .fill, time: 3, endTime: 4, value: .text("a@b.se"))
        fill.target = Target(point: Point(x: 60, y: 35))
        XCTAssertTrue(Run.nextStepActsOn(t, fill))
        // By its box's centre when it has no point; 4 px around the field still counts.
        fill.target = Target(box: Box(x: 90, y: 40, width: 60, height: 20))
        XCTAssertTrue(Run.nextStepActsOn(t, fill))
        // Another field's typing, or a key, does not.
        fill.target = Target(point: Point(x: 60, y: 80))
        XCTAssertFalse(Run.nextStepActsOn(t, fill))
        var key = Action(kind: .press, time: 3, value: .text("Tab"))
        key.target = Target(point: Point(x: 60, y: 35))
        XCTAssertFalse(Run.nextStepActsOn(t, key))
    }

    func testAFillHoldsTheFieldsValueInItsOwnSyntax() {
        XCTAssertTrue(Run.holdsTyped("Jonas Lund", held: "Jonas Lund", inputType: "text"))
        XCTAssertTrue(Run.holdsTyped("09/01/2027", held: "2027-09-01", inputType: "date"))
        XCTAssertFalse(Run.holdsTyped("09/02/2027", held: "2027-09-01", inputType: "date"))
        // A date read as shown is no text field's value.
        XCTAssertFalse(Run.holdsTyped("09/01/2027", held: "2027-09-01", inputType: "text"))
        XCTAssertFalse(Run.holdsTyped("Jonas Lun", held: "Jonas Lund", inputType: "text"))
        // Nothing typed into nothing is another rule's (LiveGrounder+NoOpTyping.swift).
        XCTAssertFalse(Run.holdsTyped("", held: "", inputType: "text"))
    }
}
