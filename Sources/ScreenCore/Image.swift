/// The pixel layouts Screenwright works with.
public enum PixelFormat: String, Sendable, Codable, CaseIterable {
    /// 8-bit luminance, one byte per pixel.
    case gray8
    /// 8-bit red, green, blue.
    case rgb24
    /// 8-bit red, green, blue, alpha.
    case rgba32

    /// Bytes one pixel occupies.
    @inlinable public var bytesPerPixel: Int {
        switch self {
        case .gray8: 1
        case .rgb24: 3
        case .rgba32: 4
        }
    }
}

/// A Swift-owned raster: rows of pixels, `bytesPerRow` apart. Sendable because it is a value
/// holding a copy-on-write array; no C buffer is ever referenced.
public struct Image: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let format: PixelFormat
    public let bytesPerRow: Int
    public var pixels: [UInt8]

    /// Wraps `pixels` (at least `bytesPerRow * height` bytes).
    public init(width: Int, height: Int, format: PixelFormat, bytesPerRow: Int? = nil, pixels: [UInt8]) {
        let stride = bytesPerRow ?? width * format.bytesPerPixel
        precondition(width >= 0 && height >= 0 && stride >= width * format.bytesPerPixel)
        precondition(pixels.count >= stride * height, "pixel buffer too small")
        self.width = width
        self.height = height
        self.format = format
        self.bytesPerRow = stride
        self.pixels = pixels
    }

    /// A blank image filled with `value` in every byte.
    public init(width: Int, height: Int, format: PixelFormat, filledWith value: UInt8 = 0) {
        self.init(width: width, height: height, format: format,
                  pixels: [UInt8](repeating: value, count: width * height * format.bytesPerPixel))
    }

    /// The byte offset of pixel (x, y).
    @inlinable @inline(__always) public func offset(x: Int, y: Int) -> Int { y * bytesPerRow + x * format.bytesPerPixel }

    /// Luminance (0–255) of pixel (x, y), whatever the format.
    @inlinable @inline(__always) public func luma(x: Int, y: Int) -> UInt8 {
        let o = offset(x: x, y: y)
        switch format {
        case .gray8: return pixels[o]
        case .rgb24, .rgba32:
            let r = Int(pixels[o]), g = Int(pixels[o + 1]), b = Int(pixels[o + 2])
            return UInt8((r * 77 + g * 150 + b * 29) >> 8)
        }
    }

    /// The colour of pixel (x, y); gray images give r = g = b.
    @inlinable @inline(__always) public func rgb(x: Int, y: Int) -> RGB {
        let o = offset(x: x, y: y)
        switch format {
        case .gray8: return RGB(pixels[o], pixels[o], pixels[o])
        case .rgb24, .rgba32: return RGB(pixels[o], pixels[o + 1], pixels[o + 2])
        }
    }

    /// The pixels inside `rect` (clipped to the image) as a new tightly packed image.
    public func cropped(to rect: PixelRect) -> Image {
        let r = rect.intersection(PixelRect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return Image(width: 0, height: 0, format: format, pixels: []) }
        let bpp = format.bytesPerPixel
        var out = [UInt8](repeating: 0, count: r.width * r.height * bpp)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for row in 0..<r.height {
                    let s = (r.y + row) * bytesPerRow + r.x * bpp
                    let d = row * r.width * bpp
                    for i in 0..<(r.width * bpp) { dst[d + i] = src[s + i] }
                }
            }
        }
        return Image(width: r.width, height: r.height, format: format, pixels: out)
    }

    /// The image converted to 8-bit gray.
    public func grayscale() -> Image {
        if format == .gray8 && bytesPerRow == width { return self }
        var out = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<width { out[y * width + x] = luma(x: x, y: y) } }
        return Image(width: width, height: height, format: .gray8, pixels: out)
    }

    /// The image converted to tightly packed RGB or RGBA (alpha 255).
    public func converted(to target: PixelFormat) -> Image {
        if target == format && bytesPerRow == width * format.bytesPerPixel { return self }
        if target == .gray8 { return grayscale() }
        let bpp = target.bytesPerPixel
        var out = [UInt8](repeating: 255, count: width * height * bpp)
        for y in 0..<height {
            for x in 0..<width {
                let c = rgb(x: x, y: y)
                let d = (y * width + x) * bpp
                out[d] = c.r; out[d + 1] = c.g; out[d + 2] = c.b
                if bpp == 4 {
                    out[d + 3] = format == .rgba32 ? pixels[offset(x: x, y: y) + 3] : 255
                }
            }
        }
        return Image(width: width, height: height, format: target, pixels: out)
    }

    /// The image rotated clockwise by a multiple of 90 degrees.
    public func rotated(clockwiseQuarterTurns turns: Int) -> Image {
        let t = ((turns % 4) + 4) % 4
        if t == 0 { return self }
        let bpp = format.bytesPerPixel
        let (nw, nh) = t == 2 ? (width, height) : (height, width)
        var out = [UInt8](repeating: 0, count: nw * nh * bpp)
        for y in 0..<height {
            for x in 0..<width {
                let (nx, ny): (Int, Int)
                switch t {
                case 1: (nx, ny) = (height - 1 - y, x)
                case 2: (nx, ny) = (width - 1 - x, height - 1 - y)
                default: (nx, ny) = (y, width - 1 - x)
                }
                let s = offset(x: x, y: y), d = (ny * nw + nx) * bpp
                for i in 0..<bpp { out[d + i] = pixels[s + i] }
            }
        }
        return Image(width: nw, height: nh, format: format, pixels: out)
    }
}

/// An 8-bit colour.
public struct RGB: Sendable, Hashable, Codable {
    public var r: UInt8, g: UInt8, b: UInt8
    @inlinable public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
    /// `#rrggbb`.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [r, g, b].map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined()
    }
    /// Relative luminance on 0–255.
    public var luma: Int { (Int(r) * 77 + Int(g) * 150 + Int(b) * 29) >> 8 }
}
