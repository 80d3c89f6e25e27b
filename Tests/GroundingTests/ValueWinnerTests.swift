import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The value search keeps the best candidate that can replace the reading when the best one
/// cannot, and lines two texts up by their starts when a browser draws them a few pixels apart
/// (no browser).
final class ValueWinnerTests: XCTestCase {
    func makeRun() -> Run {
        Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(), frames: .none,
            decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 800, height: 600), actions: []))
    }

    func testACapitalInsideAWordLosesToTheBestThatCanWin() {
        let r = makeRun()
        let base = Run.InkScore(error: 120, ink: 600, moment: 0)
        let scores = ["CaIl the dentist": Run.InkScore(error: 18, ink: 600, moment: 0),
                      "Call the dentist": Run.InkScore(error: 21, ink: 600, moment: 0),
                      "Cal1 the dentist": Run.InkScore(error: 90, ink: 600, moment: 0)]
        let w = r.bestWinning(scores, unless: ("CaIl the dentist", scores["CaIl the dentist"]!), over: base,
                              current: "Cal the dentist", caret: 20, email: false)
        XCTAssertEqual(w?.value, "Call the dentist")
        // The best can win itself: nothing to replace.
        XCTAssertNil(r.bestWinning(scores, unless: ("Call the dentist", scores["Call the dentist"]!), over: base,
                                   current: "Cal the dentist", caret: 20, email: false))
    }

    func testAValueOfAnotherLengthWithoutACaretsGainLosesToOneOfTheReadingsLength() {
        let r = makeRun()
        let base = Run.InkScore(error: 38, ink: 500, moment: 1)
        let scores = ["kofi@mensah.ggl": Run.InkScore(error: 16, ink: 500, moment: 1),
                      "kofi@mensah.gh": Run.InkScore(error: 19, ink: 500, moment: 1)]
        let w = r.bestWinning(scores, unless: ("kofi@mensah.ggl", scores["kofi@mensah.ggl"]!), over: base,
                              current: "kofi@mensah.gl", caret: 20, email: true)
        XCTAssertEqual(w?.value, "kofi@mensah.gh")
        XCTAssertEqual(w?.score.moment, 1)
        // None clearly better than the reading: none kept.
        XCTAssertNil(r.bestWinning(["kofi@mensah.gh": Run.InkScore(error: 35, ink: 500, moment: 1)],
                                   unless: ("kofi@mensah.gh", Run.InkScore(error: 35, ink: 500, moment: 1)), over: base,
                                   current: "kofi@mensah.gl", caret: 20, email: true))
    }

    func testTextsDrawnAFewPixelsApartAreLinedUpByTheirStarts() {
        // The same bars, the video's 7 pixels to the right (more than the ±3 search).
        let bars = [4, 9, 13, 20, 26, 31]
        let live = ValueRankingTests.map(bars)
        let video = ValueRankingTests.map(bars.map { $0 + 7 })
        XCTAssertEqual(ValueCompare.mismatch(live, video).error, 0)
        // A text missing its first letters is not lined up with them (more than a glyph and a half).
        let far = ValueRankingTests.map(bars.map { $0 + 20 })
        XCTAssertGreaterThan(ValueCompare.mismatch(live, far).error, 0)
    }
}
