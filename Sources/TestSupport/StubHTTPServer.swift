import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for testing HTTP clients without the real server
/// (chromedriver, a model endpoint): scripted replies per method and path, every request recorded.
///
/// Plain POSIX sockets and one thread per connection; keep-alive is honoured, `Expect:
/// 100-continue` is answered, and `TCP_NODELAY` is set so replies are not held back ~40 ms.
public final class StubHTTPServer: @unchecked Sendable {
    /// A request as the server read it.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]   // lower-cased names
        public var body: Data
        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The body parsed as JSON (`JSONSerialization` objects), or nil.
        public var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    }

    /// What to send back.
    public enum Reply: Sendable {
        /// A status and a body (sent as `application/json`), with extra header lines.
        case respond(status: Int, body: String, headers: [String: String] = [:])
        /// Never answer: hold the connection open until the server stops.
        case hang
        /// Close the connection without answering.
        case drop
        /// A 200 whose body comes one byte every `interval` seconds (a server that trickles).
        case trickle(body: String, interval: Double)
        /// Answer with `{"value": …}` (the JSON text given) and status 200 — WebDriver's success shape.
        public static func value(_ json: String) -> Reply { .respond(status: 200, body: "{\"value\":\(json)}") }
        /// A W3C WebDriver error reply.
        public static func webDriverError(status: Int = 404, error: String, message: String) -> Reply {
            let m = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return .respond(status: status, body: "{\"value\":{\"error\":\"\(error)\",\"message\":\"\(m)\",\"stacktrace\":\"#0 0x0\"}}")
        }
    }

    /// The port it listens on.
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    // Invariant: `routes`, `recorded`, `connections` and `stopped` are only touched under `lock`;
    // `listener` is set in init and closed once in `stop`.
    private let lock = NSLock()
    private var routes: [(method: String, path: String, prefix: Bool, reply: @Sendable (Request) -> Reply)] = []
    private var fallback: Reply
    private var recorded: [Request] = []
    private var connections: Set<Int32> = []
    private var stopped = false
    private let listener: Int32

    /// Starts listening on a free loopback port. Unscripted requests get `fallback`
    /// (by default a W3C "unknown command" 404).
    public init(fallback: Reply = .webDriverError(error: "unknown command", message: "no stub for this request")) throws {
        self.fallback = fallback
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError(message: "socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw FixtureError(message: "bind/listen: \(errno)") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        let thread = Thread { [weak self] in self?.acceptLoop(fd) }
        thread.start()
    }

    deinit { stop() }

    /// Answers `method` `path` (exact, or any path starting with it when `prefix`) with `reply`.
    /// Later routes win over earlier ones.
    public func on(_ method: String, _ path: String, prefix: Bool = false, _ reply: Reply) {
        on(method, path, prefix: prefix) { _ in reply }
    }

    /// Answers `method` `path` with whatever `reply` computes from the request.
    public func on(_ method: String, _ path: String, prefix: Bool = false,
                   _ reply: @escaping @Sendable (Request) -> Reply) {
        lock.lock(); defer { lock.unlock() }
        routes.insert((method, path, prefix, reply), at: 0)
    }

    /// Every request so far, in arrival order.
    public var requests: [Request] { lock.lock(); defer { lock.unlock() }; return recorded }

    /// The last request to `method` `path`, if any.
    public func last(_ method: String, _ path: String) -> Request? {
        requests.last { $0.method == method && $0.path == path }
    }

    /// Stops listening and closes every connection (hanging requests then see the connection drop).
    public func stop() {
        lock.lock()
        if stopped { lock.unlock(); return }
        stopped = true
        let open = connections
        connections.removeAll()
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for c in open { shutdown(c, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let c = accept(fd, nil, nil)
            if c < 0 {
                if errno == EINTR { continue }
                return
            }
            var yes: Int32 = 1
            setsockopt(c, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            lock.lock()
            if stopped { lock.unlock(); close(c); return }
            connections.insert(c)
            lock.unlock()
            let thread = Thread { [weak self] in
                self?.serve(c)
                close(c)
            }
            thread.start()
        }
    }

    /// The reply is computed outside the lock, so a route that takes its time (a slow model)
    /// does not hold up requests on other connections.
    private func reply(for request: Request) -> Reply {
        lock.lock()
        recorded.append(request)
        let route = routes.first { $0.method == request.method
            && ($0.prefix ? request.path.hasPrefix($0.path) : request.path == $0.path) }
        let fallback = self.fallback
        lock.unlock()
        return route?.reply(request) ?? fallback
    }

    private func serve(_ c: Int32) {
        var buffer = Data()
        defer { lock.lock(); connections.remove(c); lock.unlock() }
        while true {
            // Read the head.
            let separator = Data("\r\n\r\n".utf8)
            var headEnd = buffer.range(of: separator)
            while headEnd == nil {
                guard readMore(c, into: &buffer) else { return }
                headEnd = buffer.range(of: separator)
            }
            guard let end = headEnd else { return }
            let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
            buffer.removeSubrange(..<end.upperBound)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count >= 2 else { return }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            if headers["expect"]?.lowercased() == "100-continue" {
                guard sendAll(c, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while buffer.count < length { guard readMore(c, into: &buffer) else { return } }
            let body = buffer.prefix(length)
            buffer.removeFirst(length)
            let request = Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers,
                                  body: Data(body))
            switch reply(for: request) {
            case .hang:
                // Wait until the server stops (the socket is shut down) or the client goes away.
                var scratch = Data()
                while readMore(c, into: &scratch) {}
                return
            case .drop:
                return
            case .trickle(let text, let interval):
                let body = Data(text.utf8)
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
                guard sendAll(c, Data(head.utf8)) else { return }
                for b in body {
                    Thread.sleep(forTimeInterval: interval)
                    guard sendAll(c, Data([b])) else { return }
                }
                return
            case .respond(let status, let text, let extra):
                let body = Data(text.utf8)
                let head = "HTTP/1.1 \(status) \(status < 400 ? "OK" : "Error")\r\nContent-Type: application/json; charset=utf-8\r\n"
                    + extra.map { "\($0.key): \($0.value)\r\n" }.joined()
                    + "Content-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
                guard sendAll(c, Data(head.utf8) + body) else { return }
            }
        }
    }

    private func readMore(_ c: Int32, into buffer: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { recv(c, $0.baseAddress, $0.count, 0) }
        if n < 0 && errno == EINTR { return true }
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    private func sendAll(_ c: Int32, _ data: Data) -> Bool {
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { send(c, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}
