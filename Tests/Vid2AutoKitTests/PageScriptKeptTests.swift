import Browser
import Foundation
import XCTest
@testable import Grounding

/// The page script's instance kept on the window (`PageScript.installingCall`) against a real
/// headless Chromium: it answers as a fresh instance does, after the page changed too; it is no
/// name the page's own code sees; a new document gets the script again.
final class PageScriptKeptTests: XCTestCase {
    func testTheKeptInstanceAnswersAsAFreshOneAndStaysOutOfThePagesNames() async throws {
        let options = BrowserOptions(viewportWidth: 640, viewportHeight: 400)
        try requireBrowser(options)
        let session = try await BrowserSession.start(options)
        do {
            let html = "<html><body style='margin:0;font:15px sans-serif'><button id=b style='position:absolute;left:10px;top:10px'>Save draft</button>"
                + "<input id=f aria-label='Title' style='position:absolute;left:10px;top:60px'><ul>" + (0..<20).map { "<li>Item \($0) <button>Remove</button></li>" }.joined() + "</ul></body></html>"
            try await session.navigate(to: "data:text/html;base64," + Data(html.utf8).base64EncodedString())
            let page = PageCalls(browser: session)
            func fresh(_ f: String, _ args: [JSONValue]) async throws -> JSONValue {
                try await session.execute(PageScript.call(f, arity: args.count), args)
            }
            let probes: [(String, [JSONValue])] = [("state", []), ("identify", [20, 20, .object([:])]), ("identify", [40, 70, .object([:])]),
                                                    ("visibleText", ["Item 7"]), ("visibleText", ["Nothing like it"])]
            for (f, args) in probes {
                let kept = try await page.call(f, args)
                let again = try await fresh(f, args)
                XCTAssertEqual(kept, again, f)
                XCTAssertNotEqual(kept, .string(PageScript.missing))
            }
            let keptNow = try await session.execute(PageScript.installedCall("state", arity: 0), [])
            XCTAssertNotEqual(keptNow, .string(PageScript.missing), "kept after the first call")
            // The page changes: the kept instance still answers as a fresh one (nothing cached between calls).
            _ = try await session.execute("document.getElementById('b').textContent = 'Publish'; document.querySelector('ul').remove(); document.getElementById('f').focus(); return true;", [])
            for (f, args) in probes {
                let kept = try await page.call(f, args)
                let again = try await fresh(f, args)
                XCTAssertEqual(kept, again, "\(f) after a change")
            }
            // No name of the page's own sees it.
            let names = try await session.execute("""
                var n = Object.keys(window).concat(Object.getOwnPropertyNames(window)); for (var k in window) n.push(k);
                return n.filter(function (k) { return /screenwright/i.test(k); }).length;
                """, [])
            XCTAssertEqual(names, 0)
            // A new document has none: the next call sends the script again and answers.
            try await session.navigate(to: "data:text/html,<p>Other page</p>")
            let onNewPage = try await session.execute(PageScript.installedCall("state", arity: 0), [])
            XCTAssertEqual(onNewPage, .string(PageScript.missing))
            let newKept = try await page.call("state", [])
            let newFresh = try await fresh("state", [])
            XCTAssertEqual(newKept, newFresh)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }
}
