import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A site's credit line ("Powered by Blogger") is a link; a sentence that credits someone, a
/// heading-sized line and a line that merely mentions a credit phrase are not.
final class CreditLinkTests: XCTestCase {
    func text(_ s: String, _ y: Int, size: Double = 14) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 100, y: y, width: 400, height: Int(size * 1.25)),
               style: UIStyle(color: RGB(90, 90, 90), fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func tags(_ kids: [UINode]) -> [String: String] {
        var doc = UIDocument(width: 800, height: 1000, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 1000),
                                          style: UIStyle(direction: .column), children: kids))
        DesignSemantics.apply(&doc)
        var out: [String: String] = [:]
        for n in doc.allNodes where n.kind == .text { out[n.text ?? ""] = n.tag ?? "-" }
        return out
    }

    func testCreditLineInTheFooterIsALink() {
        let prose = String(repeating: "A paragraph of the page's body, long enough to set the body size. ", count: 4)
        var kids = [text(prose, 40), text(prose, 160), text("Powered by Blogger", 900),
                    text("Designed by someone who liked it.", 930), text("Powered by love", 960, size: 30)]
        kids[0].box.height = 90; kids[1].box.height = 90
        let t = tags(kids)
        XCTAssertEqual(t["Powered by Blogger"], "a", "\(t)")
        XCTAssertNotEqual(t["Designed by someone who liked it."], "a", "\(t)")   // a sentence
        XCTAssertNotEqual(t["Powered by love"], "a", "\(t)")                    // heading-sized
    }

    func testCreditLines() {
        XCTAssertTrue(DesignSemantics.isCreditLine("Powered by Blogger"))
        XCTAssertTrue(DesignSemantics.isCreditLine("Designed by Janzen Designs | Powered by Shopify"))
        XCTAssertTrue(DesignSemantics.isCreditLine("Theme images by richcano"))
        XCTAssertFalse(DesignSemantics.isCreditLine("Powered by"))
        XCTAssertFalse(DesignSemantics.isCreditLine("Our bakery is powered by coffee"))
        XCTAssertFalse(DesignSemantics.isCreditLine("Designed by our team in Lisbon."))
        XCTAssertFalse(DesignSemantics.isCreditLine("Powered by Blogger\nTheme images by richcano"))
    }
}
