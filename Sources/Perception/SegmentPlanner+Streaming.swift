import ScreenCore

/// The part of a plan that is already final while the motion pass is still running.
public struct SettledPlan: Sendable, Hashable {
    /// The first segments of the plan, exactly as `SegmentPlanner.plan` of the whole recording
    /// (with the same sample interval) will give them, whatever frames come next.
    public var segments: [Segment]
    /// No segment of the plan after `segments` decodes anything before this time (seconds): a
    /// job whose span ends earlier has every segment it overlaps in `segments` already.
    public var laterDecodeFrom: Double
    public init(segments: [Segment], laterDecodeFrom: Double) {
        self.segments = segments; self.laterDecodeFrom = laterDecodeFrom
    }
}

extension SegmentPlanner {
    /// The sample interval a streamed plan uses (see `plan(_:duration:sampleInterval:)`): the
    /// mean interval of the samples of the first second, or of all of them when the recording
    /// is shorter. Known once the motion pass has passed its first second, and the same
    /// whatever the pass's chunking or the number of agents.
    public static func sampleInterval(_ samples: [MotionSample]) -> Double {
        guard let first = samples.first, samples.count > 1 else { return 1.0 / 30 }
        let within = samples.prefix { $0.time <= first.time + 1.0 }
        let last = within.count > 1 ? within[within.index(before: within.endIndex)] : samples[1]
        let n = max(1, within.count > 1 ? within.count - 1 : 1)
        return max(0.001, (last.time - first.time) / Double(n))
    }

    /// The segments of the plan that no later motion sample can change, given the samples of the
    /// pass so far (`samples`, time-ordered; every later sample is later than the last of them).
    ///
    /// Why they are final: a burst is over once the pass is `minQuiet` past its last change (a
    /// later change starts a new burst), and its splits (between actions, at lulls) depend only
    /// on itself. Bursts join the group before them only (merging close bursts, windows that
    /// would overlap), so a group is final once the first piece of the group after it is from a
    /// finished burst: that piece did not join it and nothing later can. A segment's fields then
    /// depend on its group, the samples before it, the first change of the next group (where
    /// the owned spans meet) and the recording's duration — all known. The last group of the
    /// prefix may still grow, so it never is final before the pass ends. While the last burst
    /// goes on, a group is final only if no merge can reach that burst from the group after it:
    /// a merged group whose last piece drops out as that piece grows can then join the group
    /// before it (`StreamedPlanTests` checks every prefix against the whole plan).
    ///
    /// With a minimum number of segments (`minSegments`, the remote plan's minimum parallelism)
    /// the whole plan may split bursts once it is known to have too few: until the plan is known
    /// to have `minSegments` segments without the rule (`knownSegments`: the bursts seen so far,
    /// final or not — then the rule changes nothing), only the segments before the first burst
    /// the rule could split are final. (A segment after that burst is final in its spans, but
    /// not in its number, which the prompt of its call carries.)
    public func settled(_ samples: [MotionSample], duration: Double, sampleInterval dt: Double) -> SettledPlan {
        guard cutAtEveryQuiet, minSegments > 0 else { return settledWithoutMinimum(samples, duration: duration, sampleInterval: dt) }
        var base = self
        base.minSegments = 0
        let s = base.settledWithoutMinimum(samples, duration: duration, sampleInterval: dt)
        guard s.segments.count < minSegments, base.knownSegments(samples, duration: duration, sampleInterval: dt) < minSegments else { return s }
        let active = samples.filter(\.isActive).map(\.time)
        guard let keep = s.segments.firstIndex(where: { seg in parallelCut(active.filter { seg.owns($0) }, samples, dt: dt) != nil }) else { return s }
        let reach = Swift.max(preroll, maxRestPreroll + 0.3) + dt + 1e-6
        let firstAfter = active.first { s.segments[keep].owns($0) } ?? s.segments[keep].start
        return SettledPlan(segments: Array(s.segments.prefix(keep)), laterDecodeFrom: Swift.min(s.laterDecodeFrom, firstAfter - reach))
    }

