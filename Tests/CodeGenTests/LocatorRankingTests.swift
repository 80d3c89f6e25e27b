@testable import CodeGen
import ScreenCore
import XCTest

/// The order locators are chosen in, and how text is matched.
final class LocatorRankingTests: XCTestCase {
    func query(_ t: Target) -> ElementQuery? { LocatorRanking.element(t)?.query }

    func testButtonsUseRoleAndNameFromNameOrText() {
        XCTAssertEqual(query(Target(role: .button, name: "Sign in")), .role(.button, name: "Sign in", match: .exact))
        XCTAssertEqual(query(Target(role: .button, text: "Sign in")), .role(.button, name: "Sign in", match: .exact))
        XCTAssertEqual(query(Target(role: .link, name: "Docs", text: "Read the docs")), .role(.link, name: "Docs", match: .exact))
    }

    func testFieldsPreferLabelThenPlaceholderThenName() {
        XCTAssertEqual(query(Target(role: .textbox, name: "New todo", label: "Task", placeholder: "What needs doing?")),
                       .label("Task", match: .exact))
        XCTAssertEqual(query(Target(role: .textbox, name: "New todo", placeholder: "What needs doing?")),
                       .placeholder("What needs doing?", match: .exact))
        XCTAssertEqual(query(Target(role: .textbox, name: "New todo", label: "Task")), .label("Task", match: .exact))
        XCTAssertEqual(query(Target(role: .combobox, name: "Country")), .role(.combobox, name: "Country", match: .exact))
        XCTAssertNil(query(Target(role: .textbox, text: "current value")), "a field's own text is its value")
    }

    func testCheckboxesAndRadiosAreFoundByTheirLabelText() {
        XCTAssertEqual(query(Target(role: .checkbox, text: "Buy milk")), .role(.checkbox, name: "Buy milk", match: .exact))
        XCTAssertEqual(query(Target(role: .radio, label: "Express")), .role(.radio, name: "Express", match: .exact))
    }

    func testUnknownRoleFallsBackToPlaceholderLabelText() {
        XCTAssertEqual(query(Target(placeholder: "Search")), .placeholder("Search", match: .exact))
        XCTAssertEqual(query(Target(label: "Email")), .label("Email", match: .exact))
        XCTAssertEqual(query(Target(text: "Learn more")), .text("Learn more", match: .exact))
    }

    func testCoordinatesOnlyAsLastResort() {
        guard case .point(let p, let why) = LocatorRanking.place(Target(box: Box(x: 10, y: 20, width: 100, height: 40))) else {
            return XCTFail("expected a point")
        }
        XCTAssertEqual(p, PagePoint(x: 60, y: 40))
        XCTAssertTrue(why.hasPrefix("No role, name"))
        guard case .point(let q, _) = LocatorRanking.place(Target(point: Point(x: 1.6, y: 2.4))) else {
            return XCTFail("expected a point")
        }
        XCTAssertEqual(q, PagePoint(x: 2, y: 2))
        guard case .nowhere = LocatorRanking.place(nil) else { return XCTFail("no target, nowhere") }
        guard case .element = LocatorRanking.place(Target(role: .button, text: "OK", point: Point(x: 1, y: 1))) else {
            return XCTFail("text beats coordinates")
        }
    }

    func testMatchIsExactForShortNamesSubstringForLongIgnoringCaseForCapitals() {
        XCTAssertEqual(LocatorRanking.match("Sign in"), .exact)
        XCTAssertEqual(LocatorRanking.match("Add to cart"), .exact)
        XCTAssertEqual(LocatorRanking.match("I agree to the code of conduct"), .substring)
        XCTAssertEqual(LocatorRanking.match("ADD TO CART"), TextMatch(whole: true, ignoringCase: true))
        XCTAssertEqual(LocatorRanking.match("OK"), TextMatch(whole: true, ignoringCase: true))
        XCTAssertEqual(LocatorRanking.match("A"), .exact, "one capital letter is not shouting")
    }

    func testContextIsKeptUnlessItRepeatsTheName() {
        XCTAssertEqual(LocatorRanking.element(Target(role: .button, text: "Add to cart", context: " Blue\nMug "))?.context,
                       "Blue Mug")
        XCTAssertNil(LocatorRanking.element(Target(role: .button, text: "Delete", context: "Delete"))?.context)
    }

