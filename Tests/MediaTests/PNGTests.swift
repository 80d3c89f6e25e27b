import XCTest
import ScreenCore
import TestSupport
@testable import Media

final class PNGTests: XCTestCase {
    let dir = TempDir("png")

    func testRoundTripEveryFormat() throws {
        for format in PixelFormat.allCases {
            var img = Image(width: 7, height: 5, format: format)
            for i in img.pixels.indices { img.pixels[i] = UInt8((i * 37) % 256) }
            if format == .rgba32 { for i in stride(from: 3, to: img.pixels.count, by: 4) { img.pixels[i] = 255 } }
            let back = try PNG.decode(try PNG.encode(img), path: "mem", format: format)
            XCTAssertEqual(back, img, "\(format)")
        }
    }

    func testPaletteAnd16BitInputsAreNormalised() throws {
        for (name, fmt) in [("pal.png", "pal8"), ("deep.png", "rgb48be"), ("gray16.png", "gray16be"), ("ga.png", "ya8")] {
            let path = dir.file(name)
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=0x3366cc:size=16x8", "-frames:v", "1", "-pix_fmt", fmt, path])
            let img = try PNG.read(path: path, format: .rgba32)
            XCTAssertEqual(img.width, 16, name); XCTAssertEqual(img.format, .rgba32)
            // The reference: FFmpeg's own decode of the same file to 8-bit RGBA.
            let raw = dir.file(name + ".rgba")
            try Shell.ffmpeg(["-i", path, "-f", "rawvideo", "-pix_fmt", "rgba", raw])
            let ref = [UInt8](try Data(contentsOf: URL(fileURLWithPath: raw)))
            XCTAssertEqual(ref.count, img.pixels.count, name)
            let worst = zip(ref, img.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 99
            XCTAssertLessThanOrEqual(worst, 1, name)
        }
    }

    func testBrokenCRCIsACleanError() throws {
        var bytes = [UInt8](try PNG.encode(Image(width: 4, height: 4, format: .gray8, filledWith: 9)))
        bytes[29] ^= 0xff   // inside IHDR's CRC
        let path = dir.file("crc.png")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ImageDecoder.read(path: path)) { e in
            guard case InputError.corrupt(let p, let reason) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(p, path); XCTAssertFalse(reason.isEmpty)
        }
    }

    func testHugeHeaderIsRejectedBeforeAllocating() throws {
        let path = dir.file("huge.png")
        try Data(BadInputs.hugePNGHeader()).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ImageDecoder.read(path: path)) { e in
            guard case InputError.tooLarge(_, let w, let h, _) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(w, 30000); XCTAssertEqual(h, 30000)
        }
    }

    func testJPEGAndWebPDesignsAreRead() throws {
        for name in ["d.jpg", "d.webp"] {
            let path = dir.file(name)
            try Shell.ffmpeg(["-f", "lavfi", "-i", "color=c=white:size=40x30", "-frames:v", "1", path])
            let img = try ImageDecoder.read(path: path, format: .rgb24)
            XCTAssertEqual(img.width, 40, name); XCTAssertEqual(img.height, 30, name)
            XCTAssertGreaterThan(img.rgb(x: 5, y: 5).g, 240, name)
        }
    }

    func testNonImagesAreRejected() throws {
        let text = dir.file("x.png"); try Data("hello".utf8).write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try ImageDecoder.read(path: text)) { e in
            guard case InputError.notAnImage = e else { return XCTFail("\(e)") }
        }
        let video = dir.file("v.mp4"); try MediaFixtures.video(video, seconds: 0.5)
        XCTAssertThrowsError(try ImageDecoder.read(path: video)) { e in
            guard case InputError.notAnImage = e else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try ImageDecoder.read(path: dir.file("none.png"))) { e in
            guard case InputError.notFound = e else { return XCTFail("\(e)") }
        }
    }
}
