import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A chromedriver child process and everything it started.
///
/// Spawned with `posix_spawn` rather than Foundation's `Process`, which passes on the calling
/// thread's signal mask: started from a Dispatch or Swift-concurrency thread (where SIGTERM, SIGINT
/// and SIGHUP are blocked), chromedriver could only be stopped with SIGKILL. Here the child gets an
/// empty mask, default signal actions and a process group of its own (pgid == pid). Chromium's
/// browser, zygote and renderer processes inherit that group, so signalling the group reaches
/// Chromium even after chromedriver is gone — which matters, because Chromium outlives a killed
/// chromedriver (its processes are re-parented to init). Chromium's crashpad handlers start
/// sessions of their own but exit once the browser does.
final class DriverProcess: @unchecked Sendable {
    // Invariant: `pid` and `group` are set in `init` and never change; the output buffer and exit
    // status live behind `Locked` and are written by the reader and reaper threads only.
    let pid: Int32
    /// The process group to signal (the driver leads its own).
    let group: Int32
    private let output = Locked(Data())
    private let exit = Locked<Int32?>(nil)
    /// Set by the reader thread when the output pipe reached its end (every writer closed it).
    private let outputEnded = Locked(false)
    /// The write end of the watcher's pipe (-1 without a watcher): see `startWatcher`.
    private let watchFD: Int32

    /// Starts `chromedriver --port=0`: it picks a free port itself and prints it, so there is no
    /// window between choosing a port and binding it in which a concurrent start could take it.
    init(executable: String) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw BrowserError.driverFailedToStart("pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }   // (pipe2 is not visible from Swift)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)

        let (child, rc) = Self.spawn(executable, [executable, "--port=0"], group: 0, &actions)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw BrowserError.driverFailedToStart("cannot run \(executable): \(String(cString: strerror(rc)))")
        }
        let spawnedPID = child
        pid = spawnedPID
        group = spawnedPID
        Self.spawned.withLock { $0.append(spawnedPID) }
        watchFD = Self.startWatcher(group: spawnedPID)

