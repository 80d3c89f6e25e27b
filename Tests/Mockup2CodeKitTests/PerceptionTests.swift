import DesignLayout
import ScreenCore
import XCTest

/// XY-cut, boxes, bands, rules and colour measurements on small synthetic designs.
final class LayoutXYCutTests: XCTestCase {
    let white = RGB(255, 255, 255), black = RGB(20, 20, 20)

    func segment(_ c: Canvas) -> LayoutRegion? {
        let r = DesignRaster(c.image)
        let s = LayoutSegmenter(raster: r)
        return s.segment(r.bounds, background: s.pageBackground())
    }

    func testRowsSplitOnBackgroundGutters() throws {
        var c = Canvas(width: 200, height: 120)
        c.fill(PixelRect(x: 10, y: 10, width: 150, height: 12), black)
        c.fill(PixelRect(x: 10, y: 40, width: 100, height: 12), black)
        c.fill(PixelRect(x: 10, y: 80, width: 120, height: 12), black)
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertEqual(r.children.map(\.rect.y), [10, 40, 80])
        XCTAssertEqual(r.children[1].rect, PixelRect(x: 10, y: 40, width: 100, height: 12))
    }

    func testColumnsNeedAWideGutterButWordsStayTogether() throws {
        var c = Canvas(width: 300, height: 60)
        c.fakeText(x: 10, y: 20, words: 3, height: 12, black)    // gaps of 6 px: one line
        c.fakeText(x: 200, y: 20, words: 2, height: 12, black)   // far away: a second column
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.row))
        XCTAssertEqual(r.children.count, 2)
        XCTAssertEqual(r.children[0].kind, .leaf)
        XCTAssertEqual(r.children[0].rect.x, 10)
        XCTAssertEqual(r.children[1].rect.x, 200)
    }

    func testFilledBoxIsRecursedWithItsOwnBackground() throws {
        var c = Canvas(width: 200, height: 100)
        let blue = RGB(37, 99, 235)
        c.fill(PixelRect(x: 20, y: 20, width: 120, height: 40), blue)
        c.fakeText(x: 40, y: 34, words: 2, height: 12, white)
        let r = try XCTUnwrap(segment(c))
        guard case .box(let fill, let border, _) = r.kind else { return XCTFail("not a box: \(r.kind)") }
        XCTAssertEqual(fill, blue)
        XCTAssertNil(border)
        XCTAssertEqual(r.rect, PixelRect(x: 20, y: 20, width: 120, height: 40))
        XCTAssertEqual(r.innerBackground, blue)
        XCTAssertEqual(r.children.count, 1)
        XCTAssertEqual(r.children[0].rect.y, 34)
    }

    func testBorderedBoxHasABorderAndNoFill() throws {
        var c = Canvas(width: 300, height: 80)
        let grey = RGB(200, 200, 200)
        c.frame(PixelRect(x: 10, y: 10, width: 240, height: 36), grey)
        let r = try XCTUnwrap(segment(c))
        guard case .box(let fill, let border, _) = r.kind else { return XCTFail("not a box: \(r.kind)") }
        XCTAssertNil(fill)
        XCTAssertEqual(border?.width, 1)
        XCTAssertEqual(border?.color, grey)
        XCTAssertTrue(r.children.isEmpty)
    }

    func testBandsOfDifferentColourAreCut() throws {
        var c = Canvas(width: 200, height: 200)
        c.fill(PixelRect(x: 0, y: 120, width: 200, height: 40), RGB(0, 0, 0))
        c.fill(PixelRect(x: 0, y: 160, width: 200, height: 40), RGB(60, 60, 60))
        c.fakeText(x: 20, y: 20, words: 2, height: 10, black)
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        func all(_ x: LayoutRegion) -> [LayoutRegion] { [x] + x.children.flatMap(all) }
        let boxes = all(r).filter { if case .box = $0.kind { true } else { false } }
        XCTAssertEqual(boxes.map(\.rect.y), [120, 160])
    }

    func testThinRuleIsADivider() throws {
        var c = Canvas(width: 200, height: 60)
        c.fill(PixelRect(x: 10, y: 30, width: 180, height: 1), RGB(180, 180, 180))
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .divider(RGB(180, 180, 180)))
    }

    func testRoundedCornersGiveARadius() throws {
        var c = Canvas(width: 200, height: 100)
        let green = RGB(16, 185, 129)
        c.fill(PixelRect(x: 20, y: 20, width: 100, height: 50), green)
        // Cut the corners as a 10 px radius would.
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (2, 0), (0, 2), (1, 1)] {
            for (cx, cy, sx, sy) in [(20, 20, 1, 1), (119, 20, -1, 1), (20, 69, 1, -1), (119, 69, -1, -1)] {
                c.fill(PixelRect(x: cx + sx * dx, y: cy + sy * dy, width: 1, height: 1), white)
            }
        }
        let r = try XCTUnwrap(segment(c))
        guard case .box(_, _, let radius) = r.kind else { return XCTFail("not a box") }
        XCTAssertGreaterThan(radius, 2)
        XCTAssertLessThan(radius, 16)
    }

    func testAThinArcBetweenDiagonalPixelsStillEndsTheCornerWalk() throws {
        // A card with a 1 px grey border whose corners are chamfers x + y = 7 (odd: the diagonal
        // pixels (d, d) never land on them), and text 8 px inside its top-left corner.
        var c = Canvas(width: 220, height: 120)
        let grey = RGB(200, 200, 205)
        let card = PixelRect(x: 20, y: 20, width: 160, height: 70)
        c.fill(PixelRect(x: card.x + 7, y: card.y, width: card.width - 14, height: 1), grey)
        c.fill(PixelRect(x: card.x + 7, y: card.maxY - 1, width: card.width - 14, height: 1), grey)
        c.fill(PixelRect(x: card.x, y: card.y + 7, width: 1, height: card.height - 14), grey)
        c.fill(PixelRect(x: card.maxX - 1, y: card.y + 7, width: 1, height: card.height - 14), grey)
        for k in 0...7 {
            for (cx, cy, sx, sy) in [(card.x, card.y, 1, 1), (card.maxX - 1, card.y, -1, 1),
                                     (card.x, card.maxY - 1, 1, -1), (card.maxX - 1, card.maxY - 1, -1, -1)] {
                c.fill(PixelRect(x: cx + sx * k, y: cy + sy * (7 - k), width: 1, height: 1), grey)
            }
        }
        c.fakeText(x: card.x + 8, y: card.y + 8, words: 3, height: 10, black)
        let r = try XCTUnwrap(segment(c))
        guard case .box(_, _, let radius) = r.kind else { return XCTFail("not a box: \(r.kind)") }
        XCTAssertLessThan(radius, 20)
        let leaf = try XCTUnwrap(r.leaves.first)
        // the inset for the corners must not cut into the text
        XCTAssertEqual(leaf.rect.x, card.x + 8)
        XCTAssertEqual(leaf.rect.y, card.y + 8)
        XCTAssertEqual(leaf.rect.height, 10)
    }

    func testAFaintBorderDoesNotLetTheCornerWalkRunIntoTheCard() throws {
        // A white card on white with a faint 1 px border (239) whose corners are anti-aliased chamfers
        // x + y = 3 lighter still (247, within the tolerance of the white): the diagonal walk passes
        // the corner and would run on to the heading 30 px in, a radius of ~100 px whose inset cuts it.
        var c = Canvas(width: 460, height: 300)
        let faint = RGB(239, 239, 239), arc = RGB(247, 247, 247)
        let card = PixelRect(x: 20, y: 20, width: 400, height: 240)
        c.frame(card, faint)
        for k in 0...3 {
            for (cx, cy, sx, sy) in [(card.x, card.y, 1, 1), (card.maxX - 1, card.y, -1, 1),
                                     (card.x, card.maxY - 1, 1, -1), (card.maxX - 1, card.maxY - 1, -1, -1)] {
                for j in 0..<(3 - k) { c.fill(PixelRect(x: cx + sx * k, y: cy + sy * j, width: 1, height: 1), white) }
                c.fill(PixelRect(x: cx + sx * k, y: cy + sy * (3 - k), width: 1, height: 1), arc)
            }
        }
        c.fakeText(x: card.x + 30, y: card.y + 30, words: 4, height: 12, black)
        c.fakeText(x: card.x + 30, y: card.y + 120, words: 6, height: 12, black)
        let r = try XCTUnwrap(segment(c))
        guard case .box(_, let border, let radius) = r.kind else { return XCTFail("not a box: \(r.kind)") }
        XCTAssertEqual(border?.color, faint)
        XCTAssertLessThanOrEqual(radius, 10)
        let first = try XCTUnwrap(r.leaves.min { $0.rect.y < $1.rect.y })
        XCTAssertEqual(first.rect, PixelRect(x: card.x + 30, y: card.y + 30, width: 97, height: 12))
    }

    func testEmptyImageHasNoRegions() {
        XCTAssertNil(segment(Canvas(width: 50, height: 50)))
    }
}

