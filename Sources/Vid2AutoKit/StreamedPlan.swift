import Foundation
import Media
import Perception
import ScreenCore
import Swarm

/// The plan of a run with a remote model, cut while the motion pass is still running: each time
/// the pass reports progress (`AnalysisOptions.passProgress`), the segments of both plans that no
/// later frame can change (`SegmentPlanner.settled`) go to the running pipeline at once — an
/// embedded job per coarse segment, a frame job per fine segment (`--model-all`), and a follower
/// (the remote call) per fine segment once every coarse segment its span may draw a hint from is
/// in. So the first calls go out while the pass is still decoding later parts of the recording,
/// and their latency overlaps the pass instead of following it. `finish` adds the rest and ends
/// the feed; when nothing was final before the pass ended (a short recording, a pass that does
/// not report progress) the jobs are dealt exactly as before streaming existed.
///
/// Both plans use the sample interval of the first second (`SegmentPlanner.sampleInterval`), so
/// the streamed segments are exactly those of the whole recording's plans.
/// Invariant (for `@unchecked Sendable`): every `var` only under `lock`.
final class StreamedPlan: @unchecked Sendable {
    /// What the agents of a job see: the motion samples and frames of the pass so far (covering
    /// the job's windows) and the layout.
    struct View: Sendable {
        var samples: [MotionSample]
        var decoded: DecodedRecording?
        var layout: ScreenLayout
    }
    /// A first-kind job of the pipeline: an embedded job, or the key frames of fine segment `Int`.
    enum Job: Sendable {
        case embedded(Analysis.SwarmJob, View)
        case prepare(Int, Segment, View)
    }
    /// A follower: fine segment `segment` (its index in the fine plan) to refine with the remote model.
    struct Follow: Sendable {
        var segment: Segment
        var view: View
    }

    let feed = PipelineFeed<Job, Follow>()
    /// Seconds past a window's end the pass must have reached before a job on it starts (the
    /// frame sampler looks at the frame after the window).
    static let margin = 0.5
    private let lock = NSLock()
    private let coarsePlanner: SegmentPlanner, finePlanner: SegmentPlanner
    private let info: MediaInfo
    private let sendAll: Bool
    private var dt: Double?
    private var layout: ScreenLayout?
    private var pending: MotionPass?
    private var finished = false
    private var coarse: [Segment] = []
    private var fineFollowed: [Segment] = []
    private var finePrepared: [Segment] = []
    /// Per job added: its embedded segments (empty for a frame job).
    private var jobSegments: [[Segment]] = []
    private var prepareJob: [Int: Int] = [:]
    /// When the first batch went to the pipeline, and how far the pass was then (seconds of video).
    private(set) var streamedAt: [Double] = []

    /// Cores the jobs may hold at once (`PipelineFeed.jobSlots`): one while the motion pass runs
    /// (it is on the critical path: the last segment is only final when it ends), all after.
    private let cores: Int

    init(coarse: SegmentPlanner, fine: SegmentPlanner, info: MediaInfo, sendAll: Bool,
         cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        coarsePlanner = coarse; finePlanner = fine; self.info = info; self.sendAll = sendAll
        self.cores = max(1, cores)
        feed.jobSlots = max(1, self.cores - 1)
    }

    /// The layout is known: batches may go (they carry it).
    func layoutReady(_ l: ScreenLayout) {
        lock.lock(); defer { lock.unlock() }
        layout = l
        if let p = pending { pending = nil; emit(p) }
    }

    /// The pass so far (its samples and the frames kept, in order; see `AnalysisOptions.passProgress`).
    func progress(_ pass: MotionPass) {
        lock.lock(); defer { lock.unlock() }
        guard !finished else { return }
        if layout == nil { pending = pass; return }
        emit(pass)
    }

    /// Embedded segments of each job added, in the order added.
    var jobs: [[Segment]] { lock.lock(); defer { lock.unlock() }; return jobSegments }

    /// Whether any job went out before the pass ended.
    var streamedEarly: Bool { lock.lock(); defer { lock.unlock() }; return !streamedAt.isEmpty }

    private func emit(_ pass: MotionPass) {
        guard let layout, let first = pass.samples.first else { return }
        // Jobs need their windows' samples and frames (without kept frames, agents decode the file).
        let covered = min(pass.samples.last?.time ?? 0, pass.frames.map { $0.times.last ?? 0 } ?? .infinity)
        if dt == nil {
            guard covered > first.time + 1.0 else { return }
            dt = SegmentPlanner.sampleInterval(pass.samples)
        }
        let view = View(samples: pass.samples, decoded: pass.frames.map { DecodedRecording(frames: $0, info: info) }, layout: layout)
        let cs = coarsePlanner.settled(pass.samples, duration: info.duration, sampleInterval: dt!)
        let fs = finePlanner.settled(pass.samples, duration: info.duration, sampleInterval: dt!)
        var batch = PipelineBatch<Job, Follow>()
        var fresh: [Job] = []
        for s in cs.segments.dropFirst(coarse.count) {
            guard s.decodeEnd + Self.margin <= covered else { break }
            coarse.append(s)
            fresh.append(.embedded(Analysis.SwarmJob(segments: [s], preceding: []), view))
        }
        if sendAll {
            for s in fs.segments.dropFirst(finePrepared.count) {
                guard s.decodeEnd + Self.margin <= covered else { break }
                finePrepared.append(s)
                fresh.append(.prepare(s.index, s, view))
            }
        }
        add(fresh, to: &batch)
        // A follower's hint comes from every coarse job whose window reaches its span: it goes
        // once no coarse segment still to come can reach it.
        let reach = cs.segments.dropFirst(coarse.count).map(\.decodeStart).reduce(cs.laterDecodeFrom, min)
        for s in fs.segments.dropFirst(fineFollowed.count) {
            guard s.decodeEnd + Self.margin <= covered, s.end + Self.margin <= reach,
                  !sendAll || prepareJob[s.index] != nil else { break }
            fineFollowed.append(s)
            batch.follow.append(Follow(segment: s, view: view))
            batch.waitsFor.append(waits(s))
        }
        if !batch.jobs.isEmpty || !batch.follow.isEmpty {
            streamedAt.append(covered)
            feed.add(batch)
        }
    }

