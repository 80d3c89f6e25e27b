import XCTest
import ScreenCore
import TestSupport
@testable import Media

/// Keyframe times are read once per file: the probe keeps what a read of the packets gives, and a
/// file rewritten since is read again.
final class KeyframeMemoTests: XCTestCase {
    let dir = TempDir("keyframes")

    func testTheProbeKeepsTheKeyframesAReadGives() throws {
        let path = dir.file("gop15.mp4")
        try MediaFixtures.video(path, seconds: 2, fps: 30, width: 160, height: 120,
                                codec: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "15", "-keyint_min", "15", "-sc_threshold", "0"])
        let read = try Probe.readKeyframeTimes(path: path)
        XCTAssertEqual(read.count, 4)
        _ = try Probe.probe(path: path)
        XCTAssertEqual(KeyframeMemo.shared.times(for: try XCTUnwrap(FileIdentity(path: path))), read)
        XCTAssertEqual(try Probe.keyframeTimes(path: path), read)
    }

    func testAFileRewrittenIsReadAgain() throws {
        let path = dir.file("rewritten.mp4")
        try MediaFixtures.video(path, seconds: 2, fps: 30, width: 160, height: 120,
                                codec: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "30", "-keyint_min", "30", "-sc_threshold", "0"])
        XCTAssertEqual(try Probe.keyframeTimes(path: path).count, 2)
        try FileManager.default.removeItem(atPath: path)
        try MediaFixtures.video(path, seconds: 2, fps: 30, width: 160, height: 120,
                                codec: ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "10", "-keyint_min", "10", "-sc_threshold", "0"])
        XCTAssertEqual(try Probe.keyframeTimes(path: path), try Probe.readKeyframeTimes(path: path))
        XCTAssertEqual(try Probe.keyframeTimes(path: path).count, 6)
    }
}
