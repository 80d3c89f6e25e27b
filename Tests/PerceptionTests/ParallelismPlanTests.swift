import XCTest
import ScreenCore
@testable import Perception

/// The remote plan's minimum parallelism (`SegmentPlanner.minSegments`): a plan with too few
/// segments splits bursts at quiet moments — between actions first, then pauses inside one
/// action — never a burst of one change or closer than `minPiece` to a burst's ends, and a plan
/// with enough segments is left exactly as it was.
final class ParallelismPlanTests: XCTestCase {
    static let typingBox = PixelRect(x: 100, y: 200, width: 120, height: 20)

    /// Three bursts: (a) 1.0–2.6 s, a click on a button (changes at one place), a 0.13 s lull
    /// while the pointer travels, a menu opening elsewhere (too short a pause for the cut between
    /// actions, which wants 0.2 s); (b) 5.0–7.1 s, a typing run (same place, the pointer still,
    /// 0.3 s pauses between words); (c) 10.0–10.2 s, one short change.
    func samples() -> [MotionSample] {
        stride(from: 0.0, to: 13.0, by: 1.0 / 30).map { t -> MotionSample in
            var s = MotionSample(time: t)
            if (1.0...1.75).contains(t) { s.contentPixels = 200; s.contentBox = PixelRect(x: 40, y: 40, width: 80, height: 30) }
            if t > 1.75 && t < 1.85 { s.pointerMoved = true; s.pointer = PixelPoint(x: 400, y: 300) }
            if (1.85...2.6).contains(t) { s.contentPixels = 900; s.contentBox = PixelRect(x: 380, y: 290, width: 200, height: 160) }
            let word = (t - 5.0).truncatingRemainder(dividingBy: 0.8)
            if (5.0...7.2).contains(t), word < 0.5 { s.contentPixels = 40; s.contentBox = Self.typingBox }
            if (10.0...10.2).contains(t) { s.contentPixels = 300; s.contentBox = PixelRect(x: 10, y: 400, width: 60, height: 20) }
            return s
        }
    }

    func planner(min: Int) -> SegmentPlanner {
        var p = SegmentPlanner()
        p.cutAtEveryQuiet = true
        p.cutBetweenActions = true
        p.minSegments = min
        return p
    }

    func testTooFewSegmentsSplitBetweenActionsFirstThenInsideOneAction() {
        let signal = samples()
        let base = planner(min: 0).plan(signal, duration: 13)
        XCTAssertEqual(base.segments.count, 3, "\(base.cuts)")
        // One more: burst (a) at its lull between actions, although the typing run is longer.
        let plan = planner(min: 4).plan(signal, duration: 13)
        XCTAssertEqual(plan.segments.count, 4, "\(plan.cuts)")
        let added = plan.cuts.filter { $0.reason.hasPrefix("parallelism") }
        XCTAssertEqual(added.count, 1, "\(plan.cuts)")
        XCTAssertTrue(added[0].time > 1.7 && added[0].time < 1.85, "\(added[0])")
        XCTAssertTrue(added[0].reason.contains("fewer than 4") && added[0].reason.contains("3 before"), added[0].reason)
        XCTAssertTrue(added[0].reason.contains("the pointer moved"), added[0].reason)
        XCTAssertEqual(plan.segments.filter { $0.owns(5.1) || $0.owns(7.0) }.count, 1, "the typing run waits")
        // Every change still has exactly one owner; the other segments are the base plan's.
        for s in signal where s.isActive { XCTAssertEqual(plan.segments.filter { $0.owns(s.time) }.count, 1, "\(s.time)") }
        XCTAssertEqual(plan.segments.last, base.segments.last.map { var s = $0; s.index = 3; return s })
        XCTAssertEqual(plan.segments.map(\.index), Array(0..<plan.segments.count))
        // Asked for 8: then the typing run at both pauses between its words (each cut 0.25 s or
        // more from its ends), never the burst of one short change; 6 is all there is.
        let more = planner(min: 8).plan(signal, duration: 13)
        XCTAssertEqual(more.segments.count, 6, "\(more.cuts)")
        let inside = more.cuts.filter { $0.reason.contains("no action ends inside it") }
        XCTAssertEqual(inside.count, 2, "\(more.cuts)")
        XCTAssertTrue(inside.allSatisfy { $0.time > 5.5 && $0.time < 6.6 }, "\(inside)")
        for s in signal where s.isActive { XCTAssertEqual(more.segments.filter { $0.owns(s.time) }.count, 1, "\(s.time)") }
        XCTAssertEqual(more.segments.filter { $0.owns(10.1) }.first?.decodeStart, base.segments.last?.decodeStart)
    }

