@testable import DesignCompare
import ScreenCore
import XCTest

/// Matching, scoring and correction logic of refinement and `diff`, on synthetic pictures and
/// hand-made documents (no browser).
final class DesignCompareTests: XCTestCase {
    /// A white canvas with filled rectangles.
    func canvas(_ w: Int, _ h: Int, _ rects: [(PixelRect, RGB)]) -> Image {
        var img = Image(width: w, height: h, format: .rgb24, filledWith: 255)
        for (r, c) in rects {
            for y in r.y..<r.maxY { for x in r.x..<r.maxX {
                let o = img.offset(x: x, y: y); img.pixels[o] = c.r; img.pixels[o + 1] = c.g; img.pixels[o + 2] = c.b
            } }
        }
        return img
    }

    func testInkFindsGlyphsAndIgnoresAnOutline() {
        // "Text": two glyph-like bars inside a rounded-ish outline that the box caught.
        let grey = RGB(180, 180, 190), ink = RGB(20, 30, 40)
        let img = canvas(200, 60, [
            (PixelRect(x: 10, y: 10, width: 180, height: 1), grey), (PixelRect(x: 10, y: 49, width: 180, height: 1), grey),
            (PixelRect(x: 10, y: 10, width: 1, height: 40), grey), (PixelRect(x: 189, y: 10, width: 1, height: 40), grey),
            (PixelRect(x: 80, y: 24, width: 12, height: 12), ink), (PixelRect(x: 96, y: 24, width: 10, height: 12), ink),
        ])
        let found = Pixels.ink(img, in: PixelRect(x: 8, y: 8, width: 184, height: 44))
        XCTAssertEqual(found?.box, PixelRect(x: 80, y: 24, width: 26, height: 12))
        XCTAssertEqual(found?.color, ink)
        XCTAssertNil(Pixels.ink(img, in: PixelRect(x: 120, y: 20, width: 40, height: 20)))
    }

    func testInkFollowsGlyphsCutByTheBox() {
        let img = canvas(100, 40, [(PixelRect(x: 20, y: 10, width: 30, height: 10), RGB(0, 0, 0))])
        XCTAssertEqual(Pixels.ink(img, in: PixelRect(x: 22, y: 5, width: 40, height: 20))?.box, PixelRect(x: 20, y: 10, width: 30, height: 10))
    }

    func testFillBoxGrowsToTheWholeBlock() {
        let img = canvas(300, 100, [(PixelRect(x: 20, y: 20, width: 200, height: 46), RGB(124, 58, 237))])
        XCTAssertEqual(Pixels.fillBox(img, in: PixelRect(x: 26, y: 23, width: 188, height: 40), fill: RGB(124, 58, 237)),
                       PixelRect(x: 20, y: 20, width: 200, height: 46))
    }

    /// An outline drawn in a colour of its own all round a box.
    func outline(_ r: PixelRect, _ c: RGB) -> [(PixelRect, RGB)] {
        [(PixelRect(x: r.x, y: r.y, width: r.width, height: 1), c), (PixelRect(x: r.x, y: r.maxY - 1, width: r.width, height: 1), c),
         (PixelRect(x: r.x, y: r.y, width: 1, height: r.height), c), (PixelRect(x: r.maxX - 1, y: r.y, width: 1, height: r.height), c)]
    }

    func testOutlineBoxFindsACardByItsBorderNotTwoCardsAsOne() {
        let grey = RGB(229, 231, 235), page = RGB(249, 250, 251)
        let a = PixelRect(x: 20, y: 20, width: 120, height: 60), b = PixelRect(x: 156, y: 20, width: 120, height: 60)
        let img = canvas(300, 100, [(PixelRect(x: 0, y: 0, width: 300, height: 100), page), (a, RGB(255, 255, 255)), (b, RGB(255, 255, 255))]
                         + outline(a, grey) + outline(b, grey) + [(PixelRect(x: 40, y: 40, width: 50, height: 10), RGB(20, 20, 20))])
        // Found from a box off by a pixel or two, to the outline's own extent.
        XCTAssertEqual(Pixels.outlineBox(img, near: PixelRect(x: 21, y: 22, width: 117, height: 57))?.box, a)
        XCTAssertEqual(Pixels.outlineBox(img, near: a)?.color, grey)
        // Two cards taken for one: the gutter breaks the top and bottom lines.
        XCTAssertNil(Pixels.outlineBox(img, near: PixelRect(x: 20, y: 20, width: 256, height: 60)))
        // A filled box has no outline of its own.
        let filled = canvas(200, 100, [(PixelRect(x: 20, y: 20, width: 120, height: 60), RGB(37, 99, 235))])
        XCTAssertNil(Pixels.outlineBox(filled, near: PixelRect(x: 20, y: 20, width: 120, height: 60)))
    }

