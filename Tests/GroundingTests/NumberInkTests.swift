import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 16's rules (no browser): a resting I-beam's outline past its serifs, a number field's
/// digit whose ink differs by a glyph's worth, a digit rendered exactly as the video's, and the
/// gap search's wider pointer trace.
final class NumberInkTests: XCTestCase {
    /// A "3" (rows 5–15) as strokes, as FieldBarsTests draws it.
    static let three: [(column: Int, rows: Range<Int>)] = [(4, 5..<6), (5, 5..<6), (6, 5..<6), (7, 5..<11), (5, 10..<11),
                                                           (6, 10..<11), (7, 10..<16), (4, 15..<16), (5, 15..<16), (6, 15..<16)]

    func testAnIBeamsOutlinePastItsSerifsGoesWithIt() {
        let run = ValueCompare.caretMinRun(fontSize: 16, scale: 1)
        // The X I-beam at column 30: stem rows 3–18, serifs 3 columns either side and the outline
        // one more to the right (column 34) on its end rows, a second outline column (32) shorter
        // than a caret beside the stem.
        let beam: [(column: Int, rows: Range<Int>)] = [(30, 3..<19), (27, 3..<4), (28, 3..<4), (29, 3..<4), (31, 3..<4),
                                                       (32, 3..<4), (33, 3..<4), (34, 3..<5), (32, 5..<17),
                                                       (27, 18..<19), (28, 18..<19), (29, 18..<19), (31, 18..<19),
                                                       (32, 18..<19), (33, 18..<19), (34, 17..<19)]
        let video = CaretInkTests.map(Self.three + beam)
        let digit = CaretInkTests.map(Self.three)
        XCTAssertEqual(ValueCompare.erasingBars(video, minRun: run, serif: 3), digit, "stem, serifs and outline gone")
        XCTAssertEqual(ValueCompare.mismatch(digit, ValueCompare.erasingBars(video, minRun: run, serif: 3)).error, 0)
        // A caret against the last glyph still takes none of the glyph.
        let caret = CaretInkTests.map(Self.three + [(9, 3..<19)])
        XCTAssertEqual(ValueCompare.erasingBars(caret, minRun: run, serif: 3), digit)
        // The outline grows with the device scale: a third of the serif's reach, at least 1.
        XCTAssertEqual(ValueCompare.outlineWidth(serif: 3), 1)
        XCTAssertEqual(ValueCompare.outlineWidth(serif: 6), 2)
    }

    func testADigitWhoseInkDiffersByAGlyphsWorthIsUnlike() {
        // wizard-full-booking's Nights: the live "1" has 39 ink pixels, the video's "3" 56.
        XCTAssertTrue(Run.shortNumberInkUnlike(live: 39, video: 56))
        XCTAssertTrue(Run.shortNumberInkUnlike(live: 56, video: 39))
        // The same digit drawn by two renderers: a few pixels apart.
        XCTAssertFalse(Run.shortNumberInkUnlike(live: 55, video: 56))
        XCTAssertFalse(Run.shortNumberInkUnlike(live: 50, video: 60))
        // A long number: a glyph's worth of pixels is a smaller share.
        XCTAssertFalse(Run.shortNumberInkUnlike(live: 200, video: 215))
    }

    func testADigitRenderingAsTheVideosIsKept() {
        // "3" renders 0 off where the field's "1" was 9 off: kept, though the gain is under 12.
        XCTAssertTrue(Run.numberValueKept(before: (error: 9, ink: 56), after: (error: 0, ink: 56)))
        // Not when the field itself was about as near.
        XCTAssertFalse(Run.numberValueKept(before: (error: 6, ink: 56), after: (error: 3, ink: 56)))
        // Not when the candidate is not itself near the video's (board-dialog-escape's "3" at 14).
        XCTAssertFalse(Run.numberValueKept(before: (error: 19, ink: 83), after: (error: 14, ink: 83)))
    }

    func testAPointerMovedAFewPixelsIsAWiderTrace() {
        // wizard-validation's last Next: 32×24; wizard-validation-firefox's: 40×40.
        XCTAssertTrue(Run.pointerTraceSized((x: 864, y: 496, width: 32, height: 24)))
        XCTAssertTrue(Run.pointerTraceSized((x: 384, y: 568, width: 40, height: 40)))
        // A pointer-sized area is the pointer's own, not a trace; a button's look is neither.
        XCTAssertFalse(Run.pointerTraceSized((x: 0, y: 0, width: 24, height: 24)))
        XCTAssertFalse(Run.pointerTraceSized((x: 0, y: 0, width: 104, height: 56)))
    }
}
