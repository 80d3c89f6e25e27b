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
    }

    func testAnIncompleteAddressIsAnAddressTypedSoFar() {
        XCTAssertTrue(ValueCompare.isPartialAddress("ravi.menon@"))
        XCTAssertTrue(ValueCompare.isPartialAddress("sofia.marquez@"))
        XCTAssertFalse(ValueCompare.isPartialAddress("I ravi.menon@"))
        XCTAssertFalse(ValueCompare.isPartialAddress("a@b@c"))
        XCTAssertFalse(ValueCompare.isPartialAddress(""))
        XCTAssertFalse(ValueCompare.isAddress("ravi.menon@"))
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
}
