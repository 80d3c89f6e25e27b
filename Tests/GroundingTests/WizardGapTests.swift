import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 26 (live26b): a press on the control a choice's span started on keeps the span's
/// start (LiveGrounder+ShownTime.swift), a gap's toggles made before a later change and dated
/// where the video shows them (GapSearch+TogglesFirst.swift), and date fields reconciled by a
/// whole date read (GapSearch+DateFields.swift).
final class WizardGapTests: XCTestCase {
    /// wizard-booking-keys-vp9's reading: a `select` of "bokin" on the Next button, 39.0–40.87 s.
    static let read = Action(kind: .select, time: 39.0, endTime: 40.867,
                             target: Target(role: .combobox, name: "Next", point: Point(x: 361, y: 577)), value: .text("bokin"))

    static func click(named name: String, from read: Action = read) -> Action {
        .groundedClick(named: name, from: read)
    }

    func testAPressOnTheSpansOwnControlKeepsTheSpansStart() {
        var a = Self.click(named: "Next")
        XCTAssertTrue(Run.pressedOpener(read: Self.read, grounded: a))
        Run.dateAtChoice(&a, read: Self.read)
        XCTAssertEqual(a.time, 39.0, accuracy: 1e-9, "the Next press turned the page at the span's start")
        // (Case and spacing aside.)
        XCTAssertTrue(Run.pressedOpener(read: Self.read, grounded: Self.click(named: " next ")))
    }

    func testAnItemChosenInThePopupIsStillDatedAtTheChoice() {
        // A menu opener and the item chosen in it: the click on the item closes the popup.
        var menu = Self.read
        menu.target?.name = "v3.2 (latest)"
        menu.value = .text("v3.1")
        var item = Self.click(named: "v3.1", from: menu)
        XCTAssertFalse(Run.pressedOpener(read: menu, grounded: item))
        Run.dateAtChoice(&item, read: menu)
        XCTAssertEqual(item.time, 40.767, accuracy: 1e-9)
        // A control named both as the opener and as the choice is two presses (ChoiceTwice), not this.
        var twice = Self.read
        twice.value = .text("Next")
        XCTAssertFalse(Run.pressedOpener(read: twice, grounded: Self.click(named: "Next", from: twice)))
        // No opener name read: nothing to tell the press from the item by.
        var unnamed = Self.read
        unnamed.target?.name = nil
        var other = Self.click(named: "Next", from: unnamed)
        Run.dateAtChoice(&other, read: unnamed)
        XCTAssertEqual(other.time, 40.767, accuracy: 1e-9)
    }

    /// A 100×60 frame: a plain page with a 16×16 checkbox at 40,20, ticked (a dark mark) when
    /// `ticked`, and the pointer (a dark arrow-sized block) over it when `pointer`.
    static func frame(ticked: Bool, pointer: Bool) -> Image {
        var img = Image(width: 100, height: 60, format: .gray8, filledWith: 235)
        for y in 20..<36 { for x in 40..<56 where x == 40 || x == 55 || y == 20 || y == 35 { img.pixels[y * 100 + x] = 90 } }
        if ticked { for y in 24..<32 { for x in 44..<52 { img.pixels[y * 100 + x] = 30 } } }
        if pointer { for y in 28..<44 { for x in 48..<58 { img.pixels[y * 100 + x] = 0 } } }
        return img
    }

    static let box = PixelRect(x: 37, y: 17, width: 22, height: 22)

    func testAToggleTickedInAGapIsDatedWhereItsLookChangedUnderTheRestingPointer() {
        // The pointer arrives at 40.6, ticks at 40.7, rests on it until 42.6, then leaves.
        let times = [40.1, 40.6, 41.1, 41.6, 42.1, 42.6, 43.1, 43.6]
        let frames = times.map { t in (time: t, image: Self.frame(ticked: t > 40.7, pointer: t >= 40.6 && t < 42.6)) }
        let inGap = Run.toggleTime(Self.box, frames: frames, from: 40.1, to: 43.6, inGap: true)!
        XCTAssertEqual(inGap, 40.85, accuracy: 1e-9, "between the last frame before the tick and the first after it")
        XCTAssertLessThanOrEqual(abs(inGap - 40.7), 1.0)
        // At a step boundary the old dating stands: the first frame leaning clearly to the end's look.
        let boundary = Run.toggleTime(Self.box, frames: frames, from: 40.1, to: 43.6, inGap: false)!
        XCTAssertEqual(boundary, 42.3, accuracy: 1e-9)
    }

    func testTogglesFirstNeedsTwoMoments() {
        XCTAssertTrue(Run.togglesFirstSpan(from: 40.1, to: 40.6))
        XCTAssertFalse(Run.togglesFirstSpan(from: 40.1, to: 40.3))
    }

