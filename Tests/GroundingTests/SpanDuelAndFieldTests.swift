import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The confusable span's duel (values of different lengths: "rn" against "m"), and the typed
/// fields reconciled with the video (no browser).
final class SpanDuelAndFieldTests: XCTestCase {
    static let whole = PixelRect(x: 0, y: 0, width: 120, height: 20)

    /// A field drawn with a few stroke glyphs: "o" a box, "r" a stem with an arm, "n" two stems
    /// joined at the top, "m" three; "rn" is a pixel wider than "m", as in most fonts.
    static func field(_ text: String, at x0: Int = 6) -> Image {
        var img = Image(width: 120, height: 20, format: .gray8, filledWith: 250)
        func set(_ x: Int, _ y: Int) { img.pixels[y * 120 + x] = 30 }
        var x = x0
        for c in text {
            switch c {
            case "o":
                for y in 8..<16 { set(x, y); set(x + 5, y) }
                for i in x..<(x + 6) { set(i, 8); set(i, 15) }
                x += 8
            case "r":
                for y in 8..<16 { set(x, y) }
                for i in x..<(x + 3) { set(i, 8) }
                x += 4
            case "n":
                for y in 8..<16 { set(x, y); set(x + 4, y) }
                for i in x..<(x + 5) { set(i, 8) }
                x += 7
            case "m":
                for y in 8..<16 { set(x, y); set(x + 4, y); set(x + 8, y) }
                for i in x..<(x + 9) { set(i, 8) }
                x += 10
            default:
                x += 5
            }
        }
        return img
    }

    func gray(_ img: Image) -> [Double] { ValueCompare.resample(img, Self.whole, 120, 20) }

    func testTwoGlyphsAgainstOneAreJudgedOnTheirSpan() {
        let rn = gray(Self.field("orno")), m = gray(Self.field("omo"))
        // The video shows "omo", a pixel over: "m" wins on the span.
        let span = ValueCompare.differingSpan("orno", "omo")
        XCTAssertEqual(span.a, "rn"); XCTAssertEqual(span.b, "m")
        let duel = ValueCompare.glyphDuel(current: rn, candidate: m, video: gray(Self.field("omo", at: 7)), width: 120, height: 20,
                                          glyphs: 2, atEnd: span.atEnd)
        XCTAssertNotNil(duel)
        XCTAssertTrue(ValueCompare.winsDuel(duel!), "\(duel!)")
        // The video shows "orno": "m" does not win.
        let back = ValueCompare.glyphDuel(current: rn, candidate: m, video: gray(Self.field("orno", at: 7)), width: 120, height: 20,
                                          glyphs: 2, atEnd: span.atEnd)
        XCTAssertFalse(ValueCompare.winsDuel(back!), "\(back!)")
        // And the other way round: "rn" wins against "m" when the video shows "rn".
        let other = ValueCompare.glyphDuel(current: m, candidate: rn, video: gray(Self.field("orno", at: 5)), width: 120, height: 20,
                                           glyphs: 2, atEnd: span.atEnd)
        XCTAssertTrue(ValueCompare.winsDuel(other!), "\(other!)")
    }

    func testADuelAtTheValuesEndLeavesTheCaretOut() {
        // "oo" against "or" where the video shows "or" with a caret after it (beyond both
        // renderings' ink, which the window stops at).
        var video = Self.field("or", at: 7)
        for y in 4..<18 { video.pixels[y * 120 + 23] = 30 }
        let span = ValueCompare.differingSpan("oo", "or")
        XCTAssertTrue(span.atEnd)
        let duel = ValueCompare.glyphDuel(current: gray(Self.field("oo")), candidate: gray(Self.field("or")), video: gray(video),
                                          width: 120, height: 20, glyphs: 1, atEnd: span.atEnd)
        XCTAssertTrue(ValueCompare.winsDuel(duel!), "\(duel!)")
        // Against a video of "oo" (and its caret), "or" does not win.
        var back = Self.field("oo", at: 7)
        for y in 4..<18 { back.pixels[y * 120 + 23] = 30 }
        let lost = ValueCompare.glyphDuel(current: gray(Self.field("oo")), candidate: gray(Self.field("or")), video: gray(back),
                                          width: 120, height: 20, glyphs: 1, atEnd: span.atEnd)
        XCTAssertFalse(ValueCompare.winsDuel(lost!), "\(lost!)")
    }