    /// Adds `fresh` to `batch` in time order (an embedded job before a frame job starting with
    /// it), ranked by that order among the jobs still waiting from earlier batches too
    /// (`PipelineBatch.priority`): with the jobs on few cores (`PipelineFeed.jobSlots`) the early
    /// segments' calls then go out first, while later jobs still run, and an embedded job that
    /// every call of its span waits for does not queue behind frame jobs of later calls.
    private func add(_ fresh: [Job], to batch: inout PipelineBatch<Job, Follow>) {
        func key(_ j: Job) -> (Double, Int) {
            switch j {
            case .embedded(let job, _): (job.segments.map(\.start).min() ?? 0, 0)
            case .prepare(_, let s, _): (s.start, 1)
            }
        }
        for j in fresh.sorted(by: { key($0) < key($1) }) {
            let k = key(j)
            batch.priority.append(k.1 == 0 ? k.0 : k.0.nextUp)
            switch j {
            case .embedded(let job, _): jobSegments.append(job.segments)
            case .prepare(let k, _, _): prepareJob[k] = jobSegments.count; jobSegments.append([])
            }
            batch.jobs.append(j)
        }
    }

    /// The jobs fine segment `s` waits for: every embedded job whose decode window (± the margin)
    /// reaches its span, and its frame job.
    private func waits(_ s: Segment) -> [Int] {
        let m = Self.margin
        var w = jobSegments.indices.filter { j in jobSegments[j].contains { $0.decodeStart - m < s.end && s.start < $0.decodeEnd + m } }
        w.sort { jobSegments[$0][0].index < jobSegments[$1][0].index }   // in time order
        if let p = prepareJob[s.index] { w.append(p) }
        return w
    }

    /// The pass ended: both whole plans (the streamed segments and the rest), the rest added to
    /// the pipeline and the feed finished. `keyframes` and `agents` deal the jobs as without
    /// streaming when nothing went early; `segmentJobs` whether each segment is a job of its own
    /// (the embedded model on kept frames).
    func finish(_ pass: MotionPass, layout: ScreenLayout, agents: Int, segmentJobs: Bool,
                keyframes: ([Segment]) -> [Double]) -> (coarse: SegmentPlan, fine: SegmentPlan) {
        lock.lock(); defer { lock.unlock() }
        finished = true
        defer { feed.finish() }
        let dt = self.dt ?? SegmentPlanner.sampleInterval(pass.samples)
        let wholeCoarse = coarsePlanner.plan(pass.samples, duration: info.duration, sampleInterval: dt)
        let wholeFine = finePlanner.plan(pass.samples, duration: info.duration, sampleInterval: dt)
        if Array(wholeCoarse.segments.prefix(coarse.count)) != coarse || Array(wholeFine.segments.prefix(fineFollowed.count)) != fineFollowed
            || Array(wholeFine.segments.prefix(finePrepared.count)) != finePrepared {
            trace("streamed plan: a segment sent early differs from the whole plan's; the rest follows the whole plan")
        }
        let view = View(samples: pass.samples, decoded: pass.frames.map { DecodedRecording(frames: $0, info: info) }, layout: layout)
        let restCoarse = Array(wholeCoarse.segments.dropFirst(coarse.count))
        var batch = PipelineBatch<Job, Follow>()
        var fresh: [Job] = []
        let dealt: [Analysis.SwarmJob]
        if jobSegments.isEmpty {
            let runs = Analysis.jobs(of: restCoarse, agents: agents, keyframes: restCoarse.count > 1 ? keyframes(restCoarse) : [])
            dealt = segmentJobs ? Analysis.segmentJobs(runs) : runs.map { Analysis.SwarmJob(segments: $0, preceding: []) }
        } else {
            dealt = Analysis.segmentJobs(restCoarse.map { [$0] })
        }
        fresh += dealt.map { .embedded($0, view) }
        coarse += restCoarse
        let restFine = Array(wholeFine.segments.dropFirst(fineFollowed.count))
        if sendAll { fresh += wholeFine.segments.dropFirst(finePrepared.count).map { .prepare($0.index, $0, view) } }
        add(fresh, to: &batch)
        feed.jobSlots = cores
        for s in restFine {
            batch.follow.append(Follow(segment: s, view: view))
            batch.waitsFor.append(waits(s))
        }
        fineFollowed += restFine
        feed.add(batch)
        return (SegmentPlan(segments: coarse, cuts: wholeCoarse.cuts), SegmentPlan(segments: fineFollowed, cuts: wholeFine.cuts))
    }

    /// The pass failed: no more batches.
    func abandon() {
        lock.lock(); finished = true; lock.unlock()
        feed.finish()
    }
}