final class DesignColourTests: XCTestCase {
    func testInkColourIgnoresAntiAliasing() throws {
        var c = Canvas(width: 100, height: 30, background: RGB(250, 250, 250))
        let red = RGB(200, 30, 30)
        c.fakeText(x: 5, y: 5, words: 3, height: 14, red)
        // A blended (anti-aliased) edge next to every stroke.
        for x in stride(from: 7, to: 90, by: 5) { c.fill(PixelRect(x: x, y: 5, width: 1, height: 14), RGB(225, 140, 140)) }
        let r = DesignRaster(c.image)
        let ink = try XCTUnwrap(r.inkColor(in: r.bounds, background: RGB(250, 250, 250)))
        XCTAssertLessThanOrEqual(DesignRaster.distance(ink, red), 12, "\(ink)")
    }

    func testTextColourOfThinTypeIsTheDeclaredColourNotItsPaleCores() throws {
        // thin strokes: one core pixel a stroke at the declared colour, flanked by pale blends
        let bg = RGB(255, 255, 255), declared = RGB(55, 55, 55)
        var c = Canvas(width: 120, height: 20, background: bg)
        for x in stride(from: 4, to: 110, by: 4) {
            c.fill(PixelRect(x: x, y: 4, width: 1, height: 12), RGB(150, 150, 150))
            c.fill(PixelRect(x: x + 1, y: 4, width: 1, height: 12), x % 8 == 0 ? declared : RGB(110, 110, 110))
            c.fill(PixelRect(x: x + 2, y: 4, width: 1, height: 12), RGB(200, 200, 200))
        }
        let r = DesignRaster(c.image)
        let text = try XCTUnwrap(r.textColor(in: r.bounds, background: bg))
        let ink = try XCTUnwrap(r.inkColor(in: r.bounds, background: bg))
        XCTAssertLessThanOrEqual(DesignRaster.distance(text, declared), 12, "\(text)")
        XCTAssertGreaterThan(DesignRaster.distance(ink, declared), DesignRaster.distance(text, declared) + 30, "\(ink)")
        // solid type: the declared colour either way, never past it
        var s = Canvas(width: 100, height: 30, background: bg)
        s.fakeText(x: 5, y: 5, words: 3, height: 14, RGB(200, 30, 30))
        let solid = try XCTUnwrap(DesignRaster(s.image).textColor(in: DesignRaster(s.image).bounds, background: bg))
        XCTAssertLessThanOrEqual(DesignRaster.distance(solid, RGB(200, 30, 30)), 6, "\(solid)")
        XCTAssertNil(DesignRaster(Canvas(width: 10, height: 10, background: bg).image).textColor(in: PixelRect(x: 0, y: 0, width: 10, height: 10), background: bg))
    }

