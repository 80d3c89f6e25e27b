import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 10's rules for clicks the analysis missed: toggles reconciled by state, the pointer's
/// rest in a re-layout, steps refuted while the video changed, a mid-session start's scroll.
final class MissedClicksTests: XCTestCase {
    /// 0: a small star (100,40 20×20) off; 1: the same star on. Both with a bar at the top.
    static func picture(_ kind: Int) -> Image {
        var img = Image(width: 200, height: 150, format: .gray8, filledWith: 240)
        for y in 10..<20 { for x in 10..<90 { img.pixels[y * 200 + x] = 40 } }
        for y in 40..<60 { for x in 100..<120 { img.pixels[y * 200 + x] = kind == 1 ? 30 : ((x / 4 + y / 4) % 2 == 0 ? 200 : 225) } }
        return img
    }

    func testAToggleIsTriedOnlyWhereTheVideoChangedItAndTheLivePageDidNotFollow() {
        XCTAssertTrue(Run.toggleMismatch(videoChange: 40, lean: -0.9))
        XCTAssertFalse(Run.toggleMismatch(videoChange: 2, lean: -0.9), "the video shows no change there")
        XCTAssertFalse(Run.toggleMismatch(videoChange: 40, lean: 0.6), "the live page already looks as the video after")
        XCTAssertTrue(Run.toggleClickKept(lean: 0.8, page: 0.90, after: 0.91))
        XCTAssertFalse(Run.toggleClickKept(lean: 0.1, page: 0.90, after: 0.95), "the toggle still unlike the video")
        XCTAssertFalse(Run.toggleClickKept(lean: 0.8, page: 0.90, after: 0.80), "the page moved away from the video")
    }

    func testTheMeanDeltaOfTwoFramesIsLargeOnlyWhereTheyDiffer() {
        let a = Self.picture(0), b = Self.picture(1)
        XCTAssertGreaterThan(Run.meanDelta(a, b, PixelRect(x: 97, y: 37, width: 26, height: 26)), 50)
        XCTAssertEqual(Run.meanDelta(a, b, PixelRect(x: 10, y: 80, width: 60, height: 40)), 0)
        XCTAssertEqual(Run.meanDelta(a, b, PixelRect(x: 190, y: 140, width: 60, height: 40)), 0, "outside the frame: nothing")
    }

    func testInAReLayoutTheCandidatesWhereThePointerRestedComeFirst() {
        let p = Point(x: 0, y: 0)
        let c: [(point: Point, target: String, pointer: Int, touches: Int, area: Double, rested: Bool)] = [
            (p, "Remove (row icons changed)", 2, 3, 900, false),
            (p, "Favourite", 1, 2, 600, false),
            (p, "Favourites tab", 1, 0, 500, true),
            (p, "heading", 0, 1, 4000, false),
        ]
        XCTAssertEqual(Run.relayoutCandidates(c).map { $0.target }, ["Favourites tab", "Remove (row icons changed)", "Favourite"])
    }

    func testADestructiveControlInAReLayoutNeedsThePointersRest() {
        XCTAssertTrue(Run.destructiveTried(removes: true, rested: true, relayout: true))
        XCTAssertFalse(Run.destructiveTried(removes: true, rested: false, relayout: true), "every row's surroundings change in a re-layout")
        XCTAssertTrue(Run.destructiveTried(removes: true, rested: false, relayout: false))
        XCTAssertFalse(Run.destructiveTried(removes: false, rested: true, relayout: false))
    }

    func testAnEnterIsRefutedByTheWholePageOnlyWhenItStillLooksAsBefore() {
        XCTAssertTrue(Run.wholePageRefutes(before: 0.93, after: 0.75))
        XCTAssertFalse(Run.wholePageRefutes(before: 0.80, after: 0.78))
    }

