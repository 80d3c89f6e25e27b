import Foundation
import Media
import OCR
import Perception
import ScreenCore
import Swarm

/// Settings of one analysis run.
public struct AnalysisOptions: Sendable {
    /// Sub-agents at once (1–100).
    public var agents: Int
    /// Seconds one sub-agent may take on a segment before it is retried.
    public var agentTimeout: Double?
    /// Width of the motion pass's gray rendition as a fraction of the video's width.
    public var motionScale: Double
    /// Also run with one agent and report the speedup.
    public var measureSpeedup: Bool
    /// Called with a short status line now and then (for a terminal progress line).
    public var progress: (@Sendable (String) -> Void)?

    public init(agents: Int = ProcessInfo.processInfo.activeProcessorCount, agentTimeout: Double? = nil,
                motionScale: Double = 0.25, measureSpeedup: Bool = false, progress: (@Sendable (String) -> Void)? = nil) {
        self.agents = min(100, max(1, agents)); self.agentTimeout = agentTimeout; self.motionScale = motionScale
        self.measureSpeedup = measureSpeedup; self.progress = progress
    }
}

/// The motion signal of a whole recording plus the first full-size frame (for the layout).
public struct MotionPass: Sendable {
    public var samples: [MotionSample]
    public var firstFrame: Image?
    public var diagnostics: [Diagnostic]
    public init(samples: [MotionSample], firstFrame: Image?, diagnostics: [Diagnostic]) {
        self.samples = samples; self.firstFrame = firstFrame; self.diagnostics = diagnostics
    }
}

/// The stages of the pipeline, each replaceable (tests swap in fakes):
/// Frame → MotionSample → SegmentPlan → Observation → ActionTimeline.
public struct AnalysisStages: Sendable {
    /// One cheap decode pass: the motion signal and the first frame.
    public var motion: @Sendable (_ path: String, _ info: MediaInfo, _ options: AnalysisOptions) async throws -> MotionPass
    /// Where the browser's viewport and address bar are.
    public var layout: @Sendable (_ first: Image?, _ info: MediaInfo, _ reader: any TextReader) async throws -> ScreenLayout
    public var planner: SegmentPlanner
    /// The model every sub-agent uses.
    public var model: any VisionModel
    public var aggregator: Aggregator
    /// The text reader behind the agents' OCR tool.
    public var reader: @Sendable () -> any TextReader

    public init(motion: @escaping @Sendable (String, MediaInfo, AnalysisOptions) async throws -> MotionPass = Analysis.motionPass,
                layout: @escaping @Sendable (Image?, MediaInfo, any TextReader) async throws -> ScreenLayout = Analysis.detectLayout,
                planner: SegmentPlanner = SegmentPlanner(),
                model: any VisionModel = RemoteVisionModel.fromEnvironment() ?? EmbeddedVisionModel(),
                aggregator: Aggregator = Aggregator(),
                reader: @escaping @Sendable () -> any TextReader = { PoolTextReader(pool: TextReaderPool()) }) {
        self.motion = motion; self.layout = layout; self.planner = planner; self.model = model
        self.aggregator = aggregator; self.reader = reader
    }
}

/// The vid2auto analysis: the orchestrator (motion pass, layout, plan), the swarm of sub-agents
/// (one per segment, at most `agents` at once) and the aggregator.
public enum Analysis {
    /// Analyses the recording at `path` into an action timeline. Throws only when the recording
    /// cannot be used at all; everything else becomes a diagnostic.
    public static func run(path: String, options: AnalysisOptions = AnalysisOptions(),
                           stages: AnalysisStages = AnalysisStages()) async throws -> ActionTimeline {
        let info = try Probe.probe(path: path)
        let reader = stages.reader()
        var timeline = try await runOnce(path: path, info: info, options: options, stages: stages, reader: reader)
        if options.measureSpeedup {
            var single = options
            single.agents = 1; single.measureSpeedup = false
            let one = try await runOnce(path: path, info: info, options: single, stages: stages, reader: reader)
            if let a = timeline.swarm, let b = one.swarm, a.wallSeconds > 0 {
                timeline.swarm?.speedup = (b.wallSeconds / a.wallSeconds * 100).rounded() / 100
            }
        }
        return timeline
    }