    func testDominantColourAndPageBackground() {
        var c = Canvas(width: 100, height: 100, background: RGB(243, 244, 246))
        c.fill(PixelRect(x: 0, y: 0, width: 100, height: 20), RGB(17, 24, 39))
        let r = DesignRaster(c.image)
        let (col, share) = r.dominantColor(in: r.bounds)
        XCTAssertEqual(DesignRaster.distance(col, RGB(243, 244, 246)), 0)
        XCTAssertEqual(share, 0.8, accuracy: 0.01)
        XCTAssertEqual(LayoutSegmenter(raster: r).pageBackground(), RGB(243, 244, 246))
    }

    func testOCRCropTurnsLightOnDarkIntoDarkOnWhite() {
        var c = Canvas(width: 60, height: 20, background: RGB(37, 99, 235))
        c.fill(PixelRect(x: 10, y: 5, width: 20, height: 10), RGB(255, 255, 255))
        let r = DesignRaster(c.image)
        let crop = r.ocrCrop(r.bounds, background: RGB(37, 99, 235), ink: RGB(255, 255, 255), pad: 2)
        XCTAssertEqual(crop.format, .gray8)
        XCTAssertEqual(crop.luma(x: 0, y: 0), 255)           // padding: white
        XCTAssertEqual(crop.luma(x: 4, y: 4), 255)           // background: white
        XCTAssertLessThan(crop.luma(x: 15, y: 10), 40)       // the light ink: dark
    }

