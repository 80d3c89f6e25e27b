import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP side of WebDriver: one keep-alive `URLSession` to the driver, JSON in and out, W3C
/// errors and timeouts mapped to `BrowserError`. Internal: `BrowserSession` is the only user.
final class WebDriverClient: Sendable {
    /// The driver's root, e.g. `http://127.0.0.1:43121`.
    let baseURL: String
    /// Seconds a command may take unless the call gives its own limit.
    let defaultTimeout: Double
    /// Says why the driver is gone (it exited), or nil while it runs; turns connection errors
    /// into `BrowserError.driverGone` instead of a puzzling "connection refused".
    let driverGone: @Sendable () -> String?
    private let session: URLSession

    init(baseURL: String, timeout: Double, driverGone: @escaping @Sendable () -> String? = { nil }) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.defaultTimeout = timeout
        self.driverGone = driverGone
        let config = URLSessionConfiguration.ephemeral
        // corelibs Foundation truncates timeouts to whole seconds (0.5 s fires at once), so
        // libcurl's limits are rounded up and our own timer enforces the exact one.
        config.timeoutIntervalForRequest = Self.curlTimeout(timeout)
        config.timeoutIntervalForResource = Self.curlTimeout(timeout)
        config.httpMaximumConnectionsPerHost = 4
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        config.connectionProxyDictionary = [:]
        session = URLSession(configuration: config)
    }

    /// libcurl's limit for a command limited to `seconds`: whole seconds, never below ours.
    static func curlTimeout(_ seconds: Double) -> Double { max(1, seconds.rounded(.up)) + 1 }

    /// Lets go of the connection pool; later calls fail.
    func invalidate() { session.invalidateAndCancel() }

    /// Sends one command and returns the reply's `value` member.
    ///
    /// - Parameters:
    ///   - command: a short name for errors (defaults to `METHOD path`).
    ///   - timeout: overrides the default limit; enforced by a timer of our own, with
    ///     `URLRequest.timeoutInterval` as a backstop a little later.
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil, timeout: Double? = nil,
              command: String? = nil) async throws -> JSONValue {
        let command = command ?? "\(method) \(path)"
        let seconds = timeout ?? defaultTimeout
        guard let url = URL(string: baseURL + path) else {
            throw BrowserError.unreachable(url: baseURL + path, reason: "not a valid URL")
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: Self.curlTimeout(seconds))
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let body {
            request.httpBody = try body.jsonData()
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        } else if method == "POST" {
            request.httpBody = Data("{}".utf8)
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        }
        let (data, status) = try await perform(request, command: command, seconds: seconds)
        return try decode(data, status: status, command: command)
    }

    /// Maps a reply: 2xx → its `value`; otherwise the W3C error object → `BrowserError.webDriver`.
    func decode(_ data: Data, status: Int, command: String) throws -> JSONValue {
        let json = try? JSONValue.parse(data)
        if (200..<300).contains(status) {
            guard let json else {
                throw BrowserError.webDriver(command: command, error: "invalid reply",
                                             message: Self.firstLine(String(decoding: data.prefix(200), as: UTF8.self)))
            }
            return json["value"] ?? .null
        }
        let value = json?["value"]
        let error = value?["error"]?.string ?? "HTTP \(status)"
        let message = value?["message"]?.string ?? String(decoding: data.prefix(200), as: UTF8.self)
        throw BrowserError.webDriver(command: command, error: error, message: Self.firstLine(message))
    }

    /// chromedriver appends "(Session info: …)" and a stack trace on later lines; keep the first.
    static func firstLine(_ s: String) -> String {
        let line = s.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }

    private func perform(_ request: URLRequest, command: String, seconds: Double) async throws -> (Data, Int) {
        let state = RequestState()
        let result: Result<(Data, Int), any Error> = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<(Data, Int), any Error>, Never>) in
                state.start(continuation)
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        state.finish(.failure(error))
                    } else {
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        state.finish(.success((data ?? Data(), status)))
                    }
                }
                state.setTask(task)
                // The exact limit (libcurl's is rounded up, see `curlTimeout`).
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                    state.finish(.failure(BrowserError.timeout(command: command, seconds: seconds)))
                }
                task.resume()
            }
        } onCancel: {
            state.finish(.failure(CancellationError()))
        }
        switch result {
        case .success(let reply): return reply
        case .failure(let error): throw map(error, command: command, seconds: seconds)
        }
    }

    private func map(_ error: any Error, command: String, seconds: Double) -> any Error {
        if error is BrowserError || error is CancellationError { return error }
        if let urlError = error as? URLError {
            if urlError.code == .timedOut { return BrowserError.timeout(command: command, seconds: seconds) }
            if urlError.code == .cancelled { return CancellationError() }
            if let gone = driverGone() { return BrowserError.driverGone(gone) }
            return BrowserError.unreachable(url: baseURL, reason: urlError.localizedDescription)
        }
        if let gone = driverGone() { return BrowserError.driverGone(gone) }
        return BrowserError.unreachable(url: baseURL, reason: "\(error)")
    }
}

/// One request's continuation, resumed exactly once by whichever of reply, timer or cancellation
/// comes first; the losers cancel the URL task.
private final class RequestState: @unchecked Sendable {
    // Invariant: all fields are read and written only under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<(Data, Int), any Error>, Never>?
    private var task: URLSessionDataTask?
    private var done = false
    private var early: Result<(Data, Int), any Error>?

    func start(_ c: CheckedContinuation<Result<(Data, Int), any Error>, Never>) {
        lock.lock()
        if done, let early {   // cancelled before the request began
            self.early = nil
            lock.unlock()
            c.resume(returning: early)
            return
        }
        continuation = c
        lock.unlock()
    }

    func setTask(_ t: URLSessionDataTask) {
        lock.lock(); defer { lock.unlock() }
        if done { t.cancel() } else { task = t }
    }

    func finish(_ result: Result<(Data, Int), any Error>) {
        lock.lock()
        if done { lock.unlock(); return }
        done = true
        let c = continuation, t = task
        continuation = nil; task = nil
        if c == nil { early = result }
        lock.unlock()
        if case .failure = result { t?.cancel() }
        c?.resume(returning: result)
    }
}
