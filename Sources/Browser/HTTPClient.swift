import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client for talking to a WebDriver endpoint, on POSIX sockets.
///
/// Why not `URLSession`: on this platform it goes through swift-corelibs-foundation's libcurl
/// glue, which rejects chromedriver's header lines (`Content-Length:252`, no space after the
/// colon) with "Failed writing header" — every chromedriver reply fails. WebDriver needs very
/// little HTTP: `Content-Length` bodies (chunked is read too), keep-alive, no TLS, no redirects.
///
/// Connections are kept alive and reused, `TCP_NODELAY` is set, and every exchange has a
/// deadline enforced with `poll`, so a silent server ends in `HTTPFailure.timeout`. Each exchange
/// blocks one Dispatch worker thread, never a Swift-concurrency thread; cancelling the calling task
/// shuts the socket down at once.
final class HTTPClient: Sendable {
    let host: String
    let port: Int
    private let idle = Locked<[Int32]>([])

    /// What went wrong below HTTP (an HTTP error status is not a failure here).
    enum HTTPFailure: Error {
        case timeout
        case cancelled
        case connect(String)
        case io(String)
        case protocolError(String)
    }

    /// Parses `http://host:port` (a path after it is ignored); nil for anything else.
    init?(baseURL: String) {
        guard let url = URL(string: baseURL), url.scheme == "http", let host = url.host else { return nil }
        self.host = host
        self.port = url.port ?? 80
    }

    deinit { closeIdle() }

    /// Closes the kept-alive connections.
    func closeIdle() {
        let fds = idle.withLock { all -> [Int32] in defer { all.removeAll() }; return all }
        for fd in fds { close(fd) }
    }