        // Drain the output for the driver's whole life so a chatty driver never blocks on a full
        // pipe; only the tail is kept, for error messages.
        let output = self.output, ended = self.outputEnded, readEnd = fds[0]
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                output.withLock { buffer in
                    buffer.append(contentsOf: chunk[0..<n])
                    if buffer.count > 16_384 { buffer.removeFirst(buffer.count - 16_384) }
                }
            }
            close(readEnd)
            ended.withLock { $0 = true }
        }
        // Reap it, so it does not linger as a zombie and its exit status is known.
        let exit = self.exit
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(spawnedPID, &status, 0) < 0 && errno == EINTR {}
            exit.withLock { $0 = status }
        }
    }

    deinit { if watchFD >= 0 { close(watchFD) } }

    /// Starts a watcher in the driver's group: a `/bin/sh` that reads a pipe whose only write end
    /// this process holds (close-on-exec, so no other child inherits it) and kills its whole group
    /// when the read ends. Signal handlers and `atexit` cannot run when this process is killed with
    /// SIGKILL (a harness's timeout, the OOM killer, `kill -9`): the kernel then closes the pipe,
    /// and the watcher ends chromedriver and Chromium. Returns the write end, or -1 if the watcher
    /// could not start (the driver then runs without one, as before).
    private static func startWatcher(group: Int32) -> Int32 {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // `read` returns at end of file only (nothing is ever written); `kill 0` is the group.
        let (watcher, rc) = Self.spawn("/bin/sh", ["sh", "-c", "read line; kill -KILL 0"], group: group, &actions)
        close(fds[0])
        guard rc == 0 else { close(fds[1]); return -1 }
        // Reap it when the group ends.
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(watcher, &status, 0) < 0 && errno == EINTR {}
        }
        return fds[1]
    }

    /// `posix_spawn` with an empty signal mask, default signal actions and process group `group`
    /// (0: a new group the child leads); returns the child's pid and `posix_spawn`'s result.
    private static func spawn(_ path: String, _ arguments: [String], group: Int32,
                              _ actions: inout posix_spawn_file_actions_t) -> (pid: pid_t, rc: Int32) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL); sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, group)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var child: pid_t = 0
        let rc = argv.withUnsafeBufferPointer { posix_spawn(&child, path, &actions, &attributes, $0.baseAddress!, environ) }
        return (child, rc)
    }

    private static let spawned = Locked<[Int32]>([])
    /// Every driver pid this process has started (for tests that check nothing is left behind).
    static var spawnedPIDs: [Int32] { spawned.withLock { $0 } }

    /// What the driver printed so far (the tail).
    var outputText: String { output.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Why the driver is gone, or nil while it runs.
    var exitReason: String? {
        guard let status = exit.withLock({ $0 }) else { return nil }
        let signal = status & 0x7f
        return signal == 0 ? "chromedriver exited with status \((status >> 8) & 0xff)"
            : "chromedriver was killed by signal \(signal)"
    }

    /// Waits for "ChromeDriver was started successfully on port N." and returns N.
    func waitForPort(timeout: Double) async throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let port = Self.parsePort(outputText) { return port }
            if let reason = exitReason {
                // The reaper may see the exit before the reader has the last lines (which say why):
                // wait for the output's end, briefly — a child the driver left may hold the pipe.
                let drained = Date().addingTimeInterval(Self.outputDrainTimeout)
                while !outputEnded.withLock({ $0 }) && Date() < drained {
                    try await Task.sleep(nanoseconds: 5_000_000)
                }
                throw BrowserError.driverFailedToStart("\(reason): \(Self.summary(outputText))")
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        throw BrowserError.driverFailedToStart("chromedriver printed no port within \(timeout) s: \(outputText)")
    }

    /// How long a driver that exited is given to deliver the rest of its output (seconds).
    static let outputDrainTimeout = 1.0

    /// The driver's output without its banner lines, on one line.
    static func summary(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("Starting ChromeDriver") && !$0.hasPrefix("Only local connections")
                && !$0.hasPrefix("Please see https://chromedriver") }
            .joined(separator: " | ")
    }

    /// Whether a failed start lost the race for its port: with `--port=0` chromedriver takes a free
    /// port for one address family, then binds the other on the same number, which another process
    /// may hold at that moment ("bind() failed: Address already in use … port not available.
    /// Exiting..."). Seen once in 68 starts while two evals started drivers side by side; a new
    /// start gets another port.
    static func lostPortRace(_ why: String) -> Bool {
        why.contains("Address already in use") || why.contains("port not available")
    }

    static func parsePort(_ text: String) -> Int? {
        guard let range = text.range(of: "started successfully on port ") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }

    /// True while any live process of the driver's group exists. Zombies do not count: Chromium's
    /// processes are re-parented to init when chromedriver goes, and init here (a container's pid 1)
    /// may take a second or more to reap them.
    var groupAlive: Bool { kill(-group, 0) == 0 && !Self.liveMembers(of: group).isEmpty }

    /// Pids of the processes in group `group` that are not zombies, from /proc.
    static func liveMembers(of group: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var found: [Int32] = []
        for name in entries {
            guard let pid = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "(comm) ": state ppid pgrp …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, Int32(fields[2]) == group else { continue }
            // A leader shown as a zombie may still have running threads (it called pthread_exit).
            if fields[0] == "Z",
               ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(name)/task"))?.count ?? 0) <= 1 { continue }
            found.append(pid)
        }
        return found
    }

    /// Signals the whole group.
    func signal(_ sig: Int32) { _ = kill(-group, sig) }

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
        if groupAlive {
            signal(SIGKILL)
            for _ in 0..<100 where groupAlive { usleep(10_000) }
        }
    }

    /// Removes a Chromium profile, again if a process still dying wrote into it meanwhile.
    static func removeProfile(_ path: String) {
        for _ in 0..<5 {
            try? FileManager.default.removeItem(atPath: path)
            if !FileManager.default.fileExists(atPath: path) { return }
            usleep(50_000)
        }
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
    /// Profiles of the drivers currently registered (for tests).
    static var profiles: [String] { live.withLock { $0.values.compactMap(\.profile) } }

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
        waited = 0
        while entries.contains(where: { $0.driver.groupAlive }) && waited < 50 { usleep(10_000); waited += 1 }
        for e in entries { if let p = e.profile { DriverProcess.removeProfile(p) } }
    }

    private static let installOnce: Void = {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // Ignore the default action so only the source sees the signal.
            Glibc.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                killAll()
                // Die of the same signal: default action, unblocked on this thread (Dispatch
                // threads block it), raised again. Exit 128+sig if that somehow returns.
                Glibc.signal(sig, SIG_DFL)
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, sig)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                raise(sig)
                Glibc.exit(128 + sig)
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
        atexit { DriverRegistry.killAll() }
    }()

    static func installHandlersOnce() { _ = installOnce }
}
