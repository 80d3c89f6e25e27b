import Foundation
import XCTest
import Media
import Perception
import Swarm
import ScreenCore
import TestSupport
@testable import Vid2AutoKit

/// A model that reports fixed observations per segment (and can fail on demand).
struct ScriptedModel: VisionModel {
    let name = "scripted"
    var failing: Set<Int> = []
    func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
        if failing.contains(segment.segment.index) { throw CancellationError() }
        let t = segment.segment.start + 0.1
        return [Observation(kind: .click, time: max(t, segment.segment.decodeStart + 0.1), segment: segment.segment.index,
                            point: PixelPoint(x: 50, y: 50), box: PixelRect(x: 40, y: 40, width: 60, height: 20),
                            role: .button, text: "Button \(segment.segment.index)", confidence: 0.9)]
    }
}

struct NoText: TextReader {
    func read(_ image: Image, mode: TextReadMode) async throws -> TextReading { .empty }
}

final class AnalysisTests: XCTestCase {
    let dir = TempDir("vid2auto-analysis")

    /// A still white clip (nothing happens).
    func idleClip() throws -> String {
        let path = dir.file("idle.mp4")
        if !FileManager.default.fileExists(atPath: path) {
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=320x240:r=30", "-t", "1.5", "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        }
        return path
    }

    func testAnIdleRecordingGivesAnEmptyVersionedTimeline() async throws {
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        let tl = try await Analysis.run(path: try idleClip(), options: AnalysisOptions(agents: 2), stages: stages)
        XCTAssertEqual(tl.version, 1)
        XCTAssertEqual(tl.actions.count, 0)
        XCTAssertEqual(tl.swarm?.segments, 0)
        XCTAssertEqual(tl.source?.width, 320)
        XCTAssertEqual(tl.viewport, Viewport(x: 0, y: 0, width: 320, height: 240))
        XCTAssertNil(tl.startURL)
        let json = try Vid2AutoKit.json(tl)
        XCTAssertTrue(json.contains("\"version\" : 1"))
    }

    /// Three bursts of activity → three segments, each analysed by the injected model; one agent
    /// failing twice becomes a diagnostic and the run goes on.
    func testStagesAreSwappableAndAFailedAgentIsADiagnostic() async throws {
        var stages = AnalysisStages()
        stages.reader = { NoText() }
        stages.motion = { _, _, _ in
            let samples = stride(from: 0.0, to: 12.0, by: 1.0 / 30).map { t in
                MotionSample(time: t, contentPixels: (1...2).contains(t) || (5...6).contains(t) || (9...10).contains(t) ? 100 : 0)
            }
            return MotionPass(samples: samples, firstFrame: nil, diagnostics: [])
        }
        stages.layout = { _, _, _ in
            ScreenLayout(frameWidth: 320, frameHeight: 240, window: PixelRect(x: 0, y: 0, width: 320, height: 240),
                         viewport: PixelRect(x: 0, y: 20, width: 320, height: 220), startURL: "http://app.test/")
        }
        stages.model = ScriptedModel(failing: [1])
        let tl = try await Analysis.run(path: try idleClip(), options: AnalysisOptions(agents: 3), stages: stages)
        XCTAssertEqual(tl.swarm?.segments, 3)
        XCTAssertEqual(tl.swarm?.cuts.count, 2)
        XCTAssertEqual(tl.actions.map(\.kind), [.goto, .click, .click])
        XCTAssertEqual(tl.actions.compactMap { $0.target?.text }, ["Button 0", "Button 2"])
        XCTAssertEqual(tl.actions[1].target?.box, Box(x: 40, y: 20, width: 60, height: 20), "viewport-relative")
        XCTAssertTrue(tl.diagnostics.contains { $0.segment == 1 && $0.severity == .error }, "\(tl.diagnostics)")
        XCTAssertEqual(tl.swarm?.retries, 1)
        let s = try XCTUnwrap(tl.swarm)
        XCTAssertLessThanOrEqual(s.criticalSteps, s.totalSteps)
        XCTAssertGreaterThan(s.criticalSteps, 0)
        // Every segment failing leaves nothing to write: the run stops, naming the file and model.
        stages.model = ScriptedModel(failing: [0, 1, 2])
        let clip = try idleClip()
        do {
            _ = try await Analysis.run(path: clip, options: AnalysisOptions(agents: 3), stages: stages)
            XCTFail("a run with no segment analysed must fail")
        } catch let e as AnalysisError {
            XCTAssertTrue(e.description.hasPrefix(clip + ": the vision model (scripted) failed on every segment (3)"), e.description)
            XCTAssertEqual(Vid2AutoKit.describe(e).1, 69)
        }
    }

