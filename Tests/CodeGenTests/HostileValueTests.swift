@testable import CodeGen
import Foundation
import ScreenCore
import TestSupport
import XCTest

/// Text read off the screen is untrusted: every kind of quote, backslashes, line breaks, template
/// and interpolation syntax, comment terminators, NUL, emoji, right-to-left text and bidi overrides
/// go through every target as values, names, labels, placeholders, contexts, texts, options, keys
/// and URLs. Each output must parse in its language and hand every value to the browser API exactly.
final class HostileValueTests: XCTestCase {
    static let hostile: [String] = [
        #"He said "hi" & it's <b>bold</b>"#,
        #"'single' "double" `back` ''' """ \"escaped\""#,
        #"C:\new\table\u0041\x41\\ trailing\"#,
        "line1\nline2\r\nline3\rend",
        "${x} #{y} %s {0} $(whoami) `id`",
        "*/ /* --> <!-- // # %>",
        "</script><script>alert(1)</script>",
        "nul\u{0}byte and bell\u{7}",
        "emoji 👩‍💻🎉 and flag 🇵🇹",
        "עברית right-to-left عربى",
        "bidi \u{202E}evil\u{202C} \u{2066}iso\u{2069} zero\u{200B}width",
        "{{mustache}} {{{triple}}} {{> partial}} {{#s}}x{{/s}}",
        "sep\u{2028}line\u{2029}para\u{85}nel",
        #"\u0022); System.exit(1); //"#,
        "tab\there",
        "# -*- coding: latin-1 -*-",
        "both ' and \" quotes",
    ]
    static let secretSentinel = "SUPER-SECRET-VALUE-\u{0}-'\"-42"

    /// One timeline using every hostile value in every role the model has for text.
    static func timeline() -> ActionTimeline {
        var actions: [Action] = []
        for (i, h) in hostile.enumerated() {
            let t = Double(i * 20)
            actions += [
                Action(kind: .goto, time: t, value: .text("https://example.com/\(i)?q=" + h)),
                Action(kind: .fill, time: t + 1, target: Target(role: .textbox, label: h), value: .text(h)),
                Action(kind: .fill, time: t + 2, target: Target(role: .textbox, placeholder: h), value: .text(h)),
                Action(kind: .click, time: t + 3, target: Target(role: .button, name: h)),
                Action(kind: .click, time: t + 4, target: Target(role: .button, name: "Delete", context: h)),
                Action(kind: .click, time: t + 5, target: Target(role: .link, text: h)),
                Action(kind: .click, time: t + 6, target: Target(text: h)),
                Action(kind: .select, time: t + 7, target: Target(role: .combobox, label: "Country"), value: .text(h)),
                Action(kind: .check, time: t + 8, target: Target(role: .checkbox, label: h), value: .flag(true)),
                Action(kind: .press, time: t + 9, target: Target(role: .textbox, label: "Notes"), value: .text(h)),
                Action(kind: .click, time: t + 10, target: Target(role: .button, name: "Go"),
                       navigatesTo: "https://example.com/\(i)/" + h, appeared: [h]),
                Action(kind: .fill, time: t + 11, target: Target(role: .textbox, label: h),
                       value: .text(secretSentinel), secret: true),
            ]
            // Locators a live session verified: every field of LiveLocator, LiveScope and
            // SeleniumLocator carries the hostile text, and is rendered verbatim.
            let strategies = SeleniumLocator.Strategy.allCases
            actions.append(Action(kind: .click, time: t + 12, target: Target(role: .button, name: "Delete", context: h),
                                  grounding: Grounding(status: .verified,
                                                       locator: LiveLocator(kind: .role, value: h, name: h, exact: true,
                                                                            scope: LiveScope(css: h, hasText: h), nth: i),
                                                       selenium: SeleniumLocator(by: strategies[i % strategies.count], value: h))))
            for (k, kind) in LiveLocator.Kind.allCases.enumerated() {
                actions.append(Action(kind: k % 2 == 0 ? .dblclick : .hover, time: t + 13 + Double(k) * 0.1,
                                      grounding: Grounding(status: .corrected,
                                                           locator: LiveLocator(kind: kind, value: h, exact: k % 3 == 0),
                                                           selenium: SeleniumLocator(by: strategies[(i + k) % strategies.count], value: h),
                                                           corrections: [h])))
            }
        }
        return ActionTimeline(source: SampleTimelines.source("x"), viewport: SampleTimelines.viewport,
                              startURL: "https://example.com/start?" + hostile.joined(), actions: actions)
    }

    /// What the browser must receive: values typed, chosen and typed as keys exactly; names, labels,
    /// contexts, texts and URLs with their whitespace collapsed (every locator normalises it).
    static var exactValues: [String] { hostile }
    static var normalisedValues: [String] { hostile.compactMap(LocatorRanking.clean) }

    /// Set `CODEGEN_DUMP_DIR` to keep the rendered files for reading.
    func render(_ target: ScriptTarget) throws -> RenderedArtifact {
        let a = try ScriptRenderer(options: RenderOptions()).render(Self.timeline(), target: target)
        if let dir = ProcessInfo.processInfo.environment["CODEGEN_DUMP_DIR"] {
            try? a.text.write(toFile: "\(dir)/hostile.\(target.rawValue).\(a.suggestedFileExtension)", atomically: true,
                              encoding: .utf8)
        }
        return a
    }

    func secretEnvironment(_ a: RenderedArtifact) -> [String: String] {
        Dictionary(uniqueKeysWithValues: a.secrets.map { ($0, "from-env") })
    }

    // MARK: - Secrets

