import CodeGen
import Foundation
import ScreenCore

/// Whole folders of recordings, on one machine or split across many: every recording found
/// becomes one generated file in an output directory (its folder structure kept), a failure on
/// one input is reported and the others go on, and a manifest records what happened to each.
public enum Batch {
    /// File extensions taken as recordings when a folder is scanned.
    public static let recordingExtensions: Set<String> = ["mp4", "webm", "mov", "mkv", "m4v", "avi"]

    /// One recording to process: where it is and the name its output gets (relative, no extension).
    public struct Item: Sendable, Equatable {
        public var input: String
        public var stem: String
        public init(input: String, stem: String) { self.input = input; self.stem = stem }
    }

    /// Which share of the work this machine takes: the `index`-th (1-based) of `count` shares.
    public struct Shard: Sendable, Equatable, CustomStringConvertible {
        public var index: Int
        public var count: Int
        public init(index: Int, count: Int) { self.index = index; self.count = count }
        /// "K/N" with 1 ≤ K ≤ N; nil otherwise.
        public init?(parsing s: String) {
            let parts = s.split(separator: "/")
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
            index = k; count = n
        }
        public var description: String { "\(index)/\(count)" }

        /// The shard `--shard SPEC [--shards N]` names. `SPEC` is "K/N" or "auto": a Kubernetes
        /// Indexed Job's pod, whose 0-based `JOB_COMPLETION_INDEX` gives K − 1 and whose count comes
        /// from `--shards N` or `JOB_COMPLETIONS` (Kubernetes does not set that one: the manifest
        /// does, equal to `spec.completions`). Nil without `SPEC`.
        /// - Throws: `UsageError.shard` with one line saying what is missing or inconsistent.
        public static func resolve(_ spec: String?, shards: Int?, environment: [String: String]) throws -> Shard? {
            func bad(_ why: String) -> UsageError { .shard(why) }
            guard let spec else {
                if let shards { throw bad("--shards \(shards) needs --shard auto") }
                return nil
            }
            if spec != "auto" {
                guard let s = Shard(parsing: spec) else { throw bad("--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4) or auto") }
                if let shards, shards != s.count { throw bad("--shard \(spec) but --shards \(shards): the counts must agree") }
                return s
            }
            guard let raw = environment["JOB_COMPLETION_INDEX"], !raw.isEmpty else {
                throw bad("--shard auto: JOB_COMPLETION_INDEX is not set (a Kubernetes Indexed Job sets it; elsewhere use --shard K/N)")
            }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), index >= 0 else {
                throw bad("--shard auto: JOB_COMPLETION_INDEX='\(raw)' is not a whole number ≥ 0")
            }
            var count = shards
            if let env = environment["JOB_COMPLETIONS"], !env.isEmpty {
                guard let n = Int(env.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                    throw bad("--shard auto: JOB_COMPLETIONS='\(env)' is not a whole number ≥ 1")
                }
                if let shards, shards != n { throw bad("--shard auto: --shards \(shards) but JOB_COMPLETIONS=\(n): they must agree") }
                count = n
            }
            guard let count else {
                throw bad("--shard auto: the number of shards is unknown (give --shards N or set JOB_COMPLETIONS)")
            }
            guard count >= 1 else { throw bad("--shards must be at least 1") }
            guard index < count else {
                throw bad("--shard auto: JOB_COMPLETION_INDEX=\(index) is outside 0…\(count - 1) for \(count) shard\(count == 1 ? "" : "s")")
            }
            return Shard(index: index + 1, count: count)
        }
    }

    /// Settings of a batch run.
    public struct Options: Sendable {
        public var outputDirectory: String
        public var target: String
        public var shard: Shard?
        /// Recordings analysed at once (each already uses `analysis.agents` sub-agents).
        public var jobs: Int
        /// Leave inputs whose output is newer than the recording alone (a rerun after an interruption).
        public var skipUpToDate: Bool
        public var analysis: AnalysisOptions
        public var templates: String?
        public var assertions: Bool
        /// Also write each recording's review report beside its output (`NAME.report.html`).
        public var report: Bool

        public init(outputDirectory: String, target: String = "playwright-python", shard: Shard? = nil, jobs: Int = 1,
                    skipUpToDate: Bool = false, analysis: AnalysisOptions = AnalysisOptions(), templates: String? = nil,
                    assertions: Bool = true, report: Bool = false) {
            self.outputDirectory = outputDirectory; self.target = target; self.shard = shard; self.jobs = max(1, jobs)
            self.skipUpToDate = skipUpToDate; self.analysis = analysis; self.templates = templates; self.assertions = assertions
            self.report = report
        }
    }

    /// What happened to one input.
    public struct Outcome: Sendable, Codable, Equatable {
        /// `missing` appears only in a merged manifest: no shard reported the recording.
        public enum Status: String, Sendable, Codable { case written, upToDate = "up-to-date", failed, missing }
        public var input: String
        public var output: String?
        public var status: Status
        public var seconds: Double
        /// The one-line cause and exit code of a failure.
        public var error: String?
        public var exitCode: Int32?
        /// Segments skipped and other errors the run reported while still writing the output.
        public var diagnostics: [String]
        /// The review report written beside the output (`--report`); absent from older manifests.
        public var report: String?
        /// How many actions the timeline has and their mean confidence (absent from older manifests).
        public var steps: Int?
        public var meanConfidence: Double?
        /// Warnings the analysis reported (errors are in `diagnostics`).
        public var warnings: Int?

        public init(input: String, output: String?, status: Status, seconds: Double, error: String?, exitCode: Int32?,
                    diagnostics: [String], report: String? = nil, steps: Int? = nil, meanConfidence: Double? = nil,
                    warnings: Int? = nil) {
            self.input = input; self.output = output; self.status = status; self.seconds = seconds
            self.error = error; self.exitCode = exitCode; self.diagnostics = diagnostics
            self.report = report; self.steps = steps; self.meanConfidence = meanConfidence; self.warnings = warnings
        }
    }

    /// The manifest written beside the outputs. A shard rewrites its manifest after every
    /// recording (`complete` false) and once more at the end (`complete` true), so a pod that dies
    /// leaves what it finished. The fields after `outcomes` are absent from older manifests.
    public struct Manifest: Sendable, Codable, Equatable {
        public var target: String
        /// "K/N", or nil for a whole batch (and for a merged one).
        public var shard: String?
        /// What happened to each input this manifest covers, in input order.
        public var outcomes: [Outcome]
        /// Every recording of the whole batch, all shards together, in the order shards are dealt
        /// from: what lets `merge` name the recordings no shard reported.
        public var recordings: [String]?
        /// The output directory as this run was given it (outputs' paths start with it).
        public var outputDirectory: String?
        /// False while the run is still going (or died); true once every recording of it is done.
        public var complete: Bool?

        public init(target: String, shard: String?, outcomes: [Outcome], recordings: [String]? = nil,
                    outputDirectory: String? = nil, complete: Bool? = nil) {
            self.target = target; self.shard = shard; self.outcomes = outcomes
            self.recordings = recordings; self.outputDirectory = outputDirectory; self.complete = complete
        }
    }

    /// The recordings named by `inputs` (files, or folders searched recursively for recording
    /// extensions), in a stable order; names no recording can be found under are returned apart,
    /// each with the error for it. Output stems keep a folder's structure and stay unique.
    public static func discover(_ inputs: [String]) -> (items: [Item], missing: [(path: String, error: InputError)]) {
        var items: [Item] = [], missing: [(String, InputError)] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { missing.append((input, .notFound(path: input))); continue }
            if !isDir.boolValue {
                items.append(Item(input: input, stem: stemOf((input as NSString).lastPathComponent)))
                continue
            }
            let root = URL(fileURLWithPath: input).standardizedFileURL
            var found: [Item] = []
            if let e = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
                for case let url as URL in e where recordingExtensions.contains(url.pathExtension.lowercased()) {
                    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                    let full = url.standardizedFileURL.path
                    var rel = String(full.dropFirst(root.path.count))
                    while rel.hasPrefix("/") { rel.removeFirst() }
                    found.append(Item(input: (input as NSString).appendingPathComponent(rel), stem: stemOf(rel)))
                }
            }
            if found.isEmpty { missing.append((input, .noRecordings(path: input, extensions: recordingExtensions.sorted()))) }
            items += found.sorted { $0.stem < $1.stem }
        }
        // Two inputs with one name (a.mp4 and a.webm, or the same name in two folders given):
        // later ones get a number.
        var seen: [String: Int] = [:]
        for i in items.indices {
            let key = items[i].stem.lowercased()
            if let n = seen[key] {
                seen[key] = n + 1
                items[i].stem += "-\(n + 1)"
            } else {
                seen[key] = 1
            }
        }
        return (items, missing)
    }

    /// The items this shard takes: every `count`-th one, starting at the `index`-th.
    public static func select(_ items: [Item], shard: Shard?) -> [Item] {
        guard let s = shard else { return items }
        return items.enumerated().filter { $0.offset % s.count == s.index - 1 }.map(\.element)
    }

    /// The output path of `item` for `target` under `directory`.
    public static func outputPath(of item: Item, target: String, in directory: String) -> String {
        let ext = ScriptTarget(rawValue: target)?.suggestedFileExtension ?? "txt"
        return (directory as NSString).appendingPathComponent(item.stem + "." + ext)
    }

    /// The review report's path of `item` under `directory`: beside its output, `NAME.report.html`.
    public static func reportPath(of item: Item, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(item.stem + ".report.html")
    }

    /// The manifest's file name (one per shard, so machines sharing a folder do not overwrite each other's).
    public static func manifestName(shard: Shard?) -> String {
        shard.map { "batch-manifest-\($0.index)of\($0.count).json" } ?? "batch-manifest.json"
    }

    /// Processes `items` (already discovered and selected): each analysed and written, `jobs` at a
    /// time; `report` is called as each one finishes (from one task at a time). Never throws for
    /// an input's failure: that is its outcome.
    /// With `checkpoint` (the manifest so far: target, shard, recordings and the outcomes of inputs
    /// that were never found), the manifest is rewritten, incomplete, after every recording.
    public static func run(_ items: [Item], options: Options, checkpoint: Manifest? = nil,
                           report: @escaping @Sendable (Int, Outcome) -> Void = { _, _ in }) async -> [Outcome] {
        var outcomes = [Outcome?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func launch(_ i: Int) {
                group.addTask { (i, await process(items[i], options: options)) }
            }
            while next < min(options.jobs, items.count) { launch(next); next += 1 }
            var finished = 0
            for await (i, outcome) in group {
                outcomes[i] = outcome
                finished += 1
                report(finished, outcome)
                if var m = checkpoint {
                    // Best effort: the final write reports a manifest that cannot be written.
                    m.outcomes += outcomes.compactMap { $0 }
                    m.complete = false
                    _ = try? writeManifest(m, options: options)
                }
                if next < items.count { launch(next); next += 1 }
            }
        }
        return outcomes.map { $0! }
    }

    static func process(_ item: Item, options: Options) async -> Outcome {
        let start = Date()
        let out = outputPath(of: item, target: options.target, in: options.outputDirectory)
        if options.skipUpToDate, let o = modified(out), let i = modified(item.input), o >= i {
            return Outcome(input: item.input, output: out, status: .upToDate, seconds: 0, error: nil, exitCode: nil, diagnostics: [])
        }
        let report = options.report ? reportPath(of: item, in: options.outputDirectory) : nil
        do {
            let g = try await Vid2AutoKit.generate(path: item.input, target: options.target, options: options.analysis,
                                                   templates: options.templates, assertions: options.assertions, reportPath: report)
            try writeAtomically(g.text, to: out)
            let confidences = g.timeline.actions.map(\.confidence)
            return Outcome(input: item.input, output: out, status: .written, seconds: rounded(Date().timeIntervalSince(start)),
                           error: nil, exitCode: nil, diagnostics: g.diagnostics.filter { $0.severity == .error }.map(\.message),
                           report: report, steps: g.timeline.actions.count,
                           meanConfidence: confidences.isEmpty ? nil : rounded(confidences.reduce(0, +) / Double(confidences.count)),
                           warnings: g.diagnostics.filter { $0.severity == .warning }.count)
        } catch {
            let (message, code) = Vid2AutoKit.describe(error)
            return Outcome(input: item.input, output: nil, status: .failed, seconds: rounded(Date().timeIntervalSince(start)),
                           error: message, exitCode: code, diagnostics: [])
        }
    }

    /// Writes the manifest into the output directory (atomically); returns its path.
    public static func writeManifest(_ manifest: Manifest, options: Options) throws -> String {
        let path = (options.outputDirectory as NSString).appendingPathComponent(manifestName(shard: options.shard))
        try writeAtomically(try Vid2AutoKit.json(manifest).appending("\n"), to: path)
        return path
    }

    /// Writes `text` to a uniquely named hidden file beside `path`, flushes it to disk and renames
    /// it over `path`: a reader (or a pod restarted after a kill) sees the old file or the whole new
    /// one, never half of one, and writers sharing a volume never share a temporary file (pods all
    /// run as pid 1, hence the UUID). Creates the parent directories, tolerating another process
    /// creating them at the same moment.
    /// - Throws: `OutputError.cannotWrite`.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        let temp = (dir as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp")
        do {
            if !dir.isEmpty {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    var isDir: ObjCBool = false
                    guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { throw error }
                }
            }
            guard fm.createFile(atPath: temp, contents: Data(text.utf8)) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp])
            }
            if let handle = FileHandle(forUpdatingAtPath: temp) {
                try? handle.synchronize()
                try? handle.close()
            }
            guard rename(temp, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: temp)
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
        } catch let e as OutputError {
            throw e
        } catch {
            try? fm.removeItem(atPath: temp)
            throw OutputError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    static func stemOf(_ relative: String) -> String { (relative as NSString).deletingPathExtension }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    static func rounded(_ s: Double) -> Double { (s * 100).rounded() / 100 }
}
