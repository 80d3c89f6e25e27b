import Foundation
import Report

extension Batch {
    /// Why `merge` cannot produce a manifest at all (as opposed to recordings that failed or are
    /// missing, which are its result).
    public enum MergeError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No `batch-manifest*.json` in the directory (exit 66).
        case noManifests(directory: String)
        /// A manifest that cannot be read or decoded (exit 65).
        case unreadable(path: String, reason: String)
        /// Manifests of different shard counts side by side: a stale run's (exit 65).
        case mixedShardCounts(directory: String, counts: [Int])

        public var description: String {
            switch self {
            case .noManifests(let d): "\(d): no batch manifest (batch-manifest*.json) found"
            case .unreadable(let p, let r): "\(p): not a batch manifest (\(r))"
            case .mixedShardCounts(let d, let c):
                "\(d): manifests of \(c.map(String.init).joined(separator: " and ")) shards side by side; remove the stale ones"
            }
        }

        /// The documented exit code (README).
        public var exitCode: Int32 {
            switch self {
            case .noManifests: 66
            case .unreadable, .mixedShardCounts: 65
            }
        }
    }

    /// What `merge` found: one manifest for the whole batch and what is wrong with it.
    public struct MergeResult: Sendable, Equatable {
        /// Every input in input order (inputs no shard found first, as in a one-machine manifest),
        /// each with its best outcome; `missing` for recordings no shard reported.
        public var manifest: Manifest
        /// The manifest files read, in shard order.
        public var sources: [String]
        /// Shards ("K/N") with no manifest at all: their pods never finished a recording.
        public var absentShards: [String]
        /// Shards whose manifest says they stopped before the end.
        public var incompleteShards: [String]
        /// The shards found different recordings (files added or removed between their starts), so
        /// each dealt its share from a different list: some recordings may belong to no shard.
        public var recordingsDiffer: Bool

        /// The recordings that failed or are missing, in input order.
        public var problems: [Outcome] { manifest.outcomes.filter { $0.status == .failed || $0.status == .missing } }

        /// The exit code of the first problem in input order: a failure's own code, 66 for a
        /// recording whose result is missing; 0 when every recording was written or up to date.
        public var exitCode: Int32 {
            guard let first = problems.first else { return 0 }
            return first.status == .missing ? 66 : (first.exitCode ?? 70)
        }
    }

    /// The file name of a merged manifest (the same as a one-machine batch's).
    public static let mergedManifestName = "batch-manifest.json"

    /// Reads every shard's manifest in `directory` (`batch-manifest-KofN.json`; a lone
    /// `batch-manifest.json` when there are none) and merges them: each recording once, a success
    /// preferred when two manifests report it (a rerun), and every recording of the batch no shard
    /// reported marked `missing` with the shard it belonged to.
    /// - Throws: `MergeError`.
    public static func merge(directory: String) throws -> MergeResult {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        var sharded: [(shard: Shard, path: String)] = []
        for name in names where name.hasPrefix("batch-manifest-") && name.hasSuffix(".json") {
            let middle = name.dropFirst("batch-manifest-".count).dropLast(".json".count)
            let parts = middle.split(separator: "o", maxSplits: 1)
            guard parts.count == 2, parts[1].hasPrefix("f"), let k = Int(parts[0]), let n = Int(parts[1].dropFirst()),
                  n >= 1, (1...n).contains(k) else { continue }
            sharded.append((Shard(index: k, count: n), (directory as NSString).appendingPathComponent(name)))
        }
        sharded.sort { $0.shard.index < $1.shard.index }
        let counts = Set(sharded.map(\.shard.count)).sorted()
        if counts.count > 1 { throw MergeError.mixedShardCounts(directory: directory, counts: counts) }
        var files = sharded.map(\.path)
        if files.isEmpty {
            let whole = (directory as NSString).appendingPathComponent(mergedManifestName)
            guard fm.fileExists(atPath: whole) else { throw MergeError.noManifests(directory: directory) }
            files = [whole]
        }
        let manifests: [Manifest] = try files.map { path in
            do { return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: path))) }
            catch { throw MergeError.unreadable(path: path, reason: Self.reason(error)) }
        }
        let count = counts.first ?? 1
        let present = Set(sharded.map(\.shard.index))
        let absent = sharded.isEmpty ? [] : (1...count).filter { !present.contains($0) }.map { "\($0)/\(count)" }
        let incomplete = zip(files, manifests).filter { $0.1.complete == false }.map { $0.1.shard ?? ($0.0 as NSString).lastPathComponent }

        // Every recording of the batch, in dealing order (the first manifest that knows the list).
        var recordings: [String] = []
        var known = Set<String>()
        for m in manifests { for r in m.recordings ?? [] where known.insert(r).inserted { recordings.append(r) } }
        let lists = manifests.compactMap(\.recordings)
        let differ = lists.contains { $0 != lists[0] }
        var best: [String: Outcome] = [:]
        var extra: [String] = []   // inputs outside `recordings`: names no shard found, or an older manifest's
        for m in manifests {
            for o in m.outcomes {
                if let b = best[o.input] {
                    if rank(o.status) > rank(b.status) { best[o.input] = o }
                } else {
                    best[o.input] = o
                    if !known.contains(o.input) { extra.append(o.input) }
                }
            }
        }
        var outcomes = extra.compactMap { best[$0] }
        for (i, r) in recordings.enumerated() {
            if let o = best[r] { outcomes.append(o); continue }
            let shard = "\(i % count + 1)/\(count)"
            let why = differ ? "no shard reported it" : absent.contains(shard) ? "shard \(shard) wrote no manifest" : "shard \(shard) did not finish it"
            outcomes.append(Outcome(input: r, output: nil, status: .missing, seconds: 0,
                                    error: "\(r): missing (\(why))", exitCode: 66, diagnostics: []))
        }
        let target = manifests.first?.target ?? "playwright-python"
        let complete = absent.isEmpty && !outcomes.contains { $0.status == .missing }
        let merged = Manifest(target: target, shard: nil, outcomes: outcomes, recordings: recordings.isEmpty ? nil : recordings,
                              outputDirectory: manifests.first?.outputDirectory, complete: complete)
        return MergeResult(manifest: merged, sources: files, absentShards: absent, incompleteShards: incomplete,
                           recordingsDiffer: differ)
    }

    /// A success beats a failure beats nothing (two manifests of one recording: a rerun).
    static func rank(_ s: Outcome.Status) -> Int {
        switch s {
        case .written: 3
        case .upToDate: 2
        case .failed: 1
        case .missing: 0
        }
    }

    static func reason(_ error: any Error) -> String {
        if let e = error as? DecodingError {
            switch e {
            case .dataCorrupted(let c): return c.debugDescription
            case .keyNotFound(let k, _): return "no '\(k.stringValue)'"
            case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
            @unknown default: return "\(e)"
            }
        }
        return (error as NSError).localizedDescription
    }

    /// A small self-contained HTML page listing every recording of `manifest` with its status, a
    /// link to its output and to its review report (relative to `directory`, where the page is
    /// written), steps, mean confidence, seconds and problems. Every name is escaped: recording
    /// names are whatever files were dropped into a folder.
    public static func reportHTML(_ manifest: Manifest, directory: String) -> String {
        let counts = Dictionary(grouping: manifest.outcomes, by: \.status).mapValues(\.count)
        let summary = [Outcome.Status.written, .upToDate, .failed, .missing]
            .map { "\(counts[$0] ?? 0) \($0 == .upToDate ? "up to date" : $0.rawValue)" }.joined(separator: ", ")
        func link(_ path: String?, label: String? = nil) -> String {
            guard let path else { return "" }
            let rel = relativeLink(path, outputDirectory: manifest.outputDirectory)
            let shown = label ?? (rel.hasPrefix("./") ? String(rel.dropFirst(2)) : rel)
            return "<a href=\"\(HTML.escape(rel))\">\(HTML.escape(shown))</a>"
        }
        var rows = ""
        for o in manifest.outcomes {
            var problems = [o.error].compactMap { $0 } + o.diagnostics
            if let w = o.warnings, w > 0 { problems.append("\(w) warning\(w == 1 ? "" : "s")") }
            let notes = problems.map(HTML.escape).joined(separator: "<br>")
            let confidence = o.meanConfidence.map { String(format: "%.0f %%", $0 * 100) } ?? ""
            let low = (o.meanConfidence ?? 1) < 0.6 ? " low" : ""
            rows += """
                <tr class="\(o.status.rawValue)"><td>\(HTML.escape(o.input))</td><td>\(o.status.rawValue)</td>\
                <td>\(link(o.output))</td><td>\(link(o.report, label: "report"))</td><td class="n">\(o.steps.map(String.init) ?? "")</td>\
                <td class="n\(low)">\(confidence)</td><td class="n">\(String(format: "%.2f", o.seconds))</td><td>\(notes)</td></tr>

                """
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="color-scheme" content="light dark">
            <title>vid2auto batch: \(manifest.outcomes.count) recordings</title>
            <style>
            body{font:14px system-ui,sans-serif;margin:2em;color:#222;background:#fff}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            td.low{color:#b00020;font-weight:600}
            tr.failed td:nth-child(2),tr.missing td:nth-child(2){color:#b00020;font-weight:600}
            tr.written td:nth-child(2),tr.up-to-date td:nth-child(2){color:#1b5e20}
            @media (prefers-color-scheme: dark){body{background:#12151b;color:#e6e9ef}th,td{border-color:#2d3440}a{color:#7aa2ff}
            tr.failed td:nth-child(2),tr.missing td:nth-child(2),td.low{color:#f87171}tr.written td:nth-child(2),tr.up-to-date td:nth-child(2){color:#4ade80}}
            </style></head><body>
            <h1>vid2auto batch</h1>
            <p>Target \(HTML.escape(manifest.target)) · \(manifest.outcomes.count) recordings: \(summary).</p>
            <table><thead><tr><th>recording</th><th>status</th><th>output</th><th>review</th><th>steps</th><th>mean confidence</th>\
            <th>seconds</th><th>problems</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            </body></html>

            """
    }

    /// An output's link from the output directory: the part after the directory the shard was
    /// given, each path component percent-encoded (so no name can become a scheme or leave the
    /// attribute), prefixed with "./".
    static func relativeLink(_ output: String, outputDirectory: String?) -> String {
        var rel = output
        if let dir = outputDirectory {
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            if rel.hasPrefix(prefix) { rel = String(rel.dropFirst(prefix.count)) }
        }
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        let parts = rel.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        let joined = parts.joined(separator: "/")
        return rel.hasPrefix("/") ? "file://" + joined : "./" + joined
    }
}
