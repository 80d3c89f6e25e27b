import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The video's text caret (and a resting I-beam's stem) taken out of a field's ink before values
/// are compared (no browser).
final class CaretInkTests: XCTestCase {
    /// An ink map `width`×24 with a stroke at each column of `strokes`, over its rows.
    static func map(_ strokes: [(column: Int, rows: Range<Int>)], width: Int = 40) -> InkMap {
        var ink = [Bool](repeating: false, count: width * 24)
        for s in strokes { for y in s.rows { ink[y * width + s.column] = true } }
        return InkMap(width: width, height: 24, ink: ink)
    }

    /// "io" at 16 px as strokes: an i (x-height with a dot), an o (two sides, top and bottom);
    /// the field's border along the crop's top and bottom rows.
    static let io: [(column: Int, rows: Range<Int>)] = [(3, 6..<7), (3, 9..<16), (8, 9..<16), (9, 9..<10), (10, 9..<10),
                                                       (9, 15..<16), (10, 15..<16), (11, 9..<16)]
        + (0..<40).flatMap { [($0, 0..<1), ($0, 23..<24)] }

    func testACaretAsTallAsTheLineBoxIsTakenOut() {
        let run = ValueCompare.caretMinRun(fontSize: 16, scale: 1)
        XCTAssertEqual(run, 14)
        // "io|": the caret spans the line box (rows 3–17) one column after the o.
        let video = Self.map(Self.io + [(13, 3..<18)])
        let bars = ValueCompare.caretBars(video, minRun: run)
        XCTAssertEqual(bars.count, 1)
        XCTAssertEqual(bars.first?.columns, 13...13)
        XCTAssertEqual(bars.first?.rows, [3...17])
        let erased = ValueCompare.erasingCarets(video, minRun: run)
        XCTAssertEqual(erased, Self.map(Self.io))
        // "iq" (the o with a stem to the descender, 10 rows) keeps its stem, and no longer matches
        // the video better than "io".
        let iq = Self.map(Self.io + [(12, 9..<19)])
        XCTAssertEqual(ValueCompare.erasingCarets(iq, minRun: run), iq)
        let io = Self.map(Self.io)
        XCTAssertLessThan(ValueCompare.mismatch(io, erased).error, ValueCompare.mismatch(iq, erased).error)
        // Unerased, the caret made "iq" the better match.
        XCTAssertLessThan(ValueCompare.mismatch(iq, video).error, ValueCompare.mismatch(io, video).error)
    }

    func testAnIBeamsStemGoesTooAndGlyphsStay() {
        let run = ValueCompare.caretMinRun(fontSize: 16, scale: 1)
        // A resting I-beam (stem 16 rows, short serifs) apart from the text: its stem goes, its serifs stay.
        let beam: [(column: Int, rows: Range<Int>)] = [(30, 3..<19), (29, 3..<4), (31, 3..<4), (29, 18..<19), (31, 18..<19)]
        let video = Self.map(Self.io + beam)
        XCTAssertEqual(ValueCompare.caretBars(video, minRun: run).map(\.columns), [30...30])
        // Ascenders and descenders (10–12 rows at 16 px) are glyphs.
        let tall = Self.map(Self.io + [(16, 4..<16), (20, 9..<20)])
        XCTAssertTrue(ValueCompare.caretBars(tall, minRun: run).isEmpty)
        // A wide block (a selection) is no caret, nor a dotted edge.
        let block = Self.map(Self.io + (14..<20).map { ($0, 2..<20) })
        XCTAssertTrue(ValueCompare.caretBars(block, minRun: run).isEmpty)
        let dotted = Self.map(Self.io + [(14, 2..<8), (14, 9..<15), (14, 16..<21)])
        XCTAssertTrue(ValueCompare.caretBars(dotted, minRun: run).isEmpty)
        // No font size known: nothing is taken out.
        XCTAssertEqual(ValueCompare.caretMinRun(fontSize: nil, scale: 1), 0)
        XCTAssertTrue(ValueCompare.caretBars(video, minRun: 0).isEmpty)
    }

    func testTheCaretRunScalesWithTheDevice() {
        XCTAssertEqual(ValueCompare.caretMinRun(fontSize: 14, scale: 2), 24)
        XCTAssertEqual(ValueCompare.caretMinRun(fontSize: 16, scale: 1.5), 21)
    }
}

extension CaretInkTests {
    func testALastGlyphTheCaretMadeIsSwapped() {
        // "iq" matched best with the caret in (4 against 12); left out, "io" is clearly better.
        let errors = ["bram@quillstone.iq": 4, "bram@quillstone.io": 12, "bram@guillstone.iq": 8, "bram@quillstone.i": 30]
        let caretless = ["bram@quillstone.iq": 4, "bram@quillstone.io": 0, "bram@guillstone.iq": 0, "bram@quillstone.i": 0]
        XCTAssertEqual(ValueCompare.caretSwap("bram@quillstone.iq", errors: errors, caretless: caretless, caret: 20), "bram@quillstone.io")
        // Not when it is far worse with the caret in (more than a caret's pixels).
        XCTAssertNil(ValueCompare.caretSwap("bram@quillstone.iq", errors: errors, caretless: caretless, caret: 2))
        // No bar in the video: both counts equal, the kept one best — nothing swaps.
        XCTAssertNil(ValueCompare.caretSwap("bram@quillstone.iq", errors: errors, caretless: errors, caret: 20))
    }
}
