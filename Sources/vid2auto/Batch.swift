import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto batch INPUT... --out DIR`: every recording in files and folders becomes a script in
/// DIR; `--shard K/N` takes every N-th recording so N machines share one folder's work.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch",
        abstract: "Analyse every recording in files and folders, writing one script each.",
        discussion: """
            Folders are searched recursively for .mp4, .webm, .mov, .mkv, .m4v and .avi files; outputs keep \
            their folder structure under --out, and a manifest (batch-manifest.json, or batch-manifest-KofN.json \
            with --shard) records each input's outcome. A failing input is reported on one line and the others \
            go on; the exit code is then that of the first failure in input order.
            """)

    @Argument(help: "Recordings and folders of recordings.") var inputs: [String]
    @Option(name: .shortAndLong, help: "Directory for the generated files (created if missing).") var out: String
    @OptionGroup var script: ScriptOptions
    @Option(help: "Take the K-th of N equal shares of the recordings (K/N), for splitting a batch across machines.")
    var shard: String?
    @Option(help: "Recordings analysed at once (default 1; each uses --agents sub-agents).") var jobs: Int = 1
    @Flag(help: "Skip recordings whose output is already newer than the recording (resume an interrupted batch).")
    var skipUpToDate = false

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
        if let shard, Batch.Shard(parsing: shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4") }
    }

    func run() async throws {
        let say: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data("vid2auto: \(line)\n".utf8)) }
        let options = Batch.Options(outputDirectory: out, target: script.target, shard: shard.flatMap(Batch.Shard.init(parsing:)),
                                    jobs: jobs, skipUpToDate: skipUpToDate,
                                    analysis: AnalysisOptions(agents: script.agents, agentTimeout: script.agentTimeout, live: script.liveSettings),
                                    templates: script.templates, assertions: !script.noAssert)
        let (found, missing) = Batch.discover(inputs)
        let mine = Batch.select(found, shard: options.shard)
        var outcomes: [Batch.Outcome] = missing.map { m in
            let (message, code) = Vid2AutoKit.describe(m.error)
            say(message)
            return Batch.Outcome(input: m.path, output: nil, status: .failed, seconds: 0, error: message, exitCode: code, diagnostics: [])
        }
        if found.isEmpty && missing.isEmpty { say("no recordings given"); throw ExitCode(66) }
        let total = mine.count
        let shardNote = options.shard.map { " (shard \($0): \(total) of \(found.count))" } ?? ""
        if total > 0 { say("batch: \(total) recording\(total == 1 ? "" : "s")\(shardNote) → \(out)") }
        outcomes += await Batch.run(mine, options: options) { n, o in
            switch o.status {
            case .written:
                say("[\(n)/\(total)] \(o.input) → \(o.output ?? "-") (\(String(format: "%.1f", o.seconds)) s)")
                for d in o.diagnostics { say("\(o.input): \(d)") }
            case .upToDate: say("[\(n)/\(total)] \(o.input): up to date")
            case .failed: say("[\(n)/\(total)] \(o.error ?? "\(o.input): failed")")
            }
        }
        let manifestPath: String
        do {
            manifestPath = try Batch.writeManifest(Batch.Manifest(target: script.target, shard: options.shard?.description, outcomes: outcomes),
                                                   options: options)
        } catch { throw fail(error) }
        let written = outcomes.filter { $0.status == .written }.count
        let fresh = outcomes.filter { $0.status == .upToDate }.count
        let failed = outcomes.filter { $0.status == .failed }
        say("batch: \(written) written, \(fresh) up to date, \(failed.count) failed; manifest \(manifestPath)")
        // The exit code of the first failure in input order (missing inputs first).
        if let first = failed.first { throw ExitCode(first.exitCode ?? 70) }
    }
}
