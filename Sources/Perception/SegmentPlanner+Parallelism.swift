import ScreenCore

/// The remote plan's minimum parallelism. With a model that answers in seconds, one agent waits
/// for the sum of the calls and many agents for about the longest one, so a recording cut into
/// few segments gains little from the swarm however it is scheduled, and each of its calls
/// carries a longer stretch of video. A plan with fewer than `minSegments` segments therefore
/// splits bursts — one cut at a time — until it has `minSegments` or none can be split.
///
/// A cut is made at a lull of at least `minLull` between two changes of a burst (a quiet moment
/// inside it: at least one sample without change), at least `minPiece` from the burst's first and last change (its middle, so each
/// piece keeps at least one change and a share of the burst around it). Cuts between actions —
/// the pointer moved in the lull, or the change moved elsewhere on the screen — go first, in the
/// longest burst that has one; only then pauses inside one action (a typing run's pauses between
/// words), again in the longest burst. In a burst, the longest lull is cut (nearer the middle on
/// a tie). Each piece keeps the usual lead-in and tail around its changes (`preroll`,
/// `postroll`), so it can be answered on its own. A burst of one change, or of changes closer
/// than `minLull`, is never cut: nothing is ever split into pieces without a change. The decision
/// depends on the whole plan (how many segments it has), but a burst with no possible cut is never
/// changed, which is what lets a streamed plan send it early (`settled`).
extension SegmentPlanner {
    /// Where the rule would cut a burst whose changes are at `times`, and why (nil: nowhere).
    struct ParallelCut: Equatable {
        /// The index in `times` of the first change after the cut.
        var index: Int
        var lull: Double
        /// Whether the pointer or the change moved in the lull (else a pause inside one action).
        var betweenActions: Bool
        var why: String
    }

    /// The best cut of the rule inside the burst whose changes (active samples, in order) are at
    /// `times`, in the motion signal `samples` (time-ordered) sampled every `dt` seconds. A lull
    /// is a gap with at least one unchanged sample in it (longer than 1.5 `dt`) and `minLull` long.
    func parallelCut(_ times: [Double], _ samples: [MotionSample], dt: Double) -> ParallelCut? {
        let shortest = max(minLull, 1.5 * dt)
        guard times.count > 1, let first = times.first, let last = times.last, last - first >= max(2 * minPiece, shortest) else { return nil }
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
            let lull = times[i] - times[i - 1], cut = (times[i] + times[i - 1]) / 2
            guard lull >= shortest, cut - first >= minPiece, last - cut >= minPiece else { continue }
            let moved = near.contains { $0.pointerMoved && $0.time > times[i - 1] && $0.time <= times[i] }
            var elsewhere = false
            if let l = box(times[i - 1] - actionGap, times[i - 1]), let r = box(times[i], times[i] + actionGap) { elsewhere = apart(l, r) }
            // Between actions first; then the longest lull; between equal ones, the one nearer the middle.
            let score = (moved || elsewhere ? 100 : 0) + lull - 1e-3 * abs(cut - mid) / max(1e-9, last - first)
            if score > bestScore {
                bestScore = score
                best = ParallelCut(index: i, lull: lull, betweenActions: moved || elsewhere,
                                   why: moved && elsewhere ? "the pointer moved and the change moved elsewhere"
                                       : moved ? "the pointer moved" : elsewhere ? "the change moved elsewhere"
                                       : "no action ends inside it, so its longest pause")
            }
        }
        return best
    }

    /// Splits `bursts` at `parallelCut` until there are `minSegments` (or no burst can be split):
    /// each time the longest burst with a cut between actions, else the longest with any cut.
    /// Each new cut says why.
    func splitForParallelism(_ bursts: [Burst], _ samples: [MotionSample], dt: Double) -> [Burst] {
        var out = bursts
        var cuts = out.map { parallelCut($0.times, samples, dt: dt) }
        while out.count < minSegments {
            var pick: (at: Int, cut: ParallelCut, span: Double)?
            for (i, b) in out.enumerated() {
                guard let c = cuts[i] else { continue }
                let span = b.last - b.times[0]
                if let p = pick, (p.cut.betweenActions ? 1 : 0, p.span) >= (c.betweenActions ? 1 : 0, span - 1e-9) { continue }
                pick = (i, c, span)
            }
            guard let p = pick else { break }
            let (i, c, b) = (p.at, p.cut, out[p.at])
            let reason = String(format: "parallelism: fewer than %d remote segments (%d before this rule), so a %.1f s burst split at a %.2f s lull: ",
                                minSegments, bursts.count, p.span, c.lull) + c.why
            let pieces = [Burst(first: b.first, last: b.times[c.index - 1], times: Array(b.times[..<c.index]), splitReason: b.splitReason),
                          Burst(first: b.times[c.index] - 0.001, last: b.last, times: Array(b.times[c.index...]), splitReason: reason)]
            out.replaceSubrange(i...i, with: pieces)
            cuts.replaceSubrange(i...i, with: pieces.map { parallelCut($0.times, samples, dt: dt) })
        }
        return out
    }
}

extension SegmentPlanner {
    /// Why a remote plan stayed below its minimum parallelism, for the run's `planning` line:
    /// nil unless this planner has a minimum (`cutAtEveryQuiet`, `minSegments` > 0) and `plan`
    /// has fewer segments. Every segment is then a burst the rule cannot split without a piece
    /// with no change of its own (`parallelCut` is nil); each is counted under the first reason
    /// that holds: one change; changes never a lull of `minLull` apart (a continuous change, e.g.
    /// a scroll); shorter than twice the `minPiece` floor; its lulls all within the floor of its
    /// ends. `dt` is the sample interval the plan was cut with.
    public func parallelismShortfall(_ plan: SegmentPlan, _ samples: [MotionSample], sampleInterval dt: Double) -> String? {
        guard cutAtEveryQuiet, minSegments > 0, !plan.segments.isEmpty, plan.segments.count < minSegments else { return nil }
        let active = samples.filter(\.isActive).map(\.time)
        let shortest = max(minLull, 1.5 * dt)
        var one = 0, continuous = 0, short = 0, nearEnds = 0
        for seg in plan.segments {
            let times = active.filter { seg.owns($0) }
            guard parallelCut(times, samples, dt: dt) == nil else { return nil }   // (the rule would have cut it)
            guard times.count > 1, let first = times.first, let last = times.last else { one += 1; continue }
            if !zip(times, times.dropFirst()).contains(where: { $1 - $0 >= shortest }) { continuous += 1 }
            else if last - first < 2 * minPiece { short += 1 }
            else { nearEnds += 1 }
        }
        let n = plan.segments.count
        let why = [(one, "one change"),
                   (continuous, String(format: "changes never %.2f s apart (a continuous change)", shortest)),
                   (short, String(format: "shorter than %.2f s (twice the %.2f s floor)", 2 * minPiece, minPiece)),
                   (nearEnds, String(format: "lulls only within %.2f s of its ends", minPiece))]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return String(format: "minimum parallelism: the remote plan has %d segments, fewer than %d, and none can be split without a piece with no change of its own (%@), so %d calls: one agent waits for all %d, many for the longest",
                      n, minSegments, why, n, n)
    }
}
