import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A row of labels over a row of fields (a form's two-column rows): each label names the field
/// below it, in the document and in the generated `<label for>`.
final class RowLabelTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func text(_ s: String, _ x: Int, _ y: Int, size: Double = 14, weight: Int = 600) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: 90, height: Int(size * 1.25)),
               style: UIStyle(color: RGB(17, 24, 39), fontSize: size, fontWeight: weight, lineHeight: size * 1.25), text: s)
    }
    func field(_ x: Int, _ y: Int, hint: String) -> UINode {
        var f = UINode(kind: .input, box: PixelRect(x: x, y: y, width: 240, height: 40),
                       style: UIStyle(color: RGB(107, 114, 128), fontSize: 15, border: UIBorder(width: 1, color: RGB(209, 213, 219))))
        f.placeholder = hint; f.label = hint
        return f
    }
    func row(_ kids: [UINode]) -> UINode {
        let r = kids.dropFirst().reduce(kids[0].box) { $0.union($1.box) }
        return UINode(kind: .container, box: r, style: UIStyle(direction: .row), children: kids)
    }
    func document(labelsAt xs: [Int], size: Double = 14) -> UIDocument {
        let labels = row([text("First name", xs[0], 100, size: size), text("Last name", xs[1], 100, size: size)])
        let fields = row([field(0, 126, hint: "Ada"), field(300, 126, hint: "Lovelace")])
        var body: [UINode] = []
        for i in 0..<4 { body.append(UINode(kind: .text, box: PixelRect(x: 0, y: 200 + i * 20, width: 500, height: 18),
                                            style: UIStyle(color: RGB(17, 24, 39), fontSize: 14, fontWeight: 400, lineHeight: 18),
                                            text: String(repeating: "body text ", count: 8))) }
        return UIDocument(width: 600, height: 300, background: page,
                          root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 600, height: 300),
                                       style: UIStyle(direction: .column), children: [labels, fields] + body))
    }

    func testTextsOverFieldsSideBySideLabelThem() throws {
        var doc = document(labelsAt: [0, 302])
        DesignSemantics.apply(&doc)
        let texts = doc.allNodes.filter { $0.text == "First name" || $0.text == "Last name" }
        XCTAssertEqual(texts.map(\.tag), ["label", "label"])
        XCTAssertEqual(doc.allNodes.filter { $0.kind == .input }.map(\.label), ["First name", "Last name"])
        let html = try MockupRenderer().render(doc, target: .html, source: "form.png").text
        XCTAssertTrue(html.contains("<label class=\"label-1\" for=\"field-1\">First name</label>"), html)
        XCTAssertTrue(html.contains("<label class=\"label-2\" for=\"field-2\">Last name</label>"), html)
        let jsx = try MockupRenderer().render(doc, target: .react, source: "form.png").text
        XCTAssertTrue(jsx.contains("htmlFor={\"field-2\"}"), jsx)
    }

    func testTextsNotAlignedWithTheFieldsOrSetAsTitlesAreNoLabels() {
        var shifted = document(labelsAt: [0, 380])
        DesignSemantics.apply(&shifted)
        XCTAssertFalse(shifted.allNodes.contains { $0.tag == "label" })
        var titles = document(labelsAt: [0, 302], size: 24)
        DesignSemantics.apply(&titles)
        XCTAssertFalse(titles.allNodes.contains { $0.tag == "label" })
    }
}
