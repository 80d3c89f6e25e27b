import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A post's date on a line of its own in a muted grey is its permalink; a date in the body's ink,
/// or inside a sentence, is not.
final class DateLinkTests: XCTestCase {
    func text(_ s: String, _ y: Int, ink: RGB, size: Double = 16, width: Int = 400) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 100, y: y, width: width, height: Int(size * 1.25)),
               style: UIStyle(color: ink, fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func testDateLines() {
        XCTAssertTrue(DesignSemantics.isDateLine("November 08, 2010"))
        XCTAssertTrue(DesignSemantics.isDateLine("November 8, 2010 at 8:09 AM"))
        XCTAssertTrue(DesignSemantics.isDateLine("Saturday, 4 October 2014"))
        XCTAssertTrue(DesignSemantics.isDateLine("Sept. 13, 2013"))
        XCTAssertFalse(DesignSemantics.isDateLine("Posted on November 8, 2010"))
        XCTAssertFalse(DesignSemantics.isDateLine("November 2010"))
        XCTAssertFalse(DesignSemantics.isDateLine("May 40, 2010"))
        XCTAssertFalse(DesignSemantics.isDateLine("November 8, 2010 at the library"))
    }

    func testAGreyDateIsALinkAndABodyInkDateIsNot() {
        let body = RGB(51, 51, 51)
        let prose = String(repeating: "The body of the post runs on for a while. ", count: 6)
        var kids = [text("January 20, 2015", 40, ink: RGB(117, 117, 117), size: 14),
                    text(prose, 70, ink: body, width: 600),
                    text("MARCH 23, 2010", 200, ink: body, size: 14),
                    text(prose, 230, ink: body, width: 600),
                    text("Posted on January 19, 2015", 360, ink: RGB(117, 117, 117), size: 14)]
        kids[1].box.height = 60; kids[3].box.height = 60
        var doc = UIDocument(width: 800, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: kids))
        DesignSemantics.apply(&doc)
        let tag = { (s: String) in doc.allNodes.first { $0.text == s }?.tag }
        XCTAssertEqual(tag("January 20, 2015"), "a")
        XCTAssertNotEqual(tag("MARCH 23, 2010"), "a")
        XCTAssertNotEqual(tag("Posted on January 19, 2015"), "a")
    }

    /// (cells set wide apart, as a table's are: close together they would read as a menu's items)
    func testADateInATableRowIsData() {
        let grey = RGB(117, 117, 117)
        func cell(_ s: String, _ x: Int) -> UINode {
            UINode(kind: .text, box: PixelRect(x: x, y: 100, width: 100, height: 18),
                   style: UIStyle(color: grey, fontSize: 14, fontWeight: 400), text: s)
        }
        let row = UINode(kind: .container, box: PixelRect(x: 0, y: 100, width: 600, height: 18), style: UIStyle(direction: .row),
                         children: [cell("INV-2041", 0), cell("Acme Robotics", 200), cell("Oct 28, 2025", 400)])
        var doc = UIDocument(width: 800, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [row]))
        DesignSemantics.apply(&doc)
        XCTAssertNotEqual(doc.allNodes.first { $0.text == "Oct 28, 2025" }?.tag, "a")
    }
}
