@testable import CodeGen
import ScreenCore
import XCTest

/// A HiDPI recording (`Viewport.deviceScale`, found offline from the browser's bar) is written as
/// a page of CSS pixels: the viewport and every recorded point divided by the scale, in every
/// target; without a scale nothing changes.
final class DeviceScaleScriptTests: XCTestCase {
    let renderer = { () -> ScriptRenderer in
        do { return try ScriptRenderer(options: RenderOptions()) } catch { fatalError("\(error)") }
    }()

    static func timeline(scale: Double?) -> ActionTimeline {
        ActionTimeline(source: SampleTimelines.source("hidpi"),
                       viewport: Viewport(x: 0, y: 107, width: 1600, height: 893, deviceScale: scale),
                       startURL: "http://127.0.0.1:8765/board/", actions: [
                           // An icon-only button with no readable name: clicked at its point.
                           Action(kind: .click, time: 1.0, target: Target(role: .button, point: Point(x: 1027, y: 327))),
                           // A misread name: found by text, else at the point.
                           Action(kind: .click, time: 2.0, target: Target(text: "bs", point: Point(x: 500, y: 250))),
                           Action(kind: .scroll, time: 3.0, value: .pixels(600)),
                       ])
    }

    func testAHiDPIRecordingIsWrittenInCSSPixels() throws {
        let pw = try renderer.render(Self.timeline(scale: 1.25), target: .playwrightPython).text
        XCTAssertTrue(pw.contains("viewport={\"width\": 1280, \"height\": 714}"), pw)
        XCTAssertTrue(pw.contains("page.mouse.click(822, 262)"), pw)
        XCTAssertTrue(pw.contains(", 400, 200)\n"), pw)
        XCTAssertTrue(pw.contains("480"), "the scroll in CSS pixels\n\(pw)")
        XCTAssertFalse(pw.contains("1027") || pw.contains("1600"), pw)
        let se = try renderer.render(Self.timeline(scale: 1.25), target: .seleniumPython).text
        XCTAssertTrue(se.contains("fit_viewport(driver, 1280, 714)"), se)
        XCTAssertTrue(se.contains("822, 262"), se)
        XCTAssertFalse(se.contains("1027"), se)
        for target in [ScriptTarget.playwrightTS, .seleniumJava] {
            let text = try renderer.render(Self.timeline(scale: 2), target: target).text
            XCTAssertTrue(text.contains("800") && text.contains("447"), "viewport 1600x893 at 2 is 800x447\n\(text)")
            XCTAssertFalse(text.contains("1027"), text)
        }
    }

    func testWithoutAScaleTheVideosPixelsAreThePages() throws {
        for scale in [nil, 1.0] {
            let pw = try renderer.render(Self.timeline(scale: scale), target: .playwrightPython).text
            XCTAssertTrue(pw.contains("viewport={\"width\": 1600, \"height\": 893}"), pw)
            XCTAssertTrue(pw.contains("page.mouse.click(1027, 327)"), pw)
        }
    }

    func testTheScaleIsKeptInTheTimelineOnlyWhenSeen() throws {
        let encoder = JSONEncoder()
        let one = String(decoding: try encoder.encode(Viewport(x: 0, y: 86, width: 1280, height: 714)), as: UTF8.self)
        XCTAssertFalse(one.contains("deviceScale"), one)
        let scaled = try encoder.encode(Viewport(x: 0, y: 107, width: 1600, height: 893, deviceScale: 1.25))
        XCTAssertEqual(try JSONDecoder().decode(Viewport.self, from: scaled).deviceScale, 1.25)
    }
}
