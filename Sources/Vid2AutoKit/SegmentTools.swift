import Foundation
import Media
import Perception
import ScreenCore
import Swarm

/// A recording's frames as the motion pass decoded them (see `DecodedFrames`), with the
/// recording's description (for the conversion and rotation of rebuilt frames).
public struct DecodedRecording: Sendable {
    public var frames: DecodedFrames
    public var info: MediaInfo
    public init(frames: DecodedFrames, info: MediaInfo) { self.frames = frames; self.info = info }
}

/// The tools one sub-agent gets for its segment: its frames (rebuilt from the motion pass's
/// decode when it kept them, else from a decoder of its own opened inside the calling task, so
/// no FFmpeg object crosses tasks), OCR crops through the shared pool, the pointer locator,
/// region comparison and field reading. Every call is a step in the agent's ledger.
public struct SegmentTools: ReadAheadReporting {
    let path: String
    let reader: any TextReader
    let context: AgentContext?
    /// Frames per second never exceeded when decoding (the recording's rate when lower).
    let fpsCap: Double
    let decoded: DecodedRecording?
    let preceding: [Segment]
    let decoder: any SegmentFrameSource
    /// The run's agents against its cores, when reading through the pool (`split` asks it for a spare core).
    let lanes: SpareCores?

    /// Tools over the recording at `path`, reading text with `reader`, counting steps in
    /// `context`; frames come from `decoded` when given (exactly those a decoder would deliver).
    public init(path: String, reader: any TextReader, context: AgentContext?, fpsCap: Double = 30,
                decoded: DecodedRecording? = nil) {
        self.init(path: path, reader: reader, context: context, fpsCap: fpsCap, decoded: decoded, preceding: [])
    }

    /// Tools whose frames are those a decoder that first went through the decode windows of
    /// `preceding` (the segments before this one in its run, each in one call at the same rate)
    /// would deliver next: a segment taken out of its run sees the same frames as inside it.
    init(path: String, reader: any TextReader, context: AgentContext?, fpsCap: Double = 30,
         decoded: DecodedRecording?, preceding: [Segment]) {
        self.path = path; self.reader = reader; self.context = context; self.fpsCap = fpsCap; self.decoded = decoded
        self.preceding = preceding
        lanes = (reader as? PoolTextReader)?.lanes
        if let decoded {
            decoder = StoreDecoder(path: path, decoded: decoded, agent: context?.lane ?? 0,
                                   preceding: preceding.map { ($0.decodeStart, $0.decodeEnd) })
        } else {
            decoder = ForwardDecoder(path: path, agent: context?.lane ?? 0)
        }
    }

    /// Tools whose frames come from `source` (an agent started while the motion pass still
    /// decodes: `GrowingStoreDecoder`); a retry (`fresh()`) decodes the file itself.
    init(path: String, reader: any TextReader, context: AgentContext?, source: any SegmentFrameSource) {
        self.path = path; self.reader = reader; self.context = context; fpsCap = 30; decoded = nil; preceding = []
        lanes = (reader as? PoolTextReader)?.lanes
        decoder = source
    }

    /// The same tools with a frame source of their own (for a retry after a failure).
    public func fresh() -> SegmentTools {
        SegmentTools(path: path, reader: reader, context: context, fpsCap: fpsCap, decoded: decoded, preceding: [])
    }

    /// Decodes `[start, end)` at full size in gray, at most `fps` (and `fpsCap`) frames per second.
    /// Successive calls that move forward reuse the decoder (no seek back to a keyframe).
    public func forEachFrame(from start: Double, to end: Double, fps: Double?,
                             _ body: (Frame) async throws -> Void) async throws {
        context?.step()
        try await decoder.frames(from: start, to: end, fps: min(fps ?? fpsCap, fpsCap), body)
    }

    /// OCR of one crop.
    public func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading {
        context?.step()
        let crop = image.cropped(to: region)
        guard crop.width >= 4, crop.height >= 4 else { return .empty }
        return try await reader.read(crop, mode: mode)
    }

    /// Passes the hint on to the reader, with the crop `readText` would make of the whole image.
    public func readTextAhead(mode: TextReadMode, _ image: () -> Image) {
        readTextAheadIfSpare(mode: mode, image)
    }

