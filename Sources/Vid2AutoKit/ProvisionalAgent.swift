import Foundation
import Media
import Perception
import ScreenCore
import Swarm

/// The agent of the plan's last segment, started while the motion pass still decodes straight
/// through (issue 13). A pass that decodes with one frame-threaded decoder (a recording with long
/// keyframe intervals, see `Analysis.motionChunks`) keeps only about 1.3 of 2 cores busy, and the
/// plan's last segment is only final when the pass ends — on a single-segment recording the
/// whole agents stage came after the pass, on one core. Here the pass reports its progress
/// (`AnalysisOptions.straightThroughProgress`); once the last segment of the plan of the samples
/// so far has kept its span for one report and its decode window has begun, an agent analyses
/// it on the frames as they are decoded (`GrowingStoreDecoder`), never past a time the final
/// window certainly reaches (`deliverBound`). When the pass ends:
///
/// - the final plan's last segment must have the same index, span and pointer hint (`agrees`) —
///   else the agent is stopped and its work dropped (`settle` returns nil) and the segment runs as
///   before;
/// - the agent then reads on to the final decode end and its frames must be exactly those the
///   segment's job would have been handed (`StoreDecoder.indices`, the job's preceding windows
///   included) — else its result is dropped and the job runs as before (`Analysis.runOnce`).
///
/// So the analyst is given the same segment, layout, frame rate and frames as in the job it
/// replaces, and the timeline cannot change. The embedded model reads nothing else of its
/// `SegmentContext` (not the motion window, which is still growing here); only the embedded model
/// runs early. `--agents 1` never starts one (one thing at a time on one core), nor does the
/// chunked pass (it keeps every core busy), nor a run with a remote model (its plan is streamed).
///
/// Invariant (for `@unchecked Sendable`): every `var` only under `lock`.
final class ProvisionalAgent: @unchecked Sendable {
    /// What the early agent returned, and what it was given.
    struct Outcome: Sendable {
        var observations: [Observation]
        /// Indices of the frames handed to the analyst, in order.
        var delivered: [Int]
        /// The one frame request the analyst made: its start and rate (nil: none, or more than one).
        var request: (start: Double, fps: Double)?
        var steps: Int
        var began: Double
        var ended: Double
    }

    /// One early agent at work on `segment`.
    final class Attempt: @unchecked Sendable {
        let segment: Segment
        let source: GrowingFrames
        fileprivate(set) var task: Task<Result<Outcome, any Error>, Never>?
        // Invariant: `lanes`, `holding` and `done` only under `lock`.
        private let lock = NSLock()
        private var lanes: SpareCores?
        private var holding = false, done = false
        init(segment: Segment, source: GrowingFrames) { self.segment = segment; self.source = source }

        /// Counts the agent as one at work in the agents stage (opened after the pass) until it ends.
        func hold(_ l: SpareCores?) {
            lock.lock(); defer { lock.unlock() }
            guard let l, !done, !holding else { return }
            holding = true; lanes = l
            l.enter()
        }
        fileprivate func ended() {
            lock.lock(); defer { lock.unlock() }
            done = true
            if holding { lanes?.leave(); holding = false }
        }
    }

    /// Most agents started on one recording (the plan's last segment may change its span while
    /// the pass runs: each change stops the agent and may start another).
    static let maxLaunches = 3

    private let lock = NSLock()
    private let planner: SegmentPlanner
    private let info: MediaInfo
    private let clock: Date
    private let run: @Sendable (Segment, ScreenLayout, GrowingFrames, [MotionSample]) async throws -> Outcome
    private var layout: ScreenLayout?
    private var pending: MotionPass?
    private var previous: Segment?
    private var attempt: Attempt?
    private var stopped: [Attempt] = []
    private var closed = false
    private var started = 0
    private var why: String?
    /// How many agents were started (for the trace).
    var launches: Int { lock.lock(); defer { lock.unlock() }; return started }
    /// Why the last agent's work was dropped (for the trace), nil while none was.
    var dropped: String? { lock.lock(); defer { lock.unlock() }; return why }

    /// `run` analyses a segment on the growing frames (the agent's own task calls it).
    init(planner: SegmentPlanner, info: MediaInfo, clock: Date,
         run: @escaping @Sendable (Segment, ScreenLayout, GrowingFrames, [MotionSample]) async throws -> Outcome) {
        self.planner = planner; self.info = info; self.clock = clock; self.run = run
    }

