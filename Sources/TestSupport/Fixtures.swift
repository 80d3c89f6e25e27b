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

    /// A 12 s clip where every frame changes, a keyframe every 2 s (192×108, 30 fps), made once
    /// in `dir` as `busy.mp4`: the decode-once tests' clip.
    public static func busyClip(in dir: TempDir) throws -> String {
        let path = dir.file("busy.mp4")
        if !FileManager.default.fileExists(atPath: path) {
            try video(path, seconds: 12, fps: 30, width: 192, height: 108, extra: ["-g", "60"])
        }
        return path
    }

    /// The root of the source tree (for `samples/` and the built binaries).
    public static var repoRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
}

/// The built command-line tools, for end-to-end tests.
public enum Binaries {
    /// The path of a built product: `$SCREENWRIGHT_BIN_DIR/NAME` when set, else the newer of the
    /// release and debug builds (`make test` builds release first, so heavy end-to-end tests run
    /// optimised code; a plain `swift build` after an edit makes debug the newer one).
    public static func path(_ name: String) -> String {
        if let dir = ProcessInfo.processInfo.environment["SCREENWRIGHT_BIN_DIR"] { return dir + "/" + name }
        let root = MediaFixtures.repoRoot
        let candidates = ["release", "debug"].map { "\(root)/.build/\($0)/\(name)" }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        func mtime(_ p: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: p))?[.modificationDate] as? Date) ?? .distantPast
        }
        return candidates.max { mtime($0) < mtime($1) } ?? "\(root)/.build/debug/\(name)"
    }
}

/// Bad inputs, each made fresh in a directory: the files every command must refuse cleanly.
public enum BadInputs {
    /// Name → path of every bad recording/image the issue lists.
    public static func make(in dir: TempDir) throws -> [(name: String, path: String)] {
        var out: [(String, String)] = []
        out.append(("missing file", dir.file("missing.mp4")))
        let empty = dir.file("empty.mp4"); FileManager.default.createFile(atPath: empty, contents: Data())
        out.append(("empty file", empty))
        let good = dir.file("good.mp4"); try MediaFixtures.video(good, seconds: 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = dir.file("truncated.mp4"); try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: truncated))
        out.append(("truncated mp4", truncated))
        // Cut short with the index first: the frames before the cut decode, the rest are listed but gone.
        let fast = dir.file("faststart.mp4"); try MediaFixtures.video(fast, seconds: 2, extra: ["-movflags", "+faststart"])
        let fastData = try Data(contentsOf: URL(fileURLWithPath: fast))
        let fastCut = dir.file("truncated-faststart.mp4"); try fastData.prefix(fastData.count / 2).write(to: URL(fileURLWithPath: fastCut))
        out.append(("truncated fast-start mp4", fastCut))
        let text = dir.file("notes.mp4"); try Data("these are notes, not a video\n".utf8).write(to: URL(fileURLWithPath: text))
        out.append(("text file named .mp4", text))
        let audio = dir.file("audio.m4a"); try Shell.ffmpeg(["-f", "lavfi", "-i", "sine", "-t", "0.5", audio])
        out.append(("audio only", audio))
        let still = dir.file("still.png"); try Shell.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x48", "-frames:v", "1", still])
        out.append(("still image as recording", still))
        let avi = dir.file("m.avi"); try MediaFixtures.video(avi, seconds: 0.3, codec: ["-c:v", "mpeg4", "-vtag", "XVID"])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: avi)))
        for tag in ["XVID", "FMP4"] { replaceAll(&bytes, Array(tag.utf8), Array("QZQZ".utf8)) }
        let unknown = dir.file("unknown-codec.avi"); try Data(bytes).write(to: URL(fileURLWithPath: unknown))
        out.append(("unsupported codec", unknown))
        var png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: still)))
        png[29] ^= 0xff
        let crc = dir.file("bad-crc.png"); try Data(png).write(to: URL(fileURLWithPath: crc))
        out.append(("PNG with a broken CRC", crc))
        let huge = dir.file("huge.png"); try Data(hugePNGHeader()).write(to: URL(fileURLWithPath: huge))
        out.append(("PNG claiming 30000x30000", huge))
        return out
    }

    public static func replaceAll(_ bytes: inout [UInt8], _ a: [UInt8], _ b: [UInt8]) {
        var i = 0
        while i + a.count <= bytes.count {
            if bytes[i..<(i + a.count)].elementsEqual(a) { bytes.replaceSubrange(i..<(i + a.count), with: b) }
            i += 1
        }
    }

    /// A PNG whose valid IHDR (correct CRC) claims 30000×30000 pixels, with a tiny IDAT and IEND.
    public static func hugePNGHeader(width: UInt32 = 30000, height: UInt32 = 30000) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 255), UInt8((v >> 8) & 255), UInt8(v & 255)] }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let tb = Array(type.utf8) + body
            return be(UInt32(body.count)) + tb + be(crc32(tb))
        }
        let sig: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        return sig + chunk("IHDR", be(width) + be(height) + [8, 6, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
    }

    /// CRC-32 as PNG uses it.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xedb8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }
}
