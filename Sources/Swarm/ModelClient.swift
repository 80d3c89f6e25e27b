import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ScreenCore

/// Why a remote model could not be used. `unauthorized` and `misconfigured` stop the run (every
/// further request would fail the same way); the others make one segment fall back to the
/// embedded model's observations.
public enum ModelEndpointError: Error, CustomStringConvertible, Sendable {
    /// 401/403: the key is missing or refused.
    case unauthorized(endpoint: String, status: Int, detail: String?)
    /// 404 and other answers that say the address or model name is wrong.
    case misconfigured(endpoint: String, status: Int, detail: String?)
    /// Still failing after every retry (429, 5xx, timeouts, network).
    case gaveUp(endpoint: String, attempts: Int, last: String)
    /// An answer over the size cap.
    case tooLarge(endpoint: String, limit: Int)
    /// An answer that is not a chat completion, or whose content cannot be used after the repair round.
    case badAnswer(endpoint: String, reason: String)

    /// Whether the whole run must stop.
    public var isFatal: Bool {
        switch self { case .unauthorized, .misconfigured: true; default: false }
    }

    public var description: String {
        switch self {
        case let .unauthorized(e, s, d):
            "the model endpoint \(e) refused the request (HTTP \(s)\(d.map { ": \($0)" } ?? "")); check VID2AUTO_MODEL_KEY"
        case let .misconfigured(e, s, d): "the model endpoint \(e) answered HTTP \(s)\(d.map { ": \($0)" } ?? "")"
        case let .gaveUp(e, n, last): "the model endpoint \(e) failed \(n) times (\(last))"
        case let .tooLarge(e, limit): "the model endpoint \(e) sent an answer over \(limit / 1024) KiB"
        case let .badAnswer(e, reason): "the model endpoint \(e): \(reason)"
        }
    }
}

/// A chat-completions client that holds up: at most `maxRequests` requests in flight, retries with
/// exponential backoff and jitter on 429, 5xx and timeouts (honouring `Retry-After`), a deadline
/// and a size cap per request, JSON output requested with a schema and stepped down when the
/// server does not support it, a content-addressed on-disk cache, and a meter of tokens and cost.
public final class ModelClient: Sendable {
    public let config: RemoteModelConfig
    public let meter: ModelMeter
    let gate: RequestGate
    private let state = LockedState()
    private let transport = ModelHTTP.shared

    public init(config: RemoteModelConfig, meter: ModelMeter = ModelMeter()) {
        self.config = config; self.meter = meter; gate = RequestGate(limit: config.maxRequests)
    }

    /// How JSON output is asked for; stepped down when the server answers 400 to it.
    enum OutputFormat: Int, Sendable { case jsonSchema = 0, jsonObject, none }

