import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// One glyph's duel, the scrolled field's lost start, and how an inline edit ended (no browser).
final class GlyphAndEditorTests: XCTestCase {
    static let whole = ValueCompareTests.whole

    func gray(_ img: Image) -> [Double] { ValueCompare.resample(img, Self.whole, 120, 20) }

    /// `img` smeared sideways by `k` of a pixel (a renderer's anti-aliasing, a video's scaling).
    func smeared(_ img: Image, _ k: Double = 0.35) -> [Double] {
        let g = gray(img)
        var out = g
        for y in 0..<20 { for x in 1..<120 { out[y * 120 + x] = (1 - k) * g[y * 120 + x] + k * g[y * 120 + x - 1] } }
        return out
    }

    func testTheGlyphsDuelTellsAnAscenderTheWholeFieldForgives() {
        let oram = ValueCompareTests.field("oram"), bram = ValueCompareTests.field("bram")
        let map = { (img: Image) in ValueCompare.inkMap(img, Self.whole, width: 120, height: 20) }
        // On the whole field the b's ascender is a few pixels: no clear win.
        let whole = ValueCompare.mismatch(map(oram), map(bram))
        XCTAssertFalse(ValueCompare.clearlyBetter(0, than: whole.error, ink: whole.ink))
        // On the glyph alone, against a video of "bram" drawn a pixel over: "bram" wins.
        let video = gray(ValueCompareTests.field("bram", at: 7))
        let duel = ValueCompare.glyphDuel(current: gray(oram), candidate: gray(bram), video: video, width: 120, height: 20)
        XCTAssertNotNil(duel)
        XCTAssertTrue(ValueCompare.winsDuel(duel!), "\(duel!)")
        XCTAssertGreaterThan(duel!.apart, 2)
        // Smeared by a third of a pixel as well, it is still nearer.
        let soft = ValueCompare.glyphDuel(current: gray(oram), candidate: gray(bram), video: smeared(ValueCompareTests.field("bram", at: 7)), width: 120, height: 20)
        XCTAssertLessThan(soft!.candidate, soft!.current)
        // Against a video of "oram", it does not.
        let back = ValueCompare.glyphDuel(current: gray(oram), candidate: gray(bram), video: smeared(ValueCompareTests.field("oram", at: 7)),
                                          width: 120, height: 20)
        XCTAssertFalse(ValueCompare.winsDuel(back!), "\(back!)")
        // The same rendering twice: nothing to duel on.
        XCTAssertNil(ValueCompare.glyphDuel(current: gray(oram), candidate: gray(oram), video: video, width: 120, height: 20))
    }

    func testInkStrengthCountsFaintStrokesByHalf() {
        var img = Image(width: 20, height: 10, format: .gray8, filledWith: 250)
        for y in 2..<8 { img.pixels[y * 20 + 5] = 30; img.pixels[y * 20 + 12] = 160 }
        let s = ValueCompare.inkStrength(ValueCompare.resample(img, PixelRect(x: 0, y: 0, width: 20, height: 10), 20, 10), width: 20, height: 10)
        XCTAssertEqual(s[4 * 20 + 5], 1, accuracy: 0.01)
        XCTAssertGreaterThan(s[4 * 20 + 12], 0.2)
        XCTAssertLessThan(s[4 * 20 + 12], 0.6)
        XCTAssertEqual(s[4 * 20 + 9], 0)
    }

    func testAnEmailFieldsCandidatesAreAddresses() {
        XCTAssertTrue(ValueCompare.isAddress("liam@obrien.ie"))
        XCTAssertTrue(ValueCompare.isAddress("maria.santos@correo.es"))
        XCTAssertFalse(ValueCompare.isAddress("liam@obrienlie"))
        XCTAssertFalse(ValueCompare.isAddress("jonas.lund@"))
        XCTAssertFalse(ValueCompare.isAddress("kofi@mensah gh"))
    }

    func testOnlyCandidatesOneSpanAwayAndNoWorseGoToADuel() {
        // One glyph for another, or two for one ("rn" for "m"); not two spans ("brarn"), not case
        // alone ("Oram"), not worse on the whole field ("gram"), not a bar at the end (the caret).
        let errors = ["bram@x.io": 30, "oram@x.io": 33, "Oram@x.io": 20, "orarn@x.io": 10, "gram@x.io": 40, "brarn@x.io": 5,
                      "cram@x.io": 31, "oram@x.il": 3, "oram@x.iq": 12, "oram@xyz.io": 1]
        XCTAssertEqual(ValueCompare.duelCandidates("oram@x.io", errors: errors, currentError: 33), ["orarn@x.io", "oram@x.iq", "bram@x.io"])
        XCTAssertEqual(ValueCompare.duelCandidates("oram@x.io", errors: errors, currentError: 33, limit: 1), ["orarn@x.io"])
        let span = ValueCompare.differingSpan("daniel@acrne.studio", "daniel@acme.studio")
        XCTAssertEqual(span.a, "rn"); XCTAssertEqual(span.b, "m"); XCTAssertFalse(span.atEnd)
        let end = ValueCompare.differingSpan("bram@quillstone.iq", "bram@quillstone.io")
        XCTAssertEqual(end.a, "q"); XCTAssertEqual(end.b, "o"); XCTAssertTrue(end.atEnd)
    }

