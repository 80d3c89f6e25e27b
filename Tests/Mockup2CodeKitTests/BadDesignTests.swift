import Foundation
import Media
import ScreenCore
import TestSupport
import XCTest
@testable import Mockup2CodeKit

/// Every bad input is made here, in a temp dir, and must give one clean line naming the file and
/// the documented exit code — never a crash or a huge allocation.
final class BadDesignTests: XCTestCase {
    func convert(_ path: String, output: String? = nil) async -> (String, Int32)? {
        do {
            _ = try await Mockup2Code.convert(ConversionRequest(path: path, output: output), reader: FakeReader())
            return nil
        } catch {
            return Mockup2Code.describe(error)
        }
    }

    func assertRefused(_ path: String, code: Int32, mentions: String, file: StaticString = #filePath, line: UInt = #line) async {
        guard let (message, c) = await convert(path) else { return XCTFail("\(path) was accepted", file: file, line: line) }
        XCTAssertEqual(c, code, message, file: file, line: line)
        XCTAssertTrue(message.hasPrefix(path), "message does not start with the file: \(message)", file: file, line: line)
        XCTAssertTrue(message.contains(mentions), "\(message) does not mention \(mentions)", file: file, line: line)
        XCTAssertFalse(message.contains("\n"), "more than one line: \(message)", file: file, line: line)
    }

    func smallPNG(_ w: Int, _ h: Int) throws -> Data {
        var c = Canvas(width: w, height: h)
        c.fill(PixelRect(x: 0, y: 0, width: max(1, w / 2), height: max(1, h / 2)), RGB(20, 40, 200))
        return try PNG.encode(c.image)
    }

    func testMissingFile() async {
        let dir = TempDir("mockup")
        await assertRefused(dir.file("nope.png"), code: 66, mentions: "no such file")
    }

    func testEmptyFile() async {
        let dir = TempDir("mockup")
        let p = dir.file("empty.png")
        FileManager.default.createFile(atPath: p, contents: Data())
        await assertRefused(p, code: 65, mentions: "empty")
    }

    func testTruncatedPNG() async throws {
        let dir = TempDir("mockup")
        let data = try smallPNG(120, 80)
        let p = dir.file("truncated.png")
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: p))
        await assertRefused(p, code: 65, mentions: "truncated")
    }

    func testTextFileIsNotAnImage() async throws {
        let dir = TempDir("mockup")
        let p = dir.file("design.png")
        try Data("<html>this is not a picture</html>\n".utf8).write(to: URL(fileURLWithPath: p))
        await assertRefused(p, code: 65, mentions: "not an image")
    }

    func testOnePixelImage() async throws {
        let dir = TempDir("mockup")
        let p = dir.file("pixel.png")
        try smallPNG(1, 1).write(to: URL(fileURLWithPath: p))
        await assertRefused(p, code: 65, mentions: "too small")
    }

    func testHugeHeaderIsRefusedBeforeAllocating() async throws {
        let dir = TempDir("mockup")
        let p = dir.file("huge.png")
        try Data(BadInputs.hugePNGHeader(width: 30000, height: 30000)).write(to: URL(fileURLWithPath: p))
        await assertRefused(p, code: 65, mentions: "30000x30000")
    }

    func testVideoIsNotADesign() async throws {
        // A raw YUV4MPEG2 stream written by hand: two 16x16 frames.
        let dir = TempDir("mockup")
        let p = dir.file("clip.y4m")
        var bytes = Array("YUV4MPEG2 W16 H16 F25:1 Ip A1:1 C420jpeg\n".utf8)
        for _ in 0..<2 { bytes += Array("FRAME\n".utf8) + [UInt8](repeating: 128, count: 16 * 16 * 3 / 2) }
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        await assertRefused(p, code: 65, mentions: "not")
    }

    func testMP4IsNotADesign() async throws {
        let dir = TempDir("mockup")
        let p = dir.file("clip.mp4")
        do { try MediaFixtures.video(p, seconds: 0.4, width: 64, height: 48) } catch { throw XCTSkip("ffmpeg unavailable: \(error)") }
        await assertRefused(p, code: 65, mentions: "not")
    }

    func testUnwritableOutput() async throws {
        let dir = TempDir("mockup")
        let p = dir.file("ok.png")
        var c = Canvas(width: 64, height: 48)
        c.fill(PixelRect(x: 8, y: 8, width: 40, height: 20), RGB(30, 30, 30))
        try PNG.write(c.image, to: p)
        let out = dir.file("no/such/dir/out.html")
        guard let (message, code) = await convert(p, output: out) else { return XCTFail("wrote into a missing directory") }
        XCTAssertEqual(code, 73)
        XCTAssertTrue(message.hasPrefix(out), message)
    }
}