    static func runOnce(path: String, info: MediaInfo, options: AnalysisOptions, stages: AnalysisStages,
                        reader: any TextReader) async throws -> ActionTimeline {
        let clock = Date()
        var ledger = StepLedger()
        var diagnostics: [Diagnostic] = []
        // Stage 1 — orchestrator: one cheap pass, the screen layout, the plan.
        options.progress?("motion pass")
        let motion = try await stages.motion(path, info, options)
        diagnostics += motion.diagnostics
        let layout = try await stages.layout(motion.firstFrame, info, reader)
        let plan = stages.planner.plan(motion.samples, duration: info.duration)
        if ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_MOTION"] != nil {
            for m in motion.samples where m.isActive { trace(String(format: "active %.3f px %d box ", m.time, m.contentPixels) + (m.contentBox.map { "\($0)" } ?? "-")) }
        }
        trace("motion pass + layout + plan: \(String(format: "%.2f", Date().timeIntervalSince(clock))) s, \(plan.segments.count) segments covering \(String(format: "%.1f", plan.segments.reduce(0) { $0 + $1.decodeEnd - $1.decodeStart })) s")
        ledger.record("plan", orchestratorSteps: 3)
        // Stage 2 — sub-agents. Each takes a run of consecutive segments (as many runs as agents),
        // analysing them one by one with one decoder that moves forward between them instead of
        // seeking back to a keyframe for every segment.
        let swarm = Swarm(agents: options.agents, timeout: options.agentTimeout)
        let model = stages.model
        let rate = info.frameRate > 0 ? info.frameRate : 30
        let done = Counter(), retried = Counter()
        let total = plan.segments.count
        let progress = options.progress
        let runs = Self.runs(of: plan.segments, count: options.agents)
        let result = await swarm.run(runs) { run, ctx in
            let tools = SegmentTools(path: path, reader: reader, context: ctx)
            var out: [Observation] = []
            for segment in run {
                let window = motion.samples.filter { $0.time >= segment.decodeStart && $0.time <= segment.decodeEnd }
                let context = SegmentContext(segment: segment, layout: layout, motion: window, frameRate: rate)
                // A segment that fails is retried once with a fresh decoder, then reported; the run goes on.
                for attempt in 1...2 {
                    do {
                        ctx.step()   // the model call itself
                        out += try await model.analyse(segment: context, tools: attempt == 1 ? tools : tools.fresh())
                        break
                    } catch is CancellationError where Task.isCancelled {
                        throw CancellationError()
                    } catch {
                        ctx.report(attempt == 1 ? .warning : .error,
                                   "segment \(segment.index) failed (\(error)); \(attempt == 1 ? "retrying" : "skipped")")
                        if attempt == 1 { retried.increment() }
                    }
                }
                progress?("analysing: \(done.increment()) of \(total) segments")
            }
            return out
        }
        diagnostics += result.diagnostics
        trace("agents done: \(String(format: "%.2f", Date().timeIntervalSince(clock))) s")
        ledger.record("analyse", orchestratorSteps: 1, agentSteps: result.agentSteps)
        // Stage 3 — aggregator.
        let observations = result.outputs.compactMap { $0 }.flatMap { $0 }
        let (actions, aggDiagnostics) = stages.aggregator.aggregate(observations, layout: layout)
        diagnostics += aggDiagnostics
        ledger.record("aggregate", orchestratorSteps: 1)
        let report = SwarmReport(segments: plan.segments.count, agents: runs.count,
                                 totalSteps: ledger.totalSteps, criticalSteps: ledger.criticalSteps,
                                 wallSeconds: (Date().timeIntervalSince(clock) * 1000).rounded() / 1000,
                                 retries: result.retries + retried.value, cuts: plan.cuts)
        let vp = layout.viewport
        return ActionTimeline(source: info, viewport: Viewport(x: vp.x, y: vp.y, width: vp.width, height: vp.height),
                              startURL: layout.startURL, actions: actions, diagnostics: diagnostics, swarm: report)
    }

    /// `segments` cut into at most `count` runs of consecutive segments with about equal decoding work.
    static func runs(of segments: [Segment], count: Int) -> [[Segment]] {
        guard !segments.isEmpty else { return [] }
        let n = min(max(1, count), segments.count)
        let work = segments.map { max(0.1, $0.decodeEnd - $0.decodeStart) }
        let total = work.reduce(0, +)
        var out: [[Segment]] = [[]]
        var acc = 0.0
        for (i, s) in segments.enumerated() {
            let remaining = segments.count - i
            let runsLeft = n - out.count
            // Start a new run when this one has its share, or when every later run needs a segment.
            if !out[out.count - 1].isEmpty, runsLeft > 0, acc >= total * Double(out.count) / Double(n) || remaining <= runsLeft {
                out.append([])
            }
            out[out.count - 1].append(s)
            acc += work[i]
        }
        return out
    }

    /// The default motion pass: every frame decoded once into a small gray rendition, fed to
    /// `MotionAnalyzer`; the first frame is also kept at full size for the layout.
    @Sendable public static func motionPass(path: String, info: MediaInfo, options: AnalysisOptions) async throws -> MotionPass {
        let w = info.displayWidth, h = info.displayHeight
        let sw = max(64, Int(Double(w) * options.motionScale) / 2 * 2)
        let first = try firstFrame(path: path)
        let reader = try VideoReader(path: path, renditions: [Rendition(width: sw, format: .gray8)])
        var analyzer = MotionAnalyzer(scale: Double(w) / Double(sw))
        var samples: [MotionSample] = []
        samples.reserveCapacity(max(16, info.frameCount))
        var lastReport = Date()
        while let f = try reader.next() {
            if let s = analyzer.feed(time: f.time, image: f.images[0]) { samples.append(s) }
            if let p = options.progress, Date().timeIntervalSince(lastReport) > 0.25, info.duration > 0 {
                lastReport = Date()
                p("motion pass: \(Int(100 * min(1, f.time / info.duration)))%")
            }
        }
        if let s = analyzer.finish() { samples.append(s) }
        _ = h
        return MotionPass(samples: samples, firstFrame: first, diagnostics: reader.diagnostics)
    }

    /// The first frame at full size (gray), after the first half second when the page may still be painting.
    static func firstFrame(path: String) throws -> Image? {
        let reader = try VideoReader(path: path, renditions: [Rendition(format: .gray8)], sampling: FrameSampling(fps: 2))
        var img: Image?
        var n = 0
        while n < 2, let f = try reader.next() { img = f.images[0]; n += 1 }
        return img
    }

    /// The default layout stage: `ChromeDetector` on the first frame.
    @Sendable public static func detectLayout(first: Image?, info: MediaInfo, reader: any TextReader) async throws -> ScreenLayout {
        guard let first else { return .fullFrame(width: info.displayWidth, height: info.displayHeight) }
        return try await ChromeDetector.detect(first, reader: reader)
    }
}

/// Timing lines on stderr when `VID2AUTO_DEBUG` is set.
func trace(_ s: @autoclosure () -> String) {
    guard ProcessInfo.processInfo.environment["VID2AUTO_DEBUG"] != nil else { return }
    FileHandle.standardError.write(Data(("vid2auto: " + s() + "\n").utf8))
}

/// A thread-safe counter for progress reports.
final class Counter: @unchecked Sendable {
    // Invariant: `n` is only touched under `lock`.
    private let lock = NSLock()
    private var n = 0
    @discardableResult func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
