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

    /// Decodes PNG bytes (gray, RGB, RGBA, palette, 16-bit — all normalised to 8-bit RGBA, or gray
    /// when `format` is `.gray8`). The header's size is checked against `MediaLimits` before any
    /// pixel buffer is allocated.
    public static func decode(_ data: Data, path: String, format: PixelFormat = .rgba32) throws -> Image {
        var image = png_image()
        image.version = sw_png_version()
        let ok = data.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        defer { png_image_free(&image) }
        guard ok != 0 else { throw InputError.corrupt(path: path, reason: message(image)) }
        let w = Int(image.width), h = Int(image.height)
        if w == 0 || h == 0 { throw InputError.corrupt(path: path, reason: "zero-sized image") }
        if w > MediaLimits.maxSide || h > MediaLimits.maxSide || w * h > MediaLimits.maxPixels {
            throw InputError.tooLarge(path: path, width: w, height: h, limit: "\(MediaLimits.maxSide) px a side")
        }
        image.format = switch format {
        case .gray8: sw_png_format_gray()
        case .rgb24: sw_png_format_rgb()
        case .rgba32: sw_png_format_rgba()
        }
        let stride = w * format.bytesPerPixel
        var failure: String? = nil
        let pixels = [UInt8](unsafeUninitializedCapacity: stride * h) { buf, count in
            let r = data.withUnsafeBytes { _ in
                png_image_finish_read(&image, nil, buf.baseAddress, Int32(stride), nil)
            }
            if r == 0 { failure = message(image); buf.initialize(repeating: 0) }
            count = stride * h
        }
        if let failure { throw InputError.corrupt(path: path, reason: failure) }
        return Image(width: w, height: h, format: format, bytesPerRow: stride, pixels: pixels)
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
        var size: Int = 0
        let ok1 = img.pixels.withUnsafeBytes { px in
            png_image_write_to_memory(&image, nil, &size, 0, px.baseAddress, Int32(img.bytesPerRow), nil)
        }
        guard ok1 != 0, size > 0 else { throw PNGWriteError(reason: message(image)) }
        var out = Data(count: size)
        let ok2 = out.withUnsafeMutableBytes { o in
            img.pixels.withUnsafeBytes { px in
                png_image_write_to_memory(&image, o.baseAddress, &size, 0, px.baseAddress, Int32(img.bytesPerRow), nil)
            }
        }
        png_image_free(&image)
        guard ok2 != 0 else { throw PNGWriteError(reason: message(image)) }
        return out.prefix(size)
    }

    /// Writes an image to a PNG file.
    public static func write(_ img: Image, to path: String) throws {
        try encode(img).write(to: URL(fileURLWithPath: path))
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
