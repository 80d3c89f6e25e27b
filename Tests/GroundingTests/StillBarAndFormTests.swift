import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 29 (issue 11): the letter under a resting pointer's stem, an incomplete address in an
/// email field, a caret read before the first letter, a refuted Enter's form button and a list
/// chosen with the keyboard (no browser).
final class StillBarAndFormTests: XCTestCase {
    func testABarThatStaysWhileTheCaretMovesIsThePointer() {
        // shop-delivery-refused-24fps's last email: the I-beam at 118, the caret moving on.
        XCTAssertEqual(ValueCompare.stillBars([[118...118, 124...124], [118...118, 132...132], [117...118, 150...150]]), [118])
        // A bar beyond the text stays too (it is judged by where the glyphs are, not here).
        XCTAssertEqual(ValueCompare.stillBars([[47...47, 193...193], [66...66, 193...193], [100...100, 193...193]]), [193])
        // Nothing moved: a caret after typing ended stands as still as a pointer.
        XCTAssertEqual(ValueCompare.stillBars([[150...150], [150...150]]), [])
        // One moment says nothing; a caret alone moves.
        XCTAssertEqual(ValueCompare.stillBars([[118...118]]), [])
        XCTAssertEqual(ValueCompare.stillBars([[40...40], [52...52], [60...60]]), [])
    }

    func testTheLettersAStemHidesAreRenderedUnderIt() {
        // "ravi.menon@miil.in" drawn over columns 0–150: the stem over the second glyph of "miil".
        let value = "ravi.menon@miil.in"
        let edges = ValueCompare.glyphEdges(value, inkStart: 0, inkEnd: 150)
        let second = (edges[12] + edges[13]) / 2
        let out = ValueCompare.underStem(value, column: Int(second), ink: (0, 150))
        XCTAssertTrue(out.contains("ravi.menon@mail.in"), "\(out)")
        // The glyph nearest the stem first.
        XCTAssertEqual(out.first, "ravi.menon@mail.in")
        XCTAssertTrue(out.allSatisfy { $0.count == value.count })
        // Beyond the text, or over no bar-like glyph: nothing.
        XCTAssertEqual(ValueCompare.underStem(value, column: 190, ink: (0, 150)), [])
        XCTAssertEqual(ValueCompare.underStem("mom", column: 10, ink: (0, 30)), [])
        // A glyph with a feature of its own under the stem is no stem read ("je" for ".ie").
        XCTAssertEqual(ValueCompare.underStem("obrienje", column: 40, ink: (0, 50)).filter { $0.hasPrefix("obrien") && !$0.hasSuffix("je") }, [])
    }

    func testAnIncompleteAddressIsAnAddressTypedSoFar() {
        XCTAssertTrue(ValueCompare.isPartialAddress("ravi.menon@"))
        XCTAssertTrue(ValueCompare.isPartialAddress("sofia.marquez@"))
        XCTAssertFalse(ValueCompare.isPartialAddress("I ravi.menon@"))
        XCTAssertFalse(ValueCompare.isPartialAddress("a@b@c"))
        XCTAssertFalse(ValueCompare.isPartialAddress(""))
        XCTAssertFalse(ValueCompare.isAddress("ravi.menon@"))
        // Only a reading typed up to its "@" takes such candidates: one with a domain after it
        // is a whole address misread (wizard-window-24fps's "liam@obrienje").
        XCTAssertTrue(ValueCompare.typedSoFar("I ravi.menon@"))
        XCTAssertTrue(ValueCompare.typedSoFar("sofi .marquez@"))
        XCTAssertFalse(ValueCompare.typedSoFar("liam@obrienje"))
    }

    func testACaretBeforeTheFirstLetterIsDropped() {
        XCTAssertTrue(ValueCompare.variants(of: "I ravi.menon@", email: true).contains("ravi.menon@"))
        XCTAssertTrue(ValueCompare.variants(of: "| Sofia").contains("Sofia"))
        // A word of its own stays a candidate only ("I am" is not cut to nothing).
        XCTAssertFalse(ValueCompare.variants(of: "I a").contains("a"))
    }

    func testAFormButtonReplacesARefutedEnterOnlyWhenThePageFollowsTheVideo() {
        XCTAssertTrue(Run.formButtonExplains(before: 0.62, after: 0.93))
        XCTAssertFalse(Run.formButtonExplains(before: 0.62, after: 0.8))    // not like the video
        XCTAssertFalse(Run.formButtonExplains(before: 0.86, after: 0.88))   // no gain
    }

    func testAListIsChosenOnlyWhenAnOptionLooksClearlyMoreLikeTheVideo() {
        XCTAssertTrue(Run.selectReconciled(shown: 0.62, best: 0.95))
        XCTAssertFalse(Run.selectReconciled(shown: 0.93, best: 0.99))   // it shows the same already
        XCTAssertFalse(Run.selectReconciled(shown: 0.62, best: 0.68))   // no option is like it
        XCTAssertFalse(Run.selectReconciled(shown: 0.75, best: 0.82))   // not clearly nearer
    }

    func testTheStemsColumnsAreLeftOutOfTheGlyphsDuel() {
        // 20×12 gray crops (255 paper, 0 ink): the video shows a round glyph (columns 6–10,
        // rows 4–9) with the pointer's stem through it (column 8, every row); the reading's
        // rendering is a bar-like glyph at the stem, the candidate's the round glyph.
        let w = 20, h = 12
        func crop(_ ink: (Int, Int) -> Bool) -> [Double] { (0..<(w * h)).map { ink($0 % w, $0 / w) ? 0 : 255 } }
        let video = crop { x, y in (6...10).contains(x) && (4...9).contains(y) || x == 8 }
        let current = crop { x, y in x == 8 && (3...10).contains(y) }
        let candidate = crop { x, y in (6...10).contains(x) && (4...9).contains(y) }
        guard let whole = ValueCompare.glyphDuel(current: current, candidate: candidate, video: video, width: w, height: h),
              let masked = ValueCompare.glyphDuel(current: current, candidate: candidate, video: video, width: w, height: h, masked: [7...9])
        else { return XCTFail("no duel") }
        // The stem's columns no longer count for either side: the bar-like glyph gains nothing
        // from standing where the stem is, and the round glyph's sides still decide.
        XCTAssertLessThan(masked.current, whole.current)
        XCTAssertLessThanOrEqual(masked.candidate, whole.candidate)
        XCTAssertTrue(ValueCompare.winsDuel(masked))
        // Everything that differs masked: nothing left to judge.
        let none = ValueCompare.glyphDuel(current: current, candidate: candidate, video: video, width: w, height: h, masked: [0...19])
        XCTAssertEqual(none?.apart ?? 0, 0, accuracy: 1e-9)
        XCTAssertFalse(none.map(ValueCompare.winsDuel) ?? false)
    }
}
