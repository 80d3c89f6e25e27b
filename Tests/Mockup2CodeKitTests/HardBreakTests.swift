import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 26 (issue 15, Text): a line the design breaks by hand (an address, a name over its
/// caption) is written with `<br>`, so its next line is a text node of its own as in the design's
/// source; lines that wrap stay one run of text.
final class HardBreakTests: XCTestCase {
    /// A line of `text` at 14 px whose ink is as wide as Arial draws it.
    func line(_ text: String, y: Int, extra: Int = 0) -> MeasuredLine {
        let w = Int((DesignFontMetrics.width(of: text, bold: false) * 14).rounded()) + extra
        return MeasuredLine(text: text, ink: PixelRect(x: 100, y: y, width: w, height: 11))
    }

    func testWrappedLinesAreNoHandBreaks() {
        // each line ends where the next line's first word no longer fits
        let lines = [line("The quick brown fox jumps over the lazy", y: 0),
                     line("dog and runs into the woods beyond the", y: 18, extra: 8),
                     line("river.", y: 36)]
        XCTAssertEqual(DesignTypography.hardBreaks(lines, fontSize: 14, bold: false), [false, false])
    }

    func testShortLinesBeforeAWordThatWouldFitAreHandBreaks() {
        let lines = [line("Inés Carvalho", y: 0),
                     line("Completed Levada do Rei: 2h ago", y: 18)]
        // "Completed" would not fit after the wider second line, but after the name it would
        XCTAssertEqual(DesignTypography.hardBreaks(lines, fontSize: 14, bold: false), [true])
        let address = [line("2058 Utica Square", y: 0),
                       line("Phone 918 555 0100", y: 18),
                       line("Open Monday to Saturday, 10 am to 6 pm", y: 36)]
        XCTAssertEqual(DesignTypography.hardBreaks(address, fontSize: 14, bold: false), [true, true])
        // the widest line is taken as the wrap width, so a break after it reads as a wrap (the rule's limit)
        let widestFirst = [line("Open Monday to Saturday, 10 am to 6 pm", y: 0), line("Closed Sundays", y: 18)]
        XCTAssertEqual(DesignTypography.hardBreaks(widestFirst, fontSize: 14, bold: false), [false])
        XCTAssertEqual(DesignTypography.hardBreaks([line("One line", y: 0)], fontSize: 14, bold: false), [])
    }

    func testRendererWritesHandBreaksAsBrInEveryTarget() throws {
        var para = UINode(kind: .text, tag: "p", box: PixelRect(x: 0, y: 0, width: 300, height: 60),
                          style: UIStyle(fontSize: 14, lineHeight: 18), text: "Tom Becker\nSaved 3 trails in\nSintra")
        para.hardBreaks = [true, false]
        var doc = UIDocument(width: 320, height: 80, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 320, height: 80),
                                          style: UIStyle(direction: .column), children: [para]))
        LayoutFlow.apply(&doc)
        let html = try MockupRenderer().render(doc, target: .html, source: "x.png").text
        XCTAssertTrue(html.contains("Tom Becker<br>Saved 3 trails in\nSintra</p>"), html)
        let jsx = try MockupRenderer().render(doc, target: .react, stem: "X", source: "x.png").text
        XCTAssertTrue(jsx.contains("{\"Tom Becker\"}<br />{\"Saved 3 trails in\\nSintra\"}"), jsx)
        let vue = try MockupRenderer().render(doc, target: .vue, source: "x.png").text
        XCTAssertTrue(vue.contains("Tom Becker<br>Saved"), vue)
    }

    func testBreaksThatNoLongerFitTheTextAreIgnored() {
        XCTAssertEqual(MockupRenderer.brokenAtHand("a\nb\nc", [true, false]), ["a", "b\nc"])
        XCTAssertEqual(MockupRenderer.brokenAtHand("a\nb", [true, true]), ["a\nb"])      // a later stage changed the lines
        XCTAssertEqual(MockupRenderer.brokenAtHand("a\nb", [false]), ["a\nb"])
        XCTAssertEqual(MockupRenderer.brokenAtHand("a\nb", nil), ["a\nb"])
    }
}
