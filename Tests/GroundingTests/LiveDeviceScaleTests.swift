import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// A browser whose screenshot is one of two pictures, by the device scale its viewport was last set to.
private final class ScaledBrowser: LiveBrowser, @unchecked Sendable {
    // Invariant: used from one task at a time (the search is sequential).
    var scale = 1.0
    var viewports: [Double] = []
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
    func screenshot() async throws -> Data { Data([scale == 1 ? 1 : 2]) }
    func setViewport(width: Int, height: Int, deviceScale: Double) async throws { scale = deviceScale; viewports.append(deviceScale) }
    func viewportShot(clip: (x: Int, y: Int, width: Int, height: Int)) async throws -> ClippedShot? { nil }
}

final class LiveDeviceScaleTests: XCTestCase {
    /// A page of dark blocks on white; `shifted` moves and resizes them (another layout).
    static func page(shifted: Bool) -> Image {
        var img = Image(width: 800, height: 600, format: .gray8, filledWith: 250)
        let blocks = shifted ? [(40, 40, 360, 60), (40, 160, 200, 200), (300, 420, 460, 120)]
                             : [(400, 300, 300, 40), (80, 120, 120, 400), (600, 40, 160, 160)]
        for (x0, y0, w, h) in blocks { for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { img.pixels[y * 800 + x] = 30 } } }
        return img
    }

    fileprivate func run(_ b: ScaledBrowser, videoLooksLike picture: Int, hint: Double? = nil) -> Run {
        let video = picture == 1 ? Self.page(shifted: false) : Self.page(shifted: true)
        return Run(options: LiveOptions(secretNames: { _ in [] }), browser: b, frames: LiveFrames(frames: [(0.8, video)], scale: 1),
                   decodePNG: { data in Self.page(shifted: data.first != 1) },
                   timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 800, height: 600, deviceScale: hint),
                                            actions: [Action(kind: .click, time: 1, target: Target(point: Point(x: 10, y: 10)))]))
    }

    /// A first page that already looks like the video at scale 1 is not rendered at 1.25, 1.5 and 2.
    func testAPageLikeTheVideoAtOneIsNotRenderedAtOtherScales() async throws {
        let b = ScaledBrowser()
        var r = run(b, videoLooksLike: 1)
        try await r.findDeviceScale()
        XCTAssertEqual(r.dpr, 1)
        XCTAssertEqual(b.viewports, [])
    }

    /// A page unlike the video at 1 is rendered at every candidate that fits and left at the one that looks like it.
    func testAPageUnlikeTheVideoAtOneTriesEveryScaleAndKeepsTheBest() async throws {
        let b = ScaledBrowser()
        var r = run(b, videoLooksLike: 2)
        try await r.findDeviceScale()
        // 2 is not tried (an 800 px video at 2 would be 400 CSS px wide, below the 480 px floor);
        // after 1.5 the viewport goes back to the first of the equally good scales.
        XCTAssertEqual(b.viewports, [1.25, 1.5, 1.25])
        XCTAssertEqual(r.dpr, 1.25)
    }

    /// The analysis' own estimate is rendered right after 1 and, when it looks like the video, settles the scale.
    func testTheAnalysisEstimateIsTriedSecondAndSettlesTheScale() async throws {
        let b = ScaledBrowser()
        var r = run(b, videoLooksLike: 2, hint: 1.5)
        try await r.findDeviceScale()
        XCTAssertEqual(b.viewports, [1.5])
        XCTAssertEqual(r.dpr, 1.5)
        XCTAssertEqual(LiveGrounder.scaleOrder(hint: 2), [1, 2, 1.25, 1.5])
        XCTAssertEqual(LiveGrounder.scaleOrder(hint: 1.75), LiveGrounder.scaleCandidates)
        XCTAssertEqual(LiveGrounder.scaleOrder(hint: nil), LiveGrounder.scaleCandidates)
    }

    /// An estimate the page does not bear out settles nothing: every scale is rendered, as without one.
    func testAnEstimateUnlikeTheVideoTriesTheOthers() async throws {
        let b = ScaledBrowser()
        var r = run(b, videoLooksLike: 1, hint: 1.25)
        XCTAssertFalse(LiveGrounder.scaleSettled([(1, 0.5), (1.25, 0.6)], hint: 1.25))   // below scaleOneSure
        XCTAssertFalse(LiveGrounder.scaleSettled([(1, 0.79), (1.25, 0.81)], hint: 1.25)) // not a clear margin over 1
        XCTAssertTrue(LiveGrounder.scaleSettled([(1, 0.5), (1.25, 0.9)], hint: 1.25))
        XCTAssertFalse(LiveGrounder.scaleSettled([(1, 0.5), (1.5, 0.9)], hint: 1.25))    // not the estimate
        try await r.findDeviceScale()
        XCTAssertEqual(r.dpr, 1)
        XCTAssertEqual(b.viewports, [])   // the page at 1 is sure: nothing else rendered
    }
}
