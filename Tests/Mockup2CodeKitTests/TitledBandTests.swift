import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A title at the left of a filled strip is a heading drawn on a band, not a button; a centred label,
/// a narrow box and a band holding a link stay as they were.
final class TitledBandTests: XCTestCase {
    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, size: Double = 14) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: Int(size * 1.25)),
               style: UIStyle(color: RGB(51, 51, 51), fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func band(_ line: UINode, _ box: PixelRect) -> UINode {
        UINode(kind: .container, box: box, style: UIStyle(background: RGB(230, 230, 230), direction: .column), children: [line])
    }

    func apply(_ kids: [UINode]) -> UIDocument {
        let prose = (0..<6).map { i in text(String(repeating: "Body text of the post ", count: 5), 0, 400 + i * 18, 700) }
        var doc = UIDocument(width: 1200, height: 1400, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1200, height: 1400),
                                          style: UIStyle(direction: .column), children: kids + prose))
        DesignSemantics.apply(&doc)
        return doc
    }

    func testTheShapeOfATitledBand() {
        // 475 × 21 strip, "Trackback" 76 px wide 4 px in: a band
        XCTAssertTrue(ControlShapes.isTitledBand(box: PixelRect(x: 405, y: 539, width: 475, height: 21),
                                                 text: PixelRect(x: 409, y: 542, width: 76, height: 15)))
        // the same label centred: a button
        XCTAssertFalse(ControlShapes.isTitledBand(box: PixelRect(x: 405, y: 539, width: 475, height: 21),
                                                  text: PixelRect(x: 604, y: 542, width: 76, height: 15)))
        // a 200 px menu item with its label at the left: no band
        XCTAssertFalse(ControlShapes.isTitledBand(box: PixelRect(x: 16, y: 100, width: 200, height: 38),
                                                  text: PixelRect(x: 27, y: 110, width: 60, height: 17)))
        // a line filling most of the box: no band
        XCTAssertFalse(ControlShapes.isTitledBand(box: PixelRect(x: 0, y: 0, width: 400, height: 30),
                                                  text: PixelRect(x: 8, y: 6, width: 300, height: 17)))
        // a roomy row with its label at the left (an accordion's button): no band
        XCTAssertFalse(ControlShapes.isTitledBand(box: PixelRect(x: 16, y: 556, width: 614, height: 54),
                                                  text: PixelRect(x: 32, y: 571, width: 203, height: 25)))
        XCTAssertFalse(ControlShapes.isTitledBand(box: PixelRect(x: 645, y: 556, width: 613, height: 54),
                                                  text: PixelRect(x: 661, y: 569, width: 189, height: 27)))
        // a tall panel with one line at its top: a card, no band
        XCTAssertFalse(ControlShapes.isTitledBand(box: PixelRect(x: 0, y: 0, width: 400, height: 120),
                                                  text: PixelRect(x: 8, y: 6, width: 80, height: 17)))
    }

    func testALineAtABandsLeftIsItsHeading() {
        let doc = apply([band(text("Trackback", 409, 42, 76), PixelRect(x: 405, y: 39, width: 475, height: 24))])
        let strip = doc.allNodes.first { $0.kind == .container && $0.children.first?.text == "Trackback" }
        XCTAssertEqual(strip?.tag.map(DesignSemantics.isHeadingTag), true)
        XCTAssertEqual(strip?.children.first?.tag, "span")
    }

    func testACentredLineOrALinkIsNoBandTitle() {
        let centred = apply([band(text("Trackback", 604, 42, 76), PixelRect(x: 405, y: 39, width: 475, height: 24))])
        let strip = centred.allNodes.first { $0.kind == .container && $0.children.first?.text == "Trackback" }
        XCTAssertNotEqual(strip?.tag.map(DesignSemantics.isHeadingTag), true)
        XCTAssertEqual(strip?.children.first?.tag, "p")
        var link = text("Trackback", 409, 42, 76)
        link.tag = "a"
        let linked = apply([band(link, PixelRect(x: 405, y: 39, width: 475, height: 24))])
        XCTAssertNotEqual(linked.allNodes.first { $0.kind == .container && $0.children.first?.text == "Trackback" }?.tag
            .map(DesignSemantics.isHeadingTag), true)
        XCTAssertEqual(linked.allNodes.first { $0.text == "Trackback" }?.tag, "a")
        // an outlined box without a fill: a field's query, no band
        var outlined = band(text("is:issue is:open", 409, 42, 160), PixelRect(x: 405, y: 39, width: 822, height: 30))
        outlined.style.background = nil
        outlined.style.border = UIBorder(width: 1, color: RGB(208, 215, 222))
        let field = apply([outlined])
        XCTAssertNotEqual(field.allNodes.first { $0.kind == .container && $0.children.first?.text == "is:issue is:open" }?.tag
            .map(DesignSemantics.isHeadingTag), true)
    }
}

/// Bold titles at the body's size, each directly over its date (a blog's list of posts), are headings;
/// one bold line over a date (a byline) is not.
final class DatedTitleTests: XCTestCase {
    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, size: Double = 14, bold: Bool = false, ink: RGB = RGB(51, 51, 51)) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: Int(size * 1.25)),
               style: UIStyle(color: ink, fontSize: size, fontWeight: bold ? 700 : 400, lineHeight: size * 1.25), text: s)
    }

    func apply(_ kids: [UINode]) -> UIDocument {
        let prose = (0..<8).map { i in text(String(repeating: "Body text of the post ", count: 5), 0, 900 + i * 18, 700) }
        var doc = UIDocument(width: 1200, height: 1400, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1200, height: 1400),
                                          style: UIStyle(direction: .column), children: prose + kids))
        DesignSemantics.apply(&doc)
        return doc
    }

    func tag(_ doc: UIDocument, _ s: String) -> String? { doc.allNodes.first { $0.text == s }?.tag }

    func testBoldTitlesOverTheirDatesAreHeadings() {
        let grey = RGB(150, 150, 150)
        let doc = apply([text("An Easter Miracle", 40, 300, 170, bold: true), text("October 23, 2017", 40, 320, 130, ink: grey),
                         text("A snippet of the post, in words, that goes on for a while.", 40, 345, 500),
                         text("Holy Moly", 40, 500, 90, bold: true), text("August 01, 2017", 40, 520, 130, ink: grey),
                         text("Another snippet of another post, written as a sentence.", 40, 545, 500)])
        XCTAssertEqual(tag(doc, "An Easter Miracle").map(DesignSemantics.isHeadingTag), true)
        XCTAssertEqual(tag(doc, "Holy Moly").map(DesignSemantics.isHeadingTag), true)
    }

    func testOneBoldLineOverADateStaysAParagraph() {
        let doc = apply([text("Jane Writer", 40, 300, 110, bold: true), text("October 23, 2017", 40, 320, 130),
                         text("A comment in words, that goes on for a while, as a sentence.", 40, 345, 500)])
        XCTAssertEqual(tag(doc, "Jane Writer"), "p")
        // two bold lines over dates, but a plain line over a date is no title
        let plain = apply([text("First post", 40, 300, 110), text("October 23, 2017", 40, 320, 130),
                           text("Second post", 40, 400, 110), text("August 01, 2017", 40, 420, 130)])
        XCTAssertEqual(tag(plain, "First post"), "p")
    }
}
