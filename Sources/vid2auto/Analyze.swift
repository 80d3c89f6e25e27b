import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto RECORDING`: analyse a recording and write a script (or the action timeline).
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze",
        abstract: "Analyse a recording and generate a script (the default command).")

    @Argument(help: "The recording.") var file: String
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @OptionGroup var script: ScriptOptions
    @Flag(help: "Also analyse with one agent and report the speedup in the timeline's swarm section.")
    var measureSpeedup = false
    @Option(help: "Also write a review report: one self-contained HTML page with every step's lines and evidence.")
    var report: String?

    func run() async throws {
        let progress = LockedProgress(ProgressLine(enabled: isatty(2) == 1))
        do {
            let options = AnalysisOptions(agents: script.agents, agentTimeout: script.agentTimeout, measureSpeedup: measureSpeedup,
                                          progress: { progress.update($0) }, live: script.liveSettings, remote: try script.model.config())
            let generated = try await Vid2AutoKit.generate(path: file, target: script.target, options: options,
                                                           templates: script.templates, assertions: !script.noAssert, reportPath: report)
            let (text, diagnostics) = (generated.text, generated.diagnostics)
            progress.finish()
            // What was lost on the way (each segment skipped) is said on stderr, one line each; the
            // script is still written.
            for d in diagnostics where d.severity == .error {
                FileHandle.standardError.write(Data("vid2auto: \(file): \(d.message)\n".utf8))
            }
            try emit(text, to: output)
        } catch {
            progress.finish()
            throw fail(error)
        }
    }
}

/// `vid2auto report TIMELINE.json`: the review page of a timeline saved with `--target timeline`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report",
        abstract: "Write the review report of a saved timeline (from --target timeline) without analysing again.")

    @Argument(help: "The timeline JSON.") var timeline: String
    @Option(help: "The recording it was analysed from (default: the timeline's source path).") var recording: String?
    @Option(name: .shortAndLong, help: "The HTML file to write.") var output: String
    @Option(help: "The script target whose lines the report shows: \(Vid2AutoKit.targets.joined(separator: ", ")).")
    var target: String = "playwright-python"
    @Option(help: "Directory of code templates (overrides the built-in ones).") var templates: String?
    @Flag(help: "Leave assertions out of the script lines.") var noAssert = false

    func validate() throws {
        try validateTarget(target)
    }

    func run() async throws {
        do {
            let html = try await Vid2AutoKit.report(timelinePath: timeline, recording: recording, target: target,
                                                    templates: templates, assertions: !noAssert)
            try Batch.writeAtomically(html, to: output)
        } catch { throw fail(error) }
    }
}

/// Serialises progress updates coming from several sub-agents at once.
final class LockedProgress: @unchecked Sendable {
    // Invariant: `line` is only used under `lock`.
    private let lock = NSLock()
    private let line: ProgressLine
    init(_ line: ProgressLine) { self.line = line }
    func update(_ text: String) { lock.lock(); line.update(text); lock.unlock() }
    func finish() { lock.lock(); line.finish(); lock.unlock() }
}
