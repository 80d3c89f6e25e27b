import Foundation

/// The JSON side of WebDriver: requests to the driver, W3C errors and timeouts mapped to
/// `BrowserError`. Internal: `BrowserSession` is the only user.
final class WebDriverClient: Sendable {
    /// The driver's root, e.g. `http://127.0.0.1:43121`.
    let baseURL: String
    /// Seconds a command may take unless the call gives its own limit.
    let defaultTimeout: Double
    /// Says why the driver is gone (it exited), or nil while it runs; turns connection errors
    /// into `BrowserError.driverGone` instead of a puzzling "connection refused".
    let driverGone: @Sendable () -> String?
    private let http: HTTPClient?

    init(baseURL: String, timeout: Double, driverGone: @escaping @Sendable () -> String? = { nil }) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.defaultTimeout = timeout
        self.driverGone = driverGone
        http = HTTPClient(baseURL: self.baseURL)
    }

    /// Closes the kept-alive connections.
    func invalidate() { http?.closeIdle() }

    /// Sends one command and returns the reply's `value` member.
    ///
    /// - Parameters:
    ///   - command: a short name for errors (defaults to `METHOD path`).
    ///   - timeout: overrides the default limit (seconds for the whole exchange, connect included).
    func send(_ method: String, _ path: String, _ body: JSONValue? = nil, timeout: Double? = nil,
              command: String? = nil) async throws -> JSONValue {
        let command = command ?? "\(method) \(path)"
        let seconds = timeout ?? defaultTimeout
        guard let http else { throw BrowserError.unreachable(url: baseURL, reason: "not an http://host:port URL") }
        var headers = ["Accept": "application/json"]
        var data: Data?
        if let body {
            data = try body.jsonData()
        } else if method == "POST" {
            data = Data("{}".utf8)
        }
        if data != nil { headers["Content-Type"] = "application/json; charset=utf-8" }
        let reply: (status: Int, body: Data)
        do {
            reply = try await http.exchange(method: method, path: path, body: data, headers: headers, timeout: seconds)
        } catch let failure as HTTPClient.HTTPFailure {
            switch failure {
            case .timeout: throw BrowserError.timeout(command: command, seconds: seconds)
            case .cancelled: throw CancellationError()
            case .connect(let reason), .io(let reason), .protocolError(let reason):
                if let gone = driverGone() { throw BrowserError.driverGone(gone) }
                throw BrowserError.unreachable(url: baseURL, reason: reason)
            }
        }
        return try decode(reply.body, status: reply.status, command: command)
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
}
