import DesignLayout
import ScreenCore
import XCTest

/// A menu line whose separator dots OCR read as different glyphs is a row of links.
final class MixedSeparatorTests: XCTestCase {
    func testItemsBetweenMixedBulletGlyphs() {
        XCTAssertEqual(DesignSemantics.mixedSeparated("HOME « ABOUT - CONTACT")?.items, ["HOME", "ABOUT", "CONTACT"])
        XCTAssertEqual(DesignSemantics.mixedSeparated("HOME « ABOUT - CONTACT")?.glyphs, ["«", "-"])
        XCTAssertEqual(DesignSemantics.mixedSeparated("Home « my story - the rescue - recovery tunes")?.items,
                       ["Home", "my story", "the rescue", "recovery tunes"])
        XCTAssertEqual(DesignSemantics.mixedSeparated("Home · Blog · Shop")?.items, ["Home", "Blog", "Shop"])
    }

    func testDashesAloneTwoItemsSentencesAndLongItemsAreNoMenu() {
        XCTAssertNil(DesignSemantics.mixedSeparated("SEPTEMBER 22 - 8 PM - Main Hall"))       // dashes only
        XCTAssertNil(DesignSemantics.mixedSeparated("Home « About"))                           // two items
        XCTAssertNil(DesignSemantics.mixedSeparated("Well, « I said - and went home · then"))   // a comma ends an item
        XCTAssertNil(DesignSemantics.mixedSeparated("Home « the long road we walked together - About · Contact"))
        XCTAssertNil(DesignSemantics.mixedSeparated("« Older · Main · Newer"))                 // starts with a glyph
        XCTAssertNil(DesignSemantics.mixedSeparated("Home « About\nContact - Blog"))
    }

    func testAMixedMenuLineBecomesLinksTitledWhereCapitalsAreStyled() {
        var line = UINode(kind: .text, box: PixelRect(x: 200, y: 90, width: 190, height: 17),
                          style: UIStyle(color: RGB(60, 60, 60), fontSize: 14, fontWeight: 400, lineHeight: 17, uppercase: true),
                          text: "Home « about - contact")
        line.confidence = 90
        let body = (0..<3).map { k in
            UINode(kind: .text, box: PixelRect(x: 200, y: 200 + k * 24, width: 700, height: 20),
                   style: UIStyle(color: RGB(30, 30, 30), fontSize: 16, fontWeight: 400, lineHeight: 20),
                   text: String(repeating: "Body text of the post goes here. ", count: 3))
        }
        var doc = UIDocument(width: 1000, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1000, height: 600),
                                          style: UIStyle(direction: .column), children: [line] + body))
        DesignSemantics.apply(&doc)
        let links = doc.allNodes.filter { $0.tag == "a" }.map { $0.text ?? "" }
        XCTAssertEqual(links, ["Home", "About", "Contact"])
        let glyphs = doc.allNodes.filter { $0.tag == "p" && ($0.text == "«" || $0.text == "-") }
        XCTAssertEqual(glyphs.count, 2)
        // the pieces are laid out left to right across the line's box
        let xs = doc.allNodes.filter { $0.tag == "a" }.map(\.box.x)
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertTrue(xs.allSatisfy { $0 >= 200 && $0 < 390 })
    }
}
