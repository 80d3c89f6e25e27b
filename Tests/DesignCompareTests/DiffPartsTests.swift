@testable import DesignCompare
import ScreenCore
import XCTest

/// `diff`'s handling of texts the design's analyser cut differently from the page (inline links,
/// lines of a paragraph), of overlapping page texts, misread symbols, and resized blocks.
final class DiffPartsTests: XCTestCase {
    func canvas(_ w: Int, _ h: Int, _ rects: [PixelRect], _ c: RGB = RGB(20, 20, 20)) -> Image {
        var img = Image(width: w, height: h, format: .rgb24, filledWith: 255)
        for r in rects {
            for y in r.y..<r.maxY { for x in r.x..<r.maxX {
                let o = img.offset(x: x, y: y); img.pixels[o] = c.r; img.pixels[o + 1] = c.g; img.pixels[o + 2] = c.b
            } }
        }
        return img
    }

    /// Words drawn as solid bars 10 px tall, 6 px apart, starting at (x, y).
    func words(_ widths: [Int], x: Int, y: Int) -> [PixelRect] {
        var out: [PixelRect] = [], at = x
        for w in widths { out.append(PixelRect(x: at, y: y, width: w, height: 10)); at += w + 6 }
        return out
    }

    func union(_ rs: [PixelRect]) -> DesignCompare.Box { DesignCompare.Box(rs.dropFirst().reduce(rs[0]) { $0.union($1) }) }

    func testAnInlineLinkMovedOutOfItsLineIsPlacedByItsOwnWords() {
        // "Already have an account? Log in": the design's analyser read one line; on the page the
        // link ("Log in") moved 16 px left and down.
        let line = words([40, 28, 14, 50, 20, 12], x: 20, y: 30)
        let moved = line[4...].map { PixelRect(x: $0.x - 16, y: $0.y + 16, width: $0.width, height: $0.height) }
        let design = canvas(300, 80, line), page = canvas(300, 80, Array(line[..<4]) + moved)
        let d = [DiffElement(kind: .text, text: "Already have an account? Log in", box: union(line), color: RGB(20, 20, 20))]
        let p = [DiffElement(kind: .text, text: "Already have an account?", box: union(Array(line[..<4])), color: RGB(20, 20, 20), selector: "#p"),
                 DiffElement(kind: .text, text: "Log in", box: union(moved), color: RGB(20, 20, 20), selector: "#a", marginTop: 0, marginLeft: 0)]
        let out = DesignDiff.compare(design: d, page: p, designImage: design, pageImage: page)
        XCTAssertEqual(out.count, 1, "\(out)")
        XCTAssertEqual(out.first?.selector, "#a")
        XCTAssertEqual(out.first?.status, .changed)
        XCTAssertEqual(out.first?.dx, -16)
        XCTAssertEqual(out.first?.dy, 16)
        // Nothing moved: nothing reported, and the link is not an extra text.
        XCTAssertTrue(DesignDiff.compare(design: d, page: [p[0], DiffElement(kind: .text, text: "Log in", box: union(Array(line[4...])),
                                                                            selector: "#a")],
                                         designImage: design, pageImage: design).isEmpty)
    }

    func testALineOfAParagraphIsFoundInIt() {
        // "Brass Fountain Pen" / "Fine nib": one paragraph on the design, two elements on the page,
        // the second moved 15 px right and 12 up.
        let first = words([40, 60, 30], x: 20, y: 20), second = words([30, 24], x: 20, y: 36)
        let moved = second.map { PixelRect(x: $0.x + 15, y: $0.y - 12, width: $0.width, height: $0.height) }
        let design = canvas(300, 80, first + second), page = canvas(300, 80, first + moved)
        let d = [DiffElement(kind: .text, text: "Brass Fountain Pen Fine nib", box: union(first + second), lines: ["Brass Fountain Pen", "Fine nib"])]
        let p = [DiffElement(kind: .text, text: "Brass Fountain Pen", box: union(first), selector: "#t"),
                 DiffElement(kind: .text, text: "Fine nib", box: union(moved), selector: "#s")]
        let out = DesignDiff.compare(design: d, page: p, designImage: design, pageImage: page)
        let s = out.first { $0.selector == "#s" }
        XCTAssertEqual(s?.dx, 15)
        XCTAssertEqual(s?.dy, -12)
        XCTAssertNil(out.first { $0.selector == "#t" })
    }

    func testInkWordsNeedGapsThatTellWordsFromLetters() {
        // Letters 1 px apart, words 5 px apart: three words.
        let img = canvas(200, 30, [PixelRect(x: 10, y: 10, width: 8, height: 10), PixelRect(x: 19, y: 10, width: 8, height: 10),
                                   PixelRect(x: 32, y: 10, width: 8, height: 10), PixelRect(x: 45, y: 12, width: 8, height: 8)])
        let r = PixelRect(x: 8, y: 8, width: 60, height: 14)
        XCTAssertEqual(Pixels.inkWords(img, in: r, count: 3),
                       [PixelRect(x: 10, y: 10, width: 17, height: 10), PixelRect(x: 32, y: 10, width: 8, height: 10),
                        PixelRect(x: 45, y: 12, width: 8, height: 8)])
        // Four words asked of the same ink: the fourth cut would fall inside a word.
        XCTAssertNil(Pixels.inkWords(img, in: r, count: 4))
        // Two lines, with a thin accent above the first that joins it.
        let two = canvas(100, 60, [PixelRect(x: 10, y: 10, width: 40, height: 2), PixelRect(x: 10, y: 14, width: 40, height: 10),
                                   PixelRect(x: 10, y: 30, width: 30, height: 10)])
        XCTAssertEqual(Pixels.inkRows(two, in: PixelRect(x: 5, y: 5, width: 60, height: 45), count: 2),
                       [PixelRect(x: 10, y: 10, width: 40, height: 14), PixelRect(x: 10, y: 30, width: 30, height: 10)])
    }

