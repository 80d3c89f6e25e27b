import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A chromedriver child process and everything it started.
///
/// Foundation's `Process` puts the child in a process group of its own (pgid == pid, checked on
/// Debian 12), and Chromium's browser, zygote and renderer processes inherit that group. So
/// signalling the group reaches Chromium even after chromedriver is gone — which matters, because
/// Chromium outlives a killed chromedriver (its processes are re-parented to init). Chromium's
/// crashpad handlers start sessions of their own but exit once the browser does.
final class DriverProcess: @unchecked Sendable {
    // Invariant: `process` is configured and started in `init` and then only queried or signalled
    // (both thread-safe); the output buffer and exit status live behind `Locked`.
    let process: Process
    let pid: Int32
    /// The process group to signal; the driver's pid when it leads its own group.
    let group: Int32
    private let output = Locked(Data())
    private let exit = Locked<Int32?>(nil)

    /// Starts `chromedriver --port=0`: it picks a free port itself and prints it, so there is no
    /// window between choosing a port and binding it in which a concurrent start could take it.
    init(executable: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["--port=0"]
        var env = ProcessInfo.processInfo.environment
        env["CHROME_LOG_FILE"] = "/dev/null"
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        let output = self.output
        // Keep draining for the driver's whole life so a chatty driver never blocks on a full pipe;
        // only the tail is kept, for error messages.
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil; return }
            output.withLock { buffer in
                buffer.append(chunk)
                if buffer.count > 16_384 { buffer.removeFirst(buffer.count - 16_384) }
            }
        }
        let exit = self.exit
        p.terminationHandler = { proc in exit.withLock { $0 = proc.terminationStatus } }
        do {
            try p.run()
        } catch {
            pipe.fileHandleForReading.readabilityHandler = nil
            throw BrowserError.driverFailedToStart("cannot run \(executable): \(error.localizedDescription)")
        }
        process = p
        pid = p.processIdentifier
        Self.spawned.withLock { $0.append(p.processIdentifier) }
        group = getpgid(pid) == pid ? pid : -1
    }

    private static let spawned = Locked<[Int32]>([])
    /// Every driver pid this process has started (for tests that check nothing is left behind).
    static var spawnedPIDs: [Int32] { spawned.withLock { $0 } }

    /// What the driver printed so far (the tail).
    var outputText: String { output.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Why the driver is gone, or nil while it runs.
    var exitReason: String? {
        guard let status = exit.withLock({ $0 }) else { return nil }
        return "chromedriver exited with status \(status)"
    }

    /// Waits for "ChromeDriver was started successfully on port N." and returns N.
    func waitForPort(timeout: Double) async throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let port = Self.parsePort(outputText) { return port }
            if let reason = exitReason {
                throw BrowserError.driverFailedToStart("\(reason): \(Self.summary(outputText))")
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        throw BrowserError.driverFailedToStart("chromedriver printed no port within \(timeout) s: \(outputText)")
    }

    /// The driver's output without its banner lines, on one line.
    static func summary(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("Starting ChromeDriver") && !$0.hasPrefix("Only local connections")
                && !$0.hasPrefix("Please see https://chromedriver") }
            .joined(separator: " | ")
    }

    static func parsePort(_ text: String) -> Int? {
        guard let range = text.range(of: "started successfully on port ") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }

    /// True while any process of the driver's group exists (the driver itself until reaped).
    var groupAlive: Bool {
        if group > 0 { return kill(-group, 0) == 0 }
        return process.isRunning
    }

    /// Signals the whole group (or just the driver when it has no group of its own).
    func signal(_ sig: Int32) {
        if group > 0 { _ = kill(-group, sig) } else if process.isRunning { _ = kill(pid, sig) }
    }

    /// SIGTERM to the group, up to `grace` seconds for it to empty, then SIGKILL and a last wait.
    func terminate(grace: Double = 2) async {
        signal(SIGTERM)
        var waited = 0.0
        while groupAlive && waited < grace {
            try? await Task.sleep(nanoseconds: 10_000_000)
            waited += 0.01
        }
        if groupAlive {
            signal(SIGKILL)
            for _ in 0..<100 where groupAlive { try? await Task.sleep(nanoseconds: 10_000_000) }
        }
    }

    /// The blocking version, for `deinit` and signal handlers where nothing can be awaited.
    func terminateNow(grace: Double = 1) {
        signal(SIGTERM)
        var waited = 0.0
        while groupAlive && waited < grace { usleep(10_000); waited += 0.01 }
        if groupAlive { signal(SIGKILL) }
    }
}

/// Every live driver in this process, so an interrupt or `exit` does not leave Chromium behind.
///
/// Installed on the first `BrowserSession.start`: SIGINT, SIGTERM and SIGHUP are caught with a
/// `DispatchSource` (the handler runs on an ordinary queue, so it may lock and wait), every
/// registered driver group is killed and its profile removed, and then the signal is raised again
/// with its default action so the process ends as it would have (a shell shows 130 for Ctrl-C).
/// An `atexit` hook does the same for a plain `exit()`.
enum DriverRegistry {
    struct Entry: Sendable { var driver: DriverProcess; var profile: String? }

    private static let live = Locked<[Int32: Entry]>([:])
    private static let sources = Locked<[any DispatchSourceSignal]>([])

    static func register(_ driver: DriverProcess, profile: String?) {
        installHandlersOnce()
        live.withLock { $0[driver.pid] = Entry(driver: driver, profile: profile) }
    }

    static func unregister(_ driver: DriverProcess) {
        _ = live.withLock { $0.removeValue(forKey: driver.pid) }
    }

    /// Pids of the drivers currently registered (for tests).
    static var pids: [Int32] { live.withLock { Array($0.keys) } }

    /// Kills every registered driver group at once and removes the profiles.
    static func killAll() {
        let entries = live.withLock { all -> [Entry] in
            defer { all.removeAll() }
            return Array(all.values)
        }
        for e in entries { e.driver.signal(SIGTERM) }
        var waited = 0
        while entries.contains(where: { $0.driver.groupAlive }) && waited < 50 { usleep(10_000); waited += 1 }
        for e in entries where e.driver.groupAlive { e.driver.signal(SIGKILL) }
        for e in entries { if let p = e.profile { try? FileManager.default.removeItem(atPath: p) } }
    }

    private static let installOnce: Void = {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // Ignore the default action so only the source sees the signal.
            Glibc.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                killAll()
                Glibc.signal(sig, SIG_DFL)
                raise(sig)
                Glibc.exit(128 + sig)   // only reached if the default action did not end us
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
        atexit { DriverRegistry.killAll() }
    }()

    static func installHandlersOnce() { _ = installOnce }
}
