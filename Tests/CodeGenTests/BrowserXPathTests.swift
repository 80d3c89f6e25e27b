@testable import CodeGen
import Foundation
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
