internal import CFFmpeg
import Foundation
import ScreenCore

/// Reads a recording's metadata without decoding it (`vid2auto probe`).
public enum Probe {
    /// Container, codec, size, duration, frame rate, exact frame count (counted from packets)
    /// and rotation. Throws `InputError` for anything that is not a usable recording, including
    /// one cut short: fewer frames than its index lists, or frames ending well before the
    /// duration it declares (`truncation`).
    public static func probe(path: String) throws -> MediaInfo {
        let fmt = try FormatContext(path: path)
        if fmt.isStillImageFormat { throw InputError.stillImage(path: path) }
        guard let vi = fmt.bestVideoStream() else { throw InputError.noVideoStream(path: path) }
        let st = fmt.stream(vi)
        let par = st.pointee.codecpar!.pointee
        if avcodec_find_decoder(par.codec_id) == nil {
            throw InputError.unsupportedCodec(path: path, codec: CodecContext.codecName(par.codec_id, tag: par.codec_tag))
        }
        if par.width <= 0 || par.height <= 0 { throw InputError.corrupt(path: path, reason: "video stream has no size") }
        // Count packets (demux only, no decoding) for an exact frame count and the VFR flag.
        let pkt = PacketBox()
        var count = 0
        var deltas = Set<Int64>()
        var sortedPTS: [Int64] = []
        // The keyframes too (`keyframeTimes` reads the same packets): kept for this file.
        let identity = FileIdentity(path: path)
        let startPTS = st.pointee.start_time == sw_nopts() ? 0 : st.pointee.start_time
        var keys: [Double] = []
        var lastPTS: Int64?
        while av_read_frame(fmt.ptr, pkt.ptr) >= 0 {
            if pkt.ptr!.pointee.stream_index == vi {
                count += 1
                let p = pkt.ptr!.pointee.pts
                if p != sw_nopts() { lastPTS = max(lastPTS ?? p, p) }
                if p != sw_nopts() && sortedPTS.count < 5000 { sortedPTS.append(p) }
                if pkt.ptr!.pointee.flags & AV_PKT_FLAG_KEY != 0, p != sw_nopts() { keys.append(Double(p - startPTS) * st.pointee.time_base.double) }
            }
            av_packet_unref(pkt.ptr)
        }
        sortedPTS.sort()
        for i in sortedPTS.indices.dropFirst() { deltas.insert(sortedPTS[i] - sortedPTS[i - 1]) }
        var info = Self.info(format: fmt, stream: st, path: path, frameCount: count)
        let tb = st.pointee.time_base.double
        if let mn = deltas.min(), let mx = deltas.max(), mn > 0 {
            // Timestamps rounded to the time base jitter by a tick; real VFR differs by more than 10%.
            info.variableFrameRate = Double(mx - mn) * tb > 0.1 * Double(mn) * tb && mx - mn > 1
        }
        if count == 0 { throw InputError.corrupt(path: path, reason: "no video packets") }
        let listed = st.pointee.nb_frames > 0 ? Int(st.pointee.nb_frames) : nil
        let declared = st.pointee.duration != sw_nopts() && st.pointee.duration > 0
            ? Double(st.pointee.duration) * tb
            : (fmt.ptr!.pointee.nb_streams == 1 ? info.duration : nil)
        let lastEnd = lastPTS.map { Double($0 - startPTS) * tb + (info.frameRate > 0 ? 1 / info.frameRate : 0) }
        if let reason = truncation(packets: count, listed: listed, lastEnd: lastEnd, declared: declared) {
            throw InputError.corrupt(path: path, reason: reason)
        }
        if let identity { KeyframeMemo.shared.keep(keys.sorted(), for: identity) }
        return info
    }

    /// Why a recording counts as cut short, or nil: its index lists more than one frame beyond the
    /// packets there are (an MP4 whose sample table survived the cut), or, with no frame count
    /// listed (WebM, Matroska), its last frame ends more than max(1 s, 5 %) before the duration
    /// it declares. A recording whose end is lost would make a script that stops early without
    /// saying so; it is refused like any other damaged file.
    static func truncation(packets: Int, listed: Int?, lastEnd: Double?, declared: Double?) -> String? {
        if let listed, packets + 1 < listed {
            let share = 100 * packets / listed
            return "only \(packets) of the \(listed) frames its index lists are there, \(share) %"
        }
        if listed == nil, let lastEnd, let declared, declared > 0, lastEnd < declared - max(1, 0.05 * declared) {
            return "the video stops at \(String(format: "%.1f", lastEnd)) s of the \(String(format: "%.1f", declared)) s it declares"
        }
        return nil
    }

    /// The presentation times (seconds, on the same clock as `Frame.time`) of the video's
    /// keyframes, in order, from the packets alone (demux only, no decoding): where a decoder
    /// can start without anything before it. Packets without a timestamp are left out.
    /// Read once per file and process: `probe` keeps them (it reads the same packets), and the
    /// motion pass and the agents' planning both ask again.
    public static func keyframeTimes(path: String) throws -> [Double] {
        let identity = FileIdentity(path: path)
        if let identity, let kept = KeyframeMemo.shared.times(for: identity) { return kept }
        let times = try readKeyframeTimes(path: path)
        if let identity { KeyframeMemo.shared.keep(times, for: identity) }
        return times
    }

    static func readKeyframeTimes(path: String) throws -> [Double] {
        let fmt = try FormatContext(path: path)
        guard let vi = fmt.bestVideoStream() else { throw InputError.noVideoStream(path: path) }
        let st = fmt.stream(vi)
        let tb = st.pointee.time_base.double
        let startPTS = st.pointee.start_time == sw_nopts() ? 0 : st.pointee.start_time
        let pkt = PacketBox()
        var times: [Double] = []
        while av_read_frame(fmt.ptr, pkt.ptr) >= 0 {
            let p = pkt.ptr!.pointee
            if p.stream_index == vi, p.flags & AV_PKT_FLAG_KEY != 0, p.pts != sw_nopts() {
                times.append(Double(p.pts - startPTS) * tb)
            }
            av_packet_unref(pkt.ptr)
        }
        return times.sorted()
    }

    static func info(format: FormatContext, stream st: UnsafeMutablePointer<AVStream>, path: String, frameCount: Int?) -> MediaInfo {
        let par = st.pointee.codecpar!.pointee
        var fps = st.pointee.avg_frame_rate.double
        if !(fps > 0 && fps < 1000) { fps = st.pointee.r_frame_rate.double }
        if !(fps > 0 && fps < 1000) { fps = 0 }
        var duration = 0.0
        if st.pointee.duration != sw_nopts() && st.pointee.duration > 0 {
            duration = Double(st.pointee.duration) * st.pointee.time_base.double
        } else if let f = format.ptr, f.pointee.duration != sw_nopts(), f.pointee.duration > 0 {
            duration = Double(f.pointee.duration) / Double(AV_TIME_BASE)
        }
        let ccw = sw_stream_rotation(st)
        let cw = ((Int((-ccw / 90).rounded()) % 4) + 4) % 4 * 90
        let count = frameCount ?? (st.pointee.nb_frames > 0 ? Int(st.pointee.nb_frames) : Int((duration * fps).rounded()))
        return MediaInfo(path: path, container: format.formatName, codec: String(cString: avcodec_get_name(par.codec_id)),
                         width: Int(par.width), height: Int(par.height), duration: duration, frameRate: fps,
                         frameCount: count, rotation: cw, variableFrameRate: false)
    }
}
