import Foundation
import XCTest
import Media
import Perception
import ScreenCore
import Swarm
import TestSupport
@testable import Vid2AutoKit

/// The analysis with a remote model, against an in-process stub: each fine segment's remote call
/// goes out as soon as the embedded segments it overlaps are analysed (not after the whole
/// embedded pass), and the stub's echo of the hint gives the same actions as the embedded model alone.
final class RemotePipelineTests: XCTestCase {
    let dir = TempDir("vid2auto-remote-pipeline")

    /// When things happened, in seconds since the test began.
    final class Events: @unchecked Sendable {
        // Invariant: `times` is only touched under `lock`.
        private let lock = NSLock(); private var times: [String: Double] = [:]; let t0: Date
        init(since t0: Date = Date()) { self.t0 = t0 }
        func mark(_ e: String) { lock.lock(); if times[e] == nil { times[e] = Date().timeIntervalSince(t0) }; lock.unlock() }
        subscript(_ e: String) -> Double? { lock.lock(); defer { lock.unlock() }; return times[e] }
    }

    /// One named click per segment; the last segment takes `slow` seconds.
    struct SlowModel: VisionModel {
        let name = "embedded-cv"
        let slow: Double
        let last: Int
        let events: Events
        func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
            let i = segment.segment.index
            if i == last { try await Task.sleep(nanoseconds: UInt64(slow * 1e9)) }
            events.mark("embedded \(i) end")
            // One typing run read by two agents: segment 1 saw its start (a partial value),
            // segment 2, whose decode window reaches back into segment 1's span, saw it end.
            let typing = Observation(kind: .typing, time: 8.45, endTime: i == 2 ? 10.2 : 8.49, segment: i,
                                     box: PixelRect(x: 20, y: 100, width: 120, height: 24), role: .textbox,
                                     label: "Name", value: .text(i == 2 ? "Nadia Petrova" : "Nadia Pe"), confidence: 0.9)
            return (i >= 1 ? [typing] : []) + [Observation(kind: .click, time: segment.segment.start + 0.9, segment: i, point: PixelPoint(x: 60, y: 60),
                                box: PixelRect(x: 40, y: 40, width: 60, height: 20), role: .button, text: "Button \(i)", confidence: 0.9)]
        }
    }

    func clip() throws -> String {
        let path = dir.file("white.mp4")
        if !FileManager.default.fileExists(atPath: path) {
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=320x240:r=30", "-t", "1.5", "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        }
        return path
    }

    /// The observations in the hint vid2auto sent, echoed back as the answer (as model_stub.py does).
    static func echo(_ r: StubHTTPServer.Request) -> String {
        let messages = (r.json as? [String: Any])?["messages"] as? [[String: Any]] ?? []
        for m in messages {
            for part in m["content"] as? [[String: Any]] ?? [] {
                if let text = part["text"] as? String, let range = text.range(of: "correct it):\n") {
                    return String(text[range.upperBound...])
                }
            }
        }
        return "{\"observations\":[]}"
    }

    func testRemoteCallsStartWhileLaterSegmentsAreStillAnalysedAndTheActionsStayTheEmbeddedOnes() async throws {
        let events = Events()
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", "/v1/chat/completions") { r in
            let segment = r.text.range(of: "Segment [0-9]+:", options: .regularExpression).map { String(r.text[$0]) } ?? "?"
            events.mark("request \(segment)")
            Thread.sleep(forTimeInterval: 0.3)   // a slow model
            return .respond(status: 200, body: ModelClientTestsCompletion.make(Self.echo(r)))
        }
        // Three bursts far apart → three embedded segments; the first holds two actions (typing in
        // a field, then a click elsewhere after the pointer moved), which the fine plan cuts apart.
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        stages.motion = { _, _, _ in
            let samples = stride(from: 0.0, to: 14.0, by: 1.0 / 30).map { t -> MotionSample in
                var s = MotionSample(time: t)
                if (1.0...1.5).contains(t) { s.contentPixels = 80; s.contentBox = PixelRect(x: 20, y: 20, width: 40, height: 20) }
                if t > 1.55 && t < 1.8 { s.pointerMoved = true; s.pointer = PixelPoint(x: 200, y: 150) }
                if (1.9...2.2).contains(t) { s.contentPixels = 300; s.contentBox = PixelRect(x: 180, y: 140, width: 60, height: 30) }
                if (6...7).contains(t) || (10...11).contains(t) { s.contentPixels = 100; s.contentBox = PixelRect(x: 40, y: 40, width: 60, height: 20) }
                return s
            }
            return MotionPass(samples: samples, firstFrame: nil, diagnostics: [])
        }
        stages.layout = { _, _, _ in .fullFrame(width: 320, height: 240) }
        stages.model = SlowModel(slow: 1.5, last: 2, events: events)
        let alone = try await Analysis.run(path: try clip(), options: AnalysisOptions(agents: 8), stages: stages)

        var config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        config.sendAll = true
        config.maxRequests = 100
        config.backoffBase = 0.01
        let timed = Events(since: events.t0)
        stages.model = SlowModel(slow: 1.5, last: 2, events: timed)
        let tl = try await Analysis.run(path: try clip(), options: AnalysisOptions(agents: 8, remote: config), stages: stages)
        let swarm = try XCTUnwrap(tl.swarm)
        let model = try XCTUnwrap(swarm.model)
        XCTAssertEqual(swarm.segments, 3)
        XCTAssertEqual(model.segments.count, 4, "the fine plan cuts the first segment's two actions apart: \(model.cuts ?? [])")
        XCTAssertTrue((model.cuts ?? []).contains { $0.reason.hasPrefix("between actions") }, "\(model.cuts ?? [])")
        XCTAssertEqual(model.segmentsRouted, 4)
        XCTAssertEqual(model.fallbacks, 0)
        XCTAssertEqual(server.requests.count, 4)
        // The first fine segment's call went out while the slow last segment was still being analysed.
        let firstCall = try XCTUnwrap(events["request Segment 0:"])
        let slowEnd = try XCTUnwrap(timed["embedded 2 end"])
        XCTAssertLessThan(firstCall, slowEnd - 0.5, "remote calls overlap the embedded pass")
        // The same actions as the embedded model alone (what the bench compares: kind, time, value, target).
        func essence(_ actions: [Action]) -> [String] { actions.map { "\($0.kind) \($0.time) \(String(describing: $0.value)) \(String(describing: $0.target))" } }
        XCTAssertEqual(essence(tl.actions), essence(alone.actions))
        XCTAssertEqual(tl.actions.map(\.kind), alone.actions.map(\.kind))
        XCTAssertEqual(tl.actions.compactMap { $0.target?.text }, ["Button 0", "Button 1", "Button 2"])
        XCTAssertEqual(tl.actions.first { $0.kind == .fill }?.value, .text("Nadia Petrova"), "the reading that saw the typing end wins, as without a model")
        XCTAssertTrue(tl.actions.dropFirst().allSatisfy { $0.model == "remote:stub" }, "\(tl.actions.map(\.model))")
        // Kimi's count: one pipelined stage whose longest chain is an embedded job plus a remote call after it.
        XCTAssertLessThan(swarm.criticalSteps, swarm.totalSteps)
        XCTAssertTrue(swarm.planning?.contains("between distinct actions") ?? false)
        let stagesByName = Dictionary(uniqueKeysWithValues: (swarm.timing?.stages ?? []).map { ($0.name, $0) })
        let analyse = try XCTUnwrap(stagesByName["analyse"]), remote = try XCTUnwrap(stagesByName["model"])
        XCTAssertLessThan(remote.start, analyse.end, "the model stage starts before the embedded pass ends")
    }

    func testWithModelAllTheFramesAreEncodedBesideTheEmbeddedPassNotAfterIt() async throws {
        let path = dir.file("white14.mp4")
        if !FileManager.default.fileExists(atPath: path) {
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=320x240:r=10", "-t", "14", "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        }
        let events = Events()
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", "/v1/chat/completions") { r in
            let segment = r.text.range(of: "Segment [0-9]+:", options: .regularExpression).map { String(r.text[$0]) } ?? "?"
            events.mark("request \(segment)")
            return .respond(status: 200, body: ModelClientTestsCompletion.make(Self.echo(r)))
        }
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        stages.motion = { _, _, _ in
            let samples = stride(from: 0.0, to: 14.0, by: 1.0 / 10).map { t -> MotionSample in
                var s = MotionSample(time: t)
                if (1.0...1.5).contains(t) || (6...7).contains(t) || (10...11).contains(t) {
                    s.contentPixels = 100; s.contentBox = PixelRect(x: 40, y: 40, width: 60, height: 20)
                }
                return s
            }
            return MotionPass(samples: samples, firstFrame: nil, diagnostics: [])
        }
        stages.layout = { _, _, _ in .fullFrame(width: 320, height: 240) }
        // A slow encoder (0.5 s a frame, blocking its thread as real encoding does) and a slow
        // last embedded segment (3 s).
        let encodes = Events(since: events.t0)
        let count = EncodeCount()
        var config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        config.maxRequests = 100
        let remote = RemoteVisionModel(client: ModelClient(config: config), encodePNG: { img in
            Thread.sleep(forTimeInterval: 0.5)
            encodes.mark("encode \(count.next())")
            return try PNG.encode(img)
        })
        stages.model = HybridVisionModel(embedded: SlowModel(slow: 3, last: 2, events: events), remote: remote, sendAll: true)
        let tl = try await Analysis.run(path: path, options: AnalysisOptions(agents: 16), stages: stages)
        let model = try XCTUnwrap(tl.swarm?.model)
        let n = model.segments.count
        XCTAssertEqual(n, 3)
        XCTAssertEqual(model.fallbacks, 0)
        XCTAssertEqual(server.requests.count, n)
        XCTAssertEqual(count.value, n, "one key frame per segment (the clip is blank), each encoded once")
        let slowEnd = try XCTUnwrap(events["embedded 2 end"])
        for i in 0..<n { XCTAssertLessThan(try XCTUnwrap(encodes["encode \(i + 1)"]), slowEnd, "encoded while the embedded pass ran") }
        // The call under the slow segment waited for it (its hint), and nothing was encoded after
        // that wait (every encode above came before it, and there were only as many as frames); no
        // bound on how soon it went out, which a busy machine would make flaky.
        let lastCall = try XCTUnwrap(events["request Segment \(n - 1):"])
        XCTAssertGreaterThanOrEqual(lastCall, slowEnd)
        XCTAssertEqual(tl.actions.compactMap { $0.target?.text }, ["Button 0", "Button 1", "Button 2"])
    }

    /// Work in proportion to the window it decodes (a step and 30 ms per tenth of a second, as
    /// reading frames costs the embedded model), one named click per burst start it owns.
    struct BusyModel: VisionModel {
        let name = "embedded-cv"
        let bursts: [Double]
        let events: Events
        func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
            let s = segment.segment, frame = Image(width: 8, height: 8, format: .gray8)
            for _ in 0..<Int(((s.decodeEnd - s.decodeStart) * 10).rounded()) {
                _ = tools.compare(frame, frame, region: PixelRect(x: 0, y: 0, width: 8, height: 8))
                try await Task.sleep(nanoseconds: 30_000_000)
            }
            events.mark("embedded \(s.index) end")
            return bursts.indices.filter { s.owns(bursts[$0] + 0.2) }.map { i in
                Observation(kind: .click, time: bursts[i] + 0.2, segment: s.index, point: PixelPoint(x: 60, y: 60),
                            box: PixelRect(x: 40, y: 40, width: 60, height: 20), role: .button, text: "Button \(i)", confidence: 0.9)
            }
        }
    }

    /// --model-all: four bursts 0.7 s apart are one coarse segment (close bursts share one) but
    /// four remote segments. With the hints from the fine plan (`--fine-hints`) each call waits only for the short
    /// embedded jobs around its span, so the first goes out while later ones are still analysed
    /// and the longest chain (critical steps) is shorter than with the coarse plan's one long job;
    /// the actions stay the embedded model's alone.
    func testWithModelAllEachCallWaitsOnlyForTheShortEmbeddedJobsAroundItsSegment() async throws {
        let bursts = [1.0, 2.2, 3.4, 4.6]
        let server = try StubHTTPServer(); defer { server.stop() }
        let calls = Events(), count = EncodeCount()
        server.on("POST", "/v1/chat/completions") { r in
            let segment = r.text.range(of: "Segment [0-9]+:", options: .regularExpression).map { String(r.text[$0]) } ?? "?"
            calls.mark("request \(segment) of run \((count.next() + 3) / 4)")   // four calls a run
            return .respond(status: 200, body: ModelClientTestsCompletion.make(Self.echo(r)))
        }
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        stages.motion = { _, _, _ in
            let samples = stride(from: 0.0, to: 12.0, by: 1.0 / 30).map { t -> MotionSample in
                var s = MotionSample(time: t)
                if bursts.contains(where: { (($0)...($0 + 0.5)).contains(t) }) {
                    s.contentPixels = 100; s.contentBox = PixelRect(x: 40, y: 40, width: 60, height: 20)
                }
                return s
            }
            return MotionPass(samples: samples, firstFrame: nil, diagnostics: [])
        }
        stages.layout = { _, _, _ in .fullFrame(width: 320, height: 240) }
        stages.model = BusyModel(bursts: bursts, events: Events())
        let alone = try await Analysis.run(path: try clip(), options: AnalysisOptions(agents: 8), stages: stages)
        XCTAssertEqual(alone.swarm?.segments, 1, "close bursts share one coarse segment")
        func essence(_ actions: [Action]) -> [String] { actions.map { "\($0.kind) \($0.time) \(String(describing: $0.target?.text))" } }

        var config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        config.sendAll = true
        config.maxRequests = 100
        func run(fine: Bool, agents: Int = 8) async throws -> (ActionTimeline, Events) {
            let events = Events(since: calls.t0)
            config.fineHints = fine
            stages.model = BusyModel(bursts: bursts, events: events)
            return (try await Analysis.run(path: try clip(), options: AnalysisOptions(agents: agents, remote: config), stages: stages), events)
        }
        // One agent: the same plan (and so the same actions) as many.
        let (single, _) = try await run(fine: true, agents: 1)
        XCTAssertEqual(single.swarm?.segments, 4)
        XCTAssertEqual(essence(single.actions), essence(alone.actions))
        let (coarse, _) = try await run(fine: false)
        let start = Date().timeIntervalSince(calls.t0)
        let (tl, events) = try await run(fine: true)
        let swarm = try XCTUnwrap(tl.swarm), model = try XCTUnwrap(swarm.model)
        XCTAssertEqual(model.segments.count, 4, "\(model.cuts ?? [])")
        XCTAssertEqual(swarm.segments, 4, "the embedded hints use the remote plan's segments")
        XCTAssertEqual(model.fallbacks, 0)
        XCTAssertTrue(swarm.planning?.hasPrefix("embedded hints: 4 segments") ?? false, swarm.planning ?? "")
        XCTAssertEqual(coarse.swarm?.segments, 1)
        XCTAssertTrue(coarse.swarm?.planning?.hasPrefix("embedded pass: 1 segments") ?? false)
        // The first call went out before the last embedded job ended (with the coarse plan it
        // could not: every call waited for the one job).
        XCTAssertEqual(count.value, 12, "four calls a run")
        let firstCall = try XCTUnwrap(calls["request Segment 0: of run 3"]), lastJob = try XCTUnwrap(events["embedded 3 end"])
        XCTAssertGreaterThan(firstCall, start)
        XCTAssertLessThan(firstCall, lastJob, "the first call overlaps the later embedded jobs")
        // Kimi's count: the longest chain is one short job and a call, not the whole recording's job.
        let critical = swarm.criticalSteps, coarseCritical = try XCTUnwrap(coarse.swarm?.criticalSteps)
        XCTAssertLessThan(critical, coarseCritical, "fine: \(critical) of \(swarm.totalSteps), coarse: \(coarseCritical) of \(coarse.swarm?.totalSteps ?? 0)")
        XCTAssertEqual(essence(tl.actions), essence(alone.actions))
        XCTAssertEqual(essence(coarse.actions), essence(alone.actions))
        XCTAssertEqual(tl.actions.compactMap { $0.target?.text }, ["Button 0", "Button 1", "Button 2", "Button 3"])
    }

    /// Counts (thread-safe).
    final class EncodeCount: @unchecked Sendable {
        // Invariant: `n` is only touched under `lock`.
        private let lock = NSLock(); private var n = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
}