    func testABlockWhoseOneEdgeMovedIsReportedOnlyWhenThePixelsShowIt() {
        // A tall card 5 px taller on the page: its bottom edge is a sliver of the whole area.
        let grey = RGB(209, 213, 219)
        let dr = PixelRect(x: 20, y: 10, width: 200, height: 400), pr = PixelRect(x: 20, y: 10, width: 200, height: 405)
        let design = canvas(260, 440, outline(dr, grey)), page = canvas(260, 440, outline(pr, grey))
        let d = [DiffElement(kind: .block, box: Box(dr), color: grey, outlined: true)]
        let p = [DiffElement(kind: .block, box: Box(pr), color: grey, selector: "#c", outlined: true)]
        let out = DesignDiff.compare(design: d, page: p, designImage: design, pageImage: page)
        XCTAssertEqual(out.map(\.aspects), [["size"]])
        XCTAssertEqual(out.first?.fixes.map(\.css), ["#c { width: 200px; }", "#c { height: 400px; }"])
        // The same boxes over identical pictures: the analyser's error, not drift.
        XCTAssertTrue(DesignDiff.compare(design: d, page: p, designImage: design, pageImage: design).isEmpty)
        // An outlined block never pairs with a filled one.
        XCTAssertTrue(DesignDiff.match(d, [DiffElement(kind: .block, box: Box(pr), color: grey)]).isEmpty)
    }

    func testATextRecolouredInsideALongerDesignLineIsAColourChange() {
        // The design's analyser read "Title label" as one line; the page has the label on its own,
        // now drawn green where the design drew it red.
        let red = RGB(200, 30, 30), green = RGB(22, 163, 74), ink = RGB(20, 20, 20)
        let design = canvas(300, 60, [(PixelRect(x: 10, y: 20, width: 80, height: 12), ink), (PixelRect(x: 100, y: 20, width: 40, height: 12), red)])
        let page = canvas(300, 60, [(PixelRect(x: 10, y: 20, width: 80, height: 12), ink), (PixelRect(x: 100, y: 20, width: 40, height: 12), green)])
        let d = [DiffElement(kind: .text, text: "Title text label", box: Box(x: 10, y: 20, width: 130, height: 12), color: ink)]
        let p = [DiffElement(kind: .text, text: "Title text", box: Box(x: 10, y: 20, width: 80, height: 12), color: ink, selector: "#t"),
                 DiffElement(kind: .text, text: "label", box: Box(x: 100, y: 20, width: 40, height: 12), color: green, selector: "#l",
                             cssColor: green)]
        let out = DesignDiff.compare(design: d, page: p, designImage: design, pageImage: page)
        let label = out.first { $0.selector == "#l" }
        XCTAssertEqual(label?.status, .changed)
        XCTAssertEqual(label?.aspects, ["color"])
        XCTAssertEqual(label?.fixes.first?.value, red.hex)
    }

    func testDeltaE() {
        XCTAssertEqual(Pixels.deltaE(RGB(10, 20, 30), RGB(10, 20, 30)), 0, accuracy: 1e-9)
        XCTAssertGreaterThan(Pixels.deltaE(RGB(255, 0, 0), RGB(0, 0, 255)), 100)
        XCTAssertLessThan(Pixels.deltaE(RGB(100, 100, 100), RGB(101, 100, 100)), 1)
    }

    func testOnlyASmallDriftOfTheTextsOwnColourIsCorrected() {
        let grey = RGB(107, 114, 128)
        // the render's ink a little lighter than the design's: corrected
        XCTAssertTrue(Refiner.isColourDrift(design: grey, rendered: RGB(125, 130, 140), declared: grey))
        // the same within measuring noise: left alone
        XCTAssertFalse(Refiner.isColourDrift(design: grey, rendered: RGB(108, 114, 128), declared: grey))
        // white text on a blue bubble whose design ink measured the bubble: not a drift
        let white = RGB(246, 250, 255)
        XCTAssertFalse(Refiner.isColourDrift(design: RGB(0, 122, 255), rendered: white, declared: white))
        // a rendered ink far from what the node declares caught a neighbour
        XCTAssertFalse(Refiner.isColourDrift(design: grey, rendered: RGB(120, 125, 135), declared: RGB(220, 38, 38)))
    }

