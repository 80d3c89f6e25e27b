import XCTest
import ScreenCore
import TestSupport
@testable import Media

/// Every bad input the issue lists, made by the test itself, must become a clean `InputError`.
final class BadInputTests: XCTestCase {
    let dir = TempDir("bad")

    func error(_ body: () throws -> Any) -> InputError? {
        do { _ = try body(); return nil } catch let e as InputError { return e } catch { XCTFail("\(error)"); return nil }
    }

    func testRecordingErrors() throws {
        let good = dir.file("good.mp4")
        try MediaFixtures.video(good, seconds: 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = dir.file("truncated.mp4")
        try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: truncated))   // moov at the end is lost
        let text = dir.file("notes.mp4"); try Data("just some text\n".utf8).write(to: URL(fileURLWithPath: text))
        let empty = dir.file("empty.mp4"); FileManager.default.createFile(atPath: empty, contents: Data())
        let audio = dir.file("audio.m4a"); try Shell.ffmpeg(["-f", "lavfi", "-i", "sine", "-t", "0.5", audio])
        let still = dir.file("still.png"); try Shell.ffmpeg(["-f", "lavfi", "-i", "testsrc2=size=64x48", "-frames:v", "1", still])
        let unknown = dir.file("unknown.avi")
        try MediaFixtures.video(dir.file("m.avi"), seconds: 0.3, codec: ["-c:v", "mpeg4", "-vtag", "XVID"])
        var avi = try Data(contentsOf: URL(fileURLWithPath: dir.file("m.avi")))
        var bytes = [UInt8](avi)
        for tag in ["XVID", "FMP4"] { BadInputs.replaceAll(&bytes, Array(tag.utf8), Array("QZQZ".utf8)) }
        avi = Data(bytes)
        try avi.write(to: URL(fileURLWithPath: unknown))

        let expectations: [(String, (InputError) -> Bool)] = [
            (dir.file("missing.mp4"), { if case .notFound = $0 { true } else { false } }),
            (empty, { if case .empty = $0 { true } else { false } }),
            (truncated, { if case .corrupt = $0 { true } else { false } }),
            (text, { if case .notMedia = $0 { true } else { false } }),
            (audio, { if case .noVideoStream = $0 { true } else { false } }),
            (still, { if case .stillImage = $0 { true } else { false } }),
            (unknown, { if case .unsupportedCodec = $0 { true } else { false } }),
        ]
        for (path, matches) in expectations {
            for open in [{ _ = try Probe.probe(path: path) },
                         { _ = try VideoReader(path: path, renditions: [Rendition(format: .gray8)]).next() }] {
                let e = error { try open() }
                XCTAssertNotNil(e, path)
                if let e {
                    XCTAssertTrue(matches(e), "\(path): \(e)")
                    XCTAssertTrue(e.description.hasPrefix(path), e.description)
                    XCTAssertFalse(e.description.contains("\n"))
                }
            }
        }
    }

    func testTruncatedFastStartFileDecodesWhatIsThereWithADiagnostic() throws {
        let good = dir.file("fs.mp4")
        try MediaFixtures.video(good, seconds: 2, extra: ["-movflags", "+faststart"])
        let data = try Data(contentsOf: URL(fileURLWithPath: good))
        let cut = dir.file("fs-cut.mp4")
        try data.prefix(data.count * 2 / 3).write(to: URL(fileURLWithPath: cut))
        let reader = try VideoReader(path: cut, renditions: [Rendition(format: .gray8)])
        var n = 0
        while try reader.next() != nil { n += 1 }
        XCTAssertGreaterThan(n, 10); XCTAssertLessThan(n, 60)
    }

    func testARecordingCutShortIsRefusedByTheProbe() throws {
        // An MP4 whose index comes first (faststart) keeps listing the frames the cut lost; a
        // WebM lists no frames but declares its duration.
        for (name, codec, extra) in [("fs.mp4", ["-c:v", "libx264", "-pix_fmt", "yuv420p"], ["-movflags", "+faststart"]),
                                     ("cut.webm", ["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "400k"], [])] {
            let good = dir.file("whole-" + name)
            try MediaFixtures.video(good, seconds: 4, codec: codec, extra: extra)
            XCTAssertNoThrow(try Probe.probe(path: good), name)
            let data = try Data(contentsOf: URL(fileURLWithPath: good))
            let cut = dir.file(name)
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
            let e = error { try Probe.probe(path: cut) }
            guard let e, case .corrupt = e else { XCTFail("\(name): \(String(describing: e))"); continue }
            XCTAssertTrue(e.description.hasPrefix(cut) && e.description.contains("truncated"), e.description)
        }
    }

    func testTruncationNeedsMoreThanAFrameOrASecondMissing() {
        XCTAssertNil(Probe.truncation(packets: 290, listed: 291, lastEnd: nil, declared: nil))
        XCTAssertNotNil(Probe.truncation(packets: 129, listed: 291, lastEnd: 4.3, declared: 9.7))
        // No frame count listed: the declared duration decides, with a second's (or 5 %) slack.
        XCTAssertNil(Probe.truncation(packets: 454, listed: nil, lastEnd: 15.3, declared: 15.3))
        XCTAssertNil(Probe.truncation(packets: 400, listed: nil, lastEnd: 14.5, declared: 15.3))
        XCTAssertNotNil(Probe.truncation(packets: 150, listed: nil, lastEnd: 5.3, declared: 15.3))
        XCTAssertNil(Probe.truncation(packets: 150, listed: nil, lastEnd: 5.3, declared: nil))
    }
}
