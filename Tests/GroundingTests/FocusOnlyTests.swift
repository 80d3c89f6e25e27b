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

    /// `img` shifted by (`dx`, `dy`) and averaged over 2×2 blocks: a half-size video frame of it.
    private static func halfSize(_ img: Image, dx: Int = 1, dy: Int = 1) -> Image {
        var out = Image(width: img.width / 2, height: img.height / 2, format: .gray8, filledWith: 235)
        for y in 0..<out.height {
            for x in 0..<out.width {
                var sum = 0
                for j in 0..<2 { for i in 0..<2 {
                    let sx = min(img.width - 1, max(0, 2 * x + i - dx)), sy = min(img.height - 1, max(0, 2 * y + j - dy))
                    sum += Int(img.pixels[sy * img.width + sx])
                } }
                out.pixels[y * out.width + x] = UInt8(sum / 4)
            }
        }
        return out
    }

    private func run(half video: Image) -> Run {
        Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(),
            frames: LiveFrames(frames: [(time: 2, image: video)], scale: 0.5),
            decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: []))
    }

    func testAClickThatRingsAFieldTheVideoLeavesBareIsRefuted() throws {
        // Nothing had the focus (the pointer passed over the field on its way elsewhere): the
        // video's field stays bare; live, the click rings it.
        let box = (x: 20.0, y: 20.0, width: 100.0, height: 30.0)
        let bare = FocusAndHeldTextTests.page(ring: false), ringed = FocusAndHeldTextTests.page(ring: true)
        let r = run(video: bare)
        let d0 = try XCTUnwrap(r.ringDistanceAtVideoScale(box, shot: bare, bare))
        let d1 = try XCTUnwrap(r.ringDistanceAtVideoScale(box, shot: ringed, bare))
        XCTAssertTrue(Run.tabRefuted(without: d0, with: d1))
        // The person did click it: the video rings the field, and the click stands.
        let clicked = run(video: ringed)
        let e0 = try XCTUnwrap(clicked.ringDistanceAtVideoScale(box, shot: bare, ringed))
        let e1 = try XCTUnwrap(clicked.ringDistanceAtVideoScale(box, shot: ringed, ringed))
        XCTAssertFalse(Run.tabRefuted(without: e0, with: e1))
        XCTAssertLessThan(e1, e0)
    }

    func testAThinRingIsComparedAtTheHalfSizeVideosScale() throws {
        // The video (half size, one full-size pixel off) shows the field focused: its 2-pixel ring
        // is spread over two video pixels. Compared at the video's scale, the live ring is nearer
        // than no ring; with the frame's own pixels against the live ones, it was not.
        let box = (x: 20.0, y: 20.0, width: 100.0, height: 30.0)
        let bare = FocusAndHeldTextTests.page(ring: false), ringed = FocusAndHeldTextTests.page(ring: true)
        let focusedVideo = Self.halfSize(ringed)
        let r = run(half: focusedVideo)
        let e0 = try XCTUnwrap(r.ringDistanceAtVideoScale(box, shot: bare, focusedVideo))
        let e1 = try XCTUnwrap(r.ringDistanceAtVideoScale(box, shot: ringed, focusedVideo))
        XCTAssertLessThan(e1, e0)
        XCTAssertFalse(Run.tabRefuted(without: e0, with: e1))
        // The video's field bare: the live ring is refuted.
        let bareVideo = Self.halfSize(bare)
        let b = run(half: bareVideo)
        let d0 = try XCTUnwrap(b.ringDistanceAtVideoScale(box, shot: bare, bareVideo))
        let d1 = try XCTUnwrap(b.ringDistanceAtVideoScale(box, shot: ringed, bareVideo))
        XCTAssertTrue(Run.tabRefuted(without: d0, with: d1))
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
}