    func testWhitespaceIsCollapsedAsXPathDoes() {
        XCTAssertEqual(LocatorRanking.clean("  Sign \r\n\t in "), "Sign in")
        XCTAssertEqual(LocatorRanking.clean("no\u{A0}break\u{2028}sep"), "no\u{A0}break\u{2028}sep")
        XCTAssertNil(LocatorRanking.clean(" \n "))
    }
}

/// Locator expressions each framework receives.
final class LocatorSyntaxTests: XCTestCase {
    let py = PlaywrightLocators(language: .python), ts = PlaywrightLocators(language: .typeScript)

    func testPlaywrightRoleNameExact() {
        let l = ElementLocator(query: .role(.button, name: "Sign in", match: .exact))
        XCTAssertEqual(py.expression(l), #"page.get_by_role("button", name="Sign in", exact=True)"#)
        XCTAssertEqual(ts.expression(l), "page.getByRole('button', { name: 'Sign in', exact: true })")
    }

    func testPlaywrightCapitalsUseACaseInsensitiveWholeTextPattern() {
        let l = ElementLocator(query: .role(.button, name: "CART (2)", match: LocatorRanking.match("CART (2)")))
        XCTAssertEqual(py.expression(l), #"page.get_by_role("button", name=re.compile("^CART \\(2\\)$", re.IGNORECASE))"#)
        XCTAssertEqual(ts.expression(l), #"page.getByRole('button', { name: /^CART \(2\)$/i })"#)
    }

    func testPlaywrightContextNarrowsToTheInnermostContainer() {
        let l = ElementLocator(query: .role(.button, name: "Delete", match: .exact), context: "Buy milk")
        XCTAssertEqual(py.expression(l), #"page.locator("*").filter(has_text="Buy milk")"#
                       + #".filter(has=page.get_by_role("button", name="Delete", exact=True))"#
                       + #".last.get_by_role("button", name="Delete", exact=True)"#)
        XCTAssertTrue(ts.expression(l).hasPrefix("page.locator('*').filter({ hasText: 'Buy milk' }).filter({ has: page.getByRole("))
    }

    func testSeleniumXPathForRoleName() {
        let x = SeleniumXPath.locate(ElementLocator(query: .role(.button, name: "Sign in", match: .exact)))
        XCTAssertEqual(x, "//*[self::button or @role='button' or @type='submit' or @type='button']"
                       + "[normalize-space()='Sign in' or normalize-space(@value)='Sign in' or normalize-space(@aria-label)='Sign in' or "
                       + "(.//text()[normalize-space()='Sign in'] and not(//*[self::button or @role='button' or @type='submit' "
                       + "or @type='button'][normalize-space()='Sign in' or normalize-space(@value)='Sign in' or "
                       + "normalize-space(@aria-label)='Sign in']))]")
    }

    func testSeleniumLabelFollowsForWrappingAndNextField() {
        let x = SeleniumXPath.locate(ElementLocator(query: .label("Email", match: .exact), role: .textbox))
        XCTAssertTrue(x.contains("@id=//label[normalize-space()='Email']/@for"))
        XCTAssertTrue(x.contains("ancestor::label[normalize-space()='Email' or .//text()[normalize-space()='Email']]"))
        XCTAssertTrue(x.hasSuffix("| //label[normalize-space()='Email']/following::*[self::input[not(@type='hidden')] "
                                  + "or self::textarea or self::select][1])[1]"))
        XCTAssertFalse(x.contains("@id='"), "never a guessed id")
    }

    func testSeleniumContextSelectsTheInnermostContainer() {
        let x = SeleniumXPath.locate(ElementLocator(query: .role(.button, name: "Add to cart", match: .exact),
                                                    context: "Blue Mug"))
        let step = SeleniumXPath.step(.role(.button, name: "Add to cart", match: .exact), role: .button)
        XCTAssertEqual(x, "//*[contains(normalize-space(), 'Blue Mug')][.//\(step)]"
                       + "[not(.//*[contains(normalize-space(), 'Blue Mug')][.//\(step)])]//\(step)")
    }

    func testSeleniumCapitalsCompareThroughTranslate() {
        let c = SeleniumXPath.compare("", "ADD", LocatorRanking.match("ADD"))
        XCTAssertEqual(c, "translate(normalize-space(), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')='ADD'")
    }
}
