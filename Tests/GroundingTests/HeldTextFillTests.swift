import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// A fill of the text its field already holds, dropped by one rule with three pieces of evidence
/// (LiveGrounder+HeldTextFill.swift; no browser): one typing read twice (session 27,
/// docs-version-search-feedback), the old text and its caret before the next fill types over it
/// (session 22, board-dialog-escape), the held value selected before the reconcile retypes the
/// focused field (session 27, wizard-fix-nights-60fps).
final class HeldTextFillTests: XCTestCase {
    private static let search = LiveLocator(kind: .role, value: "combobox", name: "Search docs")

    /// A live search field named `name` holding `value`, its chosen locator the role and name.
    private static func searchField(value: String, name: String = "Search docs") -> Identified {
        Identified(.object(["found": true, "actionable": true, "tag": "input", "inputType": "search", "role": "combobox",
                            "name": .string(name), "value": .string(value),
                            "chosen": ["playwright": ["kind": "role", "value": "combobox", "name": .string(name), "exact": true, "count": 1]]]))!
    }

    /// A live number field ("Story points") holding `value`, at (400,300 200×36).
    private static func numberField(_ value: String, type: String = "number", password: Bool = false) -> Identified {
        let v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(true), "tag": .string("input"), "inputType": .string(type),
            "role": .string(type == "number" ? "spinbutton" : "textbox"), "name": .string("Story points"), "value": .string(value),
            "isPassword": .bool(password), "box": .object(["x": .number(400), "y": .number(300), "width": .number(200), "height": .number(36)]),
        ]
        return Identified(.object(v))!
    }

    private static func searchFill(_ v: String, locator: LiveLocator? = search) -> Action {
        var a = Action(kind: .fill, time: 6.9, endTime: 7.5, target: Target(point: Point(x: 260, y: 10)), value: .text(v))
        if let locator { a.grounding = Grounding(status: .corrected, locator: locator) }
        return a
    }

    private static func fillAt(_ time: Double, _ end: Double, _ value: String, y: Double = 310) -> Action {
        var a = Action(kind: .fill, time: time, endTime: end, value: .text(value))
        a.target = Target(box: Box(x: 402, y: y, width: 196, height: 30))
        return a
    }

    private static func press(_ k: String, at t: Double) -> Action { Action(kind: .press, time: t, endTime: t + 0.06, value: .text(k)) }

    /// A run over `steps` (offline) with `out` grounded so far.
    private static func run(_ steps: [Action], out: [Action] = []) -> Run {
        var r = Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(), frames: .none,
                    decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
                    timeline: ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 1280, height: 720), actions: steps))
        r.out = out
        return r
    }

    /// The evidence the rule finds for step `i` of `steps` on the live field `t`, after `out`.
    private static func evidence(_ steps: [Action], _ i: Int, _ t: Identified, out: [Action] = []) -> Run.HeldTextFill? {
        let r = run(steps, out: out)
        return Run.heldTextFill(steps[i], r.heldTextContext(i, steps[i], t))
    }

    /// The evidence at the fields' reconcile for the performed fill `out[index]`.
    private static func retyped(_ out: [Action], index: Int, prior: String, focused: Bool, number: Bool) -> Run.HeldTextFill? {
        Run.heldTextFill(out[index], Run.HeldTextContext(held: prior, number: number, focusedBefore: focused,
                                                          retypedAfterKeys: out[(index + 1)...].allSatisfy { $0.kind == .press }))
    }

    // MARK: read twice

    func testTheSameTextIntoTheFieldThePreviousStepFilledIsReadTwice() {
        // docs-version-search-feedback: a choice of "config" from the results (grounded as a fill), then a fill of "config".
        let next = Self.searchFill("config", locator: nil)
        XCTAssertEqual(Self.evidence([next], 0, Self.searchField(value: "config"), out: [Self.searchFill("config")]), .readTwice)
        // Other text, a field holding something else, another field, or another step before: kept.
        XCTAssertNil(Self.evidence([Self.searchFill("configs", locator: nil)], 0, Self.searchField(value: "config"), out: [Self.searchFill("config")]))
        XCTAssertNil(Self.evidence([next], 0, Self.searchField(value: "conf"), out: [Self.searchFill("config")]))
        XCTAssertNil(Self.evidence([next], 0, Self.searchField(value: "config", name: "Filter"), out: [Self.searchFill("config")]))
        XCTAssertNil(Self.evidence([next], 0, Self.searchField(value: "config"),
                                   out: [Action(kind: .click, time: 6, target: Target(point: Point(x: 260, y: 10)))]))
        XCTAssertNil(Self.evidence([next], 0, Self.searchField(value: "config")))
        // The text stays the field's: another case is an edit, not the same typing.
        XCTAssertNil(Self.evidence([Self.searchFill("Config", locator: nil)], 0, Self.searchField(value: "config"), out: [Self.searchFill("Config")]))
    }

    // MARK: typed over next

    func testTheFieldsOwnTextBeforeTheNextFillIsTypedOver() {
        // board-dialog-escape: "1 I" (the old "1" and the caret) at 16.67 s, Tab, "2" at 18.53 s.
        let steps = [Self.fillAt(16.67, 17.33, "1 I"), Self.press("Tab", at: 17.53), Self.fillAt(18.53, 22.8, "2")]
        XCTAssertEqual(Self.evidence(steps, 0, Self.numberField("1")), .typedOverNext)
        XCTAssertNil(Self.evidence(steps, 0, Self.numberField("3")), "other text: typing")
        XCTAssertNil(Self.evidence(steps, 0, Self.numberField("")), "an empty field: typing")
        XCTAssertNil(Self.evidence(steps, 0, Self.numberField("1", type: "text")), "a text field takes the \"I\" too")
        XCTAssertNil(Self.evidence(steps, 0, Self.numberField("1", password: true)), "a masked field is never judged by its text")
        // The next fill types the same text, or comes late, or into another field.
        let same = [Self.fillAt(16.67, 17.33, "1 I"), Self.fillAt(18.53, 22.8, "1")]
        let late = [Self.fillAt(16.67, 17.33, "1 I"), Self.fillAt(24.0, 25.0, "2")]
        let other = [Self.fillAt(16.67, 17.33, "1 I"), Self.fillAt(18.53, 22.8, "2", y: 500)]
        for (steps, why) in [(same, "the same text again"), (late, "more than 6 s later"), (other, "another field")] {
            XCTAssertNil(Self.evidence(steps, 0, Self.numberField("1")), why)
        }
    }

    // MARK: retyped after keys

    func testAHeldValueRetypedIntoTheFocusedFieldAfterKeysIsNoOp() {
        // wizard-fix-nights-60fps: the refused Next, `fill 'Nights' = '20'` (the field holds "20"
        // and has the focus), an Enter; then the reconcile types "6" into Nights.
        let steps = [Action(kind: .click, time: 22.6, endTime: 22.6), Self.fillAt(22.77, 23.3, "20"), Self.press("Enter", at: 24.57)]
        XCTAssertEqual(Self.retyped(steps, index: 1, prior: "20", focused: true, number: true), .retypedAfterKeys)
        XCTAssertEqual(Self.retyped(steps, index: 1, prior: "20", focused: true, number: false), .retypedAfterKeys)
        // In a number field the reading's caret does not count ("20 ." types as 20).
        XCTAssertEqual(Self.retyped([Self.fillAt(1, 2, "20 .")], index: 0, prior: "20", focused: true, number: true), .retypedAfterKeys)
    }

    func testAFillThatChangedSomethingBeforeTheReconcileStays() {
        let steps = [Self.fillAt(22.77, 23.3, "20"), Self.press("Enter", at: 24.57)]
        // Another value, or the field without the focus before it (the fill moved the focus).
        XCTAssertNil(Self.retyped(steps, index: 0, prior: "2", focused: true, number: true))
        XCTAssertNil(Self.retyped(steps, index: 0, prior: "20", focused: false, number: true))
        // A text field's value in another case is an edit.
        XCTAssertNil(Self.retyped([Self.fillAt(1, 2, "Hello")], index: 0, prior: "hello", focused: true, number: false))
        // A pointer step after it: the retyping is not what follows it.
        XCTAssertNil(Self.retyped(steps + [Action(kind: .click, time: 25, endTime: 25)], index: 0, prior: "20", focused: true, number: true))
        // Not a fill; a masked one.
        XCTAssertNil(Self.retyped(steps, index: 1, prior: "20", focused: true, number: true))
        var secret = Self.fillAt(22.77, 23.3, "20")
        secret.secret = true
        XCTAssertNil(Self.retyped([secret], index: 0, prior: "20", focused: true, number: false))
    }

    // MARK: the comparison

    func testTheHeldTextIsComparedAsTheFieldTakesIt() {
        XCTAssertTrue(Run.sameAsHeld("1 I", held: "1", number: true))
        XCTAssertTrue(Run.sameAsHeld("9 .", held: "9", number: true), "wizard-validation's Guests: a trailing point is no number's")
        XCTAssertFalse(Run.sameAsHeld("12", held: "1", number: true))
        XCTAssertTrue(Run.sameAsHeld("Later |", held: "later", number: false))
        XCTAssertFalse(Run.sameAsHeld("", held: "", number: false), "nothing is no reading")
        XCTAssertFalse(Run.sameAsHeld("I", held: "", number: true))
    }

    func testNothingTypedIsNoFillOfTheHeldText() {
        // An empty fill is LiveGrounder+NoOpTyping.swift's, whatever the field holds.
        XCTAssertNil(Run.heldTextFill(Self.fillAt(1, 2, ""), Run.HeldTextContext(held: "", focusedBefore: true, retypedAfterKeys: true)))
    }
}
