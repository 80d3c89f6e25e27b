import Foundation
import XCTest
import Media
import ScreenCore
import TestSupport
@testable import Vid2AutoKit

/// Decode once: the agents' frames rebuilt from the motion pass's decode are exactly the frames
/// their own decoder would deliver, for every pattern of calls a run of segments makes.
final class StoreDecoderTests: XCTestCase {
    let dir = TempDir("vid2auto-store")

    /// A 12 s clip where every frame changes, a keyframe every 2 s.
    func clip() throws -> String { try MediaFixtures.busyClip(in: dir) }

    /// The recording decoded once in chunks starting at `starts` (as the parallel motion pass does).
    func store(_ path: String, starts: [Double], budget: Int = 64 << 20) throws -> DecodedFrames {
        let b = FrameStoreBudget(bytes: budget)
        var chunks: [LumaChunk] = []
        for (k, s) in starts.enumerated() {
            let recorder = LumaRecorder(budget: b)
            let reader = try VideoReader(path: path, renditions: [Rendition(width: 48, format: .gray8)],
                                         sampling: FrameSampling(start: s, end: k + 1 < starts.count ? starts[k + 1] : nil),
                                         threads: 1, recorder: recorder)
            while try reader.next() != nil {}
            chunks.append(recorder.finish())
        }
        return DecodedFrames(chunks: chunks)
    }

    /// (time, rows) of every frame a source delivers for `calls`, per call.
    func deliveries(_ source: any SegmentFrameSource, _ calls: [(Double, Double)], fps: Double) async throws -> [[String]] {
        var out: [[String]] = []
        for (a, b) in calls { out.append(try await frameDeliveries(source, from: a, to: b, fps: fps)) }
        return out
    }

    func testRebuiltFramesAreThoseTheAgentsDecoderDelivers() async throws {
        let path = try clip()
        let info = try Probe.probe(path: path)
        let runs: [[(Double, Double)]] = [
            [(0, 1.2), (1.5, 2.7), (3.1, 4.0), (4.0, 5.5)],        // a run continuing between segments
            [(0.35, 1.0), (0.9, 2.0), (6.5, 7.0), (11.2, 13.0)],  // going back, far ahead, past the end
            [(11.5, 12.5), (11.9, 12.5)],                          // after the end: starts over
            [(2.05, 2.1), (2.1, 2.2), (5.0, 5.01)],                // windows with one frame or none
        ]
        for starts in [[0.0], [0.0, 4.0, 8.0]] {
            for budget in [64 << 20, 400_000] {   // everything kept; the budget running out mid-way
                let frames = try store(path, starts: starts, budget: budget)
                XCTAssertEqual(frames.times.count, 360)
                if budget < 1 << 20 { XCTAssertLessThan(frames.storedCount, 360); XCTAssertGreaterThan(frames.storedCount, 0) }
                let decoded = DecodedRecording(frames: frames, info: info)
                for fps in [15.0, 7.0, 30.0] {
                    for calls in runs {
                        let expected = try await deliveries(ForwardDecoder(path: path), calls, fps: fps)
                        let got = try await deliveries(StoreDecoder(path: path, decoded: decoded), calls, fps: fps)
                        XCTAssertEqual(got, expected, "chunks \(starts) budget \(budget) fps \(fps) calls \(calls)")
                        // A segment taken out of its run, told the windows before it, sees the same frames.
                        for k in calls.indices where budget > 1 << 20 {
                            let alone = StoreDecoder(path: path, decoded: decoded, preceding: Array(calls[..<k]))
                            let one = try await deliveries(alone, [calls[k]], fps: fps)
                            XCTAssertEqual(one, [expected[k]], "call \(k) of \(calls) alone, fps \(fps)")
                        }
                    }
                }
            }
        }
    }

    func testTheMotionPassKeepsEveryFrameAndTheLayoutFrame() async throws {
        let path = try clip()
        let info = try Probe.probe(path: path)
        let pass = try await Analysis.motionPass(path: path, info: info, options: AnalysisOptions(agents: 2))
        let frames = try XCTUnwrap(pass.frames)
        XCTAssertEqual(frames.times.count, 360)
        XCTAssertEqual(frames.storedCount, 360)
        // The layout's frame is the one decoding it from the file gives.
        let direct = try XCTUnwrap(try Analysis.firstFrame(path: path))
        let first = try XCTUnwrap(pass.firstFrame)
        XCTAssertEqual(first.width, direct.width)
        for y in 0..<first.height {
            XCTAssertEqual(first.pixels[first.offset(x: 0, y: y)..<first.offset(x: first.width, y: y)],
                           direct.pixels[direct.offset(x: 0, y: y)..<direct.offset(x: direct.width, y: y)], "row \(y)")
        }
    }
}
