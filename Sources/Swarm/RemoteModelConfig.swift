import Foundation

/// Everything a remote model backend needs, resolved once from flags and the environment
/// (flags win). The key comes only from the environment and is never written anywhere: it is
/// left out of `description`, every report and the cache.
public struct RemoteModelConfig: Sendable, CustomStringConvertible {
    /// The chat-completions address (`…/v1/chat/completions`).
    public var endpoint: URL
    public var model: String
    /// Sent as a bearer token only.
    var apiKey: String?
    /// Every segment to the remote model (`--model-all`) instead of only those the embedded model explains poorly.
    public var sendAll = false
    /// With `sendAll` (`--fine-hints`): the embedded hints come from the remote model's own fine
    /// plan, one short embedded job per fine segment, so a call waits only for the jobs around
    /// its span, not for the coarse segment's long job around it — at the price of more embedded
    /// work in all (the fine windows overlap) and hints read over shorter windows.
    public var fineHints = false
    /// Requests in flight at once (`--max-requests`), whatever the number of agents.
    public var maxRequests = 8
    /// The remote plan's minimum parallelism (`--min-segments`; 0: none): a recording whose remote
    /// plan has fewer segments gets its longest bursts split between actions until it has this
    /// many (at most `maxRequests`, the calls that can be in flight at once), at the price of as
    /// many more requests (`SegmentPlanner.minSegments`, docs/models.md).
    public var minSegments = 8
    /// Seconds one HTTP request may take, body included (`--request-timeout`).
    public var requestTimeout: Double = 120
    /// Attempts after the first on 429, 5xx and timeouts.
    public var maxRetries = 5
    /// Backoff before retry n (0-based) is `backoffBase · 2ⁿ` seconds with jitter, at most `backoffCap`.
    public var backoffBase = 0.5
    public var backoffCap = 30.0
    /// A longer answer is refused (bytes).
    public var maxResponseBytes = 4 << 20
    /// The content-addressed response cache (nil: none, `--no-cache`).
    public var cacheDirectory: URL?
    /// Price per million prompt and completion tokens (`--price-input`, `--price-output`).
    public var pricePerMillionInput = 0.0
    public var pricePerMillionOutput = 0.0
    /// An observation below this confidence sends its segment to the remote model.
    public var confidenceThreshold = 0.5

    public init(endpoint: URL, model: String, apiKey: String?) {
        self.endpoint = endpoint; self.model = model; self.apiKey = apiKey
    }

    /// Whether a key is configured (never the key itself).
    public var hasKey: Bool { apiKey != nil }

    public var description: String { "\(model) at \(endpoint.absoluteString)" }

    /// A configuration problem (exit 64 at the command).
    public struct ConfigError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The configuration from `--model`/`--api-base` (nil when not given) and the environment:
    /// `VID2AUTO_MODEL_NAME`, `VID2AUTO_MODEL_URL` (a full chat-completions address or a base),
    /// `VID2AUTO_MODEL_KEY`, else the provider's usual variable for its own host only
    /// (`MOONSHOT_API_KEY` for api.moonshot.ai/.cn, `OPENAI_API_KEY` for api.openai.com) so a key
    /// never travels to another host. Nil when no model is configured (the embedded model runs alone).
    public static func resolve(model: String?, apiBase: String?,
                               environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> RemoteModelConfig? {
        let name = model ?? env["VID2AUTO_MODEL_NAME"].flatMap { $0.isEmpty ? nil : $0 }
        let base = apiBase ?? env["VID2AUTO_MODEL_URL"].flatMap { $0.isEmpty ? nil : $0 }
        switch (name, base) {
        case (nil, nil): return nil
        case (nil, _): throw ConfigError(description: "a model endpoint is set but no model: add --model NAME (or VID2AUTO_MODEL_NAME)")
        case (_, nil): throw ConfigError(description: "--model needs --api-base URL (or VID2AUTO_MODEL_URL), e.g. http://localhost:8000/v1")
        case let (name?, base?):
            guard let endpoint = chatCompletionsURL(base) else {
                throw ConfigError(description: "--api-base must be an http(s) address such as https://api.moonshot.ai/v1 (got '\(base)')")
            }
            var c = RemoteModelConfig(endpoint: endpoint, model: name, apiKey: key(for: endpoint, env))
            if let dir = env["VID2AUTO_MODEL_CACHE"], !dir.isEmpty { c.cacheDirectory = URL(fileURLWithPath: dir) }
            else { c.cacheDirectory = defaultCacheDirectory(env) }
            return c
        }
    }

    /// The configuration a command's flags ask for (see `resolve(model:apiBase:environment:)`),
    /// with the run settings applied; nil when no model is configured. `--model-all`, `--no-cache`
    /// and the other knobs without a model are a usage error.
    public static func resolve(model: String?, apiBase: String?, sendAll: Bool, maxRequests: Int?, requestTimeout: Double?,
                               noCache: Bool, priceInput: Double?, priceOutput: Double?,
                               environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> RemoteModelConfig? {
        guard var c = try resolve(model: model, apiBase: apiBase, environment: env) else {
            if sendAll || maxRequests != nil || requestTimeout != nil || noCache || priceInput != nil || priceOutput != nil {
                throw ConfigError(description: "--model-all, --max-requests, --request-timeout, --no-cache and --price-* need a model (--model NAME --api-base URL)")
            }
            return nil
        }
        c.sendAll = sendAll
        if let n = maxRequests { c.maxRequests = n }
        if let t = requestTimeout { c.requestTimeout = t }
        if noCache { c.cacheDirectory = nil }
        if let p = priceInput { c.pricePerMillionInput = p }
        if let p = priceOutput { c.pricePerMillionOutput = p }
        return c
    }

    /// `…/chat/completions` for a base such as `http://localhost:8000/v1`; a full address is kept.
    static func chatCompletionsURL(_ base: String) -> URL? {
        guard var c = URLComponents(string: base), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              c.host?.isEmpty == false else { return nil }
        if !c.path.hasSuffix("/chat/completions") {
            c.path = (c.path.hasSuffix("/") ? String(c.path.dropLast()) : c.path) + "/chat/completions"
        }
        return c.url
    }

    static func key(for endpoint: URL, _ env: [String: String]) -> String? {
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let k = value("VID2AUTO_MODEL_KEY") { return k }
        let host = endpoint.host?.lowercased() ?? ""
        if host == "api.moonshot.ai" || host == "api.moonshot.cn" { return value("MOONSHOT_API_KEY") }
        if host == "api.openai.com" { return value("OPENAI_API_KEY") }
        return nil
    }

    static func defaultCacheDirectory(_ env: [String: String]) -> URL? {
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("screenwright/model") }
        if let h = env["HOME"], !h.isEmpty { return URL(fileURLWithPath: h).appendingPathComponent(".cache/screenwright/model") }
        return nil
    }
}