/// A chat-completions body around `content`.
enum ModelClientTestsCompletion {
    static func make(_ content: String) -> String {
        let c = String(decoding: try! JSONSerialization.data(withJSONObject: [content], options: [.fragmentsAllowed]), as: UTF8.self)
        return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\(c.dropFirst().dropLast())}}],"
            + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20}}"
    }
}

/// The plan streamed while the motion pass runs: the first remote calls go out before the pass ends.
final class StreamedPipelineTests: XCTestCase {
    let dir = TempDir("vid2auto-streamed-pipeline")

    func testRemoteCallsStartWhileTheMotionPassIsStillRunningAndTheActionsStayTheEmbeddedOnes() async throws {
        let path = dir.file("white.mp4")
        if !FileManager.default.fileExists(atPath: path) {
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=320x240:r=30", "-t", "1.5", "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        }
        let events = RemotePipelineTests.Events()
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", "/v1/chat/completions") { r in
            let segment = r.text.range(of: "Segment [0-9]+:", options: .regularExpression).map { String(r.text[$0]) } ?? "?"
            events.mark("request \(segment)")
            Thread.sleep(forTimeInterval: 0.2)
            return .respond(status: 200, body: ModelClientTestsCompletion.make(RemotePipelineTests.echo(r)))
        }
        let samples = stride(from: 0.0, to: 14.0, by: 1.0 / 30).map { t -> MotionSample in
            var s = MotionSample(time: t)
            if (1.0...1.5).contains(t) { s.contentPixels = 80; s.contentBox = PixelRect(x: 20, y: 20, width: 40, height: 20) }
            if t > 1.55 && t < 1.8 { s.pointerMoved = true; s.pointer = PixelPoint(x: 200, y: 150) }
            if (1.9...2.2).contains(t) { s.contentPixels = 300; s.contentBox = PixelRect(x: 180, y: 140, width: 60, height: 30) }
            if (6...7).contains(t) || (10...11).contains(t) { s.contentPixels = 100; s.contentBox = PixelRect(x: 40, y: 40, width: 60, height: 20) }
            return s
        }
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        // A pass that takes 0.25 s per second of video and reports its progress each second, as
        // the default pass does after each chunk.
        let runs = RemotePipelineTests.EncodeCount()
        stages.motion = { _, _, options in
            let run = runs.next()
            options.firstFrameReady?(nil)   // (the layout needs no frame here)
            for second in 1...14 {
                try await Task.sleep(nanoseconds: 250_000_000)
                options.passProgress?(MotionPass(samples: samples.filter { $0.time < Double(second) }, firstFrame: nil, diagnostics: []))
            }
            events.mark("pass end \(run)")
            return MotionPass(samples: samples, firstFrame: nil, diagnostics: [])
        }
        stages.layout = { _, _, _ in .fullFrame(width: 320, height: 240) }
        stages.model = RemotePipelineTests.SlowModel(slow: 0, last: -1, events: RemotePipelineTests.Events())
        let alone = try await Analysis.run(path: path, options: AnalysisOptions(agents: 8), stages: stages)

