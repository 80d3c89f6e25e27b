import XCTest
import ScreenCore
@testable import Perception

/// Where a repeated element's context is read: the card or ruled row holding it, and its heading.
final class ContextTests: XCTestCase {
    func testACardIsTheBorderedRegionAroundItsButton() {
        var c = Canvas(width: 640, height: 400, background: 240)
        // Two cards side by side on a gray page, each with a title and a button.
        for x in [40, 340] {
            c.fill(PixelRect(x: x, y: 60, width: 240, height: 200), 255)
            c.outline(PixelRect(x: x, y: 60, width: 240, height: 200), 220)
            c.text(x: x + 16, y: 80, glyphs: 10, height: 16)
            c.fill(PixelRect(x: x + 120, y: 200, width: 100, height: 34), 200)
        }
        let button = PixelRect(x: 160, y: 200, width: 100, height: 34)
        let holders = ElementFinder.containers(of: button, in: c.image, bounds: PixelRect(x: 0, y: 0, width: 640, height: 400))
        let card = try! XCTUnwrap(holders.first)
        XCTAssertTrue(card.x >= 40 && card.maxX <= 280 && card.y >= 60 && card.maxY <= 260, "\(card)")
        XCTAssertTrue(card.contains(PixelPoint(x: 60, y: 85)), "the title lies inside: \(card)")
    }

    func testRowsOfAPanelAreTheBandsBetweenSeparators() {
        var c = Canvas(width: 640, height: 400, background: 255)
        // A white panel whose rows are ruled by lines that stop short of its edges.
        c.fill(PixelRect(x: 0, y: 0, width: 400, height: 400), 120)
        for y in [100, 200, 300] { c.fill(PixelRect(x: 410, y: y, width: 220, height: 1), 235) }
        c.text(x: 420, y: 120, glyphs: 12, height: 14)
        c.text(x: 420, y: 220, glyphs: 12, height: 14)
        let remove = PixelRect(x: 560, y: 230, width: 50, height: 14)
        c.text(x: 560, y: 230, glyphs: 5, height: 10)
        let holders = ElementFinder.containers(of: remove, in: c.image, bounds: PixelRect(x: 0, y: 0, width: 640, height: 400))
        XCTAssertTrue(holders.contains { $0.y == 201 && $0.maxY == 300 }, "\(holders)")
    }

    func testTheHeadingIsTheTallestWordedLineNotCutByTheEdges() {
        let holder = PixelRect(x: 0, y: 100, width: 240, height: 150)
        let button = PixelRect(x: 120, y: 200, width: 100, height: 34)
        let lines: [(text: String, box: PixelRect)] = [
            ("cut by the header", PixelRect(x: 10, y: 98, width: 120, height: 8)),
            ("Titanium Trail Mug", PixelRect(x: 10, y: 120, width: 140, height: 15)),
            ("450 ml, folding handles", PixelRect(x: 10, y: 140, width: 160, height: 11)),
            ("€24.00", PixelRect(x: 10, y: 210, width: 50, height: 14)),
            ("Add to cart", PixelRect(x: 130, y: 210, width: 80, height: 12)),
        ]
        XCTAssertEqual(SegmentAnalyst.heading(lines, element: button, text: "Add to cart", holder: holder), "Titanium Trail Mug")
        // The title scrolled away: a figure stands in.
        XCTAssertEqual(SegmentAnalyst.heading([lines[0], ("(451)", PixelRect(x: 90, y: 180, width: 30, height: 11)), lines[3], lines[4]],
                                              element: button, text: "Add to cart", holder: holder), "€24.00")
        // A rating (stars read as a word, the line taller than the title) is a figure, not a name;
        // a title with a figure in it ("Trailhead 2P Tent") is still a name.
        let rated = [lines[1], ("toe (128)", PixelRect(x: 40, y: 160, width: 60, height: 28)), lines[3], lines[4]]
        XCTAssertEqual(SegmentAnalyst.heading(rated, element: button, text: "Add to cart", holder: holder), "Titanium Trail Mug")
        let numbered = [("Trailhead 2P Tent", PixelRect(x: 10, y: 120, width: 140, height: 15)), lines[2], lines[3], lines[4]]
        XCTAssertEqual(SegmentAnalyst.heading(numbered, element: button, text: "Add to cart", holder: holder), "Trailhead 2P Tent")
    }

    func testATwoLetterIconReadUnsurelyBeforeAWordIsDropped() {
        let words = [TextWord(text: "vy", box: PixelRect(x: 0, y: 0, width: 14, height: 20), confidence: 23),
                     TextWord(text: "Cart", box: PixelRect(x: 26, y: 0, width: 40, height: 20), confidence: 90)]
        XCTAssertEqual(TextRegions.withoutEdgeJunk(words).map(\.text), ["Cart"])
        let sure = [TextWord(text: "Go", box: PixelRect(x: 0, y: 0, width: 14, height: 20), confidence: 88),
                    TextWord(text: "back", box: PixelRect(x: 20, y: 0, width: 40, height: 20), confidence: 90)]
        XCTAssertEqual(TextRegions.withoutEdgeJunk(sure).map(\.text), ["Go", "back"])
    }
}
