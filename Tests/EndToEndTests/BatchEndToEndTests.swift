import XCTest
import TestSupport

/// `vid2auto batch` on a folder with real recordings and a broken one: every good input gets its
/// script (the same one `vid2auto FILE` writes), the broken one one line and its exit code, and a
/// rerun with --skip-up-to-date redoes nothing.
final class BatchEndToEndTests: XCTestCase {
    let dir = TempDir("e2e-batch")

    func testABatchWritesEveryGoodInputAndReportsTheBadOne() throws {
        let fm = FileManager.default
        let sample = MediaFixtures.repoRoot + "/samples/recordings/todo-quick-add.mp4"
        try fm.createDirectory(atPath: dir.file("in/team"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: sample, toPath: dir.file("in/quick.mp4"))
        try fm.copyItem(atPath: sample, toPath: dir.file("in/team/again.mp4"))
        try Data("not a video\n".utf8).write(to: URL(fileURLWithPath: dir.file("in/broken.mp4")))
        let bin = Binaries.path("vid2auto")
        let r = try Shell.run(bin, ["batch", dir.file("in"), "-o", dir.file("out"), "--jobs", "2"], timeout: 300)
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.contains("broken.mp4") }.count, 1, r.stderr)
        XCTAssertTrue(lines.last?.contains("2 written, 0 up to date, 1 failed") ?? false, r.stderr)
        let single = try Shell.run(bin, [sample], timeout: 300)
        XCTAssertEqual(single.status, 0, single.stderr)
        for out in ["out/quick.py", "out/team/again.py"] {
            let text = try String(contentsOfFile: dir.file(out), encoding: .utf8)
            XCTAssertEqual(text.replacingOccurrences(of: "quick.mp4", with: "todo-quick-add.mp4")
                               .replacingOccurrences(of: "again.mp4", with: "todo-quick-add.mp4"), single.stdout, out)
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("out/batch-manifest.json")))) as? [String: Any]
        let outcomes = try XCTUnwrap(manifest?["outcomes"] as? [[String: Any]])
        XCTAssertEqual(outcomes.map { $0["status"] as? String }, ["failed", "written", "written"])
        XCTAssertEqual(outcomes[0]["exitCode"] as? Int, 65)

        let again = try Shell.run(bin, ["batch", dir.file("in"), "-o", dir.file("out"), "--skip-up-to-date"], timeout: 300)
        XCTAssertEqual(again.status, 65, again.stderr)
        XCTAssertTrue(again.stderr.contains("0 written, 2 up to date, 1 failed"), again.stderr)
        // Two machines, one folder: the shards together do the whole batch, each with its own manifest.
        for k in 1...2 {
            let part = try Shell.run(bin, ["batch", dir.file("in"), "-o", dir.file("sharded"), "--shard", "\(k)/2", "--target", "timeline"],
                                     timeout: 300)
            XCTAssertTrue([0, 65].contains(part.status), part.stderr)
            XCTAssertTrue(fm.fileExists(atPath: dir.file("sharded/batch-manifest-\(k)of2.json")))
        }
        XCTAssertTrue(fm.fileExists(atPath: dir.file("sharded/quick.json")))
        XCTAssertTrue(fm.fileExists(atPath: dir.file("sharded/team/again.json")))
    }
}
