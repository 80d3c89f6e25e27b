internal import CFFmpeg
import Foundation
import ScreenCore

/// Limits that keep a hostile header from causing a huge allocation.
public enum MediaLimits {
    /// Largest accepted side of a video frame or design image, in pixels.
    public static let maxSide = 16_384
    /// Largest accepted pixel count of a video frame or design image.
    public static let maxPixels = 80_000_000
}

/// Decodes one video file and delivers frames in presentation order, converted into the
/// requested renditions. Uses FFmpeg's frame threading. Not Sendable: create it inside the task
/// that reads it (or use `VideoSource.frames`, whose iterator does exactly that).
public final class VideoReader {
    public let info: MediaInfo
    /// Problems met while decoding that did not stop it (e.g. a truncated tail).
    public private(set) var diagnostics: [Diagnostic] = []

    private let path: String
    private let format: FormatContext
    private let codec: CodecContext
    private let streamIndex: Int32
    private let timeBase: Double
    private let startPTS: Int64
    private let renditions: [Rendition]
    private var sampling: FrameSampling
    private var scalers: [Scaler?]
    private let packet = PacketBox()
    private let frame = FrameBox()
    private var draining = false
    private var finished = false
    private var decodedIndex = -1
    private var lastSlot = Int.min
    private var lastTime: Double?
    private var delivered = 0
    private var badPackets = 0
    private let quarterTurns: Int
    /// Frames before this time are decoded only as far as later frames need them, never delivered.
    private var deliverFrom = -Double.infinity
    /// Per rendition, the time before which a delivered frame leaves it out (`skip(until:rendition:)`):
    /// its image is then an empty one. `deliverFrom` never exceeds the smallest of them.
    private var renditionFrom: [Double]
    /// The earliest presentation time seen (in packets sent to the decoder) for each sampling
    /// slot: a later frame of the same slot will not be delivered, so it need not be decoded.
    private var slotFirstSeen: [Int: Double] = [:]
    /// Keeps the luma plane of every frame delivered, when set.
    private let recorder: LumaRecorder?

    /// Opens `path` for decoding. Throws `InputError` for anything that is not a usable recording.
    /// A `recorder` also keeps the luma plane of every frame delivered (see `DecodedFrames`).
    public init(path: String, renditions: [Rendition], sampling: FrameSampling = .everyFrame, threads: Int = 0,
                recorder: LumaRecorder? = nil) throws {
        self.path = path
        self.recorder = recorder
        format = try FormatContext(path: path)
        if format.isStillImageFormat { throw InputError.stillImage(path: path) }
        guard let vi = format.bestVideoStream() else { throw InputError.noVideoStream(path: path) }
        streamIndex = vi
        let st = format.stream(vi)
        let par = st.pointee.codecpar!.pointee
        if par.width <= 0 || par.height <= 0 { throw InputError.corrupt(path: path, reason: "video stream has no size") }
        if Int(par.width) > MediaLimits.maxSide || Int(par.height) > MediaLimits.maxSide
            || Int(par.width) * Int(par.height) > MediaLimits.maxPixels {
            throw InputError.tooLarge(path: path, width: Int(par.width), height: Int(par.height),
                                      limit: "\(MediaLimits.maxSide) px a side")
        }
        codec = try CodecContext(stream: st, path: path, threads: Int32(threads))
        timeBase = st.pointee.time_base.double
        startPTS = st.pointee.start_time == sw_nopts() ? 0 : st.pointee.start_time
        info = Probe.info(format: format, stream: st, path: path, frameCount: nil)
        quarterTurns = info.rotation / 90
        self.renditions = renditions
        self.sampling = sampling
        scalers = Array(repeating: nil, count: renditions.count)
        renditionFrom = Array(repeating: -Double.infinity, count: renditions.count)
        if sampling.start > 0 { seek(to: sampling.start) }
    }

