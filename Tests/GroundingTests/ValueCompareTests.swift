import Foundation
@testable import Grounding
import ScreenCore
import XCTest

final class ValueCompareTests: XCTestCase {
    /// A field 120×20 with glyph-like strokes drawn at `x`: "o" is a 6×8 ring on the baseline,
    /// "b" the same ring with an ascender, "l" a bare stem. `ink`/`paper` set the colours.
    static func field(_ text: String, at x0: Int = 6, dy: Int = 0, ink: UInt8 = 30, paper: UInt8 = 250) -> Image {
        var img = Image(width: 120, height: 20, format: .gray8, filledWith: paper)
        func set(_ x: Int, _ y: Int) { img.pixels[(y + dy) * 120 + x] = ink }
        var x = x0
        for c in text {
            switch c {
            case "o", "b":
                for y in 8..<16 { set(x, y); set(x + 5, y) }
                for i in x..<(x + 6) { set(i, 8); set(i, 15) }
                if c == "b" { for y in 3..<8 { set(x, y) } }
                x += 8
            case "l":
                for y in 3..<16 { set(x, y) }
                x += 4
            default:
                x += 5
            }
        }
        return img
    }

    static let whole = PixelRect(x: 0, y: 0, width: 120, height: 20)

    func map(_ img: Image) -> InkMap { ValueCompare.inkMap(img, Self.whole, width: 120, height: 20) }

    func testTheSameTextHasNoMismatchEvenAPixelOrTwoOff() {
        let a = map(Self.field("bolo"))
        XCTAssertEqual(ValueCompare.mismatch(a, a).error, 0)
        // Misregistered by 2 px across and 1 down: the shifts find it.
        XCTAssertEqual(ValueCompare.mismatch(map(Self.field("bolo", at: 8, dy: 1)), a).error, 0)
        XCTAssertGreaterThan(a.count, 50)
    }

    func testOneLetterDiffersByItsOwnPixels() {
        let video = map(Self.field("oram"))
        let right = ValueCompare.mismatch(map(Self.field("bram")), map(Self.field("bram")))
        let wrong = ValueCompare.mismatch(map(Self.field("oram")), map(Self.field("bram")))
        XCTAssertEqual(right.error, 0)
        // The ascender's 5 pixels, beyond the one-pixel tolerance: 4 of them.
        XCTAssertGreaterThanOrEqual(wrong.error, 3)
        XCTAssertLessThan(wrong.error, 8)
        XCTAssertGreaterThan(ValueCompare.mismatch(map(Self.field("ooo")), video).error, 0)
    }

    func testAMissingLetterShiftsTheRestAndCounts() {
        // "bol" against "boll": the last stem is unexplained.
        let video = map(Self.field("boll"))
        let short = ValueCompare.mismatch(map(Self.field("bol")), video)
        let full = ValueCompare.mismatch(map(Self.field("boll")), video)
        XCTAssertEqual(full.error, 0)
        XCTAssertGreaterThanOrEqual(short.error, 10)
        XCTAssertTrue(ValueCompare.clearlyBetter(full.error, than: short.error, ink: short.ink))
    }

    func testInkIsFoundOnADarkFieldAndInAFaintRendering() {
        // Light text on a dark field, and grey anti-aliased text: the same ink.
        let dark = map(Self.field("bob", ink: 235, paper: 40))
        let faint = map(Self.field("bob", ink: 150, paper: 250))
        let plain = map(Self.field("bob"))
        XCTAssertEqual(ValueCompare.mismatch(dark, plain).error, 0)
        XCTAssertEqual(ValueCompare.mismatch(faint, plain).error, 0)
        // An empty field has no ink (no contrast at all).
        XCTAssertEqual(map(Self.field("")).count, 0)
    }

    func testSelectedTextIsInkByItsLetters() {
        // Light letters inside a dark highlight filling the line (a date field's focused part):
        // the letters decide, so two different selected texts differ.
        func selected(_ text: String) -> Image {
            var img = Self.field(text, ink: 250, paper: 60)
            for y in 0..<20 { for x in 0..<120 where x >= 90 { img.pixels[y * 120 + x] = 250 } }   // the rest of the field
            return img
        }
        let a = map(selected("bol")), b = map(selected("ool"))
        XCTAssertEqual(ValueCompare.mismatch(a, map(selected("bol"))).error, 0)
        XCTAssertGreaterThan(ValueCompare.mismatch(a, b).error, 2)
    }

    func testResamplingToTheVideosSize() {
        // A 2× rendering reduced to the video's pixels is the 1× one.
        var big = Image(width: 240, height: 40, format: .gray8, filledWith: 250)
        let small = Self.field("bol")
        for y in 0..<40 { for x in 0..<240 { big.pixels[y * 240 + x] = small.pixels[(y / 2) * 120 + x / 2] } }
        let m = ValueCompare.inkMap(big, PixelRect(x: 0, y: 0, width: 240, height: 40), width: 120, height: 20)
        XCTAssertEqual(ValueCompare.mismatch(m, map(small)).error, 0)
    }

