import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 22's key and value rules (no browser): a Tab refuted by focus rings the video never
/// shows (LiveGrounder+UnseenFocus.swift), an inserted key dated where the video's area left its
/// look (LiveGrounder+KeyDating.swift). (Its fill of the field's own text before the next fill is
/// HeldTextFillTests'.)
final class FocusAndHeldTextTests: XCTestCase {
    /// A 200×120 page, light gray; a field at (20,20 100×30) with a dark 2-pixel ring when `ring`,
    /// and a button at (140,20 40×30) with a ring when `buttonRing`.
    static func page(ring: Bool, buttonRing: Bool = false, fieldText: UInt8 = 200) -> Image {
        var img = Image(width: 200, height: 120, format: .gray8, filledWith: 235)
        func box(_ x0: Int, _ y0: Int, _ w: Int, _ h: Int, ring: Bool, fill: UInt8) {
            for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { img.pixels[y * 200 + x] = fill } }
            guard ring else { return }
            for y in (y0 - 2)..<(y0 + h + 2) {
                for x in (x0 - 2)..<(x0 + w + 2) where x < x0 || x >= x0 + w || y < y0 || y >= y0 + h { img.pixels[y * 200 + x] = 40 }
            }
        }
        box(20, 20, 100, 30, ring: ring, fill: 255)
        for y in 30..<40 { for x in 30..<60 { img.pixels[y * 200 + x] = fieldText } }   // the field's text
        box(140, 20, 40, 30, ring: buttonRing, fill: 210)
        return img
    }

    private func run(video: Image, at t: Double = 2) -> Run {
        Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(),
            frames: LiveFrames(frames: [(time: t, image: video)], scale: 1),
            decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: []))
    }

    func testTheRingBandSeesAFocusRingTheWholeBoxWouldBlurAway() throws {
        // The video keeps the field's ring (no Tab); live, Tab moved the ring to the button.
        let video = Self.page(ring: true)
        let r = run(video: video)
        let field = (x: 20.0, y: 20.0, width: 100.0, height: 30.0), button = (x: 140.0, y: 20.0, width: 40.0, height: 30.0)
        let without = Self.page(ring: true), with = Self.page(ring: false, buttonRing: true)
        let d0 = try XCTUnwrap(r.ringDistance(field, shot: without, video)) + XCTUnwrap(r.ringDistance(button, shot: without, video))
        let d1 = try XCTUnwrap(r.ringDistance(field, shot: with, video)) + XCTUnwrap(r.ringDistance(button, shot: with, video))
        XCTAssertEqual(d0, 0, accuracy: 0.001)
        XCTAssertGreaterThan(d1, 20)
        XCTAssertTrue(Run.tabRefuted(without: d0, with: d1))
        // The video shows the ring on the button (a real Tab): with the key is nearer.
        let tabbed = Self.page(ring: false, buttonRing: true)
        let e0 = try XCTUnwrap(r.ringDistance(field, shot: without, tabbed)) + XCTUnwrap(r.ringDistance(button, shot: without, tabbed))
        let e1 = try XCTUnwrap(r.ringDistance(field, shot: with, tabbed)) + XCTUnwrap(r.ringDistance(button, shot: with, tabbed))
        XCTAssertFalse(Run.tabRefuted(without: e0, with: e1))
        XCTAssertLessThan(e1, e0)
    }

    func testTheRingDistanceForgivesTheRecordingsRegistration() throws {
        // The video one pixel lower and one to the right: still the same ring.
        let live = Self.page(ring: true)
        var shifted = Image(width: 200, height: 120, format: .gray8, filledWith: 235)
        for y in 1..<120 { for x in 1..<200 { shifted.pixels[y * 200 + x] = live.pixels[(y - 1) * 200 + x - 1] } }
        let r = run(video: shifted)
        XCTAssertEqual(try XCTUnwrap(r.ringDistance((x: 20, y: 20, width: 100, height: 30), shot: live, shifted)), 0, accuracy: 0.001)
        XCTAssertNil(r.ringDistance((x: 20, y: 20, width: 2, height: 30), shot: live, shifted), "too small to have a ring")
        XCTAssertNil(r.ringDistance((x: 190, y: 20, width: 100, height: 30), shot: live, shifted), "the band leaves the frame")
    }

    func testOnlyAClearlyFartherRingRefutesTheTab() {
        // board-dialog-escape's Tab after "1": 54.83 → 85.34.
        XCTAssertTrue(Run.tabRefuted(without: 54.83, with: 85.34))
        XCTAssertFalse(Run.tabRefuted(without: 54.83, with: 60), "less than a quarter farther")
        XCTAssertFalse(Run.tabRefuted(without: 2, with: 3.5), "a quarter farther but by less than two levels")
        XCTAssertFalse(Run.tabRefuted(without: 10, with: 6), "nearer: a Tab the video shows")
    }

    func testAnInsertedKeyIsDatedWhereTheAreaLeftItsOpenLook() {
        // The gap after a fill (ends 10 s) before a click at 14.2 s: moments 10, 11, 12, 13.
        // The field is open at 10; at 11 it is closed but the pointer's hover darkens the area
        // (unlike the live page, closed without hover); at 12 and 13 it looks as live.
        let open = Self.page(ring: true, fieldText: 60)
        let closed = Self.page(ring: false)
        var hovered = closed
        for y in 15..<55 { for x in 15..<125 where (x + y) % 3 == 0 { hovered.pixels[y * 200 + x] = 120 } }
        let fill = Action(kind: .fill, time: 8, endTime: 10, value: .text("Spike"))
        let click = Action(kind: .click, time: 14.2, endTime: 14.2)
        func dated(_ at11: Image) -> Double? {
            let r = Run(options: LiveOptions(secretNames: { _ in [] }), browser: FakeBrowser(),
                        frames: LiveFrames(frames: [(10, open), (11, at11), (12, closed), (13, closed)], scale: 1),
                        decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
                        timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: [fill, click]))
            return r.keyMoment(1, region: (x: 14, y: 14, width: 112, height: 42), shot: closed, like: 1)
        }
        XCTAssertEqual(try XCTUnwrap(dated(hovered)), 10.85, accuracy: 0.001, "left the open look at 11")
        XCTAssertEqual(try XCTUnwrap(dated(closed)), 10.85, accuracy: 0.001)
        XCTAssertEqual(try XCTUnwrap(dated(open)), 11.85, accuracy: 0.001, "still open at 11")
    }
}
