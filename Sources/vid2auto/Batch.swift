import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto batch`: a group whose default command analyses recordings (`vid2auto batch INPUT...
/// --out DIR`, unchanged) and whose `merge` joins the manifests of shards run apart. A default
/// subcommand, as the root has, because `batch` itself takes positional inputs: "merge" first
/// means the merge, anything else is an input (a folder literally named merge: `./merge`).
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch",
        abstract: "Analyse every recording in files and folders, writing one script each; merge shards' manifests.",
        discussion: """
            vid2auto batch INPUT... -o DIR runs the batch (the default subcommand, 'run'); \
            vid2auto batch merge DIR joins the manifests shards wrote into DIR. See 'vid2auto batch help run'.
            """,
        subcommands: [BatchRun.self, BatchMerge.self],
        defaultSubcommand: BatchRun.self)
}

/// `vid2auto batch INPUT... --out DIR`: every recording in files and folders becomes a script in
/// DIR; `--shard K/N` takes every N-th recording so N machines share one folder's work, and
/// `--shard auto` reads K from a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`.
struct BatchRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run",
        abstract: "Analyse every recording in files and folders, writing one script each (the default).",
        usage: "vid2auto batch <inputs> ... --out <out> [--target <target>] [--shard K/N|auto [--shards N]] [--jobs <jobs>] [--skip-up-to-date] [--report] [<options>]",
        discussion: """
            Folders are searched recursively for .mp4, .webm, .mov, .mkv, .m4v and .avi files; outputs keep \
            their folder structure under --out, and a manifest (batch-manifest.json, or batch-manifest-KofN.json \
            with --shard) records each input's outcome. A failing input is reported on one line and the others \
            go on; the exit code is then that of the first failure in input order. Outputs and manifests are \
            written atomically, so shards can share one folder and a restarted one resumes with --skip-up-to-date.
            """)

    @Argument(help: "Recordings and folders of recordings.") var inputs: [String]
    @Option(name: .shortAndLong, help: "Directory for the generated files (created if missing).") var out: String
    @OptionGroup var script: ScriptOptions
    @Option(help: """
        Take the K-th of N equal shares of the recordings (K/N), for splitting a batch across machines; \
        'auto': K is JOB_COMPLETION_INDEX + 1 (a Kubernetes Indexed Job), N is --shards or JOB_COMPLETIONS.
        """)
    var shard: String?
    @Option(help: "The number of shards with --shard auto (default: JOB_COMPLETIONS).") var shards: Int?
    @Option(help: "Recordings analysed at once (default 1; each uses --agents sub-agents).") var jobs: Int = 1
    @Flag(help: "Skip recordings whose output is already newer than the recording (resume an interrupted batch).")
    var skipUpToDate = false
    @Flag(help: "Also write each recording's review report (NAME.report.html) and DIR/index.html listing them (with --shard: run 'batch merge DIR --report').")
    var report = false

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
        if let shard, shard != "auto", Batch.Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4) or auto")
        }
        if let shards, !(1...10_000).contains(shards) { throw ValidationError("--shards must be between 1 and 10000") }
    }

    func run() async throws {
        let say: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data("vid2auto: \(line)\n".utf8)) }
        // The environment is read here, not in validate(), so its problems get one line and exit 64.
        let resolved: Batch.Shard?
        do { resolved = try Batch.Shard.resolve(shard, shards: shards, environment: ProcessInfo.processInfo.environment) }
        catch { throw fail(error) }
        let options = Batch.Options(outputDirectory: out, target: script.target, shard: resolved,
                                    jobs: jobs, skipUpToDate: skipUpToDate,
                                    analysis: AnalysisOptions(agents: script.agents, agentTimeout: script.agentTimeout, live: script.liveSettings,
                                                              remote: try script.model.config()),
                                    templates: script.templates, assertions: !script.noAssert, report: report)
        let (found, missing) = Batch.discover(inputs)
        let mine = Batch.select(found, shard: options.shard)
        var outcomes: [Batch.Outcome] = missing.map { m in
            let (message, code) = Vid2AutoKit.describe(m.error)
            say(message)
            return Batch.Outcome(input: m.path, output: nil, status: .failed, seconds: 0, error: message, exitCode: code, diagnostics: [])
        }
        if found.isEmpty && missing.isEmpty { say("no recordings given"); throw ExitCode(66) }
        let total = mine.count
        let indexNote = shard == "auto" ? " from JOB_COMPLETION_INDEX=\((options.shard?.index ?? 1) - 1)" : ""
        let shardNote = options.shard.map { " (shard \($0)\(indexNote): \(total) of \(found.count))" } ?? ""
        if total > 0 { say("batch: \(total) recording\(total == 1 ? "" : "s")\(shardNote) → \(out)") }
        let base = Batch.Manifest(target: script.target, shard: options.shard?.description, outcomes: outcomes,
                                  recordings: found.map(\.input), outputDirectory: out, complete: false)
        outcomes += await Batch.run(mine, options: options, checkpoint: base) { n, o in
            switch o.status {
            case .written:
                say("[\(n)/\(total)] \(o.input) → \(o.output ?? "-") (\(String(format: "%.1f", o.seconds)) s)")
                for d in o.diagnostics { say("\(o.input): \(d)") }
            case .upToDate: say("[\(n)/\(total)] \(o.input): up to date")
            case .failed, .missing: say("[\(n)/\(total)] \(o.error ?? "\(o.input): failed")")
            }
        }
        let manifestPath: String
        do {
            var manifest = base
            manifest.outcomes = outcomes
            manifest.complete = true
            manifestPath = try Batch.writeManifest(manifest, options: options)
            // One machine's batch lists its reports at once; shards' are listed by `batch merge --report`.
            if report && options.shard == nil {
                try Batch.writeAtomically(Batch.reportHTML(manifest, directory: out), to: (out as NSString).appendingPathComponent("index.html"))
            }
        } catch { throw fail(error) }
        let written = outcomes.filter { $0.status == .written }.count
        let fresh = outcomes.filter { $0.status == .upToDate }.count
        let failed = outcomes.filter { $0.status == .failed }
        say("batch: \(written) written, \(fresh) up to date, \(failed.count) failed; manifest \(manifestPath)")
        // The exit code of the first failure in input order (missing inputs first).
        if let first = failed.first { throw ExitCode(first.exitCode ?? 70) }
    }
}