    func testSymbolsTheOCRCannotReadAreLeftOutOfTextSimilarity() {
        XCTAssertEqual(DesignDiff.textSimilarity("★★★★★ 128", "128"), 1)
        // A glyph the OCR did read as a character still counts as one.
        XCTAssertGreaterThan(DesignDiff.textSimilarity("Sort ▾", "Sort ¥"), 0.8)
        XCTAssertEqual(DesignDiff.textSimilarity("★★★", "★★★"), 1)
        XCTAssertLessThan(DesignDiff.textSimilarity("Pricing", "★ Pricing plans"), 0.75)
    }

    func testABlockResizedInPlaceMatchesHoweverMuchItChanged() {
        // A chart's bar, standing on its foot: half as wide and taller.
        let c = RGB(199, 210, 254)
        let d = [DiffElement(kind: .block, box: DesignCompare.Box(x: 297, y: 416, width: 46, height: 76), color: c)]
        let p = [DiffElement(kind: .block, box: DesignCompare.Box(x: 297, y: 404, width: 20, height: 88), color: c, selector: "#bar")]
        XCTAssertEqual(DesignDiff.match(d, p).count, 1)
        // Another colour, or no edge or centre line in common: no match.
        XCTAssertTrue(DesignDiff.match(d, [DiffElement(kind: .block, box: p[0].box, color: RGB(99, 102, 241))]).isEmpty)
        XCTAssertTrue(DesignDiff.match(d, [DiffElement(kind: .block, box: DesignCompare.Box(x: 305, y: 404, width: 16, height: 70), color: c)]).isEmpty)
    }

    func testAnOutlineWithOneSideCrossedIsFoundWhereTheBoxSaysOnPagesOnly() {
        // A narrowed button whose wrapped label runs over its bottom border.
        let grey = RGB(212, 212, 216)
        let r = PixelRect(x: 20, y: 20, width: 90, height: 30)
        var img = canvas(160, 80, [PixelRect(x: r.x, y: r.y, width: r.width, height: 1), PixelRect(x: r.x, y: r.y, width: 1, height: r.height),
                                   PixelRect(x: r.maxX - 1, y: r.y, width: 1, height: r.height), PixelRect(x: r.x, y: r.maxY - 1, width: r.width, height: 1)], grey)
        for y in 40..<60 { for x in 30..<100 where x % 4 != 0 {
            let o = img.offset(x: x, y: y); img.pixels[o] = 20; img.pixels[o + 1] = 20; img.pixels[o + 2] = 20
        } }
        XCTAssertNil(Pixels.outlineBox(img, near: r))
        XCTAssertEqual(Pixels.outlineBox(img, near: r, sides: 3)?.box, r)
    }

    func testAPageTextsInkLeavesOutItsNeighboursGlyphsAndACheckboxBesideIt() {
        // "Category" moved down onto the option under it, and the option's checkbox.
        let heading = PixelRect(x: 63, y: 147, width: 80, height: 10), option = PixelRect(x: 72, y: 160, width: 80, height: 10)
        let box = PixelRect(x: 48, y: 158, width: 16, height: 16)
        var shot = canvas(300, 200, [heading, option])
        for y in box.y..<box.maxY { for x in box.x..<box.maxX {
            let o = shot.offset(x: x, y: y); shot.pixels[o] = 180; shot.pixels[o + 1] = 83; shot.pixels[o + 2] = 9
        } }
        func el(_ i: Int, _ tag: String, _ b: DesignCompare.Box, text: String? = nil, textBox: DesignCompare.Box? = nil, background: String = "rgba(0, 0, 0, 0)") -> RenderedElement {
            RenderedElement(index: i, parent: nil, tag: tag, id: nil, classes: [], selector: "#e\(i)", box: b, text: text, textBox: textBox,
                            lines: 1, fontSize: 14, fontWeight: 700, color: "rgb(20, 20, 20)", background: background, position: "static",
                            marginTop: 0, marginLeft: 0, borderWidth: 0)
        }
        let page = RenderedPage(width: 300, height: 200, elements: [
            el(0, "h3", DesignCompare.Box(x: 63, y: 144, width: 210, height: 16), text: "Category", textBox: DesignCompare.Box(x: 63, y: 144, width: 89, height: 16)),
            el(1, "i", DesignCompare.Box(box), background: "rgb(180, 83, 9)"),
            el(2, "label", DesignCompare.Box(x: 72, y: 157, width: 90, height: 16), text: "Mugs & cups", textBox: DesignCompare.Box(x: 72, y: 157, width: 90, height: 16)),
        ], screenshot: shot)
        let texts = DiffElements.from(page: page).filter { $0.kind == .text }
        XCTAssertEqual(texts.first { $0.text == "Category" }?.box, DesignCompare.Box(heading))
        XCTAssertEqual(texts.first { $0.text == "Mugs & cups" }?.box, DesignCompare.Box(option))
    }
}
