import ScreenCore

/// The remote plan's minimum parallelism. With a model that answers in seconds, one agent waits
/// for the sum of the calls and many agents for about the longest one, so a recording cut into
/// few segments gains little from the swarm however it is scheduled, and each of its calls
/// carries a long stretch of video (more frames, a longer answer). A plan with fewer than
/// `minSegments` segments therefore splits its longest bursts — one cut at a time, always the
/// longest burst that can still be split — until it has `minSegments` or none can be split.
///
/// A burst is only cut between two actions: at a lull of at least `minLull` between two changes
/// where the pointer moved or the change moved elsewhere on the screen (a typing run — changes in
/// one place, the pointer still — is never cut), leaving at least `minPiece` seconds of change on
/// either side, at the longest such lull (the quietest moment; nearer the middle on a tie). Each
/// piece keeps the usual lead-in and tail around its changes (`preroll`, `postroll`), so it can be
/// answered on its own. The decision depends on the whole plan (how many segments it has), but a
/// burst with no such cut is never changed, which is what lets a streamed plan send it early
/// (`settled`).
extension SegmentPlanner {
    /// Where the rule would cut a burst whose changes are at `times`, and why (nil: nowhere).
    struct ParallelCut: Equatable {
        /// The index in `times` of the first change after the cut.
        var index: Int
        var lull: Double
        var why: String
    }

    /// The best cut of the rule inside the burst whose changes (active samples, in order) are at
    /// `times`, in the motion signal `samples` (time-ordered).
    func parallelCut(_ times: [Double], _ samples: [MotionSample]) -> ParallelCut? {
        guard times.count > 1, let first = times.first, let last = times.last, last - first >= 2 * minPiece else { return nil }
        // The samples of the burst (binary search: the signal is long, the burst short).
        var lo = 0, hi = samples.count
        while lo < hi { let m = (lo + hi) / 2; if samples[m].time < first - actionGap { lo = m + 1 } else { hi = m } }
        var end = lo
        while end < samples.count, samples[end].time <= last + actionGap { end += 1 }
        let near = samples[lo..<end]
        func box(_ from: Double, _ to: Double) -> PixelRect? {
            near.filter { $0.isActive && $0.time >= from && $0.time <= to && $0.time >= first && $0.time <= last }
                .compactMap(\.contentBox).reduce(nil) { acc, r in acc.map { $0.union(r) } ?? r }
        }
        func apart(_ l: PixelRect, _ r: PixelRect) -> Bool {
            let m = 8
            return l.x - m >= r.x + r.width || r.x - m >= l.x + l.width || l.y - m >= r.y + r.height || r.y - m >= l.y + l.height
        }
        let mid = (first + last) / 2
        var best: ParallelCut?
        var bestScore = -Double.infinity
        for i in 1..<times.count {
            let lull = times[i] - times[i - 1]
            guard lull >= minLull, times[i - 1] - first >= minPiece, last - times[i] >= minPiece else { continue }
            let moved = near.contains { $0.pointerMoved && $0.time > times[i - 1] && $0.time <= times[i] }
            var elsewhere = false
            if let l = box(times[i - 1] - actionGap, times[i - 1]), let r = box(times[i], times[i] + actionGap) { elsewhere = apart(l, r) }
            guard moved || elsewhere else { continue }
            // The longest lull; between equal ones, the one nearer the middle (even pieces).
            let score = lull - 1e-3 * abs((times[i] + times[i - 1]) / 2 - mid) / max(1e-9, last - first)
            if score > bestScore {
                bestScore = score
                best = ParallelCut(index: i, lull: lull,
                                   why: moved && elsewhere ? "the pointer moved and the change moved elsewhere"
                                       : moved ? "the pointer moved" : "the change moved elsewhere")
            }
        }
        return best
    }

    /// Splits the longest of `bursts` at `parallelCut` until there are `minSegments` (or no burst
    /// can be split), saying why in each new cut.
    func splitForParallelism(_ bursts: [Burst], _ samples: [MotionSample]) -> [Burst] {
        var out = bursts
        while out.count < minSegments {
            var pick: (at: Int, cut: ParallelCut, span: Double)?
            for (i, b) in out.enumerated() {
                let span = b.last - b.times[0]
                guard span > (pick?.span ?? -1) + 1e-9, let c = parallelCut(b.times, samples) else { continue }
                pick = (i, c, span)
            }
            guard let (i, c, span) = pick else { break }
            let b = out[i]
            let reason = String(format: "parallelism: fewer than %d remote segments (%d before this rule), so the longest burst (%.1f s) split at a %.2f s lull where ",
                                minSegments, bursts.count, span, c.lull) + c.why
            out.replaceSubrange(i...i, with: [
                Burst(first: b.first, last: b.times[c.index - 1], times: Array(b.times[..<c.index]), splitReason: b.splitReason),
                Burst(first: b.times[c.index] - 0.001, last: b.last, times: Array(b.times[c.index...]), splitReason: reason),
            ])
        }
        return out
    }
}
