import Foundation
import Media
@testable import OCR
import ScreenCore
@testable import Mockup2CodeKit

/// A synthetic design: RGB pixels with rectangles drawn on them.
struct Canvas {
    var image: Image
    init(width: Int, height: Int, background: RGB = RGB(255, 255, 255)) {
        var px = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { px[i * 3] = background.r; px[i * 3 + 1] = background.g; px[i * 3 + 2] = background.b }
        image = Image(width: width, height: height, format: .rgb24, pixels: px)
    }
    mutating func fill(_ r: PixelRect, _ c: RGB) {
        for y in max(0, r.y)..<min(image.height, r.maxY) {
            for x in max(0, r.x)..<min(image.width, r.maxX) {
                let o = (y * image.width + x) * 3
                image.pixels[o] = c.r; image.pixels[o + 1] = c.g; image.pixels[o + 2] = c.b
            }
        }
    }
    /// A 1-pixel (or `w`) frame around `r`.
    mutating func frame(_ r: PixelRect, _ c: RGB, width w: Int = 1) {
        fill(PixelRect(x: r.x, y: r.y, width: r.width, height: w), c)
        fill(PixelRect(x: r.x, y: r.maxY - w, width: r.width, height: w), c)
        fill(PixelRect(x: r.x, y: r.y, width: w, height: r.height), c)
        fill(PixelRect(x: r.maxX - w, y: r.y, width: w, height: r.height), c)
    }
    /// Fake "text": glyph-like vertical strokes 2 px wide every 5 px, words 4 glyphs long with
    /// 6 px spaces — enough for segmentation and colour tests without a font.
    mutating func fakeText(x: Int, y: Int, words: Int, height: Int, _ c: RGB) {
        var cx = x
        for _ in 0..<words {
            for _ in 0..<4 { fill(PixelRect(x: cx, y: y, width: 2, height: height), c); fill(PixelRect(x: cx, y: y, width: 4, height: 2), c); cx += 5 }
            cx += 6
        }
    }
    /// Pastes a gray or colour image at (x, y).
    mutating func paste(_ src: Image, x: Int, y: Int) {
        for yy in 0..<src.height where y + yy < image.height {
            for xx in 0..<src.width where x + xx < image.width {
                fill(PixelRect(x: x + xx, y: y + yy, width: 1, height: 1), src.rgb(x: xx, y: yy))
            }
        }
    }
}

/// A text reader that needs no Tesseract: every crop reads as `text` (one line, one word box per
/// word spread over the crop's ink), with the given confidence.
struct FakeReader: MockupTextReader {
    var text: String = "Hello"
    var confidence: Double = 95
    func read(_ image: Image, mode: PageSegmentation) async throws -> OCRResult {
        // Ink bounds of the (dark-on-white) crop.
        var x0 = image.width, y0 = image.height, x1 = -1, y1 = -1
        for y in 0..<image.height { for x in 0..<image.width where image.luma(x: x, y: y) < 128 {
            x0 = min(x0, x); y0 = min(y0, y); x1 = max(x1, x); y1 = max(y1, y)
        } }
        guard x1 >= 0 else { return .empty }
        let words = text.split(separator: " ").map(String.init)
        let w = max(1, (x1 - x0 + 1) / max(1, words.count))
        let ws = words.enumerated().map { i, t in
            OCRWord(text: t, box: PixelRect(x: x0 + i * w, y: y0, width: w, height: y1 - y0 + 1), confidence: confidence)
        }
        return OCRResult(lines: [OCRLine(words: ws, block: 0)])
    }
}

/// The directory of the OCR fixtures (real rendered text).
func ocrFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OCRTests/Fixtures/\(name)").path
}
