@testable import Perception
import ScreenCore
import XCTest

/// Where the page starts below the browser's bar: the bar's own lower line, not the address
/// field's frame, which on a wide screen also crosses most of the window's columns.
final class ViewportTopTests: XCTestCase {
    /// A browser's top at `width` px: a white bar 86 px high with a grey address field inset by
    /// the toolbar's buttons (150 px left, 120 px right) whose lower edge is at y 80, a darker
    /// separator line at y 86, the page from y 87.
    private func browserTop(width: Int) -> Image {
        Canvas(width: width, height: 400, background: 250).with { c in
            c.fill(PixelRect(x: 0, y: 0, width: width, height: 86), 255)
            c.fill(PixelRect(x: 150, y: 40, width: width - 270, height: 40), 237)  // the address field
            c.fill(PixelRect(x: 0, y: 86, width: width, height: 1), 227)           // the bar's lower line
        }.image
    }

    func testTheAddressFieldsEdgeOnAWideScreenIsNotThePagesTop() {
        // At 2560 px the field's lower edge crosses 89 % of the columns (a full-width edge by
        // itself) but not the window's sides: the page starts at the bar's line.
        let wide = browserTop(width: 2560)
        let window = PixelRect(x: 0, y: 0, width: 2560, height: 400)
        let edges = ChromeDetector.fullWidthEdges(wide, in: window, from: 60, to: 200)
        XCTAssertEqual(edges.first?.y, 80)
        XCTAssertEqual(edges.first?.reachesSides, false)
        XCTAssertEqual(ChromeDetector.viewportTop(wide, in: window, from: 60, to: 200), 86)
        // At 1280 px the same field crosses too few columns to count: the same top as before.
        let narrow = browserTop(width: 1280)
        let w1280 = PixelRect(x: 0, y: 0, width: 1280, height: 400)
        XCTAssertEqual(ChromeDetector.fullWidthEdges(narrow, in: w1280, from: 60, to: 200).first?.y, 86)
        XCTAssertEqual(ChromeDetector.viewportTop(narrow, in: w1280, from: 60, to: 200), 86)
    }

    func testAWindowInsetOnTheDesktopIsMeasuredAtItsOwnSides() {
        // The same bar in a window at x 80 on a flat desktop: the sides are the window's.
        let frame = Canvas(width: 2560, height: 600, background: 40).with { c in
            c.fill(PixelRect(x: 80, y: 30, width: 2400, height: 86), 255)
            c.fill(PixelRect(x: 230, y: 70, width: 2130, height: 40), 237)
            c.fill(PixelRect(x: 80, y: 116, width: 2400, height: 1), 227)
            c.fill(PixelRect(x: 80, y: 117, width: 2400, height: 450), 250)
        }.image
        let window = PixelRect(x: 80, y: 30, width: 2400, height: 537)
        XCTAssertEqual(ChromeDetector.viewportTop(frame, in: window, from: 90, to: 250), 116)
    }

    func testWithNoEdgeReachingTheSidesTheFirstFullWidthEdgeStays() {
        // A page whose top edge is broken at both sides (nothing else reaches them): the first
        // full-width edge, as before, rather than nothing.
        let frame = Canvas(width: 2560, height: 400, background: 230).with { c in
            c.fill(PixelRect(x: 0, y: 0, width: 2560, height: 90), 255)
            c.fill(PixelRect(x: 0, y: 0, width: 100, height: 400), 255)
            c.fill(PixelRect(x: 2460, y: 0, width: 100, height: 400), 255)
        }.image
        let window = PixelRect(x: 0, y: 0, width: 2560, height: 400)
        XCTAssertEqual(ChromeDetector.viewportTop(frame, in: window, from: 60, to: 200), 90)
        XCTAssertNil(ChromeDetector.viewportTop(Canvas(width: 2560, height: 400).image, in: window, from: 60, to: 200))
    }
}