    /// Moves to `time` seconds: the next frame delivered is the first at or after it.
    public func seek(to time: Double) {
        // (A hair over, so a time computed from a timestamp seeks back to that very timestamp.)
        let ts = Int64((time / max(timeBase, 1e-12) + 1e-6).rounded(.down)) + startPTS
        if av_seek_frame(format.ptr, streamIndex, ts, AVSEEK_FLAG_BACKWARD) >= 0 {
            avcodec_flush_buffers(codec.ptr)
        }
        sampling.start = time
        if let end = sampling.end, end <= time { sampling.end = nil }
        draining = false; finished = false; lastSlot = Int.min; slotFirstSeen = [:]; deliverFrom = -.infinity
        renditionFrom = Array(repeating: -Double.infinity, count: renditions.count)
    }

    /// Skips forward without seeking: frames before `time` are not delivered (and a frame no later
    /// frame refers to is not even decoded), while the sampling's grid of slots stays where it was,
    /// so the frames delivered from `time` on are exactly those reading straight through would give.
    public func skip(until time: Double) {
        deliverFrom = max(deliverFrom, time)
    }

    /// `skip(until:)` for one rendition only: frames before `time` are delivered without it (an
    /// empty image in its place), and frames every rendition leaves out are not delivered (nor,
    /// when nothing refers to them, decoded). Two readings of one file in one pass: each
    /// rendition gets exactly the frames a reader of its own, skipping the same way, would give
    /// it; the file is decoded once. `time` = +infinity: the rendition is no longer wanted.
    public func skip(until time: Double, rendition: Int) {
        renditionFrom[rendition] = max(renditionFrom[rendition], time)
        if let least = renditionFrom.min() { deliverFrom = max(deliverFrom, least) }
    }

    /// Whether the frame of a packet presented at `pts` cannot be delivered: before the range or
    /// `deliverFrom`, after its end, or not the first frame of its sampling slot. Such a packet
    /// is sent with `AVDISCARD_NONREF`, so the decoder drops it when no other frame needs it —
    /// the delivered frames stay exactly the same, only fewer are decoded.
    private func undeliverable(pts: Int64) -> Bool {
        guard pts != sw_nopts() else { return false }
        let t = Double(pts - startPTS) * timeBase
        if t + 1e-6 < sampling.start { return true }
        if let end = sampling.end, t >= end { return true }
        guard let fps = sampling.fps, fps > 0 else { return t + 1e-6 < deliverFrom }
        // A frame before `deliverFrom` still claims its slot (see `accept`), so it is only
        // dropped when its whole slot lies before `deliverFrom`.
        if t + 1 / fps + 1e-6 < deliverFrom { return true }
        let slot = Int(((t - sampling.start) * fps + 1e-6).rounded(.down))
        if let first = slotFirstSeen[slot] {
            if first < t - 1e-9 { return true }
            if t < first { slotFirstSeen[slot] = t }
        } else {
            slotFirstSeen[slot] = t
            if slotFirstSeen.count > 256 { slotFirstSeen = slotFirstSeen.filter { $0.key > slot - 64 } }
        }
        return false
    }

    /// The next frame that the sampling selects, or nil at the end (or the range's end).
    /// Checks for task cancellation between frames.
    public func next() throws -> Frame? {
        while !finished {
            try Task.checkCancellation()
            let r = avcodec_receive_frame(codec.ptr, frame.ptr)
            if r == 0 {
                defer { av_frame_unref(frame.ptr) }
                if let f = try accept() { return f }
                continue
            }
            if r == sw_averror_eof() { finished = true; break }
            if r != sw_averror(EAGAIN) {
                // A broken frame: skip it, as players do.
                badPackets += 1
                if badPackets > 50 && delivered == 0 { throw InputError.corrupt(path: path, reason: ffErrorString(r)) }
                continue
            }
            if draining { finished = true; break }
            try feed()
        }
        if delivered == 0 && decodedIndex < 0 {
            throw InputError.corrupt(path: path, reason: "no decodable video frames")
        }
        return nil
    }

