@testable import CodeGen
import ScreenCore
import XCTest

/// An element found by text read off the video falls back to the recorded point when the text
/// finds nothing (`PlacementResolving.fallback`): only for the video's own locators, never for
/// one a live session verified, and only when the video shows where the element is.
final class PointFallbackTests: XCTestCase {
    let renderer = { () -> ScriptRenderer in
        do { return try ScriptRenderer(options: RenderOptions()) } catch { fatalError("\(error)") }
    }()

    static func timeline(_ actions: [Action]) -> ActionTimeline {
        ActionTimeline(source: SampleTimelines.source("fallback"), viewport: SampleTimelines.viewport,
                       startURL: "http://127.0.0.1:8765/app/", actions: actions)
    }

    /// A misread name ("bs" for a switch's "Beta features"), a field and a check, each with the
    /// point the pointer was at.
    static let misread = timeline([
        Action(kind: .click, time: 1.0, target: Target(text: "bs", point: Point(x: 1269.2, y: 563.4))),
        Action(kind: .fill, time: 2.0, target: Target(role: .textbox, label: "Display nane", point: Point(x: 400, y: 200)),
               value: .text("Alex")),
        Action(kind: .check, time: 3.0, target: Target(role: .radio, text: "No", point: Point(x: 50, y: 60)), value: .flag(true)),
        Action(kind: .dblclick, time: 4.0, target: Target(role: .button, name: "Tove Aalto", point: Point(x: 70, y: 80))),
    ])

    func testPlaywrightWaitsForTheVideosLocatorThenActsAtThePoint() throws {
        let text = try renderer.render(Self.misread, target: .playwrightPython).text
        XCTAssertTrue(text.contains("from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, expect"), text)
        XCTAssertTrue(text.contains("def found(target) -> bool:"), text)
        // One line a step, through the helpers at the top.
        XCTAssertTrue(text.contains("""
                    click_or_at(page, page.get_by_text("bs", exact=True).filter(visible=True), 1269, 563)
            """), text)
        XCTAssertTrue(text.contains(", 400, 200, \"Alex\")\n"), text)
        XCTAssertTrue(text.contains("        fill_or_at(page, "), text)
        XCTAssertTrue(text.contains("        check_or_at(page, ") && text.contains(", 50, 60)\n"), text)
        XCTAssertTrue(text.contains(", 70, 80, count=2)\n"), text)
        XCTAssertTrue(text.contains("""
            def fill_or_at(page, target, x, y, value):
            """), text)
        XCTAssertTrue(text.contains("""
                    page.mouse.click(x, y)
                    page.keyboard.press("ControlOrMeta+A")
                    page.keyboard.insert_text(value)
            """), text)
        XCTAssertFalse(text.contains("target = "), "no per-step if/else blocks\n\(text)")
    }

    func testSeleniumWaitsForTheVideosLocatorThenActsAtThePoint() throws {
        let text = try renderer.render(Self.misread, target: .seleniumPython).text
        XCTAssertTrue(text.contains("from selenium.common.exceptions import TimeoutException"), text)
        XCTAssertTrue(text.contains("from selenium.webdriver.common.actions.action_builder import ActionBuilder"), text)
        XCTAssertTrue(text.contains("def found(driver, locator):"), text)
        XCTAssertTrue(text.contains("from selenium.webdriver.common.action_chains import ActionChains"), text)
        XCTAssertTrue(text.contains("""
                    click_or_at(driver, by_text("bs"), 1269, 563)
            """), text)
        XCTAssertTrue(text.contains("        field = field_or_at(driver, ") && text.contains(", 400, 200)\n"), text)
        XCTAssertTrue(text.contains("""
                        set_checked(element, True)
                    else:
                        act_at(driver, 50, 60)
            """), text)
        XCTAssertTrue(text.contains(", 70, 80, double=True)\n"), text)
    }

