import Foundation
import XCTest
import ScreenCore
@testable import Perception

/// The section-heading band announced to a spare core (`columnLinesAhead`) is the crop its read
/// (`columnLines`) makes, so the read takes the reading made ahead (the OCR cache's exact key).
final class SectionBandAheadTests: XCTestCase {
    /// Tools that keep the crops announced ahead and the crops read, and read nothing.
    /// Invariant (for `@unchecked Sendable`): used by one test's analyst task only.
    final class Recorder: AgentTools, @unchecked Sendable {
        var ahead: [Image] = []
        var read: [Image] = []
        func forEachFrame(from start: Double, to end: Double, fps: Double?, _ body: (Frame) async throws -> Void) async throws {}
        func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading {
            read.append(image.cropped(to: region))
            return .empty
        }
        func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? { nil }
        func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double { 0 }
        func readField(_ field: PixelRect, in image: Image) async throws -> String? { nil }
        func readTextAhead(mode: TextReadMode, _ image: () -> Image) { ahead.append(image()) }
    }

    func analyst(_ tools: Recorder) -> SegmentAnalyst {
        SegmentAnalyst.onCanvas(tools)
    }

    func testTheBandAnnouncedIsTheBandRead() async throws {
        var c = Canvas()
        c.text(x: 40, y: 40, glyphs: 8, height: 20)
        c.text(x: 40, y: 200, glyphs: 6, height: 14)
        for box in [PixelRect(x: 60, y: 120, width: 90, height: 30),     // a band 390 px wide
                    PixelRect(x: 500, y: 300, width: 100, height: 32)] { // one cut by the viewport's right edge
            let tools = Recorder()
            let a = analyst(tools)
            a.columnLinesAhead(beside: box, in: c.image)
            _ = try await a.columnLines(beside: box, in: c.image)
            XCTAssertEqual(tools.ahead.count, 1)
            XCTAssertEqual(tools.read.count, 1)
            let ahead = tools.ahead[0], read = tools.read[0]
            XCTAssertEqual(read.width, ahead.width); XCTAssertEqual(read.height, ahead.height)
            XCTAssertEqual(read.pixels, ahead.cropped(to: PixelRect(x: 0, y: 0, width: ahead.width, height: ahead.height)).pixels)
        }
    }

    func testNoBandNothingAnnounced() {
        // A band narrower than 40 px is never read, so nothing is announced either.
        let tools = Recorder()
        let a = analyst(tools)
        XCTAssertNil(a.columnBand(beside: PixelRect(x: -300, y: 100, width: 40, height: 20)))
        a.columnLinesAhead(beside: PixelRect(x: -300, y: 100, width: 40, height: 20), in: Canvas().image)
        XCTAssertTrue(tools.ahead.isEmpty)
    }
}
