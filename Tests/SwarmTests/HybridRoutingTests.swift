import Foundation
import XCTest
import ScreenCore
@testable import Swarm
import TestSupport

/// What these tests' remote model sends for a key frame: the stub servers never decode it, and Swarm
/// has no PNG encoder of its own (the assembly injects Media's).
let stubFrame = Data("frame".utf8)

/// Hybrid routing: which segments go to the remote model, what it is told, and what stands when it fails.
final class HybridRoutingTests: XCTestCase {
    /// A model that answers each segment from a table.
    struct TableModel: VisionModel {
        let name = "embedded-cv"
        let table: [Int: [Observation]]
        func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] { table[segment.segment.index] ?? [] }
    }

    /// Tools over one blank frame.
    struct BlankTools: AgentTools {
        func forEachFrame(from start: Double, to end: Double, fps: Double?, _ body: (Frame) async throws -> Void) async throws {
            try await body(Frame(index: 0, time: start, images: [Image(width: 64, height: 40, format: .gray8, filledWith: 250)]))
        }
        func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading { .empty }
        func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? { nil }
        func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double { 0 }
        func readField(_ field: PixelRect, in image: Image) async throws -> String? { nil }
    }

    func context(_ i: Int, active: Bool = true) -> SegmentContext {
        let seg = Segment(index: i, start: Double(i) * 2, end: Double(i) * 2 + 2)
        return SegmentContext(segment: seg, layout: .fullFrame(width: 64, height: 40),
                              motion: [MotionSample(time: Double(i) * 2 + 0.5, contentPixels: active ? 40 : 0)], frameRate: 30)
    }

    /// Counts calls of a PNG encoder (the frame work `prepare` takes off the call's path).
    final class EncodeCount: @unchecked Sendable {
        // Invariant: `n` is only touched under `lock`.
        private let lock = NSLock(); private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    func testAPreparedRequestIsTheSameRequestWithoutEncodingTheFramesAgain() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", "/v1/chat/completions") { _ in
            .respond(status: 200, body: ModelClientTests.completion("{\"observations\":[]}"))
        }
        let config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        let encoded = EncodeCount()
        let remote = RemoteVisionModel(client: ModelClient(config: config), encodePNG: { _ in encoded.add(); return stubFrame })
        let hint = [Observation(kind: .click, time: 2.5, box: PixelRect(x: 1, y: 1, width: 9, height: 9), text: "Save", confidence: 0.9)]
        let tools = BlankTools()
        _ = try await remote.analyse(segment: context(1), tools: tools, hint: hint)
        XCTAssertEqual(encoded.value, 1)
        let prepared = try await remote.prepare(segment: context(1), tools: tools)
        XCTAssertEqual(encoded.value, 2)
        XCTAssertEqual(prepared.keys.count, 1)
        _ = try await remote.analyse(segment: context(1), tools: tools, hint: hint, prepared: prepared)
        XCTAssertEqual(encoded.value, 2, "the prepared frames are used, not encoded again")
        XCTAssertEqual(server.requests.count, 2)
        // (JSON objects compared with their keys sorted: a dictionary's key order is not fixed.)
        func canonical(_ r: StubHTTPServer.Request) -> String {
            r.json.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        XCTAssertFalse(canonical(server.requests[0]).isEmpty)
        XCTAssertEqual(canonical(server.requests[0]), canonical(server.requests[1]), "the request made without preparing")
        // Prepared for another segment: not used, the frames are made for this one.
        _ = try await remote.analyse(segment: context(2), tools: tools, hint: nil, prepared: prepared)
        XCTAssertEqual(encoded.value, 3)
        XCTAssertTrue(server.requests[2].text.contains("Segment 2:"))
        // Through the hybrid: --model-all with a prepared request sends it as is.
        let hybrid = HybridVisionModel(embedded: TableModel(table: [1: hint]), remote: remote, sendAll: true)
        let out = try await hybrid.refine(segment: context(1), tools: tools, local: hint, prepared: prepared)
        XCTAssertEqual(encoded.value, 3)
        XCTAssertEqual(canonical(server.requests[3]), canonical(server.requests[0]))
        XCTAssertEqual(out, [], "the remote answer stands")
    }

    func testLowConfidenceUnnamedAndUnexplainedSegmentsAreTheOnesRouted() {
        let good = Observation(kind: .click, time: 0.5, box: PixelRect(x: 1, y: 1, width: 9, height: 9), text: "Save", confidence: 0.9)
        var unnamed = good; unnamed.text = nil
        var unsure = good; unsure.confidence = 0.3
        let scroll = Observation(kind: .scroll, time: 0.5, value: .pixels(200), confidence: 0.9)
        XCTAssertNil(HybridVisionModel.doubt([good], segment: context(0), threshold: 0.5))
        XCTAssertNil(HybridVisionModel.doubt([scroll], segment: context(0), threshold: 0.5), "a scroll needs no name")
        XCTAssertNil(HybridVisionModel.doubt([], segment: context(0, active: false), threshold: 0.5), "nothing changed, nothing missed")
        XCTAssertEqual(HybridVisionModel.doubt([], segment: context(0), threshold: 0.5), "a change with no action")
        XCTAssertTrue(HybridVisionModel.doubt([unnamed], segment: context(0), threshold: 0.5)!.contains("without a name"))
        XCTAssertTrue(HybridVisionModel.doubt([unsure], segment: context(0), threshold: 0.5)!.contains("low confidence 0.30"))
    }

    func testOnlyDoubtfulSegmentsReachTheRemoteModelWithTheHintAndFailuresFallBack() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        // Segment 1's answer is good; segment 2's is never JSON (even after the repair round).
        server.on("POST", "/v1/chat/completions") { r in
            let text = r.text
            if text.contains("Segment 1:") {
                return .respond(status: 200, body: ModelClientTests.completion(
                    "{\"observations\":[{\"kind\":\"click\",\"time\":2.5,\"box\":{\"x\":2,\"y\":2,\"width\":10,\"height\":8},\"text\":\"Next\",\"role\":\"button\"}]}"))
            }
            return .respond(status: 200, body: ModelClientTests.completion("{\"observations\": [{\"kind\": \"cli"))
        }
        let good = Observation(kind: .click, time: 0.5, box: PixelRect(x: 1, y: 1, width: 9, height: 9), text: "Save", confidence: 0.9)
        var unsure = good; unsure.time = 4.5; unsure.confidence = 0.2
        let embedded = TableModel(table: [0: [good], 2: [unsure]])
        var config = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        config.backoffBase = 0.01
        let hybrid = HybridVisionModel(embedded: embedded, remote: RemoteVisionModel(client: ModelClient(config: config), encodePNG: { _ in stubFrame }))
        let tools = BlankTools()
        let o0 = try await hybrid.analyse(segment: context(0), tools: tools)
        let o1 = try await hybrid.analyse(segment: context(1), tools: tools)
        let o2 = try await hybrid.analyse(segment: context(2), tools: tools)
        XCTAssertEqual(o0.map(\.model), ["embedded-cv"])
        XCTAssertEqual(o1.map(\.text), ["Next"]); XCTAssertEqual(o1.map(\.model), ["remote:stub"])
        XCTAssertEqual(o2, [{ var u = unsure; u.model = "embedded-cv"; return u }()], "the embedded observations stand")
        // Segment 0 never went out; segment 1 once; segment 2 twice (the repair round), with the hint.
        let bodies = server.requests.map(\.text)
        XCTAssertFalse(bodies.contains { $0.contains("Segment 0:") })
        XCTAssertEqual(bodies.filter { $0.contains("Segment 1:") }.count, 1)
        XCTAssertEqual(bodies.filter { $0.contains("Segment 2:") }.count, 2)
        XCTAssertTrue(bodies.last!.contains("could not be used"))
        XCTAssertTrue(bodies.last!.contains("correct it"), "the embedded observations go along as a hint")
        let content = (server.requests[0].json as? [String: Any]).flatMap { ($0["messages"] as? [[String: Any]])?.last?["content"] as? [[String: Any]] }
        XCTAssertEqual(content?.first?["type"] as? String, "text")
        XCTAssertTrue((content?.last?["image_url"] as? [String: Any])?["url"].map { "\($0)".hasPrefix("data:image/png;base64,") } ?? false)
        let usage = hybrid.meter.report(name: "remote:stub", endpoint: "e", routing: "hybrid")
        XCTAssertEqual(usage.segmentsRouted, 2)
        XCTAssertEqual(usage.fallbacks, 1)
        XCTAssertEqual(usage.segments.map(\.model), ["embedded-cv", "remote:stub", "embedded-cv"])
        XCTAssertTrue(usage.segments[2].fallback?.contains("repair round") ?? false, "\(usage.segments[2])")
    }

    func testWrongSchemaIsAnErrorWorthARepairRound() {
        XCTAssertThrowsError(try RemoteVisionModel.parse("{\"actions\": []}", segment: 0))
        XCTAssertThrowsError(try RemoteVisionModel.parse("{\"observations\": {\"kind\": \"click\"}}", segment: 0))
        XCTAssertThrowsError(try RemoteVisionModel.parse("{\"observations\": [{\"kind\": \"click\"}]}", segment: 0))
        XCTAssertThrowsError(try RemoteVisionModel.parse("{\"observations\": [", segment: 0))
        XCTAssertEqual(try RemoteVisionModel.parse("{\"observations\": []}", segment: 0).observations.count, 0)
        // 0 and 1 are numbers, true and false flags.
        let (obs, reads) = try! RemoteVisionModel.parse("""
            {"observations": [{"kind": "scroll", "time": 1, "value": 1}, {"kind": "check", "time": 0, "value": true,
              "box": {"x": 0, "y": 1, "width": 10, "height": 10}}], "read": [{"x": 0, "y": 0, "width": 1, "height": 1, "time": 1.0}]}
            """, segment: 0)
        XCTAssertEqual(obs.map(\.value), [.pixels(1), .flag(true)])
        XCTAssertEqual(obs.map(\.time), [1, 0])
        XCTAssertEqual(obs[1].box, PixelRect(x: 0, y: 1, width: 10, height: 10))
        XCTAssertEqual(reads.count, 1)
    }

    func testTheHintRoundTripsThroughTheWireFormat() throws {
        let o = Observation(kind: .select, time: 1.25, endTime: 1.5, segment: 3, point: PixelPoint(x: 300, y: 200),
                            box: PixelRect(x: 120, y: 60, width: 240, height: 30), role: .combobox, label: "Country",
                            value: .text("France"), popup: PixelRect(x: 120, y: 90, width: 240, height: 150),
                            appeared: ["Shipping to France"], confidence: 0.75, evidence: [1.25, 1.4])
        let wire = RemoteVisionModel.wire(o, scale: 2)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["observations": [wire]]), as: UTF8.self)
        let back = try RemoteVisionModel.parse(json, segment: 3, scale: 2).observations
        XCTAssertEqual(back, [o])
    }
}
