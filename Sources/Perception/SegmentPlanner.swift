import ScreenCore

/// Cuts the recording into segments at quiet moments, sized to the work: bursts of content
/// change become segments, idle stretches are skipped, close bursts share a segment, and a burst
/// too long for one agent is split at its quietest moment. Each cut records why it is there.
public struct SegmentPlanner: Sendable {
    /// A gap in content change at least this long (seconds) separates bursts.
    public var minQuiet = 0.5
    /// Bursts closer than this (seconds) share a segment while the segment stays short.
    public var mergeGap = 1.5
    /// A segment grown by merging stays at most this long (seconds).
    public var mergedSpan = 6.0
    /// A single burst longer than this (seconds) is split at its quietest moments.
    public var maxSpan = 10.0
    /// Seconds decoded before a segment's first change (to see the pointer arrive).
    public var preroll = 1.6
    /// Seconds decoded after its last change (to see the screen settle).
    public var postroll = 1.2
    /// How far back (seconds) the pre-roll may reach to see a resting pointer arrive.
    public var maxRestPreroll = 6.0
    /// Cut at every quiet moment (no merging of close bursts, long bursts split at `fineMaxSpan`):
    /// right for a model that answers in seconds whatever the segment's length, where many short
    /// segments run at once; coarse cuts only pay when decoding is the cost (the embedded model).
    public var cutAtEveryQuiet = false
    /// With `cutAtEveryQuiet`: the longest a burst stays before it is split at its quietest moment.
    public var fineMaxSpan = 5.0
    /// Also cut inside a burst between distinct actions: where, after a pause of at least
    /// `actionGap` seconds, the pointer moved and the next change is somewhere else on the screen
    /// (a field typed into, then a button clicked). For a remote model, so that a short recording
    /// still gives as many independent calls as it has actions.
    public var cutBetweenActions = false
    /// With `cutBetweenActions`: the shortest pause between two actions' changes that is cut.
    public var actionGap = 0.2
    /// With `cutAtEveryQuiet`: the fewest segments the plan aims for (its minimum parallelism;
    /// 0: no minimum). A plan with fewer splits its bursts at quiet moments inside them — between
    /// actions first — until it has this many or no burst can be split (`SegmentPlanner+Parallelism.swift`).
    public var minSegments = 0
    /// With `minSegments`: how close (seconds) a cut may come to its burst's first or last change.
    public var minPiece = 0.25
    /// With `minSegments`: the shortest lull between two changes a cut may be made in.
    public var minLull = 0.1

    public init() {}

    struct Burst { var first: Double; var last: Double; var times: [Double]; var splitReason: String? }

    /// The plan for a recording whose motion signal is `samples` (time-ordered) and length `duration`.
    /// A burst begins one sample interval before its first changed frame: `sampleInterval`, or
    /// when nil the mean interval of all the samples (a streamed plan, which cannot know all of
    /// them yet, passes `SegmentPlanner.sampleInterval(_:)` of the first second).
    public func plan(_ samples: [MotionSample], duration: Double, sampleInterval: Double? = nil) -> SegmentPlan {
        let active = samples.filter(\.isActive).map(\.time)
        guard !active.isEmpty else { return SegmentPlan(segments: [], cuts: []) }
        var dt = 1.0 / 30
        if let given = sampleInterval { dt = given } else if samples.count > 1 {
            dt = max(0.001, (samples.last!.time - samples.first!.time) / Double(samples.count - 1))
        }
        // 1. Bursts: active frames separated by less than `minQuiet`.
        var bursts: [Burst] = []
        for t in active {
            if var b = bursts.last, t - b.last < minQuiet {
                b.last = t; b.times.append(t); bursts[bursts.count - 1] = b
            } else {
                bursts.append(Burst(first: t - dt, last: t, times: [t]))
            }
        }
        // 1b. Split bursts between distinct actions (only when asked: a remote model's plan).
        if cutBetweenActions { bursts = bursts.flatMap { splitActions($0, samples) } }
        // 2. Split bursts that are too long for one agent at their longest internal lull.
        var split: [Burst] = []
        let longest = cutAtEveryQuiet ? min(maxSpan, fineMaxSpan) : maxSpan
        for b in bursts { split += splitLong(b, maxSpan: longest) }
        // 3. Merge close short bursts so no agent gets busywork (not when every quiet moment is a cut).
        var merged: [Burst] = []
        for b in split {
            if !cutAtEveryQuiet, var m = merged.last, b.splitReason == nil, b.first - m.last < mergeGap, b.last - m.first <= mergedSpan {
                m.last = b.last; m.times += b.times; merged[merged.count - 1] = m
            } else {
                merged.append(b)
            }
        }
        // 3b. Bursts whose decode windows would overlap share a segment (one decoder, no second
        // seek) while the segment stays within `maxSpan`.
        var joined: [Burst] = []
        for b in merged {
            if !cutAtEveryQuiet, var m = joined.last, b.first - m.last < preroll + postroll, b.last - m.first <= maxSpan {
                m.last = b.last; m.times += b.times; joined[joined.count - 1] = m
            } else {
                joined.append(b)
            }
        }
        merged = joined
        // 3c. Too few segments for a model that answers in seconds: split the longest bursts
        // between actions until there are `minSegments` (only when asked: a remote model's plan).
        if cutAtEveryQuiet, merged.count < minSegments { merged = splitForParallelism(merged, samples, dt: dt) }
        // 4. Owned spans meet at the middle of each gap; decode windows add pre- and post-roll.
        var segments: [Segment] = []
        var cuts: [Cut] = []
        for (i, b) in merged.enumerated() {
            let start = i == 0 ? 0 : (merged[i - 1].last + b.first) / 2
            let end = i == merged.count - 1 ? max(duration, b.last) + 1 : (b.last + merged[i + 1].first) / 2
            if i > 0 {
                let gap = b.first - merged[i - 1].last
                var reason = b.splitReason ?? (gap > mergeGap ? String(format: "idle %.1f s skipped", gap)
                                                                : String(format: "quiet %.1f s", gap))
                if cutAtEveryQuiet && b.splitReason == nil && gap <= mergeGap { reason += " (every quiet moment cut for the remote model)" }
                cuts.append(Cut(time: (start * 1000).rounded() / 1000, reason: reason))
            }
            // A pointer resting on the target longer than the pre-roll: start where it last moved,
            // so the agent sees it arrive (and what lies under it, unhovered). Bounded.
            let lastMove = samples.last { $0.time < b.first - preroll && $0.time >= b.first - maxRestPreroll && $0.pointerMoved }?.time
            let lo = max(0, min(b.first - preroll, (lastMove ?? b.first) - 0.3))
            let hint = samples.last { $0.time <= lo && $0.pointer != nil }?.pointer
            segments.append(Segment(index: i, start: start, end: end, decodeStart: lo,
                                    decodeEnd: min(max(duration, b.last), b.last + postroll), pointerHint: hint))
        }
        return SegmentPlan(segments: segments, cuts: cuts)
    }

