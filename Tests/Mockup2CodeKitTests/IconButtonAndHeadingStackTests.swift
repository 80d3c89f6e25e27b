import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 26: a box holding an icon and a short label is a button; stacked lines of one heading's
/// style are one heading, or paragraphs when joined they read as prose.
final class IconButtonAndHeadingStackTests: XCTestCase {
    func iconBox(_ x: Int, label: String, background: RGB? = RGB(255, 255, 255), tag: String? = nil) -> UINode {
        UINode(kind: .container, box: PixelRect(x: x, y: 314, width: 150, height: 51), style: UIStyle(background: background, direction: .row),
               children: [UINode(kind: .icon, box: PixelRect(x: x + 17, y: 324, width: 32, height: 32), style: UIStyle(background: RGB(40, 40, 40)), label: "icon"),
                          UINode(kind: .text, tag: tag, box: PixelRect(x: x + 57, y: 325, width: 80, height: 26),
                                 style: UIStyle(color: RGB(20, 20, 20), fontSize: 21, fontWeight: 400, lineHeight: 26), text: label)])
    }

    func testABoxWithAnIconAndAShortLabelIsAButton() throws {
        XCTAssertTrue(ControlShapes.isIconButton(iconBox(193, label: "Steam")))
        XCTAssertTrue(ControlShapes.isIconButton(iconBox(193, label: "Join us now")))
        // no look of its own, a longer line, a link already, a card taller than a button
        XCTAssertFalse(ControlShapes.isIconButton(iconBox(193, label: "Steam", background: nil)))
        XCTAssertFalse(ControlShapes.isIconButton(iconBox(193, label: "Read the whole story here")))
        XCTAssertFalse(ControlShapes.isIconButton(iconBox(193, label: "Steam", tag: "a")))
        var tall = iconBox(193, label: "Steam")
        tall.box.height = 120
        XCTAssertFalse(ControlShapes.isIconButton(tall))

        var root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 800), style: UIStyle(direction: .row),
                          children: [iconBox(193, label: "Steam"), iconBox(353, label: "Facebook")])
        ControlShapes.foldIconButtons(&root)
        XCTAssertEqual(root.children.map(\.tag), ["button", "button"])
        XCTAssertEqual(root.children[1].label, "Facebook")
        XCTAssertEqual(root.children[0].children[1].tag, "span")
        // drawn as the box it was: a <button> holding the icon and the label, without the browser's button look
        let doc = UIDocument(width: 1280, height: 800, background: RGB(230, 230, 230), root: root)
        let html = try MockupRenderer().render(doc, target: .html, source: "t.png").text
        XCTAssertTrue(html.contains("<button class=\"button-1\" type=\"button\">"), html)
        XCTAssertTrue(html.contains("<span class=\"text-1\">Steam</span>"), html)
        XCTAssertTrue(html.contains("text-align: left"), html)
    }

    func testAnOutlineFivePixelsAroundAButtonIsItsFrame() {
        // d2c/6111's "My Account": a 1 px outline 5 px out on every side
        var button = UINode(kind: .button, box: PixelRect(x: 11, y: 156, width: 111, height: 35), style: UIStyle(background: RGB(24, 83, 112)), text: "My Account")
        button.style.fontSize = 16
        let frame = UINode(kind: .container, box: PixelRect(x: 6, y: 151, width: 121, height: 45),
                           style: UIStyle(border: UIBorder(width: 1, color: RGB(237, 237, 237))), children: [button])
        var root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 800), children: [frame])
        ControlShapes.foldButtonFrames(&root)
        XCTAssertEqual(root.children[0].kind, .button)
        XCTAssertEqual(root.children[0].box, PixelRect(x: 6, y: 151, width: 121, height: 45))
    }

    func line(_ s: String, x: Int = 100, y: Int, size: Double = 26, width: Int = 400) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: width, height: Int(size * 1.2)),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: 400, lineHeight: size * 1.2), text: s)
    }

    func document(_ kids: [UINode]) -> UIDocument {
        let body = (0..<8).map { line("Body copy of the page, long enough to be the body size here.", y: 400 + 24 * $0, size: 16, width: 600) }
        return UIDocument(width: 800, height: 700, background: RGB(255, 255, 255),
                          root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 700),
                                       style: UIStyle(direction: .column), children: kids + body))
    }

    func testStackedLinesOfOneHeadingAreOneHeading() {
        var doc = document([line("Hamlet Analysis of Act IV, Scene 5", y: 40), line("by William Shakespeare", x: 100, y: 74, width: 280),
                            line("A separate title far below", y: 200)])
        DesignSemantics.apply(&doc)
        let headings = doc.allNodes.filter { DesignSemantics.isHeadingTag($0.tag) }
        XCTAssertEqual(headings.count, 2, "\(headings.map { ($0.tag ?? "", DesignSemantics.headingText($0) ?? "") })")
        let stack = headings.first { $0.kind == .container }
        XCTAssertEqual(stack?.children.map(\.text), ["Hamlet Analysis of Act IV, Scene 5", "by William Shakespeare"])
        XCTAssertEqual(stack?.children.map(\.tag), ["span", "span"])
        XCTAssertEqual(stack?.box, PixelRect(x: 100, y: 40, width: 400, height: 65))
        XCTAssertEqual(doc.title, "Hamlet Analysis of Act IV, Scene 5 by William Shakespeare")
    }

    func testLargeProseWrappedLineByLineIsParagraphs() {
        var doc = document([line("It is pioneer day today, and in celebration of the pioneering movement of sexual", y: 40, width: 650),
                            line("addiction awareness, I am offering my book for free. Tell everyone, and share it!", y: 72, width: 540),
                            line("Get my book", y: 200)])
        DesignSemantics.apply(&doc)
        let tags = Dictionary(doc.allNodes.filter { $0.kind == .text }.map { ($0.text ?? "", $0.tag ?? "") }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(tags["It is pioneer day today, and in celebration of the pioneering movement of sexual"], "p")
        XCTAssertEqual(tags["addiction awareness, I am offering my book for free. Tell everyone, and share it!"], "p")
        XCTAssertEqual(tags["Get my book"], "h1")
    }
}
