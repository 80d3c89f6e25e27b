import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 25: a row of items set apart by bars, or a line holding glyphs OCR makes of icons, is no
/// heading however large it is drawn.
final class HeadingNoiseTests: XCTestCase {
    func text(_ s: String, _ y: Int, size: Double) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 0, y: y, width: 600, height: Int(size * 1.25)),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func testItemRowsAndIconGlyphsAreNoHeadings() {
        XCTAssertTrue(DesignSemantics.readsAsItemsOrGlyphs("Catalog | Articles | Website Keyword"))
        XCTAssertTrue(DesignSemantics.readsAsItemsOrGlyphs("Follow: ==="))
        XCTAssertTrue(DesignSemantics.readsAsItemsOrGlyphs("A\\B/C|D"))
        XCTAssertFalse(DesignSemantics.readsAsItemsOrGlyphs("Avro Lancaster B Mk. | ME858 JI-J (teaser)"), "one bar sets a title's parts apart")
        XCTAssertFalse(DesignSemantics.readsAsItemsOrGlyphs("Student / Senior Admission"))

        let body = (0..<6).map { text("Body copy of the page, long enough to be the body size here.", 300 + 30 * $0, size: 16) }
        let kids = [text("Code Issues | 128 Pull requests | 14", 20, size: 26), text("Share: =", 80, size: 26),
                    text("Annual Report", 140, size: 26), text("FOLLOW | SHARE | PRINT", 200, size: 16)] + body
        var doc = UIDocument(width: 800, height: 600, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: kids))
        DesignSemantics.apply(&doc)
        let texts = doc.allNodes.filter { $0.kind == .text }
        XCTAssertEqual(texts.first { $0.text == "Annual Report" }?.tag, "h1")
        // (a row of items may be split into its items, links or not: none of them a heading)
        for word in ["Code Issues", "Pull requests", "Share", "FOLLOW", "SHARE", "PRINT"] {
            let hits = texts.filter { ($0.text ?? "").contains(word) }
            XCTAssertFalse(hits.isEmpty, word)
            XCTAssertFalse(hits.contains { DesignSemantics.isHeadingTag($0.tag) }, "\(word): \(hits.map { ($0.text ?? "", $0.tag ?? "") })")
        }
    }
}
