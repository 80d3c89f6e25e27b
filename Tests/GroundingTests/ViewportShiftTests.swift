import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// A browser whose screenshot is always one page; it records the viewports it is set to.
private final class OnePageBrowser: LiveBrowser, @unchecked Sendable {
    // Invariant: used from one task at a time (the registration is sequential).
    var viewports: [(width: Int, height: Int, scale: Double)] = []
    func navigate(to url: String) async throws {}
    func currentURL() async throws -> String { "http://127.0.0.1:8765/" }
    func execute(_ script: String, _ args: [JSONValue]) async throws -> JSONValue { .null }
    func click(_ e: ElementHandle) async throws {}
    func clear(_ e: ElementHandle) async throws {}
    func sendKeys(_ e: ElementHandle, _ text: String) async throws {}
    func pointer(move to: (x: Double, y: Double)) async throws {}
    func pointerClick(at: (x: Double, y: Double), count: Int) async throws {}
    func keys(_ keys: [Key]) async throws {}
    func wheel(dx: Double, dy: Double, at: (x: Double, y: Double)) async throws {}
    func screenshot() async throws -> Data { Data([1]) }
    func setViewport(width: Int, height: Int, deviceScale: Double) async throws { viewports.append((width, height, deviceScale)) }
    func viewportShot(clip: (x: Int, y: Int, width: Int, height: Int)) async throws -> ClippedShot? { nil }
}

