import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A line with a rule of its own ink across the foot of its box is underlined text: a link. A rule
/// in another colour, or set below the line, is a separator.
final class UnderlinedLinkTests: XCTestCase {
    let ink = RGB(136, 136, 136)

    func text(_ s: String, x: Int = 100, _ y: Int, width: Int) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: width, height: 17),
               style: UIStyle(color: ink, fontSize: 14, fontWeight: 400, lineHeight: 17), text: s)
    }

    func rule(x: Int = 100, _ y: Int, width: Int, color: RGB? = nil) -> UINode {
        UINode(kind: .divider, box: PixelRect(x: x, y: y, width: width, height: 1), style: UIStyle(background: color ?? ink))
    }

    func column(_ kids: [UINode], y: Int) -> UINode {
        UINode(kind: .container, box: kids.map(\.box).reduce(kids[0].box) { $0.union($1) }, style: UIStyle(direction: .column), children: kids)
    }

    func apply(_ kids: [UINode]) -> UIDocument {
        let prose = String(repeating: "A paragraph of the page's body, long enough to set the body size. ", count: 4)
        var p = UINode(kind: .text, box: PixelRect(x: 100, y: 20, width: 600, height: 90),
                       style: UIStyle(color: RGB(20, 20, 20), fontSize: 14, fontWeight: 400, lineHeight: 17), text: prose)
        p.box.height = 90
        var doc = UIDocument(width: 800, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [p] + kids))
        DesignSemantics.apply(&doc)
        return doc
    }

    func node(_ doc: UIDocument, _ s: String) -> UINode? { doc.allNodes.first { $0.text == s } }

    func testALineOverARuleOfItsOwnInkIsALink() {
        let doc = apply([column([text("Discuss", 200, width: 53), rule(215, width: 53)], y: 200),
                         column([text("Previous revision", 260, width: 114), rule(x: 101, 275, width: 112)], y: 260)])
        XCTAssertEqual(node(doc, "Discuss")?.tag, "a")
        XCTAssertEqual(node(doc, "Previous revision")?.tag, "a")
        XCTAssertEqual(doc.allNodes.filter { $0.kind == .divider }.count, 2)   // the page draws as before
    }

    func testARuleInAnotherColourOrBelowTheLineIsASeparator() {
        let doc = apply([column([text("Act I, Scene 1", 200, width: 120), rule(218, width: 120, color: RGB(206, 206, 206))], y: 200),
                         column([text("Settings", 260, width: 60), rule(286, width: 60)], y: 260)])
        XCTAssertEqual(node(doc, "Act I, Scene 1")?.tag, "p")
        XCTAssertEqual(node(doc, "Settings")?.tag, "p")
    }

    func testARuleUnderMostOfTheLineLinksItAndUnderAFewWordsNothing() {
        // "-- Tom Friedman": the rule lies under the name, most of the line
        let doc = apply([column([text("-- Tom Friedman", 200, width: 106), rule(x: 118, 215, width: 88)], y: 200),
                         column([text("Read the whole column here", 260, width: 190), rule(x: 250, 275, width: 40)], y: 260)])
        XCTAssertEqual(node(doc, "-- Tom Friedman")?.tag, "a")
        XCTAssertEqual(node(doc, "Read the whole column here")?.tag, "p")
        XCTAssertNil(node(doc, "Read the whole column here")?.runs)
    }
}
