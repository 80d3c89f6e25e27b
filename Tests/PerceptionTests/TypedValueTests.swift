import XCTest
import ScreenCore
@testable import Perception

/// Typed values: the slips OCR makes that the value's own shape undoes, and a selected (highlighted)
/// part of a field's text made readable with the rest.
final class TypedValueTests: XCTestCase {
    func testAnEmailAddressHasNoSpaceInItsDomain() {
        XCTAssertEqual(SegmentAnalyst.repairedValue("kofi@mensah gh"), "kofi@mensah.gh")
        XCTAssertEqual(SegmentAnalyst.repairedValue("a.b@mail example com"), "a.b@mail.example.com")
        XCTAssertEqual(SegmentAnalyst.repairedValue("meet @ 5 pm"), "meet @ 5 pm", "a space before the @: no address")
        XCTAssertEqual(SegmentAnalyst.repairedValue("ask me@home tonight 5"), "ask me@home tonight 5", "no letters-only last label")
        XCTAssertEqual(SegmentAnalyst.repairedValue("jonas.lund@"), "jonas.lund@")
    }

    func testALowerCaseLAmongCapitalisedWordsIsACapitalI() {
        XCTAssertEqual(SegmentAnalyst.repairedValue("llse Berg"), "Ilse Berg")
        XCTAssertEqual(SegmentAnalyst.repairedValue("lan Smith"), "Ian Smith")
        XCTAssertEqual(SegmentAnalyst.repairedValue("Tablet layout"), "Tablet layout", "only a first word: sentence case stays")
        XCTAssertEqual(SegmentAnalyst.repairedValue("Maria de la Cruz"), "Maria de la Cruz", "a lower-case word beside it")
        XCTAssertEqual(SegmentAnalyst.repairedValue("lemon tart"), "lemon tart")
        XCTAssertEqual(SegmentAnalyst.repairedValue("llama"), "llama", "one word alone says nothing")
        XCTAssertEqual(SegmentAnalyst.repairedValue("Call Lena"), "Call Lena")
        XCTAssertEqual(SegmentAnalyst.repairedValue("lo Berg"), "lo Berg", "two letters are too few to tell")
    }

    /// A light field whose last part (a date input's year being typed) is white on a blue highlight.
    private func fieldWithSelection() -> Image {
        var c = Canvas(width: 90, height: 22, background: 255)
        c.text(x: 3, y: 5, glyphs: 4, height: 12, v: 40)          // "06/1" dark on white
        c.fill(PixelRect(x: 44, y: 2, width: 40, height: 18), 100)  // the highlight
        c.text(x: 47, y: 5, glyphs: 4, height: 12, v: 255)        // "2027" white on it
        return c.image
    }

    func testASelectedPartIsMadeDarkOnTheFieldsBackground() {
        let out = InkAnalysis.normalisingSelection(fieldWithSelection())
        XCTAssertEqual(out.luma(x: 45, y: 3), 255, "the highlight becomes the field's background")
        XCTAssertLessThan(out.luma(x: 48, y: 10), 40, "its white letters become dark")
        XCTAssertEqual(out.luma(x: 4, y: 10), 40, "the unselected text stays")
        XCTAssertEqual(out.luma(x: 6, y: 1), 255)
    }

    func testPlainTextHasNoSelection() {
        var c = Canvas(width: 120, height: 22, background: 255)
        c.text(x: 3, y: 4, glyphs: 12, height: 14, v: 30)
        c.fill(PixelRect(x: 110, y: 3, width: 2, height: 16), 0)   // a tall stroke (a caret, an l)
        XCTAssertEqual(InkAnalysis.normalisingSelection(c.image).pixels, c.image.pixels)
        var dark = Canvas(width: 90, height: 22, background: 40)
        dark.fill(PixelRect(x: 30, y: 2, width: 40, height: 18), 120)
        XCTAssertEqual(InkAnalysis.normalisingSelection(dark.image).pixels, dark.image.pixels, "a dark field is left alone")
    }

    func testAFloatingLabelAboveTheValueIsLeftOut() {
        let field = PixelRect(x: 10, y: 10, width: 300, height: 56)
        var c = Canvas(width: 330, height: 80, background: 255)
        c.outline(field, 120)
        c.text(x: 24, y: 14, glyphs: 5, height: 8, v: 90)     // "Phone", small, at the top
        c.text(x: 24, y: 34, glyphs: 12, height: 14, v: 30)   // the value
        let band = InkAnalysis.textBand(in: c.image, region: field.insetBy(3))!
        let line = InkAnalysis.lineBelowFloatingLabel(in: c.image, band: band, field: field)
        XCTAssertNotNil(line)
        XCTAssertGreaterThanOrEqual(line!.y, 22, "below the label")
        XCTAssertLessThanOrEqual(line!.y, 34)
        XCTAssertGreaterThanOrEqual(line!.maxY, 48, "the whole value")

        var wrapped = Canvas(width: 330, height: 80, background: 255)
        wrapped.outline(field, 120)
        wrapped.text(x: 24, y: 16, glyphs: 12, height: 14, v: 30)
        wrapped.text(x: 24, y: 38, glyphs: 6, height: 14, v: 30)
        let b2 = InkAnalysis.textBand(in: wrapped.image, region: field.insetBy(3))!
        XCTAssertNil(InkAnalysis.lineBelowFloatingLabel(in: wrapped.image, band: b2, field: field), "two lines alike: a wrapped value")
    }