    func testNoSecretValueReachesAnyOutput() throws {
        for target in ScriptTarget.allCases {
            let a = try render(target)
            XCTAssertFalse(a.text.contains("SUPER-SECRET"), "\(target.rawValue) leaks a secret value")
            if target != .timeline && target != .steps {
                XCTAssertEqual(a.secrets.count, Self.hostile.count, target.rawValue)
            }
        }
    }

    func testSecretHeaderLinesDeclareEveryVariable() throws {
        let regex = try NSRegularExpression(pattern: #"^\s*(#|//)\s*secret:\s*([A-Z][A-Z0-9_]*) — "#,
                                            options: [.anchorsMatchLines])
        for target in [ScriptTarget.playwrightPython, .playwrightTS, .seleniumPython, .seleniumJava] {
            let a = try render(target)
            let range = NSRange(a.text.startIndex..., in: a.text)
            let names = regex.matches(in: a.text, range: range).compactMap { m in
                Range(m.range(at: 2), in: a.text).map { String(a.text[$0]) }
            }
            XCTAssertEqual(names, a.secrets, target.rawValue)
            XCTAssertEqual(Set(names).count, names.count, "\(target.rawValue): names must be unique")
        }
    }

    // MARK: - Each language

    func testPlaywrightPythonParsesAndCarriesEveryValue() throws {
        try XCTSkipUnless(ScriptRunner.available("python3"), "python3 not installed")
        let a = try render(.playwrightPython)
        let calls = try ScriptRunner.python(a.text, environment: secretEnvironment(a), in: TempDir("cg-py"))
        try assertCarries(calls.flatMap(\.strings), target: a.target)
    }

    func testSeleniumPythonParsesAndCarriesEveryValue() throws {
        try XCTSkipUnless(ScriptRunner.available("python3"), "python3 not installed")
        let a = try render(.seleniumPython)
        let calls = try ScriptRunner.python(a.text, environment: secretEnvironment(a), in: TempDir("cg-sel"))
        try assertCarries(calls.flatMap(\.strings), target: a.target)
    }

    func testPlaywrightTypeScriptParsesAndCarriesEveryValue() throws {
        try XCTSkipUnless(ScriptRunner.available("node"), "node not installed")
        let a = try render(.playwrightTS)
        let calls = try ScriptRunner.node(a.text, environment: secretEnvironment(a), in: TempDir("cg-ts"))
        try assertCarries(calls.flatMap(\.strings), target: a.target)
    }

    func testSeleniumJavaCompilesAndCarriesEveryValue() throws {
        try XCTSkipUnless(ScriptRunner.available("javac") && ScriptRunner.available("java"), "no JDK")
        let a = try render(.seleniumJava)
        let className = JavaNames.className("x")
        let calls = try ScriptRunner.java([(className, a.text)], environment: secretEnvironment(a), in: TempDir("cg-java"))
        try assertCarries(calls.flatMap { $0.flatMap(\.strings) }, target: a.target)
    }

    func testTimelineJSONRoundTripsEveryValue() throws {
        let a = try render(.timeline)
        let decoded = try JSONDecoder().decode(ActionTimeline.self, from: Data(a.text.utf8))
        let original = Self.timeline()
        XCTAssertEqual(decoded.startURL, original.startURL)
        XCTAssertEqual(decoded.actions.count, original.actions.count)
        for (d, o) in zip(decoded.actions, original.actions) {
            XCTAssertEqual(d.target, o.target)
            XCTAssertEqual(d.value, o.secret ? nil : o.value)
            XCTAssertEqual(d.navigatesTo, o.navigatesTo)
            XCTAssertEqual(d.appeared, o.appeared)
            XCTAssertEqual(d.grounding, o.grounding)
        }
    }

    func testStepsKeepTheirListStructure() throws {
        let a = try render(.steps)
        let lines = a.text.components(separatedBy: "\n")
        var expected = 1
        var inList = false
        for line in lines {
            if let dot = line.firstIndex(of: "."), let n = Int(line[..<dot]), line[dot...].hasPrefix(". ") {
                XCTAssertEqual(n, expected, "step numbers run in order: \(line)")
                expected += 1
                inList = true
            } else if inList {
                XCTAssertTrue(line.isEmpty || line.hasPrefix("   "), "a line inside the list is not indented: \(line)")
            }
            for s in line.unicodeScalars {
                XCTAssertFalse(InvisibleScalars.mustEscape(s), "raw invisible U+\(String(s.value, radix: 16)) in: \(line)")
            }
        }
        XCTAssertEqual(expected - 1, Self.timeline().actions.count, "one item per action (the first opens a page)")
    }

    // MARK: - Checks

    /// Every value must reach the API: as a string argument, or (Selenium) inside an XPath literal.
    func assertCarries(_ strings: [String], target: ScriptTarget, file: StaticString = #filePath,
                       line: UInt = #line) throws {
        let received = Set(strings)
        var inXPath = Set<String>()
        for s in strings where s.hasPrefix("//") || s.hasPrefix("(//") {
            guard let values = XPathLiterals.values(in: s) else {
                XCTFail("\(target.rawValue): malformed XPath \(s)", file: file, line: line)
                continue
            }
            inXPath.formUnion(values)
        }
        for h in Self.exactValues where !received.contains(h) {
            XCTFail("\(target.rawValue): value \(h.debugDescription) did not arrive exactly", file: file, line: line)
        }
        for h in Self.normalisedValues where !received.contains(h) && !inXPath.contains(h) {
            XCTFail("\(target.rawValue): name \(h.debugDescription) did not arrive exactly", file: file, line: line)
        }
        XCTAssertTrue(received.contains("from-env"), "\(target.rawValue): secret fills must type the environment variable",
                      file: file, line: line)
    }
}
