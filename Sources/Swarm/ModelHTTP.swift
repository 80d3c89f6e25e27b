import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One POST to a model endpoint with a hard deadline (body included: a server that trickles its
/// answer cannot hold an agent forever) and a size cap checked as bytes arrive (a runaway answer
/// is cut off, not buffered). URLSession with a data delegate, so cancelling the calling task
/// cancels the transfer at once.
final class ModelHTTP: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// An answer with any status.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]   // lower-cased names
        var body: Data
    }

    /// What went wrong below HTTP.
    enum Failure: Error, Sendable {
        case timeout(Double)
        case tooLarge(Int)
        case network(String)
        case cancelled
    }

    /// One transfer in progress. Invariant: only touched under `ModelHTTP.lock`.
    private final class Transfer {
        var data = Data()
        var response: HTTPURLResponse?
        let limit: Int
        var failure: Failure?
        let continuation: CheckedContinuation<Reply, any Error>
        init(limit: Int, continuation: CheckedContinuation<Reply, any Error>) { self.limit = limit; self.continuation = continuation }
    }

    /// The shared transport (one connection pool per process; URLSession keeps its delegate alive anyway).
    static let shared = ModelHTTP()

    // Invariant: `transfers` is only touched under `lock`; `session` is set once in init.
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]
    private var session: URLSession!

    override init() {
        super.init()
        let config = URLSessionConfiguration.ephemeral
        config.httpMaximumConnectionsPerHost = 128   // `--max-requests` is the real limit
        config.timeoutIntervalForResource = 24 * 3600
        session = URLSession(configuration: config, delegate: self, delegateQueue: nil)
    }

    /// Sends `request`; throws `Failure` (never for an HTTP status).
    func send(_ request: URLRequest, timeout: Double, limit: Int) async throws -> Reply {
        let holder = TaskHolder()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Reply, any Error>) in
                var r = request
                r.timeoutInterval = timeout
                let task = session.dataTask(with: r)
                lock.lock(); transfers[task.taskIdentifier] = Transfer(limit: limit, continuation: c); lock.unlock()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak self] in self?.fail(task, .timeout(timeout)) }
                if holder.set(task) { task.resume() } else { fail(task, .cancelled) }
            }
        } onCancel: {
            if let t = holder.cancel() { fail(t, .cancelled) }
        }
    }

    private func fail(_ task: URLSessionTask, _ failure: Failure) {
        lock.lock()
        let t = transfers[task.taskIdentifier]
        if let t, t.failure == nil { t.failure = failure }
        lock.unlock()
        if t != nil { task.cancel() }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        lock.lock()
        let t = transfers[dataTask.taskIdentifier]
        t?.response = response as? HTTPURLResponse
        let tooLarge = t.map { response.expectedContentLength > Int64($0.limit) } ?? false
        lock.unlock()
        if tooLarge, let t { fail(dataTask, .tooLarge(t.limit)); completionHandler(.cancel); return }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        var over: Int?
        if let t = transfers[dataTask.taskIdentifier] {
            t.data.append(data)
            if t.data.count > t.limit { over = t.limit; t.data = Data() }
        }
        lock.unlock()
        if let over { fail(dataTask, .tooLarge(over)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let t = transfers.removeValue(forKey: task.taskIdentifier)
        lock.unlock()
        guard let t else { return }
        if let f = t.failure { t.continuation.resume(throwing: f); return }
        if let error { t.continuation.resume(throwing: Failure.network((error as NSError).localizedDescription)); return }
        var headers: [String: String] = [:]
        for (k, v) in t.response?.allHeaderFields ?? [:] {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        t.continuation.resume(returning: Reply(status: t.response?.statusCode ?? 0, headers: headers, body: t.data))
    }
}

/// The task of one `send`, for cancellation that may come before or after it exists.
private final class TaskHolder: @unchecked Sendable {
    // Invariant: `task` and `cancelled` are only touched under `lock`.
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelled = false
    /// Stores the task; false when cancellation came first.
    func set(_ t: URLSessionTask) -> Bool { lock.lock(); defer { lock.unlock() }; task = t; return !cancelled }
    /// Marks cancelled; the task, when there is one already.
    func cancel() -> URLSessionTask? { lock.lock(); defer { lock.unlock() }; cancelled = true; return task }
}
