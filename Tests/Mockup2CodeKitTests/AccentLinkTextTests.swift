import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 20's precision rules: a line in an accent colour is a link only when it says something
/// in words (not star glyphs, a legend's swatches or a trend's percentage).
final class AccentLinkTextTests: XCTestCase {
    let page = RGB(255, 255, 255)
    let ink = RGB(17, 24, 39)

    func line(_ s: String, _ y: Int, color: RGB, size: Double = 14) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 0, y: y, width: 300, height: Int(size * 1.25)),
               style: UIStyle(color: color, fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func testAccentLinkTextNeedsAWordAndNoPercentage() {
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("View all"))
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("6 comments"))
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("Get"))
        // two-letter words repeated are words: a "See all" or "Add" link stays a link
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("See all"))
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("Add"))
        XCTAssertFalse(DesignSemantics.isLetterNoise("See all"))
        XCTAssertTrue(DesignSemantics.isLetterNoise("keke 18"))
        XCTAssertTrue(DesignSemantics.isLetterNoise("kekek"))
        XCTAssertFalse(DesignSemantics.readsAsAccentLink("kkk: 64"))
        XCTAssertFalse(DesignSemantics.readsAsAccentLink("eee 100"))
        XCTAssertFalse(DesignSemantics.readsAsAccentLink("———EEEEEEee"))
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("RSS"))
        XCTAssertTrue(DesignSemantics.readsAsAccentLink("2021 5"))
        XCTAssertFalse(DesignSemantics.readsAsAccentLink("12.4% vs last month"))
        XCTAssertFalse(DesignSemantics.readsAsAccentLink("A 8.9 % vs last month"))
    }

    func testStarsAndTrendsInAnAccentStayTextWhileAnAccentWordIsALink() {
        var body: [UINode] = []
        for i in 0..<6 { body.append(line(String(repeating: "body text ", count: 8), 400 + i * 20, color: ink)) }
        let amber = RGB(180, 83, 9), green = RGB(22, 163, 74)
        let kids = [line("kkk: 64", 0, color: amber), line("12.4% vs last month", 40, color: green),
                    line("Read the story", 80, color: amber), line("———EEEEEEee", 120, color: RGB(79, 70, 229)),
                    line("Blog", 160, color: RGB(79, 70, 229))]
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: kids + body))
        DesignSemantics.apply(&doc)
        let tag = { (s: String) in doc.allNodes.first { $0.text == s }?.tag }
        XCTAssertEqual(tag("kkk: 64"), "p")
        XCTAssertEqual(tag("12.4% vs last month"), "p")
        XCTAssertEqual(tag("Read the story"), "a")
        // in link blue too: a legend's swatches read as letters are no link, a word is
        XCTAssertEqual(tag("———EEEEEEee"), "p")
        XCTAssertEqual(tag("Blog"), "a")
        XCTAssertTrue(DesignSemantics.isLetterNoise("kkk 22"))
        XCTAssertFalse(DesignSemantics.isLetterNoise("2021 5"))
        XCTAssertFalse(DesignSemantics.isLetterNoise("of"))
    }
}
