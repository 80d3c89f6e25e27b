import Foundation
import Media
import ScreenCore

/// Small pictures for the page: area-averaged downscaling and a colour reduction that lets PNG
/// compress decoded video (whose low bits are codec noise) about three times better.
enum Imaging {
    /// `img` (RGB or gray) scaled down so it fits `maxWidth`×`maxHeight` (never up), by averaging
    /// the source pixels each output pixel covers.
    static func fit(_ img: Image, maxWidth: Int, maxHeight: Int) -> Image {
        let scale = min(1, Double(maxWidth) / Double(max(1, img.width)), Double(maxHeight) / Double(max(1, img.height)))
        guard scale < 1 else { return img }
        let w = max(1, Int((Double(img.width) * scale).rounded())), h = max(1, Int((Double(img.height) * scale).rounded()))
        return resize(img, width: w, height: h)
    }

    /// Box-filter resize to `width`×`height` (for shrinking).
    static func resize(_ img: Image, width w: Int, height h: Int) -> Image {
        let bpp = img.format == .gray8 ? 1 : 3
        var out = [UInt8](repeating: 0, count: w * h * bpp)
        let sx = Double(img.width) / Double(w), sy = Double(img.height) / Double(h)
        img.pixels.withUnsafeBufferPointer { src in
            for y in 0..<h {
                let y0 = Int(Double(y) * sy), y1 = max(y0 + 1, min(img.height, Int(Double(y + 1) * sy)))
                for x in 0..<w {
                    let x0 = Int(Double(x) * sx), x1 = max(x0 + 1, min(img.width, Int(Double(x + 1) * sx)))
                    var acc = (0, 0, 0)
                    for yy in y0..<y1 {
                        var o = yy * img.bytesPerRow + x0 * img.format.bytesPerPixel
                        for _ in x0..<x1 {
                            if bpp == 1 { acc.0 += Int(src[o]) } else { acc.0 += Int(src[o]); acc.1 += Int(src[o + 1]); acc.2 += Int(src[o + 2]) }
                            o += img.format.bytesPerPixel
                        }
                    }
                    let n = (y1 - y0) * (x1 - x0), d = (y * w + x) * bpp
                    out[d] = UInt8(acc.0 / n)
                    if bpp == 3 { out[d + 1] = UInt8(acc.1 / n); out[d + 2] = UInt8(acc.2 / n) }
                }
            }
        }
        return Image(width: w, height: h, format: bpp == 1 ? .gray8 : .rgb24, pixels: out)
    }

    /// Each channel rounded to `levels` evenly spaced values (32 by default: invisible on UI
    /// colours, and it removes the noise that keeps PNG from compressing video frames).
    static func posterized(_ img: Image, levels: Int = 32) -> Image {
        let step = 255.0 / Double(levels - 1)
        var table = [UInt8](repeating: 0, count: 256)
        for v in 0..<256 { table[v] = UInt8(min(255, (Double(v) / step).rounded() * step)) }
        var px = img.converted(to: img.format == .gray8 ? .gray8 : .rgb24)
        var pixels = px.pixels
        for i in pixels.indices { pixels[i] = table[Int(pixels[i])] }
        px.pixels = pixels
        return px
    }

    /// The picture as a PNG for the page (posterized first); nil when encoding fails.
    static func encode(_ img: Image) -> ReportImage? {
        guard img.width > 0, img.height > 0, let png = try? PNG.encode(posterized(img)) else { return nil }
        return ReportImage(width: img.width, height: img.height, png: png)
    }
}
