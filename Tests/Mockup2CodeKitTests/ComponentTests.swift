import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// The component rules (controls by shape, headings, links, labels, alt text), the accessibility
/// stage, and every component rendered in the four targets against golden files.
/// `RECORD_GOLDENS=1 swift test --filter ComponentTests` rewrites the goldens and fails.
final class ComponentTests: XCTestCase {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Golden__").path
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    let page = RGB(255, 255, 255)
    let grey = UIBorder(width: 1, color: RGB(209, 213, 219))

    func box(_ x: Int, _ y: Int, _ w: Int, _ h: Int, fill: RGB? = nil, border: UIBorder? = nil, radius: Double? = nil,
             children: [UINode] = []) -> UINode {
        UINode(kind: .container, box: PixelRect(x: x, y: y, width: w, height: h),
               style: UIStyle(background: fill, border: border, radius: radius, direction: .row), children: children)
    }
    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int, size: Double = 16, weight: Int = 400,
              color: RGB = RGB(17, 24, 39)) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: h),
               style: UIStyle(color: color, fontSize: size, fontWeight: weight, lineHeight: size * 1.25), text: s)
    }

    // MARK: - Controls by shape

    func testSmallBorderedSquareIsACheckboxAndCircleARadio() {
        let square = ControlShapes.classify(box(10, 10, 16, 16, border: grey, radius: 3), background: page)
        XCTAssertEqual(square?.kind, .checkbox)
        XCTAssertNil(square?.tag)
        XCTAssertNil(square?.checked)
        let circle = ControlShapes.classify(box(10, 10, 18, 18, border: grey, radius: 9), background: page)
        XCTAssertEqual(circle?.kind, .checkbox)
        XCTAssertEqual(circle?.tag, "radio")
        // a filled square without a border is a checked box; a filled dot without a ring is not a radio
        let filled = ControlShapes.classify(box(10, 10, 16, 16, fill: RGB(17, 24, 39), radius: 3), background: page)
        XCTAssertEqual(filled?.kind, .checkbox)
        XCTAssertEqual(filled?.checked, true)
        XCTAssertNil(ControlShapes.classify(box(10, 10, 18, 18, fill: RGB(22, 163, 74), radius: 9), background: page))
    }

    func testPillWithAKnobIsASwitchOnWhenTheKnobIsRight() {
        let knobRight = UINode(kind: .icon, box: PixelRect(x: 30, y: 12, width: 18, height: 18), style: UIStyle(background: page))
        let on = ControlShapes.classify(box(10, 10, 40, 22, fill: RGB(22, 163, 74), radius: 11, children: [knobRight]), background: page)
        XCTAssertEqual(on?.kind, .checkbox)
        XCTAssertEqual(on?.tag, "switch")
        XCTAssertEqual(on?.checked, true)
        let knobLeft = UINode(kind: .icon, box: PixelRect(x: 12, y: 12, width: 18, height: 18), style: UIStyle(background: page))
        let off = ControlShapes.classify(box(10, 10, 40, 22, fill: RGB(212, 212, 216), radius: 11, children: [knobLeft]), background: page)
        XCTAssertEqual(off?.tag, "switch")
        XCTAssertEqual(off?.checked, false)
        // a pill holding a word is a badge or a button, not a switch
        XCTAssertNil(ControlShapes.classify(box(10, 10, 40, 22, fill: RGB(22, 163, 74), radius: 11,
                                                children: [text("New", 14, 13, 28, 14)]), background: page))
    }

    func testFieldEndingInAChevronIsASelect() {
        let field = box(0, 0, 300, 40, fill: page, border: grey, radius: 6,
                        children: [text("11–50 employees", 12, 12, 130, 16), text("v", 276, 16, 8, 8)])
        let select = ControlShapes.classify(field, background: page)
        XCTAssertEqual(select?.kind, .input)
        XCTAssertEqual(select?.tag, "select")
        XCTAssertEqual(select?.text, "11–50 employees")
        XCTAssertEqual(select?.children.count, 0)
        // the same field without the chevron is not a select
        XCTAssertNil(ControlShapes.classify(box(0, 0, 300, 40, fill: page, border: grey,
                                                children: [text("11–50 employees", 12, 12, 130, 16)]), background: page)?.tag)
    }

    func testTallFieldIsATextareaWithItsHintAsPlaceholder() {
        let empty = ControlShapes.classify(box(0, 0, 400, 96, border: grey), background: page)
        XCTAssertEqual(empty?.kind, .input)
        XCTAssertEqual(empty?.tag, "textarea")
        let hinted = ControlShapes.classify(box(0, 0, 400, 96, border: grey, children: [text("Tell us more", 12, 10, 100, 18, color: RGB(156, 163, 175))]), background: page)
        XCTAssertEqual(hinted?.tag, "textarea")
        XCTAssertEqual(hinted?.placeholder, "Tell us more")
        // dark text in a tall box, or several texts (a stat card), stay content
        XCTAssertNil(ControlShapes.classify(box(0, 0, 400, 96, border: grey, children: [text("Tell us more", 12, 10, 100, 18)]), background: page))
        XCTAssertNil(ControlShapes.classify(box(0, 0, 400, 96, border: grey, children: [
            text("Churn rate", 12, 10, 100, 18, color: RGB(107, 114, 128)), text("1.9%", 12, 40, 60, 30, size: 28)]), background: page))
        let field = ControlShapes.classify(box(0, 0, 300, 40, border: grey), background: page)
        XCTAssertEqual(field?.kind, .input)
        XCTAssertNil(field?.tag)
    }

    func testAWideBoxShowingAHintAtItsLeftIsAField() {
        // "Search for articles..." at the left of a 960×62 filled box on a dark header: a field
        XCTAssertTrue(ControlShapes.isHintedField(width: 960, height: 62, leftPad: 49, textWidth: 180, text: "Search for articles..."))
        XCTAssertTrue(ControlShapes.isHintedField(width: 250, height: 48, leftPad: 8, textWidth: 90, text: "Search this blog"))
        XCTAssertTrue(ControlShapes.readsAsHint("Enter your email"))
        // a button's label says what it does; a sidebar item fills its box's left; a centred word is a button
        XCTAssertFalse(ControlShapes.readsAsHint("Search"))
        XCTAssertFalse(ControlShapes.readsAsHint("Governing Authority"))
        XCTAssertFalse(ControlShapes.isHintedField(width: 250, height: 40, leftPad: 8, textWidth: 160, text: "Governing Authority"))
        // too narrow for a field, or the text fills it
        XCTAssertFalse(ControlShapes.isHintedField(width: 120, height: 40, leftPad: 8, textWidth: 90, text: "Search this blog"))
        XCTAssertFalse(ControlShapes.isHintedField(width: 300, height: 40, leftPad: 8, textWidth: 280, text: "Search this blog and everything in it..."))
    }

    func testMaskDotsAsOCRReadsThem() {
        XCTAssertTrue(ControlShapes.isMasked("••••••••"))
        XCTAssertTrue(ControlShapes.isMasked("eoeeeeeeneeee"))
        XCTAssertFalse(ControlShapes.isMasked("one"))
        XCTAssertFalse(ControlShapes.isMasked("noname"))
    }

    // MARK: - Semantics

    func testHeadingsTakeSixLevelsFromTheSizeHierarchy() {
        var body: [UINode] = []
        for i in 0..<6 { body.append(text(String(repeating: "body text ", count: 8), 0, 400 + i * 20, 600, 18)) }
        let sizes: [Double] = [48, 36, 28, 24, 21, 18.5]
        let heads = sizes.enumerated().map { i, s in text("Heading \(i)", 0, i * 60, 300, Int(s), size: s, weight: 700) }
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: heads + body))
        DesignSemantics.apply(&doc)
        let tags = doc.allNodes.filter { $0.kind == .text }.map(\.tag)
        XCTAssertEqual(tags.prefix(6), ["h1", "h2", "h3", "h4", "h5", "h6"])
        XCTAssertEqual(tags.last, "p")
    }

    func testRowOfShortItemsIsLinksAndTextAfterACheckboxItsLabel() {
        let items = ["Pricing", "Docs", "Blog", "Careers"].enumerated().map { i, s in text(s, i * 100, 0, 60, 18) }
        let row = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 400, height: 18), style: UIStyle(direction: .row), children: items)
        let check = UINode(kind: .checkbox, box: PixelRect(x: 0, y: 100, width: 16, height: 16), style: UIStyle(), label: "checkbox")
        let remember = text("Remember me", 24, 99, 100, 18)
        let line = UINode(kind: .container, box: PixelRect(x: 0, y: 99, width: 200, height: 18), style: UIStyle(direction: .row),
                          children: [check, remember])
        let picture = UINode(kind: .image, box: PixelRect(x: 0, y: 200, width: 200, height: 120), style: UIStyle(background: RGB(0, 0, 255)), label: "image")
        let caption = text("Aubade Paean", 0, 330, 120, 18)
        let card = UINode(kind: .container, box: PixelRect(x: 0, y: 200, width: 200, height: 150), style: UIStyle(direction: .column),
                          children: [picture, caption])
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [row, line, card]))
        DesignSemantics.apply(&doc)
        let all = doc.allNodes
        XCTAssertEqual(all.filter { $0.tag == "a" }.compactMap(\.text), ["Pricing", "Docs", "Blog", "Careers"])
        XCTAssertEqual(all.first { $0.kind == .checkbox }?.label, "Remember me")
        XCTAssertEqual(all.first { $0.text == "Remember me" }?.tag, "label")
        XCTAssertEqual(all.first { $0.kind == .image }?.label, "Aubade Paean")
    }

    func testAParagraphOfShortLinkColouredLinesIsOneLinkPerLine() {
        var list = text("Release notes\nPlugins\nSupport", 10, 10, 120, 60, size: 14, color: RGB(37, 99, 235))
        list.style.lineHeight = 20
        let prose = text(String(repeating: "Body text here. ", count: 10), 10, 100, 600, 40, size: 14)
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [list, prose]))
        DesignSemantics.apply(&doc)
        let links = doc.allNodes.filter { $0.tag == "a" }
        XCTAssertEqual(links.compactMap(\.text), ["Release notes", "Plugins", "Support"])
        XCTAssertEqual(links.map(\.box.y), [10, 30, 50])
    }

    func testCallsToActionOnTheirOwnLineAreLinks() {
        XCTAssertTrue(DesignSemantics.isActionPhrase("Learn more"))
        XCTAssertTrue(DesignSemantics.isActionPhrase("VIEW ALL"))
        XCTAssertTrue(DesignSemantics.isActionPhrase("Full Details >"))
        XCTAssertTrue(DesignSemantics.isActionPhrase("Forgot password?"))
        XCTAssertFalse(DesignSemantics.isActionPhrase("Learn more about our history and the people behind it"))
        XCTAssertFalse(DesignSemantics.isActionPhrase("Our history"))
        XCTAssertFalse(DesignSemantics.isActionPhrase("Learn\nmore"))
        let cta = text("Register Here", 0, 100, 120, 18)
        let prose = text(String(repeating: "Body text here. ", count: 10), 0, 0, 600, 40)
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [prose, cta]))
        DesignSemantics.apply(&doc)
        XCTAssertEqual(doc.allNodes.first { $0.text == "Register Here" }?.tag, "a")
        XCTAssertEqual(doc.allNodes.first { $0.text?.hasPrefix("Body") == true }?.tag, "p")
    }

    func testALineOfItemsBetweenBarsIsARowOfLinks() {
        XCTAssertEqual(DesignSemantics.separatedItems("« Older | Main | How to ride north shore style trails »"),
                       ["« Older", "Main", "How to ride north shore style trails »"])
        XCTAssertNil(DesignSemantics.separatedItems("Designed by Janzen | Powered by Shopify"))   // two items
        XCTAssertNil(DesignSemantics.separatedItems("Well, | said, | went home, and then | slept"))   // parts of a sentence
        XCTAssertNil(DesignSemantics.separatedItems("A | B\nC | D"))
        let line = text("Privacy Policy | Employment | Help", 100, 10, 300, 18, size: 14)
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [line]))
        DesignSemantics.apply(&doc)
        let row = doc.allNodes.first { $0.kind == .container && $0.style.direction == .row }
        XCTAssertEqual(row?.children.map(\.text), ["Privacy Policy", "|", "Employment", "|", "Help"])
        XCTAssertEqual(row?.children.map(\.tag), ["a", "p", "a", "p", "a"])
        // placed left to right across the line, starting where it starts
        let xs = row?.children.map(\.box.x) ?? []
        XCTAssertEqual(xs.first, 100)
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertLessThanOrEqual(abs((row?.children.last.map { $0.box.maxX } ?? 0) - 400), 8)
    }

    func testBreadcrumbsSplitLikeRowsBetweenBars() {
        XCTAssertEqual(DesignSemantics.separatedItems("Home / Extend / Plugin and Theme Directory"),
                       ["Home", "Extend", "Plugin and Theme Directory"])
        XCTAssertEqual(DesignSemantics.separatedItems("Home › Lifestyle › Apps ›"), ["Home", "Lifestyle", "Apps"])
        XCTAssertNil(DesignSemantics.separatedItems("Home › Lifestyle ›"))          // two items
        XCTAssertNil(DesignSemantics.separatedItems("Mix 1 / 2 / 3 cups of flour"))  // numbers, not items
        let line = text("Home > Lifestyle > Productivity >", 10, 10, 260, 18, size: 14)
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .column), children: [line]))
        DesignSemantics.apply(&doc)
        let row = doc.allNodes.first { $0.kind == .container && $0.style.direction == .row }
        // every item a link, the separators text between them (the last one too: the line is drawn whole)
        XCTAssertEqual(row?.children.map(\.text), ["Home", ">", "Lifestyle", ">", "Productivity", ">"])
        XCTAssertEqual(row?.children.map(\.tag), ["a", "p", "a", "p", "a", "p"])
    }

    func testCapitalsTitleAboveItsContentIsAHeadingAndACapitalsMenuIsNot() {
        XCTAssertTrue(DesignSemantics.isCapsTitle("WATERFALL DETAILS", fontSize: 15, body: 14))
        XCTAssertFalse(DesignSemantics.isCapsTitle("Waterfall details", fontSize: 15, body: 14))
        XCTAssertFalse(DesignSemantics.isCapsTitle("NOVEMBER 14, 2008", fontSize: 15, body: 14))   // a date
        XCTAssertFalse(DesignSemantics.isCapsTitle("READ MORE", fontSize: 15, body: 14))           // a call to action
        XCTAssertFalse(DesignSemantics.isCapsTitle("FINE PRINT", fontSize: 10, body: 14))          // much smaller
        // the analyser keeps capitals drawn by text-transform in lower case: they count as drawn
        var title = text("Category", 0, 0, 90, 16, size: 14, weight: 700)
        title.style.uppercase = true
        let options = ["Mugs & cups", "Plates", "Bowls"].enumerated().map { i, s in text(s, 24, 40 + i * 26, 90, 17, size: 14) }
        let group = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 200, height: 110), style: UIStyle(direction: .column),
                           children: [title] + options)
        let menu = ["ABOUT", "DOCUMENTATION", "NEWS", "CONTACT"].enumerated().map { i, s in text(s, 400, i * 24, 120, 16, size: 14) }
        let column = UINode(kind: .container, box: PixelRect(x: 400, y: 0, width: 200, height: 100), style: UIStyle(direction: .column),
                            children: menu + [text("Body text under the menu, a sentence.", 400, 120, 300, 16, size: 14)])
        let prose = text(String(repeating: "Body text here. ", count: 10), 0, 300, 600, 40, size: 14)
        var doc = UIDocument(width: 800, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 600),
                                          style: UIStyle(direction: .row), children: [group, column, prose]))
        DesignSemantics.apply(&doc)
        XCTAssertEqual(doc.allNodes.first { $0.text == "Category" }?.tag.map { DesignSemantics.isHeadingTag($0) }, true)
        for item in ["ABOUT", "DOCUMENTATION", "NEWS", "CONTACT"] {
            XCTAssertFalse(DesignSemantics.isHeadingTag(doc.allNodes.first { $0.text == item }?.tag), item)
        }
    }

    func testAMenuSetAsLargeAsHeadingsIsARowOfLinks() {
        let body = (0..<4).map { i in text(String(repeating: "body text ", count: 8), 0, 200 + i * 20, 600, 18, size: 14) }
        let items = ["HOME", "ABOUT", "CAMPING", "GLAMPING"].enumerated().map { i, s in text(s, 300 + i * 130, 20, 90, 22, size: 20, weight: 700) }
        let row = UINode(kind: .container, box: PixelRect(x: 300, y: 20, width: 500, height: 22), style: UIStyle(direction: .row), children: items)
        var doc = UIDocument(width: 900, height: 600, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 900, height: 600),
                                          style: UIStyle(direction: .column), children: [row] + body))
        DesignSemantics.apply(&doc)
        XCTAssertEqual(doc.allNodes.filter { $0.tag == "a" }.compactMap(\.text), ["HOME", "ABOUT", "CAMPING", "GLAMPING"])
    }

    func testASwitchDrawnAsOnePieceOfInk() {
        // a 40×22 violet pill with a white knob at its right on a white page, and the same knob at its left
        func pill(knobRight: Bool, track: RGB) -> DesignRaster {
            var px = [UInt8](repeating: 255, count: 60 * 30 * 3)
            func put(_ x: Int, _ y: Int, _ c: RGB) { let o = (y * 60 + x) * 3; px[o] = c.r; px[o + 1] = c.g; px[o + 2] = c.b }
            let (x0, y0, w, h) = (10, 4, 40, 22)
            let r = Double(h) / 2
            for y in 0..<h { for x in 0..<w {
                let cx = min(max(Double(x) + 0.5, r), Double(w) - r), d = ((Double(x) + 0.5 - cx) * (Double(x) + 0.5 - cx) + (Double(y) + 0.5 - r) * (Double(y) + 0.5 - r)).squareRoot()
                if d <= r { put(x0 + x, y0 + y, track) }
                let kx = knobRight ? Double(w) - r : r
                if ((Double(x) + 0.5 - kx) * (Double(x) + 0.5 - kx) + (Double(y) + 0.5 - r) * (Double(y) + 0.5 - r)).squareRoot() <= r - 3 {
                    put(x0 + x, y0 + y, RGB(255, 255, 255))
                }
            } }
            return DesignRaster(Image(width: 60, height: 30, format: .rgb24, pixels: px))
        }
        let rect = PixelRect(x: 10, y: 4, width: 40, height: 22)
        let on = ControlShapes.drawnSwitch(pill(knobRight: true, track: RGB(124, 58, 237)), rect, background: page)
        XCTAssertEqual(on?.on, true)
        XCTAssertLessThan(DesignRaster.distance(on?.track ?? page, RGB(124, 58, 237)), 20)
        XCTAssertEqual(ControlShapes.drawnSwitch(pill(knobRight: false, track: RGB(209, 213, 219)), rect, background: page)?.on, false)
        // a plain pill (a badge without a knob) and a square are not switches
        var plain = [UInt8](repeating: 255, count: 60 * 30 * 3)
        for y in 8..<22 { for x in 14..<46 { let o = (y * 60 + x) * 3; plain[o] = 124; plain[o + 1] = 58; plain[o + 2] = 237 } }
        XCTAssertNil(ControlShapes.drawnSwitch(DesignRaster(Image(width: 60, height: 30, format: .rgb24, pixels: plain)), rect, background: page))
        XCTAssertNil(ControlShapes.drawnSwitch(pill(knobRight: true, track: RGB(124, 58, 237)), PixelRect(x: 10, y: 4, width: 22, height: 22), background: page))
    }

    // MARK: - Accessibility stage

    func testAccessibilityStageFixesLandmarksHeadingOrderNamesAndNearMissContrast() {
        let h3 = UINode(kind: .text, tag: "h3", box: PixelRect(x: 0, y: 0, width: 100, height: 20), style: UIStyle(fontSize: 20), text: "Title")
        let h5 = UINode(kind: .text, tag: "h5", box: PixelRect(x: 0, y: 30, width: 100, height: 20), style: UIStyle(fontSize: 18), text: "Sub")
        // #7b7b7b on white is 4.2:1, within 10 % of 4.5: a measurement's blur, moved to pass
        let grey = UINode(kind: .text, tag: "p", box: PixelRect(x: 0, y: 60, width: 100, height: 20),
                          style: UIStyle(color: RGB(123, 123, 123), fontSize: 14), text: "hint")
        // #8a8a8a (3.4:1) and #d0d0d0 on white are further off: the design's own choice, kept
        let faint = UINode(kind: .text, tag: "p", box: PixelRect(x: 0, y: 90, width: 100, height: 20),
                           style: UIStyle(color: RGB(208, 208, 208), fontSize: 14), text: "faint")
        let field = UINode(kind: .input, box: PixelRect(x: 0, y: 120, width: 200, height: 32), placeholder: "Search")
        var doc = UIDocument(width: 400, height: 200, background: page,
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 400, height: 200),
                                          style: UIStyle(direction: .column), children: [h3, h5, grey, faint, field]))
        let report = DesignAccessibility.apply(&doc)
        XCTAssertEqual(doc.root.children.map(\.tag), ["main"])
        let nodes = doc.allNodes
        XCTAssertEqual(nodes.compactMap { $0.tag?.hasPrefix("h") == true ? $0.tag : nil }, ["h1", "h2"])
        let fixed = nodes.first { $0.text == "hint" }!.style.color!
        XCTAssertGreaterThanOrEqual(DesignAccessibility.contrastRatio(fixed, page), 4.5)
        XCTAssertLessThan(DesignRaster.distance(fixed, RGB(123, 123, 123)), 40)
        XCTAssertEqual(nodes.first { $0.text == "faint" }!.style.color, RGB(208, 208, 208))
        XCTAssertEqual(nodes.first { $0.kind == .input }?.label, "Search")
        XCTAssertEqual(doc.title, "Title")
        XCTAssertEqual(report, DesignAccessibility.Report(landmarks: 1, headings: 2, names: 1, contrast: 1))
    }

    // MARK: - Rendering: every component in every target, against golden files

    func componentDocument() -> UIDocument {
        let h = text("Account <settings>", 40, 20, 300, 32, size: 28, weight: 700)
        var h1 = h; h1.tag = "h1"
        var name = text("Full name", 40, 70, 100, 18, size: 14); name.tag = "label"
        let field = UINode(kind: .input, box: PixelRect(x: 40, y: 92, width: 320, height: 40),
                           style: UIStyle(background: page, border: grey, radius: 6), label: "Full name", placeholder: "Ada \"the\" Lovelace")
        var size = text("Company size", 40, 144, 100, 18, size: 14); size.tag = "label"
        var select = UINode(kind: .input, tag: "select", box: PixelRect(x: 40, y: 166, width: 320, height: 40),
                            style: UIStyle(color: RGB(17, 24, 39), fontSize: 15, border: grey, radius: 6), text: "11–50 {employees}", label: "Company size")
        select.style.background = page
        let bio = UINode(kind: .input, tag: "textarea", box: PixelRect(x: 40, y: 220, width: 320, height: 96),
                         style: UIStyle(border: grey), label: "Bio", placeholder: "Line one\nline two")
        var check = UINode(kind: .checkbox, box: PixelRect(x: 40, y: 330, width: 16, height: 16), style: UIStyle(color: RGB(17, 24, 39)), label: "Remember me")
        check.checked = true
        var remember = text("Remember me", 64, 329, 100, 18, size: 14); remember.tag = "label"
        let row = UINode(kind: .container, box: PixelRect(x: 40, y: 329, width: 200, height: 18), style: UIStyle(direction: .row), children: [check, remember])
        let radio = UINode(kind: .checkbox, tag: "radio", box: PixelRect(x: 40, y: 360, width: 18, height: 18), label: "Monthly")
        var sw = UINode(kind: .checkbox, tag: "switch", box: PixelRect(x: 40, y: 390, width: 40, height: 22), style: UIStyle(color: RGB(22, 163, 74)), label: "Weekly summary")
        sw.checked = true
        var link = text("Forgot password?", 40, 420, 140, 18, size: 14, color: RGB(37, 99, 235)); link.tag = "a"
        var terms = text("I accept the <terms> of use", 200, 420, 200, 18, size: 14); terms.tag = "p"
        terms.runs = [UITextRun(text: "I accept the "), UITextRun(text: "<terms>", tag: "a", color: RGB(37, 99, 235), underline: true),
                      UITextRun(text: " of use")]
        let picture = UINode(kind: .image, box: PixelRect(x: 40, y: 450, width: 200, height: 120), style: UIStyle(background: RGB(0, 0, 255)), label: "Aubade \"Paean\"")
        let icon = UINode(kind: .icon, box: PixelRect(x: 260, y: 450, width: 24, height: 24), style: UIStyle(background: RGB(100, 100, 100)), label: "icon")
        let button = UINode(kind: .button, box: PixelRect(x: 40, y: 590, width: 320, height: 44),
                            style: UIStyle(background: RGB(37, 99, 235), color: page, fontSize: 16, fontWeight: 700, radius: 8), text: "Save")
        let card = UINode(kind: .container, box: PixelRect(x: 20, y: 10, width: 400, height: 640),
                          style: UIStyle(background: page, border: UIBorder(width: 1, color: RGB(229, 231, 235)), radius: 12, direction: .column),
                          children: [h1, name, field, size, select, bio, row, radio, sw, link, terms, picture, icon, button])
        var doc = UIDocument(width: 480, height: 680, background: RGB(243, 244, 246),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 480, height: 680),
                                          style: UIStyle(direction: .column), children: [card]))
        DesignAccessibility.apply(&doc)
        LayoutFlow.apply(&doc)
        return doc
    }

    func testEveryComponentRendersAsARealElement() throws {
        let html = try MockupRenderer().render(componentDocument(), target: .html, source: "components.png").text
        XCTAssertTrue(html.contains("<main class=\"main-1\">"), html)
        XCTAssertTrue(html.contains("<label class=\"label-1\" for=\"field-1\">Full name</label>"), html)
        XCTAssertTrue(html.contains("<select class=\"select-1\" id=\"field-2\" aria-label=\"Company size\">"), html)
        XCTAssertTrue(html.contains("<option class=\"option-1\">11–50 &#123;employees&#125;</option>"), html)
        XCTAssertTrue(html.contains("<textarea class=\"textarea-1\" id=\"field-3\" placeholder=\"Line one\nline two\" aria-label=\"Bio\"></textarea>"), html)
        XCTAssertTrue(html.contains("<input class=\"checkbox-1\" id=\"field-4\" type=\"checkbox\" checked aria-label=\"Remember me\">"), html)
        XCTAssertTrue(html.contains("<label class=\"label-3\" for=\"field-4\">Remember me</label>"), html)
        XCTAssertTrue(html.contains("type=\"radio\" name=\"choice\""), html)
        XCTAssertTrue(html.contains("type=\"checkbox\" role=\"switch\" checked"), html)
        XCTAssertTrue(html.contains("alt=\"Aubade &quot;Paean&quot;\">"), html)
        XCTAssertTrue(html.contains("<img class=\"icon-1\" src=\"data:image/gif;base64,"), html)
        XCTAssertTrue(html.contains("alt=\"\">"), html)
        let jsx = try MockupRenderer().render(componentDocument(), target: .react, source: "components.png").text
        XCTAssertTrue(jsx.contains("htmlFor={\"field-4\"}"), jsx)
        XCTAssertTrue(jsx.contains("defaultChecked"), jsx)
        XCTAssertTrue(jsx.contains("type={\"checkbox\"} defaultChecked aria-label"), jsx)
        XCTAssertFalse(jsx.contains(" checked"), jsx)
    }

    func testComponentsMatchTheirGoldenFiles() throws {
        let doc = componentDocument()
        var recorded = 0
        for target in MockupTarget.allCases {
            let text = try MockupRenderer().render(doc, target: target, stem: target == .react ? "Components" : nil, source: "components.png").text
            let path = (Self.goldenDirectory as NSString).appendingPathComponent("components.\(target.rawValue).\(target.fileExtension)")
            if Self.recording {
                try FileManager.default.createDirectory(atPath: Self.goldenDirectory, withIntermediateDirectories: true)
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                recorded += 1
                continue
            }
            guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
                XCTFail("\(path): no golden file; run with RECORD_GOLDENS=1 to create it"); continue
            }
            XCTAssertEqual(text, expected, "\(target) differs from its golden file")
        }
        if Self.recording { XCTFail("Recorded \(recorded) golden files; unset RECORD_GOLDENS and run again") }
    }
}