/// The viewport's origin read offline lined up with the first live page (LiveGrounder+ViewportShift.swift).
final class ViewportShiftTests: XCTestCase {
    /// A page 800×600: a dark header bar with light "links", a search field, and lines of "text"
    /// below; `flat` draws nothing (a blank page).
    static func page(flat: Bool = false) -> Image {
        var img = Image(width: 800, height: 600, format: .gray8, filledWith: 245)
        guard !flat else { return img }
        func fill(_ x0: Int, _ y0: Int, _ w: Int, _ h: Int, _ v: UInt8) {
            for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { img.pixels[y * 800 + x] = v } }
        }
        fill(0, 0, 800, 56, 40)
        for k in 0..<5 { fill(40 + k * 90, 22, 60, 12, 220) }
        fill(520, 12, 240, 32, 255)
        for line in 0..<8 {
            let y = 90 + line * 26
            fill(60, y, 300 + (line * 37) % 280, 10, 60)
        }
        return img
    }

    /// The video frame: the page drawn `dy` pixels below `top` in a frame `top + 600 + 20` tall
    /// (a bar of 128 above it, whatever lies below it).
    static func frame(page: Image, top: Int, dy: Int) -> Image {
        var img = Image(width: 800, height: top + 620, format: .gray8, filledWith: 128)
        for y in 0..<600 where top + dy + y < img.height { for x in 0..<800 { img.pixels[(top + dy + y) * 800 + x] = page.pixels[y * 800 + x] } }
        return img
    }

    private func run(_ b: OnePageBrowser, live: Image, video: Image, viewportTop: Int) -> Run {
        var frames = LiveFrames(frames: [(0.8, video)], scale: 1)
        frames.fields = [(0.8, video)]
        return Run(options: LiveOptions(secretNames: { _ in [] }), browser: b, frames: frames, decodePNG: { _ in live },
                   timeline: ActionTimeline(viewport: Viewport(x: 0, y: viewportTop, width: 800, height: 600),
                                            actions: [Action(kind: .goto, time: 0, value: .text("http://127.0.0.1:8765/")),
                                                      Action(kind: .click, time: 1, target: Target(box: Box(x: 520, y: 19, width: 240, height: 32),
                                                                                                   point: Point(x: 600, y: 35)))]))
    }

    /// The origin read 7 pixels high (the page starts lower in the video): the viewport moves down
    /// and loses 7 pixels, the points and boxes move up, and the live viewport is set to the new size.
    func testAnOriginReadSevenPixelsHighIsMoved() async throws {
        let b = OnePageBrowser()
        let p = Self.page()
        var r = run(b, live: p, video: Self.frame(page: p, top: 80, dy: 7), viewportTop: 80)
        let moved = try await r.registerViewport()
        XCTAssertEqual(moved?.dx, 0)
        XCTAssertEqual(moved?.dy, 7)
        XCTAssertEqual(r.timeline.viewport?.y, 87)
        XCTAssertEqual(r.timeline.viewport?.height, 593)
        XCTAssertEqual(r.timeline.viewport?.width, 800)
        XCTAssertEqual(r.timeline.actions[1].target?.point?.y, 28)
        XCTAssertEqual(r.timeline.actions[1].target?.box?.y, 12)
        XCTAssertEqual(b.viewports.count, 1)
        XCTAssertEqual(b.viewports.first?.height, 593)
        XCTAssertEqual(r.videoRect((x: 520, y: 12, width: 240, height: 32))?.y, 99)
    }

    /// One pixel off (every capture's bar edge) is the compares' own tolerance: nothing moves.
    func testAnOriginOnePixelOffIsLeft() async throws {
        let b = OnePageBrowser()
        let p = Self.page()
        var r = run(b, live: p, video: Self.frame(page: p, top: 80, dy: 1), viewportTop: 80)
        let moved = try await r.registerViewport()
        XCTAssertNil(moved)
        XCTAssertEqual(r.timeline.viewport?.y, 80)
        XCTAssertEqual(r.timeline.actions[1].target?.point?.y, 35)
        XCTAssertTrue(b.viewports.isEmpty)
    }

    /// A blank first page has nothing to line up; a page unlike the video lines up no better shifted.
    func testABlankOrDifferentPageMovesNothing() async throws {
        let b = OnePageBrowser()
        var r = run(b, live: Self.page(flat: true), video: Self.frame(page: Self.page(), top: 80, dy: 7), viewportTop: 80)
        let blank = try await r.registerViewport()
        XCTAssertNil(blank)
        XCTAssertEqual(r.timeline.viewport?.y, 80)
        // The video shows another page (no header): no shift lines it up clearly better.
        var other = Self.page(flat: true)
        for y in 300..<400 { for x in 100..<700 { other.pixels[y * 800 + x] = 20 } }
        var r2 = run(b, live: Self.page(), video: Self.frame(page: other, top: 80, dy: 7), viewportTop: 80)
        let unlike = try await r2.registerViewport()
        XCTAssertNil(unlike)
        XCTAssertEqual(r2.timeline.viewport?.y, 80)
    }

    /// A page that lines up only shifted sideways (laid out at another width) moves nothing; a
    /// vertical shift with a pixel sideways does, vertically.
    func testASidewaysShiftMovesNothing() async throws {
        XCTAssertFalse(Run.viewportMoves((dx: 5, dy: 1, cost: 1.25, unshifted: 5.51)))
        XCTAssertFalse(Run.viewportMoves((dx: 4, dy: 7, cost: 1, unshifted: 5)))
        XCTAssertTrue(Run.viewportMoves((dx: 1, dy: 7, cost: 1, unshifted: 5)))
        XCTAssertTrue(Run.viewportMoves((dx: 0, dy: -3, cost: 1, unshifted: 5)))
        XCTAssertFalse(Run.viewportMoves((dx: 0, dy: 7, cost: 4, unshifted: 5)))
        // The video's page 5 px to the right: the registration finds it and leaves the origin.
        let b = OnePageBrowser()
        let p = Self.page()
        var video = Self.frame(page: p, top: 80, dy: 0)
        let copy = video
        for y in 80..<680 { for x in 0..<800 { video.pixels[y * 800 + x] = x >= 5 ? copy.pixels[y * 800 + x - 5] : 245 } }
        var r = run(b, live: p, video: video, viewportTop: 80)
        let moved = try await r.registerViewport()
        XCTAssertNil(moved)
        XCTAssertEqual(r.timeline.viewport?.y, 80)
        XCTAssertEqual(r.timeline.viewport?.x, 0)
    }

    /// An origin read too low moves up; the viewport's size stays (its far edge was not read short).
    func testAnOriginReadTooLowMovesUpAndKeepsTheSize() {
        let t = ActionTimeline(viewport: Viewport(x: 10, y: 90, width: 800, height: 600),
                               actions: [Action(kind: .click, time: 1, target: Target(point: Point(x: 100, y: 50)))])
        let s = Run.shifted(t, dx: -4, dy: -6, dpr: 2)
        XCTAssertEqual(s.viewport, Viewport(x: 6, y: 84, width: 800, height: 600))
        XCTAssertEqual(s.actions[0].target?.point, Point(x: 102, y: 53))
    }
}
