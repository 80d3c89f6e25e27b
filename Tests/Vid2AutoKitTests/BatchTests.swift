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
}
