import XCTest
@testable import ScreenCore

final class ImageTests: XCTestCase {
    func testCropClipsToImage() {
        var px = [UInt8](repeating: 0, count: 16)
        for i in 0..<16 { px[i] = UInt8(i) }
        let img = Image(width: 4, height: 4, format: .gray8, pixels: px)
        let c = img.cropped(to: PixelRect(x: 2, y: 2, width: 5, height: 5))
        XCTAssertEqual(c.width, 2); XCTAssertEqual(c.height, 2)
        XCTAssertEqual(c.pixels, [10, 11, 14, 15])
    }

    func testRotationQuarterTurn() {
        let img = Image(width: 2, height: 1, format: .gray8, pixels: [1, 2])
        let r = img.rotated(clockwiseQuarterTurns: 1)
        XCTAssertEqual(r.width, 1); XCTAssertEqual(r.height, 2)
        XCTAssertEqual(r.pixels, [1, 2])
        let r2 = img.rotated(clockwiseQuarterTurns: 2)
        XCTAssertEqual(r2.pixels, [2, 1])
    }

    func testRenditionKeepsAspect() {
        let r = Rendition(width: 480, format: .gray8)
        let s = r.size(forSourceWidth: 1920, height: 1080)
        XCTAssertEqual(s.width, 480); XCTAssertEqual(s.height, 270)
    }

    func testSecretValueNeverEncoded() throws {
        let a = Action(kind: .fill, time: 1, value: .text("hunter2"), secret: true)
        let json = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        XCTAssertFalse(json.contains("hunter2"))
    }
}