    /// The layout is known (the agent's analyst needs it).
    func layoutReady(_ l: ScreenLayout) {
        lock.lock(); defer { lock.unlock() }
        layout = l
        if let p = pending { pending = nil; update(p) }
    }

    /// The pass so far (`AnalysisOptions.straightThroughProgress`).
    func progress(_ pass: MotionPass) {
        lock.lock(); defer { lock.unlock() }
        guard !closed else { return }
        guard layout != nil else { pending = pass; return }
        update(pass)
    }

    private func update(_ pass: MotionPass) {
        guard let layout, let frames = pass.frames else { return }
        let bound = Self.deliverBound(pass.samples, duration: info.duration, postroll: planner.postroll)
        attempt?.source.publish(frames, bound: bound)
        let last = planner.plan(pass.samples, duration: info.duration).segments.last
        defer { previous = last }
        if let a = attempt {
            if let last, Self.sameSpan(a.segment, last) { return }
            stop(a, "the plan's last segment changed while the pass ran")
        }
        guard started < Self.maxLaunches,
              let c = Self.launch(last, previous: previous, covered: frames.times.last ?? -.infinity) else { return }
        started += 1
        let a = Attempt(segment: c, source: GrowingFrames(frames, bound: bound))
        let run = self.run, samples = pass.samples
        a.task = Task {
            defer { a.ended() }
            do { return .success(try await run(c, layout, a.source, samples)) } catch { return .failure(error) }
        }
        attempt = a
    }

    private func stop(_ a: Attempt, _ why: String) {
        a.source.abandon()
        a.task?.cancel()
        stopped.append(a)
        attempt = nil
        self.why = why
    }

    /// The pass has ended and `plan` is final: the attempt whose segment agrees with the plan's
    /// last one, told the final frames and decode end (it reads on to there), or nil — every
    /// early agent then stopped. Nothing starts after this.
    func settle(_ plan: SegmentPlan, frames: DecodedFrames?) -> Attempt? {
        lock.lock(); defer { lock.unlock() }
        closed = true
        guard let a = attempt else { return nil }
        guard let last = plan.segments.last, let frames, Self.agrees(a.segment, last) else {
            stop(a, "the final plan's last segment is another one")
            return nil
        }
        a.source.close(frames, end: last.decodeEnd)
        return a
    }

    /// Drops the settled attempt's work (its frames were not the job's).
    func drop(_ why: String) { lock.lock(); self.why = why; lock.unlock() }

    /// Waits for every stopped agent to end (they stop at their next frame).
    func drain() async {
        let all: [Attempt] = { lock.lock(); defer { lock.unlock() }; return stopped + (attempt.map { [$0] } ?? []) }()
        for a in all { _ = await a.task?.value }
    }

    // MARK: the rules

    /// The segment to start an agent on: the last segment of the plan so far, once it is the same
    /// (`sameSpan`) as at the report before and the pass has decoded past its decode start.
    static func launch(_ last: Segment?, previous: Segment?, covered: Double) -> Segment? {
        guard let last, let previous, sameSpan(last, previous), last.decodeStart <= covered else { return nil }
        return last
    }

    /// Whether two plans' last segments are the same for an agent at work on one of them: the
    /// same index, span and pointer hint, and decode starts apart by less than a millisecond
    /// (the plan so far has its own mean sample interval; the frames decide in the end).
    static func sameSpan(_ a: Segment, _ b: Segment) -> Bool {
        a.index == b.index && abs(a.start - b.start) < 1e-3 && a.end == b.end && a.pointerHint == b.pointerHint
            && abs(a.decodeStart - b.decodeStart) < 1e-3
    }

    /// Whether the agent's segment is the final plan's `last` for its analyst: the same index,
    /// owned span (exactly: observations are kept or not by it) and pointer hint. (Its decode
    /// window is checked on the frames the agent was handed.)
    static func agrees(_ provisional: Segment, _ last: Segment) -> Bool {
        provisional.index == last.index && provisional.start == last.start && provisional.end == last.end
            && provisional.pointerHint == last.pointerHint
    }

    /// A time before which every frame is inside the final window of the plan's last segment,
    /// if the segment is still the last one when the pass ends: its decode end is
    /// `min(max(duration, b), b + postroll)` for the last change `b` of the recording, which is no
    /// earlier than the last change seen so far.
    static func deliverBound(_ samples: [MotionSample], duration: Double, postroll: Double) -> Double {
        guard let lastActive = samples.last(where: \.isActive)?.time else { return -.infinity }
        return min(duration, lastActive + postroll)
    }
}

