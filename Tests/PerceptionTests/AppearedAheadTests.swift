import Foundation
import XCTest
import ScreenCore
@testable import Perception

/// The reading of what appeared once the page settled: announced to a spare core, taken later.
final class AppearedAheadTests: XCTestCase {
    /// Tools that keep the crops announced ahead and the crops read, and answer every read with
    /// one sure line. Invariant (for `@unchecked Sendable`): used by one test's analyst task only.
    final class Recorder: AgentTools, @unchecked Sendable {
        var ahead: [Image] = []
        var read: [Image] = []
        /// Whether a core is spare for a read ahead (never with `--agents 1`).
        var spare = true
        func forEachFrame(from start: Double, to end: Double, fps: Double?, _ body: (Frame) async throws -> Void) async throws {}
        func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading {
            read.append(image.cropped(to: region))
            return TextReading(lines: [TextLine(words: [
                TextWord(text: "Welcome", box: PixelRect(x: 40, y: 40, width: 70, height: 16), confidence: 95),
                TextWord(text: "back", box: PixelRect(x: 116, y: 40, width: 40, height: 16), confidence: 95),
            ])])
        }
        func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? { nil }
        func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double { 0 }
        func readField(_ field: PixelRect, in image: Image) async throws -> String? { nil }
        func readTextAhead(mode: TextReadMode, _ image: () -> Image) { if spare { ahead.append(image()) } }
    }

    func analyst(_ tools: Recorder) -> SegmentAnalyst {
        let a = SegmentAnalyst.onCanvas(tools)
        a.observations = [Observation(kind: .click, time: 0.5)]
        return a
    }

    func testTheCropAnnouncedIsTheCropReadAndItIsOfferedOnce() async throws {
        var c = Canvas()
        c.text(x: 40, y: 40, glyphs: 8, height: 14)
        let tools = Recorder()
        let a = analyst(tools)
        a.pendingAppeared = a.deferAppeared(observation: 0, top: PixelRect(x: 0, y: 0, width: 640, height: 260), in: c.image,
                                            exclude: nil, before: nil)
        XCTAssertEqual(tools.ahead.count, 1)
        a.announceAppeared()   // taken by a spare core already: not made again
        XCTAssertEqual(tools.ahead.count, 1)
        XCTAssertEqual(a.observations[0].appeared, [], "nothing is set before it is taken")
        try await a.takeAppeared()
        XCTAssertNil(a.pendingAppeared)
        XCTAssertEqual(tools.read.count, 1)
        // The same bytes, so the read takes the reading made ahead (the OCR cache's exact key).
        let ahead = tools.ahead[0]
        XCTAssertEqual(tools.read[0].width, ahead.width); XCTAssertEqual(tools.read[0].height, ahead.height)
        XCTAssertEqual(tools.read[0].pixels, ahead.cropped(to: PixelRect(x: 0, y: 0, width: ahead.width, height: ahead.height)).pixels)
        XCTAssertEqual(a.observations[0].appeared, ["Welcome back"])
    }

    func testWithNoSpareCoreTheReadingIsTheSame() async throws {
        var c = Canvas()
        c.text(x: 40, y: 40, glyphs: 8, height: 14)
        let offered = Recorder(), alone = Recorder()
        alone.spare = false
        let a = analyst(offered), b = analyst(alone)
        for x in [a, b] {
            x.pendingAppeared = x.deferAppeared(observation: 0, top: PixelRect(x: 0, y: 0, width: 640, height: 260), in: c.image,
                                                exclude: nil, before: nil)
            try await x.takeAppeared()
        }
        XCTAssertTrue(alone.ahead.isEmpty)
        XCTAssertEqual(offered.read.map(\.pixels), alone.read.map(\.pixels))
        XCTAssertEqual(a.observations[0].appeared, b.observations[0].appeared)
    }
}
