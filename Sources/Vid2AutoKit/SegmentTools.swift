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
    let decoder: ForwardDecoder
    /// Frames kept from the first pass for a second one (the remote model's key frames); nil: none.
    let store: FrameStore?

    /// Tools over the recording at `path`, reading text with `reader`, counting steps in `context`.
    public init(path: String, reader: any TextReader, context: AgentContext?, fpsCap: Double = 30, store: FrameStore? = nil) {
        self.path = path; self.reader = reader; self.context = context; self.fpsCap = fpsCap; self.store = store
        decoder = ForwardDecoder(path: path, agent: context?.lane ?? 0)
    }

    /// The same tools with a decoder of their own (for a retry after a failure).
    public func fresh() -> SegmentTools { SegmentTools(path: path, reader: reader, context: context, fpsCap: fpsCap, store: store) }

    /// Decodes `[start, end)` at full size in gray, at most `fps` (and `fpsCap`) frames per second.
    /// Successive calls that move forward reuse the decoder (no seek back to a keyframe).
    public func forEachFrame(from start: Double, to end: Double, fps: Double?,
                             _ body: (Frame) async throws -> Void) async throws {
        context?.step()
        let rate = min(fps ?? fpsCap, fpsCap)
        if let store {
            // A second pass at the store's rate over frames the first pass decoded: no decoding at all.
            if rate <= store.rate + 1e-9, let kept = store.frames(from: start, to: end) {
                for f in kept { try await body(f) }
                return
            }
            try await decoder.frames(from: start, to: end, fps: rate) { f in store.offer(f); try await body(f) }
            return
        }
        try await decoder.frames(from: start, to: end, fps: rate, body)
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

/// One agent's decoder, kept between the segments of its run: a request that starts a little
/// after where the last one stopped continues decoding; one that goes back, or far ahead,
/// reopens and seeks. Invariant (for `@unchecked Sendable`): created and used by one agent task
/// only; the FFmpeg objects inside never leave it.
final class ForwardDecoder: @unchecked Sendable {
    let path: String
    private var reader: VideoReader?
    private var rate: Double = 0
    private var held: Frame?
    private var position = 0.0
    /// Further ahead than this (seconds), seeking is cheaper than decoding through.
    static let continueWithin = 4.0

    let agent: Int
    init(path: String, agent: Int = 0) { self.path = path; self.agent = agent }

    func frames(from start: Double, to end: Double, fps: Double, _ body: (Frame) async throws -> Void) async throws {
        let t0 = Date()
        var inBody = 0.0, seeked = false, frames = 0
        defer { Profile.shared.decode(agent: agent, decode: Date().timeIntervalSince(t0) - inBody, analyse: inBody, frames: frames, seeked: seeked) }
        defer { trace(String(format: "decode %.2f-%.2f: %.2f s total, %.2f s analysing, seek ", start, end, Date().timeIntervalSince(t0), inBody) + (seeked ? "yes" : "no")) }
        if reader == nil || rate != fps || start < position - 1e-6 || start - position > Self.continueWithin {
            seeked = true
            reader = try VideoReader(path: path, renditions: [Rendition(format: .gray8)],
                                     sampling: FrameSampling(fps: fps, start: start))
            rate = fps; held = nil
        }
        // Between segments: decode only what later frames need, convert nothing.
        reader!.skip(until: start)
        while true {
            let f: Frame
            if let h = held { f = h; held = nil } else if let n = try reader!.next() { f = n } else { position = .infinity; return }
            if f.time < start - 1e-6 { continue }
            if f.time >= end { held = f; position = f.time; return }
            position = f.time
            let b0 = Date()
            frames += 1
            try await body(f)
            inBody += Date().timeIntervalSince(b0)
        }
    }
}

/// The first frame of every `1/rate` s slot that the embedded pass decoded, so the remote model's
/// pass (key frames at `rate` fps) needs no decoder of its own: with many short segments and a
/// slow model, decoding them again would keep the cores busy while the calls could already run.
/// Only kept when a remote model is configured (full-size gray frames: ~1 MB each at 720p).
public final class FrameStore: @unchecked Sendable {
    // Invariant: `frames` is only touched under `lock`.
    private let lock = NSLock()
    private var frames: [Int: Frame] = [:]
    /// Slots per second.
    public let rate: Double
    public init(rate: Double) { self.rate = rate }

    /// Keeps `f` when it is the earliest frame seen in its slot.
    func offer(_ f: Frame) {
        let k = Int((f.time * rate).rounded(.down))
        lock.lock(); defer { lock.unlock() }
        if let old = frames[k], old.time <= f.time { return }
        frames[k] = f
    }

    /// The kept frames in `[start, end)`, or nil when a slot in it was never decoded.
    func frames(from start: Double, to end: Double) -> [Frame]? {
        let first = Int((start * rate).rounded(.down)), last = Int((end * rate).rounded(.up)) - 1
        guard last >= first else { return nil }
        lock.lock(); defer { lock.unlock() }
        var out: [Frame] = []
        for k in first...last {
            guard let f = frames[k] else {
                if k == first || k == last { continue }   // a slot cut by the window's edge may lie outside what was decoded
                return nil
            }
            if f.time >= start - 1e-6 && f.time < end { out.append(f) }
        }
        return out.isEmpty ? nil : out
    }
}
