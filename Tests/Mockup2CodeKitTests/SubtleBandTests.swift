@testable import DesignLayout
import ScreenCore
import XCTest
@testable import Mockup2CodeKit

/// A section a shade from the page (white cards on light grey), rounded panels' corners, chart bars.
final class SubtleBandTests: XCTestCase {
    let white = RGB(255, 255, 255), grey = RGB(241, 245, 249), black = RGB(20, 20, 20)

    func segment(_ c: Canvas) -> (LayoutRegion?, LayoutSegmenter) {
        let r = DesignRaster(c.image)
        let s = LayoutSegmenter(raster: r)
        return (s.segment(r.bounds, background: s.pageBackground()), s)
    }

    /// A white page with a light grey section (30 levels from white: within the tolerance) holding two
    /// white cards with text.
    func feed() -> Canvas {
        var c = Canvas(width: 300, height: 400)
        c.fakeText(x: 20, y: 20, words: 3, height: 14, black)
        c.fill(PixelRect(x: 0, y: 60, width: 300, height: 280), grey)
        c.fill(PixelRect(x: 12, y: 72, width: 276, height: 120), white)
        c.fakeText(x: 28, y: 90, words: 4, height: 12, black)
        c.fill(PixelRect(x: 12, y: 204, width: 276, height: 120), white)
        c.fakeText(x: 28, y: 222, words: 4, height: 12, black)
        c.fakeText(x: 20, y: 360, words: 2, height: 12, black)
        return c
    }

    func testASectionAShadeFromThePageIsABoxHoldingItsCards() throws {
        let (region, _) = segment(feed())
        let r = try XCTUnwrap(region)
        let band = try XCTUnwrap(r.children.first { if case .box = $0.kind { return true } else { return false } })
        XCTAssertEqual(band.rect, PixelRect(x: 0, y: 60, width: 300, height: 280))
        XCTAssertEqual(band.innerBackground, grey)
        let cards = band.children.filter { if case .box(let f, _, _) = $0.kind { return f == white } else { return false } }
        XCTAssertEqual(cards.map(\.rect), [PixelRect(x: 12, y: 72, width: 276, height: 120), PixelRect(x: 12, y: 204, width: 276, height: 120)])
        // the text above and below the section stays on the page
        XCTAssertTrue(r.children.contains { $0.rect.y == 20 })
        XCTAssertTrue(r.children.contains { $0.rect.y == 360 })
    }

    func testTheSectionGoesToOneSubAgentWhole() {
        let c = feed()
        let r = DesignRaster(c.image)
        let s = LayoutSegmenter(raster: r)
        let regions = s.topLevelRegions(r.bounds, background: s.pageBackground(), minimum: 8).map(\.0)
        XCTAssertTrue(regions.contains(PixelRect(x: 0, y: 60, width: 300, height: 280)), "\(regions)")
        XCTAssertFalse(regions.contains { $0.y >= 60 && $0.maxY <= 340 && $0.height < 280 }, "the section was cut: \(regions)")
    }

    func testAGradientIsNotASection() {
        // rows changing by one level each: no run of one colour
        var c = Canvas(width: 300, height: 200)
        for y in 40..<160 { c.fill(PixelRect(x: 0, y: y, width: 300, height: 1), RGB(255 - UInt8((y - 40) / 6), 255, 255)) }
        c.fakeText(x: 20, y: 90, words: 3, height: 12, black)
        let (region, _) = segment(c)
        XCTAssertFalse(region?.children.contains { if case .box = $0.kind { return true } else { return false } } ?? false)
    }

    func testARoundedPanelsFirstLineIsNotCutAndItsCornersAreNotContent() {
        // A light blue panel (radius 16) on white, with a line of text 3 px below its top edge.
        var c = Canvas(width: 260, height: 80)
        let blue = RGB(200, 220, 255)
        let panel = PixelRect(x: 20, y: 20, width: 200, height: 44)
        c.fill(panel, blue)
        let rad = 16.0   // round all four corners: outside the quarter circles is page
        for y in panel.y..<panel.maxY {
            for x in panel.x..<panel.maxX {
                let cx = Double(x) + 0.5 < Double(panel.x) + rad ? Double(panel.x) + rad : Double(x) + 0.5 > Double(panel.maxX) - rad ? Double(panel.maxX) - rad : Double(x) + 0.5
                let cy = Double(y) + 0.5 < Double(panel.y) + rad ? Double(panel.y) + rad : Double(y) + 0.5 > Double(panel.maxY) - rad ? Double(panel.maxY) - rad : Double(y) + 0.5
                let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                if dx * dx + dy * dy > rad * rad { c.fill(PixelRect(x: x, y: y, width: 1, height: 1), white) }
            }
        }
        c.fill(PixelRect(x: panel.x + 24, y: panel.y + 3, width: 120, height: 12), black)   // a line 3 px from the top
        let s = LayoutSegmenter(raster: DesignRaster(c.image))
        let content = s.roundedContent(panel, fill: blue, bg: white)
        XCTAssertLessThanOrEqual(content.y, panel.y + 3, "the first line must not be cut")
        XCTAssertGreaterThan(content.maxY, panel.maxY - 16, "\(content)")
        XCTAssertLessThan(content.maxY, panel.maxY, "the bottom corners (no content beside them) are left out")
        // leaves wholly inside a rounded corner are the page showing there, not content
        let sliver = LayoutRegion(kind: .leaf, rect: PixelRect(x: panel.x, y: panel.maxY - 8, width: 6, height: 8), background: blue)
        let line = LayoutRegion(kind: .leaf, rect: PixelRect(x: panel.x + 24, y: panel.y + 3, width: 120, height: 12), background: blue)
        let kept = s.withoutCornerSlivers(LayoutRegion(kind: .stack(.column), rect: panel, background: blue, children: [line, sliver]),
                                          of: panel, fill: blue, bg: white)
        XCTAssertEqual(kept?.rect, line.rect)
    }

    func testChartBarsStayFilledBlocks() {
        func bar(_ x: Int, _ h: Int) -> UINode {
            UINode(kind: .image, box: PixelRect(x: x, y: 200 - h, width: 40, height: h), style: UIStyle(background: RGB(99, 102, 241)), label: "image")
        }
        var kids = [bar(0, 80), bar(60, 120), bar(120, 100), bar(180, 60)]
        RegionAgent.keepChartBars(&kids)
        XCTAssertEqual(kids.map(\.kind), [.container, .container, .container, .container])
        // pictures of one size in a row (a gallery) stay pictures
        var gallery = [bar(0, 80), bar(60, 80), bar(120, 80)]
        RegionAgent.keepChartBars(&gallery)
        XCTAssertEqual(gallery.map(\.kind), [.image, .image, .image])
    }
}
