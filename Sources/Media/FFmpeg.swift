internal import CFFmpeg
import Foundation
import ScreenCore

// Every call into FFmpeg goes through this file. Each C object is owned by one private final
// class that frees it in deinit; none of them is Sendable, so none can cross a task.

/// FFmpeg's error text for a return code.
func ffErrorString(_ code: Int32) -> String {
    var buf = [CChar](repeating: 0, count: 256)
    av_strerror(code, &buf, buf.count)
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Silences FFmpeg's own logging once per process: errors reach the user through Swift errors.
let ffmpegQuiet: Void = { sw_quiet_logs() }()

final class FormatContext {
    var ptr: UnsafeMutablePointer<AVFormatContext>?
    init(path: String) throws {
        _ = ffmpegQuiet
        try Self.precheck(path)
        var ctx: UnsafeMutablePointer<AVFormatContext>? = nil
        let r = avformat_open_input(&ctx, path, nil, nil)
        guard r >= 0, ctx != nil else {
            if r == sw_averror(ENOENT) { throw InputError.notFound(path: path) }
            if r == sw_averror(EACCES) { throw InputError.notReadable(path: path, reason: "permission denied") }
            if let kind = Self.containerSignature(path) {
                throw InputError.corrupt(path: path, reason: "a damaged or truncated \(kind) file: \(ffErrorString(r))")
            }
            throw InputError.notMedia(path: path, reason: ffErrorString(r))
        }
        ptr = ctx
        let s = avformat_find_stream_info(ctx, nil)
        if s < 0 { throw InputError.corrupt(path: path, reason: ffErrorString(s)) }
    }
    deinit { avformat_close_input(&ptr) }

    /// Missing, unreadable and empty files, told apart before FFmpeg sees them.
    static func precheck(_ path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError.notFound(path: path) }
        if isDir.boolValue { throw InputError.notReadable(path: path, reason: "is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError.notReadable(path: path, reason: "permission denied")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 { throw InputError.empty(path: path) }
    }

    /// The container a file's first bytes announce (MP4/MOV `ftyp`, Matroska/WebM EBML), if any:
    /// such a file that FFmpeg cannot open is damaged, not of the wrong kind.
    static func containerSignature(_ path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let head = [UInt8]((try? h.read(upToCount: 12)) ?? Data())
        if head.count >= 8 && head[4...7].elementsEqual(Array("ftyp".utf8)) { return "MP4/MOV" }
        if head.count >= 4 && head[0...3].elementsEqual([0x1A, 0x45, 0xDF, 0xA3]) { return "Matroska/WebM" }
        return nil
    }

    var formatName: String { ptr.flatMap { $0.pointee.iformat }.map { String(cString: $0.pointee.name) } ?? "?" }
    var isStillImageFormat: Bool { formatName == "image2" || formatName.hasSuffix("_pipe") }

    func stream(_ i: Int32) -> UnsafeMutablePointer<AVStream> { ptr!.pointee.streams[Int(i)]! }

    /// The best video stream's index, or nil.
    func bestVideoStream() -> Int32? {
        let i = av_find_best_stream(ptr, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        return i >= 0 ? i : nil
    }
}

final class CodecContext {
    var ptr: UnsafeMutablePointer<AVCodecContext>?
    init(stream: UnsafeMutablePointer<AVStream>, path: String, threads: Int32 = 0) throws {
        let par = stream.pointee.codecpar!
        guard let codec = avcodec_find_decoder(par.pointee.codec_id) else {
            throw InputError.unsupportedCodec(path: path, codec: Self.codecName(par.pointee.codec_id, tag: par.pointee.codec_tag))
        }
        ptr = avcodec_alloc_context3(codec)
        guard ptr != nil else { throw InputError.corrupt(path: path, reason: "cannot allocate a decoder") }
        var r = avcodec_parameters_to_context(ptr, par)
        if r < 0 { throw InputError.corrupt(path: path, reason: ffErrorString(r)) }
        ptr!.pointee.thread_count = threads          // 0 = one thread per core
        ptr!.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
        ptr!.pointee.pkt_timebase = stream.pointee.time_base
        r = avcodec_open2(ptr, codec, nil)
        if r < 0 { throw InputError.unsupportedCodec(path: path, codec: "\(String(cString: codec.pointee.name)) (\(ffErrorString(r)))") }
    }
    deinit { avcodec_free_context(&ptr) }

    /// Whether the decoder may drop the next packets' frames when no other frame refers to them
    /// (`AVDISCARD_NONREF`). Read per packet, also by FFmpeg's frame threads, so it can change
    /// between packets.
    func skipNonReference(_ skip: Bool) {
        ptr!.pointee.skip_frame = skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT
    }

    static func codecName(_ id: AVCodecID, tag: UInt32) -> String {
        if id != AV_CODEC_ID_NONE { return String(cString: avcodec_get_name(id)) }
        let chars = (0..<4).map { UInt8((tag >> (8 * UInt32($0))) & 0xff) }
        let printable = chars.allSatisfy { $0 >= 32 && $0 < 127 }
        return printable ? "'\(String(decoding: chars, as: UTF8.self))' (unknown)" : "unknown"
    }
}

final class PacketBox {
    var ptr: UnsafeMutablePointer<AVPacket>? = av_packet_alloc()
    deinit { av_packet_free(&ptr) }
}

final class FrameBox {
    var ptr: UnsafeMutablePointer<AVFrame>? = av_frame_alloc()
    deinit { av_frame_free(&ptr) }
}

/// One libswscale context converting frames of one source geometry into one rendition.
final class Scaler {
    private var ctx: OpaquePointer?
    let srcW: Int32, srcH: Int32, srcFormat: Int32
    let dstW: Int, dstH: Int, format: PixelFormat

    init?(srcW: Int32, srcH: Int32, srcFormat: Int32, dstW: Int, dstH: Int, format: PixelFormat) {
        self.srcW = srcW; self.srcH = srcH; self.srcFormat = srcFormat
        self.dstW = dstW; self.dstH = dstH; self.format = format
        let dstFmt: AVPixelFormat = switch format {
        case .gray8: AV_PIX_FMT_GRAY8
        case .rgb24: AV_PIX_FMT_RGB24
        case .rgba32: AV_PIX_FMT_RGBA
        }
        let same = Int(srcW) == dstW && Int(srcH) == dstH
        let flags: Int32 = same ? SWS_POINT : (dstW * 2 <= Int(srcW) ? SWS_FAST_BILINEAR : SWS_BILINEAR)
        ctx = sws_getContext(srcW, srcH, AVPixelFormat(rawValue: srcFormat), Int32(dstW), Int32(dstH), dstFmt,
                             flags, nil, nil, nil)
        if ctx == nil { return nil }
    }
    deinit { sws_freeContext(ctx) }

    func matches(_ f: UnsafeMutablePointer<AVFrame>) -> Bool {
        f.pointee.width == srcW && f.pointee.height == srcH && f.pointee.format == srcFormat
    }

    /// Converts `frame` straight into a new Swift-owned image (rows 32-byte aligned). The buffer
    /// has one spare row of capacity: swscale's SIMD paths may write a little past a row's end.
    func convert(_ frame: UnsafeMutablePointer<AVFrame>) -> Image {
        let stride = (dstW * format.bytesPerPixel + 31) & ~31
        let pixels = [UInt8](unsafeUninitializedCapacity: stride * (dstH + 1) + 64) { buf, count in
            _ = sw_scale_frame(ctx, frame, buf.baseAddress, Int32(stride))
            count = stride * dstH
        }
        return Image(width: dstW, height: dstH, format: format, bytesPerRow: stride, pixels: pixels)
    }

    /// Converts a frame held as Swift arrays (a luma plane and one chroma plane used for both
    /// chroma components) the same way, into a new image.
    func convert(luma: [UInt8], lumaStride: Int, chroma: [UInt8], chromaStride: Int, height: Int) -> Image {
        let stride = (dstW * format.bytesPerPixel + 31) & ~31
        let pixels = luma.withUnsafeBufferPointer { y in
            chroma.withUnsafeBufferPointer { c in
                [UInt8](unsafeUninitializedCapacity: stride * (dstH + 1) + 64) { buf, count in
                    _ = sw_scale_planes(ctx, y.baseAddress, Int32(lumaStride), c.baseAddress, c.baseAddress,
                                        Int32(chromaStride), Int32(height), buf.baseAddress, Int32(stride))
                    count = stride * dstH
                }
            }
        }
        return Image(width: dstW, height: dstH, format: format, bytesPerRow: stride, pixels: pixels)
    }
}

extension AVRational {
    var double: Double { den == 0 ? 0 : Double(num) / Double(den) }
}
