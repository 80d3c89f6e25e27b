import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto RECORDING`: analyse a recording and write a script (or the action timeline).
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze",
        abstract: "Analyse a recording and generate a script (the default command).")

    @Argument(help: "The recording.") var file: String
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @Option(help: "What to generate: \(Vid2AutoKit.targets.joined(separator: ", ")).") var target: String = "playwright-python"
    @Option(help: "Sub-agents running at once (1–100; default: the number of cores).")
    var agents: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Seconds a sub-agent may spend on one segment before it is retried.") var agentTimeout: Double?
    @Flag(help: "Also analyse with one agent and report the speedup in the timeline's swarm section.")
    var measureSpeedup = false
    @Option(help: "Directory of code templates (overrides the built-in ones).") var templates: String?
    @Flag(help: "Leave assertions out of generated scripts.") var noAssert = false

    func validate() throws {
        guard (1...100).contains(agents) else { throw ValidationError("--agents must be between 1 and 100") }
        guard Vid2AutoKit.targets.contains(target) else {
            throw ValidationError("unsupported target '\(target)' (choose one of: \(Vid2AutoKit.targets.joined(separator: ", ")))")
        }
        if let t = agentTimeout, t <= 0 { throw ValidationError("--agent-timeout must be positive") }
    }

    func run() async throws {
        let progress = LockedProgress(ProgressLine(enabled: isatty(2) == 1))
        do {
            let options = AnalysisOptions(agents: agents, agentTimeout: agentTimeout, measureSpeedup: measureSpeedup,
                                          progress: { progress.update($0) })
            let (text, diagnostics) = try await Vid2AutoKit.analyseReporting(path: file, target: target, options: options,
                                                                             templates: templates, assertions: !noAssert)
            progress.finish()
            // What was lost on the way (a segment skipped) is said once per cause, on stderr; the
            // script is still written.
            for d in diagnostics where d.severity == .error {
                FileHandle.standardError.write(Data("vid2auto: \(file): \(d.message)\n".utf8))
            }
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) }
                catch { throw OutputError.cannotWrite(path: output, reason: (error as NSError).localizedDescription) }
            } else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        } catch {
            progress.finish()
            throw fail(error)
        }
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
