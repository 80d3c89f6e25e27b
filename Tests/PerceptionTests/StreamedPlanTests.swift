import XCTest
import ScreenCore
@testable import Perception

/// The plan streamed while the motion pass runs: what `settled` calls final must be exactly the
/// whole recording's plan, and no later segment may decode before `laterDecodeFrom`.
final class StreamedPlanTests: XCTestCase {
    /// A seeded motion signal: bursts of change of random lengths and gaps (some shorter than
    /// the merge gaps, some long idle stretches), pointer moves, changes in two screen places.
    func signal(seed: UInt64, duration: Double, fps: Double = 30) -> [MotionSample] {
        var rng = SplitMix(seed)
        var samples: [MotionSample] = []
        var t = 0.0, activeUntil = -1.0, nextBurst = rng.uniform(0.3, 2.0)
        var place = PixelRect(x: 10, y: 10, width: 40, height: 20)
        var frame = 0
        while t < duration {
            if t >= nextBurst && t > activeUntil {
                activeUntil = t + rng.uniform(0.05, 7.0)
                nextBurst = activeUntil + [0.3, 0.6, 1.2, 2.0, 3.5, 6.0][Int(rng.next() % 6)] * rng.uniform(0.8, 1.2)
                place = rng.next() % 2 == 0 ? PixelRect(x: 10, y: 10, width: 40, height: 20) : PixelRect(x: 200, y: 120, width: 60, height: 30)
            }
            let active = t <= activeUntil && rng.next() % 5 != 0   // lulls inside a burst
            let moved = rng.next() % 7 == 0
            samples.append(MotionSample(time: t, contentPixels: active ? 50 : 0, contentBox: active ? place : nil,
                                        pointer: moved ? PixelPoint(x: Int(rng.next() % 300), y: 40) : nil, pointerMoved: moved))
            frame += 1
            t = Double(frame) / fps
        }
        return samples
    }

    func check(_ planner: SegmentPlanner, seeds: ClosedRange<UInt64>, someSettle: Bool = true, file: StaticString = #filePath, line: UInt = #line) {
        var settledSome = 0
        for seed in seeds {
            let all = signal(seed: seed, duration: 40)
            let dt = SegmentPlanner.sampleInterval(all)
            let whole = planner.plan(all, duration: 40, sampleInterval: dt).segments
            var before = 0
            for k in stride(from: 5, through: all.count, by: 9) {
                let s = planner.settled(Array(all.prefix(k)), duration: 40, sampleInterval: dt)
                XCTAssertEqual(s.segments, Array(whole.prefix(s.segments.count)),
                               "seed \(seed), \(k) samples: settled segments differ from the whole plan's", file: file, line: line)
                // (A shorter answer later is no contradiction: a new burst close by makes the
                // rule wait again; what was once settled is still the whole plan's, checked above.)
                before = max(before, s.segments.count)
                for later in whole.dropFirst(s.segments.count) {
                    XCTAssertGreaterThanOrEqual(later.decodeStart, s.laterDecodeFrom,
                                                "seed \(seed), \(k) samples: segment \(later.index) decodes before the bound", file: file, line: line)
                }
                if k < all.count - 60 { settledSome += s.segments.count }
            }
            XCTAssertLessThan(before, whole.count, "the last segment is only final at the end", file: file, line: line)
        }
        if someSettle { XCTAssertGreaterThan(settledSome, 0, "segments settle before the pass ends", file: file, line: line) }
    }

    func testCoarsePlanSettlesExactly() {
        check(SegmentPlanner(), seeds: 1...24)
    }

    func testFinePlanSettlesExactly() {
        var fine = SegmentPlanner()
        fine.cutAtEveryQuiet = true
        fine.cutBetweenActions = true
        check(fine, seeds: 41...64)
    }

    func testFinePlanWithAMinimumParallelismSettlesExactly() {
        var fine = SegmentPlanner()
        fine.cutAtEveryQuiet = true
        fine.cutBetweenActions = true
        let seeds: ClosedRange<UInt64> = 41...48
        let counts = seeds.map { seed in
            let all = signal(seed: seed, duration: 40)
            return fine.plan(all, duration: 40, sampleInterval: SegmentPlanner.sampleInterval(all)).segments.count
        }
        // A minimum above every seed's plan (the rule splits bursts once the whole plan is known),
        // and the median (some plans have enough: the rule changes nothing there).
        for minimum in [40, counts.sorted()[counts.count / 2]] {
            fine.minSegments = minimum
            check(fine, seeds: seeds)
            let split = seeds.filter { seed in
                let all = signal(seed: seed, duration: 40)
                return fine.plan(all, duration: 40, sampleInterval: SegmentPlanner.sampleInterval(all)).cuts.contains { $0.reason.hasPrefix("parallelism") }
            }
            XCTAssertFalse(split.isEmpty, "the rule splits some plans (minimum \(minimum), plans of \(counts))")
            if minimum < 40 { XCTAssertLessThan(split.count, seeds.count, "and leaves plans with enough segments alone (\(counts))") }
        }
    }

