import Browser
import Foundation
import Media
import ScreenCore
import XCTest
@testable import Grounding

/// `Run.areaShot` against a real headless Chromium: the part captured alone holds the whole
/// screenshot's pixels around the area, at device scales 1, 1.25 and 2, scrolled or not.
final class AreaShotTests: XCTestCase {
    func testAnAreaCapturedAloneHoldsTheWholeScreenshotsPixels() async throws {
        let options = BrowserOptions(viewportWidth: 640, viewportHeight: 400)
        try requireBrowser(options)
        let session = try await BrowserSession.start(options)
        do {
            let rows = (0..<60).map { "<p style='margin:4px 9px;color:#\(String(format: "%06x", $0 * 0x0f0e0d % 0xffffff))'>Row \($0): the quick brown fox jumps over the lazy dog</p><input value='field \($0)' style='margin-left:\($0 % 7 * 13)px'>" }
            let html = "<html><body style='margin:0;font:15px sans-serif;width:2000px'>" + rows.joined() + "</body></html>"
            try await session.navigate(to: "data:text/html;base64," + Data(html.utf8).base64EncodedString())
            let decode: @Sendable (Data) throws -> Image = { try PNG.decode($0, path: "screenshot", format: .gray8) }
            var clipped = 0
            for scale in [1.0, 1.25, 2.0] {
                try await session.setViewport(width: 640, height: 400, deviceScale: scale)
                for scroll in [(0, 0), (0, 40), (12, 37)] {
                    _ = try await session.execute("window.scrollTo(arguments[0], arguments[1]); return true;",
                                                  [.number(Double(scroll.0)), .number(Double(scroll.1))])
                    try await Task.sleep(nanoseconds: 150_000_000)
                    var run = Run(options: LiveOptions(secretNames: { _ in [] }), browser: session, frames: .none, decodePNG: decode,
                                  timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: Int(640 * scale), height: Int(400 * scale)), actions: []))
                    run.dpr = scale
                    let whole = try decode(try await session.screenshot())
                    for area in [(13.5, 21.2, 200.0, 30.0), (0.0, 0.0, 50.0, 20.0), (590.0, 370.0, 50.0, 30.0), (300.3, 150.7, 123.4, 45.6)] {
                        let part = try await run.areaShot(area)
                        XCTAssertEqual(part.width, whole.width); XCTAssertEqual(part.height, whole.height)
                        let k = Double(whole.width) / run.cssViewport.width
                        let x0 = max(0, Int(area.0 * k) - 2), y0 = max(0, Int(area.1 * k) - 2)
                        let x1 = min(whole.width, Int(area.0 * k) + Int(area.2 * k) + 2), y1 = min(whole.height, Int(area.1 * k) + Int(area.3 * k) + 2)
                        var differ = 0
                        for y in y0..<y1 { for x in x0..<x1 where part.pixels[y * part.bytesPerRow + x] != whole.pixels[y * whole.bytesPerRow + x] { differ += 1 } }
                        XCTAssertEqual(differ, 0, "scale \(scale), scroll \(scroll), area \(area)")
                    }
                    if try await session.viewportShot(clip: (12, 20, 200, 32)) != nil { clipped += 1 }
                }
            }
            // Whole device pixels at every scale here except 1.25 scrolled by 37 px: the part alone.
            XCTAssertGreaterThanOrEqual(clipped, 8)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }
}
