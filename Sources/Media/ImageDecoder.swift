internal import CFFmpeg
import Foundation
import ScreenCore

/// Reads design images: PNG through libpng, JPEG, WebP, BMP, GIF … through FFmpeg's image
/// decoders. Every failure is an `InputError` naming the file.
public enum ImageDecoder {
    /// Reads a file's bytes, telling apart missing, unreadable and empty files.
    static func readFile(_ path: String) throws -> Data {
        try FormatContext.precheck(path)
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) }
        catch { throw InputError.notReadable(path: path, reason: (error as NSError).localizedDescription) }
    }

    /// Decodes the image at `path` into `format`.
    public static func read(path: String, format: PixelFormat = .rgba32) throws -> Image {
        let data = try readFile(path)
        if PNG.looksLikePNG(data) { return try PNG.decode(data, path: path, format: format) }
        guard let kind = signature(data) else {
            if (try? Probe.probe(path: path)) != nil {
                throw InputError.notAnImage(path: path, reason: "a video, not a still image")
            }
            throw InputError.notAnImage(path: path, reason: "not a PNG, JPEG, WebP, GIF or BMP file")
        }
        do { return try decodeWithFFmpeg(path: path, format: format) }
        catch InputError.notAnImage(_, let reason) { throw InputError.corrupt(path: path, reason: "damaged \(kind): \(reason)") }
    }

    /// The image format a file's first bytes announce, if any.
    static func signature(_ d: Data) -> String? {
        let b = [UInt8](d.prefix(12))
        if b.count >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF { return "JPEG" }
        if b.count >= 12 && b[0...3].elementsEqual(Array("RIFF".utf8)) && b[8...11].elementsEqual(Array("WEBP".utf8)) { return "WebP" }
        if b.count >= 6 && (b[0...5].elementsEqual(Array("GIF87a".utf8)) || b[0...5].elementsEqual(Array("GIF89a".utf8))) { return "GIF" }
        if b.count >= 2 && b[0] == 0x42 && b[1] == 0x4D { return "BMP" }
        return nil
    }

    private static func decodeWithFFmpeg(path: String, format: PixelFormat) throws -> Image {
        let fmt: FormatContext
        do { fmt = try FormatContext(path: path) }
        catch InputError.notMedia(_, let reason) { throw InputError.notAnImage(path: path, reason: reason) }
        catch InputError.corrupt(_, let reason) { throw InputError.notAnImage(path: path, reason: reason) }
        guard let vi = fmt.bestVideoStream() else { throw InputError.notAnImage(path: path, reason: "no picture in the file") }
        if !fmt.isStillImageFormat {
            throw InputError.notAnImage(path: path, reason: "a \(fmt.formatName) video, not a still image")
        }
        let st = fmt.stream(vi)
        let par = st.pointee.codecpar!.pointee
        let w = Int(par.width), h = Int(par.height)
        if w > MediaLimits.maxSide || h > MediaLimits.maxSide || w * h > MediaLimits.maxPixels {
            throw InputError.tooLarge(path: path, width: w, height: h, limit: "\(MediaLimits.maxSide) px a side")
        }
        let codec = try CodecContext(stream: st, path: path, threads: 1)
        let pkt = PacketBox(), frame = FrameBox()
        var sentEOF = false
        while true {
            let r = avcodec_receive_frame(codec.ptr, frame.ptr)
            if r == 0 {
                let f = frame.ptr!
                guard let s = Scaler(srcW: f.pointee.width, srcH: f.pointee.height, srcFormat: f.pointee.format,
                                     dstW: Int(f.pointee.width), dstH: Int(f.pointee.height), format: format) else {
                    throw InputError.corrupt(path: path, reason: "cannot convert pixel format")
                }
                return s.convert(f)
            }
            if r == sw_averror_eof() || (r != sw_averror(EAGAIN)) || sentEOF && r == sw_averror(EAGAIN) {
                if sentEOF || r != sw_averror(EAGAIN) {
                    throw InputError.corrupt(path: path, reason: r == sw_averror_eof() ? "no picture decoded" : ffErrorString(r))
                }
            }
            let rr = av_read_frame(fmt.ptr, pkt.ptr)
            if rr < 0 {
                avcodec_send_packet(codec.ptr, nil); sentEOF = true; continue
            }
            defer { av_packet_unref(pkt.ptr) }
            if pkt.ptr!.pointee.stream_index == vi {
                let s = avcodec_send_packet(codec.ptr, pkt.ptr)
                if s < 0 && s != sw_averror(EAGAIN) { throw InputError.corrupt(path: path, reason: ffErrorString(s)) }
            }
        }
    }
}