/// `vid2auto batch merge DIR`: the shards' manifests in DIR become one `batch-manifest.json` (and,
/// with `--report`, `index.html`); every failed or missing recording gets one line, and the exit
/// code is the first one's (66 for a recording no shard reported).
struct BatchMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge",
        abstract: "Merge the manifests of a sharded batch into one, naming recordings that failed or are missing.",
        discussion: """
            Reads DIR/batch-manifest-KofN.json (every shard's), writes DIR/batch-manifest.json with each \
            recording once: a shard that never wrote a manifest or stopped early leaves its recordings \
            'missing'. Exit 0 when every recording was written or up to date, else the first problem's code.
            """)

    @Argument(help: "The output directory the shards wrote into.") var directory: String
    @Flag(help: "Also write DIR/index.html: every recording with its status, output, seconds and error.") var report = false

    func run() async throws {
        let say: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data("vid2auto: \(line)\n".utf8)) }
        let result: Batch.MergeResult
        do { result = try Batch.merge(directory: directory) } catch let e as Batch.MergeError {
            say(e.description)
            throw ExitCode(e.exitCode)
        }
        for shard in result.absentShards { say("shard \(shard): no manifest") }
        for shard in result.incompleteShards { say("shard \(shard): stopped before its end") }
        if result.recordingsDiffer { say("the shards found different recordings (files added or removed while they started); rerun the missing ones") }
        for o in result.problems { say(o.error ?? "\(o.input): \(o.status.rawValue)") }
        let dir = directory
        var written = [(dir as NSString).appendingPathComponent(Batch.mergedManifestName)]
        do {
            try Batch.writeAtomically(try Vid2AutoKit.json(result.manifest).appending("\n"), to: written[0])
            if report {
                written.append((dir as NSString).appendingPathComponent("index.html"))
                try Batch.writeAtomically(Batch.reportHTML(result.manifest, directory: dir), to: written[1])
            }
        } catch { throw fail(error) }
        let counts = Dictionary(grouping: result.manifest.outcomes, by: \.status).mapValues(\.count)
        let n = result.manifest.outcomes.count
        say("merge: \(n) recording\(n == 1 ? "" : "s") from \(result.sources.count) manifest\(result.sources.count == 1 ? "" : "s"): "
            + "\(counts[.written] ?? 0) written, \(counts[.upToDate] ?? 0) up to date, \(counts[.failed] ?? 0) failed, "
            + "\(counts[.missing] ?? 0) missing; \(written.joined(separator: ", "))")
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
