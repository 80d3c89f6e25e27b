import ArgumentParser
import Foundation
import Vid2AutoKit

/// The options every command that generates scripts takes (`analyze`, `batch`), parsed and
/// validated once.
struct ScriptOptions: ParsableArguments {
    @Option(help: "What to generate: \(Vid2AutoKit.targets.joined(separator: ", ")).") var target: String = "playwright-python"
    @Option(help: "Sub-agents running at once (1–100; default: the number of cores).")
    var agents: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Seconds a sub-agent may spend on one segment before it is retried.") var agentTimeout: Double?
    @Option(help: "Directory of code templates (overrides the built-in ones).") var templates: String?
    @Flag(help: "Leave assertions out of generated scripts.") var noAssert = false

    func validate() throws {
        guard (1...100).contains(agents) else { throw ValidationError("--agents must be between 1 and 100") }
        guard Vid2AutoKit.targets.contains(target) else {
            throw ValidationError("unsupported target '\(target)' (choose one of: \(Vid2AutoKit.targets.joined(separator: ", ")))")
        }
        if let t = agentTimeout, t <= 0 { throw ValidationError("--agent-timeout must be positive") }
    }
}
