@testable import Perception
import ScreenCore
import XCTest

/// The viewport's top under a wide screen's toolbar (ChromeDetector+Border.swift): the address
/// field's lower edge spans most of a 2560-wide window but not its buttons; the toolbar's border
/// spans all of it.
final class ChromeBorderTests: XCTestCase {
    /// A 2560×300 window: toolbar rows 40..<80 white with the address field (gray, x 120..<2460)
    /// in them, white padding 80..<86, the border at 86 (dark), the page from 87 (light gray).
    static func wideToolbar() -> Image {
        let w = 2560, h = 300
        var img = Image(width: w, height: h, format: .gray8, filledWith: 255)
        for y in 46..<80 { for x in 120..<2460 { img.pixels[y * w + x] = 241 } }
        for x in 0..<w { img.pixels[86 * w + x] = 221 }
        for y in 87..<h { for x in 0..<w { img.pixels[y * w + x] = 248 } }
        return img
    }

    func testTheAddressFieldsEdgePassesThePlainTestButNotTheBorders() {
        let img = Self.wideToolbar()
        let window = PixelRect(x: 0, y: 0, width: 2560, height: 300)
        let edges = ChromeDetector.fullWidthEdges(img, in: window, from: 60, to: 200)
        XCTAssertEqual(edges.first, 80, "the field's lower edge changes 91 % of the columns: a plain edge")
        let border = ChromeDetector.fullWidthEdges(img, in: window, from: 60, to: 200, share: ChromeDetector.borderShare)
        XCTAssertEqual(border.first, 86)
        XCTAssertEqual(ChromeDetector.viewportTop(edges: edges, border: border, windowTop: 0), 86)
    }

    func testTheFirstEdgeStandsWithoutABorderJustBelowIt() {
        // 1280-wide windows: the border is the first edge already.
        XCTAssertEqual(ChromeDetector.viewportTop(edges: [86, 87, 131], border: [86, 87, 131], windowTop: 0), 86)
        // No whole-width row within a quarter of the bar's height: the first edge.
        XCTAssertEqual(ChromeDetector.viewportTop(edges: [80, 131], border: [131], windowTop: 0), 80)
        // A window below the screen's top: the reach counts from the window's top.
        XCTAssertEqual(ChromeDetector.viewportTop(edges: [203, 209], border: [209], windowTop: 123), 209)
        XCTAssertNil(ChromeDetector.viewportTop(edges: [], border: [], windowTop: 0))
    }
}
