import XCTest
import ScreenCore
@testable import Perception

/// The look that lets the bounded section heading skip its band read: a side of the element with
/// no mark that could be text.
final class SectionMarksTests: XCTestCase {
    /// A white gray page of `width`×`height` with `draw` applied.
    func page(_ width: Int = 400, _ height: Int = 200, _ draw: (inout [UInt8], Int) -> Void) -> Image {
        var px = [UInt8](repeating: 250, count: width * height)
        draw(&px, width)
        return Image(width: width, height: height, format: .gray8, pixels: px)
    }

    func fill(_ px: inout [UInt8], _ w: Int, _ r: PixelRect, _ v: UInt8) {
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { px[y * w + x] = v } }
    }

    func testABlankRegionOrOneWithFramesAndRulesOnlyHasNoMarks() {
        let all = PixelRect(x: 0, y: 0, width: 400, height: 200)
        XCTAssertFalse(SegmentAnalyst.hasMarks(in: page { _, _ in }, region: all))
        // A field's frame (1 px), a rule under a header, a sidebar's border, noise below the contrast.
        let framed = page { px, w in
            self.fill(&px, w, PixelRect(x: 20, y: 20, width: 200, height: 1), 120)
            self.fill(&px, w, PixelRect(x: 20, y: 59, width: 200, height: 1), 120)
            self.fill(&px, w, PixelRect(x: 20, y: 20, width: 1, height: 40), 120)
            self.fill(&px, w, PixelRect(x: 219, y: 20, width: 1, height: 40), 120)
            self.fill(&px, w, PixelRect(x: 0, y: 100, width: 400, height: 2), 200)
            self.fill(&px, w, PixelRect(x: 300, y: 0, width: 1, height: 200), 210)
            self.fill(&px, w, PixelRect(x: 50, y: 150, width: 30, height: 10), 235)
        }
        XCTAssertFalse(SegmentAnalyst.hasMarks(in: framed, region: all))
        // A frame cut by the region's edge (a search box whose top only is above the element).
        XCTAssertFalse(SegmentAnalyst.hasMarks(in: framed, region: PixelRect(x: 0, y: 0, width: 280, height: 26)))
    }

    func testLettersIconsAndPanelsAreMarks() {
        // Three small strokes: the letters of a word.
        let word = page { px, w in
            for i in 0..<3 { self.fill(&px, w, PixelRect(x: 40 + 9 * i, y: 80, width: 6, height: 12), 30) }
        }
        XCTAssertTrue(SegmentAnalyst.hasMarks(in: word, region: PixelRect(x: 0, y: 60, width: 400, height: 60)))
        XCTAssertFalse(SegmentAnalyst.hasMarks(in: word, region: PixelRect(x: 0, y: 100, width: 400, height: 100)))
        // Faint gray text still counts.
        let faint = page { px, w in self.fill(&px, w, PixelRect(x: 40, y: 80, width: 5, height: 10), 205) }
        XCTAssertTrue(SegmentAnalyst.hasMarks(in: faint, region: PixelRect(x: 0, y: 0, width: 400, height: 200)))
        // A filled panel (text inside it may not differ from the page): counted.
        let panel = page { px, w in self.fill(&px, w, PixelRect(x: 10, y: 10, width: 300, height: 120), 40) }
        XCTAssertTrue(SegmentAnalyst.hasMarks(in: panel, region: PixelRect(x: 0, y: 0, width: 400, height: 200)))
        // An element at the top of the viewport: nothing above it at all.
        XCTAssertFalse(SegmentAnalyst.hasMarks(in: panel, region: PixelRect(x: 0, y: 0, width: 400, height: 0)))
    }
}