        var config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        config.sendAll = true
        config.maxRequests = 100
        let tl = try await Analysis.run(path: path, options: AnalysisOptions(agents: 8, remote: config), stages: stages)
        let swarm = try XCTUnwrap(tl.swarm)
        let model = try XCTUnwrap(swarm.model)
        XCTAssertEqual(swarm.segments, 3)
        XCTAssertEqual(model.segments.count, 4)
        XCTAssertEqual(model.fallbacks, 0)
        XCTAssertEqual(server.requests.count, 4, "every fine segment asked once, none twice")
        // The first segment settles once the pass is past 2.8 s of quiet after it (at ~5 s of
        // video, 1.25 s into a 3.5 s pass): its call goes out long before the pass ends.
        let firstCall = try XCTUnwrap(events["request Segment 0:"])
        let passEnd = try XCTUnwrap(events["pass end 2"])
        XCTAssertLessThan(firstCall, passEnd - 0.5, "the first remote call overlaps the motion pass")
        let stagesByName = Dictionary(uniqueKeysWithValues: (swarm.timing?.stages ?? []).map { ($0.name, $0) })
        let plan = try XCTUnwrap(stagesByName["plan"]), remote = try XCTUnwrap(stagesByName["model"])
        XCTAssertLessThan(remote.start, plan.end, "the model stage starts before the plan of the whole recording exists")
        XCTAssertTrue(swarm.planning?.contains("streamed") ?? false)
        func essence(_ actions: [Action]) -> [String] { actions.map { "\($0.kind) \($0.time) \(String(describing: $0.value)) \(String(describing: $0.target))" } }
        XCTAssertEqual(essence(tl.actions), essence(alone.actions))
        XCTAssertEqual(tl.actions.compactMap { $0.target?.text }, ["Button 0", "Button 1", "Button 2"])
    }
}
