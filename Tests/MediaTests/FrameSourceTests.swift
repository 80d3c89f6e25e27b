import XCTest
import ScreenCore
import TestSupport
@testable import Media

/// The frame source on every container and codec the issue names, with exact timestamps.
final class FrameSourceTests: XCTestCase {
    let dir = TempDir("media")

    func testProbeAndDecodeEveryContainer() throws {
        let cases: [(String, [String], String)] = [
            ("a.mp4", ["-c:v", "libx264", "-pix_fmt", "yuv420p"], "h264"),
            ("b.webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"], "vp9"),
            ("c.webm", ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8"], "vp8"),
            ("d.mov", ["-c:v", "libx264", "-pix_fmt", "yuv420p"], "h264"),
            ("e.mkv", ["-c:v", "libx264", "-pix_fmt", "yuv420p"], "h264"),
            ("f.mp4", ["-c:v", "libx265", "-pix_fmt", "yuv420p", "-x265-params", "log-level=none"], "hevc"),
        ]
        for (name, codec, expected) in cases {
            let path = dir.file(name)
            try MediaFixtures.video(path, seconds: 1, fps: 30, width: 160, height: 120, codec: codec)
            let info = try Probe.probe(path: path)
            XCTAssertEqual(info.codec, expected, name)
            XCTAssertEqual(info.width, 160, name); XCTAssertEqual(info.height, 120, name)
            XCTAssertEqual(info.frameCount, 30, name)
            XCTAssertEqual(info.frameRate, 30, accuracy: 0.01, name)
            XCTAssertEqual(info.duration, 1, accuracy: 0.05, name)
            let reader = try VideoReader(path: path, renditions: [Rendition(format: .gray8)])
            var n = 0
            while let f = try reader.next() {
                XCTAssertEqual(f.time, Double(n) / 30, accuracy: 0.002, "\(name) frame \(n)")
                n += 1
            }
            XCTAssertEqual(n, 30, name)
        }
    }

    func testOneDecodeFeedsSmallGrayAndFullColour() throws {
        let path = dir.file("red.mp4")
        try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=red:size=320x240:rate=10", "-t", "0.5",
                          "-c:v", "libx264", "-pix_fmt", "yuv444p", "-qp", "0", path])
        let reader = try VideoReader(path: path, renditions: [Rendition(width: 80, format: .gray8), Rendition(format: .rgba32)])
        let f = try XCTUnwrap(try reader.next())
        XCTAssertEqual(f.images.count, 2)
        XCTAssertEqual(f.images[0].width, 80); XCTAssertEqual(f.images[0].height, 60)
        XCTAssertEqual(f.images[0].format, .gray8)
        XCTAssertEqual(f.images[1].width, 320); XCTAssertEqual(f.images[1].format, .rgba32)
        let c = f.images[1].rgb(x: 100, y: 100)
        XCTAssertGreaterThan(c.r, 230); XCTAssertLessThan(c.g, 25); XCTAssertLessThan(c.b, 25)
        XCTAssertEqual(Int(f.images[0].luma(x: 40, y: 30)), 76, accuracy: 12)   // BT.601 luma of red
    }

    func testFixedRateTimeRangeAndSeek() throws {
        let path = dir.file("range.mp4")
        try MediaFixtures.video(path, seconds: 3, fps: 30, width: 160, height: 120)
        let rate = try VideoReader(path: path, renditions: [Rendition(format: .gray8)], sampling: FrameSampling(fps: 2))
        var times: [Double] = []
        while let f = try rate.next() { times.append(f.time) }
        XCTAssertEqual(times.count, 6)
        for (i, t) in times.enumerated() { XCTAssertEqual(t, Double(i) * 0.5, accuracy: 0.002) }

        let range = try VideoReader(path: path, renditions: [Rendition(format: .gray8)],
                                    sampling: FrameSampling(start: 1.0, end: 1.5))
        var got: [Double] = []
        while let f = try range.next() { got.append(f.time) }
        XCTAssertEqual(got.count, 15)
        XCTAssertEqual(got.first ?? -1, 1.0, accuracy: 0.002)
        XCTAssertEqual(got.last ?? -1, 1.0 + 14.0 / 30, accuracy: 0.002)

        range.seek(to: 2.5)
        XCTAssertEqual(try XCTUnwrap(range.next()).time, 2.5, accuracy: 0.002)
    }

    func testVariableFrameRateKeepsRealTimestamps() throws {
        let path = dir.file("vfr.mkv")
        try Shell.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=160x120:rate=30", "-t", "2",
                          "-vf", "setpts='if(lt(N,10),N*0.1,1+(N-10)/30)/TB'", "-fps_mode", "vfr",
                          "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        let info = try Probe.probe(path: path)
        XCTAssertTrue(info.variableFrameRate)
        let reader = try VideoReader(path: path, renditions: [Rendition(format: .gray8)])
        var times: [Double] = []
        while let f = try reader.next() { times.append(f.time) }
        XCTAssertEqual(times.count, 40)
        XCTAssertEqual(times[5], 0.5, accuracy: 0.002)
        XCTAssertEqual(times[25], 1.5, accuracy: 0.002)
    }

    func testRotationMetadataIsAppliedLikeFFmpeg() throws {
        let plain = dir.file("plain.mp4"), rotated = dir.file("rot.mp4")
        try MediaFixtures.video(plain, seconds: 0.2, width: 160, height: 96)
        try Shell.ffmpeg(["-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated])
        let info = try Probe.probe(path: rotated)
        XCTAssertEqual(info.rotation % 180, 90)
        XCTAssertEqual(info.displayWidth, 96); XCTAssertEqual(info.displayHeight, 160)
        let f = try XCTUnwrap(try VideoReader(path: rotated, renditions: [Rendition(format: .rgb24)]).next())
        XCTAssertEqual(f.images[0].width, 96); XCTAssertEqual(f.images[0].height, 160)
        // ffmpeg's own autorotation decodes the same picture.
        let ref = dir.file("ref.png")
        try Shell.ffmpeg(["-i", rotated, "-frames:v", "1", ref])
        let expected = try PNG.read(path: ref, format: .rgb24)
        XCTAssertEqual(expected.width, 96)
        var diff = 0
        for y in stride(from: 0, to: 160, by: 7) { for x in stride(from: 0, to: 96, by: 7) {
            diff = max(diff, abs(Int(f.images[0].luma(x: x, y: y)) - Int(expected.luma(x: x, y: y))))
        } }
        XCTAssertLessThan(diff, 40)
    }

    func testCancellationStopsDecodingPromptly() async throws {
        let path = dir.file("long.mp4")
        try MediaFixtures.video(path, seconds: 20, fps: 30, width: 320, height: 240)
        let source = VideoSource(path: path)
        let task = Task { () -> Int in
            var n = 0
            for try await _ in source.frames([Rendition(format: .gray8)]) { n += 1 }
            return n
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        task.cancel()
        let started = Date()
        do {
            let n = try await task.value
            XCTAssertLessThan(n, 600, "decoding ran to the end despite cancellation")
        } catch is CancellationError {}
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
    }
}
