import Foundation
import ScreenCore

/// The viewport's origin lined up with the live page before the first step. The offline analysis
/// reads where the page starts below the browser's bars, and that read can be several pixels off
/// (docs-search-escape-1440's was read at y = 80 for 87). Every compare of the live stage cuts the
/// video where that origin puts a live box, so a few pixels off make a field, a popup's place or
/// a dialog look unlike the video although the live page is the video's: keys that closed a list
/// go unseen. The value compare registers each typed field itself (LiveValues+Registration.swift),
/// but only from the first fill on and only for its own crops. Here the first live page's top
/// band — its header and the first lines, the same page drawn twice — is registered against the
/// video's full-size frame just before the first step, and a shift that lines it up clearly
/// better (`viewportMoves`: vertically, beyond the pixel or two the compares forgive) moves the
/// viewport's origin for every later crop, and the analysis's points and boxes (read from the old
/// origin) by as much the other way. The viewport's size, and so the live page, stays as it was.
extension Run {
    /// The height (CSS pixels) of the top band registered: a header and a line or two below it.
    static let viewportBandHeight = 240.0
    /// The widest band registered (video pixels): a page's header spans the width, and the search
    /// costs its area times (2·reach + 1)².
    static let viewportBandWidth = 1280

    /// Registers the first live page against the video (see the type) and, when it moves, shifts
    /// `timeline.viewport`'s origin and the actions' points and boxes. Returns the shift applied
    /// (video pixels), nil when nothing moved.
    @discardableResult
    mutating func registerViewport() async throws -> (dx: Int, dy: Int)? {
        guard let vp = timeline.viewport, let first = timeline.actions.first(where: { $0.kind != .goto }) else { return nil }
        let t = max(0, first.time - 0.2)
        guard let f = frames.fields.min(by: { abs($0.time - t) < abs($1.time - t) }), abs(f.time - t) <= 0.25 else { return nil }
        let shot = try decodePNG(try await browser.screenshot())
        guard let s = Self.viewportShift(shot: shot, frame: f.image, viewport: vp, dpr: dpr, css: cssViewport) else { return nil }
        let moves = Self.viewportMoves(s)
        debug("live: the first page lines up with the video's at \(s.dx),\(s.dy) px (mean difference \(Self.f2(s.cost)) against \(Self.f2(s.unshifted)) unshifted)"
              + (moves ? ": the viewport's origin moves down by it" : ": not moved"))
        guard moves else { return nil }
        timeline = Self.shifted(timeline, dx: 0, dy: s.dy, dpr: dpr)
        // A page that starts lower (or further right) than read ends where the video's frame
        // does: the live viewport loses as much, as the recording's had.
        if let now = timeline.viewport, now.width != vp.width || now.height != vp.height {
            try await browser.setViewport(width: Int((Double(now.width) / dpr).rounded()), height: Int((Double(now.height) / dpr).rounded()), deviceScale: dpr)
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        diagnostics.append(Diagnostic(.note, "live: the viewport's origin read offline is \(s.dy) video pixels above or below the first page's: moved there"))
        return (0, s.dy)
    }

    /// Whether a registration of the first page moves the viewport: vertically only, beyond what
    /// the compares forgive and clearly better lined up (`ValueCompare.shiftsCrops`), and only when
    /// it needs no horizontal shift (at most a pixel). A page that lines up only shifted sideways
    /// was laid out at another width than the video's (a window's frame taken into the viewport
    /// read offline: docs-window-search-version-24fps was read 1149 wide for 1140): a centred page
    /// then moves by half the difference while its left-aligned parts do not, and no shift lines
    /// the whole page up, so nothing is moved. The viewport's top edge is the bars' bottom, whose
    /// read changes no layout.
    static func viewportMoves(_ s: (dx: Int, dy: Int, cost: Double, unshifted: Double)) -> Bool {
        abs(s.dx) <= 1 && ValueCompare.shiftsCrops((0, s.dy, s.cost, s.unshifted))
    }

    /// The shift (video pixels) that lines the live screenshot's top band up with the video's
    /// full-size `frame` inside `viewport` (video pixels; `dpr` video pixels per CSS pixel, `css`
    /// the viewport's CSS size), as `ValueCompare.fieldShift` measures it; nil when the band or
    /// its grown video crop does not fit, or has no contrast.
    static func viewportShift(shot: Image, frame: Image, viewport vp: Viewport, dpr: Double, css: (width: Double, height: Double))
        -> (dx: Int, dy: Int, cost: Double, unshifted: Double)? {
        let reach = registrationReach(scale: dpr)
        // The band in video pixels, inside the viewport by the reach on the left and right (the
        // grown crop stays in the frame); from the viewport's top (the crop grown upwards takes
        // in the bar's edge, as a real origin below the read one needs).
        let width = min(viewportBandWidth, vp.width - 2 * reach)
        let height = min(Int(viewportBandHeight * dpr), vp.height - 2 * reach)
        guard width > 16, height > 16 else { return nil }
        let vx = vp.x + (vp.width - width) / 2, vy = vp.y
        let grown = PixelRect(x: vx - reach, y: vy - reach, width: width + 2 * reach, height: height + 2 * reach)
        guard grown.x >= 0, grown.y >= 0, grown.maxX <= frame.width, grown.y + grown.height <= frame.height else { return nil }
        // The same band in the screenshot's pixels.
        let k = Double(shot.width) / max(1, css.width)
        let live = PixelRect(x: Int((Double(vx - vp.x) / dpr * k).rounded()), y: 0,
                             width: Int((Double(width) / dpr * k).rounded()), height: Int((Double(height) / dpr * k).rounded()))
        guard live.width > 0, live.height > 0, live.maxX <= shot.width, live.height <= shot.height else { return nil }
        let liveGray = ValueCompare.resample(shot, live, width, height)
        let videoGray = ValueCompare.resample(frame, grown, grown.width, grown.height)
        return ValueCompare.fieldShift(live: liveGray, video: videoGray, width: width, height: height, maxShift: reach)
    }

    /// `timeline` with its viewport's origin moved by (`dx`, `dy`) video pixels and the actions'
    /// points and boxes (viewport-relative, `dpr` video pixels per CSS pixel) by as much the other
    /// way. A positive shift takes as much off the viewport's size (its far edge is the frame's or
    /// the window's, which the shift does not move); a negative one leaves the size.
    static func shifted(_ timeline: ActionTimeline, dx: Int, dy: Int, dpr: Double) -> ActionTimeline {
        var t = timeline
        t.viewport?.x += dx
        t.viewport?.y += dy
        t.viewport?.width -= max(0, dx)
        t.viewport?.height -= max(0, dy)
        let cx = Double(dx) / dpr, cy = Double(dy) / dpr
        for k in t.actions.indices {
            guard var target = t.actions[k].target else { continue }
            target.point = target.point.map { Point(x: $0.x - cx, y: $0.y - cy) }
            target.box = target.box.map { Box(x: $0.x - cx, y: $0.y - cy, width: $0.width, height: $0.height) }
            t.actions[k].target = target
        }
        return t
    }
}