    func testADateFieldIsTypedOnlyAWholeDateInItsOwnSyntax() {
        XCTAssertEqual(Run.fieldReading("10/05/2027", type: "date", current: "", placeholder: ""), "2027-10-05")
        // The calendar icon read as a mark after it, a caret: still the date.
        XCTAssertEqual(Run.fieldReading(" 10/05/2027 |", type: "date", current: "", placeholder: ""), "2027-10-05")
        XCTAssertNil(Run.fieldReading("10/05/2027", type: "date", current: "2027-10-05", placeholder: ""), "the date the field holds")
        XCTAssertNil(Run.fieldReading("mm/dd/yyyy", type: "date", current: "", placeholder: ""), "the empty field's own drawing")
        XCTAssertNil(Run.fieldReading("10/05/yyyy", type: "date", current: "", placeholder: ""), "half typed: no year is guessed")
        XCTAssertNil(Run.fieldReading("13/45/2027", type: "date", current: "", placeholder: ""), "no date")
        // Other fields as before: the text read is typed as it is.
        XCTAssertEqual(Run.fieldReading("10/05/2027", type: "text", current: "", placeholder: ""), "10/05/2027")
        XCTAssertTrue(Run.reconciledFieldTypes.contains("date"))
    }

    func testANumberFieldIsComparedBeforeAKeyThatLeavesItsValue() {
        XCTAssertTrue(Run.keyKeepsNumber("Enter"))
        XCTAssertTrue(Run.keyKeepsNumber("Tab"))
        XCTAssertTrue(Run.keyKeepsNumber("Escape"))
        XCTAssertFalse(Run.keyKeepsNumber("ArrowDown"), "an arrow steps the number: left to the key")
        XCTAssertFalse(Run.keyKeepsNumber("ArrowUp"))
        XCTAssertFalse(Run.keyKeepsNumber(nil))
    }

    func testADateIsRenderedAsTypedAndAsLeft() {
        // Its year selected while the focus stays, plain once the person moved on: both are tried.
        XCTAssertEqual(Run.typedLooks("date"), [false, true])
        XCTAssertEqual(Run.typedLooks("text"), [false])
        XCTAssertEqual(Run.typedLooks("number"), [false])
    }
}

/// Session 26 (live26b): the pointer's place kept across keys and typing (LiveGrounder+PointerStayed.swift).
final class PointerStayedTests: XCTestCase {
    static func step(_ kind: ActionKind, _ t: Double, at p: (Double, Double)? = nil) -> Action {
        Action(kind: kind, time: t, endTime: t + 0.1, target: p.map { Target(point: Point(x: $0.0, y: $0.1)) })
    }

    func testTheLastPressStaysWhereOnlyKeysAndTypingFollow() {
        // wizard-fix-nights-60fps: Next refused at 22.63 s, Nights retyped, Enter read, then a "click" at the same point.
        let steps = [Self.step(.click, 22.63, at: (893, 505)), Self.step(.fill, 22.77), Self.step(.press, 24.57), Self.step(.click, 25.03, at: (893, 505))]
        XCTAssertEqual(Run.pointerStayed(before: 3, steps)?.time, 22.63)
        XCTAssertEqual(Run.pointerStayed(before: 1, steps)?.time, 22.63)
    }

    func testAnotherPointerStepOrAFillWithAPointMovesIt() {
        let withScroll = [Self.step(.click, 1, at: (10, 10)), Self.step(.scroll, 2, at: (5, 5)), Self.step(.click, 3, at: (10, 10))]
        XCTAssertNil(Run.pointerStayed(before: 2, withScroll), "a scroll's own point is the pointer's")
        let choice = [Self.step(.click, 1, at: (10, 10)), Self.step(.select, 2), Self.step(.click, 3, at: (10, 10))]
        XCTAssertNil(Run.pointerStayed(before: 2, choice))
        let typedAt = [Self.step(.click, 1, at: (10, 10)), Self.step(.fill, 2, at: (300, 40)), Self.step(.click, 3, at: (10, 10))]
        XCTAssertEqual(Run.pointerStayed(before: 2, typedAt)?.time, nil, "the fill's field was clicked: a fill is no pointer step kept")
        let hovered = [Self.step(.hover, 1, at: (10, 10)), Self.step(.press, 2), Self.step(.click, 3, at: (10, 10))]
        XCTAssertNil(Run.pointerStayed(before: 2, hovered), "only a press (click or check) stays")
        XCTAssertNil(Run.pointerStayed(before: 0, hovered))
    }
}