    func testAFieldsReadingBecomesAValueToType() {
        XCTAssertEqual(Run.fieldReading("3", type: "number", current: "1", placeholder: ""), "3")
        XCTAssertEqual(Run.fieldReading(" l4 ", type: "number", current: "1", placeholder: ""), "14")
        XCTAssertNil(Run.fieldReading("3", type: "number", current: "3", placeholder: ""))
        XCTAssertNil(Run.fieldReading("abc", type: "number", current: "1", placeholder: ""))
        XCTAssertEqual(Run.fieldReading("e|", type: "search", current: "holm", placeholder: "Search"), "e")
        // The placeholder shows in an empty field: nothing was typed.
        XCTAssertNil(Run.fieldReading("Search  contacts", type: "search", current: "", placeholder: "Search contacts"))
        XCTAssertNil(Run.fieldReading("  ", type: "text", current: "x", placeholder: ""))
        // A part of it (the crop or the pointer cut it) neither, while the field is empty; a short
        // reading or one with letters of its own may be typing.
        XCTAssertNil(Run.fieldReading("arch contacts", type: "search", current: "", placeholder: "Search contacts"))
        XCTAssertEqual(Run.fieldReading("arch contacts", type: "search", current: "x", placeholder: "Search contacts"), "arch contacts")
        XCTAssertEqual(Run.fieldReading("cont", type: "search", current: "", placeholder: "Search contacts"), "cont")
        XCTAssertEqual(Run.fieldReading("contacts 2", type: "search", current: "", placeholder: "Search contacts"), "contacts 2")
        // A lone bar in an empty field is its caret.
        XCTAssertNil(Run.fieldReading("I", type: "email", current: "", placeholder: ""))
        XCTAssertEqual(Run.fieldReading("1", type: "number", current: "", placeholder: ""), "1")
        // One digit for another is a third of a short value's ink: unlike, though within a caret's pixels.
        XCTAssertTrue(Run.fieldUnlike((error: 20, ink: 50)))
        XCTAssertFalse(Run.fieldUnlike((error: 10, ink: 50)))
        XCTAssertFalse(Run.fieldUnlike((error: 20, ink: 900)))
        XCTAssertTrue(Run.fieldUnlike((error: 90, ink: 900)))
    }

    func testATypedFieldIsKeptOnlyWhenItRendersAsTheVideo() {
        // Within a caret's noise of the video's: kept.
        XCTAssertTrue(Run.typedFieldKept(before: (90, 120), after: (10, 120)))
        // Clearly better and alike: kept.
        XCTAssertTrue(Run.typedFieldKept(before: (300, 1200), after: (30, 1200)))
        // Less unlike, but not alike: not kept.
        XCTAssertFalse(Run.typedFieldKept(before: (300, 400), after: (150, 400)))
        // No better: not kept.
        XCTAssertFalse(Run.typedFieldKept(before: (60, 120), after: (58, 120)))
    }

    func testThePointersInkIsLeftOutOnlyOnTheVideosSide() {
        let map = { (img: Image) in ValueCompare.inkMap(img, Self.whole, width: 120, height: 20) }
        var withPointer = Self.field("oooo")
        for y in 3..<19 { withPointer.pixels[y * 120 + 40] = 30 }
        let plain = map(Self.field("oooo"))
        let box = Run.pointerBox(x: 40, y: 11, scale: 1, width: 120, height: 20)!
        XCTAssertTrue(box.x <= 40 && box.x + box.width > 40 && box.y <= 3 && box.y + box.height >= 19, "\(box)")
        // The video's I-beam is no ink the rendering lacks inside the pointer's box…
        XCTAssertGreaterThan(ValueCompare.mismatch(plain, map(withPointer)).error, 5)
        XCTAssertEqual(ValueCompare.mismatch(plain, map(withPointer), pointer: box).error, 0)
        // … but a rendering's letter the video lacks there still counts.
        XCTAssertGreaterThan(ValueCompare.mismatch(map(withPointer), plain, pointer: box).error, 5)
        // A pointer outside the crop leaves nothing out.
        XCTAssertNil(Run.pointerBox(x: 200, y: 11, scale: 1, width: 120, height: 20))
    }

    func testAnEditKeepsTheOldValuesWords() {
        XCTAssertEqual(ValueCompare.priorWords("Tove Alilto-Berg", prior: "Tove Aalto"), "Tove Aalto-Berg")
        XCTAssertEqual(ValueCompare.priorWords("Tow Aiflto-Berg", prior: "Tove Aalto"), "Tove Aalto-Berg")
        // Words already the old ones, or far from any: nothing to put back.
        XCTAssertNil(ValueCompare.priorWords("Tove Aalto-Berg", prior: "Tove Aalto"))
        XCTAssertNil(ValueCompare.priorWords("Offline mode banner", prior: "Offline banner"))
        XCTAssertNil(ValueCompare.priorWords("Maria", prior: ""))
    }
}