    /// The fewest segments the whole plan of a recording whose motion signal begins with
    /// `samples` can have, for a plan that cuts at every quiet moment (no bursts merged), before
    /// any minimum: each burst that is over is split (between actions, at lulls) as it is now —
    /// the splits depend on the burst alone —, a burst still going on becomes at least one
    /// segment, and later bursts only add segments. Once this reaches `minSegments` the minimum
    /// cannot change the plan, whether or not the segments are final yet.
    func knownSegments(_ samples: [MotionSample], duration: Double, sampleInterval dt: Double) -> Int {
        guard cutAtEveryQuiet, let lastTime = samples.last?.time else { return 0 }
        let active = samples.filter(\.isActive).map(\.time)
        guard let lastActive = active.last else { return 0 }
        var base = self
        base.minSegments = 0
        let all = base.plan(samples, duration: duration, sampleInterval: dt).segments
        if lastTime - lastActive >= minQuiet { return all.count }
        // The burst still going on: its pieces may yet change, but it is one segment at least.
        var b = active.count - 1
        while b > 0, active[b] - active[b - 1] < minQuiet { b -= 1 }
        let burstStart = active[b]
        return all.filter { seg in active.contains { $0 < burstStart && seg.owns($0) } }.count + 1
    }

    private func settledWithoutMinimum(_ samples: [MotionSample], duration: Double, sampleInterval dt: Double) -> SettledPlan {
        let reach = Swift.max(preroll, maxRestPreroll + 0.3) + dt + 1e-6
        guard let lastTime = samples.last?.time else { return SettledPlan(segments: [], laterDecodeFrom: -reach) }
        let active = samples.filter(\.isActive).map(\.time)
        guard let lastActive = active.last else { return SettledPlan(segments: [], laterDecodeFrom: lastTime - reach) }
        let all = plan(samples, duration: duration, sampleInterval: dt).segments
        // The last burst of the prefix: its first change, and whether it is over.
        var b = active.count - 1
        while b > 0, active[b] - active[b - 1] < minQuiet { b -= 1 }
        let burstStart = active[b]
        // Each segment's first and last change (owned spans are in order and tile the timeline).
        var firstOf = [Double?](repeating: nil, count: all.count), lastOf = firstOf
        var seg = 0
        for t in active {
            while seg < all.count, !all[seg].owns(t), t >= all[seg].end { seg += 1 }
            guard seg < all.count, all[seg].owns(t) else { continue }
            if firstOf[seg] == nil { firstOf[seg] = t }
            lastOf[seg] = t
        }
        func firstActive(_ i: Int) -> Double? { firstOf[i] }
        var n = Swift.max(0, all.count - 1)
        if lastTime - lastActive < minQuiet {
            // The last burst is still going on: its pieces may yet change (a split moves, a piece
            // grows out of a merge). Group j stays final only while the group after it starts
            // before that burst, with no merge able to reach the burst from there (a merged
            // group spans at most `mergedSpan`; plans that cut at every quiet moment never merge).
            // Nor can anything join it across a gap longer than any merge or join spans.
            let apart = Swift.max(mergeGap, preroll + postroll) + dt
            func lastActive(_ i: Int) -> Double? { lastOf[i] }
            var j = 0
            while j + 1 < all.count, let next = firstActive(j + 1) {
                let before = next < burstStart && (cutAtEveryQuiet || burstStart - next > mergedSpan)
                let far = lastActive(j).map { next - $0 >= apart } ?? false
                guard before || far || (cutAtEveryQuiet && next == burstStart) else { break }
                j += 1
            }
            n = Swift.min(n, j)
        }
        // A later segment decodes from at most `maxRestPreroll` + 0.3 s (or `preroll`) before its
        // group's first change, which is no earlier than segment n's first change (or, when the
        // prefix has no segment n, than the end of the prefix).
        let firstAfter = n < all.count ? (firstActive(n) ?? lastTime) : lastTime
        return SettledPlan(segments: Array(all.prefix(n)), laterDecodeFrom: firstAfter - reach)
    }
}
