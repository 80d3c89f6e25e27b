import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 14 (live14b): inserted steps dated where the video shows what they revealed
/// (LiveGrounder+ShownTime.swift), and one press read twice on a list that moved under the
/// pointer (LiveGrounder+PhantomClick.swift).
final class RevealTimeAndRepeatTests: XCTestCase {
    /// A 100×60 frame: a plain page, with a dark 40×20 box at 30,20 when `shown`, and optionally
    /// a pointer-sized dark mark passing at `pointer`.
    static func frame(shown: Bool, pointer: (x: Int, y: Int)? = nil) -> Image {
        var img = Image(width: 100, height: 60, format: .gray8, filledWith: 230)
        if shown { for y in 20..<40 { for x in 30..<70 { img.pixels[y * 100 + x] = 40 } } }
        if let p = pointer { for y in p.y..<min(60, p.y + 8) { for x in p.x..<min(100, p.x + 5) { img.pixels[y * 100 + x] = 0 } } }
        return img
    }

    static let area = PixelRect(x: 30, y: 20, width: 40, height: 20)

    func testARevealedAreaIsDatedBetweenTheLastFrameWithoutItAndTheFirstOfTheRunWithIt() {
        let frames = [0.3, 0.8, 1.3, 1.8, 2.3, 2.8, 3.3].map { (t: Double) in (time: t, image: Self.frame(shown: t >= 1.8)) }
        XCTAssertEqual(Run.shownSince(Self.area, frames: frames, after: 0.3, before: 3.3)!, 1.55, accuracy: 1e-9)
        // Frames before `from` or after `to` are not walked.
        XCTAssertEqual(Run.shownSince(Self.area, frames: frames, after: 1.3, before: 2.9)!, 1.55, accuracy: 1e-9)
    }

    func testALookThatCameAndWentEarlierDoesNotDateIt() {
        // Shown at 0.8 (the pointer passing by), gone at 1.3, shown for good from 2.3.
        let frames = [0.3, 0.8, 1.3, 1.8, 2.3, 2.8].map { (t: Double) in (time: t, image: Self.frame(shown: t == 0.8 || t >= 2.3)) }
        XCTAssertEqual(Run.shownSince(Self.area, frames: frames, after: 0.3, before: 2.8)!, 2.05, accuracy: 1e-9)
    }

    func testAnAreaAlikeAtBothEndsOrNoFramesGivesNoTime() {
        let still = [0.3, 0.8, 1.3].map { (t: Double) in (time: t, image: Self.frame(shown: false, pointer: t == 0.8 ? (40, 25) : nil)) }
        XCTAssertNil(Run.shownSince(Self.area, frames: still, after: 0.3, before: 1.3), "only a pointer passed: nothing revealed")
        let one: [(time: Double, image: Image)] = [(time: 1.0, image: Self.frame(shown: true))]
        XCTAssertNil(Run.shownSince(Self.area, frames: one, after: 0.5, before: 1.0))
        let late = [3.0, 3.5].map { (t: Double) in (time: t, image: Self.frame(shown: t >= 3.5)) }
        XCTAssertNil(Run.shownSince(Self.area, frames: late, after: 1.0, before: 3.5), "no frame near the walk's start")
    }

    private func press(_ kind: ActionKind, at time: Double, x: Double = 1000, row: String?, nth: Int? = nil) -> Action {
        var a = Action(kind: kind, time: time, endTime: time + 0.05, target: Target(point: Point(x: x, y: 300)))
        a.grounding = Grounding(status: .verified, locator: LiveLocator(kind: .role, value: "button", name: "Remove",
                                                                     scope: row.map { LiveScope(css: "li", hasText: $0) }, nth: nth))
        return a
    }

    func testAPressRepeatedOnTheNextRowAtTheSamePointIsASecondReading() {
        let first = press(.click, at: 29.03, row: "Ines Moreau")
        let second = press(.click, at: 29.30, row: "Yusuf Arslan")
        XCTAssertTrue(Run.repeatsOnNextRow(second, at: Point(x: 1003, y: 302), last: first))
        XCTAssertTrue(Run.repeatsOnNextRow(press(.click, at: 29.3, row: nil, nth: 3), at: Point(x: 1000, y: 300),
                                           last: press(.check, at: 29.0, row: nil, nth: 2)))
    }

    func testAPressOnAnotherRowLaterElsewhereOrOnTheSameElementIsNoRepeat() {
        let first = press(.click, at: 29.03, row: "Ines Moreau")
        XCTAssertFalse(Run.repeatsOnNextRow(press(.click, at: 30.0, row: "Yusuf Arslan"), at: Point(x: 1000, y: 300), last: first), "later than repeatWindow")
        XCTAssertFalse(Run.repeatsOnNextRow(press(.click, at: 29.3, row: "Yusuf Arslan"), at: Point(x: 1000, y: 340), last: first), "another point")
        XCTAssertFalse(Run.repeatsOnNextRow(press(.click, at: 29.3, row: "Ines Moreau"), at: Point(x: 1000, y: 300), last: first), "the same control")
        var fill = press(.click, at: 29.3, row: "Yusuf Arslan"); fill.kind = .fill
        XCTAssertFalse(Run.repeatsOnNextRow(fill, at: Point(x: 1000, y: 300), last: first))
        XCTAssertFalse(Run.repeatsOnNextRow(press(.click, at: 29.3, row: "Yusuf Arslan"), at: Point(x: 1000, y: 300), last: nil))
    }

    func testAClickRepeatedAtItsPointWithNothingOpenInTheVideoBetweenIsARest() {
        let rest = Action(kind: .click, time: 2.53, target: Target(point: Point(x: 1197, y: 643)))
        let press = Action(kind: .click, time: 3.67, target: Target(point: Point(x: 1199, y: 641)))
        XCTAssertTrue(Run.restBeforePress(rest, next: press, looks: [0.39, 0.41]))
        XCTAssertFalse(Run.restBeforePress(rest, next: press, looks: [0.39, 0.93]), "the video shows the dialog in between: opened, closed, pressed again")
        XCTAssertFalse(Run.restBeforePress(rest, next: press, looks: []), "no frame between them says anything")
        let elsewhere = Action(kind: .click, time: 3.67, target: Target(point: Point(x: 640, y: 400)))
        XCTAssertFalse(Run.restBeforePress(rest, next: elsewhere, looks: [0.39]))
        // The same button pressed lower down: its live box holds both points.
        let fab = Action(kind: .click, time: 2.47, target: Target(box: Box(x: 1169, y: 618, width: 56, height: 56), point: Point(x: 1203, y: 652)))
        XCTAssertTrue(Run.restBeforePress(fab, next: Action(kind: .click, time: 4.0, target: Target(point: Point(x: 1196, y: 622))), looks: [0.39]))
        XCTAssertFalse(Run.restBeforePress(fab, next: Action(kind: .click, time: 4.0, target: Target(point: Point(x: 1196, y: 600))), looks: [0.39]))
        let typing = Action(kind: .fill, time: 3.67, target: Target(point: Point(x: 1197, y: 643)))
        XCTAssertFalse(Run.restBeforePress(rest, next: typing, looks: [0.39]))
    }
}
