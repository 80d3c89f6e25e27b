@testable import CodeGen
import Foundation
import ScreenCore
import TestSupport
import XCTest

/// The XPath Selenium receives, evaluated by a real browser (Debian's Chromium through Playwright,
/// one launch): for every hostile text, each locator must find exactly the element that carries it.
/// Skipped when Chromium or Playwright for Python is missing.
final class BrowserXPathTests: XCTestCase {
    static let chromium = ProcessInfo.processInfo.environment["SCREENWRIGHT_CHROMIUM"] ?? "/usr/bin/chromium"

    func testHostileLocatorsFindTheirElementsInChromium() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.chromium), "no Chromium")
        try XCTSkipUnless((try? Shell.run("python3", ["-c", "import playwright.sync_api"]).status) == 0, "no Playwright")

        // Each case: how to build the element (kind + text), and the XPath that must find it alone.
        var cases: [[String: String]] = []
        for h in HostileValueTests.hostile {
            guard let name = LocatorRanking.clean(h) else { continue }
            let m = LocatorRanking.match(name)
            func add(_ kind: String, _ l: ElementLocator) {
                cases.append(["kind": kind, "text": h, "xpath": SeleniumXPath.locate(l)])
            }
            add("button", ElementLocator(query: .role(.button, name: name, match: m)))
            add("placeholder", ElementLocator(query: .placeholder(name, match: m), role: .textbox))
            add("label", ElementLocator(query: .label(name, match: m), role: .textbox))
            add("checkbox", ElementLocator(query: .role(.checkbox, name: name, match: m)))
            add("card", ElementLocator(query: .role(.button, name: "Delete", match: .exact), context: name))
            add("text", ElementLocator(query: .text(name, match: m)))
        }
        let dir = TempDir("cg-xpath")
        let input = dir.file("cases.json")
        try JSONSerialization.data(withJSONObject: cases).write(to: URL(fileURLWithPath: input))
        try Self.script.write(toFile: dir.file("check.py"), atomically: true, encoding: .utf8)
        let r = try Shell.run("python3", [dir.file("check.py"), input, Self.chromium], environment: ["PYTHONPATH": ""],
                              timeout: 90)
        XCTAssertEqual(r.status, 0, r.stderr)
        for line in r.stdout.split(separator: "\n") where !line.isEmpty { XCTFail(String(line)) }
    }

    /// Icon buttons named only by `aria-label`, showing a glyph the video read loosely ("×" as "x"):
    /// the Playwright-Python locator and the Selenium-Python XPath, as the rendered scripts carry
    /// them, must each find the marked button alone and click it (Playwright in Chromium; Selenium
    /// through chromedriver when it is installed, else the XPath is evaluated in the page).
    func testIconGlyphLocatorsFindAriaLabelledButtonsInChromium() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: Self.chromium), "no Chromium")
        try XCTSkipUnless((try? Shell.run("python3", ["-c", "import playwright.sync_api"]).status) == 0, "no Playwright")

        let row = { (text: String, mark: Bool) in
            "<li><span>\(text)</span> <button aria-label=\"Delete\" title=\"Delete\"\(mark ? " data-expect" : "")>×</button></li>"
        }
        let qty = { (mark: String) in
            "<div class=\"qty\"><button type=\"button\" class=\"q\" aria-label=\"Decrease quantity\"\(mark == "-" ? " data-expect" : "")>−</button>"
                + "<span class=\"n\">1</span><button type=\"button\" class=\"q\" aria-label=\"Increase quantity\"\(mark == "+" ? " data-expect" : "")>+</button></div>"
        }
        let decoys = "<p>Press x or X to close</p><p>x-ray</p><span>1 × Blue Mug</span>"
        let fixtures: [(Target, String)] = [
            (Target(role: .button, text: "x"), "<ul>\(row("Buy milk", true))</ul>\(decoys)"),
            (Target(role: .button, text: "×"), "<ul>\(row("Buy milk", true))</ul>\(decoys)"),
            (Target(text: "X"), "<div role=\"dialog\"><h2>Cart</h2><button class=\"icon-btn\" aria-label=\"Close\" data-expect>×</button></div>\(decoys)"),
            (Target(role: .button, text: "×"), "<button class=\"icon-btn\" aria-label=\"Close\" data-expect> ✕ </button>\(decoys)"),
            (Target(role: .button, text: "x", context: "Walk the dog"),
             "<ul>\(row("Buy milk", false))\(row("Walk the dog", true))\(row("Water plants", false))</ul>\(decoys)"),
            (Target(role: .button, text: "+"), qty("+") + decoys),
            (Target(role: .button, text: "-"), qty("-") + decoys),
            (Target(role: .button, text: "−"), qty("-") + decoys),
        ]
        let renderer = try ScriptRenderer(options: RenderOptions())
        let playwright = PlaywrightLocators(language: .python)
        var cases: [[String: String]] = []
        for (target, html) in fixtures {
            let l = try XCTUnwrap(LocatorRanking.element(target))
            let py = playwright.expression(l), xpath = PythonLiteral.string(SeleniumXPath.locate(l))
            let selenium = SeleniumDialect(language: .python).offline(l)
            let timeline = ActionTimeline(source: SampleTimelines.source("icon"), viewport: SampleTimelines.viewport,
                                          startURL: "http://127.0.0.1:8765/", actions: [Action(kind: .click, time: 1, target: target)])
            XCTAssertTrue(try renderer.render(timeline, target: .playwrightPython).text.contains("\(py).click()"), py)
            XCTAssertTrue(try renderer.render(timeline, target: .seleniumPython).text.contains("shown(\(selenium))"), selenium)
            cases.append(["html": "<!doctype html><html><body>\(html)</body></html>", "playwright": py, "xpath": xpath])
        }
        let dir = TempDir("cg-glyph")
        let input = dir.file("cases.json")
        try JSONSerialization.data(withJSONObject: cases).write(to: URL(fileURLWithPath: input))
        try Self.glyphScript.write(toFile: dir.file("check.py"), atomically: true, encoding: .utf8)
        let r = try Shell.run("python3", [dir.file("check.py"), input, Self.chromium, "/usr/bin/chromedriver"],
                              environment: ["PYTHONPATH": ""], timeout: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        for line in r.stdout.split(separator: "\n") where !line.isEmpty && !line.hasPrefix("selenium:") { XCTFail(String(line)) }
        print(r.stdout.split(separator: "\n").filter { $0.hasPrefix("selenium:") }.joined(separator: "\n"))
    }

    static let glyphScript = #"""
    import ast, json, os, re, sys, urllib.parse
    from playwright.sync_api import sync_playwright

    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    chromium, chromedriver = sys.argv[2], sys.argv[3]
    FIND = "(x) => { const r = document.evaluate(x, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);" \
           " const out = []; for (let k = 0; k < r.snapshotLength; k++) out.push(r.snapshotItem(k).hasAttribute('data-expect')); return out; }"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"], headless=True)
        page = browser.new_page()
        for c in cases:
            page.set_content(c["html"])
            loc = eval(c["playwright"], {"page": page, "re": re})
            n = loc.count()
            if n != 1 or loc.get_attribute("data-expect") is None:
                print(f"playwright found {n} with {c['playwright']} in {c['html']}")
            else:
                loc.click(timeout=3000)
            found = page.evaluate(FIND, ast.literal_eval(c["xpath"]))
            if found != [True]:
                print(f"xpath in page found {found} with {c['xpath']} in {c['html']}")
        browser.close()

    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
    except ImportError:
        print("selenium: not installed, XPath checked in the page only")
        sys.exit(0)
    if not os.access(chromedriver, os.X_OK):
        print("selenium: no chromedriver, XPath checked in the page only")
        sys.exit(0)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(a)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=chromedriver))
    try:
        for c in cases:
            driver.get("data:text/html;charset=utf-8," + urllib.parse.quote(c["html"]))
            els = driver.find_elements(By.XPATH, ast.literal_eval(c["xpath"]))
            if len(els) != 1 or els[0].get_attribute("data-expect") is None:
                print(f"selenium found {len(els)} with {c['xpath']} in {c['html']}")
            else:
                els[0].click()
        print(f"selenium: {len(cases)} XPaths found their buttons through chromedriver")
    finally:
        driver.quit()
    """#

    /// Builds one fixture per case with DOM calls (no HTML parsing of the hostile text), next to a
    /// decoy, and checks the XPath finds the case's marked element and nothing else.
    static let script = #"""
    import json, sys
    from playwright.sync_api import sync_playwright

    JS = r'''
    (cases) => {
      const out = [];
      cases.forEach((c, i) => {
        document.body.textContent = '';
        const root = document.createElement('div');
        document.body.append(root);
        const el = (tag, props = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, props); e.append(...kids); return e; };
        let target;
        if (c.kind === 'button') { target = el('button', {}, c.text); root.append(el('button', {}, 'decoy'), target); }
        if (c.kind === 'placeholder') { target = el('input', { placeholder: c.text }); root.append(el('input', { placeholder: 'decoy' }), target); }
        if (c.kind === 'label') {
          target = el('input', { id: 'f' + i });
          root.append(el('label', { htmlFor: 'd' + i }, 'decoy'), el('input', { id: 'd' + i }), el('label', { htmlFor: 'f' + i }, c.text), target);
        }
        if (c.kind === 'checkbox') { target = el('input', { type: 'checkbox' }); root.append(el('label', {}, el('input', { type: 'checkbox' }), 'decoy'), el('label', {}, target, c.text)); }
        if (c.kind === 'card') {
          target = el('button', {}, 'Delete');
          root.append(el('li', {}, el('span', {}, 'decoy'), el('button', {}, 'Delete')), el('li', {}, el('span', {}, c.text), target));
        }
        if (c.kind === 'text') { target = el('span', {}, c.text); root.append(el('p', {}, el('span', {}, 'decoy'), target)); }
        let found;
        try {
          const r = document.evaluate(c.xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
          found = [];
          for (let k = 0; k < r.snapshotLength; k++) found.push(r.snapshotItem(k));
        } catch (e) { out.push(`${c.kind} ${JSON.stringify(c.text)}: XPath error ${e}: ${c.xpath}`); return; }
        if (found.length !== 1 || found[0] !== target) out.push(`${c.kind} ${JSON.stringify(c.text)}: found ${found.length} (${found.map(n => n.outerHTML).join(' ')}) with ${c.xpath}`);
      });
      return out;
    }
    '''

    cases = json.load(open(sys.argv[1], encoding="utf-8"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=sys.argv[2], args=["--no-sandbox"], headless=True)
        page = browser.new_page()
        page.set_content("<!doctype html><html><body></body></html>")
        for problem in page.evaluate(JS, cases):
            print(problem)
        browser.close()
    """#
}
