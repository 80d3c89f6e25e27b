import Foundation
import ScreenCore

extension Run {
    /// CSS pixels around an area that a clipped capture also takes (resampling reads a pixel or
    /// two beyond the area's edge), and the grid its edges snap to: a multiple of 4 CSS pixels is
    /// a whole device pixel at every device scale the live stage tries (1, 1.25, 1.5, 2).
    static let areaShotMargin = 8, areaShotGrid = 4

    /// The live viewport as the whole screenshot's gray image, for code that reads only `area`
    /// (CSS pixels of the viewport) of it: the pixels around `area` are captured alone (the same
    /// pixels as the whole screenshot's there, LiveBrowser+Clip.swift) and the rest of the image
    /// is black. A whole screenshot where the browser cannot capture a part alone. A value
    /// search renders up to a few dozen values per field: each whole screenshot is encoded,
    /// sent and decoded at the viewport's size (~0.2 s at device scale 2), a field's part in
    /// a few milliseconds.
    func areaShot(_ area: (x: Double, y: Double, width: Double, height: Double)) async throws -> Image {
        let g = Self.areaShotGrid, m = Self.areaShotMargin
        let vw = Int(cssViewport.width.rounded(.down)), vh = Int(cssViewport.height.rounded(.down))
        let x0 = max(0, (Int(area.x.rounded(.down)) - m) / g * g), y0 = max(0, (Int(area.y.rounded(.down)) - m) / g * g)
        let x1 = min(vw / g * g, (Int((area.x + area.width).rounded(.up)) + m + g - 1) / g * g)
        let y1 = min(vh / g * g, (Int((area.y + area.height).rounded(.up)) + m + g - 1) / g * g)
        if x1 > x0, y1 > y0, let part = try await browser.viewportShot(clip: (x0, y0, x1 - x0, y1 - y0)),
           let image = try? decodePNG(part.png), image.format == .gray8,
           part.origin.x + image.width <= part.viewport.width, part.origin.y + image.height <= part.viewport.height {
            var whole = Image(width: part.viewport.width, height: part.viewport.height, format: .gray8)
            whole.pixels.withUnsafeMutableBufferPointer { dst in
                image.pixels.withUnsafeBufferPointer { src in
                    for row in 0..<image.height {
                        let d = (part.origin.y + row) * whole.bytesPerRow + part.origin.x
                        let s = row * image.bytesPerRow
                        dst.baseAddress!.advanced(by: d).update(from: src.baseAddress!.advanced(by: s), count: image.width)
                    }
                }
            }
            return whole
        }
        return try decodePNG(try await browser.screenshot())
    }
}
