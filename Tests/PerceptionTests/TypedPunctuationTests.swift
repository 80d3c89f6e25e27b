import XCTest
import ScreenCore
@testable import Perception

/// Typed values read exactly: a full stop the normal-size reading drops.
final class TypedPunctuationTests: XCTestCase {
    /// Fake letters on one baseline (bottom row 21) with a 2×2 speck on it between the second and
    /// the third: "k.nowak".
    private func lineWithFullStop() -> Canvas {
        var c = Canvas(width: 90, height: 28, background: 255)
        c.text(x: 4, y: 10, glyphs: 2, height: 12, v: 40)        // "k" and another letter
        c.fill(PixelRect(x: 22, y: 20, width: 2, height: 2), 40)  // the full stop
        c.text(x: 28, y: 10, glyphs: 5, height: 12, v: 40)
        return c
    }

    func testASpeckOnTheBaselineBetweenLettersIsAFullStop() {
        XCTAssertEqual(InkAnalysis.baselineDots(in: lineWithFullStop().image), 1)
        // A colon: a second speck above it in its columns.
        var colon = lineWithFullStop()
        colon.fill(PixelRect(x: 22, y: 14, width: 2, height: 2), 40)
        XCTAssertEqual(InkAnalysis.baselineDots(in: colon.image), 0)
        // An i's dot sits above the baseline; a speck after the last letter ends the text.
        var high = Canvas(width: 90, height: 28, background: 255)
        high.text(x: 4, y: 10, glyphs: 2, height: 12, v: 40)
        high.fill(PixelRect(x: 22, y: 11, width: 2, height: 2), 40)
        high.text(x: 28, y: 10, glyphs: 5, height: 12, v: 40)
        high.fill(PixelRect(x: 80, y: 20, width: 2, height: 2), 40)
        XCTAssertEqual(InkAnalysis.baselineDots(in: high.image), 0)
        // A comma reaches below the baseline; a lone pixel is no mark.
        var comma = Canvas(width: 90, height: 28, background: 255)
        comma.text(x: 4, y: 10, glyphs: 2, height: 12, v: 40)
        comma.fill(PixelRect(x: 22, y: 20, width: 2, height: 4), 40)
        comma.fill(PixelRect(x: 26, y: 21, width: 1, height: 1), 40)
        comma.text(x: 28, y: 10, glyphs: 5, height: 12, v: 40)
        XCTAssertEqual(InkAnalysis.baselineDots(in: comma.image), 0)
    }

    func testTheEnlargedReadingWinsOnlyByTheFullStopsTheInkShows() {
        XCTAssertTrue(TextRegions.keepsTheDots("k.nowak@quillstone.io", over: "knowak@quillstone.io", dots: 2))
        XCTAssertFalse(TextRegions.keepsTheDots("k.nowak@quillstone.io", over: "knowak@quillstone.io", dots: 1),
                       "more stops than the ink shows")
        XCTAssertFalse(TextRegions.keepsTheDots("k.nowak@quilstone.io", over: "knowak@quillstone.io", dots: 2),
                       "the letters differ: the normal reading stands")
        XCTAssertFalse(TextRegions.keepsTheDots("a.b", over: "a.b", dots: 1), "nothing lost")
        XCTAssertFalse(TextRegions.keepsTheDots("Tablet.", over: "Tablet", dots: 0), "no speck between letters")
    }

    /// "Tove Aalto-Berg" typed over the old "Tove Aalto", read with the I-beam resting on it.
    func testWordsUnderTheRestingPointerAreTheOldWordsTheyNearlyAre() {
        let text = PixelRect(x: 113, y: 371, width: 120, height: 21)   // 15 characters, 8 px each
        let pointer = PixelRect(x: 141, y: 369, width: 16, height: 20)  // over characters 3 to 5
        XCTAssertEqual(SegmentAnalyst.withPriorWordsUnderPointer("Tow Aiflto-Berg", prior: "Tove Aalto", text: text, pointer: pointer),
                       "Tove Aalto-Berg")
        // Away from the pointer the reading saw the letters: a word corrected on purpose stands.
        let far = PixelRect(x: 300, y: 369, width: 16, height: 20)
        XCTAssertNil(SegmentAnalyst.withPriorWordsUnderPointer("Tow Aiflto-Berg", prior: "Tove Aalto", text: text, pointer: far))
        let left = PixelRect(x: 113, y: 369, width: 8, height: 20)      // over "Jonas", an old word
        XCTAssertNil(SegmentAnalyst.withPriorWordsUnderPointer("Jonas Becker", prior: "Jonas Bekcer", text: text, pointer: left),
                     "a typo fixed away from the pointer stands")
        // Words not near an old one, old words shorter than four letters, another first letter.
        XCTAssertNil(SegmentAnalyst.withPriorWordsUnderPointer("Notes", prior: "Release notes", text: text, pointer: pointer))
        XCTAssertNil(SegmentAnalyst.withPriorWordsUnderPointer("Ana Lima", prior: "Ane Lim", text: text, pointer: pointer))
        XCTAssertNil(SegmentAnalyst.withPriorWordsUnderPointer("Zove Aalto", prior: "Tove Balto", text: text, pointer: pointer))
    }

    func testEditDistance() {
        XCTAssertEqual(SegmentAnalyst.editDistance("Aalto", "Aiflto"), 2)
        XCTAssertEqual(SegmentAnalyst.editDistance("Tove", "Tow"), 2)
        XCTAssertEqual(SegmentAnalyst.editDistance("", "abc"), 3)
        XCTAssertEqual(SegmentAnalyst.editDistance("same", "same"), 0)
    }
}
