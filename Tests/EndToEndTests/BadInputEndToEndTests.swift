import XCTest
import TestSupport

/// Runs the built binaries on every bad input: one line on stderr naming the file, a non-zero
/// exit code, no crash, no hang.
final class BadInputEndToEndTests: XCTestCase {
    let dir = TempDir("e2e-bad")

    func check(_ tool: String, _ args: [String], name: String, path: String) throws {
        let r = try Shell.run(Binaries.path(tool), args, timeout: 30)
        let what = "\(tool) \(args.joined(separator: " ")) [\(name)]"
        XCTAssertTrue([64, 65, 66].contains(r.status), "\(what): exit \(r.status), stderr: \(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "\(what): \(r.stderr)")
        XCTAssertTrue(r.stderr.contains(path), "\(what) does not name the file: \(r.stderr)")
        XCTAssertTrue(r.stdout.isEmpty, "\(what) printed output: \(r.stdout)")
    }

    func testVid2AutoRefusesEveryBadInput() throws {
        for (name, path) in try BadInputs.make(in: dir) {
            try check("vid2auto", [path, "--target", "timeline"], name: name, path: path)
            try check("vid2auto", ["probe", path], name: name, path: path)
            try check("vid2auto", ["frames", path, "--out", dir.file("frames")], name: name, path: path)
        }
    }

    func testMockup2CodeRefusesEveryBadInput() throws {
        // A still image is a fine design: every other bad input must be refused.
        for (name, path) in try BadInputs.make(in: dir) where name != "still image as recording" {
            try check("mockup2code", [path, "--target", "html"], name: name, path: path)
        }
        let tiny = dir.file("one-pixel.png")
        let onePixelPNG: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
            0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00,
            0x0C, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0x00, 0x05, 0xFE, 0x02, 0xFE, 0x0D,
            0xEF, 0x46, 0xB8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        try Data(onePixelPNG).write(to: URL(fileURLWithPath: tiny))
        try check("mockup2code", [tiny], name: "1x1 image", path: tiny)
    }

    func testExitCodesTellMissingFromBadData() throws {
        let missing = try Shell.run(Binaries.path("vid2auto"), ["probe", dir.file("nope.mp4")])
        XCTAssertEqual(missing.status, 66)
        let text = dir.file("t.mp4"); try Data("x".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertEqual(try Shell.run(Binaries.path("vid2auto"), ["probe", text]).status, 65)
    }

    func testProbeAndFramesOnMp4WebmMov() throws {
        for (name, codec) in [("a.mp4", ["-c:v", "libx264", "-pix_fmt", "yuv420p"]),
                              ("b.webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"]),
                              ("c.mov", ["-c:v", "libx264", "-pix_fmt", "yuv420p"])] {
            let path = dir.file(name)
            try MediaFixtures.video(path, seconds: 2, fps: 30, width: 320, height: 240, codec: codec)
            let probe = try Shell.run(Binaries.path("vid2auto"), ["probe", "--json", path])
            XCTAssertEqual(probe.status, 0, probe.stderr)
            let info = try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any]
            XCTAssertEqual(info?["frameCount"] as? Int, 60, name)
            XCTAssertEqual(info?["width"] as? Int, 320, name)
            let out = dir.file("frames-\(name)")
            let frames = try Shell.run(Binaries.path("vid2auto"), ["frames", path, "--fps", "2", "--out", out])
            XCTAssertEqual(frames.status, 0, frames.stderr)
            let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".png") }.sorted()
            XCTAssertEqual(files.count, 4, name)
            XCTAssertEqual(files.first, "frame-00000-t0000.000.png")
        }
    }
}