    /// The model's answer to `messages` (its message content), for `segment`'s ledger.
    /// `schema` is the JSON schema of the answer, sent as `response_format` where supported.
    public func complete(_ messages: [[String: Any]], schema: [String: Any], segment: Int) async throws -> String {
        let endpoint = config.endpoint.absoluteString
        var key: String?
        if config.cacheDirectory != nil {
            let canonical = try JSONSerialization.data(withJSONObject: messages, options: [.sortedKeys])
            key = SHA256.hex(Data("screenwright-model-cache/1\n\(config.model)\n".utf8) + canonical)
        }
        if let key, let hit = cached(key) {
            meter.record(segment: segment, cacheHit: true, promptTokens: hit.prompt, completionTokens: hit.completion, cost: 0)
            return hit.content
        }
        var attempt = 0
        var last = ""
        while true {
            if let fatal = state.fatal { throw fatal }
            try Task.checkCancellation()
            let format = state.format
            var body: [String: Any] = ["model": config.model, "messages": messages, "temperature": 0]
            switch format {
            case .jsonSchema: body["response_format"] = ["type": "json_schema", "json_schema": ["name": "segment_observations", "schema": schema]]
            case .jsonObject: body["response_format"] = ["type": "json_object"]
            case .none: break
            }
            var request = URLRequest(url: config.endpoint)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let k = config.apiKey { request.setValue("Bearer \(k)", forHTTPHeaderField: "Authorization") }
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            await gate.acquire()
            meter.record(segment: segment, requests: 1)
            let outcome: Result<ModelHTTP.Reply, any Error>
            do { outcome = .success(try await transport.send(request, timeout: config.requestTimeout, limit: config.maxResponseBytes)) }
            catch { outcome = .failure(error) }
            await gate.release()
            var retryAfter: Double?
            switch outcome {
            case .failure(ModelHTTP.Failure.cancelled): throw CancellationError()
            case .failure(ModelHTTP.Failure.tooLarge(let limit)): throw ModelEndpointError.tooLarge(endpoint: endpoint, limit: limit)
            case .failure(ModelHTTP.Failure.timeout(let s)): last = String(format: "no answer within %.0f s", s)
            case .failure(ModelHTTP.Failure.network(let m)): last = "cannot reach it: \(redact(m))"
            case .failure(let e): last = redact("\(e)")
            case .success(let reply):
                let detail = Self.errorDetail(reply.body).map(redact)
                switch reply.status {
                case 200..<300:
                    let answer = try parseCompletion(reply.body, endpoint: endpoint)
                    let cost = (Double(answer.prompt) * config.pricePerMillionInput + Double(answer.completion) * config.pricePerMillionOutput) / 1e6
                    meter.record(segment: segment, promptTokens: answer.prompt, completionTokens: answer.completion, cost: cost)
                    if let key { store(key, answer) }
                    return answer.content
                case 401, 403:
                    let e = ModelEndpointError.unauthorized(endpoint: endpoint, status: reply.status, detail: detail)
                    state.setFatal(e); throw e
                case 400 where format != .none:
                    // Probably the response_format: ask again with the next weaker one (not counted as a retry).
                    state.stepDown(from: format)
                    continue
                case 404, 405:
                    let e = ModelEndpointError.misconfigured(endpoint: endpoint, status: reply.status, detail: detail)
                    state.setFatal(e); throw e
                default:
                    last = "HTTP \(reply.status)\(detail.map { ": \($0)" } ?? "")"
                    if reply.status == 429 { meter.rateLimited() }
                    else if !(500..<600).contains(reply.status) && reply.status != 408 && reply.status != 409 && reply.status != 425 {
                        // This request was refused (400, 422…): this segment falls back, the run goes on.
                        throw ModelEndpointError.badAnswer(endpoint: endpoint, reason: last)
                    }
                    retryAfter = reply.headers["retry-after"].flatMap(Self.retryAfterSeconds)
                }
            }
            attempt += 1
            guard attempt <= config.maxRetries else { throw ModelEndpointError.gaveUp(endpoint: endpoint, attempts: attempt, last: last) }
            meter.retried()
            let backoff = min(config.backoffCap, config.backoffBase * pow(2, Double(attempt - 1)))
            // Full jitter between half and all of the backoff, so agents that failed together do not retry together.
            let wait = retryAfter.map { min($0, config.backoffCap * 4) } ?? backoff * Double.random(in: 0.5...1)
            try await Task.sleep(nanoseconds: UInt64(max(0, wait) * 1e9))
        }
    }

    struct Answer: Codable { var content: String; var prompt: Int; var completion: Int }

    private func parseCompletion(_ data: Data, endpoint: String) throws -> Answer {
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let choice = (obj["choices"] as? [[String: Any]])?.first,
              let message = choice["message"] as? [String: Any] else {
            throw ModelEndpointError.badAnswer(endpoint: endpoint, reason: "the answer is not a chat completion")
        }
        var content = message["content"] as? String
        if content == nil, let parts = message["content"] as? [[String: Any]] {
            content = parts.compactMap { $0["text"] as? String }.joined()
        }
        guard let content else { throw ModelEndpointError.badAnswer(endpoint: endpoint, reason: "the answer has no message content") }
        let usage = obj["usage"] as? [String: Any]
        return Answer(content: content, prompt: (usage?["prompt_tokens"] as? Int) ?? 0, completion: (usage?["completion_tokens"] as? Int) ?? 0)
    }

    /// The key never leaves memory: a server that echoes it in an error message is redacted.
    func redact(_ s: String) -> String {
        guard let k = config.apiKey, k.count >= 4 else { return s }
        return s.replacingOccurrences(of: k, with: "[key]")
    }

    // MARK: Cache

