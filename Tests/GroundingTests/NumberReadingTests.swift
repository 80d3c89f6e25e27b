import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 24's rules for wizard-validation-firefox's Guests "9" → "4" (no browser): a number field
/// a few pixels off is read, a picker left open is closed before typing, and a short value in a
/// wide field counts as typed by a gap's moment when the field leans to its new look there.
final class NumberReadingTests: XCTestCase {
    func testANumberFieldAFewPixelsOffIsRead() {
        // The live "9" is 10 ink pixels off the video's "4", of 60: no rule before found it unlike.
        XCTAssertFalse(Run.fieldUnlike((error: 10, ink: 60)))
        XCTAssertFalse(Run.shortNumberUnlike(error: 10, smallerInk: 55))
        XCTAssertFalse(Run.shortNumberInkUnlike(live: 60, video: 55))
        // Worth reading: a number field at least `minGain` off.
        XCTAssertTrue(Run.numberReadWorthy(type: "number", error: 10))
        XCTAssertTrue(Run.numberReadWorthy(type: "number", error: 5))
        XCTAssertFalse(Run.numberReadWorthy(type: "number", error: 4), "two renderers' noise")
        XCTAssertFalse(Run.numberReadWorthy(type: "text", error: 40), "a text field has its own rules")
        // The reading "4" is another number; the field's own "9" is none to type.
        XCTAssertEqual(Run.fieldReading("4", type: "number", current: "9", placeholder: ""), "4")
        XCTAssertNil(Run.fieldReading("9", type: "number", current: "9", placeholder: ""))
        XCTAssertNil(Run.fieldReading("Guests", type: "number", current: "9", placeholder: ""))
        // Typed, "4" renders 1 off where "9" was 10: kept by the number rule; a misread digit
        // rendering no better is not.
        XCTAssertTrue(Run.numberValueKept(before: (error: 10, ink: 60), after: (error: 1, ink: 57)))
        XCTAssertFalse(Run.numberValueKept(before: (error: 10, ink: 60), after: (error: 8, ink: 60)))
    }

    func testOpenPickersAreClosedBeforeTyping() {
        // Blurs every input whose picker is shown, and cannot throw where `:open` is unknown.
        let js = Run.closeOpenPickers
        XCTAssertTrue(js.contains("querySelectorAll('input:open')"))
        XCTAssertTrue(js.contains("blur()"))
        XCTAssertTrue(js.hasPrefix("try {") && js.contains("catch (e) {}"))
    }

    func testAShortValueInAWideFieldLeansToItsNewLookBeforeHalfway() {
        // A wide field (64×8) whose first columns change: a selected "9" (a dark block) becomes a
        // "4"; at the gap's moment the "4" shows with a caret beside it, which the later frame lacks.
        let w = 64, h = 8
        func field(_ ink: [(Int, UInt8)]) -> Image {
            var img = Image(width: w, height: h, format: .gray8, pixels: [UInt8](repeating: 250, count: w * h))
            for (x, v) in ink { for y in 1..<7 { img.pixels[y * w + x] = v } }
            return img
        }
        let selected = field((0..<6).map { ($0, 60) })
        let four = field([(1, 30), (3, 30), (4, 30)])
        let fourWithCaret = field([(1, 30), (3, 30), (4, 30), (6, 20), (7, 20)])
        let r = PixelRect(x: 0, y: 0, width: w, height: h)
        let lean = Run.videoLean(r, fourWithCaret, selected, four)
        XCTAssertGreaterThan(lean, Run.typedByLean, "nearer the new look than the old")
        XCTAssertLessThan(lean, 0.5, "the whole field's look barely changes: the old rule's 0.5 is not reached")
        XCTAssertLessThan(Run.videoLean(r, selected, selected, four), Run.typedByLean, "not typed yet")
    }
}
