import ScreenCore
import XCTest
@testable import Perception

/// A text line next to a rule (a tab strip's underline) keeps its words apart: the rule's rows do
/// not join the words above it.
final class TextLineRuleTests: XCTestCase {
    /// Two tab names 33 px apart; the first tab's underline runs to within 18 px of the second.
    /// Something tall (a stale pointer image) fills the rows between the text and the underline,
    /// so the band spans both, and its word gap grows with it.
    func tabStrip() -> Canvas {
        Canvas().with { c in
            c.text(x: 100, y: 100, glyphs: 8)                            // "Overview": 100..<169
            c.text(x: 202, y: 100, glyphs: 7)                            // "Invoices": 202..<262
            c.fill(PixelRect(x: 86, y: 128, width: 102, height: 2), 60)  // the active tab's underline
            c.fill(PixelRect(x: 226, y: 111, width: 14, height: 24), 30) // a stale pointer under the text
        }
    }

    func testAnUnderlineDoesNotJoinTwoTabs() throws {
        let line = try XCTUnwrap(ElementFinder.textLine(near: PixelPoint(x: 232, y: 120), in: tabStrip().image,
                                                        bounds: PixelRect(x: 0, y: 0, width: 640, height: 400),
                                                        background: 250, avoid: nil))
        XCTAssertGreaterThanOrEqual(line.x, 190, "\(line)")
        XCTAssertLessThanOrEqual(line.maxX, 270, "\(line)")
    }

    func testWordsOfOneLineStillJoin() throws {
        let c = Canvas().with { c in
            c.text(x: 100, y: 100, glyphs: 5); c.text(x: 150, y: 100, glyphs: 5)  // a 9 px word space
            c.fill(PixelRect(x: 100, y: 112, width: 94, height: 1), 60)          // underlined, as a link
        }
        let line = try XCTUnwrap(ElementFinder.textLine(near: PixelPoint(x: 120, y: 106), in: c.image,
                                                        bounds: PixelRect(x: 0, y: 0, width: 640, height: 400),
                                                        background: 250, avoid: nil))
        XCTAssertLessThanOrEqual(line.x, 100)
        XCTAssertGreaterThanOrEqual(line.maxX, 190)
    }

    func testRuleRowsAreLongUnbrokenRuns() {
        let c = tabStrip()
        let rows = ElementFinder.ruleRows(95...135, in: PixelRect(x: 0, y: 0, width: 640, height: 400)) {
            abs(Int(c.image.luma(x: $0, y: $1)) - 250) > 40
        }
        XCTAssertEqual(rows, [128, 129])
    }
}
