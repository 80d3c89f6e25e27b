import Foundation
import XCTest
import ScreenCore
@testable import Swarm
import TestSupport

/// The remote model's HTTP behaviour against an in-process stub endpoint: retries and backoff,
/// Retry-After, the request cap, deadlines, the size cap, refused keys, the cache and the meter.
final class ModelClientTests: XCTestCase {
    static let key = "sk-unit-NEVER-PRINT-7"
    static let path = "/v1/chat/completions"

    /// A completion whose content is `content`.
    static func completion(_ content: String, prompt: Int = 100, completion: Int = 20) -> String {
        let c = String(decoding: try! JSONSerialization.data(withJSONObject: [content], options: [.fragmentsAllowed]), as: UTF8.self)
        return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\(c.dropFirst().dropLast())}}],"
            + "\"usage\":{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion)}}"
    }

    final class Count: @unchecked Sendable {
        private let lock = NSLock(); private var n = 0, live = 0, peakLive = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
        func enter() { lock.lock(); live += 1; peakLive = max(peakLive, live); lock.unlock() }
        func leave() { lock.lock(); live -= 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
        var peak: Int { lock.lock(); defer { lock.unlock() }; return peakLive }
    }

    func client(_ server: StubHTTPServer, cache: URL? = nil, configure: (inout RemoteModelConfig) -> Void = { _ in }) -> ModelClient {
        var c = RemoteModelConfig(endpoint: URL(string: server.url + Self.path)!, model: "stub-k2.5", apiKey: Self.key)
        c.backoffBase = 0.05; c.backoffCap = 0.5; c.requestTimeout = 5; c.cacheDirectory = cache
        c.pricePerMillionInput = 0.6; c.pricePerMillionOutput = 2.5
        configure(&c)
        return ModelClient(config: c)
    }

    let messages: [[String: Any]] = [["role": "user", "content": [["type": "text", "text": "hello"]]]]

    func test429WithRetryAfterIsHonouredThenAnswered() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        let n = Count()
        server.on("POST", Self.path) { _ in
            n.next() <= 2 ? .respond(status: 429, body: "{\"error\":{\"message\":\"slow down\"}}", headers: ["Retry-After": "0.3"])
                          : .respond(status: 200, body: Self.completion("{\"observations\":[]}"))
        }
        let c = client(server)
        let started = Date()
        let text = try await c.complete(messages, schema: [:], segment: 3)
        XCTAssertEqual(text, "{\"observations\":[]}")
        XCTAssertEqual(n.value, 3)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.55, "Retry-After: 0.3 twice")
        let r = c.meter.report(name: "remote:stub-k2.5", endpoint: "e", routing: "all")
        XCTAssertEqual(r.requests, 3); XCTAssertEqual(r.rateLimited, 2); XCTAssertEqual(r.retries, 2)
        XCTAssertEqual(r.promptTokens, 100); XCTAssertEqual(r.completionTokens, 20)
        XCTAssertEqual(r.cost, (100 * 0.6 + 20 * 2.5) / 1e6, accuracy: 1e-9)
        XCTAssertEqual(server.requests.first?.headers["authorization"], "Bearer \(Self.key)")
    }

    func test500IsRetriedWithBackoffAndGivesUpAfterTheLastRetry() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        let n = Count()
        server.on("POST", Self.path) { _ in _ = n.next(); return .respond(status: 503, body: "{\"error\":{\"message\":\"overloaded\"}}") }
        let c = client(server) { $0.maxRetries = 3 }
        do {
            _ = try await c.complete(messages, schema: [:], segment: 0)
            XCTFail("should give up")
        } catch let e as ModelEndpointError {
            XCTAssertFalse(e.isFatal)
            XCTAssertTrue("\(e)".contains("failed 4 times"), "\(e)")
            XCTAssertTrue("\(e)".contains("HTTP 503: overloaded"), "\(e)")
        }
        XCTAssertEqual(n.value, 4)
    }

    func testLatencyAndTheCapOnRequestsInFlight() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        let live = Count()
        server.on("POST", Self.path) { _ in
            live.enter(); Thread.sleep(forTimeInterval: 0.3); live.leave()
            return .respond(status: 200, body: Self.completion("{\"observations\":[]}"))
        }
        let c = client(server) { $0.maxRequests = 2 }
        let started = Date()
        try await withThrowingTaskGroup(of: String.self) { g in
            for i in 0..<6 { g.addTask { try await c.complete([["role": "user", "content": "segment \(i)"]], schema: [:], segment: i) } }
            for try await _ in g {}
        }
        XCTAssertEqual(live.peak, 2, "at most --max-requests in flight")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.85, "6 calls of 0.3 s, 2 at a time")
    }

    func testAServerThatNeverAnswersTimesOutAndIsRetried() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        let n = Count()
        server.on("POST", Self.path) { _ in n.next() == 1 ? .hang : .respond(status: 200, body: Self.completion("{\"observations\":[]}")) }
        // Only the first request hangs; on a busy machine a retry may itself miss the deadline
        // and be retried again, so the count is "at least 2", not "exactly 2".
        let c = client(server) { $0.requestTimeout = 1.5 }
        let started = Date()
        _ = try await c.complete(messages, schema: [:], segment: 0)
        XCTAssertGreaterThanOrEqual(n.value, 2, "the hanging request was abandoned and retried")
        XCTAssertLessThan(Date().timeIntervalSince(started), 12)
    }

    func testASlowBodyHitsTheDeadlineThoughBytesKeepComing() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        let n = Count()
        server.on("POST", Self.path) { _ in
            // The trickle would take ~20 s to finish.
            n.next() == 1 ? .trickle(body: Self.completion("{\"observations\":[]}"), interval: 0.2)
                          : .respond(status: 200, body: Self.completion("{\"observations\":[]}"))
        }
        let c = client(server) { $0.requestTimeout = 1.5 }
        let started = Date()
        _ = try await c.complete(messages, schema: [:], segment: 0)
        XCTAssertGreaterThanOrEqual(n.value, 2, "the trickle was abandoned at the deadline and the request retried")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testAHugeAnswerIsCutOffNotBuffered() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        let big = Self.completion("{\"observations\":[],\"pad\":\"" + String(repeating: "x", count: 300_000) + "\"}")
        server.on("POST", Self.path, .respond(status: 200, body: big))
        let c = client(server) { $0.maxResponseBytes = 64 * 1024 }
        do {
            _ = try await c.complete(messages, schema: [:], segment: 0)
            XCTFail("should refuse")
        } catch let e as ModelEndpointError {
            guard case .tooLarge = e else { return XCTFail("\(e)") }
            XCTAssertFalse(e.isFatal)
        }
    }

    func test401StopsEverythingNamesTheEndpointAndNeverTheKey() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", Self.path, .respond(status: 401, body: "{\"error\":{\"message\":\"Incorrect API key provided: \(Self.key)\"}}"))
        let c = client(server)
        for _ in 0..<2 {
            do {
                _ = try await c.complete(messages, schema: [:], segment: 0)
                XCTFail("should refuse")
            } catch let e as ModelEndpointError {
                XCTAssertTrue(e.isFatal)
                XCTAssertTrue(e.description.contains(server.url + Self.path), e.description)
                XCTAssertTrue(e.description.contains("HTTP 401"), e.description)
                XCTAssertFalse(e.description.contains(Self.key), e.description)
            }
        }
        XCTAssertEqual(server.requests.count, 1, "after a 401 no further request is made")
    }

    func testResponseFormatStepsDownWhenTheServerRefusesIt() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", Self.path) { r in
            let body = r.json as? [String: Any]
            let format = (body?["response_format"] as? [String: Any])?["type"] as? String
            return format == "json_schema" ? .respond(status: 400, body: "{\"error\":{\"message\":\"response_format json_schema unsupported\"}}")
                                           : .respond(status: 200, body: Self.completion("{\"observations\":[]}"))
        }
        let c = client(server)
        _ = try await c.complete(messages, schema: ["type": "object"], segment: 0)
        _ = try await c.complete(messages + [["role": "user", "content": "again"]], schema: ["type": "object"], segment: 1)
        let formats = server.requests.map { (($0.json as? [String: Any])?["response_format"] as? [String: Any])?["type"] as? String }
        XCTAssertEqual(formats, ["json_schema", "json_object", "json_object"])
    }

    func testCacheHitOnARerunMakesNoRequestAndHoldsNoKey() async throws {
        let dir = try TempDir()
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", Self.path, .respond(status: 200, body: Self.completion("{\"observations\":[]}")))
        let cache = URL(fileURLWithPath: dir.path)
        let first = try await client(server, cache: cache).complete(messages, schema: [:], segment: 0)
        XCTAssertEqual(server.requests.count, 1)
        let again = client(server, cache: cache)
        let second = try await again.complete(messages, schema: [:], segment: 0)
        XCTAssertEqual(first, second)
        XCTAssertEqual(server.requests.count, 1, "the re-run is answered from the cache")
        let r = again.meter.report(name: "m", endpoint: "e", routing: "all")
        XCTAssertEqual(r.cacheHits, 1); XCTAssertEqual(r.requests, 0); XCTAssertEqual(r.cost, 0)
        // Another model, another address.
        _ = try await client(server, cache: cache) { $0.model = "other" }.complete(messages, schema: [:], segment: 0)
        XCTAssertEqual(server.requests.count, 2)
        let files = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }
        XCTAssertEqual(files.count, 2)
        for f in files {
            let text = try String(contentsOfFile: dir.path + "/" + f, encoding: .utf8)
            XCTAssertFalse(text.contains(Self.key))
        }
    }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data(String(repeating: "a", count: 1000).utf8)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testConfigurationFlagsWinAndKeysStayWithTheirHost() throws {
        let env = ["VID2AUTO_MODEL_URL": "http://env.example/v1", "VID2AUTO_MODEL_NAME": "env-model",
                   "OPENAI_API_KEY": "sk-openai", "MOONSHOT_API_KEY": "sk-moon", "HOME": "/tmp/h"]
        let flags = try RemoteModelConfig.resolve(model: "kimi-k2.5", apiBase: "https://api.moonshot.ai/v1", environment: env)!
        XCTAssertEqual(flags.endpoint.absoluteString, "https://api.moonshot.ai/v1/chat/completions")
        XCTAssertEqual(flags.model, "kimi-k2.5")
        XCTAssertEqual(flags.apiKey, "sk-moon")
        let fromEnv = try RemoteModelConfig.resolve(model: nil, apiBase: nil, environment: env)!
        XCTAssertEqual(fromEnv.endpoint.absoluteString, "http://env.example/v1/chat/completions")
        XCTAssertNil(fromEnv.apiKey, "a provider's key never goes to another host")
        XCTAssertFalse("\(flags)".contains("sk-moon"))
        XCTAssertNil(try RemoteModelConfig.resolve(model: nil, apiBase: nil, environment: [:]))
        XCTAssertThrowsError(try RemoteModelConfig.resolve(model: "m", apiBase: nil, environment: [:]))
        XCTAssertThrowsError(try RemoteModelConfig.resolve(model: "m", apiBase: "ftp://x", environment: [:]))
        XCTAssertThrowsError(try RemoteModelConfig.resolve(model: nil, apiBase: nil, sendAll: true, maxRequests: nil, requestTimeout: nil,
                                                           noCache: false, priceInput: nil, priceOutput: nil, environment: [:]))
        XCTAssertEqual(ModelClient.retryAfterSeconds("2"), 2)
        XCTAssertNil(ModelClient.retryAfterSeconds("soon"))
    }
}
