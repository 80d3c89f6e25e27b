import Foundation
import ScreenCore

/// A temporary directory removed when the value is deinitialised.
public final class TempDir: @unchecked Sendable {
    // Invariant: immutable after init.
    public let path: String
    public init(_ prefix: String = "screenwright") {
        path = NSTemporaryDirectory() + "\(prefix)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    /// A path inside the directory.
    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}

/// The result of running a command.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs programs for tests (ffmpeg to make fixtures, the built binaries end to end).
public enum Shell {
    /// Runs `executable` with `arguments` (PATH is searched), with an optional time limit.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           timeout: Double = 120) throws -> CommandResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Drain both pipes concurrently so a chatty child never blocks.
        final class Box: @unchecked Sendable { var data = Data() }
        let o = Box(), e = Box()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { o.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { e.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit() }
        group.wait()
        p.waitUntilExit()
        return CommandResult(status: p.terminationStatus, stdout: String(decoding: o.data, as: UTF8.self),
                             stderr: String(decoding: e.data, as: UTF8.self))
    }

    /// Runs ffmpeg quietly, throwing if it fails.
    public static func ffmpeg(_ arguments: [String]) throws {
        let r = try run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y"] + arguments)
        if r.status != 0 { throw FixtureError(message: "ffmpeg failed: \(r.stderr)") }
    }
}

/// A fixture could not be made.
public struct FixtureError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Makes the media files tests need, in a temp dir, with ffmpeg.
public enum MediaFixtures {
    /// A clip of moving test pattern: `seconds` long at `fps`, `width`×`height`, with codec args.
    public static func video(_ path: String, seconds: Double = 2, fps: Int = 30, width: Int = 320, height: Int = 240,
                             codec: [String] = ["-c:v", "libx264", "-pix_fmt", "yuv420p"], extra: [String] = []) throws {
        try Shell.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=\(fps)", "-t", String(seconds)]
                         + codec + extra + [path])
    }

    /// The root of the source tree (for `samples/` and the built binaries).
    public static var repoRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
}
