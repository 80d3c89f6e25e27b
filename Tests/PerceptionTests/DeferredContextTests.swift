import Foundation
import XCTest
import ScreenCore
@testable import Perception

/// A button's section heading left to the spare core that reads its band
/// (`SegmentAnalyst+DeferredContext`): the context it resolves to is the heading read in place,
/// every deferred band is read before the segment ends, and nothing is left without a spare core.
final class DeferredContextTests: XCTestCase {
    /// Tools that say whether a core was spare, read the band as fixed lines (headings "Routes"
    /// above the button and "Middleware" below it, body text between) and count the band's reads.
    /// Invariant (for `@unchecked Sendable`): the count is only written under `lock`.
    final class Reporter: ReadAheadReporting, @unchecked Sendable {
        let spare: Bool
        let lock = NSLock()
        private var reads = 0
        init(spare: Bool) { self.spare = spare }
        var bandReads: Int { lock.withLock { reads } }
        func forEachFrame(from start: Double, to end: Double, fps: Double?, _ body: (Frame) async throws -> Void) async throws {}
        func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading {
            guard region.height >= 300 else { return .empty }
            lock.withLock { reads += 1 }
            // Boxes in the prepared crop's pixels (a 6 px margin around the band).
            func line(_ text: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int) -> TextLine {
                TextLine(words: [TextWord(text: text, box: PixelRect(x: x + 6, y: y + 6, width: w, height: h), confidence: 90)])
            }
            return TextReading(lines: [line("Routes", 20, 40, 80, 24), line("Body text of the section", 20, 80, 220, 14),
                                       line("More of the body text", 20, 200, 200, 14), line("Middleware", 20, 250, 110, 24),
                                       line("The next section's text", 20, 300, 210, 14)])
        }
        func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? { nil }
        func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double { 0 }
        func readField(_ field: PixelRect, in image: Image) async throws -> String? { nil }
        func readTextAheadIfSpare(mode: TextReadMode, _ image: () -> Image) -> Bool { spare }
    }

    let box = PixelRect(x: 60, y: 150, width: 90, height: 30)
    let image = Canvas().image

    func analyst(_ tools: any AgentTools) -> SegmentAnalyst {
        SegmentAnalyst.onCanvas(tools)
    }

    func testADeferredHeadingIsTheHeadingReadInPlace() async throws {
        let tools = Reporter(spare: true)
        let a = analyst(tools)
        XCTAssertTrue(a.columnLinesAhead(beside: box, in: image))
        let inPlace = try await a.boundedSectionHeading(of: box, text: "Yes", in: image, marked: true)
        XCTAssertEqual(inPlace, "Routes")
        let bounded = a.deferredContext(.bounded, of: box, text: "Yes", in: image)
        // (A floor below "Routes": no heading between it and the button, so the row's text.)
        let section = a.deferredContext(.section(floor: 100, otherwise: "Was this helpful?"), of: box, text: "Yes", in: image)
        let headed = a.deferredContext(.section(floor: nil, otherwise: "Was this helpful?"), of: box, text: "Yes", in: image)
        XCTAssertTrue(bounded.hasPrefix(SegmentAnalyst.deferredMark))
        XCTAssertEqual(Set([bounded, section, headed]).count, 3)
        for c in [bounded, section, headed] {
            a.observations.append(Observation(kind: .click, time: 1, box: box, role: .button, text: "Yes", context: c))
        }
        a.observations.append(Observation(kind: .click, time: 2, box: box, role: .button, text: "No", context: "Pricing"))
        try await a.resolveDeferredContexts()
        XCTAssertEqual(a.observations.map(\.context), ["Routes", "Was this helpful?", "Routes", "Pricing"])
        XCTAssertTrue(a.deferredContexts.isEmpty)
        XCTAssertEqual(tools.bandReads, 4)
    }

    func testABandNoObservationKeptIsStillReadBeforeTheSegmentEnds() async throws {
        let tools = Reporter(spare: true)
        let a = analyst(tools)
        _ = a.deferredContext(.bounded, of: box, text: "Yes", in: image)
        try await a.resolveDeferredContexts()
        XCTAssertEqual(tools.bandReads, 1)
        XCTAssertTrue(a.deferredContexts.isEmpty)
    }

    func testWithoutASpareCoreNothingIsLeft() {
        // No core spare (`--agents 1`), or tools that cannot say: the band stays the agent's.
        XCTAssertFalse(analyst(Reporter(spare: false)).columnLinesAhead(beside: box, in: image))
        XCTAssertFalse(analyst(SectionBandAheadTests.Recorder()).columnLinesAhead(beside: box, in: image))
        // No band (narrower than 40 px): nothing to leave either.
        XCTAssertFalse(analyst(Reporter(spare: true)).columnLinesAhead(beside: PixelRect(x: -300, y: 100, width: 40, height: 20), in: image))
    }
}
