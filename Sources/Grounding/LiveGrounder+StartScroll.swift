import Foundation
import ScreenCore

/// A recording that starts mid-session shows its first page already scrolled: the live page,
/// loaded at the top, then looks unlike the video from the first step on, and every point the
/// analysis read lands on another element. When the first page looks unlike the video's first
/// frame, the scroll position that makes it look like it is searched for (coarse steps down the
/// page, then finer ones around the best) and the live page is left there. No step is added: the
/// person did not scroll there in the recording, and a script's locators scroll by themselves.
extension Run {
    /// Below this whole-page similarity the first page may be scrolled in the video.
    static let startUnlike = 0.85
    /// A scrolled start is kept only when it looks this much more like the video than the top…
    static let startGain = 0.06
    /// … and at least this like it.
    static let startLike = 0.7
    /// At most this many coarse positions are rendered (the search's cost is bounded: about a
    /// dozen more refine the best).
    static let startScrollTries = 40
    /// The widths the page is compared at: coarse positions at the first (a blurred look, whose
    /// likeness falls off slowly as the page moves, so a position between two coarse steps still
    /// ranks), the first refinement at the second, the last at `Similarity.workingWidth` (text
    /// lines: a peak a few pixels wide). Repeated sections of one page (a docs page's code blocks
    /// and "Was this helpful?" rows) look alike at the working width once misaligned by a line;
    /// the coarse look tells them apart by their layout.
    static let startScrollWidths = (coarse: 32, middle: 64)

    /// The coarse positions tried down a page `maxY` pixels scrollable, a viewport of `height`
    /// CSS pixels: every eighth of a viewport (at least 60 px), at most `startScrollTries`.
    static func startScrollPositions(maxY: Double, height: Double) -> [Double] {
        guard maxY >= 1 else { return [] }
        let step = max(60, height / 8, maxY / Double(startScrollTries))
        var out: [Double] = []
        var y = step
        while y < maxY - 1 { out.append(y); y += step }
        out.append(maxY)
        return out
    }

    /// The coarse step `startScrollPositions` uses.
    static func startScrollStep(maxY: Double, height: Double) -> Double {
        max(60, height / 8, maxY / Double(startScrollTries))
    }

    /// Aligns the first page's scroll position with the video's first frame (see the type).
    mutating func alignStartScroll() async throws {
        guard let found = try await startScrollSearch() else { return }
        diagnostics.append(Diagnostic(.note, "live: the recording starts mid-session: its first page is scrolled to \(Int(found.y)) px (it looks \(Self.f2(found.similarity)) like the video there, \(Self.f2(found.top)) at the top)"))
    }

    /// The search itself: the page is left at the position found (returned with its similarity
    /// and the top's), or where it was (nil) when none looks clearly more like the video.
    /// Coarse to fine: every coarse position scored at the coarse width, the best refined at a
    /// quarter and half of the step at the middle width, then at 5–15 px at the working width.
    func startScrollSearch() async throws -> (y: Double, similarity: Double, top: Double)? {
        guard let first = timeline.actions.first(where: { $0.kind != .goto }), let vp = timeline.viewport,
              let frame = frames.nearest(max(0, first.time - 0.2)) else { return nil }
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        let widths = [Self.startScrollWidths.coarse, Self.startScrollWidths.middle, Similarity.workingWidth]
        func looks(_ shot: Image) -> [Double] { widths.map { Similarity.compare(shot, nil, frame, video, width: $0) } }
        let top = looks(try decodePNG(try await browser.screenshot()))
        guard top[2] < Self.startUnlike else { return nil }
        let m = try await browser.execute("return [Math.max(0, document.documentElement.scrollHeight - innerHeight), innerHeight, window.scrollY];", [])
        guard let maxY = m[0]?.double, let height = m[1]?.double, let y0 = m[2]?.double, maxY >= 1 else { return nil }
        // Each position rendered once, scored at every width.
        var scores: [Int: [Double]] = [Int(y0): top]
        // (Each screenshot is decoded and scored on another task while the page scrolls to the
        // next position and rests there: the same scores, computed during the browser's waits.)
        let decode = decodePNG
        var scoring: [Int: Task<[Double], any Error>] = [:]
        func render(_ ys: [Double]) async throws {
            for y in ys {
                let now = try await browser.execute("window.scrollTo(0, arguments[0]); return window.scrollY;", [.number(max(0, min(maxY, y)))]).double ?? y
                if scores[Int(now)] != nil || scoring[Int(now)] != nil { continue }
                try await Task.sleep(nanoseconds: 40_000_000)
                let png = try await browser.screenshot()
                scoring[Int(now)] = Task {
                    let shot = try decode(png)
                    return widths.map { Similarity.compare(shot, nil, frame, video, width: $0) }
                }
            }
            for (y, task) in scoring { scores[y] = try await task.value }
            scoring = [:]
        }
        func best(_ level: Int, near: Int? = nil, within: Double = 0) -> Int {
            scores.filter { near == nil || abs(Double($0.key - near!)) <= within }.max { ($0.value[level], -$0.key) < ($1.value[level], -$1.key) }!.key
        }
        let step = Self.startScrollStep(maxY: maxY, height: height)
        try await render(Self.startScrollPositions(maxY: maxY, height: height))
        let coarse = best(0)
        try await render([-0.5, -0.25, 0.25, 0.5].map { Double(coarse) + $0 * step })
        let middle = best(1, near: coarse, within: step / 2 + 1)
        try await render([-15.0, -10, -5, 5, 10, 15].map { Double(middle) + $0 })
        let fine = best(2, near: middle, within: 16)
        let found = (y: Double(fine), s: scores[fine]![2])
        debug("live: the first page looks \(Self.f2(top[2])) like the video at the top, \(Self.f2(found.s)) scrolled to \(fine) (coarse \(coarse), \(scores.count) positions)")
        let keep = found.s >= top[2] + Self.startGain && found.s >= Self.startLike
        _ = try await browser.execute("window.scrollTo(0, arguments[0]); return true;", [.number(keep ? found.y : y0)])
        return keep ? (found.y, found.s, top[2]) : nil
    }
}