    /// At the border — a minimum equal to a plan's own count, one less, one more — the rule's
    /// decision turns on the last burst; what `settled` calls final is still the whole plan's.
    func testAMinimumAtThePlansOwnCountSettlesExactly() {
        var fine = SegmentPlanner()
        fine.cutAtEveryQuiet = true
        fine.cutBetweenActions = true
        for seed: UInt64 in 41...42 {   // (each check walks every prefix: a few seeds keep the test short)
            let all = signal(seed: seed, duration: 40)
            let count = fine.plan(all, duration: 40, sampleInterval: SegmentPlanner.sampleInterval(all)).segments.count
            for minimum in [count - 1, count, count + 1] {
                var p = fine
                p.minSegments = minimum
                check(p, seeds: seed...seed, someSettle: false)
            }
        }
    }

    /// A burst the rule could split holds the segments from it on only until the plan is known
    /// to have enough segments: once the last of them has begun — before it is final — they go.
    func testSegmentsGoOnceThePlanIsKnownToHaveEnough() {
        // (a) 1.0–2.2 s, a typing run with 0.3 s pauses (the rule could split it inside the
        // action); then seven single changes 1.5 s apart from 3 s, the last at 12 s.
        let box = PixelRect(x: 100, y: 200, width: 120, height: 20)
        let samples = stride(from: 0.0, to: 16.0, by: 1.0 / 30).map { t -> MotionSample in
            var s = MotionSample(time: t)
            let word = (t - 1.0).truncatingRemainder(dividingBy: 0.6)
            if (1.0...2.2).contains(t), word < 0.3 { s.contentPixels = 40; s.contentBox = box }
            for k in 0..<7 where abs(t - (3.0 + 1.5 * Double(k))) < 0.02 {
                s.contentPixels = 300; s.contentBox = PixelRect(x: 10 + 60 * k, y: 400, width: 40, height: 20)
            }
            return s
        }
        var fine = SegmentPlanner()
        fine.cutAtEveryQuiet = true
        fine.cutBetweenActions = true
        fine.minSegments = 8
        let dt = SegmentPlanner.sampleInterval(samples)
        let whole = fine.plan(samples, duration: 16, sampleInterval: dt)
        XCTAssertEqual(whole.segments.count, 8, "\(whole.cuts)")
        XCTAssertFalse(whole.cuts.contains { $0.reason.hasPrefix("parallelism") }, "eight bursts: the rule changes nothing")
        XCTAssertNotNil(fine.parallelCut(samples.filter { $0.isActive && $0.time < 2.3 }.map(\.time), samples, dt: dt), "the typing run could be split")
        // The pass just past the eighth burst's change (12 s): as far as the plan knows that
        // burst is still going on, so it is not final; the seven before it are.
        let prefix = Array(samples.prefix { $0.time <= 12.1 })
        XCTAssertEqual(fine.knownSegments(prefix, duration: 16, sampleInterval: dt), 8)
        let s = fine.settled(prefix, duration: 16, sampleInterval: dt)
        XCTAssertEqual(s.segments, Array(whole.segments.prefix(s.segments.count)))
        XCTAssertEqual(s.segments.count, 7, "the typing run and the changes after it are final")
        // Before the eighth change the plan might still have seven: the typing run waits.
        let earlier = Array(samples.prefix { $0.time <= 11.5 })
        XCTAssertEqual(fine.knownSegments(earlier, duration: 16, sampleInterval: dt), 7)
        XCTAssertEqual(fine.settled(earlier, duration: 16, sampleInterval: dt).segments.count, 0)
    }

    func testSampleIntervalIsTheFirstSecondsMean() {
        let samples = (0..<90).map { MotionSample(time: Double($0) / 30) }
        XCTAssertEqual(SegmentPlanner.sampleInterval(samples), 1.0 / 30, accuracy: 1e-12)
        XCTAssertEqual(SegmentPlanner.sampleInterval(Array(samples.prefix(31))), SegmentPlanner.sampleInterval(samples),
                       "known once the first second has passed")
    }
}

/// A small seeded generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53) }
}
