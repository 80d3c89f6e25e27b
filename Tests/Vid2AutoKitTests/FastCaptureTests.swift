import Browser
import Foundation
import Media
import ScreenCore
import XCTest

/// `BrowserSession.screenshot()` through CDP's `Page.captureScreenshot` with `optimizeForSpeed`
/// against a real headless Chromium: another PNG encoding, the very pixels WebDriver's screenshot
/// gives, at device scales 1, 1.25 and 2, scrolled or not (the live stage's compares must not move).
final class FastCaptureTests: XCTestCase {
    func testTheFastCaptureHoldsWebDriversPixels() async throws {
        let options = BrowserOptions(viewportWidth: 640, viewportHeight: 400)
        try requireBrowser(options)
        let session = try await BrowserSession.start(options)
        do {
            let rows = (0..<40).map { "<p style='margin:4px 9px;color:#\(String(format: "%06x", $0 * 0x0f0e0d % 0xffffff))'>Row \($0): the quick brown fox</p><input value='field \($0)'><button style='background:#\(String(format: "%06x", $0 * 0x3a2b1c % 0xffffff))'>Go \($0)</button>" }
            let html = "<html><body style='margin:0;font:15px sans-serif;background:linear-gradient(#fff,#cde)'>" + rows.joined() + "</body></html>"
            try await session.navigate(to: "data:text/html;base64," + Data(html.utf8).base64EncodedString())
            for scale in [1.0, 1.25, 2.0] {
                try await session.setViewport(width: 640, height: 400, deviceScale: scale)
                for scroll in [0, 37] {
                    _ = try await session.execute("window.scrollTo(0, arguments[0]); return true;", [.number(Double(scroll))])
                    try await Task.sleep(nanoseconds: 150_000_000)
                    let fast = try await session.screenshot(), slow = try await session.webDriverScreenshot()
                    XCTAssertNotEqual(fast, slow, "the same encoding: the fast capture was not taken")
                    let a = try PNG.decode(fast, path: "fast", format: .rgb24), b = try PNG.decode(slow, path: "webdriver", format: .rgb24)
                    XCTAssertEqual(a.width, Int(640 * scale)); XCTAssertEqual(a.height, Int(400 * scale))
                    XCTAssertEqual(a.width, b.width); XCTAssertEqual(a.height, b.height)
                    XCTAssertTrue(a.pixels == b.pixels, "scale \(scale), scroll \(scroll): the pixels differ")
                }
            }
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }
}
