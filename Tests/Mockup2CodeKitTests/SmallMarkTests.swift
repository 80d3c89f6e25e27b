import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 25: a picture placeholder shorter than a line of text on its short side (an icon-font
/// glyph, a bullet, a coloured strip) is a mark — an empty `<span>` of its size and colour — not an
/// `<img>`; a linked picture and anything 24 px or more on both sides stays a picture.
final class SmallMarkTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func testPicturesUnderALineOfTextOnTheirShortSideAreMarks() throws {
        let strip = UINode(kind: .image, box: PixelRect(x: 0, y: 0, width: 780, height: 14), style: UIStyle(background: RGB(200, 30, 30)), label: "image")
        let glyph = UINode(kind: .icon, box: PixelRect(x: 0, y: 20, width: 17, height: 28), style: UIStyle(background: RGB(30, 30, 30)), label: "icon")
        let icon = UINode(kind: .icon, box: PixelRect(x: 0, y: 60, width: 24, height: 24), style: UIStyle(background: RGB(100, 100, 100)), label: "icon")
        let photo = UINode(kind: .image, box: PixelRect(x: 0, y: 90, width: 300, height: 200), style: UIStyle(background: RGB(90, 120, 60)), label: "image")
        var logo = UINode(kind: .image, box: PixelRect(x: 0, y: 300, width: 120, height: 20), style: UIStyle(background: RGB(0, 0, 200)), label: "logo")
        logo.tag = "a"
        XCTAssertTrue(MockupElementBuilder.isMark(strip))
        XCTAssertTrue(MockupElementBuilder.isMark(glyph))
        XCTAssertFalse(MockupElementBuilder.isMark(icon))
        XCTAssertFalse(MockupElementBuilder.isMark(photo))
        XCTAssertFalse(MockupElementBuilder.isMark(logo), "a linked picture keeps its picture: the link needs a name")
        let doc = UIDocument(width: 800, height: 340, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 340),
                                          style: UIStyle(direction: .column), children: [strip, glyph, icon, photo, logo]))
        let html = try MockupRenderer().render(doc, target: .html, source: "marks.png").text
        XCTAssertTrue(html.contains("<span class=\"mark-1\" aria-hidden=\"true\"></span>"), html)
        XCTAssertTrue(html.contains("<span class=\"mark-2\" aria-hidden=\"true\"></span>"), html)
        // the icon, the photo and the logo's picture: three <img>
        XCTAssertEqual(html.components(separatedBy: "<img").count, 4, html)
        // laid out as the picture would be: a block of the strip's height in its colour
        XCTAssertTrue(html.range(of: #"\.mark-1 \{[^}]*display: block;[^}]*height: 14px;[^}]*background: #c81e1e"#, options: .regularExpression) != nil, html)
    }
}