    func testAScrolledFieldsLostStartComesFromTheOldValueOrAnEarlierReading() {
        let fromPrior = ValueCompare.scrolledCompletions(of: "nc retry with backo ’", sources: ["Sync retry backoff"])
        XCTAssertEqual(fromPrior.first, "Sync retry with backoff")
        XCTAssertTrue(fromPrior.contains("Sync retry with backo"))
        let fromEarlier = ValueCompare.scrolledCompletions(of: "ng list for May", sources: ["", "Shopping list fo"])
        XCTAssertEqual(fromEarlier, ["Shopping list for May"])
        // Nothing holds the reading's start after a start of its own: nothing to put back.
        XCTAssertEqual(ValueCompare.scrolledCompletions(of: "Notes", sources: ["Release notes"]), [])
        XCTAssertEqual(ValueCompare.scrolledCompletions(of: "Sync retry", sources: ["Sync retry backoff"]), [])
        XCTAssertEqual(ValueCompare.scrolledCompletions(of: "abc", sources: ["xxabc"]), [])
    }

    func testAnInlineEditEndsAsTheVideoShowsItsPlaceAfterTheKey() {
        // The old text back where it was (a caret's noise off): cancelled.
        XCTAssertEqual(Run.editEnding(inkError: 12, ink: 900, asWhileTyping: 0.55), .escape)
        // Other text there, and the editor gone: kept.
        XCTAssertEqual(Run.editEnding(inkError: 400, ink: 1000, asWhileTyping: 0.2), .enter)
        // The editor still open in the video, or a difference in between: the key read stands.
        XCTAssertNil(Run.editEnding(inkError: 400, ink: 1000, asWhileTyping: 0.97))
        XCTAssertNil(Run.editEnding(inkError: 100, ink: 1000, asWhileTyping: 0.3))
        XCTAssertNil(Run.editEnding(inkError: 12, ink: 900, asWhileTyping: nil))
    }

    /// The text read at the closed field's place decides before its ink: the typed value there is
    /// Enter even where the ink of a longer old text lines up (an e-mail shortened in its cell);
    /// the composer's "+ Add card" back is Escape even where the taller composer put other ink in
    /// its box; the value anywhere in the place wins over an old text beside it.
    func testAnInlineEditEndsAsTheTextAtItsPlaceSays() {
        XCTAssertEqual(Run.editEnding(typed: "bram@quillstone.io", readings: ["bram@quillstone.io"],
                                      old: ["bram.devries@quillstone.io"], asWhileTyping: 0.3), .enter)
        XCTAssertEqual(Run.editEnding(typed: "Later", readings: ["+ Add card"], old: ["+ Add card"], asWhileTyping: 0.3), .escape)
        XCTAssertEqual(Run.editEnding(typed: "Chloe M", readings: ["Chloé Martin"], old: ["Chloé Martin"], asWhileTyping: 0.3), .escape)
        XCTAssertEqual(Run.editEnding(typed: "Tablet layout", readings: ["Tablet layout", "+ Add card", "Tablet layout + Add card"],
                                      old: ["+ Add card"], asWhileTyping: 0.3), .enter)
        // Only a neighbour's text, too little, or nothing read: the text cannot tell.
        XCTAssertNil(Run.editEnding(typed: "Later", readings: ["Dark mode icons"], old: ["+ Add card"], asWhileTyping: 0.3))
        XCTAssertNil(Run.editEnding(typed: "Later", readings: ["+"], old: ["+ Add card"], asWhileTyping: 0.3))
        XCTAssertNil(Run.editEnding(typed: "Later", readings: [], old: ["+ Add card"], asWhileTyping: 0.3))
        // The field still looks as while typed in (a search field keeping its value after an
        // Escape that shut its results), or that is unknown: nothing closed, the key read stands.
        XCTAssertNil(Run.editEnding(typed: "Later", readings: ["Later"], old: [], asWhileTyping: 0.97))
        XCTAssertNil(Run.editEnding(typed: "Later", readings: ["Later"], old: [], asWhileTyping: nil))
        XCTAssertEqual(Run.editEnding(typed: "Later", readings: ["Later"], old: [], asWhileTyping: 0.5), .enter)
    }

