import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Consecutive lines headed by the glyphs Tesseract makes of bullets ("*" for a disc, "+" for a hollow
/// one) are one list, written without the glyphs.
final class BulletListTests: XCTestCase {
    func text(_ s: String, _ y: Int) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 100, y: y, width: 400, height: 20),
               style: UIStyle(color: RGB(51, 51, 51), fontSize: 16, fontWeight: 400, lineHeight: 20), text: s)
    }

    func testMixedStarAndPlusHeadsAreOneList() {
        var doc = UIDocument(width: 800, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column),
                                          children: [text("* Cilau Aeron to Aberaeron (Aeron)", 40), text("+ Llangeitho to Ciliau Aeron (Aeron)", 70),
                                                     text("+ Blaengwynfi to Pontrhydyfen (Afan)", 100), text("A plain line after the list", 160)]))
        DesignSemantics.apply(&doc)
        let lists = doc.allNodes.filter { $0.kind == .list }
        XCTAssertEqual(lists.count, 1)
        XCTAssertEqual(lists.first?.children.map { $0.text ?? "" },
                       ["Cilau Aeron to Aberaeron (Aeron)", "Llangeitho to Ciliau Aeron (Aeron)", "Blaengwynfi to Pontrhydyfen (Afan)"])
        XCTAssertEqual(doc.allNodes.first { $0.text == "A plain line after the list" }?.kind, .text)
    }

    /// One "+" line alone is no list (a "+ Add item" action, a plus sign).
    func testOnePlusLineIsNoList() {
        var doc = UIDocument(width: 800, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column),
                                          children: [text("+ Add another address", 40), text("A plain line after it", 100)]))
        DesignSemantics.apply(&doc)
        XCTAssertTrue(doc.allNodes.allSatisfy { $0.kind != .list })
    }
}
