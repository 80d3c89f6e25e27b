@testable import CodeGen
import Foundation
import ScreenCore
import TestSupport
import XCTest

/// Locators a live session verified are rendered as they are: no look-alike roles, no patterns, no
/// visibility filter, in every Playwright and Selenium target; the scripts compile and run.
final class LiveLocatorTests: XCTestCase {
    let renderer = { () -> ScriptRenderer in
        do { return try ScriptRenderer(options: RenderOptions()) } catch { fatalError("\(error)") }
    }()

    func testPlaywrightPythonRendersEveryKindVerbatim() throws {
        let text = try renderer.render(SampleTimelines.liveGrounded, target: .playwrightPython).text
        for line in [
            #"page.get_by_label("Email", exact=True).fill("ana@example.com")"#,
            #"page.get_by_test_id("password").fill(os.environ["PASSWORD"])"#,
            #"page.get_by_role("button", name="Sign in", exact=True).click()"#,
            #"page.locator("li").filter(has_text="Buy milk").get_by_role("button", name="Delete", exact=True).click()"#,
            #"page.get_by_role("link", name="checkout").click()"#,
            #"page.get_by_text("Add to cart", exact=True).nth(2).click()"#,
            #"page.get_by_placeholder("Search invoices", exact=True).fill("March")"#,
            #"page.get_by_alt_text("Company logo", exact=True).click()"#,
            #"page.get_by_title("Help").click()"#,
            ##"page.locator("#menu > .avatar").click()"##,
        ] {
            XCTAssertTrue(text.contains("        " + line + "\n"), "missing: \(line)\n\(text)")
        }
        XCTAssertFalse(text.contains(".or_("), "a verified locator has no look-alikes")
        XCTAssertFalse(text.contains("IGNORECASE") || text.contains("visible=True"), "nothing guessed")
        XCTAssertFalse(text.contains("#never-used"), "an offline grounding's locator is not used")
        XCTAssertTrue(text.contains(#"page.get_by_role("tab", name="Settings", exact=True).click()"#), "offline step keeps the video's locator")
        if ScriptRunner.available("python3") {
            let calls = try ScriptRunner.python(text, environment: ["PASSWORD": "pw"], in: TempDir("cg-live"))
            XCTAssertTrue(calls.contains { $0.path.hasSuffix(".get_by_test_id") && $0.strings == ["password"] })
        }
    }

    func testPlaywrightTypeScriptRendersEveryKindVerbatim() throws {
        let text = try renderer.render(SampleTimelines.liveGrounded, target: .playwrightTS).text
        for line in [
            "await page.getByLabel('Email', { exact: true }).fill('ana@example.com');",
            "await page.getByTestId('password').fill(process.env.PASSWORD ?? '');",
            "await page.getByRole('button', { name: 'Sign in', exact: true }).click();",
            "await page.locator('li').filter({ hasText: 'Buy milk' }).getByRole('button', { name: 'Delete', exact: true }).click();",
            "await page.getByRole('link', { name: 'checkout' }).click();",
            "await page.getByText('Add to cart', { exact: true }).nth(2).click();",
            "await page.getByAltText('Company logo', { exact: true }).click();",
            "await page.getByTitle('Help').click();",
            "await page.locator('#menu > .avatar').click();",
        ] {
            XCTAssertTrue(text.contains(line), "missing: \(line)\n\(text)")
        }
        XCTAssertFalse(text.contains(".or("), "a verified locator has no look-alikes")
        if ScriptRunner.available("node") {
            let calls = try ScriptRunner.node(text, environment: ["PASSWORD": "pw"], in: TempDir("cg-live"))
            XCTAssertEqual(calls.last?.path, "page.waitForLoadState", "the test ran to the end")
        }
    }

    func testSeleniumRendersTheVerifiedLocatorsAndWaitsForThem() throws {
        let py = try renderer.render(SampleTimelines.liveGrounded, target: .seleniumPython).text
        for line in [
            #"field = wait.until(shown((By.ID, "email")))"#,
            #"field = wait.until(shown((By.NAME, "password")))"#,
            #"wait.until(shown((By.CSS_SELECTOR, "form > button[type=\"submit\"]"))).click()"#,
            #"wait.until(shown((By.XPATH, "//li[.//text()='Buy milk']//button"))).click()"#,
            #"wait.until(shown((By.LINK_TEXT, "Go to checkout"))).click()"#,
            #"wait.until(shown(by_role("tab", "Settings"))).click()"#,
        ] {
            XCTAssertTrue(py.contains(line), "missing: \(line)\n\(py)")
        }
        let java = try renderer.render(SampleTimelines.liveGrounded, target: .seleniumJava).text
        for line in [
            #"fill(clickable(By.id("email")), "ana@example.com");"#,
            #"fill(clickable(By.name("password")), System.getenv("PASSWORD"));"#,
            #"clickable(By.cssSelector("form > button[type=\"submit\"]")).click();"#,
            #"clickable(By.xpath("//li[.//text()='Buy milk']//button")).click();"#,
            #"clickable(By.linkText("Go to checkout")).click();"#,
        ] {
            XCTAssertTrue(java.contains(line), "missing: \(line)\n\(java)")
        }
        if ScriptRunner.available("python3") {
            let calls = try ScriptRunner.python(py, environment: ["PASSWORD": "pw"], in: TempDir("cg-live"))
            XCTAssertTrue(calls.contains { $0.path.hasSuffix(".find_elements") && $0.strings.last == "Go to checkout" })
        }
        if ScriptRunner.available("javac") && ScriptRunner.available("java") {
            let runs = try ScriptRunner.java([(JavaNames.className("ledger-live"), java)], environment: ["PASSWORD": "pw"],
                                             in: TempDir("cg-live"))
            XCTAssertTrue(runs.first?.contains { $0.path == "By.linkText" } ?? false)
        }
    }

    func testPointerGesturesSwitchesAndFocusedKeysInEveryTarget() throws {
        let t = SampleTimelines.pointerAndKeys
        let pw = try renderer.render(t, target: .playwrightPython).text
        for line in [
            #"page.get_by_role("gridcell", name="Q3 total", exact=True).dblclick()"#,
            "page.mouse.dblclick(420, 310)",
            #"page.get_by_role("menuitem", name="Account", exact=True).hover()"#,
            "page.mouse.move(610, 50)",
            #"page.get_by_role("switch", name="Dark mode", exact=True).or_(page.get_by_role("checkbox", name="Dark mode", exact=True)).check()"#,
            #"page.keyboard.press("Control+a")"#, #"page.keyboard.press("Escape")"#, #"page.keyboard.press("Tab")"#,
            #"page.get_by_label("Cell value", exact=True).press("Control+a")"#,
        ] {
            XCTAssertTrue(pw.contains(line), "missing: \(line)\n\(pw)")
        }
        let sel = try renderer.render(t, target: .seleniumPython).text
        for line in [
            #"ActionChains(driver).double_click(wait.until(shown(by_role("gridcell", "Q3 total")))).perform()"#,
            #"ActionChains(driver).move_to_element(wait.until(shown(by_role("menuitem", "Account")))).perform()"#,
            #"set_checked(wait.until(shown(by_role("switch", "Dark mode"))), True)"#,
            #"set_checked(wait.until(shown(by_role("switch", "Email alerts"))), False)"#,
            "ActionChains(driver).key_down(Keys.CONTROL).send_keys(\"a\").key_up(Keys.CONTROL).perform()",
            "ActionChains(driver).send_keys(Keys.ESCAPE).perform()",
            "pointer.pointer_action.double_click()",
        ] {
            XCTAssertTrue(sel.contains(line), "missing: \(line)\n\(sel)")
        }
        let java = try renderer.render(t, target: .seleniumJava).text
        for line in [
            #"new Actions(driver).doubleClick(clickable(By.xpath(byRole("gridcell", "Q3 total")))).perform();"#,
            #"new Actions(driver).moveToElement(clickable(By.xpath(byRole("menuitem", "Account")))).perform();"#,
            #"setChecked(By.xpath(byRole("switch", "Dark mode")), true);"#,
            "new Actions(driver).sendKeys(Keys.ESCAPE).perform();",
            "new Actions(driver).moveToLocation(420, 310).doubleClick().perform();",
        ] {
            XCTAssertTrue(java.contains(line), "missing: \(line)\n\(java)")
        }
        if ScriptRunner.available("python3") {
            let calls = try ScriptRunner.python(sel, environment: [:], in: TempDir("cg-keys"))
            XCTAssertTrue(calls.contains { $0.path.hasSuffix(".get_dom_attribute") && $0.strings == ["aria-checked"] },
                          "a switch is checked through aria-checked")
        }
    }
}