    /// The old texts: the field's value before the fill, and the text of the click that opened it.
    func testTheOldTextsAreThePriorValueAndTheOpeningClick() {
        var run = Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(), frames: .none,
                      decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
                      timeline: ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 800, height: 600), actions: []))
        run.out = [Action(kind: .click, time: 3, endTime: 3.1, target: Target(name: "Add card", text: "+ Add card")),
                   Action(kind: .fill, time: 4, endTime: 5, value: .text("Later"))]
        XCTAssertEqual(run.openerTexts(prior: ""), ["+ Add card"])
        run.out = [Action(kind: .dblclick, time: 3, endTime: 3.1, target: Target(name: "Chloé Martin", text: "Chloé Martin")),
                   Action(kind: .fill, time: 4, endTime: 5, value: .text("Chloe M"))]
        XCTAssertEqual(run.openerTexts(prior: "Chloé Martin"), ["Chloé Martin"])
        // A click long before the typing opened nothing of it.
        run.out[0].time = -5
        XCTAssertEqual(run.openerTexts(prior: "Chloé Martin"), ["Chloé Martin"])
    }

    /// The place is read after an Enter or Escape that directly follows a fill, and only there.
    func testTheClosedPlaceIsReadAfterAKeyThatFollowsAFill() {
        let steps = [Action(kind: .fill, time: 4, endTime: 5, value: .text("Later")),
                     Action(kind: .press, time: 5.3, endTime: 5.4, value: .text("Escape")),
                     Action(kind: .click, time: 8, endTime: 8.1),
                     Action(kind: .fill, time: 9, endTime: 10, value: .text("x")),
                     Action(kind: .press, time: 10.2, endTime: 10.3, value: .text("Tab")),
                     Action(kind: .press, time: 11, endTime: 11.1, value: .text("Enter"))]
        let times = LiveGrounder.closingTimes(for: ActionTimeline(actions: steps))
        XCTAssertEqual(times.count, 1)
        XCTAssertEqual(times.first ?? -1, LiveGrounder.afterTime(steps, 1, duration: .infinity), accuracy: 0.001)
    }

    func testTheEditorsPlaceBeforeItOpenedIsLookedAtAfterTheStepBeforeItsOpening() {
        var run = Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(), frames: .none,
                      decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
                      timeline: ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 800, height: 600), actions: []))
        // An opening double click inserted (its time a guess, after the real one): the moment
        // after the step before it counts.
        run.out = [Action(kind: .press, time: 8.8, endTime: 8.87, value: .text("Enter")),
                   Action(kind: .dblclick, time: 12.07, endTime: 12.3),
                   Action(kind: .fill, time: 12.37, endTime: 12.57, value: .text("Notes"))]
        XCTAssertEqual(run.openingMoment() ?? -1, 9.47, accuracy: 0.001)
        // Nothing before the opening click: just before it.
        run.out = Array(run.out.dropFirst())
        XCTAssertEqual(run.openingMoment() ?? -1, 11.87, accuracy: 0.001)
        // The step before too close to the click: just before the click.
        run.out = [Action(kind: .click, time: 11.5, endTime: 11.6)] + run.out
        XCTAssertEqual(run.openingMoment() ?? -1, 11.87, accuracy: 0.001)
        // No opening click: before the fill itself.
        run.out = [Action(kind: .press, time: 2, endTime: 2.1, value: .text("Tab")), Action(kind: .fill, time: 5, endTime: 6, value: .text("x"))]
        XCTAssertEqual(run.openingMoment() ?? -1, 2.7, accuracy: 0.001)
        run.out = []
        XCTAssertNil(run.openingMoment())
    }

    func testThePointerDrawnOverAPlaceIsPaintedFromTheEarlierFrame() {
        var run = Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(), frames: LiveFrames(frames: [], scale: 0.5),
                      decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
                      timeline: ActionTimeline(viewport: Viewport(x: 0, y: 80, width: 800, height: 600), actions: []))
        let then = Image(width: 400, height: 340, format: .gray8, filledWith: 200)
        var now = then
        // The arrow at CSS (100, 100): video (100, 180), the half-size frame's (50, 90).
        for y in 90..<100 { for x in 50..<56 { now.pixels[y * 400 + x] = 0 } }
        now.pixels[300 * 400 + 300] = 0   // something else changed elsewhere
        XCTAssertEqual(run.withoutPointer(now, from: then), now)   // no pointer step yet
        run.out = [Action(kind: .dblclick, time: 1, target: Target(point: Point(x: 100, y: 100)))]
        let cleaned = run.withoutPointer(now, from: then)
        XCTAssertEqual(cleaned.pixels[95 * 400 + 52], 200)
        XCTAssertEqual(cleaned.pixels[300 * 400 + 300], 0)
    }
}
