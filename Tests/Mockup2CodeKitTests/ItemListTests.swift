import DesignLayout
import Foundation
import ScreenCore
import XCTest
@testable import Mockup2CodeKit
import Swarm

/// Link lists drawn in the body's ink (a paragraph of hand-broken short lines, a grid of link
/// columns cut row by row) and a button whose box holds a bevel line.
final class ItemListTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int, size: Double = 16) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: h),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func document(_ kids: [UINode]) -> UIDocument {
        UIDocument(width: 800, height: 600, background: page,
                   root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                style: UIStyle(direction: .column), children: kids))
    }

    func testItemLines() {
        XCTAssertTrue(DesignSemantics.isItemLine("Release Notes"))
        XCTAssertTrue(DesignSemantics.isItemLine("Administrator's Guide"))
        XCTAssertFalse(DesignSemantics.isItemLine("and the people behind it"))      // a sentence's continuation
        XCTAssertFalse(DesignSemantics.isItemLine("We ship every week."))
        XCTAssertFalse(DesignSemantics.isItemLine("123 Main Street 4567"))
        XCTAssertFalse(DesignSemantics.isItemLine("Copyright © 2023"))
        XCTAssertFalse(DesignSemantics.isItemLine("Starter plan for growing teams and more"))
    }

    func testHandBrokenLinesAreTellableFromWrappedOnes() {
        XCTAssertTrue(DesignSemantics.isHardBroken(["MovableType.com", "Features", "Purchase", "Product Registration"],
                                                   boxWidth: 117, bold: false))
        // a wrapped paragraph: its lines all come near the box's width
        XCTAssertFalse(DesignSemantics.isHardBroken(["The quick brown fox jumps over", "the lazy dog and keeps running", "home"],
                                                    boxWidth: 220, bold: false))
        // lines that end short while the next word would not have fitted: wrapped round long words
        XCTAssertFalse(DesignSemantics.isHardBroken(["Internationalisation and", "localisation", "infrastructure", "requirements"],
                                                    boxWidth: 170, bold: false))
    }

    func testAParagraphOfShortHandBrokenLinesIsALinkPerLine() {
        let list = text("ABOUT\nMovableType.com\nFeatures\nPurchase\nProduct Registration", 10, 10, 150, 100)
        let prose = text("Body text here, and a sentence that goes on to fill its line.\nAnd another that wraps.", 10, 200, 600, 40)
        var doc = document([list, prose])
        DesignSemantics.apply(&doc)
        let links = doc.allNodes.filter { $0.tag == "a" }
        // the title line is split off as text; here the evenly spaced column rule then takes it too
        XCTAssertEqual(links.compactMap(\.text).suffix(4), ["MovableType.com", "Features", "Purchase", "Product Registration"])
        XCTAssertEqual(links.map(\.box.y).suffix(4), [30, 50, 70, 90])
        XCTAssertEqual(doc.allNodes.first { $0.text == "ABOUT" }?.box.y, 10)
    }

    func testAGridOfShortItemsCutRowByRowIsLinks() {
        let cols = [0, 200, 400]
        let names = [["Features", "Guides", "News Blog"], ["Purchase", "Author Guide", "Release Notes"],
                     ["Support", "API Reference", "Events"], ["Partners", "Plugins"]]
        let rows = names.enumerated().map { r, items in
            UINode(kind: .container, box: PixelRect(x: 0, y: 100 + r * 24, width: 520, height: 18), style: UIStyle(direction: .row),
                   children: items.enumerated().map { k, s in self.text(s, cols[k], 100 + r * 24, 110, 18) })
        }
        var doc = document(rows)
        DesignSemantics.apply(&doc)
        XCTAssertEqual(doc.allNodes.filter { $0.tag == "a" }.count, 11)
        // a table of figures is not a grid of links
        let figures = (0..<3).map { r in
            UINode(kind: .container, box: PixelRect(x: 0, y: 100 + r * 24, width: 520, height: 18), style: UIStyle(direction: .row),
                   children: [text("Invoice \(r)", 0, 100 + r * 24, 110, 18), text("$1,20\(r).00", 200, 100 + r * 24, 110, 18)])
        }
        var table = document(figures)
        DesignSemantics.apply(&table)
        XCTAssertEqual(table.allNodes.filter { $0.tag == "a" }.count, 0)
    }

    func testATitleAboveAFieldStaysAHeadingAndASmallLabelIsALabel() {
        let title = text("Advice and answers from the team", 100, 40, 500, 40, size: 33)
        var field = UINode(kind: .input, box: PixelRect(x: 100, y: 100, width: 600, height: 60), style: UIStyle(fontSize: 20))
        field.placeholder = "Search for articles..."
        let body = text(String(repeating: "Body text here. ", count: 12), 100, 200, 600, 60)
        let label = text("Work email", 100, 300, 90, 18, size: 14)
        let email = UINode(kind: .input, box: PixelRect(x: 100, y: 322, width: 400, height: 40), style: UIStyle(fontSize: 16))
        var doc = document([title, field, body, label, email])
        DesignSemantics.apply(&doc)
        XCTAssertEqual(doc.allNodes.first { $0.text == "Advice and answers from the team" }?.tag, "h1")
        XCTAssertEqual(doc.allNodes.first { $0.text == "Work email" }?.tag, "label")
    }

    func testAButtonWithABevelLineIsStillAButton() async {
        var c = Canvas(width: 400, height: 120)
        c.fill(PixelRect(x: 20, y: 20, width: 200, height: 40), RGB(124, 58, 237))
        // a lighter line across the top of the fill: the button's bevel
        c.fill(PixelRect(x: 20, y: 21, width: 200, height: 1), RGB(160, 120, 245))
        c.fakeText(x: 80, y: 34, words: 2, height: 12, RGB(255, 255, 255))
        let d = await Mockup2Code.analyse(c.image, reader: FakeReader(text: "Create account", confidence: 95),
                                          options: MockupOptions(agents: 2)).document
        XCTAssertEqual(d.allNodes.filter { $0.kind == .button }.first?.text, "Create account",
                       "\(d.allNodes.map { "\($0.kind) \($0.box)" })")
    }
}
