import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 21's rules for typed values (no browser): the analysis's own reading given back when the
/// value that replaced it renders worse (LiveValues+RestoredReading.swift), and a fill read off a
/// field's old text shown selected before the next fill types over it (LiveGrounder+OldTextRetyped.swift).
final class ReadingAndOldTextTests: XCTestCase {
    private func run(_ actions: [Action]) -> Run {
        Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(), frames: .none,
            decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 2560, height: 1360), actions: actions))
    }

    /// A live text field as the page script describes it.
    private func field(value: String, password: Bool = false) -> Identified {
        let v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(true), "tag": .string("input"), "inputType": .string("search"),
            "role": .string("combobox"), "name": .string("Search docs"), "value": .string(value), "isPassword": .bool(password),
            "box": .object(["x": .number(260), "y": .number(10), "width": .number(460), "height": .number(34)]),
        ]
        return Identified(.object(v))!
    }

    private func fill(_ time: Double, _ end: Double, _ value: String) -> Action {
        var a = Action(kind: .fill, time: time, endTime: end, value: .text(value))
        a.target = Target(box: Box(x: 261, y: 19, width: 458, height: 32))
        return a
    }

    func testTheAnalysisReadingComesBackWhereItRendersBetter() {
        // board-add-escape-move: "Later" (64 ink pixels off) replaced by the re-reading "Later in" (135).
        XCTAssertEqual(Run.restoredReading(offline: "Later", current: "Later in", errors: ["Later in": 135, "Later": 64], base: 135), "Later")
        // ledger-signout-menu: 26 against 37.
        XCTAssertEqual(Run.restoredReading(offline: "lena.vogel@acme.studio", current: "lena.voge[@acme.studiq,",
                                           errors: ["lena.vogel@acme.studio": 26], base: 37), "lena.vogel@acme.studio")
        XCTAssertNil(Run.restoredReading(offline: "Later", current: "Later in", errors: ["Later": 132], base: 135),
                     "less than the least gain nearer: the replacement stands")
        XCTAssertNil(Run.restoredReading(offline: "Later", current: "Later in", errors: [:], base: 135), "not rendered")
        XCTAssertNil(Run.restoredReading(offline: nil, current: "Later in", errors: ["Later": 0], base: 135))
        XCTAssertNil(Run.restoredReading(offline: "Later", current: "Later", errors: ["Later": 0], base: 135), "nothing replaced it")
    }

    func testAMatchedReplacementGivesWayToAReadingThatRendersAsWell() {
        // contacts-tabs-star: "chen" → "chcn" by the whole field's likeness; "chcn" 10 ink pixels off.
        XCTAssertEqual(Run.restoredReading(offline: "chen", current: "chcn", errors: ["chen": 10], base: 10, matched: true), "chen")
        XCTAssertEqual(Run.restoredReading(offline: "chen", current: "chcn", errors: ["chen": 6], base: 10, matched: true), "chen")
        XCTAssertNil(Run.restoredReading(offline: "chen", current: "chcn", errors: ["chen": 11], base: 10, matched: true),
                     "the reading renders worse than the replacement that matches")
        XCTAssertNil(Run.restoredReading(offline: "chen", current: "chcn", errors: ["chen": 10], base: 10),
                     "unmatched, a tie keeps the replacement")
    }

    func testAFillOfTheFieldsOldTextBeforeTheNextFillIsItsSelection() {
        // docs-search-escape-1440: "debloy" at 5.8 s over the field's "deploy"; Enter at 6.067; "middleware" at 7.133.
        let enter = Action(kind: .press, time: 6.067, endTime: 6.133, value: .text("Enter"))
        let steps = [fill(2.533, 4.6, "deploy"), fill(5.8, 5.8, "debloy"), enter, fill(7.133, 8.2, "middleware")]
        let r = run(steps)
        XCTAssertTrue(r.oldTextBeforeRetyping(1, steps[1], field(value: "deploy")))
        XCTAssertFalse(r.oldTextBeforeRetyping(1, steps[1], field(value: "debloy")), "the same text typed again is a retyping")
        XCTAssertFalse(r.oldTextBeforeRetyping(1, steps[1], field(value: "")), "an empty field: typing")
        XCTAssertFalse(r.oldTextBeforeRetyping(1, steps[1], field(value: "release")), "other text: typing")
        XCTAssertFalse(r.oldTextBeforeRetyping(1, steps[1], field(value: "deploy", password: true)))
        // No fill follows (a key, then the end), or it comes late, or it types the same text.
        let alone = [fill(2.533, 4.6, "deploy"), fill(5.8, 5.8, "debloy"), enter]
        XCTAssertFalse(run(alone).oldTextBeforeRetyping(1, alone[1], field(value: "deploy")))
        let late = [fill(2.533, 4.6, "deploy"), fill(5.8, 5.8, "debloy"), fill(13.0, 14.0, "middleware")]
        XCTAssertFalse(run(late).oldTextBeforeRetyping(1, late[1], field(value: "deploy")), "more than 6 s later")
        let same = [fill(2.533, 4.6, "deploy"), fill(5.8, 5.8, "debloy"), fill(7.133, 8.2, "deploy")]
        XCTAssertFalse(run(same).oldTextBeforeRetyping(1, same[1], field(value: "deploy")))
        var elsewhere = fill(7.133, 8.2, "middleware")
        elsewhere.target = Target(box: Box(x: 261, y: 400, width: 458, height: 32))
        let other = [fill(2.533, 4.6, "deploy"), fill(5.8, 5.8, "debloy"), elsewhere]
        XCTAssertFalse(run(other).oldTextBeforeRetyping(1, other[1], field(value: "deploy")), "the next fill types into another field")
    }

    func testOnlyALetterOffALongEnoughTextIsTheOldText() {
        XCTAssertTrue(Run.nearlyHeld("debloy", held: "deploy"))
        XCTAssertTrue(Run.nearlyHeld("Debloy ", held: "deploy|"), "case, ends and a caret aside")
        XCTAssertFalse(Run.nearlyHeld("deploy", held: "deploy"))
        XCTAssertFalse(Run.nearlyHeld("dcbIoy", held: "deploy"), "three letters off")
        XCTAssertFalse(Run.nearlyHeld("9", held: "4"), "a short value's letter is an edit")
        XCTAssertFalse(Run.nearlyHeld("abd", held: "abc"))
    }

    func testTypingIsDatedAtTheRefutedKeyReadOffIt() {
        // contacts-tabs-star: Enter at 20.367 s in the search field (refuted live), "chen" dated 23.4 s.
        var enter = Action(kind: .press, time: 20.367, endTime: 20.433, value: .text("Enter"))
        enter.target = Target(box: Box(x: 922, y: 3, width: 318, height: 44))
        var chen = Action(kind: .fill, time: 23.4, endTime: 24.533, value: .text("chen"))
        chen.target = Target(point: Point(x: 1096, y: 24))
        let steps = [Action(kind: .click, time: 14.967, endTime: 14.967), enter, chen]
        XCTAssertEqual(Run.typingTime(chen, step: 2, refuted: (1, 20.367), steps: steps), 20.367)
        XCTAssertNil(Run.typingTime(chen, step: 2, refuted: nil, steps: steps), "the key stood")
        XCTAssertNil(Run.typingTime(chen, step: 2, refuted: (0, 14.967), steps: steps), "the refuted step is not the one before")
        var elsewhere = chen
        elsewhere.target = Target(point: Point(x: 400, y: 300))
        XCTAssertNil(Run.typingTime(elsewhere, step: 2, refuted: (1, 20.367), steps: steps), "another field's typing")
        var click = chen
        click.kind = .click
        XCTAssertNil(Run.typingTime(click, step: 2, refuted: (1, 20.367), steps: steps))
        var early = chen
        early.time = 20.0
        XCTAssertNil(Run.typingTime(early, step: 2, refuted: (1, 20.367), steps: steps), "dated before the key already")
        var late = chen
        late.time = 27.0
        XCTAssertNil(Run.typingTime(late, step: 2, refuted: (1, 20.367), steps: steps), "more than 6 s after the key")
    }

    func testAKeyWhoseChangeShowsTheNextFillsValueIsThatTyping() {
        // docs-search-escape-1440: Enter at 6.067 s in the search field, "Middleware" appearing; "middleware" at 7.133 s.
        var enter = Action(kind: .press, time: 6.067, endTime: 6.133, value: .text("Enter"))
        enter.target = Target(box: Box(x: 261, y: 19, width: 458, height: 32))
        enter.appeared = ["Middleware"]
        let steps = [fill(5.8, 5.8, "debloy"), enter, fill(7.133, 8.2, "middleware")]
        XCTAssertTrue(Run.keyReadOffTyping(1, steps: steps))
        XCTAssertFalse(Run.keyReadOffTyping(0, steps: steps), "not a key")
        var other = enter
        other.appeared = ["Deployment", "Clear completed"]
        XCTAssertFalse(Run.keyReadOffTyping(1, steps: [steps[0], other, steps[2]]), "the change shows other text")
        // todo-add-items: Enter adds the item typed before it; the next item's text is not in its change.
        var add = enter
        add.appeared = ["Buy oat milk", "Clear completed"]
        XCTAssertFalse(Run.keyReadOffTyping(1, steps: [steps[0], add, fill(6.833, 8.0, "Call the dentist about Friday")]))
        XCTAssertFalse(Run.keyReadOffTyping(1, steps: [steps[0], enter, fill(7.133, 8.2, "mi")]), "too short a value to look for")
        var elsewhere = fill(7.133, 8.2, "middleware")
        elsewhere.target = Target(box: Box(x: 261, y: 400, width: 458, height: 32))
        XCTAssertFalse(Run.keyReadOffTyping(1, steps: [steps[0], enter, elsewhere]), "another field's typing")
        XCTAssertFalse(Run.keyReadOffTyping(1, steps: [steps[0], enter, fill(13.0, 14.0, "middleware")]), "more than 6 s later")
        XCTAssertFalse(Run.keyReadOffTyping(1, steps: [steps[0], enter, Action(kind: .click, time: 7.0, endTime: 7.0)]), "no fill next")
    }
}
