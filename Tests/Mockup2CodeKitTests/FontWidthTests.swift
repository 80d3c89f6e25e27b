import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Advance widths of text outside ASCII: an em dash is an em wide, an accented letter as wide as
/// its base letter, so a fitted line box holds the line at the design's width instead of wrapping.
final class FontWidthTests: XCTestCase {
    func testDashesEllipsisAndQuotesHaveArialWidths() {
        XCTAssertEqual(DesignFontMetrics.width(of: "\u{2014}", bold: false), 1.0, accuracy: 1e-9)
        XCTAssertEqual(DesignFontMetrics.width(of: "\u{2013}", bold: false), 0.556, accuracy: 1e-9)
        XCTAssertEqual(DesignFontMetrics.width(of: "\u{2026}", bold: true), 1.0, accuracy: 1e-9)
        XCTAssertEqual(DesignFontMetrics.width(of: "\u{2019}", bold: false), 0.222, accuracy: 1e-9)
        XCTAssertEqual(DesignFontMetrics.width(of: "\u{201C}", bold: true), 0.5, accuracy: 1e-9)
        XCTAssertEqual(DesignFontMetrics.width(of: "\u{2605}", bold: false), 0.56, accuracy: 1e-9)   // not in the table
    }

    func testAccentedLettersTakeTheirBaseLettersWidth() {
        XCTAssertEqual(DesignFontMetrics.width(of: "Bigé", bold: false), DesignFontMetrics.width(of: "Bige", bold: false), accuracy: 1e-9)
        XCTAssertEqual(DesignFontMetrics.width(of: "ÑÜ", bold: true), DesignFontMetrics.width(of: "NU", bold: true), accuracy: 1e-9)
    }

    /// A 14 px line with an em dash is fitted at 14 px (the flat 0.56 em made it 14.5 px, wider than
    /// its box), and its box holds the line as Arial draws it.
    func testALineWithAnEmDashIsFittedAtItsOwnSize() throws {
        let text = "Join In\u{2014}the audience is invited to participate"
        let truth = DesignFontMetrics.width(of: "Join In", bold: false) + 1.0
            + DesignFontMetrics.width(of: "the audience is invited to participate", bold: false)
        let ink = PixelRect(x: 100, y: 50, width: Int((truth - 0.06) * 14), height: 13)
        let fit = try XCTUnwrap(DesignTypography.fit([MeasuredLine(text: text, ink: ink)], bold: false))
        XCTAssertEqual(fit.fontSize, 14, accuracy: 0.25)
        XCTAssertGreaterThanOrEqual(Double(fit.box.maxX), 100 + fit.fontSize * truth)
    }
}
