import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 15's fields reconcile rules (no browser): a resting I-beam's stem and serifs (or the
/// caret) left out of a field's ink, and where the video's pointer rests before a step.
final class FieldBarsTests: XCTestCase {
    func testAnIBeamWithItsSerifsIsErasedAndTheDigitStays() {
        let run = ValueCompare.caretMinRun(fontSize: 16, scale: 1)
        // A "3" (rows 5–15: shorter than a caret) and an I-beam at column 30: stem rows 3–18,
        // serifs two columns either side on its end rows.
        let three: [(column: Int, rows: Range<Int>)] = [(4, 5..<6), (5, 5..<6), (6, 5..<6), (7, 5..<11), (5, 10..<11),
                                                        (6, 10..<11), (7, 10..<16), (4, 15..<16), (5, 15..<16), (6, 15..<16)]
        let beam: [(column: Int, rows: Range<Int>)] = [(30, 3..<19), (28, 3..<4), (29, 3..<4), (31, 3..<4), (32, 3..<4),
                                                       (28, 18..<19), (29, 18..<19), (31, 18..<19), (32, 18..<19)]
        let video = CaretInkTests.map(three + beam)
        let digit = CaretInkTests.map(three)
        XCTAssertEqual(ValueCompare.erasingBars(video, minRun: run, serif: 3), digit, "stem and serifs gone, the digit kept")
        // An I-beam apart from the text goes with its outline and shadow (a column two to its
        // right, a row under it); a caret against the last glyph takes no more of the glyph.
        let shadow: [(column: Int, rows: Range<Int>)] = [(32, 4..<17), (29, 20..<21), (30, 20..<21), (31, 20..<21)]
        XCTAssertEqual(ValueCompare.erasingBars(CaretInkTests.map(three + beam + shadow), minRun: run, serif: 3), digit)
        let caret = CaretInkTests.map(three + [(9, 3..<19)])
        XCTAssertEqual(ValueCompare.erasingBars(caret, minRun: run, serif: 3), digit, "the caret goes, the 3 stays whole")
        // erasingCarets leaves the serifs; erasingBars takes them too.
        XCTAssertEqual(ValueCompare.erasingCarets(video, minRun: run).count, digit.count + 8)
        // The typed "3" then matches the video's field; with the I-beam in, it was 24 pixels off.
        XCTAssertEqual(ValueCompare.mismatch(digit, ValueCompare.erasingBars(video, minRun: run, serif: 3)).error, 0)
        XCTAssertGreaterThanOrEqual(ValueCompare.mismatch(digit, video).error, 20)
        // No bar: the map itself; no font size known: nothing is erased by the caller (run 0).
        XCTAssertEqual(ValueCompare.erasingBars(digit, minRun: run, serif: 3), digit)
        XCTAssertEqual(ValueCompare.caretMinRun(fontSize: nil, scale: 1), 0)
    }

    func testThePointerRestsWhereTheLatestPointerStepPutIt() {
        let favourite = Action(kind: .click, time: 8.6, target: Target(point: Point(x: 820, y: 157)))
        let intoField = Action(kind: .click, time: 10.4, target: Target(point: Point(x: 895, y: 28)))
        let enter = Action(kind: .press, time: 9.2, value: .text("Enter"))
        // The click into the field was dropped live; the key press after the Favourite click does
        // not move the pointer: it rests in the field, where the analysis saw the click.
        XCTAssertEqual(Run.restingPoint(performed: [favourite, enter], offline: [favourite, enter, intoField][...]),
                       Point(x: 895, y: 28))
        // A step performed at the same moment wins over the analysis's (its point corrected).
        let moved = Action(kind: .click, time: 10.4, target: Target(point: Point(x: 900, y: 30)))
        XCTAssertEqual(Run.restingPoint(performed: [favourite, moved], offline: [favourite, intoField][...]), Point(x: 900, y: 30))
        // A later step performed live (inserted by the gap search) wins over an earlier one.
        let inserted = Action(kind: .click, time: 11.0, target: Target(point: Point(x: 100, y: 100)))
        XCTAssertEqual(Run.restingPoint(performed: [favourite, inserted], offline: [favourite, intoField][...]), Point(x: 100, y: 100))
        // Key presses only: nowhere known.
        XCTAssertNil(Run.restingPoint(performed: [enter], offline: [enter][...]))
    }

    func testAChangedAreaMeetsTheNextFillsFieldByTheirCommonPart() {
        // wizard-validation: the Guests field (649,400 274×42) and the changed area over it.
        let field = (x: 649.0, y: 400.0, width: 274.0, height: 42.0)
        let common = Run.intersection((x: 648, y: 408, width: 224, height: 56), field)
        XCTAssertEqual(common?.x, 649); XCTAssertEqual(common?.y, 408)
        XCTAssertEqual(common?.width, 223); XCTAssertEqual(common?.height, 34)
        // The moved Back button's area is not in it.
        XCTAssertNil(Run.intersection((x: 352, y: 480, width: 104, height: 72), field))
        // A typed field whose area looks as at the fill's end, not as before: that typing.
        let before = Image(width: 8, height: 8, format: .gray8, pixels: [UInt8](repeating: 250, count: 64))
        var typed = before
        for j in 18..<46 { typed.pixels[j] = 20 }
        let r = PixelRect(x: 0, y: 0, width: 8, height: 8)
        XCTAssertGreaterThan(Run.videoLean(r, typed, before, typed), Run.typingLean)
        XCTAssertLessThan(Run.videoLean(r, before, before, typed), -Run.typingLean)
    }

    func testAOneGlyphReadingRendersEachLetterAndDigit() {
        // contacts-retype-search-24fps: the search's "e" read "2 26h", and "2" with the pointer painted over.
        let c = Run.oneGlyphCandidates(["2 26h", "2"], type: "search", current: "holm")
        XCTAssertEqual(Array(c.prefix(2)), ["2 26h", "2"], "the readings first")
        XCTAssertTrue(c.contains("e"))
        XCTAssertEqual(c.filter { $0 == "2" }.count, 1, "a reading is not rendered twice")
        XCTAssertEqual(c.count, 2 + 35)
        // The field's own value is not typed again.
        XCTAssertFalse(Run.oneGlyphCandidates(["x"], type: "text", current: "e").contains("e"))
        // Longer readings alone, and number fields (their range is tried instead), are left as read.
        XCTAssertEqual(Run.oneGlyphCandidates(["holm"], type: "search", current: ""), ["holm"])
        XCTAssertEqual(Run.oneGlyphCandidates(["7"], type: "number", current: "1"), ["7"])
        XCTAssertEqual(Run.oneGlyphCandidates([], type: "text", current: ""), [])
    }
}
