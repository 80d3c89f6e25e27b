@testable import CodeGen
import Foundation
import TestSupport
import XCTest

/// Every sample timeline's scripts compile and run to the end under the recording fakes, so each
/// branch of each template (coordinates, chords, scrolling, unticking, notes) is valid code, and
/// the calls are the ones the timeline asks for.
final class SampleScriptsRunTests: XCTestCase {
    let renderer = { () -> ScriptRenderer in
        do { return try ScriptRenderer(options: RenderOptions()) } catch { fatalError("\(error)") }
    }()

    func environment(_ a: RenderedArtifact) -> [String: String] {
        Dictionary(uniqueKeysWithValues: a.secrets.map { ($0, "secret-of-\($0)") })
    }

    func testPythonScriptsRun() throws {
        try XCTSkipUnless(ScriptRunner.available("python3"), "python3 not installed")
        for (name, timeline) in SampleTimelines.all {
            for target in [ScriptTarget.playwrightPython, .seleniumPython] {
                let a = try renderer.render(timeline, target: target)
                let calls = try ScriptRunner.python(a.text, environment: environment(a), in: TempDir("cg-run"))
                XCTAssertGreaterThan(calls.count, timeline.actions.count, "\(name) \(target.rawValue)")
                for secret in a.secrets {
                    XCTAssertTrue(calls.contains { $0.strings.contains("secret-of-\(secret)") }, "\(name): \(secret) typed")
                }
            }
        }
    }

    func testTypeScriptSpecsRun() throws {
        try XCTSkipUnless(ScriptRunner.available("node"), "node not installed")
        for (name, timeline) in SampleTimelines.all {
            let a = try renderer.render(timeline, target: .playwrightTS)
            let calls = try ScriptRunner.node(a.text, environment: environment(a), in: TempDir("cg-run"))
            XCTAssertGreaterThan(calls.count, timeline.actions.count, name)
            XCTAssertEqual(calls.last?.path, "page.waitForLoadState", "\(name): the test ran to the end")
        }
    }

    func testJavaClassesCompileAndRun() throws {
        try XCTSkipUnless(ScriptRunner.available("javac") && ScriptRunner.available("java"), "no JDK")
        var sources: [(String, String)] = []
        var env: [String: String] = [:]
        for (_, timeline) in SampleTimelines.all {
            let a = try renderer.render(timeline, target: .seleniumJava)
            let plan = Planner(options: RenderOptions()).plan(timeline)
            sources.append((JavaNames.className(plan.title), a.text))
            env.merge(environment(a)) { $1 }
        }
        let runs = try ScriptRunner.java(sources, environment: env, in: TempDir("cg-run"))
        for (run, (_, timeline)) in zip(runs, SampleTimelines.all) {
            XCTAssertTrue(run.contains { $0.path == "driver.quit" }, "ran to the end")
            XCTAssertGreaterThan(run.count, timeline.actions.count)
        }
    }

    /// Icon-glyph locators (regular expressions, XPath `or`s) render in all six targets, and the
    /// generated code runs.
    func testIconGlyphTimelineRendersAndRunsInEveryTarget() throws {
        let timeline = SampleTimelines.iconGlyphs
        for target in ScriptTarget.allCases {
            let a = try renderer.render(timeline, target: target)
            XCTAssertFalse(a.text.isEmpty, target.rawValue)
        }
        let steps = try renderer.render(timeline, target: .steps).text
        XCTAssertTrue(steps.contains("Click the **x** button next to **Walk the dog**"), "steps name what the video showed:\n\(steps)")
        if ScriptRunner.available("python3") {
            for target in [ScriptTarget.playwrightPython, .seleniumPython] {
                let a = try renderer.render(timeline, target: target)
                XCTAssertTrue(a.text.contains("(?:x|×|✕|✖|X)") || a.text.contains(#"any_text("x", "×", "✕", "✖", "X")"#), target.rawValue)
                let calls = try ScriptRunner.python(a.text, environment: [:], in: TempDir("cg-run"))
                XCTAssertGreaterThan(calls.count, timeline.actions.count, target.rawValue)
            }
        }
        if ScriptRunner.available("node") {
            let a = try renderer.render(timeline, target: .playwrightTS)
            XCTAssertTrue(a.text.contains(#"getByText(/^\s*(?:\+|＋)\s*$/)"#), a.text)
            let calls = try ScriptRunner.node(a.text, environment: [:], in: TempDir("cg-run"))
            XCTAssertEqual(calls.last?.path, "page.waitForLoadState", "the test ran to the end")
        }
        if ScriptRunner.available("javac") && ScriptRunner.available("java") {
            let a = try renderer.render(timeline, target: .seleniumJava)
            let plan = Planner(options: RenderOptions()).plan(timeline)
            let runs = try ScriptRunner.java([(JavaNames.className(plan.title), a.text)], environment: [:], in: TempDir("cg-run"))
            XCTAssertTrue(runs.first?.contains { $0.path == "driver.quit" } ?? false, "ran to the end")
        }
    }

    func testSignupFormSelectsChecksAndWaitsForTheNewPage() throws {
        try XCTSkipUnless(ScriptRunner.available("python3"), "python3 not installed")
        let a = try renderer.render(SampleTimelines.signupForm, target: .playwrightPython)
        let calls = try ScriptRunner.python(a.text, environment: environment(a), in: TempDir("cg-run"))
        let paths = calls.map(\.path)
        XCTAssertTrue(paths.contains { $0.hasSuffix(".select_option") })
        XCTAssertTrue(paths.contains { $0.hasSuffix(".uncheck") })
        XCTAssertTrue(paths.contains { $0.hasSuffix(".to_have_url") })
        XCTAssertEqual(calls.first { $0.path.hasSuffix(".select_option") }?.strings, ["Portugal"])
    }
}
