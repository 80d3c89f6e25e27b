import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A list of posts: titles standing at their dates are links, and the dates too; a page with one
/// post keeps its title a heading, and a dateline in the body's own ink links nothing.
final class PostTitleTests: XCTestCase {
    let body = RGB(30, 30, 30), grey = RGB(118, 112, 116)

    func text(_ s: String, x: Int = 100, _ y: Int, size: Double = 14, width: Int = 400, ink: RGB? = nil, weight: Int = 400) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: width, height: Int(size * 1.25)),
               style: UIStyle(color: ink ?? body, fontSize: size, fontWeight: weight, lineHeight: size * 1.25), text: s)
    }

    func prose(_ y: Int) -> UINode {
        var p = text(String(repeating: "A paragraph of the post's body, long enough to set the body size. ", count: 4), y)
        p.box.height = 90
        return p
    }

    func document(_ kids: [UINode]) -> UIDocument {
        var doc = UIDocument(width: 800, height: 1400, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 1400),
                                          style: UIStyle(direction: .column), children: kids))
        DesignSemantics.apply(&doc)
        return doc
    }

    func node(_ doc: UIDocument, _ s: String) -> UINode? { doc.allNodes.first { $0.text == s } }

    /// Whether the heading holding `s` holds it as one link.
    func titleLinks(_ doc: UIDocument, _ s: String) -> Bool {
        guard let n = node(doc, s), DesignSemantics.isHeadingTag(n.tag) else { return false }
        return n.runs == [UITextRun(text: s, tag: "a")]
    }

    func testTitlesOverTheirDatesInAListOfPostsAreLinks() {
        let doc = document([
            text("The first post of the list", 40, size: 24, weight: 700), text("September 18, 2012", 72, ink: grey), prose(100),
            text("A second post", 240, size: 24, weight: 700), text("November 29, 2015", 272, ink: grey), prose(300),
        ])
        XCTAssertTrue(titleLinks(doc, "The first post of the list"), "\(doc.allNodes.map { ($0.text, $0.tag) })")
        XCTAssertTrue(titleLinks(doc, "A second post"))
        XCTAssertEqual(node(doc, "September 18, 2012")?.tag, "a")
        XCTAssertEqual(node(doc, "November 29, 2015")?.tag, "a")
        XCTAssertEqual(node(doc, prose(0).text!)?.tag, "p")
    }

    func testADateOverTheTitleCountsToo() {
        let doc = document([
            text("July 24, 2014", 20, ink: grey), text("Get my book", 40, size: 24, weight: 700), prose(80),
            text("March 3, 2013", 220, ink: grey), text("Another post", 240, size: 24, weight: 700), prose(280),
        ])
        XCTAssertTrue(titleLinks(doc, "Get my book"))
        XCTAssertTrue(titleLinks(doc, "Another post"))
        XCTAssertEqual(node(doc, "July 24, 2014")?.tag, "a")
    }

    func testTheDatesNeedNotDifferFromTheBodyInk() {
        // a blog's front page whose grey meta lines carry more characters than its prose
        var kids: [UINode] = []
        for (k, y) in [40, 260, 480].enumerated() {
            var p = prose(y + 60); p.style.color = grey
            kids += [text("Title number \(k + 1)", y, size: 24, ink: RGB(0, 0, 0), weight: 700),
                     text(["March 3, 2013", "April 4, 2014", "May 5, 2015"][k], y + 32, ink: grey), p]
        }
        let doc = document(kids)
        XCTAssertTrue(titleLinks(doc, "Title number 1"), "\(doc.allNodes.map { ($0.text, $0.tag) })")
        XCTAssertTrue(titleLinks(doc, "Title number 3"))
        XCTAssertEqual(node(doc, "April 4, 2014")?.tag, "a")
    }

    func testOnePostKeepsItsTitleAHeading() {
        let doc = document([text("The only post", 40, size: 24, weight: 700), text("September 18, 2012", 72, ink: grey), prose(100)])
        XCTAssertEqual(node(doc, "The only post")?.tag?.hasPrefix("h"), true)
        XCTAssertNil(node(doc, "The only post")?.runs)
        XCTAssertEqual(node(doc, "September 18, 2012")?.tag, "a")   // the post's date is still its permalink
    }

    func testADatelineAsDarkAsItsTitleLinksNothing() {
        let doc = document([
            text("March 23, 2010", 20), text("The most important story", 40, size: 24, weight: 700), prose(80),
            text("March 15, 2010", 220), text("Following through", 240, size: 24, weight: 700), prose(280),
        ])
        XCTAssertNil(node(doc, "The most important story")?.runs)
        XCTAssertNil(node(doc, "Following through")?.runs)
        XCTAssertEqual(node(doc, "March 23, 2010")?.tag, "p")
    }

    func testABoldDatelineOverATitleIsAHeadingOfItsLevel() {
        var a = text("March 23, 2010", 20, weight: 700), b = text("March 15, 2010", 220)
        a.style.color = RGB(51, 51, 51); b.style.color = RGB(51, 51, 51); b.style.uppercase = true
        let doc = document([
            a, text("The most important story", 40, size: 24, ink: RGB(102, 102, 102), weight: 700), prose(80),
            b, text("Following through", x: 87, 240, size: 24, width: 506, ink: RGB(102, 102, 102), weight: 700), prose(280),
            text("March 7, 2010", 420), text("A third story", 440, size: 24, ink: RGB(102, 102, 102), weight: 700), prose(480),
        ])
        let level = node(doc, "The most important story")?.tag
        XCTAssertEqual(level?.hasPrefix("h"), true)
        XCTAssertEqual(node(doc, "March 23, 2010")?.tag, level)
        XCTAssertEqual(node(doc, "March 15, 2010")?.tag, level)
        XCTAssertEqual(node(doc, "March 7, 2010")?.tag, "p")        // not set apart: regular, not in capitals
        XCTAssertNil(node(doc, "The most important story")?.runs)
    }

    func testADateAwayFromTheTitleOrOffItsEdgeIsNoPair() {
        let doc = document([
            text("A first title", 40, size: 24, weight: 700), text("September 18, 2012", x: 300, 72, ink: grey), prose(100),
            text("A second title", 240, size: 24, weight: 700), prose(272), text("November 29, 2015", 380, ink: grey),
        ])
        XCTAssertNil(node(doc, "A first title")?.runs)
        XCTAssertNil(node(doc, "A second title")?.runs)
    }

    func testATitleLinkIsWrittenInsideItsHeadingWithoutAnUnderline() {
        let doc = document([
            text("The first post of the list", 40, size: 24, weight: 700), text("September 18, 2012", 72, ink: grey), prose(100),
            text("A second post", 240, size: 24, weight: 700), text("November 29, 2015", 272, ink: grey), prose(300),
        ])
        let page = MockupElementBuilder.build(doc)
        func find(_ e: MockupElement) -> MockupElement? {
            if e.tag.hasPrefix("h"), e.inline.first?.text == "A second post" { return e }
            return e.children.lazy.compactMap(find).first
        }
        let h = find(page)
        XCTAssertNotNil(h)
        XCTAssertEqual(h?.inline.count, 1)
        XCTAssertEqual(h?.inline.first?.tag, "a")
        XCTAssertTrue(h?.inline.first?.declarations.contains { $0.property == "text-decoration" && $0.value == "none" } == true)
    }
}
