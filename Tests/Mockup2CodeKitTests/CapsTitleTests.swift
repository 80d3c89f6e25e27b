import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Capitals titles measured against the text they head (a page whose prose is set large), two
/// titles far apart, and a row of column titles over a footer's columns.
final class CapsTitleTests: XCTestCase {
    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, size: Double = 14, caps: Bool = false) -> UINode {
        var n = UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: Int(size * 1.25)),
                       style: UIStyle(color: RGB(51, 51, 51), fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
        n.style.uppercase = caps ? true : nil
        return n
    }

    func column(_ kids: [UINode], x: Int = 0) -> UINode {
        UINode(kind: .container, box: kids.map(\.box).reduce(kids[0].box) { $0.union($1) }, style: UIStyle(direction: .column), children: kids)
    }

    func row(_ kids: [UINode]) -> UINode {
        UINode(kind: .container, box: kids.map(\.box).reduce(kids[0].box) { $0.union($1) }, style: UIStyle(direction: .row), children: kids)
    }

    func apply(_ kids: [UINode]) -> UIDocument {
        var doc = UIDocument(width: 1200, height: 1400, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1200, height: 1400),
                                          style: UIStyle(direction: .row), children: kids))
        DesignSemantics.apply(&doc)
        return doc
    }

    func tag(_ doc: UIDocument, _ s: String) -> String? { doc.allNodes.first { $0.text == s }?.tag }

    /// The page's prose is set at 22 px (it carries the most characters); the sidebar's titles at
    /// 15.5 px head 14 px text.
    func testASidebarTitleSmallerThanTheProseStillHeadsItsText() {
        let lede = (0..<8).map { i in text(String(repeating: "The lede is set large here ", count: 4), 0, 100 + i * 28, 700, size: 22) }
        let sidebar = column([text("Waterfall details", 900, 100, 160, size: 15.5, caps: true),
                              text("Name: Upper Falls", 900, 125, 200), text("Height: 30 ft", 900, 145, 200),
                              text("Journal entries", 900, 300, 160, size: 15.5, caps: true),
                              text("We walked up the river in April, a sentence.", 900, 325, 280)])
        let doc = apply([column(lede), sidebar])
        XCTAssertEqual(tag(doc, "Waterfall details").map(DesignSemantics.isHeadingTag), true)
        XCTAssertEqual(tag(doc, "Journal entries").map(DesignSemantics.isHeadingTag), true)
        // much smaller than what follows it is no title
        let small = apply([column(lede), column([text("Fine print", 900, 100, 100, size: 10, caps: true),
                                                 text("Name: Upper Falls", 900, 125, 200, size: 14)])])
        XCTAssertEqual(tag(small, "Fine print"), "p")
    }

    /// Two section titles with an empty section between them (80 px apart) are two titles; a capitals
    /// menu (lines one under the other) stays no heading.
    func testTwoTitlesFarApartAreTitlesAndAMenuIsNot() {
        let prose = (0..<6).map { i in text(String(repeating: "Body text of the post ", count: 5), 0, 40 + i * 18, 700) }
        let side = column([text("Comments", 0, 300, 90, caps: true), text("Popular posts", 0, 380, 120, caps: true),
                           text("A post about the garden, with its words.", 0, 410, 300),
                           text("ABOUT", 0, 500, 60), text("NEWS", 0, 518, 60), text("CONTACT", 0, 536, 70),
                           text("Body text under the menu, a sentence.", 0, 570, 300)])
        let doc = apply([column(prose + [side])])
        XCTAssertEqual(tag(doc, "Comments").map(DesignSemantics.isHeadingTag), true)
        XCTAssertEqual(tag(doc, "Popular posts").map(DesignSemantics.isHeadingTag), true)
        for item in ["ABOUT", "NEWS", "CONTACT"] { XCTAssertFalse(DesignSemantics.isHeadingTag(tag(doc, item)), item) }
    }

    /// A row of capitals titles set far apart over the rows of a footer's columns are headings; a
    /// row of two short capitals items set close together is not.
    func testColumnTitlesOverAFootersColumnsAreHeadings() {
        let prose = (0..<6).map { i in text(String(repeating: "Body text of the page ", count: 5), 0, 40 + i * 18, 700) }
        let titles = row([text("Collections", 350, 1150, 100, caps: true), text("Customer care", 650, 1150, 126, caps: true),
                          text("About the shop", 950, 1150, 170, caps: true)])
        let items = row([text("Bridal registry", 350, 1189, 126, size: 15), text("About", 650, 1189, 50, size: 15),
                         text("Our story", 950, 1189, 90, size: 15)])
        let doc = apply([column(prose + [titles, items])])
        for t in ["Collections", "Customer care", "About the shop"] {
            XCTAssertEqual(tag(doc, t).map(DesignSemantics.isHeadingTag), true, t)
        }
        let close = row([text("New", 350, 1150, 40, caps: true), text("Sale", 400, 1150, 40, caps: true)])
        let doc2 = apply([column(prose + [close, items])])
        XCTAssertFalse(DesignSemantics.isHeadingTag(tag(doc2, "New")))
    }
}
