import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 19's precision rules: a heading names something in words and is no sentence; a mark
/// the size of a letter is type, not a picture.
final class HeadingTextAndMarkTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func text(_ s: String, _ y: Int, size: Double, weight: Int = 400) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 0, y: y, width: 500, height: Int(size * 1.25)),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: weight, lineHeight: size * 1.25), text: s)
    }

    func testHeadingTextNamesSomethingInWords() {
        XCTAssertTrue(DesignSemantics.namesInWords("Pricing"))
        XCTAssertTrue(DesignSemantics.namesInWords("17 December"))
        XCTAssertTrue(DesignSemantics.namesInWords("March 23, 2010"))
        XCTAssertFalse(DesignSemantics.namesInWords("640m"))
        XCTAssertFalse(DesignSemantics.namesInWords("4h10m"))
        XCTAssertFalse(DesignSemantics.namesInWords("4:30-4:45 pm"))
        XCTAssertFalse(DesignSemantics.namesInWords("x"))
        XCTAssertFalse(DesignSemantics.namesInWords("rN"))
        // a run of one letter is dots or stars; an acronym in capitals is a word
        XCTAssertFalse(DesignSemantics.namesInWords("eee 100%"))
        XCTAssertFalse(DesignSemantics.namesInWords("——EEEEEEee"))
        XCTAssertTrue(DesignSemantics.namesInWords("RSS"))
        XCTAssertTrue(DesignSemantics.namesInWords("FAQ"))
    }

    func testASentenceIsNoHeadingButAShortLineWithAFullStopOrAnEllipsisMayBe() {
        XCTAssertTrue(DesignSemantics.isSentence("The cooler temperatures are a welcome pleasure."))
        XCTAssertTrue(DesignSemantics.isSentence("Editors\nThere are no editors for this item."))
        XCTAssertFalse(DesignSemantics.isSentence("This website uses cookies."))
        XCTAssertFalse(DesignSemantics.isSentence("This week I have learned that......"))
        XCTAssertFalse(DesignSemantics.isSentence("By the light of grace..."))
        XCTAssertFalse(DesignSemantics.isSentence("Plan, ship and track every order"))
    }

    func testAPriceOnItsOwnLineIsNoHeadingButANameAbovePriceIs() {
        XCTAssertTrue(DesignSemantics.isPriceLine("€115.50"))
        XCTAssertTrue(DesignSemantics.isPriceLine("15x10 : $139.00 Add to cart"))
        XCTAssertTrue(DesignSemantics.isPriceLine("$ 29 /mo"))
        XCTAssertFalse(DesignSemantics.isPriceLine("Monologue\n$2.99"))
        XCTAssertFalse(DesignSemantics.isPriceLine("Save $ on every order"))
        XCTAssertFalse(DesignSemantics.isPriceLine("Pricing"))
    }

    func testLettersOfASpacedWordAreNoMenuButAnAToZIndexIs() {
        XCTAssertTrue(DesignSemantics.isLetterSpacedWord(["I", "M", "A", "G", "E"]))
        XCTAssertTrue(DesignSemantics.isLetterSpacedWord(["T", "E", "x", "A", ""]))
        XCTAssertFalse(DesignSemantics.isLetterSpacedWord(["A", "B", "C", "D"]))
        XCTAssertFalse(DesignSemantics.isLetterSpacedWord(["Home", "About", "Contact"]))
        XCTAssertFalse(DesignSemantics.isLetterSpacedWord(["1", "2", "3"]))
        // in a row, the spaced letters stay text; a menu of words becomes links
        func row(_ items: [String]) -> UINode {
            UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 600, height: 40), style: UIStyle(direction: .row),
                   children: items.enumerated().map { i, t in
                       UINode(kind: .text, box: PixelRect(x: 20 + i * 40, y: 10, width: 20, height: 20),
                              style: UIStyle(color: RGB(17, 24, 39), fontSize: 16, fontWeight: 400, lineHeight: 20), text: t)
                   })
        }
        var doc = UIDocument(width: 600, height: 200, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 600, height: 200),
                                          style: UIStyle(direction: .column), children: [row(["I", "M", "A", "G", "E"]), row(["Home", "Shop", "Blog"])]))
        DesignSemantics.apply(&doc)
        let tags = doc.allNodes.filter { $0.kind == .text }.map { $0.tag ?? "" }
        XCTAssertEqual(tags, ["p", "p", "p", "p", "p", "a", "a", "a"])
    }

    func testLargeFiguresIconsAndSentencesStayParagraphs() {
        var body: [UINode] = []
        for i in 0..<6 { body.append(text(String(repeating: "body text ", count: 8), 600 + i * 20, size: 14)) }
        let kids = [
            text("Trail of the week", 0, size: 28, weight: 700),
            text("640m", 60, size: 20, weight: 700),
            text("x", 100, size: 24),
            text("We have missed eating supper outside.", 140, size: 20),
            text("This website uses cookies.", 180, size: 20),
            text("€115.50", 220, size: 24, weight: 700),
        ]
        var doc = UIDocument(width: 800, height: 800, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 800),
                                          style: UIStyle(direction: .column), children: kids + body))
        DesignSemantics.apply(&doc)
        let tags = Dictionary(uniqueKeysWithValues: doc.allNodes.filter { $0.kind == .text }.prefix(5).map { ($0.text ?? "", $0.tag) })
        XCTAssertEqual(tags["Trail of the week"], "h1")
        XCTAssertEqual(tags["640m"], "p")
        XCTAssertEqual(tags["x"], "p")
        XCTAssertEqual(tags["We have missed eating supper outside."], "p")
        XCTAssertEqual(tags["This website uses cookies."], "h2")
        XCTAssertEqual(doc.allNodes.first { $0.text == "€115.50" }?.tag, "p")
    }

    func testALetterSizedMarkIsASpanAndALargerIconAnImage() throws {
        let mark = UINode(kind: .icon, box: PixelRect(x: 20, y: 20, width: 8, height: 9), style: UIStyle(background: RGB(15, 118, 110)), label: "icon")
        let icon = UINode(kind: .icon, box: PixelRect(x: 20, y: 60, width: 24, height: 24), style: UIStyle(background: RGB(100, 100, 100)), label: "icon")
        XCTAssertTrue(MockupElementBuilder.isGlyphMark(mark))
        XCTAssertFalse(MockupElementBuilder.isGlyphMark(icon))
        let doc = UIDocument(width: 200, height: 100, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 200, height: 100),
                                          style: UIStyle(direction: .column), children: [mark, icon]))
        let html = try MockupRenderer().render(doc, target: .html, source: "marks.png").text
        XCTAssertTrue(html.contains("<span class=\"mark-1\" aria-hidden=\"true\"></span>"), html)
        XCTAssertTrue(html.contains("<img class=\"icon-1\" src=\"data:image/gif;base64,"), html)
        XCTAssertEqual(html.components(separatedBy: "<img").count, 2, html)
        // laid out as the picture would be: a block of the mark's size in its colour
        XCTAssertTrue(html.range(of: #"\.mark-1 \{[^}]*display: block;[^}]*height: 9px;[^}]*background: #0f766e"#, options: .regularExpression) != nil, html)
        let jsx = try MockupRenderer().render(doc, target: .react, source: "marks.png").text
        XCTAssertTrue(jsx.contains("<span className=\"mark-1\" aria-hidden={\"true\"}></span>") || jsx.contains("<span className=\"mark-1\" aria-hidden"), jsx)
    }
}