    func testOnlyAClearWinReplacesTheReading() {
        XCTAssertTrue(ValueCompare.clearlyBetter(10, than: 40, ink: 400))
        XCTAssertFalse(ValueCompare.clearlyBetter(38, than: 40, ink: 400))     // noise
        XCTAssertFalse(ValueCompare.clearlyBetter(1, than: 4, ink: 400))       // too few pixels
        XCTAssertFalse(ValueCompare.clearlyBetter(90, than: 100, ink: 3000))   // a tenth is not clear
        // The noise of a right value (15–36 pixels off): a wrong letter gaining 8 or 11 is not clear.
        XCTAssertFalse(ValueCompare.clearlyBetter(28, than: 36, ink: 600))
        XCTAssertFalse(ValueCompare.clearlyBetter(25, than: 36, ink: 600))
        XCTAssertTrue(ValueCompare.clearlyBetter(36, than: 54, ink: 505))
    }

    func testVariantsCoverTheReadersConfusions() {
        XCTAssertTrue(ValueCompare.variants(of: "Cal the dentist").contains("Call the dentist"))
        XCTAssertTrue(ValueCompare.variants(of: "Maria Santo:").contains("Maria Santos"))
        XCTAssertTrue(ValueCompare.variants(of: "Maria Santo:").contains("Maria Santo"))
        XCTAssertTrue(ValueCompare.variants(of: "Nadia Petrova |").contains("Nadia Petrova"))
        XCTAssertTrue(ValueCompare.variants(of: "rnilk").contains("milk"))
        XCTAssertFalse(ValueCompare.variants(of: "Cal the dentist").contains("Ca1 the dentist"))
        XCTAssertTrue(ValueCompare.variants(of: "Flat 1l").contains("Flat 11"))
        XCTAssertTrue(ValueCompare.variants(of: "liam@obrienje", email: true).contains("liam@obrien.ie"))
        XCTAssertTrue(ValueCompare.variants(of: "kofi@mensah gh", email: true).contains("kofi@mensah.gh"))
        XCTAssertFalse(ValueCompare.variants(of: "kofi mensah").contains("kofi.mensah"))   // not an address
        XCTAssertLessThanOrEqual(ValueCompare.variants(of: String(repeating: "llama ", count: 20), limit: 24).count, 24)
        XCTAssertFalse(ValueCompare.variants(of: "abc").contains("abc"))
    }

    func testATrailingLetterWithinACaretsPixelsIsTheCaret() {
        XCTAssertTrue(ValueCompare.caretExplains("Nadia Petroval", bare: "Nadia Petrova", error: 62, bareError: 53, caret: 16))
        XCTAssertTrue(ValueCompare.caretExplains("Nadia PetrovaI", bare: "Nadia Petrova", error: 40, bareError: 55, caret: 16))
        XCTAssertFalse(ValueCompare.caretExplains("Nadia PetrovaI", bare: "Nadia Petrova", error: 10, bareError: 60, caret: 16))
        // A name's own last l: the rendering without it must do at least as well.
        XCTAssertFalse(ValueCompare.caretExplains("Paul", bare: "Pau", error: 20, bareError: 30, caret: 16))
        XCTAssertFalse(ValueCompare.caretExplains("Petrovas", bare: "Petrova", error: 10, bareError: 10, caret: 16))
        XCTAssertTrue(ValueCompare.variants(of: "Nadia Petroval").contains("Nadia Petrova"))
    }

    func testACandidateAddingACaretAfterTheReadingIsNeverTried() {
        XCTAssertTrue(Run.addsCaret("Ferreira1", to: "Ferreira"))
        XCTAssertTrue(Run.addsCaret("480.50l", to: "480.50"))
        XCTAssertTrue(Run.addsCaret("Notes |", to: "Notes"))
        XCTAssertFalse(Run.addsCaret("Call the", to: "Cal the"))   // a letter inside is no caret
        XCTAssertFalse(Run.addsCaret("Ferreira", to: "Ferreira1"))
    }

    func testDateValuesFromAReadingOfTheDateField() {
        XCTAssertEqual(ValueCompare.dateValues("05/09 /geead", years: [2026, 2027]), ["2026-05-09", "2027-05-09"])
        XCTAssertEqual(ValueCompare.dateValues("09/01/2027", years: [2026, 2027]), ["2027-09-01", "2026-09-01"])
        XCTAssertEqual(ValueCompare.dateValues("2027-03-17", years: [2026]), ["2027-03-17"])
        XCTAssertEqual(ValueCompare.dateValues("13/40/2027", years: [2026]), [])
        XCTAssertEqual(ValueCompare.dateValues("Nadia", years: [2026]), [])
    }
}