    /// Splits a burst where one action ends and another begins: between two consecutive changes
    /// at least `actionGap` apart, the pointer moved, and the boxes of the changes on either side
    /// (each side's changes within `actionGap` of the cut) do not touch.
    private func splitActions(_ b: Burst, _ samples: [MotionSample]) -> [Burst] {
        guard b.times.count > 1 else { return [b] }
        let active = samples.filter { $0.isActive && $0.time >= b.times[0] && $0.time <= b.last }
        guard active.count == b.times.count else { return [b] }
        func box(_ s: ArraySlice<MotionSample>) -> PixelRect? {
            s.compactMap(\.contentBox).reduce(nil) { acc, r in acc.map { $0.union(r) } ?? r }
        }
        func apart(_ l: PixelRect, _ r: PixelRect) -> Bool {
            let m = 8
            return l.x - m >= r.x + r.width || r.x - m >= l.x + l.width || l.y - m >= r.y + r.height || r.y - m >= l.y + l.height
        }
        var pieces: [Burst] = []
        var from = 0
        var reason = b.splitReason
        for i in 1..<active.count {
            let gap = active[i].time - active[i - 1].time
            guard gap >= actionGap,
                  samples.contains(where: { $0.pointerMoved && $0.time > active[i - 1].time && $0.time <= active[i].time }) else { continue }
            let before = active[from..<i].filter { active[i - 1].time - $0.time < actionGap }
            let after = active[i...].filter { $0.time - active[i].time < actionGap }
            guard let l = box(before[...]), let r = box(after[...]), apart(l, r) else { continue }
            pieces.append(Burst(first: from == 0 ? b.first : active[from].time - 0.001, last: active[i - 1].time,
                                times: active[from..<i].map(\.time), splitReason: reason))
            reason = String(format: "between actions: %.2f s pause, the pointer moved, the change moved from %dx%d+%d+%d to %dx%d+%d+%d",
                            gap, l.width, l.height, l.x, l.y, r.width, r.height, r.x, r.y)
            from = i
        }
        guard !pieces.isEmpty else { return [b] }
        pieces.append(Burst(first: active[from].time - 0.001, last: b.last, times: active[from...].map(\.time), splitReason: reason))
        return pieces
    }

    /// Splits a burst longer than `maxSpan` at its longest lulls until every piece fits.
    private func splitLong(_ b: Burst, maxSpan: Double) -> [Burst] {
        guard b.last - b.first > maxSpan, b.times.count > 2 else { return [b] }
        // The longest gap between consecutive active frames, preferring ones near the middle.
        let mid = (b.first + b.last) / 2
        var best = 0, bestScore = -Double.infinity
        for i in 1..<b.times.count {
            let gap = b.times[i] - b.times[i - 1]
            let centre = (b.times[i] + b.times[i - 1]) / 2
            let score = gap - 0.02 * abs(centre - mid) / max(1, b.last - b.first) * maxSpan
            if score > bestScore { bestScore = score; best = i }
        }
        let gap = b.times[best] - b.times[best - 1]
        let left = Burst(first: b.first, last: b.times[best - 1], times: Array(b.times[..<best]), splitReason: b.splitReason)
        let right = Burst(first: b.times[best] - 0.001, last: b.last, times: Array(b.times[best...]),
                          splitReason: String(format: "lull %.2f s inside a %.1f s burst", gap, b.last - b.first))
        return splitLong(left, maxSpan: maxSpan) + splitLong(right, maxSpan: maxSpan)
    }
}
