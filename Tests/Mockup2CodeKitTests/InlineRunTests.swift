import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Inline links: words of a paragraph set apart by colour or underline become `<a>` runs inside
/// the paragraph, escaped per target.
final class InlineRunTests: XCTestCase {
    let black = RGB(33, 37, 41), grey = RGB(69, 69, 69), blue = RGB(0, 123, 255), navy = RGB(33, 72, 115)

    func w(_ t: String, _ c: RGB?, underline: Bool = false) -> InlineRuns.Word { .init(text: t, ink: c, underline: underline) }

    func testColouredWordsInASentenceAreOneLinkEachSpacesBetweenThemIncluded() {
        let runs = InlineRuns.runs([[w("Read", black), w("the", black), w("user", blue), w("guide", blue), w("first.", black)]])
        XCTAssertEqual(runs, [UITextRun(text: "Read the "), UITextRun(text: "user guide", tag: "a", color: blue, underline: false),
                              UITextRun(text: " first.")])
        XCTAssertEqual(runs?.map(\.text).joined(), "Read the user guide first.")
    }

    func testADarkBlueBesideDarkGreyIsAnAccentAndALinkRunsOverALineBreak() {
        let runs = InlineRuns.runs([[w("by", grey), w("Rev.", navy)], [w("John", navy), w("Fritz", navy), w("wrote", grey)]])
        XCTAssertEqual(runs?.map(\.text), ["by ", "Rev.\nJohn Fritz", " wrote"])
        XCTAssertEqual(runs?[1].tag, "a")
    }

    func testNothingIsSetApartWithoutBodyTextOrWhenTheLinkIsMostOfIt() {
        // one colour throughout: the paragraph is what it is (the semantics stage decides on links)
        XCTAssertNil(InlineRuns.runs([[w("Learn", blue), w("more", blue)]]))
        XCTAssertNil(InlineRuns.runs([[w("Plain", black), w("words", grey)]]))
        // a coloured long link and one short body word: not a sentence with a link in it
        XCTAssertNil(InlineRuns.runs([[w("by", black), w("Frederick Surburg-Lutheran", blue)]]))
        // coloured numbers (prices, rates) are not links
        XCTAssertNil(InlineRuns.runs([[w("Rate", black), w("from", black), w("6.625%", blue), w("today", black)]]))
        // a grey word darker than grey body is not an accent (no colour of its own)
        XCTAssertNil(InlineRuns.runs([[w("Email:", RGB(0, 0, 0)), w("someone", RGB(120, 120, 120)), w("here", RGB(120, 120, 120))]]))
    }

    func testUnderlinedWordsAreLinksAndAWordWithADescenderBesideThemToo() {
        // Chromium skips the underline at descenders: "page" is not seen underlined yet belongs to the link
        let runs = InlineRuns.runs([[w("Discuss", black, underline: true), w("this", black, underline: true),
                                     w("page", black), w("or", black), w("leave", black), w("now", black)]])
        XCTAssertEqual(runs?.map(\.text), ["Discuss this page", " or leave now"])
        XCTAssertEqual(runs?[0].underline, true)
        XCTAssertNil(runs?[0].color)
    }

    func testAnUnderlineIsARowOfInkAcrossTheWordAndLettersAreNot() {
        var px = [UInt8](repeating: 255, count: 60 * 20 * 3)
        func put(_ x: Int, _ y: Int) { for k in 0..<3 { px[(y * 60 + x) * 3 + k] = 0 } }
        for x in stride(from: 4, to: 44, by: 5) { for y in 4..<14 { put(x, y); put(x + 1, y) } }   // glyph stems
        let letters = DesignRaster(Image(width: 60, height: 20, format: .rgb24, pixels: px))
        let word = PixelRect(x: 4, y: 4, width: 40, height: 10)
        XCTAssertFalse(letters.underlined(word, background: RGB(255, 255, 255), ink: RGB(0, 0, 0)))
        for x in 4..<44 { put(x, 15) }
        let underlined = DesignRaster(Image(width: 60, height: 20, format: .rgb24, pixels: px))
        XCTAssertTrue(underlined.underlined(word, background: RGB(255, 255, 255), ink: RGB(0, 0, 0)))
    }