    /// As `readTextAhead`, and whether the reading is under way or done now (`ReadAheadReporting`):
    /// only the pool's reader can say so; any other reader is told the hint and answers false.
    @discardableResult
    public func readTextAheadIfSpare(mode: TextReadMode, _ image: () -> Image) -> Bool {
        guard let pool = reader as? PoolTextReader else {
            reader.readAhead(mode: mode) { let i = image(); return i.cropped(to: PixelRect(x: 0, y: 0, width: i.width, height: i.height)) }
            return false
        }
        return pool.readAheadIfSpare(mode: mode) { let i = image(); return i.cropped(to: PixelRect(x: 0, y: 0, width: i.width, height: i.height)) }
    }

    /// Half the parts on a spare core (taken as a read ahead takes it, and given back when the
    /// parts are done), the other half on the caller's; in order on the caller's when none is spare.
    public func split(_ count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1, let lanes, lanes.takeSpare() else {
            for i in 0..<max(0, count) { body(i) }
            return
        }
        defer { lanes.returnSpare() }
        Profile.shared.split()
        // (Part k on thread k % 2: the parts of one call cost about the same.)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for i in stride(from: half, to: count, by: 2) { body(i) }
        }
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

/// Where one agent's frames come from, kept between the segments of its run.
protocol SegmentFrameSource: AnyObject, Sendable {
    /// The frames in `[start, end)` at most `fps` a second, in order.
    func frames(from start: Double, to end: Double, fps: Double, _ body: (Frame) async throws -> Void) async throws
}

/// One agent's decoder, kept between the segments of its run: a request that starts a little
/// after where the last one stopped continues decoding; one that goes back, or far ahead,
/// reopens and seeks. Invariant (for `@unchecked Sendable`): created and used by one agent task
/// only; the FFmpeg objects inside never leave it.
final class ForwardDecoder: SegmentFrameSource, @unchecked Sendable {
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

/// Which frames a `VideoReader` with a sampling rate delivers, worked out from the frames' times
/// alone: a reader opened (seeking) at `open(at:fps:)` rejects frames before that time, then
/// delivers the first frame of each slot of `1/fps` seconds counted from it; frames before
/// `deliverFrom` (set by `skip(until:)`) still take their slot but are not delivered.
struct FrameSlotSampler {
    private(set) var times: [Double]
    private(set) var origin = 0.0, rate = 0.0
    private var lastSlot = Int.min
    private var cursor = 0
    private var deliverFrom = -Double.infinity

    init(times: [Double]) { self.times = times }

    /// As a reader opened at `start` with `fps` frames a second.
    mutating func open(at start: Double, fps: Double) {
        origin = start; rate = fps; lastSlot = .min; deliverFrom = -.infinity
        var lo = 0, hi = times.count
        while lo < hi { let mid = (lo + hi) / 2; if times[mid] + 1e-6 < start { lo = mid + 1 } else { hi = mid } }
        cursor = lo
    }

    /// As `VideoReader.skip(until:)`.
    mutating func skip(until time: Double) { deliverFrom = max(deliverFrom, time) }

    /// More frames decoded: `newer` begins with the times held now (a later snapshot of the same
    /// pass); `next()` goes on where it stopped, as over `newer` from the start.
    mutating func extend(to newer: [Double]) {
        precondition(newer.count >= times.count, "a later snapshot of the same frames")
        times = newer
    }

    /// The index of the next frame delivered, or nil at the end.
    mutating func next() -> Int? {
        while cursor < times.count {
            let i = cursor
            cursor += 1
            let t = times[i]
            if rate > 0 {
                let slot = Int(((t - origin) * rate + 1e-6).rounded(.down))
                if slot <= lastSlot { continue }
                lastSlot = slot
            }
            if t + 1e-6 < deliverFrom { continue }
            return i
        }
        return nil
    }
}

/// One agent's frames rebuilt from the motion pass's decode: exactly the frames a
/// `ForwardDecoder` would deliver for the same calls (the same sampling slots, continuing between
/// the segments of a run or starting over where it would seek), so the analysis does not change.
/// A frame whose plane the motion pass did not keep (its memory budget ran out) is decoded from
/// the file. Invariant (for `@unchecked Sendable`): created and used by one agent task only; the
/// FFmpeg objects inside never leave it.
final class StoreDecoder: SegmentFrameSource, @unchecked Sendable {
    let path: String
    let agent: Int
    private let decoded: DecodedRecording
    private var sampler: FrameSlotSampler
    private var isOpen = false
    private var held: Int?
    private var position = 0.0
    private var rebuilt: StoredFrameReader?
    private var fallback: FileFrames?
    /// Decode windows gone through (without frames) before the first call.
    private var preceding: [(Double, Double)]

