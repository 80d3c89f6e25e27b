import Foundation
import XCTest
import Perception
import ScreenCore
import Swarm
import TestSupport
@testable import Vid2AutoKit

/// The remote plan's minimum parallelism (`RemoteModelConfig.minSegments`), end to end against an
/// in-process stub that echoes the hint: a recording whose remote plan has too few segments gets
/// its longest burst split between actions, one more request per piece, the plan says why, and
/// the actions stay the embedded model's alone — at 1 agent and at many, streamed or not.
final class RemoteParallelismTests: XCTestCase {
    let dir = TempDir("vid2auto-remote-parallelism")

    /// Three clicks in one burst (at alternating places, the pointer moving in lulls of about
    /// 0.15 s — too short for the cut between actions) and one click alone 3 s later.
    static let clicks: [(start: Double, end: Double, x: Int)] = [(1.0, 1.5, 20), (1.62, 2.12, 200), (2.24, 2.74, 20), (6.0, 6.5, 120)]
    static let samples: [MotionSample] = stride(from: 0.0, to: 9.0, by: 1.0 / 30).map { t in
        var s = MotionSample(time: t)
        if let c = clicks.first(where: { ($0.start...$0.end).contains(t) }) {
            s.contentPixels = 120; s.contentBox = PixelRect(x: c.x, y: 60, width: 60, height: 24)
        }
        if clicks.contains(where: { t > $0.end && t < $0.end + 0.12 }) { s.pointerMoved = true; s.pointer = PixelPoint(x: 150, y: 70) }
        return s
    }

    /// One named click for each click of the signal whose start it owns.
    struct ClickModel: VisionModel {
        let name = "embedded-cv"
        func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
            RemoteParallelismTests.clicks.indices.filter { segment.segment.owns(RemoteParallelismTests.clicks[$0].start + 0.1) }.map { i in
                let c = RemoteParallelismTests.clicks[i]
                return Observation(kind: .click, time: c.start + 0.1, segment: segment.segment.index, point: PixelPoint(x: c.x + 30, y: 72),
                                   box: PixelRect(x: c.x, y: 60, width: 60, height: 24), role: .button, text: "Button \(i)", confidence: 0.9)
            }
        }
    }

    func clip() throws -> String {
        let path = dir.file("white9.mp4")
        if !FileManager.default.fileExists(atPath: path) {
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=320x240:r=10", "-t", "9", "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        }
        return path
    }

    func stages(streamed: Bool) -> AnalysisStages {
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        stages.layout = { _, _, _ in .fullFrame(width: 320, height: 240) }
        stages.model = ClickModel()
        stages.motion = { _, _, options in
            options.firstFrameReady?(nil)
            if streamed {
                // Progress each second of video, as the default pass reports after each chunk.
                for second in 1...9 {
                    options.passProgress?(MotionPass(samples: Self.samples.filter { $0.time < Double(second) }, firstFrame: nil, diagnostics: []))
                    try await Task.sleep(nanoseconds: 20_000_000)
                }
            }
            return MotionPass(samples: Self.samples, firstFrame: nil, diagnostics: [])
        }
        return stages
    }

    func testTooFewRemoteSegmentsAreSplitBetweenActionsAndTheActionsStayTheEmbeddedOnes() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", "/v1/chat/completions") { r in
            .respond(status: 200, body: ModelClientTestsCompletion.make(RemotePipelineTests.echo(r)))
        }
        func essence(_ actions: [Action]) -> [String] { actions.map { "\($0.kind) \($0.time) \(String(describing: $0.target?.text))" } }
        let alone = try await Analysis.run(path: try clip(), options: AnalysisOptions(agents: 4), stages: stages(streamed: false))
        XCTAssertEqual(alone.actions.compactMap { $0.target?.text }, ["Button 0", "Button 1", "Button 2", "Button 3"])

        var config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        config.sendAll = true
        config.maxRequests = 100
        func run(_ config: RemoteModelConfig, agents: Int, streamed: Bool = false) async throws -> (ActionTimeline, requests: Int) {
            let before = server.requests.count
            let tl = try await Analysis.run(path: try clip(), options: AnalysisOptions(agents: agents, remote: config), stages: stages(streamed: streamed))
            return (tl, server.requests.count - before)
        }

        // Without the rule: two remote segments (the burst, the lone click).
        var off = config
        off.minSegments = 0
        let (plain, plainRequests) = try await run(off, agents: 8)
        XCTAssertEqual(plain.swarm?.model?.segments.count, 2, "\(plain.swarm?.model?.cuts ?? [])")
        XCTAssertEqual(plainRequests, 2)
        XCTAssertFalse(plain.swarm?.planning?.contains("minimum parallelism") ?? true)

        // With it (default 8): the burst is cut at both lulls; one request per piece.
        XCTAssertEqual(config.minSegments, 8)
        let (tl, requests) = try await run(config, agents: 8)
        let swarm = try XCTUnwrap(tl.swarm), model = try XCTUnwrap(swarm.model)
        XCTAssertEqual(model.segments.count, 4, "\(model.cuts)")
        XCTAssertEqual(requests, 4)
        XCTAssertEqual(model.requests, 4)
        XCTAssertEqual(model.fallbacks, 0)
        let added = model.cuts.filter { $0.reason.hasPrefix("parallelism") }
        XCTAssertEqual(added.count, 2, "\(model.cuts)")
        XCTAssertTrue(added.allSatisfy { ($0.time > 1.5 && $0.time < 1.62) || ($0.time > 2.12 && $0.time < 2.24) }, "\(added)")
        XCTAssertTrue(swarm.planning?.contains("minimum parallelism: the remote plan had 2 segments, fewer than 8") ?? false, swarm.planning ?? "")
        XCTAssertTrue(swarm.planning?.contains("into 2 more, one more request each") ?? false, swarm.planning ?? "")
        XCTAssertEqual(essence(tl.actions), essence(alone.actions))
        // The embedded plan is not the rule's business.
        XCTAssertEqual(swarm.segments, plain.swarm?.segments)

        // One agent analyses the same plan (the speedup compares the same work), with the same actions.
        let (single, singleRequests) = try await run(config, agents: 1)
        XCTAssertEqual(single.swarm?.model?.cuts, model.cuts)
        XCTAssertEqual(singleRequests, 4)
        XCTAssertEqual(essence(single.actions), essence(alone.actions))

        // Streamed while the pass runs: the segments sent early are the whole plan's.
        let (streamed, _) = try await run(config, agents: 8, streamed: true)
        XCTAssertEqual(streamed.swarm?.model?.cuts, model.cuts)
        XCTAssertEqual(essence(streamed.actions), essence(alone.actions))

        // No more pieces than requests may be in flight at once.
        var narrow = config
        narrow.maxRequests = 3
        let (three, threeRequests) = try await run(narrow, agents: 8)
        XCTAssertEqual(three.swarm?.model?.segments.count, 3, "\(three.swarm?.model?.cuts ?? [])")
        XCTAssertEqual(threeRequests, 3)
        XCTAssertEqual(essence(three.actions), essence(alone.actions))
    }
}