    func testAWordOnAFillOfItsOwnIsABadgeNotALink() {
        var px = [UInt8](repeating: 255, count: 80 * 30 * 3)
        func put(_ x: Int, _ y: Int, _ c: RGB) { px[(y * 80 + x) * 3] = c.r; px[(y * 80 + x) * 3 + 1] = c.g; px[(y * 80 + x) * 3 + 2] = c.b }
        for y in 5..<25 { for x in 10..<60 { put(x, y, RGB(251, 239, 255)) } }   // a pale pill, within the colour tolerance
        let r = DesignRaster(Image(width: 80, height: 30, format: .rgb24, pixels: px))
        XCTAssertEqual(r.ownFill(PixelRect(x: 16, y: 9, width: 38, height: 12), background: RGB(255, 255, 255)), RGB(251, 239, 255))
        XCTAssertNil(r.ownFill(PixelRect(x: 62, y: 9, width: 14, height: 12), background: RGB(255, 255, 255)))
        let pill = RGB(251, 239, 255)
        var words = [[w("Fix", black), w("the", black), w("crash", black), w("performance", RGB(130, 80, 223))]]
        InlineRuns.dropBadges(&words, fills: [[nil, nil, nil, pill]])
        XCTAssertNil(InlineRuns.runs(words))
        // every word on the same pale fill: the paragraph's own background, the link stays
        var onBox = [[w("Fix", black), w("the", black), w("crash", black), w("performance", RGB(130, 80, 223))]]
        InlineRuns.dropBadges(&onBox, fills: [[pill, pill, pill, pill]])
        XCTAssertEqual(InlineRuns.runs(onBox)?.last?.tag, "a")
    }

    func doc(_ p: UINode) -> UIDocument {
        UIDocument(width: 400, height: 100, background: RGB(255, 255, 255),
                   root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 400, height: 100), style: UIStyle(direction: .column), children: [p]))
    }

    func paragraph() -> UINode {
        var p = UINode(kind: .text, tag: "p", box: PixelRect(x: 0, y: 0, width: 400, height: 20),
                       style: UIStyle(color: black, fontSize: 16, lineHeight: 20), text: "See <b>{{x}}</b> \"now\"\nor later")
        p.runs = [UITextRun(text: "See "), UITextRun(text: "<b>{{x}}</b> \"now\"", tag: "a", color: blue, underline: false),
                  UITextRun(text: "\nor later")]
        return p
    }

    func testEveryTargetWritesTheLinkInsideTheParagraphEscaped() throws {
        let r = try MockupRenderer()
        let html = try r.render(doc(paragraph()), target: .html).text
        XCTAssertTrue(html.contains("<p class=\"text-1\">See <a class=\"link-1\" href=\"#\">&lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt; &quot;now&quot;</a>\nor later</p>"), html)
        XCTAssertTrue(html.contains(".link-1 { color: #007bff; text-decoration: underline; }"), html)
        let tw = try r.render(doc(paragraph()), target: .tailwind).text
        XCTAssertTrue(tw.contains("<a class=\"text-[#007bff] underline\" href=\"#\">&lt;b&gt;"), "underlined in so many words (Tailwind's preflight takes a link's underline away): \(tw)")
        let jsx = try r.render(doc(paragraph()), target: .react).text
        XCTAssertTrue(jsx.contains("{\"See \"}<a className=\"link-1\" href={\"#\"}>{\"\\u003cb\\u003e{{x}}\\u003c/b\\u003e \\\"now\\\"\"}</a>{\"\\nor later\"}"), jsx)
        let vue = try r.render(doc(paragraph()), target: .vue).text
        XCTAssertTrue(vue.contains("See <a class=\"link-1\" href=\"#\">&lt;b&gt;&#123;&#123;x"), vue)
    }

    func testRunsThatNoLongerSpellTheTextAreDroppedAndABulletCutFromTheFrontIsFollowed() throws {
        var changed = paragraph(); changed.text = "Something else"
        let plain = try MockupRenderer().render(doc(changed), target: .html).text
        XCTAssertFalse(plain.contains("<a "), plain)
        var item = paragraph(); item.kind = .listItem; item.tag = "li"; item.text = "ee <b>{{x}}</b> \"now\"\nor later"
        let li = try MockupRenderer().render(doc(item), target: .html).text
        XCTAssertTrue(li.contains(">ee <a class=\"link-1\""), li)
        // a whole-paragraph link keeps no runs: no <a> inside an <a>
        var whole = paragraph(); whole.tag = "a"
        let a = try MockupRenderer().render(doc(whole), target: .html).text
        XCTAssertEqual(a.components(separatedBy: "<a ").count, 2, a)
    }

    func testTheAccessibilityStageRaisesALinkRunsContrastLikeAnyText() {
        var p = paragraph()
        p.runs?[1].color = RGB(125, 125, 125)   // 4.2:1 on white, within 10 % of 4.5
        var d = doc(p)
        DesignAccessibility.apply(&d)
        let fixed = d.allNodes.first { $0.runs != nil }!.runs![1].color!
        XCTAssertGreaterThanOrEqual(DesignAccessibility.contrastRatio(fixed, RGB(255, 255, 255)), 4.5)
    }
}
