import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 23's rules on keys and typed values (no real browser): a fill dated where the video's
/// field shows its value (LiveGrounder+ShownTyping.swift), other text the next fill replaced
/// (GapSearch+ReplacedTyping.swift), and the popup Escape closes (LiveGrounder+PopupKey.swift).
final class KeysAndTypedValuesTests: XCTestCase {
    /// A 200×120 page, light gray, with a white field at (20,20 100×30); `text`: a dark block of
    /// "text" in it at columns `textX..<textX+40`.
    static func page(text: Bool, textX: Int = 30) -> Image {
        var img = Image(width: 200, height: 120, format: .gray8, filledWith: 235)
        for y in 20..<50 { for x in 20..<120 { img.pixels[y * 200 + x] = 255 } }
        if text { for y in 28..<42 { for x in textX..<(textX + 40) { img.pixels[y * 200 + x] = 30 } } }
        return img
    }

    private func run(frames: [(time: Double, image: Image)], live: Image) -> Run {
        let b = FakeBrowser()
        b.shot = { Data([1]) }
        var r = Run(options: LiveOptions(secretNames: { _ in [] }), browser: b,
                    frames: LiveFrames(frames: frames, scale: 1),
                    decodePNG: { _ in live },
                    timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: []))
        r.out = [Action(kind: .goto, time: 0, value: .text("http://127.0.0.1/"))]
        return r
    }

    /// The video's field empty until `shown`, then with the text block.
    static func frames(shownAt shown: Double, until end: Double) -> [(time: Double, image: Image)] {
        stride(from: 0.0, through: end, by: 0.5).map { t in (time: t, image: page(text: t >= shown)) }
    }

    static func fill(at t: Double) -> Action {
        Action(kind: .fill, time: t, endTime: t, target: Target(box: Box(x: 20, y: 20, width: 100, height: 30)), value: .text("ha"))
    }

    func testAFillReadLateIsDatedWhereTheVideosFieldShowsItsValue() async throws {
        let r = run(frames: Self.frames(shownAt: 3.0, until: 5.0), live: Self.page(text: true))
        let t = try await r.typedShownEarlier(Self.fill(at: 5.0), read: Self.fill(at: 5.0))
        XCTAssertEqual(try XCTUnwrap(t), 2.75, accuracy: 0.01)
    }

    func testAFillDatedAtItsTypingOrShowingOtherTextKeepsItsTime() async throws {
        // Dated where the typing starts: the field shows nothing typed before it.
        var r = run(frames: Self.frames(shownAt: 3.0, until: 5.0), live: Self.page(text: true))
        var none = try await r.typedShownEarlier(Self.fill(at: 3.0), read: Self.fill(at: 3.0))
        XCTAssertNil(none)
        // Shown only 0.5 s before: within the scorer's slack anyway, not moved.
        none = try await r.typedShownEarlier(Self.fill(at: 3.5), read: Self.fill(at: 3.5))
        XCTAssertNil(none)
        // The look the field took is not the value typed live (other text, elsewhere in the field).
        r = run(frames: Self.frames(shownAt: 3.0, until: 5.0), live: Self.page(text: true, textX: 75))
        none = try await r.typedShownEarlier(Self.fill(at: 5.0), read: Self.fill(at: 5.0))
        XCTAssertNil(none)
        // The analysis saw typing (a span): its dates stand.
        r = run(frames: Self.frames(shownAt: 3.0, until: 5.0), live: Self.page(text: true))
        var typed = Self.fill(at: 5.0)
        typed.endTime = 6.5
        none = try await r.typedShownEarlier(typed, read: typed)
        XCTAssertNil(none)
    }

    func testOnlyOtherTextIsTakenForTypingTheNextFillReplaced() {
        XCTAssertTrue(Run.replacedReading("ine", next: "holm"))
        XCTAssertTrue(Run.replacedReading("deploy", next: "middleware"))
        // The next fill's own typing seen early, whole or in part, or a typo it corrects.
        XCTAssertFalse(Run.replacedReading("holm", next: "holm"))
        XCTAssertFalse(Run.replacedReading("ho", next: "holm"))
        XCTAssertFalse(Run.replacedReading("Jonh", next: "John"))
        XCTAssertFalse(Run.replacedReading("olm", next: "holm"))
        XCTAssertFalse(Run.replacedReading("", next: "holm"))
        XCTAssertEqual(Run.replacedCandidates(["ine LO", "ine"]), ["ine LO", "ine"])
        XCTAssertEqual(Run.replacedCandidates(["a b c"]), ["a b c", "a b", "a"])
    }

    func testTheNextFillsFieldRendersOnlyWhatWasReadThere() {
        // Another field: a one-glyph reading brings the alphabet.
        let other = Run.fieldCandidates(["i"], type: "email", current: "", ranged: false, nextFill: nil)
        XCTAssertEqual(other.first, "i")
        XCTAssertTrue(other.contains("x") && other.count > 20)
        // The next fill's own field: the reading alone, no alphabet (an "l" typed, read "i").
        XCTAssertEqual(Run.fieldCandidates(["i"], type: "email", current: "", ranged: false, nextFill: "lena.vogel@web.de"), ["i"])
        // Its own typing seen early is no candidate; replaced text and its leading words are.
        XCTAssertEqual(Run.fieldCandidates(["le"], type: "email", current: "", ranged: false, nextFill: "lena.vogel@web.de"), [])
        XCTAssertEqual(Run.fieldCandidates(["ine LO"], type: "search", current: "", ranged: false, nextFill: "holm"), ["ine LO", "ine"])
        // A number field's range, tried for want of a reading, is no evidence of replaced text.
        XCTAssertEqual(Run.fieldCandidates(["2", "3", "7"], type: "number", current: "1", ranged: true, nextFill: "2"), [])
        XCTAssertEqual(Run.fieldCandidates(["7"], type: "number", current: "1", ranged: true, nextFill: nil), ["7"])
    }
}