    func testNoFallbackWithoutAPointOrForALiveLocator() throws {
        let noPoint = Self.timeline([Action(kind: .click, time: 1.0, target: Target(role: .button, name: "Save"))])
        for target in [ScriptTarget.playwrightPython, .seleniumPython] {
            let text = try renderer.render(noPoint, target: target).text
            XCTAssertFalse(text.contains("found("), "\(target.rawValue): no point, no fallback\n\(text)")
            XCTAssertFalse(text.contains("FALLBACK_SECONDS"), "\(target.rawValue): the helper is defined only when used")
        }
        let live = Self.timeline([
            Action(kind: .click, time: 1.0, target: Target(role: .button, name: "Sigm in", point: Point(x: 5, y: 6)),
                   grounding: Grounding(status: .corrected, locator: LiveLocator(kind: .role, value: "button", name: "Sign in"),
                                        selenium: SeleniumLocator(by: .id, value: "signin"))),
        ])
        for target in [ScriptTarget.playwrightPython, .seleniumPython] {
            let text = try renderer.render(live, target: target).text
            XCTAssertFalse(text.contains("found("), "\(target.rawValue): a verified locator is used as it is\n\(text)")
            XCTAssertFalse(text.contains("(5, 6)") || text.contains("5, 6)"), "\(target.rawValue): no point\n\(text)")
        }
        // Grounded for Playwright only: Selenium still uses the video's locator, with the fallback.
        let playwrightOnly = Self.timeline([
            Action(kind: .click, time: 1.0, target: Target(role: .button, name: "Sigm in", point: Point(x: 5, y: 6)),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .role, value: "button", name: "Sign in"))),
        ])
        XCTAssertFalse(try renderer.render(playwrightOnly, target: .playwrightPython).text.contains("found("))
        XCTAssertTrue(try renderer.render(playwrightOnly, target: .seleniumPython).text.contains(", 5, 6)\n"))
    }

    /// A choice in a list read off the video: the list's name can be misread (a select named by
    /// the option it showed) or the "list" a page re-rendered under a button; the step falls back
    /// to the `<select>` at its point, or a click there when what is there is no `<select>`.
    func testAChoiceFallsBackToTheSelectAtItsPoint() throws {
        let choice = Self.timeline([
            Action(kind: .select, time: 1.0, target: Target(role: .combobox, name: "Maya Chen", point: Point(x: 457, y: 214)),
                   value: .text("Priya Nair")),
        ])
        let playwright = try renderer.render(choice, target: .playwrightPython).text
        XCTAssertTrue(playwright.contains("""
                    select_or_at(page, page.get_by_role("combobox", name="Maya Chen", exact=True), 457, 214, "Priya Nair")
            """), playwright)
        XCTAssertTrue(playwright.contains("def select_or_at(page, target, x, y, option):"), playwright)
        XCTAssertTrue(playwright.contains("document.elementFromPoint(x, y)") && playwright.contains("== \"SELECT\""), playwright)
        XCTAssertFalse(playwright.contains(").select_option(label=\"Priya Nair\")"), playwright)
        let selenium = try renderer.render(choice, target: .seleniumPython).text
        XCTAssertTrue(selenium.contains("        select_or_at(driver, ") && selenium.contains(", 457, 214, \"Priya Nair\")\n"), selenium)
        XCTAssertTrue(selenium.contains("def select_or_at(driver, locator, x, y, option):"), selenium)
        XCTAssertTrue(selenium.contains("import Select, WebDriverWait"), selenium)
        XCTAssertTrue(selenium.contains("tag_name.lower() == \"select\""), selenium)
        // A list a live session verified is chosen in as it is.
        let live = Self.timeline([
            Action(kind: .select, time: 1.0, target: Target(role: .combobox, name: "Maya Chen", point: Point(x: 457, y: 214)),
                   value: .text("Priya Nair"),
                   grounding: Grounding(status: .corrected, locator: LiveLocator(kind: .role, value: "combobox", name: "Assignee"),
                                        selenium: SeleniumLocator(by: .id, value: "assignee"))),
        ])
        for target in [ScriptTarget.playwrightPython, .seleniumPython] {
            let text = try renderer.render(live, target: target).text
            XCTAssertFalse(text.contains("select_or_at"), "\(target.rawValue): a verified list needs no fallback\n\(text)")
        }
    }

    func testTheTypeScriptAndJavaTargetsAreUnchanged() throws {
        // Only the Python targets, which the eval replays, carry the fallback so far.
        XCTAssertFalse(try renderer.render(Self.misread, target: .playwrightTS).text.contains("1269"))
        XCTAssertFalse(try renderer.render(Self.misread, target: .seleniumJava).text.contains("1269"))
    }
}
