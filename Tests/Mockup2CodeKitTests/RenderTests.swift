import CodeGen
import Foundation
import DesignLayout
import ScreenCore
import XCTest

/// Per-target rendering of a small hand-made UI document, escaping of hostile text, and flow layout.
final class RenderTests: XCTestCase {
    static let hostile = "</p><script>alert(\"x\")</script> {{ evil }} {danger} & 'quotes' \\ `tick` ${x}"

    /// A card with a heading, a hostile paragraph, a labelled input and a button.
    func document(text: String = "Plain words") -> UIDocument {
        let heading = UINode(kind: .text, tag: "h1", box: PixelRect(x: 40, y: 40, width: 300, height: 40),
                             style: UIStyle(color: RGB(17, 17, 17), fontSize: 32, fontWeight: 700, lineHeight: 40), text: "Welcome back")
        let para = UINode(kind: .text, tag: "p", box: PixelRect(x: 40, y: 96, width: 400, height: 40),
                          style: UIStyle(color: RGB(75, 85, 99), fontSize: 16, lineHeight: 20), text: text + "\nsecond line")
        let label = UINode(kind: .text, tag: "label", box: PixelRect(x: 40, y: 150, width: 80, height: 20),
                           style: UIStyle(fontSize: 14, lineHeight: 20), text: "Email")
        let input = UINode(kind: .input, box: PixelRect(x: 40, y: 174, width: 320, height: 40),
                           style: UIStyle(border: UIBorder(width: 1, color: RGB(209, 213, 219)), radius: 8),
                           label: "Email", placeholder: "you@example.com")
        let button = UINode(kind: .button, box: PixelRect(x: 40, y: 230, width: 320, height: 44),
                            style: UIStyle(background: RGB(37, 99, 235), color: RGB(255, 255, 255), fontSize: 16, fontWeight: 700, radius: 8),
                            text: "Sign in")
        let card = UINode(kind: .container, box: PixelRect(x: 20, y: 20, width: 480, height: 280),
                          style: UIStyle(background: RGB(255, 255, 255), border: UIBorder(width: 1, color: RGB(229, 231, 235)), radius: 16, direction: .column),
                          children: [heading, para, label, input, button])
        var doc = UIDocument(width: 640, height: 360, background: RGB(243, 244, 246), title: "Welcome back",
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 640, height: 360),
                                          style: UIStyle(direction: .column), children: [card]))
        LayoutFlow.apply(&doc)
        return doc
    }

    func render(_ d: UIDocument, _ t: MockupTarget, stem: String? = nil) throws -> MockupArtifact {
        try MockupRenderer().render(d, target: t, stem: stem, source: "card.png")
    }

    func testHTMLIsOneSelfContainedFileWithSemanticTags() throws {
        let html = try render(document(), .html).text
        XCTAssertTrue(html.hasPrefix("<!doctype html>"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertTrue(html.contains("<h1 class=\"h1-1\">Welcome back</h1>"), html)
        XCTAssertTrue(html.contains("<label class=\"label-1\" for=\"field-1\">Email</label>"), html)
        XCTAssertTrue(html.contains("<input class=\"input-1\" id=\"field-1\" type=\"text\" placeholder=\"you@example.com\" aria-label=\"Email\">"), html)
        XCTAssertTrue(html.contains("<button class=\"button-1\" type=\"button\">Sign in</button>"), html)
        XCTAssertTrue(html.contains("<title>Welcome back</title>"))
        // Flow layout: widths in % of the parent, no absolute positioning.
        XCTAssertTrue(html.contains(".box-1 { margin-left: 3.125%; width: 75%; display: flex; flex-direction: column; align-items: flex-start; padding-top: 19px; min-height: 280px;"), html)
        XCTAssertTrue(html.contains(".page { display: flex; flex-direction: column; align-items: flex-start; padding-top: 20px; width: 100%; min-height: 360px; }"), html)
        XCTAssertFalse(html.contains("position: absolute"))
        XCTAssertTrue(html.contains("background: #2563eb"))
        XCTAssertTrue(html.contains("border-radius: 16px"))
        XCTAssertFalse(html.contains("{{"), "unrendered template tags")
    }

    func testTailwindUsesUtilityClassesAndShipsTheirCSS() throws {
        let html = try render(document(), .tailwind).text
        XCTAssertTrue(html.contains("class=\"ml-[3.125%] w-[75%] flex flex-col items-start pt-[19px] min-h-[280px]"), html)
        XCTAssertTrue(html.contains("bg-[#2563eb]"))
        XCTAssertTrue(html.contains(".w-\\[75\\%\\] { width: 75%; }"), html)
        XCTAssertTrue(html.contains(".bg-\\[\\#2563eb\\] { background: #2563eb; }"), html)
        XCTAssertFalse(html.contains("class=\"box-1\""))
    }

    func testReactComponentWithSiblingStylesheet() throws {
        let a = try render(document(), .react, stem: "Card")
        XCTAssertTrue(a.text.hasPrefix("import \"./Card.css\";"), a.text)
        XCTAssertTrue(a.text.contains("export default function Design() {"))
        XCTAssertTrue(a.text.contains("className=\"h1-1\""))
        XCTAssertTrue(a.text.contains("htmlFor={\"field-1\"}"))
        XCTAssertTrue(a.text.contains("/>"), "void elements must self-close in JSX")
        XCTAssertFalse(a.text.contains(" class=\""))
        XCTAssertTrue(a.text.contains("{\"Plain words\\nsecond line\"}"), a.text)
        let css = try XCTUnwrap(a.stylesheet)
        XCTAssertTrue(css.contains(".button-1 {"))
        // Without an output file the CSS is inlined.
        let inline = try render(document(), .react)
        XCTAssertNil(inline.stylesheet)
        XCTAssertTrue(inline.text.contains("<style>{\""))
        XCTAssertFalse(inline.text.contains("import"))
    }

    func testVueSingleFileComponent() throws {
        let v = try render(document(), .vue).text
        XCTAssertTrue(v.contains("<template>\n  <div class=\"page\" v-pre>"), v)
        XCTAssertTrue(v.contains("</template>"))
        XCTAssertTrue(v.contains("<style>"))
        XCTAssertTrue(v.contains("export default { name: 'Design' };"))
    }

    func testHostileTextIsEscapedInEveryTarget() throws {
        let d = document(text: Self.hostile)
        for t in MockupTarget.allCases {
            let a = try render(d, t, stem: "X")
            XCTAssertFalse(a.text.contains("<script>alert"), "\(t): raw script tag")
            XCTAssertFalse(a.text.contains("</p><"), "\(t): markup broke out")
            switch t {
            case .react:
                XCTAssertTrue(a.text.contains(#"{"\u003c/p\u003e\u003cscript\u003ealert(\"x\")\u003c/script\u003e {{ evil }} {danger} & 'quotes' \\ `tick` ${x}\nsecond line"}"#), a.text)
            case .html, .tailwind, .vue:
                XCTAssertTrue(a.text.contains("&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#123;&#123; evil &#125;&#125; &#123;danger&#125; &amp; &#39;quotes&#39;"), a.text)
                XCTAssertFalse(a.text.contains("{{ evil"), "\(t): template delimiters survived")
            }
        }
    }

    func testEscapingFunctions() {
        XCTAssertEqual(MockupEscaping.htmlText("a<b>&\"'{}"), "a&lt;b&gt;&amp;&quot;&#39;&#123;&#125;")
        XCTAssertEqual(MockupEscaping.jsString("a\"b\\c\nd</script>\u{2028}"), #""a\"b\\c\nd\u003c/script\u003e\u2028""#)
        XCTAssertEqual(MockupEscaping.jsxText("{x}"), "{\"{x}\"}")
        // Bidi overrides and controls are escaped as in the script targets (Trojan Source).
        XCTAssertEqual(MockupEscaping.jsString("a\u{202E}b\u{1}'"), #""a\u202Eb\x01'""#)
        XCTAssertEqual(MockupEscaping.htmlText("a\u{202E}b\u{1}\u{85}\u{200D}"), "a&#x202E;b\u{FFFD}\u{FFFD}\u{200D}")
        XCTAssertEqual(MockupEscaping.cssClassSelector("w-[12.5%]"), ".w-\\[12\\.5\\%\\]")
        XCTAssertEqual(MockupEscaping.cssComment("a*/b<c>--d"), "a* /b(lt)c(gt)- -d")
    }

    func testFlowLayoutMarginsGapAndCentring() {
        func text(_ y: Int, _ x: Int = 100, _ w: Int = 200) -> UINode {
            UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: 20), style: UIStyle(fontSize: 16, lineHeight: 20), text: "t")
        }
        var doc = UIDocument(width: 600, height: 400, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 600, height: 400),
                                          style: UIStyle(direction: .column),
                                          children: [text(50), text(90), text(130), text(170, 200, 200)]))
        LayoutFlow.apply(&doc)
        let kids = doc.root.children
        XCTAssertEqual(doc.root.style.padding?.top, 50)
        XCTAssertEqual(doc.root.style.gap, 20)
        XCTAssertNil(kids[1].style.margin?.top == 0 ? nil : kids[1].style.margin?.top)
        XCTAssertEqual(kids[0].style.margin?.left, 100)
        // The last one is centred (200 px either side): it spans the page, centred.
        XCTAssertEqual(kids[3].style.textAlign, .center)
        XCTAssertEqual(kids[3].box.width, 600)
    }
}
