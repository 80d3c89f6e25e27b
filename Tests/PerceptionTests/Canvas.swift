import Foundation
import ScreenCore
@testable import Perception

/// Small synthetic screens for detector tests: a light page, boxes, fake text, an arrow pointer.
struct Canvas {
    var image: Image

    init(width: Int = 640, height: Int = 400, background: UInt8 = 250) {
        image = Image(width: width, height: height, format: .gray8, filledWith: background)
    }

    mutating func fill(_ r: PixelRect, _ v: UInt8) {
        let c = r.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard !c.isEmpty else { return }
        for y in c.y..<c.maxY { for x in c.x..<c.maxX { image.pixels[y * image.width + x] = v } }
    }

    /// A 1-pixel outline.
    mutating func outline(_ r: PixelRect, _ v: UInt8) {
        fill(PixelRect(x: r.x, y: r.y, width: r.width, height: 1), v)
        fill(PixelRect(x: r.x, y: r.maxY - 1, width: r.width, height: 1), v)
        fill(PixelRect(x: r.x, y: r.y, width: 1, height: r.height), v)
        fill(PixelRect(x: r.maxX - 1, y: r.y, width: 1, height: r.height), v)
    }

    /// Fake text: `n` glyph-sized dark blocks from `x` on a line whose top is `y`.
    mutating func text(x: Int, y: Int, glyphs n: Int, height: Int = 12, v: UInt8 = 40) {
        for i in 0..<n { fill(PixelRect(x: x + i * 9, y: y + (i % 3), width: 6, height: height - (i % 3)), v) }
    }

    /// A black arrow with a white rim, its tip at `tip` (12×18 pixels).
    mutating func pointer(at tip: PixelPoint) {
        for row in 0..<18 {
            let w = min(12, row * 2 / 3 + 1)
            for col in 0..<w {
                let x = tip.x + col, y = tip.y + row
                guard x >= 0, y >= 0, x < image.width, y < image.height else { continue }
                image.pixels[y * image.width + x] = (col == 0 || col == w - 1 || row == 17) ? 255 : 0
            }
        }
    }

    func with(_ body: (inout Canvas) -> Void) -> Canvas { var c = self; body(&c); return c }
}

/// Frames at 30 fps from a list of images.
func frames(_ images: [Image], fps: Double = 30) -> [Frame] {
    images.enumerated().map { Frame(index: $0.offset, time: Double($0.offset) / fps, images: [$0.element]) }
}

/// A text reader that answers from a table (by crop size) or with a fixed line.
struct FakeReader: TextReader {
    var answer: @Sendable (Image) -> String
    func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
        let t = answer(image)
        guard !t.isEmpty else { return .empty }
        return TextReading(lines: [TextLine(words: t.split(separator: " ").enumerated().map { i, w in
            TextWord(text: String(w), box: PixelRect(x: 6 + i * 40, y: 6, width: 36, height: max(4, image.height - 12)), confidence: 90)
        })])
    }
}

/// Agent tools over in-memory frames, for running the embedded model without a video.
struct FakeTools: AgentTools {
    let all: [Frame]
    let reader: FakeReader
    var field: @Sendable (PixelRect, Image) -> String? = { _, _ in nil }

    func forEachFrame(from start: Double, to end: Double, fps: Double?, _ body: (Frame) async throws -> Void) async throws {
        for f in all where f.time >= start - 1e-6 && f.time < end { try await body(f) }
    }
    func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading {
        try await reader.read(image.cropped(to: region), mode: mode)
    }
    func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? {
        PointerLocator.locate(in: image, reference: reference, near: near)
    }
    func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double { ChangeDetector.meanDifference(a, b, region: region) }
    func readField(_ f: PixelRect, in image: Image) async throws -> String? { field(f, image) }
}

extension SegmentAnalyst {
    /// An analyst of a 2-second segment on a 640×400 screen laid out as one full frame (a
    /// `Canvas`'s size), working with `tools`: the fixture of the read-ahead and deferral tests.
    static func onCanvas(_ tools: any AgentTools) -> SegmentAnalyst {
        let context = SegmentContext(segment: Segment(index: 0, start: 0, end: 2),
                                     layout: .fullFrame(width: 640, height: 400), motion: [], frameRate: 30)
        return SegmentAnalyst(context: context, tools: tools)
    }
}