    func testUnknownTargetIsAUsageError() async throws {
        do {
            _ = try await Vid2AutoKit.analyse(path: try idleClip(), target: "cobol")
            XCTFail("no error")
        } catch let e as UsageError {
            XCTAssertEqual(Vid2AutoKit.describe(e).1, 64)
        }
    }
}

/// End to end on the committed recordings, with the release binary (the debug build is too slow
/// for pixel loops): precision and recall against the truth, typed values, the start URL.
final class SampleRecordingTests: XCTestCase {
    /// A release `vid2auto`: `$VID2AUTO_RELEASE_BIN`, else the newer of `.build/release` and
    /// `.build-analyser/release`.
    static var releaseBinary: String? {
        if let p = ProcessInfo.processInfo.environment["VID2AUTO_RELEASE_BIN"] { return p }
        let root = MediaFixtures.repoRoot
        func modified(_ p: String) -> Date { (try? FileManager.default.attributesOfItem(atPath: p)[.modificationDate] as? Date) ?? .distantPast }
        return ["\(root)/.build/release/vid2auto", "\(root)/.build-analyser/release/vid2auto"]
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
            .max { modified($0) < modified($1) }
    }

    struct Score { var precision: Double; var recall: Double; var exactFills: Int; var fills: Int; var startURL: Bool }