/// The frames of a motion pass that is still decoding, for an early agent: the snapshot so far
/// and how far the agent may read (`ProvisionalAgent.deliverBound`), then the final frames and
/// decode end (`close`), or the word to stop (`abandon`).
/// Invariant (for `@unchecked Sendable`): every `var` only under `lock`.
final class GrowingFrames: @unchecked Sendable {
    struct State {
        var frames: DecodedFrames
        /// Frames before this time may be read.
        var limit: Double
        /// `limit` is the final decode end and `frames` are all the frames.
        var final: Bool
        var abandoned: Bool
        var version: Int
    }
    private let lock = NSLock()
    private var state: State
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(_ frames: DecodedFrames, bound: Double) {
        state = State(frames: frames, limit: bound, final: false, abandoned: false, version: 0)
    }

    var current: State { lock.lock(); defer { lock.unlock() }; return state }

    /// More frames decoded, and the bound so far.
    func publish(_ frames: DecodedFrames, bound: Double) {
        change { if !$0.final { $0.frames = frames; $0.limit = max($0.limit, bound) } }
    }
    /// The pass has ended: every frame, and the final decode end.
    func close(_ frames: DecodedFrames, end: Double) { change { $0.frames = frames; $0.limit = end; $0.final = true } }
    /// The agent's work cannot stand: it stops at its next frame.
    func abandon() { change { $0.abandoned = true } }

    private func change(_ body: (inout State) -> Void) {
        lock.lock()
        body(&state)
        state.version += 1
        let ws = waiters; waiters = []
        lock.unlock()
        for w in ws { w.resume() }
    }

    /// Returns once the state is newer than `version`.
    func wait(after version: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if state.version > version { lock.unlock(); c.resume(); return }
            waiters.append(c)
            lock.unlock()
        }
    }
}

/// An early agent's frames (see `ProvisionalAgent`): the frames a `StoreDecoder` without
/// preceding windows delivers for one request, rebuilt from the pass's frames as they are
/// decoded — the request's end is the final plan's decode end, not the one asked for (unknown
/// when the agent starts). It waits for frames not decoded yet, and throws `CancellationError`
/// once abandoned. It records what it handed over, for the check against the final job.
/// Invariant (for `@unchecked Sendable`): created and used by one agent task only.
final class GrowingStoreDecoder: SegmentFrameSource, @unchecked Sendable {
    let path: String
    let info: MediaInfo
    let source: GrowingFrames
    private(set) var delivered: [Int] = []
    private(set) var requests: [(start: Double, fps: Double)] = []
    private var fallback: FileFrames?

    init(path: String, info: MediaInfo, source: GrowingFrames) { self.path = path; self.info = info; self.source = source }

    func frames(from start: Double, to _: Double, fps: Double, _ body: (Frame) async throws -> Void) async throws {
        requests.append((start, fps))
        // (One request: the embedded model's. A second one would not be what a job is handed.)
        guard requests.count == 1 else { throw CancellationError() }
        var s = source.current
        var sampler = FrameSlotSampler(times: s.frames.times)
        sampler.open(at: start, fps: fps)
        sampler.skip(until: start)
        let rebuilt = StoredFrameReader(frames: s.frames, info: info)
        func refresh() async throws {
            await source.wait(after: s.version)
            s = source.current
            if s.abandoned || Task.isCancelled { throw CancellationError() }
            sampler.extend(to: s.frames.times)
            rebuilt.extend(to: s.frames)
        }
        while true {
            if s.abandoned || Task.isCancelled { throw CancellationError() }
            guard let i = sampler.next() else {
                if s.final { return }
                try await refresh()
                continue
            }
            let t = s.frames.times[i]
            if t < start - 1e-6 { continue }
            while !(t < s.limit) {
                if s.final { return }
                try await refresh()
            }
            delivered.append(i)
            var image = s.frames.isStored(i) ? try rebuilt.image(at: i) : nil
            if image == nil {
                if fallback == nil { fallback = FileFrames(path: path) }
                image = try fallback!.image(at: t)
            }
            try await body(Frame(index: i, time: t, images: [image!]))
        }
    }
}
