import XCTest
import ScreenCore
import TestSupport
@testable import Media

/// Decode once: the luma planes a `LumaRecorder` keeps rebuild exactly the frames a reader delivers.
final class FrameStoreTests: XCTestCase {
    let dir = TempDir("media-store")

    /// The pixels of `a` and `b` (rows, not the padding after them) are the same.
    func assertSamePixels(_ a: Image, _ b: Image, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.width, b.width, message, file: file, line: line)
        XCTAssertEqual(a.height, b.height, message, file: file, line: line)
        guard a.width == b.width, a.height == b.height else { return }
        for y in 0..<a.height {
            let ra = a.pixels[a.offset(x: 0, y: y)..<a.offset(x: 0, y: y) + a.width * a.format.bytesPerPixel]
            let rb = b.pixels[b.offset(x: 0, y: y)..<b.offset(x: 0, y: y) + b.width * b.format.bytesPerPixel]
            if ra != rb { XCTFail("\(message): row \(y) differs", file: file, line: line); return }
        }
    }

    /// Every frame of one pass, decoded as agents decode (full size gray) and as recorded.
    func decodeAndRecord(_ path: String, budget: Int = 64 << 20) throws -> (frames: [Frame], store: DecodedFrames) {
        let recorder = LumaRecorder(budget: FrameStoreBudget(bytes: budget))
        let reader = try VideoReader(path: path, renditions: [Rendition(width: 40, format: .gray8), Rendition(format: .gray8)],
                                     recorder: recorder)
        var frames: [Frame] = []
        while let f = try reader.next() { frames.append(f) }
        return (frames, DecodedFrames(chunks: [recorder.finish()]))
    }

    func testRebuiltFramesAreTheDecodedFrames() throws {
        let plain = dir.file("plain.mp4")
        try MediaFixtures.video(plain, seconds: 1.5, fps: 20, width: 160, height: 96, extra: ["-g", "10"])
        let rotated = dir.file("rot.mp4")
        try Shell.ffmpeg(["-i", plain, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated])
        let cases: [(String, [String])] = [
            ("vp9.webm", ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"]),
            ("444.mp4", ["-c:v", "libx264", "-pix_fmt", "yuv444p"]),
            ("odd.mp4", ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-vf", "crop=150:90"]),
        ]
        var paths = [plain, rotated]
        for (name, codec) in cases {
            let p = dir.file(name)
            try MediaFixtures.video(p, seconds: 1, fps: 15, width: 160, height: 96, codec: codec)
            paths.append(p)
        }
        for path in paths {
            let name = (path as NSString).lastPathComponent
            let (frames, store) = try decodeAndRecord(path)
            XCTAssertEqual(store.times.count, frames.count, name)
            XCTAssertEqual(store.storedCount, frames.count, name)
            XCTAssertEqual(store.times, frames.map(\.time), name)
            let info = try VideoReader(path: path, renditions: []).info
            let rebuilt = StoredFrameReader(frames: store, info: info)
            // In order, then out of order (rebuilding from the chunk's first frame).
            for i in frames.indices {
                assertSamePixels(try XCTUnwrap(try rebuilt.image(at: i)), frames[i].images[1], "\(name) frame \(i)")
            }
            for i in [frames.count - 1, 3, 0, frames.count / 2] {
                assertSamePixels(try XCTUnwrap(try rebuilt.image(at: i)), frames[i].images[1], "\(name) frame \(i) again")
            }
            XCTAssertNil(try rebuilt.image(at: frames.count))
        }
    }

    func testAStaticScreenIsKeptCompactly() throws {
        let path = dir.file("still.mp4")
        try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:s=640x480:r=30", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", path])
        let (frames, store) = try decodeAndRecord(path)
        XCTAssertEqual(frames.count, 60)
        XCTAssertEqual(store.storedCount, 60)
        XCTAssertLessThanOrEqual(store.bytes, 2 * 640 * 480, "a frame that never changes is kept once")
    }

    func testAFullBudgetKeepsTheTimesAndStopsKeepingPlanes() throws {
        let path = dir.file("busy.mp4")
        try MediaFixtures.video(path, seconds: 1, fps: 30, width: 320, height: 240)
        let (frames, store) = try decodeAndRecord(path, budget: 200_000)
        XCTAssertEqual(store.times, frames.map(\.time))
        XCTAssertGreaterThan(store.storedCount, 0)
        XCTAssertLessThan(store.storedCount, frames.count)
        XCTAssertLessThanOrEqual(store.bytes, 200_000)
        let info = try VideoReader(path: path, renditions: []).info
        let rebuilt = StoredFrameReader(frames: store, info: info)
        for i in frames.indices {
            XCTAssertEqual(store.isStored(i), i < store.storedCount)
            if let img = try rebuilt.image(at: i) { assertSamePixels(img, frames[i].images[1], "frame \(i)") } else {
                XCTAssertGreaterThanOrEqual(i, store.storedCount)
            }
        }
    }
}
