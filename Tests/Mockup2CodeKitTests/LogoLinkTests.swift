import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// The page's first picture, in its header band, is its logo: a link home (`<a><img></a>`).
final class LogoLinkTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func picture(_ x: Int, _ y: Int, _ w: Int, _ h: Int, kind: UINodeKind = .image) -> UINode {
        UINode(kind: kind, box: PixelRect(x: x, y: y, width: w, height: h), style: UIStyle(background: RGB(30, 60, 90)),
               label: kind == .icon ? "icon" : "image")
    }

    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int, size: Double = 16) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: h),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: 400, lineHeight: size * 1.25), text: s)
    }

    func document(_ kids: [UINode]) -> UIDocument {
        UIDocument(width: 1280, height: 1000, background: page,
                   root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 1000),
                                style: UIStyle(direction: .column), children: kids))
    }

    func tags(_ doc: UIDocument) -> [String?] {
        doc.allNodes.filter { $0.kind == .image || $0.kind == .icon }.sorted { $0.box.y < $1.box.y }.map(\.tag)
    }

    func testTheFirstPictureAtTheTopIsALinkAndTheOthersAreNot() {
        // the logo in a header row beside the menu, then an article's photo and a second picture
        let bar = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 80), style: UIStyle(direction: .row),
                         children: [picture(40, 20, 124, 40), text("Projects", 300, 30, 60, 18), text("Tasks", 400, 30, 40, 18)])
        var doc = document([bar, text("Photo of the week", 40, 120, 300, 30, size: 26), picture(40, 170, 600, 300),
                            picture(700, 170, 300, 300)])
        DesignSemantics.apply(&doc)
        XCTAssertEqual(tags(doc), ["a", nil, nil])
    }

    func testAFirstPictureBelowTheHeaderBandOrAGlyphIsNoLogo() {
        // a hero picture starting below the band: content, not a logo
        var low = document([text("Stream Farm", 40, 20, 300, 30, size: 26), picture(40, DesignSemantics.logoBand, 800, 300)])
        DesignSemantics.apply(&low)
        XCTAssertEqual(tags(low), [nil])
        // a menu's glyph at the top is smaller than any logo; the picture after it is not the first
        var glyph = document([picture(40, 20, 12, 18, kind: .icon), picture(200, 60, 300, 60)])
        DesignSemantics.apply(&glyph)
        XCTAssertEqual(tags(glyph), [nil, nil])
        // a square emblem beside the site's name: the name is the link, the emblem stays a picture
        var emblem = document([picture(40, 20, 36, 36, kind: .icon), text("Relay", 84, 26, 60, 24, size: 20),
                               picture(200, 90, 300, 60)])
        DesignSemantics.apply(&emblem)
        XCTAssertEqual(tags(emblem), [nil, nil])
    }

    func testALinkedPictureIsAnAnchorWithThePictureInsideLaidOutAsThePictureWas() throws {
        var logo = picture(40, 20, 124, 40)
        logo.tag = "a"
        let doc = document([logo, text("Body text", 40, 200, 200, 20)])
        let html = try MockupRenderer().render(doc, target: .html, source: "logo.png").text
        // the link takes the picture's box (block, its height, its colour); the picture fills it and names it
        XCTAssertTrue(html.range(of: ##"<a class="image-1" href="#">\s*<img class="image-2" src="data:image/gif;base64,[^"]*" alt="image">\s*</a>"##,
                                 options: .regularExpression) != nil, html)
        XCTAssertTrue(html.range(of: #"\.image-1 \{[^}]*display: block;[^}]*height: 40px;[^}]*background: #1e3c5a"#, options: .regularExpression) != nil, html)
        XCTAssertTrue(html.range(of: #"\.image-2 \{ display: block; width: 100%; height: 100%; \}"#, options: .regularExpression) != nil, html)
        let jsx = try MockupRenderer().render(doc, target: .react, source: "logo.png").text
        XCTAssertTrue(jsx.contains("<a className=\"image-1\" href=\"#\">") || jsx.contains("<a className=\"image-1\" href={\"#\"}>"), jsx)
    }
}