    init(path: String, decoded: DecodedRecording, agent: Int = 0, preceding: [(Double, Double)] = []) {
        self.path = path; self.decoded = decoded; self.agent = agent; self.preceding = preceding
        sampler = FrameSlotSampler(times: decoded.frames.times)
    }

    func frames(from start: Double, to end: Double, fps: Double, _ body: (Frame) async throws -> Void) async throws {
        let t0 = Date()
        var inBody = 0.0, seeked = false, frames = 0
        defer { Profile.shared.decode(agent: agent, decode: Date().timeIntervalSince(t0) - inBody, analyse: inBody, frames: frames, seeked: seeked) }
        for (a, b) in preceding { await advance(from: a, to: b, fps: fps) { _ in } }
        preceding = []
        seeked = try await advance(from: start, to: end, fps: fps) { i in
            let image = try self.image(i)
            let b0 = Date()
            frames += 1
            try await body(Frame(index: i, time: decoded.frames.times[i], images: [image]))
            inBody += Date().timeIntervalSince(b0)
        }
    }

    /// The frames (their indices) that `frames(from:to:fps:_:)` would hand over for the same call,
    /// without rebuilding any: what an agent that saw these frames elsewhere is checked against.
    func indices(from start: Double, to end: Double, fps: Double) async -> [Int] {
        for (a, b) in preceding { await advance(from: a, to: b, fps: fps) { _ in } }
        preceding = []
        var out: [Int] = []
        await advance(from: start, to: end, fps: fps) { out.append($0) }
        return out
    }

    /// The decisions of `ForwardDecoder.frames`, on the frames' times: hands `deliver` the index
    /// of every frame delivered; returns whether the decoder would have sought.
    @discardableResult
    private func advance(from start: Double, to end: Double, fps: Double, _ deliver: (Int) async throws -> Void) async rethrows -> Bool {
        var seeked = false
        if !isOpen || sampler.rate != fps || start < position - 1e-6 || start - position > ForwardDecoder.continueWithin {
            seeked = true
            sampler.open(at: start, fps: fps)
            isOpen = true; held = nil
        }
        sampler.skip(until: start)
        let times = decoded.frames.times
        while true {
            let i: Int
            if let h = held { i = h; held = nil } else if let n = sampler.next() { i = n } else { position = .infinity; return seeked }
            let t = times[i]
            if t < start - 1e-6 { continue }
            if t >= end { held = i; position = t; return seeked }
            position = t
            try await deliver(i)
        }
    }

    /// Frame `i` in full size gray: rebuilt, or decoded when its plane was not kept.
    private func image(_ i: Int) throws -> Image {
        if decoded.frames.isStored(i) {
            if rebuilt == nil { rebuilt = StoredFrameReader(frames: decoded.frames, info: decoded.info) }
            if let img = try rebuilt!.image(at: i) { return img }
        }
        if fallback == nil { fallback = FileFrames(path: path) }
        return try fallback!.image(at: decoded.frames.times[i])
    }
}

/// Frames the motion pass did not keep (its memory budget ran out), decoded from the file at
/// their times: a decoder kept while the times move forward a little, reopened otherwise.
/// Invariant (for use by one agent task only): the FFmpeg objects inside never leave it.
final class FileFrames {
    let path: String
    private var reader: VideoReader?
    private var time = -Double.infinity
    init(path: String) { self.path = path }

    /// The frame presented at `t` (the first one at or after it) in full size gray.
    func image(at t: Double) throws -> Image {
        if reader == nil || t < time - 1e-6 || t - time > ForwardDecoder.continueWithin {
            reader = try VideoReader(path: path, renditions: [Rendition(format: .gray8)], sampling: FrameSampling(start: t))
        }
        reader!.skip(until: t)
        while let f = try reader!.next() {
            time = f.time
            if f.time + 1e-6 >= t { return f.images[0] }
        }
        throw InputError.corrupt(path: path, reason: String(format: "no frame at %.3f s", t))
    }
}
