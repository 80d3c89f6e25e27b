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
    /// At most this many positions are rendered (the search's cost is bounded).
    static let startScrollTries = 40

    /// The coarse positions tried down a page `maxY` pixels scrollable, a viewport of `height`
    /// CSS pixels: every quarter viewport (at least 60 px), at most `startScrollTries` / 2.
    static func startScrollPositions(maxY: Double, height: Double) -> [Double] {
        guard maxY >= 1 else { return [] }
        let step = max(60, height / 4, maxY / Double(startScrollTries / 2))
        var out: [Double] = []
        var y = step
        while y < maxY - 1 { out.append(y); y += step }
        out.append(maxY)
        return out
    }

    /// Aligns the first page's scroll position with the video's first frame (see the type).
    mutating func alignStartScroll() async throws {
        guard let found = try await startScrollSearch() else { return }
        diagnostics.append(Diagnostic(.note, "live: the recording starts mid-session: its first page is scrolled to \(Int(found.y)) px (it looks \(Self.f2(found.similarity)) like the video there, \(Self.f2(found.top)) at the top)"))
    }

    /// The search itself: the page is left at the position found (returned with its similarity
    /// and the top's), or where it was (nil) when none looks clearly more like the video.
    func startScrollSearch() async throws -> (y: Double, similarity: Double, top: Double)? {
        guard let first = timeline.actions.first(where: { $0.kind != .goto }), let vp = timeline.viewport,
              let frame = frames.nearest(max(0, first.time - 0.2)) else { return nil }
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        let top = Similarity.compare(try decodePNG(try await browser.screenshot()), nil, frame, video)
        guard top < Self.startUnlike else { return nil }
        let m = try await browser.execute("return [Math.max(0, document.documentElement.scrollHeight - innerHeight), innerHeight, window.scrollY];", [])
        guard let maxY = m[0]?.double, let height = m[1]?.double, let y0 = m[2]?.double, maxY >= 1 else { return nil }
        var scores: [Int: Double] = [Int(y0): top]
        var best = (y: y0, s: top)
        var wanted = Self.startScrollPositions(maxY: maxY, height: height)
        var round = 0
        while round < 3 {
            for y in wanted where scores.count < Self.startScrollTries + 12 {
                let now = try await browser.execute("window.scrollTo(0, arguments[0]); return window.scrollY;", [.number(max(0, min(maxY, y)))]).double ?? y
                if scores[Int(now)] != nil { continue }
                try await Task.sleep(nanoseconds: 40_000_000)
                let v = Similarity.compare(try decodePNG(try await browser.screenshot()), nil, frame, video)
                scores[Int(now)] = v
                if v > best.s { best = (now, v) }
            }
            round += 1
            // Finer around the best: a sixteenth of the viewport, then 5 px.
            let step = round == 1 ? max(15, height / 16) : 5.0
            wanted = [-3.0, -2, -1, 1, 2, 3].map { best.y + $0 * step }
        }
        debug("live: the first page looks \(Self.f2(top)) like the video at the top, \(Self.f2(best.s)) scrolled to \(Int(best.y)) (\(scores.count) positions)")
        let keep = best.s >= top + Self.startGain && best.s >= Self.startLike
        _ = try await browser.execute("window.scrollTo(0, arguments[0]); return true;", [.number(keep ? best.y : y0)])
        return keep ? (best.y, best.s, top) : nil
    }
}