    private func cacheFile(_ key: String) -> URL? {
        config.cacheDirectory?.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + ".json")
    }

    private func cached(_ key: String) -> Answer? {
        guard let f = cacheFile(key), let d = try? Data(contentsOf: f) else { return nil }
        return try? JSONDecoder().decode(Answer.self, from: d)
    }

    /// Written atomically (a temporary file renamed), so concurrent runs never read half a file;
    /// a cache that cannot be written is no reason to fail.
    private func store(_ key: String, _ answer: Answer) {
        guard let f = cacheFile(key), let d = try? JSONEncoder().encode(answer) else { return }
        try? FileManager.default.createDirectory(at: f.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? d.write(to: f, options: .atomic)
    }

    // MARK: Helpers

    /// `Retry-After` as seconds: a number, or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v) { return max(0, s) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return f.date(from: v).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// The message of an OpenAI-style error body (`{"error": {"message": …}}`) or the body's first
    /// line, cut short; nil when empty.
    static func errorDetail(_ data: Data) -> String? {
        let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let message = ((obj?["error"] as? [String: Any])?["message"] as? String) ?? (obj?["error"] as? String)
            ?? String(decoding: data.prefix(400), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        guard let m = message?.trimmingCharacters(in: .whitespaces), !m.isEmpty else { return nil }
        return m.count > 160 ? String(m.prefix(159)) + "…" : m
    }
}

/// Mutable client state. Invariant: only touched under `lock`.
private final class LockedState: @unchecked Sendable {
    private let lock = NSLock()
    private var _format = ModelClient.OutputFormat.jsonSchema
    private var _fatal: ModelEndpointError?
    var format: ModelClient.OutputFormat { lock.lock(); defer { lock.unlock() }; return _format }
    var fatal: ModelEndpointError? { lock.lock(); defer { lock.unlock() }; return _fatal }
    func stepDown(from f: ModelClient.OutputFormat) {
        lock.lock(); if _format == f { _format = ModelClient.OutputFormat(rawValue: f.rawValue + 1) ?? .none }; lock.unlock()
    }
    func setFatal(_ e: ModelEndpointError) { lock.lock(); if _fatal == nil { _fatal = e }; lock.unlock() }
}

/// At most `limit` requests in flight; waiters are served in order.
actor RequestGate {
    private let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    init(limit: Int) { self.limit = max(1, limit) }
    func acquire() async {
        if inFlight < limit { inFlight += 1; return }
        await withCheckedContinuation { waiters.append($0) }
    }
    func release() {
        if waiters.isEmpty { inFlight -= 1 } else { waiters.removeFirst().resume() }
    }
}

/// Requests, tokens and cost of one run, per segment: what the timeline's swarm section reports.
public final class ModelMeter: @unchecked Sendable {
    // Invariant: all mutable state is only touched under `lock`.
    private let lock = NSLock()
    private var usage: [Int: ModelUsage.SegmentUsage] = [:]
    private var _retries = 0, _rateLimited = 0
    public init() {}

    /// Forgets everything (a second run with the same model, e.g. `--measure-speedup`).
    public func reset() { lock.lock(); usage = [:]; _retries = 0; _rateLimited = 0; lock.unlock() }

    func record(segment: Int, requests: Int = 0, cacheHit: Bool = false, promptTokens: Int = 0, completionTokens: Int = 0, cost: Double = 0) {
        lock.lock(); defer { lock.unlock() }
        var u = usage[segment] ?? ModelUsage.SegmentUsage(segment: segment, model: "")
        u.requests += requests; u.cacheHits += cacheHit ? 1 : 0
        u.promptTokens += promptTokens; u.completionTokens += completionTokens; u.cost += cost
        usage[segment] = u
    }

    /// Which model's observations a segment kept, why it was routed, why it fell back.
    public func route(segment: Int, model: String, reason: String?, fallback: String? = nil) {
        lock.lock(); defer { lock.unlock() }
        var u = usage[segment] ?? ModelUsage.SegmentUsage(segment: segment, model: model)
        u.model = model; u.reason = reason; u.fallback = fallback
        usage[segment] = u
    }

    func retried() { lock.lock(); _retries += 1; lock.unlock() }
    func rateLimited() { lock.lock(); _rateLimited += 1; lock.unlock() }

    /// The report for the timeline.
    public func report(name: String, endpoint: String, routing: String) -> ModelUsage {
        lock.lock(); defer { lock.unlock() }
        let segs = usage.values.sorted { $0.segment < $1.segment }.map { s -> ModelUsage.SegmentUsage in
            var s = s; s.cost = (s.cost * 1e6).rounded() / 1e6; return s
        }
        return ModelUsage(name: name, endpoint: endpoint, routing: routing,
                          segmentsRouted: segs.filter { $0.reason != nil }.count,
                          fallbacks: segs.filter { $0.fallback != nil }.count,
                          requests: segs.reduce(0) { $0 + $1.requests }, cacheHits: segs.reduce(0) { $0 + $1.cacheHits },
                          retries: _retries, rateLimited: _rateLimited,
                          promptTokens: segs.reduce(0) { $0 + $1.promptTokens },
                          completionTokens: segs.reduce(0) { $0 + $1.completionTokens },
                          cost: (segs.reduce(0) { $0 + $1.cost } * 1e6).rounded() / 1e6, segments: segs)
    }
}
