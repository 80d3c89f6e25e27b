import Foundation
import ScreenCore

/// The default `VisionModel`: classical computer vision over the segment's frames plus OCR
/// crops through the agent's tools. It follows the pointer, groups frame-to-frame changes into
/// events, and explains each event as a click, a keystroke run, a key press, a scroll, a
/// checkbox, a list choice or a page change.
public struct EmbeddedVisionModel: VisionModel {
    public let name = "embedded-cv"
    /// Frames per second analysed (the recording's own rate when lower).
    public var fps: Double
    public init(fps: Double = 15) { self.fps = fps }

    /// Decodes the segment once, in order, and reports what happened in the span it owns.
    public func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
        let analyst = SegmentAnalyst(context: segment, tools: tools)
        try await tools.forEachFrame(from: segment.segment.decodeStart, to: segment.segment.decodeEnd, fps: fps) { frame in
            try await analyst.feed(frame)
        }
        return try await analyst.finish()
    }
}

/// Tracing for development: set `VID2AUTO_DEBUG=1` to print the analysts' reasoning on stderr.
enum Debug {
    static let enabled = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG"] != nil
    static func log(_ s: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data((s() + "\n").utf8))
    }
}

/// A `TextReader` that goes through the agent's tools (so every read is a counted step).
struct ToolsTextReader: TextReader {
    let tools: any AgentTools
    func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
        try await tools.readText(PixelRect(x: 0, y: 0, width: image.width, height: image.height), in: image, mode: mode)
    }
    func readAhead(mode: TextReadMode, _ image: () -> Image) { tools.readTextAhead(mode: mode, image) }
    /// As `readAhead`, and whether the reading is under way or done now (`ReadAheadReporting`;
    /// false with tools that cannot say).
    @discardableResult
    func readAheadIfSpare(mode: TextReadMode, _ image: () -> Image) -> Bool {
        guard let t = tools as? any ReadAheadReporting else { tools.readTextAhead(mode: mode, image); return false }
        return t.readTextAheadIfSpare(mode: mode, image)
    }
}