    /// A simplified version of Tests/harness/scoring.py: same kind, time within the truth's span
    /// ±1 s, compatible text for targets, equal values for goto/press/fill; greedy matching.
    func score(_ timeline: [String: Any], _ truth: [String: Any]) -> Score {
        let pred = timeline["actions"] as? [[String: Any]] ?? []
        let want = truth["actions"] as? [[String: Any]] ?? []
        func norm(_ s: Any?) -> String { (s as? String ?? "").lowercased().split(separator: " ").joined(separator: " ") }
        func strings(_ t: Any?) -> [String] {
            guard let t = t as? [String: Any] else { return [] }
            return ["name", "text", "label", "placeholder"].map { norm(t[$0]) }.filter { !$0.isEmpty }
        }
        var used = Set<Int>(), matched = 0, exact = 0
        for w in want {
            let kind = w["kind"] as? String, start = w["start"] as? Double ?? 0, end = w["end"] as? Double ?? start
            let hit = pred.indices.first { i in
                let p = pred[i]
                guard !used.contains(i), p["kind"] as? String == kind, let t = p["time"] as? Double,
                      t >= start - 1, t <= end + 1 else { return false }
                switch kind {
                case "goto", "press": return norm(p["value"]).trimmingCharacters(in: CharacterSet(charactersIn: "/")) == norm(w["value"]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                case "scroll": return ((p["value"] as? Double ?? 0) > 0) == ((w["value"] as? Double ?? 0) > 0)
                default:
                    let ts = strings(w["target"]), ps = strings(p["target"])
                    return ts.isEmpty || ps.contains { a in ts.contains { b in a == b || a.contains(b) || b.contains(a) } }
                }
            }
            if let i = hit {
                used.insert(i); matched += 1
                if kind == "fill" {
                    let secret = w["secret"] as? Bool ?? false
                    if secret ? (pred[i]["secret"] as? Bool ?? false) : (pred[i]["value"] as? String == w["value"] as? String) { exact += 1 }
                }
            }
        }
        let fills = want.filter { $0["kind"] as? String == "fill" }.count
        return Score(precision: pred.isEmpty ? 0 : Double(matched) / Double(pred.count),
                     recall: want.isEmpty ? 1 : Double(matched) / Double(want.count), exactFills: exact, fills: fills,
                     startURL: norm(timeline["startURL"]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                        == norm(truth["startURL"]).trimmingCharacters(in: CharacterSet(charactersIn: "/")))
    }

    /// The newest modification time of the analysis sources (a binary older than this is stale).
    static var sourcesModified: Date {
        let root = MediaFixtures.repoRoot
        var newest = Date.distantPast
        for dir in ["Sources/Perception", "Sources/Vid2AutoKit", "Sources/Swarm", "Sources/ScreenCore"] {
            for f in (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(dir)")) ?? [] {
                if let d = try? FileManager.default.attributesOfItem(atPath: "\(root)/\(dir)/\(f)")[.modificationDate] as? Date, d > newest { newest = d }
            }
        }
        return newest
    }

    func run(_ scenario: String) throws -> Score {
        guard let bin = Self.releaseBinary else { throw XCTSkip("no release vid2auto built (swift build -c release)") }
        if ProcessInfo.processInfo.environment["VID2AUTO_RELEASE_BIN"] == nil,
           let built = try? FileManager.default.attributesOfItem(atPath: bin)[.modificationDate] as? Date, built < Self.sourcesModified {
            throw XCTSkip("\(bin) is older than the sources: rebuild it with swift build -c release")
        }
        let rec = "\(MediaFixtures.repoRoot)/samples/recordings"
        guard let video = ["mp4", "webm"].map({ "\(rec)/\(scenario).\($0)" }).first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw XCTSkip("recording \(scenario) not present")
        }
        let dir = TempDir("vid2auto-e2e")
        let out = dir.file("t.json")
        let r = try Shell.run(bin, [video, "--target", "timeline", "-o", out], environment: ["OMP_THREAD_LIMIT": "1"], timeout: 300)
        XCTAssertEqual(r.status, 0, r.stderr)
        let tl = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(rec)/\(scenario).truth.json"))) as! [String: Any]
        XCTAssertEqual(tl["version"] as? Int, 1)
        XCTAssertNotNil(tl["swarm"])
        return score(tl, truth)
    }

    func testTodoRecording() throws {
        let s = try run("todo-typo-clear")
        XCTAssertGreaterThanOrEqual(s.recall, 0.8)
        XCTAssertGreaterThanOrEqual(s.precision, 0.8)
        XCTAssertGreaterThanOrEqual(s.exactFills, s.fills - 1)
        XCTAssertTrue(s.startURL)
    }

    func testSignupRecording() throws {
        let s = try run("signup-register")
        XCTAssertGreaterThanOrEqual(s.recall, 0.7)
        XCTAssertGreaterThanOrEqual(s.precision, 0.6)
        XCTAssertTrue(s.startURL)
    }
}

/// The remote backend's wire format, without a network.
final class RemoteModelTests: XCTestCase {
    func testRepliesBecomeObservationsInVideoPixelsAndSecretsLoseTheirValue() throws {
        let reply = """
            Here you go:
            ```json
            {"observations": [
              {"kind": "typing", "time": 3.2, "endTime": 5.0, "box": {"x": 100, "y": 50, "width": 200, "height": 20},
               "role": "textbox", "label": "Password", "value": "hunter2", "secret": true},
              {"kind": "click", "time": 6.0, "point": {"x": 10, "y": 20}, "role": "button", "text": "Sign in"},
              {"kind": "teleport", "time": 7.0}
            ], "read": [{"x": 5, "y": 6, "width": 70, "height": 12, "time": 6.0}]}
            ```
            """
        let (obs, reads) = try RemoteVisionModel.parse(reply, segment: 4, scale: 2)
        XCTAssertEqual(obs.map(\.kind), [.typing, .click])
        XCTAssertTrue(obs[0].secret)
        XCTAssertNil(obs[0].value)
        XCTAssertEqual(obs[0].box, PixelRect(x: 200, y: 100, width: 400, height: 40))
        XCTAssertEqual(obs[1].point, PixelPoint(x: 20, y: 40))
        XCTAssertEqual(obs[1].segment, 4)
        XCTAssertEqual(reads.count, 1)
        XCTAssertThrowsError(try RemoteVisionModel.parse("no json here", segment: 0))
        let encode: @Sendable (Image) throws -> Data = { try PNG.encode($0) }
        XCTAssertNil(RemoteVisionModel.fromEnvironment([:], encodePNG: encode))
        XCTAssertEqual(RemoteVisionModel.fromEnvironment(["VID2AUTO_MODEL_URL": "http://127.0.0.1:9/v1/chat/completions",
                                                          "VID2AUTO_MODEL_NAME": "kimi-k2.5"], encodePNG: encode)?.name, "remote:kimi-k2.5")
    }

    func testKeyFramesAreValidPNG() throws {
        var img = Image(width: 70, height: 30, format: .gray8, filledWith: 200)
        img.pixels[5 * 70 + 7] = 0
        var config = RemoteModelConfig(endpoint: URL(string: "http://127.0.0.1:9/v1/chat/completions")!, model: "m", apiKey: nil)
        config.maxRequests = 1
        let data = try Analysis.remoteModel(config).encodePNG(img)
        let back = try PNG.decode(data, path: "mem.png", format: .gray8)
        XCTAssertEqual(back.width, 70)
        XCTAssertEqual(back.height, 30)
        XCTAssertEqual(back.pixels[5 * back.bytesPerRow + 7], 0)
        XCTAssertEqual(back.pixels[0], 200)
    }
}
