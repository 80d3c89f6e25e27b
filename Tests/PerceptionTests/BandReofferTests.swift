import Foundation
import XCTest
import ScreenCore
@testable import Perception

/// The section-heading band offered once more where a heading rule is about to read it
/// (`SegmentAnalyst.bandDeferrable`): a core that was busy when the search began may be free by
/// then. It is offered only when deferring is allowed and the rule will read the band, never
/// twice once taken, and without a spare core the band stays the agent's.
final class BandReofferTests: XCTestCase {
    /// Tools whose spare core comes and goes (`spare`), counting the offers made to it.
    /// Invariant (for `@unchecked Sendable`): both fields are only touched under `lock`.
    final class Offers: ReadAheadReporting, @unchecked Sendable {
        let lock = NSLock()
        private var _spare: Bool
        private var _offers = 0
        init(spare: Bool) { _spare = spare }
        var spare: Bool { get { lock.withLock { _spare } } set { lock.withLock { _spare = newValue } } }
        var offers: Int { lock.withLock { _offers } }
        func forEachFrame(from start: Double, to end: Double, fps: Double?, _ body: (Frame) async throws -> Void) async throws {}
        func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading { .empty }
        func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? { nil }
        func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double { 0 }
        func readField(_ field: PixelRect, in image: Image) async throws -> String? { nil }
        func readTextAheadIfSpare(mode: TextReadMode, _ image: () -> Image) -> Bool {
            lock.withLock { _offers += 1; return _spare }
        }
    }

    let box = PixelRect(x: 60, y: 150, width: 90, height: 30)
    let image = Canvas().image

    func analyst(_ tools: any AgentTools) -> SegmentAnalyst {
        SegmentAnalyst.onCanvas(tools)
    }

    func testACoreFreedSinceTheSearchBeganTakesTheBand() {
        let tools = Offers(spare: false)
        let a = analyst(tools)
        // The search's first offer: no core spare then (the other agent still at work).
        var ahead = a.columnLinesAhead(beside: box, in: image)
        XCTAssertFalse(ahead)
        // The other agent done: the rule about to read the band offers it again, and defers.
        tools.spare = true
        XCTAssertTrue(a.bandDeferrable(true, ahead: &ahead, needed: true, beside: box, in: image))
        XCTAssertTrue(ahead)
        XCTAssertEqual(tools.offers, 2)
        // Taken: never offered a third time.
        XCTAssertTrue(a.bandDeferrable(true, ahead: &ahead, needed: true, beside: box, in: image))
        XCTAssertEqual(tools.offers, 2)
    }

    func testStillNoSpareCoreTheAgentReadsIt() {
        let tools = Offers(spare: false)
        let a = analyst(tools)
        var ahead = false
        XCTAssertFalse(a.bandDeferrable(true, ahead: &ahead, needed: true, beside: box, in: image))
        XCTAssertFalse(ahead)
        XCTAssertEqual(tools.offers, 1)
        // Tools that cannot say whether a core was spare (no `ReadAheadReporting`): nothing deferred.
        XCTAssertFalse(analyst(SectionBandAheadTests.Recorder()).bandDeferrable(true, ahead: &ahead, needed: true, beside: box, in: image))
        XCTAssertFalse(ahead)
    }

    func testNothingOfferedWhereTheRuleWillNotReadTheBandOrMayNotDefer() {
        let tools = Offers(spare: true)
        let a = analyst(tools)
        var ahead = false
        // The bounded rule without marks on both sides reads no band: not offered.
        XCTAssertFalse(a.bandDeferrable(true, ahead: &ahead, needed: false, beside: box, in: image))
        // A caller that does not defer (`deferBand: false`): the band stays its own.
        XCTAssertFalse(a.bandDeferrable(false, ahead: &ahead, needed: true, beside: box, in: image))
        XCTAssertFalse(ahead)
        XCTAssertEqual(tools.offers, 0)
        // Taken by the first offer already: deferred without a second one.
        ahead = true
        XCTAssertTrue(a.bandDeferrable(true, ahead: &ahead, needed: false, beside: box, in: image))
        XCTAssertEqual(tools.offers, 0)
        // No band (narrower than 40 px): nothing to offer or defer.
        var none = false
        XCTAssertFalse(a.bandDeferrable(true, ahead: &none, needed: true, beside: PixelRect(x: -300, y: 100, width: 40, height: 20), in: image))
        XCTAssertEqual(tools.offers, 0)
    }
}