    func testAMidSessionStartIsSearchedInBoundedSteps() {
        let ys = Run.startScrollPositions(maxY: 3966, height: 714)
        XCTAssertEqual(ys.first!, 99.2, accuracy: 0.1, "an eighth of the viewport, or a fortieth of the page when that is more")
        XCTAssertEqual(Run.startScrollStep(maxY: 3966, height: 714), ys.first!, accuracy: 0.001)
        XCTAssertEqual(ys.last, 3966)
        XCTAssertLessThanOrEqual(ys.count, Run.startScrollTries + 1)
        XCTAssertEqual(Run.startScrollPositions(maxY: 22, height: 714), [22], "a page scrollable by a little: its end")
        XCTAssertTrue(Run.startScrollPositions(maxY: 0, height: 714).isEmpty)
        let long = Run.startScrollPositions(maxY: 100_000, height: 700)
        XCTAssertLessThanOrEqual(long.count, Run.startScrollTries + 1, "a long page: coarser steps, not more of them")
        XCTAssertLessThan(Run.startScrollWidths.coarse, Run.startScrollWidths.middle)
        XCTAssertLessThan(Run.startScrollWidths.middle, Similarity.workingWidth, "coarse to fine: the last refinement at the working width")
    }

    /// A star too small for the gap search (pointer-sized) turns on in the video between two
    /// steps that never mention it: the toggle pass clicks it and inserts the click; a click that
    /// does not bring it in line is taken back; where the video shows nothing change, nothing is clicked.
    func testAToggleTheAnalysisMissedIsReconciledByItsState() async throws {
        for (videoChanges, clickWorks) in [(true, true), (true, false), (false, true)] {
            let b = FakeBrowser()
            var pressed = false
            b.identify = { x, y in
                if x >= 100 && x < 120 && y >= 40 && y < 60 {
                    return LiveGrounderTests.element(["element": JSONValue(element: ElementHandle(id: "star")), "tag": "button", "role": "button",
                                                      "name": "Favourite", "pressed": .bool(pressed), "box": ["x": 100, "y": 40, "width": 20, "height": 20]])
                }
                return LiveGrounderTests.element(["tag": "a", "role": "link", "name": "Other", "box": ["x": 10, "y": 10, "width": 80, "height": 10]])
            }
            b.toggles = { [[JSONValue(element: ElementHandle(id: "star")), 100, 40, 20, 20, .string(pressed ? "true" : "false")]] }
            b.toggleNow = { [100, 40, 20, 20, .string(pressed ? "true" : "false")] }
            b.shot = { Data([pressed ? 1 : 0]) }
            b.onClick = { x, y, _ in
                if clickWorks, x >= 100 && x < 120 && y >= 40 && y < 60 { pressed.toggle(); b.stateVersion += 1 }
            }
            let first = Action(kind: .click, time: 1, endTime: 1.1, target: Target(name: "Other", point: Point(x: 20, y: 15)))
            let last = Action(kind: .click, time: 6, endTime: 6.1, target: Target(name: "Other", point: Point(x: 20, y: 15)))
            let t = ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 150), startURL: "http://127.0.0.1:8765/app/", actions: [first, last])
            let frames = LiveFrames(frames: LiveGrounder.frameTimes(for: t).map { ($0, Self.picture($0 > 3 && videoChanges ? 1 : 0)) }, scale: 1)
            let g = LiveGrounder(options: LiveOptions(settleSeconds: 0.3, environment: [:], secretNames: { _ in [] }))
            let r = try await g.ground(t, browser: b, frames: frames) { data in Self.picture(Int(data.first ?? 0)) }
            let names = r.timeline.actions.map { "\($0.kind.rawValue) \($0.target?.name ?? "")" }
            let starClicks = b.log.filter { $0.hasPrefix("click 110,50") }.count
            switch (videoChanges, clickWorks) {
            case (true, true):
                XCTAssertEqual(names, ["click Other", "click Favourite", "click Other"])
                XCTAssertTrue(r.timeline.actions.count == 3 && r.timeline.actions[1].grounding?.corrections.first?.hasPrefix("inserted") == true)
                XCTAssertEqual(starClicks, 1)
                XCTAssertTrue(pressed)
            case (true, false):
                XCTAssertEqual(names, ["click Other", "click Other"])
                XCTAssertEqual(starClicks, 2, "tried, then taken back")
            default:
                XCTAssertEqual(names, ["click Other", "click Other"])
                XCTAssertEqual(starClicks, 0)
            }
        }
    }
}
