import Foundation
import XCTest
import Media
import Perception
import ScreenCore
import TestSupport
@testable import Vid2AutoKit

/// The early agent of a straight-through motion pass (`ProvisionalAgent`): its frames, read while
/// the pass still decodes, are exactly the job's; its work stands only when the final plan agrees.
final class ProvisionalAgentTests: XCTestCase {
    let dir = TempDir("vid2auto-provisional")

    /// A 12 s clip where every frame changes, a keyframe every 2 s.
    func clip() throws -> String { try MediaFixtures.busyClip(in: dir) }

    /// The pass straight through, as snapshots every `every` frames, and the final frames.
    func snapshots(_ path: String, every: Int, budget: Int) throws -> (growing: [DecodedFrames], final: DecodedFrames) {
        let recorder = LumaRecorder(budget: FrameStoreBudget(bytes: budget))
        let reader = try VideoReader(path: path, renditions: [Rendition(width: 48, format: .gray8)], threads: 1, recorder: recorder)
        var out: [DecodedFrames] = []
        var n = 0
        while try reader.next() != nil {
            n += 1
            if n % every == 0 { out.append(DecodedFrames(chunks: [recorder.snapshot()])) }
        }
        return (out, DecodedFrames(chunks: [recorder.finish()]))
    }

    /// (time, hash) of every frame handed to `body` by `source` for one request.
    func deliveries(_ source: any SegmentFrameSource, from a: Double, to b: Double, fps: Double) async throws -> [String] {
        try await frameDeliveries(source, from: a, to: b, fps: fps)
    }

    func testFramesReadWhileThePassDecodesAreTheJobs() async throws {
        let path = try clip()
        let info = try Probe.probe(path: path)
        for budget in [64 << 20, 400_000] {   // every plane kept; the budget running out mid-way (frames from the file)
            let (growing, final) = try snapshots(path, every: 7, budget: budget)
            let decoded = DecodedRecording(frames: final, info: info)
            for (start, end, fps) in [(0.0, 12.5, 15.0), (2.35, 9.1, 15.0), (4.0, 7.0, 30.0), (1.1, 11.0, 7.0)] {
                let expected = try await deliveries(StoreDecoder(path: path, decoded: decoded), from: start, to: end, fps: fps)
                let indices = await StoreDecoder(path: path, decoded: decoded).indices(from: start, to: end, fps: fps)
                XCTAssertEqual(indices.count, expected.count)
                // The pass publishes its snapshots (bounds lagging behind) while the agent reads.
                let source = GrowingFrames(growing[0], bound: min(end, 0.5))
                let publisher = Task {
                    for (k, g) in growing.enumerated().dropFirst() {
                        source.publish(g, bound: min(end, Double(k) * 0.2))
                        await Task.yield()
                    }
                    source.close(final, end: end)
                }
                let decoder = GrowingStoreDecoder(path: path, info: info, source: source)
                let got = try await deliveries(decoder, from: start, to: 99, fps: fps)
                await publisher.value
                XCTAssertEqual(got, expected, "budget \(budget) window \(start)–\(end) fps \(fps)")
                XCTAssertEqual(decoder.delivered, indices)
                XCTAssertEqual(decoder.requests.count, 1)
            }
        }
    }

