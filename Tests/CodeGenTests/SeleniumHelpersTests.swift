@testable import CodeGen
import Foundation
import ScreenCore
import TestSupport
import XCTest

/// The named XPath helpers at the top of a Selenium script (`by_role`, `field_labelled`,
/// `in_container`, …) must build, when the script runs, exactly the XPath `SeleniumXPath.locate`
/// builds for the same query: that XPath is the one `BrowserXPathTests` and the replays check in
/// Chromium, so equal strings mean the same elements are matched.
final class SeleniumHelpersTests: XCTestCase {
    /// One click per query shape: every role, exact / capitals / substring names, placeholders,
    /// labels with and without a role, icon glyphs, containers; each with ordinary and hostile text.
    static func timeline() -> ActionTimeline {
        var targets: [Target] = []
        let texts = ["Sign in", "CART", "Keep me signed in on this device", "A LONG NAME IN CAPITALS HERE"]
            + HostileValueTests.hostile
        for (i, text) in texts.enumerated() {
            for role in Role.allCases { targets.append(Target(role: role, name: text)) }
            targets += [
                Target(role: .textbox, placeholder: text),
                Target(role: .textbox, label: text),
                Target(role: .combobox, label: text),
                Target(label: text),
                Target(role: .button, label: text),
                Target(text: text),
                Target(role: .button, name: "Delete", context: text),
                Target(role: .textbox, label: "Quantity", context: text),
                Target(role: .checkbox, label: text, context: "Row \(i)"),
                Target(text: text, context: "Card \(i)"),
            ]
        }
        targets += [Target(role: .button, text: "x"), Target(role: .button, text: "+", context: "Blue Mug"), Target(text: "X")]
        let actions = targets.enumerated().map { Action(kind: .click, time: Double($0.offset), target: $0.element) }
            + [Action(kind: .click, time: 9999, target: Target(role: .button, name: "Go"), appeared: HostileValueTests.hostile)]
        return ActionTimeline(source: SampleTimelines.source("helpers"), viewport: SampleTimelines.viewport,
                              startURL: "http://127.0.0.1:8765/", actions: actions)
    }

    /// The XPath of every element and every text check, in script order.
    static func expected(_ timeline: ActionTimeline) -> [String] {
        let plan = Planner(options: RenderOptions()).plan(timeline)
        return plan.steps.flatMap(\.operations).compactMap { op -> String? in
            switch op {
            case .click(.element(let e)): e.offline.map(SeleniumXPath.locate)
            case .expectText(let text): SeleniumXPath.visibleText(text)
            default: nil
            }
        }
    }

    func testEveryQueryUsesAHelper() throws {
        let plan = Planner(options: RenderOptions()).plan(Self.timeline())
        for e in plan.elements {
            XCTAssertNotNil(XPathCall.make(try XCTUnwrap(e.offline)), "\(e)")
        }
    }

    func testPythonHelpersBuildTheGeneratorsXPath() throws {
        try XCTSkipUnless(ScriptRunner.available("python3"), "python3 not installed")
        let timeline = Self.timeline()
        let a = try ScriptRenderer(options: RenderOptions()).render(timeline, target: .seleniumPython)
        XCTAssertFalse(a.text.components(separatedBy: "def main").last?.contains("(By.XPATH, ") ?? true, "no XPath is inlined")
        let calls = try ScriptRunner.python(a.text, environment: [:], in: TempDir("cg-helpers"))
        let built = calls.filter { $0.path.hasSuffix(".find_elements") || $0.path.hasSuffix("visibility_of_any_elements_located") }
            .compactMap { $0.strings.last }
        XCTAssertEqual(built.count, Self.expected(timeline).count)
        for (b, e) in zip(built, Self.expected(timeline)) where b != e { XCTFail("helper built\n\(b)\nexpected\n\(e)") }
    }

    func testJavaHelpersBuildTheGeneratorsXPath() throws {
        try XCTSkipUnless(ScriptRunner.available("javac") && ScriptRunner.available("java"), "no JDK")
        let timeline = Self.timeline()
        let a = try ScriptRenderer(options: RenderOptions()).render(timeline, target: .seleniumJava)
        XCTAssertFalse(a.text.contains("By.xpath(\"//"), "no XPath is inlined")
        let runs = try ScriptRunner.java([(JavaNames.className("helpers"), a.text)], environment: [:], in: TempDir("cg-helpers"))
        let built = try XCTUnwrap(runs.first).filter { $0.path == "By.xpath" }.compactMap { $0.strings.first }
        XCTAssertEqual(built.count, Self.expected(timeline).count)
        for (b, e) in zip(built, Self.expected(timeline)) where b != e { XCTFail("helper built\n\(b)\nexpected\n\(e)") }
    }

