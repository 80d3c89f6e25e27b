import Foundation
import Media
import Perception
import ScreenCore
import Swarm

/// The tools one sub-agent gets for its segment: its own decoder (opened inside the calling task,
/// so no FFmpeg object crosses tasks), OCR crops through the shared pool, the pointer locator,
/// region comparison and field reading. Every call is a step in the agent's ledger.
public struct SegmentTools: AgentTools {
    let path: String
    let reader: any TextReader
    let context: AgentContext?
    /// Frames per second never exceeded when decoding (the recording's rate when lower).
    let fpsCap: Double

    /// Tools over the recording at `path`, reading text with `reader`, counting steps in `context`.
    public init(path: String, reader: any TextReader, context: AgentContext?, fpsCap: Double = 30) {
        self.path = path; self.reader = reader; self.context = context; self.fpsCap = fpsCap
    }

    /// Decodes `[start, end)` at full size in gray, at most `fps` (and `fpsCap`) frames per second.
    public func forEachFrame(from start: Double, to end: Double, fps: Double?,
                             _ body: (Frame) async throws -> Void) async throws {
        context?.step()
        let rate = min(fps ?? fpsCap, fpsCap)
        let reader = try VideoReader(path: path, renditions: [Rendition(format: .gray8)],
                                     sampling: FrameSampling(fps: rate, start: start, end: end))
        while let f = try reader.next() { try await body(f) }
    }

    /// OCR of one crop.
    public func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading {
        context?.step()
        let crop = image.cropped(to: region)
        guard crop.width >= 4, crop.height >= 4 else { return .empty }
        return try await reader.read(crop, mode: mode)
    }

    /// The pointer near `near`, found as the small region that differs from `reference`.
    public func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? {
        context?.step()
        return PointerLocator.locate(in: image, reference: reference, near: near)
    }

    /// Mean absolute luma difference inside `region`.
    public func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double {
        context?.step()
        return ChangeDetector.meanDifference(a, b, region: region, step: 2)
    }

    /// The text in a field's box, cleaned up for a value.
    public func readField(_ field: PixelRect, in image: Image) async throws -> String? {
        context?.step()
        return try await TextRegions.readFieldText(field, in: image, reader: reader)
    }
}
