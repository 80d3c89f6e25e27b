import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

final class GapSearchTests: XCTestCase {
    /// 0: the page as it starts; 1: the same with the "Add" button (100,40 60×40) pressed.
    static func picture(_ kind: Int) -> Image {
        var img = Image(width: 200, height: 150, format: .gray8, filledWith: 240)
        for y in 10..<20 { for x in 10..<90 { img.pixels[y * 200 + x] = 40 } }
        for y in 40..<80 { for x in 100..<160 { img.pixels[y * 200 + x] = kind == 1 ? 30 : ((x / 6 + y / 6) % 2 == 0 ? 200 : 230) } }
        return img
    }

    func testTheBlobsOfAChangeAreItsAreasWithoutStrayPixels() {
        let a = Self.picture(0)
        var b = Self.picture(1)
        for y in 120..<130 { for x in 10..<50 { b.pixels[y * 200 + x] = 0 } }
        b.pixels[5 * 200 + 190] = 0   // one stray pixel: no area
        let blobs = Run.changeBlobs(a, b, in: PixelRect(x: 0, y: 0, width: 200, height: 150))
        XCTAssertEqual(blobs.count, 2)
        XCTAssertEqual(blobs.first, PixelRect(x: 100, y: 40, width: 60, height: 40))
        XCTAssertEqual(blobs.last, PixelRect(x: 8, y: 120, width: 44, height: 12))
        XCTAssertTrue(Run.changeBlobs(a, a, in: PixelRect(x: 0, y: 0, width: 200, height: 150)).isEmpty)
    }

    func testDestructiveControlsAreKnownByTheirNames() {
        XCTAssertTrue(Run.destructive(["Remove", nil, nil]))
        XCTAssertTrue(Run.destructive(["Delete card", "×", nil]))
        XCTAssertTrue(Run.destructive([nil, "Discard changes", nil]))
        XCTAssertTrue(Run.destructive(["Sign out", nil, nil]))
        XCTAssertFalse(Run.destructive(["Add card", "+ Add card", nil]))
        XCTAssertFalse(Run.destructive(["Clearance sale", nil, nil]))
        XCTAssertFalse(Run.destructive([nil, nil, nil]))
    }

    func testAHiDPITimelineIsHalvedIntoCSSPixels() {
        let a = Action(kind: .click, time: 1, target: Target(box: Box(x: 100, y: 40, width: 80, height: 40), point: Point(x: 140, y: 60)))
        let s = Action(kind: .scroll, time: 2, value: .pixels(600))
        let t = ActionTimeline(viewport: Viewport(x: 0, y: 170, width: 1920, height: 900), actions: [a, s]).inCSSPixels(scale: 2)
        XCTAssertEqual(t.actions[0].target?.point, Point(x: 70, y: 30))
        XCTAssertEqual(t.actions[0].target?.box, Box(x: 50, y: 20, width: 40, height: 20))
        XCTAssertEqual(t.actions[1].value, .pixels(300))
        XCTAssertEqual(t.viewport, Viewport(x: 0, y: 170, width: 1920, height: 900), "the viewport stays the video's rectangle")
    }

    func testGapMomentsAreHalfASecondApartAndNoneInAShortGap() {
        XCTAssertEqual(Run.gapMoments(from: 1, to: 2.9), [1.3, 1.8, 2.3, 2.8])
        XCTAssertTrue(Run.gapMoments(from: 1, to: 1.5).isEmpty)
        XCTAssertEqual(Run.gapStart(Action(kind: .click, time: 4, endTime: 9)), 4.8)
        XCTAssertEqual(Run.gapStart(Action(kind: .fill, time: 4, endTime: 9)), 9)
    }

    func testTheGapsTailIsAMomentWhenTheLastFallsWellBeforeIt() {
        // A key pressed just before the next step (ArrowUp 0.3 s before Enter) is sampled.
        let m = Run.gapMoments(from: 1, to: 3.2)
        XCTAssertEqual(m.count, 5)
        XCTAssertEqual(m.last!, 3.2, accuracy: 1e-9)
        XCTAssertEqual(Run.gapMoments(from: 1, to: 2.9).last!, 2.8, accuracy: 1e-9, "0.1 s before the end: no extra moment")
    }

    func testAHoverIsInstantaneousForTheGapAfterIt() {
        // A menu's rest read together with the choice made in it: the gap starts soon after the rest.
        XCTAssertEqual(Run.gapStart(Action(kind: .hover, time: 6.6, endTime: 8.27)), 7.4, accuracy: 1e-9)
    }

    /// The video shows the "Add" button pressed between two offline steps that never mention it:
    /// resting the pointer there changes nothing, a click does and is inserted; when the video
    /// shows nothing change, nothing is tried.
    func testAClickTheAnalysisMissedIsFoundWhereTheVideoChanges() async throws {
        for videoChanges in [true, false] {
            let b = FakeBrowser()
            var pressed = false
            b.identify = { x, y in
                if x >= 100 && x < 160 && y >= 40 && y < 80 {
                    return LiveGrounderTests.element(["tag": "button", "role": "button", "name": "Add", "box": ["x": 100, "y": 40, "width": 60, "height": 40]])
                }
                return LiveGrounderTests.element(["tag": "a", "role": "link", "name": "Other", "box": ["x": 10, "y": 10, "width": 80, "height": 10]])
            }
            b.shot = { Data([pressed ? 1 : 0]) }
            b.onClick = { x, y, _ in if x >= 100 && x < 160 && y >= 40 && y < 80 { pressed = true; b.stateVersion += 1 } }
            let first = Action(kind: .click, time: 1, endTime: 1.1, target: Target(name: "Other", point: Point(x: 20, y: 15)))
            let last = Action(kind: .click, time: 6, endTime: 6.1, target: Target(name: "Other", point: Point(x: 20, y: 15)))
            var t = ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 150), startURL: "http://127.0.0.1:8765/app/", actions: [first, last])
            t.source = nil
            let frames = LiveFrames(frames: LiveGrounder.frameTimes(for: t).map { ($0, Self.picture($0 > 3 && videoChanges ? 1 : 0)) }, scale: 1)
            let g = LiveGrounder(options: LiveOptions(settleSeconds: 0.3, environment: [:], secretNames: { _ in [] }))
            let r = try await g.ground(t, browser: b, frames: frames) { data in Self.picture(Int(data.first ?? 0)) }
            let names = r.timeline.actions.map { "\($0.kind.rawValue) \($0.target?.name ?? "")" }
            if videoChanges {
                XCTAssertEqual(names, ["click Other", "click Add", "click Other"])
                guard names.count == 3 else { continue }
                let added = r.timeline.actions[1]
                XCTAssertEqual(added.grounding?.status, .corrected)
                XCTAssertTrue(added.grounding?.corrections.first?.hasPrefix("inserted") ?? false)
                XCTAssertTrue(added.time > 1 && added.time < 6, "between the two steps: \(added.time)")
                XCTAssertTrue(b.log.contains("move 130,60"), "the pointer rested there before clicking")
            } else {
                XCTAssertEqual(names, ["click Other", "click Other"])
                XCTAssertFalse(b.log.contains { $0.hasPrefix("click 130") })
            }
        }
    }
}
