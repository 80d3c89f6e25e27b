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

    func testIconGlyphsAreFoundByTheirTextInAnySpelling() {
        let close = TextMatch(whole: true, ignoringCase: false, alternatives: ["\u{2715}", "\u{2716}", "x", "X"])
        XCTAssertEqual(query(Target(role: .button, text: "\u{D7}")), .text("\u{D7}", match: close))
        XCTAssertEqual(query(Target(role: .button, name: " x ")),
                       .text("x", match: TextMatch(whole: true, ignoringCase: false, alternatives: ["\u{D7}", "\u{2715}", "\u{2716}", "X"])))
        XCTAssertEqual(query(Target(text: "X"))?.match.alternatives, ["\u{D7}", "\u{2715}", "\u{2716}", "x"])
        XCTAssertEqual(query(Target(role: .link, text: "\u{2716}\u{FE0F}"))?.match.alternatives,
                       ["\u{D7}", "\u{2715}", "\u{2716}", "x", "X"], "a variation selector is kept as its own spelling")
        XCTAssertEqual(query(Target(role: .button, text: "+")),
                       .text("+", match: TextMatch(whole: true, ignoringCase: false, alternatives: ["\u{FF0B}"])))
        XCTAssertEqual(query(Target(role: .button, text: "-"))?.match.alternatives, ["\u{2212}", "\u{2013}", "\u{2014}"])
        XCTAssertEqual(query(Target(role: .button, text: "\u{2212}"))?.match.alternatives, ["-", "\u{2013}", "\u{2014}"])

        // The glyphs the analyser reads from their shape: found by their text, not as a role's name.
        XCTAssertEqual(query(Target(role: .button, text: "\u{2192}")),
                       .text("\u{2192}", match: TextMatch(whole: true, ignoringCase: false, alternatives: ["\u{2794}", "\u{279C}"])))
        XCTAssertEqual(query(Target(role: .button, text: "\u{2606}")),
                       .text("\u{2606}", match: TextMatch(whole: true, ignoringCase: false, alternatives: [])))
        XCTAssertEqual(query(Target(role: .button, text: "\u{270E}"))?.match.alternatives, ["\u{270F}", "\u{2710}"])
        XCTAssertEqual(query(Target(role: .button, name: "Delete", text: "\u{D7}")), .role(.button, name: "Delete", match: .exact),
                       "a known name still wins")
        XCTAssertEqual(query(Target(role: .button, text: "xx")), .role(.button, name: "xx", match: .exact))
        XCTAssertEqual(query(Target(role: .button, text: "x 2")), .role(.button, name: "x 2", match: .exact))
        XCTAssertEqual(query(Target(role: .checkbox, text: "x")), .role(.checkbox, name: "x", match: .exact))
        XCTAssertEqual(query(Target(placeholder: "-")), .placeholder("-", match: .exact), "placeholders are no icons")
        XCTAssertEqual(LocatorRanking.element(Target(role: .button, text: "x", context: "Walk the dog"))?.context, "Walk the dog")
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
        // A button in the video may be a tab on the page: either role.
        XCTAssertEqual(py.expression(l), #"page.get_by_role("button", name="Sign in", exact=True)"#
                       + #".or_(page.get_by_role("tab", name="Sign in", exact=True))"#
                       + #".or_(page.get_by_role("menuitem", name="Sign in", exact=True))"#)
        XCTAssertEqual(ts.expression(l), "page.getByRole('button', { name: 'Sign in', exact: true })"
                       + ".or(page.getByRole('tab', { name: 'Sign in', exact: true }))"
                       + ".or(page.getByRole('menuitem', { name: 'Sign in', exact: true }))")
        let link = ElementLocator(query: .role(.link, name: "Help", match: .exact))
        XCTAssertEqual(py.expression(link), #"page.get_by_role("link", name="Help", exact=True)"#)
    }

    func testPlaywrightCapitalsUseACaseInsensitiveWholeTextPattern() {
        let l = ElementLocator(query: .role(.button, name: "CART (2)", match: LocatorRanking.match("CART (2)")))
        XCTAssertEqual(py.query(l.query), #"get_by_role("button", name=re.compile("^CART \\(2\\)$", re.IGNORECASE))"#)
        XCTAssertEqual(ts.query(l.query), #"getByRole('button', { name: /^CART \(2\)$/i })"#)
    }

    func testPlaywrightContextNarrowsToTheInnermostContainer() {
        let l = ElementLocator(query: .role(.button, name: "Delete", match: .exact), context: "Buy milk")
        // Inside a container a button is only a button (no tab or menu-item look-alikes).
        let q = #"get_by_role("button", name="Delete", exact=True)"#
        let container = #"page.locator("*").filter(has_text="Buy milk")"# + ".filter(has=page.\(q)).last"
        XCTAssertEqual(py.expression(l), "\(container).\(q)")
        XCTAssertEqual(ts.expression(l), "page.locator('*').filter({ hasText: 'Buy milk' }).filter({ has: page.getByRole('button', { name: 'Delete', exact: true }) }).last().getByRole('button', { name: 'Delete', exact: true })")
        // A toggle in a row may still be a checkbox or a radio.
        let toggle = ElementLocator(query: .role(.checkbox, name: "Express", match: .exact), context: "Delivery")
        XCTAssertTrue(py.expression(toggle).contains(#".or_(page.locator("*").filter(has_text="Delivery")"#), py.expression(toggle))
        XCTAssertFalse(py.expression(toggle).contains("menuitem"))
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
        // The context is a substring, compared ignoring case (as Playwright's has_text).
        let holds = "contains(translate(normalize-space(), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), "
            + "translate('Blue Mug', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))"
        XCTAssertEqual(x, "//*[\(holds)][.//\(step)][not(.//*[\(holds)][.//\(step)])]//\(step)")
    }

    func testContextShownInSmallLettersKeepsItsCase() {
        // A section heading "Caching": every section's prose says "routing and caching", so a context
        // compared ignoring case holds in every section and the last one's "Yes" is clicked.
        let l = LocatorRanking.element(Target(role: .button, name: "Yes", context: "Caching"))!
        XCTAssertTrue(l.contextMatchesCase)
        XCTAssertTrue(py.expression(l).hasPrefix(#"page.locator("*").filter(has_text=re.compile("Caching")).filter(has="#), py.expression(l))
        XCTAssertTrue(ts.expression(l).hasPrefix("page.locator('*').filter({ hasText: /Caching/ })"), ts.expression(l))
        let x = SeleniumXPath.locate(l)
        XCTAssertTrue(x.hasPrefix("//*[contains(normalize-space(), 'Caching')][.//"), x)
        XCTAssertFalse(x.contains("translate("), x)
        // Metacharacters are escaped in the pattern.
        let price = LocatorRanking.element(Target(role: .button, name: "Add", context: "Mug (blue)"))!
        XCTAssertTrue(py.expression(price).contains(#"has_text=re.compile("Mug \\(blue\\)")"#), py.expression(price))
        // Shown in capitals (maybe CSS text-transform), or without letters: any case, as before.
        for context in ["RELEASE NOTES", "€129.00"] {
            let c = LocatorRanking.element(Target(role: .button, name: "Yes", context: context))!
            XCTAssertFalse(c.contextMatchesCase, context)
            XCTAssertTrue(py.expression(c).contains("has_text=\(PythonLiteral.string(context))"), py.expression(c))
        }
    }

    func testIconGlyphsMatchAnySpellingAsTheWholeText() {
        let l = LocatorRanking.element(Target(role: .button, text: "\u{D7}"))!
        XCTAssertEqual(py.expression(l), #"page.get_by_text(re.compile("^\\s*(?:×|✕|✖|x|X)\\s*$")).filter(visible=True)"#)
        XCTAssertEqual(ts.expression(l), #"page.getByText(/^\s*(?:×|✕|✖|x|X)\s*$/).filter({ visible: true })"#)
        XCTAssertTrue(PlaywrightLocators.needsRegex(l.query.match), "the script imports re")
        let c = "(normalize-space()='×' or normalize-space()='✕' or normalize-space()='✖' or normalize-space()='x' "
            + "or normalize-space()='X')"
        XCTAssertEqual(SeleniumXPath.locate(l), "//*[\(c)][not(.//*[\(c)])]")

        let plus = LocatorRanking.element(Target(role: .button, text: "+"))!
        XCTAssertEqual(py.expression(plus), #"page.get_by_text(re.compile("^\\s*(?:\\+|＋)\\s*$")).filter(visible=True)"#)
        XCTAssertEqual(ts.expression(plus), #"page.getByText(/^\s*(?:\+|＋)\s*$/).filter({ visible: true })"#)
        let minus = LocatorRanking.element(Target(role: .button, text: "-"))!
        XCTAssertEqual(ts.expression(minus), #"page.getByText(/^\s*(?:\-|−|–|—)\s*$/).filter({ visible: true })"#)
    }

    func testIconGlyphsKeepTheirContext() {
        let l = LocatorRanking.element(Target(role: .button, text: "x", context: "Walk the dog"))!
        let q = #"get_by_text(re.compile("^\\s*(?:x|×|✕|✖|X)\\s*$"))"#
        XCTAssertEqual(py.expression(l), #"page.locator("*").filter(has_text=re.compile("Walk the dog")).filter(has=page."# + q + ").last." + q
                       + ".filter(visible=True)")
        XCTAssertEqual(ts.expression(l), "page.locator('*').filter({ hasText: /Walk the dog/ }).filter({ has: page."
                       + #"getByText(/^\s*(?:x|×|✕|✖|X)\s*$/) }).last().getByText(/^\s*(?:x|×|✕|✖|X)\s*$/).filter({ visible: true })"#)
        let step = SeleniumXPath.step(l.query, role: .button)
        XCTAssertTrue(step.hasPrefix("*[(normalize-space()='x' or normalize-space()='×' or "))
        // (Shown in small letters, the context keeps its case: see testContextShownInSmallLettersKeepsItsCase.)
        let holds = "contains(normalize-space(), 'Walk the dog')"
        XCTAssertEqual(SeleniumXPath.locate(l), "//*[\(holds)][.//\(step)][not(.//*[\(holds)][.//\(step)])]//\(step)")
    }

    func testAlternativesGoThroughTheEscapers() {
        let m = TextMatch(whole: true, ignoringCase: false, alternatives: ["it's \"q\"", "a\nb"])
        XCTAssertEqual(SeleniumXPath.compare("@aria-label", "-", m), "(normalize-space(@aria-label)='-' or "
                       + #"normalize-space(@aria-label)=concat('it', "'", 's "q"') or normalize-space(@aria-label)='a b')"#)
        let l = ElementLocator(query: .role(.button, name: "$", match: m))
        XCTAssertEqual(py.query(l.query), #"get_by_role("button", name=re.compile("^\\s*(?:\\$|it's \"q\"|a\nb)\\s*$"))"#)
        XCTAssertEqual(ts.query(l.query), #"getByRole('button', { name: /^\s*(?:\$|it's "q"|a\x0Ab)\s*$/ })"#)
    }

    func testSeleniumCapitalsCompareThroughTranslate() {
        let c = SeleniumXPath.compare("", "ADD", LocatorRanking.match("ADD"))
        XCTAssertEqual(c, "translate(normalize-space(), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')='ADD'")
    }
}
