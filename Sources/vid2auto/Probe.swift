import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto probe FILE`: container, codec, size, duration, frame rate, frame count, rotation.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probe", abstract: "Describe a recording.")

    @Argument(help: "The recording (mp4, webm, mov, mkv …).") var file: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        do {
            let info = try RecordingInspector.probe(path: file)
            print(json ? try Vid2AutoKit.json(info) : Vid2AutoKit.describe(info))
        } catch { throw fail(error) }
    }
}

/// `vid2auto frames FILE --fps 2 --out DIR`: sampled frames as PNG files.
struct FramesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "frames", abstract: "Write sampled frames as PNG files.")

    @Argument(help: "The recording.") var file: String
    @Option(help: "Frames per second to write (0 = every frame).") var fps: Double = 2
    @Option(help: "Directory for the PNG files (created if missing).") var out: String?
    @Flag(help: "Decode and convert every selected frame but write nothing (for benchmarks, like ffmpeg -f null).")
    var null = false
    @Option(help: "Start time in seconds.") var start: Double = 0
    @Option(help: "End time in seconds.") var end: Double?
    @Option(help: "Output width in pixels (height keeps the aspect ratio).") var width: Int?
    @Flag(help: "Write 8-bit gray instead of RGB.") var gray = false

    func validate() throws {
        guard fps >= 0 else { throw ValidationError("--fps must be 0 or more") }
        guard start >= 0 else { throw ValidationError("--start must be 0 or more") }
        if let end, end <= start { throw ValidationError("--end must be after --start") }
        if let width, width < 1 || width > 16384 { throw ValidationError("--width must be between 1 and 16384") }
        if out == nil && !null { throw ValidationError("--out DIR is required (or --null)") }
    }

    func run() async throws {
        let progress = ProgressLine(enabled: isatty(2) == 1)
        do {
            let (files, diagnostics) = try await RecordingInspector.extractFrames(
                path: file, to: null ? nil : out,
                options: .init(fps: fps == 0 ? nil : fps, start: start, end: end, width: width, gray: gray)
            ) { n, fraction in progress.update("frames: \(n) written, \(Int(fraction * 100))%") }
            progress.finish()
            for d in diagnostics { FileHandle.standardError.write(Data("vid2auto: \(d.message)\n".utf8)) }
            print(null ? "decoded \(files.count) frames" : "wrote \(files.count) frames to \(out ?? "")")
        } catch { progress.finish(); throw fail(error) }
    }
}

/// A single self-overwriting status line on a terminal; silent otherwise.
final class ProgressLine: @unchecked Sendable {
    // Invariant: used from one task at a time (the command's run loop).
    private let enabled: Bool
    private var last = Date.distantPast
    private var shown = false
    init(enabled: Bool) { self.enabled = enabled }
    func update(_ text: String) {
        guard enabled, Date().timeIntervalSince(last) > 0.1 else { return }
        last = Date(); shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
    func finish() { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false } }
}

/// `vid2auto render TIMELINE.json --target T`: a saved action timeline becomes a script.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render",
        abstract: "Render a saved action timeline (--target timeline output) as a script.")

    @Argument(help: "The timeline JSON file.") var file: String
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @Option(help: "What to generate: \(Vid2AutoKit.targets.joined(separator: ", ")).") var target: String = "playwright-python"
    @Option(help: "Directory of code templates (overrides the built-in ones).") var templates: String?
    @Flag(help: "Leave assertions out of generated scripts.") var noAssert = false

    func validate() throws {
        try validateTarget(target)
    }

    func run() async throws {
        do {
            let text = try Vid2AutoKit.render(timelineAt: file, target: target, templates: templates, assertions: !noAssert)
            try emit(text, to: output)
        } catch { throw fail(error) }
    }
}