    func testAFieldWhoseFrameIsRedrawnHasClosed() {
        let field = PixelRect(x: 20, y: 20, width: 200, height: 40)
        var open = Canvas(width: 260, height: 90, background: 230)
        open.fill(field, 255)
        open.outline(field, 20)
        open.outline(field.insetBy(1), 20)
        var typed = open
        typed.text(x: 30, y: 32, glyphs: 5, height: 14, v: 30)
        XCTAssertFalse(SegmentAnalyst.frameRedrawn(field, before: open.image, after: typed.image), "a keystroke changes the inside")
        var closed = Canvas(width: 260, height: 90, background: 230)
        for x in stride(from: field.x, to: field.maxX, by: 8) {          // a dashed outline
            closed.fill(PixelRect(x: x, y: field.y, width: 4, height: 2), 120)
            closed.fill(PixelRect(x: x, y: field.maxY - 2, width: 4, height: 2), 120)
        }
        closed.text(x: 30, y: 32, glyphs: 6, height: 14, v: 90)
        XCTAssertTrue(SegmentAnalyst.frameRedrawn(field, before: typed.image, after: closed.image), "the editor closed into a button")
    }

    func testAGlyphCutByTheFieldsEdgeIsReadWhole() {
        // A tight editor: a 2-pixel border at x 10–11, the text's first glyph (a "T") from x 14.
        var c = Canvas(width: 200, height: 40, background: 255)
        c.fill(PixelRect(x: 10, y: 5, width: 2, height: 26), 20)
        c.fill(PixelRect(x: 14, y: 11, width: 9, height: 2), 30)     // the T's bar
        c.fill(PixelRect(x: 18, y: 11, width: 2, height: 12), 30)    // its stem
        c.text(x: 26, y: 11, glyphs: 6, height: 12, v: 30)
        let inner = PixelRect(x: 15, y: 9, width: 150, height: 18)  // the box found sits inside the border
        let band = InkAnalysis.textBand(in: c.image, region: inner)!
        XCTAssertEqual(band.x, 15)
        let grown = InkAnalysis.extendingLeft(band, in: c.image, from: inner.x, downTo: 9)
        XCTAssertEqual(grown.x, 13, "to the blank column before the glyph, not the border")
        XCTAssertEqual(grown.maxX, band.maxX)
        let clear = PixelRect(x: 24, y: 9, width: 140, height: 18)
        let b2 = InkAnalysis.textBand(in: c.image, region: clear)!
        XCTAssertEqual(InkAnalysis.extendingLeft(b2, in: c.image, from: clear.x, downTo: 18), b2, "ink clear of the edge")
    }

    func testAFieldsBorderInsideTheBandIsNoText() {
        // The box found includes a focus ring: its inset still holds the field's border at both ends.
        var c = Canvas(width: 300, height: 40, background: 255)
        c.fill(PixelRect(x: 10, y: 4, width: 2, height: 30), 60)
        c.fill(PixelRect(x: 250, y: 4, width: 2, height: 30), 60)
        c.text(x: 24, y: 12, glyphs: 8, height: 14, v: 30)
        let band = InkAnalysis.textBand(in: c.image, region: PixelRect(x: 8, y: 6, width: 248, height: 26))!
        let trimmed = InkAnalysis.trimmingBorders(band, in: c.image)
        XCTAssertGreaterThanOrEqual(trimmed.x, 12)
        XCTAssertLessThanOrEqual(trimmed.x, 24)
        XCTAssertLessThanOrEqual(trimmed.maxX, 250)
        XCTAssertGreaterThanOrEqual(trimmed.maxX, 24 + 7 * 9 + 6)
        var plain = Canvas(width: 300, height: 40, background: 255)
        plain.fill(PixelRect(x: 20, y: 10, width: 2, height: 16), 30)   // an "l" first
        plain.text(x: 26, y: 12, glyphs: 8, height: 14, v: 30)
        let b2 = InkAnalysis.textBand(in: plain.image, region: PixelRect(x: 8, y: 6, width: 248, height: 26))!
        XCTAssertEqual(InkAnalysis.trimmingBorders(b2, in: plain.image), b2, "a tall letter is no border")
    }
}