    func testAPlanWithEnoughSegmentsIsLeftAsItWas() {
        let signal = samples()
        let base = planner(min: 0).plan(signal, duration: 13)
        for k in 0...3 { XCTAssertEqual(planner(min: k).plan(signal, duration: 13), base, "minSegments \(k)") }
        // Nor does the rule touch the embedded (coarse) plan.
        var coarse = SegmentPlanner()
        coarse.minSegments = 8
        XCTAssertEqual(coarse.plan(signal, duration: 13), SegmentPlanner().plan(signal, duration: 13))
    }

    func testTheLongestBurstGoesFirstAndNoPieceIsShorterThanTheFloor() {
        // Two bursts of clicks, each far from the one before (the pointer moving between them in
        // a lull): 4 clicks of 0.4 s over 2.5 s, then 2 short ones over 0.4 s.
        let clicks: [(Double, Double, Int)] = [(1.0, 1.4, 0), (1.7, 2.1, 300), (2.4, 2.8, 0), (3.1, 3.5, 300), (6.0, 6.1, 0), (6.3, 6.4, 300)]
        let signal = stride(from: 0.0, to: 9.0, by: 1.0 / 30).map { t -> MotionSample in
            var s = MotionSample(time: t)
            if let c = clicks.first(where: { ($0.0...$0.1).contains(t) }) { s.contentPixels = 100; s.contentBox = PixelRect(x: 20 + c.2, y: 50, width: 50, height: 20) }
            if clicks.contains(where: { t > $0.1 + 0.05 && t < $0.1 + 0.2 }) { s.pointerMoved = true }
            return s
        }
        var p = planner(min: 3)
        p.cutBetweenActions = false   // (only the rule cuts here)
        XCTAssertEqual(planner(min: 0).with { $0.cutBetweenActions = false }.plan(signal, duration: 9).segments.count, 2)
        let three = p.plan(signal, duration: 9)
        XCTAssertEqual(three.segments.count, 3, "\(three.cuts)")
        XCTAssertTrue(three.cuts.contains { $0.reason.hasPrefix("parallelism") && $0.time < 4 }, "the longer burst is split first: \(three.cuts)")
        // Asked for many: every click of the long burst apart, the short burst (0.4 s, less than
        // twice the 0.25 s floor) never.
        p.minSegments = 20
        let many = p.plan(signal, duration: 9)
        XCTAssertEqual(many.segments.count, 5, "\(many.cuts)")
        XCTAssertEqual(many.segments.filter { $0.owns(6.05) || $0.owns(6.35) }.count, 1)
        p.minPiece = 0.1
        XCTAssertEqual(p.plan(signal, duration: 9).segments.count, 6, "a lower floor lets the short burst split too")
    }

    func testAPlanBelowItsMinimumSaysWhyNothingMoreWasCut() {
        let signal = samples(), dt = 1.0 / 30
        // Enough segments, or no minimum: nothing to say.
        let three = planner(min: 3)
        XCTAssertNil(three.parallelismShortfall(three.plan(signal, duration: 13), signal, sampleInterval: dt))
        XCTAssertNil(planner(min: 0).parallelismShortfall(planner(min: 0).plan(signal, duration: 13), signal, sampleInterval: dt))
        // Asked for 8, the plan has 6: each piece is a continuous change (the click, the menu,
        // three typed words, the short change), nothing with a lull inside it.
        let eight = planner(min: 8)
        let why = eight.parallelismShortfall(eight.plan(signal, duration: 13), signal, sampleInterval: dt)
        XCTAssertEqual(why, "minimum parallelism: the remote plan has 6 segments, fewer than 8, and none can be split without a piece with no change of its own (6 changes never 0.10 s apart (a continuous change)), so 6 calls: one agent waits for all 6, many for the longest")
        // Two clicks 0.2 s apart in a 0.4 s burst: a lull, but under twice the floor.
        let clicks: [(Double, Double)] = [(1.0, 1.1), (1.3, 1.4), (5.0, 5.0)]
        let short = stride(from: 0.0, to: 8.0, by: dt).map { t -> MotionSample in
            var s = MotionSample(time: t)
            if clicks.contains(where: { t >= $0.0 - 1e-9 && t <= $0.1 + 1e-9 }) { s.contentPixels = 100; s.contentBox = PixelRect(x: 20, y: 50, width: 50, height: 20) }
            return s
        }
        let p = planner(min: 8)
        let plan = p.plan(short, duration: 8)
        XCTAssertEqual(plan.segments.count, 2, "\(plan.cuts)")
        let text = p.parallelismShortfall(plan, short, sampleInterval: dt) ?? ""
        XCTAssertTrue(text.contains("2 segments, fewer than 8"), text)
        XCTAssertTrue(text.contains("1 one change") && text.contains("1 shorter than 0.50 s (twice the 0.25 s floor)"), text)
    }
}

extension SegmentPlanner {
    func with(_ change: (inout SegmentPlanner) -> Void) -> SegmentPlanner { var p = self; change(&p); return p }
}
