import XCTest
import ScreenCore
@testable import Perception

/// The pointer a browser hides while keys are typed, and a click seen only after the pointer left.
final class HiddenPointerTests: XCTestCase {
    private let field = PixelRect(x: 100, y: 100, width: 300, height: 38)

    /// An I-beam (8×24) at `x` over the field's line.
    private func ibeam(_ c: inout Canvas, x: Int) {
        c.fill(PixelRect(x: x + 3, y: 107, width: 2, height: 24), 20)
        c.fill(PixelRect(x: x, y: 107, width: 8, height: 2), 20)
        c.fill(PixelRect(x: x, y: 129, width: 8, height: 2), 20)
    }

    private func mask(_ box: PixelRect, in image: Image, plate: Image) -> [Bool] {
        var m = [Bool](repeating: false, count: box.area)
        for y in box.y..<box.maxY { for x in box.x..<box.maxX {
            m[(y - box.y) * box.width + x - box.x] = abs(Int(image.luma(x: x, y: y)) - Int(plate.luma(x: x, y: y))) > 30
        } }
        return m
    }

    func testAPointerNoLongerDrawnLeavesTheFieldsBackground() {
        let empty = Canvas(background: 255).with { $0.outline(field, 180) }
        let drawn = empty.with { ibeam(&$0, x: 200) }
        let box = PixelRect(x: 200, y: 107, width: 8, height: 24)
        let m = mask(box, in: drawn.image, plate: empty.image)
        // Hidden: its pixels show the background now.
        XCTAssertTrue(SegmentAnalyst.pixelsGone(m, in: box, before: drawn.image, after: empty.image, background: 255))
        // Still drawn (a glyph typed next to it): nothing changed under it.
        let typed = drawn.with { $0.text(x: 110, y: 112, glyphs: 3, height: 14) }
        XCTAssertFalse(SegmentAnalyst.pixelsGone(m, in: box, before: drawn.image, after: typed.image, background: 255))
        // A glyph typed where it was, the pointer gone: the pixels changed but are no background.
        let glyph = empty.with { $0.fill(PixelRect(x: 199, y: 110, width: 10, height: 18), 30) }
        XCTAssertFalse(SegmentAnalyst.pixelsGone(m, in: box, before: drawn.image, after: glyph.image, background: 255))
    }

    func testAPointerThatLeftNothingBehindVanished() {
        let plate = Canvas(background: 255).with { $0.outline(field, 180); $0.text(x: 110, y: 112, glyphs: 12, height: 14, v: 170) }
        let drawn = plate.with { ibeam(&$0, x: 200) }
        let box = PixelRect(x: 200, y: 107, width: 8, height: 24)
        // The frame shows the plate again where the I-beam was: it is no longer drawn.
        XCTAssertTrue(SegmentAnalyst.pointerVanished(from: box, now: PixelRect(x: 200, y: 107, width: 7, height: 24),
                                                     image: plate.image, previous: drawn.image, plate: plate.image))
        // Still drawn (it changed its shape in place): pixels differ from the plate.
        XCTAssertFalse(SegmentAnalyst.pointerVanished(from: box, now: box, image: drawn.image, previous: drawn.image, plate: plate.image))
        // Moved away: no vanishing.
        XCTAssertFalse(SegmentAnalyst.pointerVanished(from: box, now: PixelRect(x: 260, y: 150, width: 8, height: 24),
                                                      image: plate.image, previous: drawn.image, plate: plate.image))
    }

    func testATallThinMarkOverTheTypedTextIsThePointerShowingAgain() {
        let img = Canvas(background: 255).image
        var run = TypingRun(field: field, start: 1, last: 2, keys: 8, before: img, beforeFrame: img, inkRight: 260, wipedPlaceholder: true,
                            lineHeight: 18)
        XCTAssertTrue(SegmentAnalyst.pointerShowsAgain(PixelRect(x: 180, y: 108, width: 8, height: 24), run: run))
        // A glyph's change is no taller than the line.
        XCTAssertFalse(SegmentAnalyst.pointerShowsAgain(PixelRect(x: 180, y: 110, width: 8, height: 18), run: run))
        // At the end of the text: the next keystroke (a tall letter, a caret).
        XCTAssertFalse(SegmentAnalyst.pointerShowsAgain(PixelRect(x: 252, y: 108, width: 8, height: 24), run: run))
        run.keys = 1
        XCTAssertFalse(SegmentAnalyst.pointerShowsAgain(PixelRect(x: 180, y: 108, width: 8, height: 24), run: run))
    }

    func testAPressedLookIsAStrongChangeAndAHoverTintIsNot() {
        let button = PixelRect(x: 50, y: 50, width: 60, height: 28)
        let before = Canvas(background: 250).with { $0.outline(button, 200); $0.text(x: 62, y: 58, glyphs: 3) }
        let pressed = before.with { $0.fill(button, 90); $0.text(x: 62, y: 58, glyphs: 3, v: 255) }
        let tinted = before.with { $0.fill(button.insetBy(1), 235); $0.text(x: 62, y: 58, glyphs: 3) }
        let strong = SegmentAnalyst.strongChange(before.image, pressed.image, region: button, ignoring: [])
        XCTAssertGreaterThan(strong.strong * 100, strong.sampled * 50)
        let tint = SegmentAnalyst.strongChange(before.image, tinted.image, region: button, ignoring: [])
        XCTAssertEqual(tint.strong, 0)
        // What the pointer covers is left out.
        let none = SegmentAnalyst.strongChange(before.image, pressed.image, region: button, ignoring: [button])
        XCTAssertEqual(none.sampled, 0)
    }
}