    /// A script defines only the helpers it calls.
    func testOnlyUsedHelpersAreDefined() throws {
        let renderer = try ScriptRenderer(options: RenderOptions())
        let todo = try renderer.render(SampleTimelines.todoList, target: .seleniumPython).text
        for used in ["def by_placeholder(", "def by_role(", "def by_text(", "def in_container(", "def set_checked("] {
            XCTAssertTrue(todo.contains(used), used)
        }
        for unused in ["def by_label(", "def field_labelled(", "def any_text(", "FIELDS = "] {
            XCTAssertFalse(todo.contains(unused), unused)
        }
        XCTAssertFalse(todo.contains("\"combobox\": "), "only the roles used are in the table")
        let live = try renderer.render(ActionTimeline(startURL: "http://x/", actions: [
            Action(kind: .click, time: 1, target: Target(role: .button, name: "Go"),
                   grounding: Grounding(status: .verified, selenium: SeleniumLocator(by: .id, value: "go"))),
        ]), target: .seleniumJava).text
        XCTAssertFalse(live.contains("xpathString"), "no helper without an XPath step")
        XCTAssertFalse(live.contains("import java.util.Map;"))
    }
}

/// Values with the form of a date, time or colour input's value are set into such inputs as
/// Playwright's `fill` sets them (keys type their segments differently in each locale); other
/// values are typed, and a script without such values has no `set_value` helper.
final class SeleniumSetValueTests: XCTestCase {
    func testDateTimeAndColourValuesAreSetOthersTyped() {
        for v in ["2027-05-09", "14:30", "09:05:30", "2027-05", "2027-W19", "2027-05-09T14:30", "#1a2B3c"] {
            XCTAssertTrue(SeleniumDialect.setsValue(.literal(v)), v)
        }
        for v in ["Alice", "2027-05-09 ", "05/09/2027", "1234", "#12345", "2027-5-9", "14h30"] {
            XCTAssertFalse(SeleniumDialect.setsValue(.literal(v)), v)
        }
        XCTAssertFalse(SeleniumDialect.setsValue(.secret(name: "PASSWORD")))
    }

    func testTheScriptSetsTheDateAndTypesTheName() throws {
        let actions = [
            Action(kind: .fill, time: 1, target: Target(role: .textbox, label: "Full name"), value: .text("Nadia Petrova")),
            Action(kind: .fill, time: 2, target: Target(role: .textbox, label: "Check-in date"), value: .text("2027-05-09")),
        ]
        let timeline = ActionTimeline(source: SampleTimelines.source("dates"), viewport: SampleTimelines.viewport,
                                      startURL: "http://127.0.0.1:8765/", actions: actions)
        let text = try ScriptRenderer(options: RenderOptions()).render(timeline, target: .seleniumPython).text
        XCTAssertTrue(text.contains("set_value(field, \"2027-05-09\")"), text)
        XCTAssertTrue(text.contains("field.send_keys(\"Nadia Petrova\")"), text)
        XCTAssertFalse(text.contains("set_value(field, \"Nadia Petrova\")"), text)
        XCTAssertEqual(text.components(separatedBy: "def set_value(").count, 2, text)

        let typedOnly = ActionTimeline(source: SampleTimelines.source("names"), viewport: SampleTimelines.viewport,
                                       startURL: "http://127.0.0.1:8765/", actions: [actions[0]])
        let plain = try ScriptRenderer(options: RenderOptions()).render(typedOnly, target: .seleniumPython).text
        XCTAssertFalse(plain.contains("set_value"), plain)

        // Selenium-Java's one fill helper decides by the field's type when the script runs.
        let java = try ScriptRenderer(options: RenderOptions()).render(timeline, target: .seleniumJava).text
        XCTAssertTrue(java.contains("SET_TYPES.contains(type.toLowerCase())"), java)
        XCTAssertTrue(java.contains("fill(clickable("), java)
    }
}