    func testARoundThatLooksLessLikeTheDesignIsRolledBack() {
        let best = RefinementScore(visual: 0.920, position: 0.768, wrapping: 1)
        // a higher total bought with position while the screenshot grew less alike: rolled back
        XCTAssertFalse(Refiner.improves(RefinementScore(visual: 0.911, position: 0.816, wrapping: 1), on: best))
        XCTAssertTrue(Refiner.improves(RefinementScore(visual: 0.921, position: 0.816, wrapping: 1), on: best))
        XCTAssertFalse(Refiner.improves(RefinementScore(visual: 0.920, position: 0.768, wrapping: 1), on: best))
    }

    func testVisualSimilarity() {
        let a = canvas(64, 64, [(PixelRect(x: 8, y: 8, width: 20, height: 20), RGB(0, 0, 0))])
        XCTAssertEqual(Pixels.visualSimilarity(a, a), 1, accuracy: 1e-9)
        let b = canvas(64, 64, [(PixelRect(x: 30, y: 30, width: 20, height: 20), RGB(0, 0, 0))])
        XCTAssertLessThan(Pixels.visualSimilarity(a, b), 0.9)
    }

    func testTextSimilarity() {
        XCTAssertEqual(DesignDiff.textSimilarity("Sign in", "sign  in"), 1)
        XCTAssertEqual(DesignDiff.textSimilarity("kitten", "sitting"), 1 - 3.0 / 7, accuracy: 1e-9)
        XCTAssertEqual(DesignDiff.textSimilarity("", "x"), 0)
    }

    func testMatchPrefersSameTextThenDistance() {
        let d = [DiffElement(kind: .text, text: "Pricing", box: Box(x: 10, y: 10, width: 50, height: 12)),
                 DiffElement(kind: .text, text: "Pricing", box: Box(x: 10, y: 300, width: 50, height: 12)),
                 DiffElement(kind: .text, text: "Contact", box: Box(x: 10, y: 50, width: 50, height: 12))]
        let p = [DiffElement(kind: .text, text: "Pricing", box: Box(x: 12, y: 302, width: 50, height: 12)),
                 DiffElement(kind: .text, text: "Contakt", box: Box(x: 10, y: 52, width: 50, height: 12)),
                 DiffElement(kind: .text, text: "Pricing", box: Box(x: 10, y: 14, width: 50, height: 12)),
                 DiffElement(kind: .text, text: "Unrelated words", box: Box(x: 10, y: 50, width: 50, height: 12))]
        let m = DesignDiff.match(d, p)
        XCTAssertEqual(m.map { [$0.0, $0.1] }, [[0, 2], [1, 0], [2, 1]])
    }

