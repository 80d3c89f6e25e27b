import Browser
import Foundation
import ScreenCore

/// A part of the live viewport captured alone (`LiveBrowser.viewportShot`).
public struct ClippedShot: Sendable {
    /// The part's pixels, PNG at the device scale.
    public var png: Data
    /// The whole viewport's size in device pixels (what a whole screenshot measures).
    public var viewport: (width: Int, height: Int)
    /// Where the part's top-left pixel sits in the whole screenshot (device pixels).
    public var origin: (x: Int, y: Int)
}

extension LiveBrowser {
    /// A browser that cannot capture a part of the viewport alone: the caller takes a whole screenshot.
    public func viewportShot(clip: (x: Int, y: Int, width: Int, height: Int)) async throws -> ClippedShot? { nil }
}

extension BrowserSession {
    /// The viewport's pixels in `clip` (whole CSS pixels of the viewport), or nil where they would
    /// not be the whole screenshot's pixels there: a clip outside the viewport, or a scroll or
    /// clip that falls between device pixels (the capture would be resampled). Captured after two
    /// animation frames, so the last change is painted.
    public func viewportShot(clip: (x: Int, y: Int, width: Int, height: Int)) async throws -> ClippedShot? {
        // (After two animation frames: what the page changed last — a value typed, a caret hidden —
        // is painted, as a whole screenshot would show it; a page that draws no frames answers after 150 ms.)
        let m = try await executeAsync("""
            var done = arguments[arguments.length - 1], sent = false;
            function send() {
                if (sent) return; sent = true;
                done([window.scrollX, window.scrollY, window.innerWidth, window.innerHeight, window.devicePixelRatio]);
            }
            requestAnimationFrame(function () { requestAnimationFrame(send); });
            setTimeout(send, 150);
            """, [])
        guard let sx = m[0]?.double, let sy = m[1]?.double, let iw = m[2]?.double, let ih = m[3]?.double, let dpr = m[4]?.double,
              dpr > 0, clip.width > 0, clip.height > 0, clip.x >= 0, clip.y >= 0,
              Double(clip.x + clip.width) <= iw, Double(clip.y + clip.height) <= ih else { return nil }
        func whole(_ v: Double) -> Int? { abs(v - v.rounded()) < 1e-6 ? Int(v.rounded()) : nil }
        guard let ox = whole(Double(clip.x) * dpr), let oy = whole(Double(clip.y) * dpr),
              whole((Double(clip.x) + sx) * dpr) != nil, whole((Double(clip.y) + sy) * dpr) != nil,
              whole(Double(clip.width) * dpr) != nil, whole(Double(clip.height) * dpr) != nil else { return nil }
        let png = try await screenshot(clip: (Double(clip.x) + sx, Double(clip.y) + sy, Double(clip.width), Double(clip.height)))
        return ClippedShot(png: png, viewport: (Int((iw * dpr).rounded()), Int((ih * dpr).rounded())), origin: (ox, oy))
    }
}
