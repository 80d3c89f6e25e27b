import Foundation
import Media
import ScreenCore
import TestSupport
import XCTest
@testable import Vid2AutoKit

/// The live stage's small and full-size frames come from one decoding pass
/// (`LiveStage.sampleFrames(path:lists:)`): each list must get exactly the frames its own pass
/// (`sampleFrames(path:times:)`, `…fullSize: true`) gives — the same moments, the same pixels.
final class LiveFramesOnePassTests: XCTestCase {
    func check(_ name: String, _ small: [Double], _ full: [Double], file: StaticString = #filePath, line: UInt = #line) throws {
        let path = "\(MediaFixtures.repoRoot)/samples/recordings/\(name)"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "no \(name)")
        let one = try LiveStage.sampleFrames(path: path, lists: [small, full])
        let a = try LiveStage.sampleFrames(path: path, times: small)
        let b = try LiveStage.sampleFrames(path: path, times: full, fullSize: true)
        XCTAssertEqual(one.scale, a.scale, file: file, line: line)
        for (got, want) in [(one.frames[0], a.frames), (one.frames[1], b.frames)] {
            XCTAssertEqual(got.map(\.time), want.map(\.time), name, file: file, line: line)
            XCTAssertEqual(got.count, want.count, file: file, line: line)
            for (g, w) in zip(got, want) {
                XCTAssertTrue(g.image == w.image, "\(name): the frame at \(w.time) s differs", file: file, line: line)
            }
        }
    }

    /// A 1080p recording with keyframes at 0, 8.3 and 16.7 s: the full-size list starts after
    /// the second keyframe (its own pass seeks there), both end past the video's end.
    func testBothListsGetTheirOwnPassFramesAcrossKeyframes() throws {
        try check("board-hidpi2x-1080.mp4", stride(from: 0.2, through: 17.4, by: 0.61).map { $0 } + [18.5],
                  [9.1, 9.13, 9.6, 12.0, 16.65, 16.7, 17.45, 20])
    }

    /// The full-size list starting first, times closer than a frame apart and a VP9 file.
    func testTheListThatStartsFirstAndCloseTimes() throws {
        try check("docs-window-search-version-24fps.mp4", [3.0, 3.01, 3.02, 7.5, 10.4, 10.45, 15.9], [0.1, 0.4, 3.0, 11.0])
        try check("admin-search-delete-vp9.webm", [1.0, 2.5, 2.55, 9.0], [0.0, 4.0, 4.01, 14.9])
    }
}