    func testCompareReportsEachKindOfDrift() {
        let red = RGB(220, 38, 38), blue = RGB(37, 99, 235)
        let d = [DiffElement(kind: .text, text: "Moved", box: Box(x: 10, y: 10, width: 60, height: 12), color: .init(0, 0, 0)),
                 DiffElement(kind: .text, text: "Recoloured", box: Box(x: 10, y: 40, width: 90, height: 12), color: red),
                 DiffElement(kind: .text, text: "Bigger", box: Box(x: 10, y: 70, width: 60, height: 12), color: .init(0, 0, 0)),
                 DiffElement(kind: .text, text: "Gone", box: Box(x: 10, y: 100, width: 40, height: 12), color: .init(0, 0, 0)),
                 DiffElement(kind: .block, box: Box(x: 200, y: 10, width: 100, height: 40), color: blue),
                 DiffElement(kind: .text, text: "Same", box: Box(x: 10, y: 130, width: 40, height: 12), color: .init(0, 0, 0))]
        let p = [DiffElement(kind: .text, text: "Moved", box: Box(x: 22, y: 4, width: 60, height: 12), color: .init(0, 0, 0),
                             fontSize: 16, selector: "#m", marginTop: 10, marginLeft: 0, cssColor: .init(0, 0, 0)),
                 DiffElement(kind: .text, text: "Recoloured", box: Box(x: 10, y: 40, width: 90, height: 12), color: blue,
                             fontSize: 16, selector: "#r", cssColor: blue),
                 DiffElement(kind: .text, text: "Bigger", box: Box(x: 10, y: 67, width: 78, height: 15.6), color: .init(0, 0, 0),
                             fontSize: 20.8, selector: "#b", marginTop: 0, marginLeft: 0),
                 DiffElement(kind: .block, box: Box(x: 200, y: 10, width: 120, height: 40), color: blue, selector: "#k", cssColor: blue),
                 DiffElement(kind: .text, text: "Same", box: Box(x: 10, y: 130, width: 40, height: 12), color: .init(0, 0, 0)),
                 DiffElement(kind: .text, text: "New", box: Box(x: 400, y: 300, width: 30, height: 12), color: .init(0, 0, 0))]
        let out = DesignDiff.compare(design: d, page: p)
        func find(_ t: String?) -> ElementDifference? { out.first { $0.text == t } }
        XCTAssertEqual(find("Moved")?.aspects, ["position"])
        XCTAssertEqual(find("Moved")?.fixes.map(\.css), ["#m { margin-top: 16px; }", "#m { margin-left: -12px; }"])
        XCTAssertEqual(find("Recoloured")?.aspects, ["color"])
        XCTAssertEqual(find("Recoloured")?.fixes.first?.value, red.hex)
        XCTAssertEqual(find("Bigger")?.aspects, ["font-size"])
        XCTAssertEqual(find("Bigger")?.designFontSize ?? 0, 16, accuracy: 0.5)
        XCTAssertEqual(find("Gone")?.status, .missing)
        XCTAssertEqual(find("New")?.status, .extra)
        XCTAssertNil(find("Same"))
        let block = out.first { $0.kind == .block }
        XCTAssertEqual(block?.aspects, ["size"])
        XCTAssertEqual(block?.fixes.map(\.css), ["#k { width: 100px; }", "#k { height: 40px; }"])
        XCTAssertEqual(out.count, 6)
    }

    func testCorrectionsMoveMarginsAndFontsWithoutPositioning() {
        let text = UINode(kind: .text, box: PixelRect(x: 20, y: 40, width: 200, height: 20), style: UIStyle(fontSize: 16), text: "Hello")
        let wraps = UINode(kind: .text, box: PixelRect(x: 20, y: 80, width: 100, height: 20), style: UIStyle(color: RGB(30, 30, 30), fontSize: 16), text: "Too long")
        let root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 400, height: 200), style: UIStyle(direction: .column),
                          children: [text, wraps])
        let doc = UIDocument(width: 400, height: 200, background: RGB(255, 255, 255), root: root)
        let measures: [[Int]: Refiner.Measure] = [
            [0]: .init(dx: 3, dy: 5, horizontal: true, widthRatio: 1.1, extraLines: 0, designColor: nil, renderedColor: nil),
            [1]: .init(dx: 0, dy: 5, horizontal: true, widthRatio: nil, extraLines: 1, designColor: RGB(20, 20, 80), renderedColor: RGB(40, 40, 40)),
        ]
        let (out, n) = Refiner.correct(doc, measures: measures)
        XCTAssertGreaterThan(n, 0)
        let a = out.root.children[0], b = out.root.children[1]
        XCTAssertEqual(a.style.margin?.top, -5)
        XCTAssertEqual(a.style.margin?.left, -3)
        XCTAssertEqual(a.style.fontSize ?? 0, 17.5, accuracy: 0.25)
        XCTAssertNil(b.style.margin)                       // same error as its predecessor: nothing to add
        XCTAssertEqual(b.box.width, 380)                   // room up to the parent's edge for the wrapped text
        XCTAssertEqual(b.style.color, RGB(10, 10, 70))     // ink measured grey where the design's is blue
        XCTAssertTrue(out.allNodes.allSatisfy { $0.style.positioned != true })
        // ink only lighter than the design's, on the line to the background: stroke weight, not colour
        var coverage = measures
        coverage[[1]]?.designColor = RGB(10, 10, 10)
        XCTAssertEqual(Refiner.correct(doc, measures: coverage).0.root.children[1].style.color, RGB(30, 30, 30))
    }

    func testParseColor() {
        XCTAssertEqual(RenderedElement.parseColor("rgb(1, 2, 3)")?.0, RGB(1, 2, 3))
        XCTAssertEqual(RenderedElement.parseColor("rgba(1, 2, 3, 0)")?.1, 0)
        XCTAssertNil(RenderedElement.parseColor("transparent"))
    }
}
