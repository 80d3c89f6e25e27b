import DesignLayout
import ScreenCore
import XCTest

/// The site's name at the start of a header is a link home, not the page's `h1`.
final class BrandTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int, size: Double = 16, weight: Int = 400) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: h),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: weight, lineHeight: size * 1.25), text: s)
    }

    func document(header: [UINode]) -> UIDocument {
        let bar = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 60), style: UIStyle(direction: .row),
                         children: header)
        let title = text("Account settings", 100, 100, 300, 36, size: 30, weight: 700)
        let body = (0..<4).map { text(String(repeating: "Body text of the page. ", count: 6), 100, 160 + $0 * 24, 700, 20) }
        let footer = text("© 2026 Paperboat", 100, 1150, 200, 20)
        return UIDocument(width: 1280, height: 1200, background: page,
                          root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 1200),
                                       style: UIStyle(direction: .column), children: [bar, title] + body + [footer]))
    }

    func testTheNameBeforeAHeaderMenuIsALink() {
        var doc = document(header: [text("Paperboat", 40, 18, 105, 24, size: 22, weight: 700),
                                    text("Projects", 176, 22, 60, 18), text("Tasks", 264, 22, 40, 18), text("Reports", 334, 22, 56, 18)])
        DesignSemantics.apply(&doc)
        XCTAssertEqual(doc.allNodes.first { $0.text == "Paperboat" }?.tag, "a")
        XCTAssertEqual(doc.allNodes.first { $0.text == "Account settings" }?.tag, "h1")
        XCTAssertEqual(doc.allNodes.first { $0.tag == "header" }.map { _ in true }, true)
    }

    func testALoneTitleInTheHeaderStaysAHeading() {
        var doc = document(header: [text("Paperboat", 40, 18, 105, 24, size: 36, weight: 700)])
        DesignSemantics.apply(&doc)
        XCTAssertTrue(DesignSemantics.isHeadingTag(doc.allNodes.first { $0.text == "Paperboat" }?.tag))
    }
}