    private func feed() throws {
        while true {
            let r = av_read_frame(format.ptr, packet.ptr)
            if r < 0 {
                if r != sw_averror_eof() {
                    diagnostics.append(Diagnostic(.warning, "\(path): stopped reading early (\(ffErrorString(r))); the file may be truncated"))
                }
                draining = true
                avcodec_send_packet(codec.ptr, nil)
                return
            }
            defer { av_packet_unref(packet.ptr) }
            guard packet.ptr!.pointee.stream_index == streamIndex else { continue }
            codec.skipNonReference(undeliverable(pts: packet.ptr!.pointee.pts))
            let s = avcodec_send_packet(codec.ptr, packet.ptr)
            if s < 0 && s != sw_averror(EAGAIN) {
                badPackets += 1
                if badPackets == 1 { diagnostics.append(Diagnostic(.warning, "\(path): skipped undecodable data (\(ffErrorString(s)))")) }
                continue
            }
            return
        }
    }

    private func accept() throws -> Frame? {
        let f = frame.ptr!
        decodedIndex += 1
        var pts = f.pointee.best_effort_timestamp
        if pts == sw_nopts() { pts = f.pointee.pts }
        var t: Double
        if pts == sw_nopts() {
            t = (lastTime ?? 0) + (info.frameRate > 0 ? 1 / info.frameRate : 0.033)
        } else {
            t = Double(pts - startPTS) * timeBase
        }
        if let last = lastTime, t < last { t = last }   // never go backwards
        lastTime = t
        if t + 1e-6 < sampling.start { return nil }
        if let end = sampling.end, t >= end { finished = true; return nil }
        if let fps = sampling.fps, fps > 0 {
            let slot = Int(((t - sampling.start) * fps + 1e-6).rounded(.down))
            if slot <= lastSlot { return nil }
            lastSlot = slot
        }
        if t + 1e-6 < deliverFrom { return nil }
        recorder?.record(f, time: t)
        var images: [Image] = []
        images.reserveCapacity(renditions.count)
        for (i, r) in renditions.enumerated() {
            // (A rendition skipped past this frame, `skip(until:rendition:)`, is not converted.)
            if t + 1e-6 < renditionFrom[i] { images.append(Image(width: 0, height: 0, format: r.format)); continue }
            var (w, h) = r.size(forSourceWidth: info.displayWidth, height: info.displayHeight)
            if quarterTurns % 2 == 1 { swap(&w, &h) }
            if scalers[i] == nil || !scalers[i]!.matches(f) {
                scalers[i] = Scaler(srcW: f.pointee.width, srcH: f.pointee.height, srcFormat: f.pointee.format,
                                    dstW: w, dstH: h, format: r.format)
                if scalers[i] == nil { throw InputError.corrupt(path: path, reason: "cannot convert frame format") }
            }
            var img = scalers[i]!.convert(f)
            if quarterTurns != 0 { img = img.rotated(clockwiseQuarterTurns: quarterTurns) }
            images.append(img)
        }
        delivered += 1
        return Frame(index: decodedIndex, time: t, images: images)
    }
}

@available(*, unavailable, message: "FFmpeg objects never cross tasks: create a VideoReader inside the task that reads it")
extension VideoReader: Sendable {}

/// A recording to decode, as a Sendable value: its `frames` sequence opens the file inside the
/// iterating task, so the FFmpeg objects live and die there. Memory holds one frame at a time.
public struct VideoSource: Sendable {
    public let path: String
    public init(path: String) { self.path = path }

    /// The frames selected by `sampling`, each in every rendition asked for.
    public func frames(_ renditions: [Rendition], sampling: FrameSampling = .everyFrame, threads: Int = 0) -> Frames {
        Frames(path: path, renditions: renditions, sampling: sampling, threads: threads)
    }

    /// An async sequence of frames; decoding runs in `next()`, on the consuming task.
    public struct Frames: AsyncSequence, Sendable {
        public typealias Element = Frame
        let path: String, renditions: [Rendition], sampling: FrameSampling, threads: Int
        public func makeAsyncIterator() -> Iterator { Iterator(frames: self) }

        public struct Iterator: AsyncIteratorProtocol {
            let frames: Frames
            var reader: VideoReader?
            public mutating func next() async throws -> Frame? {
                if reader == nil {
                    reader = try VideoReader(path: frames.path, renditions: frames.renditions,
                                             sampling: frames.sampling, threads: frames.threads)
                }
                return try reader!.next()
            }
        }
    }
}