    func testStrokeWidthTellsBoldFromRegular() {
        var c = Canvas(width: 120, height: 30)
        for i in 0..<8 { c.fill(PixelRect(x: 5 + i * 12, y: 5, width: 2, height: 18), RGB(0, 0, 0)) }
        let thin = DesignRaster(c.image).strokeWidth(in: PixelRect(x: 0, y: 0, width: 120, height: 30), background: RGB(255, 255, 255), ink: RGB(0, 0, 0))
        var d = Canvas(width: 120, height: 30)
        for i in 0..<8 { d.fill(PixelRect(x: 5 + i * 12, y: 5, width: 4, height: 18), RGB(0, 0, 0)) }
        let thick = DesignRaster(d.image).strokeWidth(in: PixelRect(x: 0, y: 0, width: 120, height: 30), background: RGB(255, 255, 255), ink: RGB(0, 0, 0))
        XCTAssertEqual(thin, 2, accuracy: 0.01)
        XCTAssertEqual(thick, 4, accuracy: 0.01)
        XCTAssertFalse(DesignTypography.isBold(stroke: thin, fontSize: 24))
        XCTAssertTrue(DesignTypography.isBold(stroke: thick, fontSize: 24))
    }

    func testTypographyFitsWidthAndBaseline() throws {
        // "Hello world" in 20 px Arial is 0.556+…: use the metrics themselves to make the line.
        let em = DesignFontMetrics.width(of: "Hello world", bold: false)
        let width = Int((em - 0.06) * 20)
        let ink = PixelRect(x: 100, y: 50, width: width, height: Int((0.729) * 20))
        let fit = try XCTUnwrap(DesignTypography.fit([MeasuredLine(text: "Hello world", ink: ink)], bold: false))
        XCTAssertEqual(fit.fontSize, 20, accuracy: 1)
        // The line box puts the baseline (ink bottom, no descenders) where it was.
        let baseline = Double(fit.box.y) + (fit.lineHeight - 1.117 * fit.fontSize) / 2 + 0.905 * fit.fontSize
        XCTAssertEqual(baseline, Double(ink.maxY), accuracy: 1.5)
        XCTAssertGreaterThanOrEqual(fit.box.maxX, ink.maxX)
    }
}
