import Foundation
import XCTest
import ScreenCore
import TestSupport
@testable import Vid2AutoKit

final class BatchTests: XCTestCase {
    let dir = TempDir("vid2auto-batch")

    func touch(_ rel: String) {
        let p = dir.file(rel)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data("x".utf8))
    }

    func testFoldersAreSearchedForRecordingsInAStableOrderWithUniqueNames() {
        for f in ["b.mp4", "a.WEBM", "notes.txt", "sub/c.mov", "sub/deeper/d.mkv", ".hidden/e.mp4", "sub/a.mp4"] { touch("in/" + f) }
        touch("other/a.mp4")
        let (items, missing) = Batch.discover([dir.file("in"), dir.file("other/a.mp4"), dir.file("nope.mp4")])
        XCTAssertEqual(items.map(\.stem), ["a", "b", "sub/a", "sub/c", "sub/deeper/d", "a-2"])
        XCTAssertEqual(items.first?.input, dir.file("in/a.WEBM"))
        XCTAssertEqual(missing.map(\.path), [dir.file("nope.mp4")])
        XCTAssertEqual(missing.first?.error.exitCode, 66)
        touch("empty/readme.md")
        let none = Batch.discover([dir.file("empty")])
        XCTAssertTrue(none.items.isEmpty)
        XCTAssertEqual(none.missing.first?.error, .noRecordings(path: dir.file("empty"), extensions: Batch.recordingExtensions.sorted()))
    }

    func testShardsSplitTheWorkWithoutOverlapOrGaps() {
        let items = (0..<11).map { Batch.Item(input: "r\($0).mp4", stem: "r\($0)") }
        var seen: [String] = []
        for k in 1...3 {
            let part = Batch.select(items, shard: Batch.Shard(index: k, count: 3))
            XCTAssertTrue((3...4).contains(part.count))
            seen += part.map(\.stem)
        }
        XCTAssertEqual(seen.sorted(), items.map(\.stem).sorted())
        XCTAssertEqual(Batch.select(items, shard: nil), items)
        XCTAssertEqual(Batch.Shard(parsing: "2/4"), Batch.Shard(index: 2, count: 4))
        for bad in ["0/3", "4/3", "1/0", "a/b", "3", "1/2/3", ""] { XCTAssertNil(Batch.Shard(parsing: bad), bad) }
        XCTAssertEqual(Batch.manifestName(shard: Batch.Shard(index: 2, count: 4)), "batch-manifest-2of4.json")
        XCTAssertEqual(Batch.manifestName(shard: nil), "batch-manifest.json")
    }

    func testOutputsKeepTheFolderStructureAndTheTargetsExtension() {
        let item = Batch.Item(input: "/x/sub/a.mp4", stem: "sub/a")
        XCTAssertEqual(Batch.outputPath(of: item, target: "playwright-ts", in: "/out"), "/out/sub/a.spec.ts")
        XCTAssertEqual(Batch.outputPath(of: item, target: "selenium-java", in: "/out"), "/out/sub/a.java")
        XCTAssertEqual(Batch.outputPath(of: item, target: "timeline", in: "/out"), "/out/sub/a.json")
    }

    // MARK: Kubernetes: --shard auto

    func testShardAutoTakesTheJobCompletionIndexAndACountThatAgrees() throws {
        let env = ["JOB_COMPLETION_INDEX": "0", "JOB_COMPLETIONS": "4"]
        XCTAssertEqual(try Batch.Shard.resolve("auto", shards: nil, environment: env), Batch.Shard(index: 1, count: 4))
        XCTAssertEqual(try Batch.Shard.resolve("auto", shards: 4, environment: env), Batch.Shard(index: 1, count: 4))
        XCTAssertEqual(try Batch.Shard.resolve("auto", shards: 3, environment: ["JOB_COMPLETION_INDEX": "2"]),
                       Batch.Shard(index: 3, count: 3))
        XCTAssertEqual(try Batch.Shard.resolve("2/4", shards: nil, environment: env), Batch.Shard(index: 2, count: 4))
        XCTAssertNil(try Batch.Shard.resolve(nil, shards: nil, environment: env))
        let bad: [(String?, Int?, [String: String], String)] = [
            ("auto", nil, [:], "JOB_COMPLETION_INDEX is not set"),
            ("auto", nil, ["JOB_COMPLETION_INDEX": "1"], "number of shards is unknown"),
            ("auto", nil, ["JOB_COMPLETION_INDEX": "4", "JOB_COMPLETIONS": "4"], "outside 0…3"),
            ("auto", 5, env, "--shards 5 but JOB_COMPLETIONS=4"),
            ("auto", nil, ["JOB_COMPLETION_INDEX": "x", "JOB_COMPLETIONS": "4"], "'x' is not a whole number"),
            ("auto", nil, ["JOB_COMPLETION_INDEX": "0", "JOB_COMPLETIONS": "0"], "JOB_COMPLETIONS='0'"),
            ("1/4", 3, [:], "the counts must agree"),
            (nil, 3, [:], "needs --shard auto"),
        ]
        for (spec, shards, environment, message) in bad {
            XCTAssertThrowsError(try Batch.Shard.resolve(spec, shards: shards, environment: environment)) { error in
                let (line, code) = Vid2AutoKit.describe(error)
                XCTAssertEqual(code, 64)
                XCTAssertTrue(line.contains(message) && !line.contains("\n"), line)
            }
        }
    }

    // MARK: merge

    func outcome(_ input: String, _ status: Batch.Outcome.Status, code: Int32? = nil) -> Batch.Outcome {
        Batch.Outcome(input: input, output: status == .failed ? nil : "out/" + input.replacingOccurrences(of: ".mp4", with: ".py"),
                      status: status, seconds: 1.5, error: status == .failed ? "\(input): corrupt" : nil, exitCode: code, diagnostics: [])
    }

    func writeShard(_ k: Int, of n: Int, _ outcomes: [Batch.Outcome], recordings: [String], complete: Bool = true, in dir: String) throws {
        let m = Batch.Manifest(target: "playwright-python", shard: "\(k)/\(n)", outcomes: outcomes, recordings: recordings,
                               outputDirectory: "out", complete: complete)
        try Batch.writeAtomically(try Vid2AutoKit.json(m), to: (dir as NSString).appendingPathComponent("batch-manifest-\(k)of\(n).json"))
    }

    func testMergeJoinsShardsAndNamesWhatFailedOrIsMissing() throws {
        let out = dir.file("merge")
        let all = ["a.mp4", "b.mp4", "c.mp4", "d.mp4", "e.mp4"]   // 3 shards: {a, d}, {b, e}, {c}
        try writeShard(1, of: 3, [outcome("nope.mp4", .failed, code: 66), outcome("a.mp4", .written), outcome("d.mp4", .upToDate)],
                       recordings: all, in: out)
        try writeShard(2, of: 3, [outcome("nope.mp4", .failed, code: 66), outcome("b.mp4", .failed, code: 65)],
                       recordings: all, complete: false, in: out)
        var r = try Batch.merge(directory: out)
        XCTAssertEqual(r.manifest.outcomes.map(\.input), ["nope.mp4"] + all)
        XCTAssertEqual(r.manifest.outcomes.map(\.status), [.failed, .written, .failed, .missing, .upToDate, .missing])
        XCTAssertEqual(r.absentShards, ["3/3"])
        XCTAssertEqual(r.incompleteShards, ["2/3"])
        XCTAssertEqual(r.manifest.outcomes[3].error, "c.mp4: missing (shard 3/3 wrote no manifest)")
        XCTAssertEqual(r.manifest.outcomes[5].error, "e.mp4: missing (shard 2/3 did not finish it)")
        XCTAssertEqual(r.exitCode, 66)   // the first problem in input order: the input no shard found
        XCTAssertEqual(r.manifest.complete, false)

        // The shards rerun: everything there, b still corrupt. An earlier merge's output is not an input.
        try Batch.writeAtomically(try Vid2AutoKit.json(r.manifest), to: (out as NSString).appendingPathComponent("batch-manifest.json"))
        try writeShard(1, of: 3, [outcome("a.mp4", .upToDate), outcome("d.mp4", .upToDate)], recordings: all, in: out)
        try writeShard(2, of: 3, [outcome("b.mp4", .failed, code: 65), outcome("e.mp4", .written)], recordings: all, in: out)
        try writeShard(3, of: 3, [outcome("c.mp4", .written)], recordings: all, in: out)
        r = try Batch.merge(directory: out)
        XCTAssertEqual(r.manifest.outcomes.map(\.status), [.upToDate, .failed, .written, .upToDate, .written])
        XCTAssertEqual(r.problems.map(\.input), ["b.mp4"])
        XCTAssertEqual(r.exitCode, 65)
        XCTAssertTrue(r.absentShards.isEmpty && r.incompleteShards.isEmpty && !r.recordingsDiffer)

        try writeShard(1, of: 2, [], recordings: all, in: out)
        XCTAssertThrowsError(try Batch.merge(directory: out)) {
            XCTAssertEqual($0 as? Batch.MergeError, .mixedShardCounts(directory: out, counts: [2, 3]))
        }
        XCTAssertThrowsError(try Batch.merge(directory: dir.file("none"))) { XCTAssertEqual(($0 as? Batch.MergeError)?.exitCode, 66) }
        let junk = dir.file("junk")
        try Batch.writeAtomically("{\"target\": 3}", to: (junk as NSString).appendingPathComponent("batch-manifest-1of1.json"))
        XCTAssertThrowsError(try Batch.merge(directory: junk)) { XCTAssertEqual(($0 as? Batch.MergeError)?.exitCode, 65) }
    }

    func testAOneMachineManifestMergesToItselfAndAnOldOneWithoutRecordingsStillReads() throws {
        let out = dir.file("whole")
        let old = #"{"target": "timeline", "outcomes": [{"input": "x.mp4", "output": "out/x.json", "status": "written", "seconds": 2, "diagnostics": []}]}"#
        try Batch.writeAtomically(old, to: (out as NSString).appendingPathComponent("batch-manifest.json"))
        let r = try Batch.merge(directory: out)
        XCTAssertEqual(r.manifest.outcomes.map(\.status), [.written])
        XCTAssertEqual(r.exitCode, 0)
        XCTAssertEqual(r.manifest.target, "timeline")
    }

    func testTheReportEscapesNamesAndLinksOutputsRelatively() {
        let evil = #"in/<img src=x onerror=alert(1)>"&'.mp4"#
        let m = Batch.Manifest(target: "playwright-python", shard: nil, outcomes: [
            Batch.Outcome(input: evil, output: #"/data/out/team/<b>"x".py"#, status: .written, seconds: 1.234, error: nil, exitCode: nil,
                          diagnostics: ["segment 2 failed (<timeout>); skipped"]),
            Batch.Outcome(input: "in/javascript:alert(1).mp4", output: "/data/out/javascript:alert(1).py", status: .written, seconds: 1,
                          error: nil, exitCode: nil, diagnostics: []),
            Batch.Outcome(input: "in/b.mp4", output: nil, status: .failed, seconds: 0.5, error: "in/b.mp4: corrupt <here>", exitCode: 65,
                          diagnostics: []),
        ], outputDirectory: "/data/out")
        let html = Batch.reportHTML(m, directory: "/data/out")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertFalse(html.contains("<timeout>") || html.contains("<here>"))
        XCTAssertTrue(html.contains("in/&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;.mp4"))
        XCTAssertTrue(html.contains(#"href="./team/%3Cb%3E%22x%22.py""#), html)
        XCTAssertTrue(html.contains(#"href="./javascript%3Aalert%281%29.py""#), html)
        XCTAssertTrue(html.contains("1 failed") && html.contains("2 written") && html.contains("1.23"))
    }

    func testAtomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws {
        let path = dir.file("atomic/deeper/x.txt")
        try Batch.writeAtomically("one", to: path)
        try Batch.writeAtomically("two", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.file("atomic/deeper")), ["x.txt"])
        FileManager.default.createFile(atPath: dir.file("file"), contents: Data())
        XCTAssertThrowsError(try Batch.writeAtomically("x", to: dir.file("file/x.txt"))) { XCTAssertTrue($0 is OutputError) }
    }
}
