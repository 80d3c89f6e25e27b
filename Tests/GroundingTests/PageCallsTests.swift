import Browser
import Foundation
@testable import Grounding
import XCTest

/// `PageCalls` sends `PageScript.js` once per document: later calls reach the instance the page
/// keeps (`PageScript.installedCall`), a new document gets the whole script again.
final class PageCallsTests: XCTestCase {
    /// A page that keeps what `installingCall` leaves on its window until it navigates.
    final class KeepingPage: LiveBrowser, @unchecked Sendable {
        // Invariant: used from one task at a time.
        var kept = false
        var sent: [String] = []
        func navigate(to url: String) async throws { kept = false }
        func currentURL() async throws -> String { "http://x/" }
        func execute(_ script: String, _ args: [JSONValue]) async throws -> JSONValue {
            sent.append(script)
            if script.hasPrefix(PageScript.source) {
                if script.contains("Symbol.for('\(PageScript.installedKey)')") { kept = true }
                return ["url": "http://x/", "scrollX": 0, "scrollY": 0, "domSize": 7, "textHash": "h", "openDialogs": 0]
            }
            guard script.contains("Symbol.for('\(PageScript.installedKey)')") else { return .null }
            return kept ? ["url": "http://x/", "scrollX": 0, "scrollY": 0, "domSize": 7, "textHash": "h", "openDialogs": 0]
                        : .string(PageScript.missing)
        }
        func click(_ e: ElementHandle) async throws {}
        func clear(_ e: ElementHandle) async throws {}
        func sendKeys(_ e: ElementHandle, _ text: String) async throws {}
        func pointer(move to: (x: Double, y: Double)) async throws {}
        func pointerClick(at: (x: Double, y: Double), count: Int) async throws {}
        func keys(_ keys: [Key]) async throws {}
        func wheel(dx: Double, dy: Double, at: (x: Double, y: Double)) async throws {}
        func screenshot() async throws -> Data { Data() }
        func viewportShot(clip: (x: Int, y: Int, width: Int, height: Int)) async throws -> ClippedShot? { nil }
    }

    func testTheScriptIsSentOncePerDocument() async throws {
        let b = KeepingPage()
        let page = PageCalls(browser: b)
        for _ in 0..<3 { let state = try await page.state(); XCTAssertEqual(state.domSize, 7) }
        XCTAssertEqual(b.sent.filter { $0.contains(PageScript.source) }.count, 1, "the source goes with the first call only")
        XCTAssertEqual(b.sent.count, 4, "a miss, the installing call, then two calls of the kept instance")
        XCTAssertTrue(b.sent.dropFirst(2).allSatisfy { $0.utf8.count < 1000 })
        try await b.navigate(to: "http://x/next")
        let after = try await page.state()
        XCTAssertEqual(after.domSize, 7)
        XCTAssertEqual(b.sent.filter { $0.contains(PageScript.source) }.count, 2, "a new document gets the script again")
    }

    func testTheKeptInstancesCallNamesTheFunctionOnItsLastLine() {
        // (The scripted browsers of the other tests recognise a call by its last line.)
        for s in [PageScript.installedCall("identify"), PageScript.installingCall("identify")] {
            XCTAssertEqual(s.split(separator: "\n").last.map(String.init), "return __screenwright.identify(arguments[0], arguments[1], arguments[2]);")
        }
        XCTAssertTrue(PageScript.installedKey.hasPrefix("screenwright.page."))
    }
}