    /// Sends one request and returns the status and body. Throws `HTTPFailure`.
    func exchange(method: String, path: String, body: Data?, headers: [String: String] = [:],
                  timeout: Double) async throws -> (status: Int, body: Data) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
        let current = CurrentSocket()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: keep-alive\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if body != nil || method == "POST" { head += "Content-Length: \(body?.count ?? 0)\r\n" }
        head += "\r\n"
        let request = Data(head.utf8) + (body ?? Data())
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(with: Result {
                        try self.blocking(request, deadline: deadline, current: current)
                    })
                }
            }
        } onCancel: {
            current.cancel()
        }
    }

    // MARK: Blocking part (runs on a Dispatch worker)

    private func blocking(_ request: Data, deadline: UInt64, current: CurrentSocket) throws -> (status: Int, body: Data) {
        // A kept-alive connection the server has since closed fails on first use: then retry once
        // on a fresh one (only when nothing of a reply arrived, so no command runs twice… except
        // in the rare case the server got the request and closed before answering).
        if let fd = idle.withLock({ $0.popLast() }) {
            guard current.set(fd) else { close(fd); throw HTTPFailure.cancelled }
            do {
                return try roundTrip(fd, request, deadline: deadline, current: current)
            } catch HTTPFailure.io where !current.isCancelled {
                current.clear(); close(fd)
            } catch {
                current.clear(); close(fd)
                throw current.isCancelled ? HTTPFailure.cancelled : error
            }
        }
        let fd = try connect(deadline: deadline)
        guard current.set(fd) else { close(fd); throw HTTPFailure.cancelled }
        do {
            return try roundTrip(fd, request, deadline: deadline, current: current)
        } catch {
            current.clear(); close(fd)
            if current.isCancelled { throw HTTPFailure.cancelled }
            throw error
        }
    }

    private func roundTrip(_ fd: Int32, _ request: Data, deadline: UInt64,
                           current: CurrentSocket) throws -> (status: Int, body: Data) {
        try send(fd, request, deadline: deadline)
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var headEnd = buffer.range(of: separator)
        while headEnd == nil {
            try receive(fd, into: &buffer, deadline: deadline)
            headEnd = buffer.range(of: separator)
        }
        let head = String(decoding: buffer[..<headEnd!.lowerBound], as: UTF8.self)
        buffer.removeSubrange(..<headEnd!.upperBound)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw HTTPFailure.protocolError("not an HTTP reply: \(head.prefix(80))")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let keepAlive = statusLine[0] == "HTTP/1.1" && headers["connection"]?.lowercased() != "close"
        let body: Data
        if let length = headers["content-length"].flatMap({ Int($0) }) {
            while buffer.count < length { try receive(fd, into: &buffer, deadline: deadline) }
            body = buffer.prefix(length)
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try readChunked(fd, &buffer, deadline: deadline)
        } else if status == 204 || status == 304 || (100..<200).contains(status) {
            body = Data()
        } else {
            // No length: the body runs to the end of the connection.
            while (try? receive(fd, into: &buffer, deadline: deadline)) != nil {}
            body = buffer
            current.clear(); close(fd)
            return (status, body)
        }
        current.clear()
        if keepAlive { idle.withLock { $0.append(fd) } } else { close(fd) }
        return (status, body)
    }

    private func readChunked(_ fd: Int32, _ buffer: inout Data, deadline: UInt64) throws -> Data {
        var body = Data()
        let crlf = Data("\r\n".utf8)
        while true {
            var lineEnd = buffer.range(of: crlf)
            while lineEnd == nil { try receive(fd, into: &buffer, deadline: deadline); lineEnd = buffer.range(of: crlf) }
            let sizeText = String(decoding: buffer[..<lineEnd!.lowerBound], as: UTF8.self)
                .split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw HTTPFailure.protocolError("bad chunk size \(sizeText)")
            }
            buffer.removeSubrange(..<lineEnd!.upperBound)
            while buffer.count < size + 2 { try receive(fd, into: &buffer, deadline: deadline) }
            if size == 0 { buffer.removeFirst(2); return body }   // (no trailers from WebDriver servers)
            body.append(buffer.prefix(size))
            buffer.removeFirst(size + 2)
        }
    }

    private func connect(deadline: UInt64) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw HTTPFailure.connect("cannot resolve \(host): \(String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let ai = entry {
            entry = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            if fd < 0 { lastError = Self.errnoText(); continue }
            var yes: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return fd }
            if errno == EINPROGRESS {
                do {
                    try wait(fd, for: Int16(POLLOUT), deadline: deadline)
                    var err: Int32 = 0
                    var len = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
                    if err == 0 { return fd }
                    lastError = String(cString: strerror(err))
                } catch {
                    close(fd); throw error
                }
            } else {
                lastError = Self.errnoText()
            }
            close(fd)
        }
        throw HTTPFailure.connect(lastError)
    }

    private func send(_ fd: Int32, _ data: Data, deadline: UInt64) throws {
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n; continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { try wait(fd, for: Int16(POLLOUT), deadline: deadline); continue }
            if n < 0 && errno == EINTR { continue }
            throw HTTPFailure.io("send: \(Self.errnoText())")
        }
    }

    private func receive(_ fd: Int32, into buffer: inout Data, deadline: UInt64) throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return }
            if n == 0 { throw HTTPFailure.io("connection closed by the server") }
            if errno == EAGAIN || errno == EWOULDBLOCK { try wait(fd, for: Int16(POLLIN), deadline: deadline); continue }
            if errno == EINTR { continue }
            throw HTTPFailure.io("recv: \(Self.errnoText())")
        }
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private func wait(_ fd: Int32, for events: Int16, deadline: UInt64) throws {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw HTTPFailure.timeout }
            let ms = Int32(min(UInt64(Int32.max), (deadline - now + 999_999) / 1_000_000))
            var p = pollfd(fd: fd, events: events, revents: 0)
            let rc = poll(&p, 1, ms)
            if rc > 0 { return }   // ready, or an error the next call will report
            if rc == 0 { continue }   // loop re-checks the deadline
            if errno != EINTR { throw HTTPFailure.io("poll: \(Self.errnoText())") }
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The socket an exchange is using, so cancelling the task can shut it down from outside.
private final class CurrentSocket: @unchecked Sendable {
    // Invariant: fields only touched under `lock`.
    private let lock = NSLock()
    private var fd: Int32 = -1
    private var cancelled = false

    /// Records the socket; false when the exchange was already cancelled.
    func set(_ fd: Int32) -> Bool { lock.withLock { if cancelled { return false }; self.fd = fd; return true } }
    func clear() { lock.withLock { fd = -1 } }
    var isCancelled: Bool { lock.withLock { cancelled } }
    func cancel() {
        lock.withLock {
            cancelled = true
            if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }
}
