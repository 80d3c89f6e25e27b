internal import CPNG
import Foundation
import ScreenCore

/// PNG reading and writing through libpng's simplified API, which keeps libpng's setjmp/longjmp
/// inside libpng: failures come back as return codes and become Swift errors here.
public enum PNG {
    /// The 8-byte signature every PNG starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Whether `data` starts like a PNG.
    public static func looksLikePNG(_ data: Data) -> Bool { data.prefix(8).elementsEqual(signature) }

    /// Decodes PNG bytes (gray, RGB, RGBA, palette, 16-bit — all normalised to 8 bits per channel
    /// in `format`). The header's size is checked against `MediaLimits` before any pixel buffer
    /// is allocated; libpng's errors (bad CRC, truncation) become `InputError.corrupt`.
    public static func decode(_ data: Data, path: String, format: PixelFormat = .rgba32) throws -> Image {
        // The IHDR size, checked before libpng reads any further.
        if data.count >= 24 && looksLikePNG(data) {
            let b = [UInt8](data[data.startIndex + 16 ..< data.startIndex + 24])
            let w = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
            let h = Int(b[4]) << 24 | Int(b[5]) << 16 | Int(b[6]) << 8 | Int(b[7])
            if w > MediaLimits.maxSide || h > MediaLimits.maxSide || w * h > MediaLimits.maxPixels {
                throw InputError.tooLarge(path: path, width: w, height: h, limit: "\(MediaLimits.maxSide) px a side")
            }
        }
        var res = sw_png_result()
        let status = data.withUnsafeBytes { raw in
            sw_png_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, Int32(format.bytesPerPixel),
                          UInt32(MediaLimits.maxSide), UInt64(MediaLimits.maxPixels), &res)
        }
        defer { sw_png_free(&res) }
        switch status {
        case 0: break
        case 2: throw InputError.tooLarge(path: path, width: Int(res.width), height: Int(res.height),
                                          limit: "\(MediaLimits.maxSide) px a side")
        default: throw InputError.corrupt(path: path, reason: message(res))
        }
        let w = Int(res.width), h = Int(res.height)
        if w == 0 || h == 0 { throw InputError.corrupt(path: path, reason: "zero-sized image") }
        let count = w * h * format.bytesPerPixel
        let pixels = [UInt8](UnsafeBufferPointer(start: res.pixels, count: count))
        return Image(width: w, height: h, format: format, pixels: pixels)
    }

    /// Reads a PNG file.
    public static func read(path: String, format: PixelFormat = .rgba32) throws -> Image {
        try decode(try ImageDecoder.readFile(path), path: path, format: format)
    }

    /// Encodes an image as PNG bytes.
    public static func encode(_ img: Image) throws -> Data {
        var image = png_image()
        image.version = sw_png_version()
        image.width = UInt32(img.width); image.height = UInt32(img.height)
        image.format = switch img.format {
        case .gray8: sw_png_format_gray()
        case .rgb24: sw_png_format_rgb()
        case .rgba32: sw_png_format_rgba()
        }
        // One compression pass into a buffer big enough for any outcome (libpng's
        // PNG_IMAGE_PNG_SIZE_MAX: the filtered rows, deflate's worst case, the chunks), instead
        // of a pass to learn the size and a second to write; a second pass only if that was short.
        let raw = img.height * (img.width * img.format.bytesPerPixel + 1)
        var capacity = raw + (raw + 7) / 8 + (raw + 63) / 64 + 11 + 1024
        var size = capacity
        var out = Data(count: capacity)
        var ok2: Int32 = 0
        for _ in 0..<2 {
            size = capacity
            ok2 = out.withUnsafeMutableBytes { o in
                img.pixels.withUnsafeBytes { px in
                    png_image_write_to_memory(&image, o.baseAddress, &size, 0, px.baseAddress, Int32(img.bytesPerRow), nil)
                }
            }
            guard ok2 == 0, size > capacity else { break }
            capacity = size; out = Data(count: capacity)   // too small after all: the size libpng asked for
        }
        png_image_free(&image)
        guard ok2 != 0, size > 0 else { throw PNGWriteError(reason: message(image)) }
        return out.subdata(in: 0..<size)   // a copy of the bytes written, not a view holding the whole buffer
    }

    /// Writes an image to a PNG file.
    public static func write(_ img: Image, to path: String) throws {
        try encode(img).write(to: URL(fileURLWithPath: path))
    }

    private static func message(_ res: sw_png_result) -> String {
        var m = res.message
        let s = withUnsafeBytes(of: &m) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        return s.isEmpty ? "libpng error" : s
    }

    private static func message(_ image: png_image) -> String {
        var m = image.message
        let s = withUnsafeBytes(of: &m) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        return s.isEmpty ? "libpng error" : s
    }
}

/// Failure to encode a PNG.
public struct PNGWriteError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { "cannot write PNG: \(reason)" }
}