    func testAnAbandonedAgentStopsWaiting() async throws {
        let path = try clip()
        let info = try Probe.probe(path: path)
        let (growing, _) = try snapshots(path, every: 30, budget: 64 << 20)
        let source = GrowingFrames(growing[0], bound: 0.5)
        let decoder = GrowingStoreDecoder(path: path, info: info, source: source)
        let reading = Task { () -> Int in
            var n = 0
            do { try await decoder.frames(from: 0, to: 12, fps: 15) { _ in n += 1 } } catch is CancellationError { return -n }
            return n
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        source.abandon()
        let n = try await reading.value
        XCTAssertLessThan(n, 0, "it threw CancellationError")
        XCTAssertEqual(-n, 8, "the frames before the bound, at 15 a second: 0 … 7/15 s")
    }

    func segment(_ index: Int, _ start: Double, _ end: Double, decode: (Double, Double), hint: PixelPoint? = nil) -> Segment {
        Segment(index: index, start: start, end: end, decodeStart: decode.0, decodeEnd: decode.1, pointerHint: hint)
    }

    func testTheFinalPlanMustAgreeOnIndexSpanAndHint() {
        let p = segment(1, 4.25, 13, decode: (3.0, 11.4), hint: PixelPoint(x: 5, y: 6))
        XCTAssertTrue(ProvisionalAgent.agrees(p, p))
        // The decode window is checked on the frames, not here: a later end (the burst went on) agrees.
        XCTAssertTrue(ProvisionalAgent.agrees(p, segment(1, 4.25, 13, decode: (3.0 + 1e-12, 12.0), hint: PixelPoint(x: 5, y: 6))))
        XCTAssertFalse(ProvisionalAgent.agrees(p, segment(2, 4.25, 13, decode: (3.0, 11.4), hint: PixelPoint(x: 5, y: 6))), "index")
        XCTAssertFalse(ProvisionalAgent.agrees(p, segment(1, 4.25 + 1e-9, 13, decode: (3.0, 11.4), hint: PixelPoint(x: 5, y: 6))), "start")
        XCTAssertFalse(ProvisionalAgent.agrees(p, segment(1, 4.25, 9.5, decode: (3.0, 11.4), hint: PixelPoint(x: 5, y: 6))), "end: a segment came after it")
        XCTAssertFalse(ProvisionalAgent.agrees(p, segment(1, 4.25, 13, decode: (3.0, 11.4), hint: nil)), "pointer hint")
    }

    func testAnAgentStartsOnceTheLastSegmentHeldAndItsWindowBegan() {
        let s = segment(0, 0, 13, decode: (1.2, 5.0))
        XCTAssertNil(ProvisionalAgent.launch(s, previous: nil, covered: 3), "first sight")
        XCTAssertEqual(ProvisionalAgent.launch(s, previous: s, covered: 3), s)
        XCTAssertEqual(ProvisionalAgent.launch(s, previous: segment(0, 0, 13, decode: (1.2 + 1e-6, 4.0)), covered: 3), s,
                       "the plan so far's own sample interval moves the decode start a little; its end grows")
        XCTAssertNil(ProvisionalAgent.launch(s, previous: s, covered: 1.1), "window not begun")
        XCTAssertNil(ProvisionalAgent.launch(s, previous: segment(0, 0, 13, decode: (0.4, 4.0)), covered: 3), "decode start moved")
        XCTAssertNil(ProvisionalAgent.launch(s, previous: segment(1, 0, 13, decode: (1.2, 5.0)), covered: 3), "another segment")
        XCTAssertNil(ProvisionalAgent.launch(nil, previous: s, covered: 3))
    }

    func testFramesAreReadOnlyWhereTheFinalWindowCertainlyReaches() {
        let samples = stride(from: 0.0, to: 6.0, by: 0.5).map { MotionSample(time: $0, contentPixels: ($0 == 2.0 || $0 == 3.5) ? 10 : 0) }
        XCTAssertEqual(ProvisionalAgent.deliverBound(samples, duration: 12, postroll: 1.2), 4.7, accuracy: 1e-9)
        XCTAssertEqual(ProvisionalAgent.deliverBound(samples, duration: 4, postroll: 1.2), 4)
        XCTAssertEqual(ProvisionalAgent.deliverBound(samples.map { MotionSample(time: $0.time) }, duration: 12, postroll: 1.2), -.infinity)
    }

    /// The orchestrator's side: an agent starts on the plan so far's last segment; a final plan
    /// whose last segment is another one stops it and leaves nothing; an agreeing one keeps it.
    func testTheDiscardPath() async throws {
        let path = try clip()
        let info = try Probe.probe(path: path)
        let (growing, final) = try snapshots(path, every: 30, budget: 64 << 20)
        // Activity from 2 s to 5 s: one segment while the pass runs.
        func samples(upTo t: Double, later: Bool) -> [MotionSample] {
            stride(from: 0.0, to: t, by: 1.0 / 30).map { s in
                MotionSample(time: s, contentPixels: (2.0...5.0).contains(s) || (later && (9.0...10.0).contains(s)) ? 50 : 0)
            }
        }
        let layout = ScreenLayout.fullFrame(width: 192, height: 108)
        for later in [false, true] {
            let started = Counter()
            let agent = ProvisionalAgent(planner: SegmentPlanner(), info: info, clock: Date()) { segment, _, source, _ in
                started.increment()
                let decoder = GrowingStoreDecoder(path: path, info: info, source: source)
                try await decoder.frames(from: segment.decodeStart, to: segment.decodeEnd, fps: 15) { _ in }
                return ProvisionalAgent.Outcome(observations: [], delivered: decoder.delivered, request: decoder.requests.first,
                                                steps: 1, began: 0, ended: 0)
            }
            agent.layoutReady(layout)
            for (k, g) in growing.enumerated() where k < 8 {
                agent.progress(MotionPass(samples: samples(upTo: Double(k + 1), later: false), firstFrame: nil, diagnostics: [], frames: g))
            }
            let all = samples(upTo: 12, later: later)
            let plan = SegmentPlanner().plan(all, duration: info.duration)
            XCTAssertEqual(plan.segments.count, later ? 2 : 1)
            let kept = agent.settle(plan, frames: final)
            if later {
                XCTAssertNil(kept, "the final plan's last segment is another one")
                XCTAssertNotNil(agent.dropped)
            } else {
                let a = try XCTUnwrap(kept)
                XCTAssertTrue(ProvisionalAgent.agrees(a.segment, plan.segments[0]))
                let result = await a.task!.value
                guard case .success(let o) = result else { XCTFail("the agent failed: \(result)"); return }
                let job = Analysis.SwarmJob(segments: [plan.segments[0]], preceding: [])
                let decoded = DecodedRecording(frames: final, info: info)
                let expected = await StoreDecoder(path: path, decoded: decoded).indices(from: plan.segments[0].decodeStart,
                                                                                        to: plan.segments[0].decodeEnd, fps: 15)
                XCTAssertEqual(o.delivered, expected)
                let standing = await Analysis.earlyResult(a, job: job, decoded: decoded, path: path, provisional: agent)
                XCTAssertNotNil(standing)
                // Told a window just before it (a run it continues, on another slot grid at 15 frames a
                // second), the same agent's frames are not the job's.
                let s0 = plan.segments[0].decodeStart
                XCTAssertGreaterThan(s0, 7.0 / 30)
                let continued = Analysis.SwarmJob(segments: [plan.segments[0]], preceding: [segment(0, 0, 1, decode: (s0 - 7.0 / 30, s0 - 1.0 / 30))])
                let refused = await Analysis.earlyResult(a, job: continued, decoded: decoded, path: path, provisional: agent)
                XCTAssertNil(refused)
                XCTAssertEqual(agent.dropped, "its frames are not the job's")
            }
            await agent.drain()
            XCTAssertEqual(started.value, 1)
            XCTAssertEqual(agent.launches, 1)
            // Nothing starts once settled.
            agent.progress(MotionPass(samples: all, firstFrame: nil, diagnostics: [], frames: final))
            XCTAssertEqual(agent.launches, 1)
        }
    }
}
