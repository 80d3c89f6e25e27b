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
    /// Ground the timeline in the running app (`--live`); nil: offline only.
    public var live: LiveSettings?
    /// A remote model (`--model`, `--api-base`): hybrid routing over the stages' model, cuts at
    /// every quiet moment. Nil: the stages' model alone (the embedded one by default).
    public var remote: RemoteModelConfig?
    /// Handed the layout's first frame as soon as the motion pass has it (the default pass: once
    /// its first chunk is decoded), so the layout stage runs while the rest of the recording is
    /// still decoding. Set by the analysis itself for its motion stage; a stage that never calls
    /// it has its `MotionPass.firstFrame` taken when it returns.
    public var firstFrameReady: (@Sendable (Image?) -> Void)?
    /// Handed the motion pass so far, now and then while it runs (the default pass: after each
    /// chunk it feeds to the analyzer, or each second of video when it decodes straight through):
    /// the samples so far (every later one is later) and the frames decoded so far in `frames`.
    /// Set by the analysis itself when it streams the plan (a remote model); a stage that never
    /// calls it only delays the plan to its end.
    public var passProgress: (@Sendable (MotionPass) -> Void)?
    /// Handed the motion pass so far while it decodes straight through (one frame-threaded
    /// decoder, which leaves part of a core idle), every `straightThroughInterval` seconds of
    /// video: the samples so far and the frames decoded so far in `frames`. Set by the analysis
    /// itself for its early agent (`ProvisionalAgent`); the chunked pass, which keeps every core
    /// busy, never calls it.
    public var straightThroughProgress: (@Sendable (MotionPass) -> Void)?

    public init(agents: Int = ProcessInfo.processInfo.activeProcessorCount, agentTimeout: Double? = nil,
                motionScale: Double = 0.25, measureSpeedup: Bool = false, progress: (@Sendable (String) -> Void)? = nil,
                live: LiveSettings? = nil, remote: RemoteModelConfig? = nil) {
        self.agents = min(100, max(1, agents)); self.agentTimeout = agentTimeout; self.motionScale = motionScale
        self.measureSpeedup = measureSpeedup; self.progress = progress; self.live = live; self.remote = remote
    }
}

/// The motion signal of a whole recording plus the first full-size frame (for the layout), and
/// the frames the pass decoded, kept for the sub-agents (nil: they decode the recording themselves).
public struct MotionPass: Sendable {
    public var samples: [MotionSample]
    public var firstFrame: Image?
    public var diagnostics: [Diagnostic]
    /// Every frame's time and, within a memory budget, its luma plane (see `DecodedFrames`).
    public var frames: DecodedFrames?
    public init(samples: [MotionSample], firstFrame: Image?, diagnostics: [Diagnostic], frames: DecodedFrames? = nil) {
        self.samples = samples; self.firstFrame = firstFrame; self.diagnostics = diagnostics; self.frames = frames
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
    /// The model every sub-agent uses (with `AnalysisOptions.remote`, the embedded side of the hybrid).
    public var model: any VisionModel
    public var aggregator: Aggregator
    /// The text reader behind the agents' OCR tool.
    public var reader: @Sendable () -> any TextReader

    public init(motion: @escaping @Sendable (String, MediaInfo, AnalysisOptions) async throws -> MotionPass = Analysis.motionPass,
                layout: @escaping @Sendable (Image?, MediaInfo, any TextReader) async throws -> ScreenLayout = Analysis.detectLayout,
                planner: SegmentPlanner = SegmentPlanner(),
                model: any VisionModel = EmbeddedVisionModel(),
                aggregator: Aggregator = Aggregator(),
                reader: @escaping @Sendable () -> any TextReader = { PoolTextReader(pool: TextReaderPool()) }) {
        self.motion = motion; self.layout = layout; self.planner = planner; self.model = model
        self.aggregator = aggregator; self.reader = reader
    }
}

/// The vid2auto analysis: the orchestrator (motion pass, layout, plan), the swarm of sub-agents
/// (one per segment, at most `agents` at once) and the aggregator.
public enum Analysis {
    /// The remote backend `config` names, its key frames encoded by Media's libpng.
    static func remoteModel(_ config: RemoteModelConfig) -> RemoteVisionModel {
        RemoteVisionModel(client: ModelClient(config: config), encodePNG: { try PNG.encode($0) })
    }

    /// Analyses the recording at `path` into an action timeline. Throws only when the recording
    /// cannot be used at all; everything else becomes a diagnostic.
    public static func run(path: String, options: AnalysisOptions = AnalysisOptions(),
                           stages: AnalysisStages = AnalysisStages()) async throws -> ActionTimeline {
        // Large buffers stay in the heap instead of going back to the kernel between frames.
        AllocatorTuning.apply()
        let info = try Probe.probe(path: path)
        // With a remote model: the embedded model runs the first pass (its own plan), the hybrid
        // the second one over finer segments.
        var stages = stages
        var hybrid: HybridVisionModel?
        if let h = stages.model as? HybridVisionModel { hybrid = h; stages.model = h.embedded }
        if let remote = options.remote {
            let model = remoteModel(remote)
            hybrid = HybridVisionModel(embedded: stages.model, remote: model,
                                       sendAll: remote.sendAll, confidenceThreshold: remote.confidenceThreshold)
            hybrid?.fineHints = remote.fineHints
        }
        let reader = stages.reader()
        let started = Date()
        Profile.shared.startSampling()
        defer { Profile.shared.emit(total: Date().timeIntervalSince(started)) }
        var timeline = try await runOnce(path: path, info: info, options: options, stages: stages, hybrid: hybrid, reader: reader)
        if options.measureSpeedup {
            var single = options
            single.agents = 1; single.measureSpeedup = false
            let one = try await runOnce(path: path, info: info, options: single, stages: stages, hybrid: hybrid, reader: reader)
            if let a = timeline.swarm, let b = one.swarm, a.wallSeconds > 0 {
                timeline.swarm?.speedup = (b.wallSeconds / a.wallSeconds * 100).rounded() / 100
            }
        }
        return timeline
    }

    static func runOnce(path: String, info: MediaInfo, options: AnalysisOptions, stages: AnalysisStages,
                        hybrid: HybridVisionModel? = nil, reader: any TextReader) async throws -> ActionTimeline {
        let clock = Date()
        hybrid?.meter.reset()
        var ledger = StepLedger()
        var diagnostics: [Diagnostic] = []
        // Stage 1 — orchestrator: one cheap pass, the screen layout, the plan.
        options.progress?("motion pass")
        let swarm = Swarm(agents: options.agents, timeout: options.agentTimeout)
        let model = stages.model
        let rate = info.frameRate > 0 ? info.frameRate : 30
        let done = Counter(), retried = Counter(), analysed = Counter()
        let firstFailure = FirstMessage(), fatal = FirstMessage()
        let progress = options.progress
        let spans = SpanCollector()
        // With a remote model the plan is streamed (`StreamedPlan`): segments go to the pipeline
        // as soon as the motion pass has passed the quiet moment that makes them final, so the
        // embedded jobs and the remote calls start while the pass still decodes the rest.
        var fine = stages.planner
        fine.cutAtEveryQuiet = true
        fine.cutBetweenActions = true
        // A model that answers in seconds: a plan with few segments is split further (its minimum
        // parallelism), never into more than the requests that can be in flight at once.
        if let c = hybrid?.remote.client.config { fine.minSegments = max(0, min(c.minSegments, c.maxRequests)) }
        // With --model-all --fine-hints every fine segment goes to the remote model, whose answer
        // replaces the embedded observations in its span, so the embedded model only gives each
        // call its hint: it analyses the fine plan too — one short job per fine segment, which
        // its call waits for (with the jobs whose windows reach its span), instead of the coarse
        // plan's long jobs that every call inside them waits for in full. The fine jobs' windows
        // overlap (each has its own lead-in and tail): more steps in all, and hints read over
        // shorter windows (not always the coarse plan's readings), so it is not the default.
        // (With hybrid routing the embedded observations are the result wherever the remote
        // model is not asked: they always stay the coarse plan's.) Any number of agents, so one
        // agent and many give the same actions.
        let fineHints = hybrid.map { $0.sendAll && $0.fineHints } ?? false
        let stream = hybrid.map { h in
            StreamedPlan(coarse: fineHints ? fine : stages.planner, fine: fine, info: info, sendAll: h.sendAll)
        }
        // The layout needs only the first frame: it starts as soon as the motion pass has that
        // frame and runs beside the rest of the pass (on 2 cores it fills a core the pass leaves
        // idle while its last chunk decodes or its analyzer catches up).
        let handoff = FirstFrameHandoff()
        var motionOptions = options
        motionOptions.firstFrameReady = { handoff.offer($0) }
        // (Not with one agent: `--agents 1` runs one thing at a time on one core, the pass then
        // the agents, as `batch --jobs` expects and as the swarm's speedup is measured against.)
        if let stream, options.agents > 1 { motionOptions.passProgress = { stream.progress($0) } }
        // Reads ahead (the larger second reading of a small crop) only on a core no agent holds.
        let pooled = reader as? PoolTextReader, lanes = pooled?.lanes
        let warmEarly = hybrid == nil && min(ProcessInfo.processInfo.activeProcessorCount, options.agents) >= 2
        let laneCores = min(ProcessInfo.processInfo.activeProcessorCount, options.agents)
        // A pass that decodes straight through leaves part of a core idle: the plan's last segment
        // is analysed on it while the pass runs (`ProvisionalAgent`; its work stands only when the
        // final plan and frames agree). Not with one agent, nor with a remote model.
        let provisional: ProvisionalAgent? = laneCores >= 2 && hybrid == nil && model is EmbeddedVisionModel
            ? ProvisionalAgent(planner: stages.planner, info: info, clock: clock) { segment, layout, source, samples in
                let decoder = GrowingStoreDecoder(path: path, info: info, source: source)
                let ctx = AgentContext(job: 0, attempt: 1, lane: 1)
                let tools = SegmentTools(path: path, reader: reader, context: ctx, source: decoder)
                let began = Date().timeIntervalSince(clock)
                ctx.step()   // the model call itself
                let context = SegmentContext(segment: segment, layout: layout, motion: samples.filter { $0.time >= segment.decodeStart },
                                             frameRate: rate)
                let obs = try await model.analyse(segment: context, tools: tools)
                return ProvisionalAgent.Outcome(observations: obs, delivered: decoder.delivered,
                                                request: decoder.requests.count == 1 ? decoder.requests[0] : nil,
                                                steps: ctx.steps, began: began, ended: Date().timeIntervalSince(clock))
            }
            : nil
        if let provisional { motionOptions.straightThroughProgress = { provisional.progress($0) } }
        async let layoutTask: ScreenLayout = {
            let first = await handoff.frame()
            let layout = try await Profile.shared.time("layout") { try await stages.layout(first, info, reader) }
            stream?.layoutReady(layout)
            provisional?.layoutReady(layout)
            // The agents stage of a default run starts the pool's other engine anyway (a second
            // agent, a read ahead, or `warm` for a lone agent): started now, beside the rest of
            // the motion pass, it is not on an agent's path. (`--agents 1` uses one engine.)
            if warmEarly { pooled?.warm() }
            return layout
        }()
        let streamedTotal = Counter()
        // One embedded job: its segments analysed in order by one agent over `view`'s frames.
        @Sendable func analyseJob(_ job: SwarmJob, _ ctx: AgentContext, _ view: StreamedPlan.View, total: Int?) async throws -> [Observation] {
            lanes?.enter()
            defer { lanes?.leave() }
            let tools = SegmentTools(path: path, reader: reader, context: ctx, decoded: view.decoded, preceding: job.preceding)
            var out: [Observation] = []
            for segment in job.segments {
                let window = view.samples.filter { $0.time >= segment.decodeStart && $0.time <= segment.decodeEnd }
                let context = SegmentContext(segment: segment, layout: view.layout, motion: window, frameRate: rate)
                // A segment that fails is retried once with a fresh decoder, then reported; the run goes on.
                let began = Date().timeIntervalSince(clock)
                var failed = true
                defer {
                    Profile.shared.mark("seg\(segment.index)@lane\(ctx.lane)", from: clock.addingTimeInterval(began))
                    spans.add(SwarmTiming.SegmentSpan(segment: segment.index, agent: ctx.lane, start: began,
                                                      end: Date().timeIntervalSince(clock), videoStart: segment.start,
                                                      videoEnd: segment.end, failed: failed))
                }
                for attempt in 1...2 {
                    do {
                        ctx.step()   // the model call itself
                        out += try await model.analyse(segment: context, tools: attempt == 1 ? tools : tools.fresh())
                        analysed.increment()
                        failed = false
                        break
                    } catch is CancellationError where Task.isCancelled {
                        throw CancellationError()
                    } catch {
                        ctx.report(attempt == 1 ? .warning : .error,
                                   "segment \(segment.index) failed (\(error)); \(attempt == 1 ? "retrying" : "skipped")")
                        if attempt == 1 { retried.increment() } else { firstFailure.offer("\(error)") }
                    }
                }
                progress?("analysing: \(done.increment()) of \(total.map(String.init) ?? "\(streamedTotal.value)+") segments")
            }
            return out
        }
        // Stage 2 with a remote model (hybrid routing): its cost is seconds of waiting per call, not
        // decoding, so the orchestrator also cuts a fine plan — at every quiet moment and between
        // distinct actions — and each fine segment is a follower of its own: it goes to the remote
        // model (with the embedded observations it owns as a hint) the moment the embedded jobs
        // covering it end, while other embedded jobs — and the motion pass — are still running.
        // No stage waits for the whole embedded pass, nor for the whole motion pass.
        let firstCall = FirstMessage()
        let aggregator = stages.aggregator
        // Two embedded agents may both report one action (each its own reading); the remote
        // model is shown the one the aggregator would keep, and its answer keeps that
        // reading's segment, so the aggregator sees the same agents as without a model.
        @Sendable func readings(_ obs: [Observation]) -> [Observation] {
            aggregator.dedupe(obs.sorted { ($0.time, $0.segment) < ($1.time, $1.segment) })
        }
        @Sendable func context(_ segment: Segment, _ view: StreamedPlan.View) -> SegmentContext {
            let window = view.samples.filter { $0.time >= segment.decodeStart && $0.time <= segment.decodeEnd }
            return SegmentContext(segment: segment, layout: view.layout, motion: window, frameRate: rate)
        }
        let agentsStart = Date()
        var lanesOpen = false
        if stream != nil { lanes?.open(cores: laneCores); lanesOpen = true }
        defer { if lanesOpen { lanes?.close() } }
        // The followers' answers, with the hint they were given (renumbered once the plan is whole).
        async let pipelined: (first: StageResult<PipelineOutput>, then: StageResult<RefinedSegment>, chains: [Int])? = {
            guard let stream, let h = hybrid else { return nil }
            let remoteModel = h.remote
            // When every fine segment goes to the remote model (--model-all), what its request
            // needs besides the hint — key frames picked and encoded — is a job of its own that
            // starts at once, beside the embedded jobs, instead of work the call does after the
            // embedded jobs it waits for: that wait then ends in the call itself. (With hybrid
            // routing most segments stay local, so the frames are only made for those that go.)
            return await swarm.pipeline(feed: stream.feed, agent: { job, ctx in
                switch job {
                case .embedded(let j, let view):
                    return .observations(try await analyseJob(j, ctx, view, total: nil))
                case .prepare(_, let segment, let view):
                    let tools = SegmentTools(path: path, reader: reader, context: ctx, decoded: view.decoded)
                    return .prepared(try await remoteModel.prepare(segment: context(segment, view), tools: tools))
                }
            }, follower: { follow, outs, ctx in
                firstCall.offer(String(Date().timeIntervalSince(clock)))
                let segment = follow.segment
                let local = readings(outs.compactMap { $0?.observations }.flatMap { $0 }).filter { segment.owns($0.time) }
                let prepared = outs.lazy.compactMap { $0?.prepared }.first
                // The motion pass's frames again (no decoding), at the remote model's rate.
                let tools = SegmentTools(path: path, reader: reader, context: ctx, decoded: follow.view.decoded)
                ctx.step()
                do {
                    return RefinedSegment(answer: try await h.refine(segment: context(segment, follow.view), tools: tools, local: local, prepared: prepared),
                                          hint: local)
                } catch let e as ModelEndpointError where e.isFatal {
                    // A refused key or a wrong address: every other segment would fail the same way.
                    fatal.offer(e.description)
                    throw e
                }
            })
        }()
        let motion: MotionPass
        do {
            motion = try await Profile.shared.time("motion") { try await stages.motion(path, info, motionOptions) }
        } catch {
            handoff.offer(nil)   // the layout task must not wait for a frame that never comes
            stream?.abandon()
            _ = provisional?.settle(SegmentPlan(segments: [], cuts: []), frames: nil)
            throw error
        }
        handoff.offer(motion.firstFrame)   // (no-op when the pass handed it over already)
        diagnostics += motion.diagnostics
        let layoutWait = Date()
        let layout: ScreenLayout
        do { layout = try await layoutTask } catch {
            stream?.abandon()
            _ = provisional?.settle(SegmentPlan(segments: [], cuts: []), frames: nil)
            throw error
        }
        Profile.shared.stage("layout.after_motion", Date().timeIntervalSince(layoutWait))
        let decoded = motion.frames.map { DecodedRecording(frames: $0, info: info) }
        let passView = StreamedPlan.View(samples: motion.samples, decoded: decoded, layout: layout)
        let plan: SegmentPlan
        var finePlan: SegmentPlan?
        if let stream {
            let plans = await Profile.shared.time("plan") {
                stream.finish(motion, layout: layout, agents: options.agents, segmentJobs: decoded != nil && model is EmbeddedVisionModel) { _ in
                    (try? Probe.keyframeTimes(path: path)) ?? []
                }
            }
            plan = plans.coarse
            finePlan = plan.segments.isEmpty ? nil : plans.fine
            streamedTotal.add(plan.segments.count)
        } else {
            plan = await Profile.shared.time("plan") { stages.planner.plan(motion.samples, duration: info.duration) }
        }
        // The early agent reads on to the final decode end at once, or stops.
        let early = provisional?.settle(plan, frames: motion.frames)
        if ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_MOTION"] != nil {
            for m in motion.samples where m.isActive || m.pointerMoved {
                trace(String(format: "%@ %.3f px %d box ", m.isActive ? "active" : "pointer", m.time, m.contentPixels)
                      + (m.contentBox.map { "\($0)" } ?? "-") + (m.pointer.map { " pointer \($0)" } ?? ""))
            }
        }
        trace("motion pass + layout + plan: \(String(format: "%.2f", Date().timeIntervalSince(clock))) s, \(plan.segments.count) segments covering \(String(format: "%.1f", plan.segments.reduce(0) { $0 + $1.decodeEnd - $1.decodeStart })) s"
              + (stream?.streamedEarly == true ? " (streamed: jobs went out with the pass at \(stream!.streamedAt.map { String(format: "%.1f", $0) }.joined(separator: ", ")) s of video)" : ""))
        ledger.record("plan", orchestratorSteps: 3)
        let planEnd = Date().timeIntervalSince(clock)
        var analyseStart = planEnd
        let total = plan.segments.count
        // Stage 2 — sub-agents. Each takes a run of consecutive segments (as many runs as agents),
        // analysing them one by one with one decoder that moves forward between them instead of
        // seeking back to a keyframe for every segment.
        var result: StageResult<[Observation]>
        var modelUsage: ModelUsage?
        var observations: [Observation]
        var modelStart: Double?
        var jobs: [SwarmJob] = []
        if let stream, let h = hybrid, let piped = await pipelined, !plan.segments.isEmpty {
            // The jobs as they were added (embedded ones and frame jobs), in time order for merging.
            let added = stream.jobs
            let embeddedJobs = added.indices.filter { !added[$0].isEmpty }
            jobs = embeddedJobs.map { SwarmJob(segments: added[$0], preceding: []) }
            let order = embeddedJobs.sorted { added[$0][0].index < added[$1][0].index }
            // The embedded jobs' results as the stage without a model would have them; a frame job
            // that failed only costs its follower the frame work (it makes them itself).
            let position = Dictionary(uniqueKeysWithValues: embeddedJobs.enumerated().map { ($1, $0) })
            result = StageResult(outputs: embeddedJobs.map { piped.first.outputs[$0]?.observations },
                                 agentSteps: embeddedJobs.map { piped.first.agentSteps[$0] },
                                 diagnostics: piped.first.diagnostics.map { d in
                                     guard let j = d.segment, added.indices.contains(j) else { return d }
                                     var d = d
                                     if added[j].isEmpty {
                                         d.segment = added[..<j].filter(\.isEmpty).count
                                         d.message = "remote model (preparing the frames): " + d.message
                                     } else {
                                         d.segment = position[j]
                                     }
                                     return d
                                 },
                                 retries: piped.first.retries,
                                 // the embedded pass ends with its last segment, whatever the frame jobs do
                                 wallSeconds: spans.all.map(\.end).max().map { $0 - agentsStart.timeIntervalSince(clock) } ?? piped.first.wallSeconds)
            analyseStart = min(planEnd, spans.all.map(\.start).min() ?? planEnd)
            let aheadSteps = added.indices.filter { added[$0].isEmpty }.map { piped.first.agentSteps[$0] }
            @Sendable func renumbered(_ answer: [Observation], hint: [Observation]) -> [Observation] {
                answer.map { o in
                    var o = o
                    o.segment = hint.first { $0.kind == o.kind && abs($0.time - o.time) < 0.001 }?.segment
                        ?? plan.segments.first { $0.owns(o.time) }?.index ?? o.segment
                    return o
                }
            }
            let refined = piped.then
            let fp = finePlan ?? SegmentPlan(segments: [], cuts: [])
            modelStart = firstCall.value.flatMap(Double.init)
            if let f = fatal.value { throw AnalysisError.modelRefused(path: path, cause: f) }
            let local = readings(order.compactMap { piped.first.outputs[$0]?.observations }.flatMap { $0 })
            // Each span's observations: the refined ones, or the embedded ones where the follower
            // failed; in the first pass's segment numbering (the aggregator tells agents apart by it).
            let owned = Set(fp.segments.indices.flatMap { i in local.indices.filter { fp.segments[i].owns(local[$0].time) } })
            var merged = local.indices.filter { !owned.contains($0) }.map { local[$0] }
            for (i, seg) in fp.segments.enumerated() {
                merged += refined.outputs[i].map { renumbered($0.answer, hint: $0.hint) } ?? local.filter { seg.owns($0.time) }
            }
            observations = merged.sorted { ($0.time, $0.segment) < ($1.time, $1.segment) }
            diagnostics += result.diagnostics
            diagnostics += refined.diagnostics.map { var d = $0; d.message = "remote model: " + d.message; return d }
            // Kimi's count for a pipelined stage: the orchestrator's steps (dealing the jobs, the
            // fine plan) plus the longest chain — an embedded job, then a remote call that waited for it.
            ledger.record("analyse+model", orchestratorSteps: 2, chains: piped.chains,
                          agentSteps: result.agentSteps + aheadSteps + refined.agentSteps)
            var u = h.meter.report(name: h.remote.name, endpoint: h.remote.client.config.endpoint.absoluteString,
                                   routing: h.sendAll ? "all" : "hybrid")
            u.cuts = fp.cuts
            modelUsage = u
            trace("agents and remote calls done: \(String(format: "%.2f", Date().timeIntervalSince(clock))) s (embedded pass \(String(format: "%.2f", result.wallSeconds)) s)")
            Profile.shared.stage("agents", result.wallSeconds)
        } else {
            // Without a model (or nothing to analyse): the embedded jobs alone.
            _ = await pipelined
            let keyframes = await Profile.shared.time("keyframes") { plan.segments.count > 1 ? ((try? Probe.keyframeTimes(path: path)) ?? []) : [] }
            let start = Date()
            let runs = Self.jobs(of: plan.segments, agents: options.agents, keyframes: keyframes)
            // The runs fix which frames each segment sees (a decoder goes on from one segment to the
            // next). When the frames come from the motion pass and the model takes each segment's
            // frames in one call (the embedded model), a segment no longer needs its run's decoder:
            // every segment is a job of its own, told the windows before it in its run, and the jobs
            // are dealt longest first, which balances the agents far better than whole runs.
            jobs = decoded != nil && model is EmbeddedVisionModel
                ? Self.segmentJobs(runs)
                : runs.map { SwarmJob(segments: $0, preceding: []) }
            let order = jobs.indices.sorted { jobs[$0].segments[0].index < jobs[$1].segments[0].index }
            if !lanesOpen { lanes?.open(cores: laneCores); lanesOpen = true }
            // Fewer jobs than cores: a core is spare from the start; its engine starts there now.
            if laneCores >= 2, jobs.count < laneCores, hybrid == nil { pooled?.warm() }
            // The early agent's job (one segment, the last) is not dealt; the agent holds a lane.
            let earlyJob = early.flatMap { a in jobs.firstIndex { $0.segments.count == 1 && $0.segments[0].index == a.segment.index } }
            if early != nil, earlyJob == nil { provisional?.drop("its segment is not a job of its own") }
            early?.hold(earlyJob == nil ? nil : lanes)
            result = await Self.runJobs(jobs, skipping: earlyJob, swarm: swarm) { job, ctx in try await analyseJob(job, ctx, passView, total: total) }
            if let a = early, let j = earlyJob, let provisional {
                if let kept = await Self.earlyResult(a, job: jobs[j], decoded: decoded, path: path, provisional: provisional) {
                    result.outputs[j] = kept.observations
                    result.agentSteps[j] = kept.steps
                    analysed.increment()
                    Profile.shared.mark("seg\(a.segment.index)@early", from: clock.addingTimeInterval(kept.began))
                    spans.add(SwarmTiming.SegmentSpan(segment: a.segment.index, agent: 1, start: kept.began, end: kept.ended,
                                                      videoStart: a.segment.start, videoEnd: a.segment.end, failed: false))
                    progress?("analysing: \(done.increment()) of \(total) segments")
                } else {
                    // Its work does not stand: the job runs as it would have.
                    let again = await Self.runJobs([jobs[j]], skipping: nil, swarm: swarm) { job, ctx in try await analyseJob(job, ctx, passView, total: total) }
                    result.outputs[j] = again.outputs[0]
                    result.agentSteps[j] = again.agentSteps[0]
                    result.diagnostics += again.diagnostics.map { var d = $0; d.segment = d.segment.map { _ in j }; return d }
                    result.diagnostics.sort { ($0.segment ?? -1) < ($1.segment ?? -1) }
                    result.retries += again.retries
                }
            }
            trace("early agent: \(provisional.map { "\($0.launches) started" } ?? "none")"
                  + (early == nil ? ", none kept" : "") + (provisional?.dropped.map { "; dropped: " + $0 } ?? ""))
            await provisional?.drain()
            diagnostics += result.diagnostics
            observations = order.compactMap { result.outputs[$0] }.flatMap { $0 }
            trace("agents done: \(String(format: "%.2f", Date().timeIntervalSince(clock))) s")
            Profile.shared.stage("agents", Date().timeIntervalSince(start))
            ledger.record("analyse", orchestratorSteps: 1, agentSteps: result.agentSteps)
        }
        let analyseEnd = hybrid != nil && !plan.segments.isEmpty ? agentsStart.timeIntervalSince(clock) + result.wallSeconds : Date().timeIntervalSince(clock)
        let modelEnd = Date().timeIntervalSince(clock)
        if let u = modelUsage {
            for s in u.segments { if let f = s.fallback {
                diagnostics.append(Diagnostic(.warning, "segment \(s.segment): the remote model failed (\(f)); the embedded model's observations were kept", segment: s.segment))
            } }
            if u.segmentsRouted > 0, u.fallbacks == u.segmentsRouted, let first = u.segments.first(where: { $0.fallback != nil })?.fallback {
                diagnostics.append(Diagnostic(.error, "the remote model (\(u.name)) failed on all \(u.fallbacks) segment(s) sent to it (\(first)); the embedded model's observations were used"))
            }
        }
        // Every segment failed (a model endpoint that cannot be reached, say): there is nothing to
        // aggregate, and an empty script would hide it.
        if total > 0, analysed.value == 0 {
            throw AnalysisError.everySegmentFailed(path: path, model: model.name, segments: total,
                                                   cause: firstFailure.value ?? result.diagnostics.last?.message ?? "unknown")
        }
        // Stage 3 — aggregator.
        let (actions, aggDiagnostics) = await Profile.shared.time("aggregate") { stages.aggregator.aggregate(observations, layout: layout) }
        diagnostics += aggDiagnostics
        ledger.record("aggregate", orchestratorSteps: 1)
        let end = Date().timeIntervalSince(clock)
        func ms(_ t: Double) -> Double { (t * 1000).rounded() / 1000 }
        let timing = SwarmTiming(
            stages: [.init(name: "plan", start: 0, end: ms(planEnd)), .init(name: "analyse", start: ms(analyseStart), end: ms(analyseEnd))]
                + (hybrid != nil ? [.init(name: "model", start: ms(modelStart ?? analyseEnd), end: ms(modelEnd))] : [])
                + [.init(name: "aggregate", start: ms(modelEnd), end: ms(end))],
            segments: spans.all.sorted { ($0.start, $0.segment) < ($1.start, $1.segment) }.map {
                var s = $0; s.start = ms(s.start); s.end = ms(s.end); s.videoStart = ms(s.videoStart); s.videoEnd = ms(s.videoEnd); return s
            })
        // A remote plan that stayed below its minimum parallelism says why (what no cut could split).
        let shortfall = finePlan.flatMap { fine.parallelismShortfall($0, motion.samples, sampleInterval: SegmentPlanner.sampleInterval(motion.samples)) }
        let report = SwarmReport(segments: plan.segments.count, agents: min(options.agents, jobs.count + (finePlan?.segments.count ?? 0) * (hybrid?.sendAll == true ? 2 : 1)),
                                 totalSteps: ledger.totalSteps, criticalSteps: ledger.criticalSteps,
                                 wallSeconds: ms(end),
                                 retries: result.retries + retried.value, cuts: plan.cuts, timing: timing,
                                 planning: finePlan.map { fp in
                                     (fineHints
                                        ? String(format: "embedded hints: %d segments, the remote plan's own (--model-all: each call's hint comes from a short embedded job on its own segment, not from a coarse segment's long job that every call inside it waited for)", plan.segments.count)
                                        : String(format: "embedded pass: %d segments cut where decoding pays (close bursts share one)", plan.segments.count))
                                     + String(format: "; remote model: %d segments, cut at every quiet moment of at least %.1f s and between distinct actions (the pointer moved and the change moved elsewhere after a pause of at least %.2f s; bursts over %.0f s split), one follower each, sent as soon as the embedded segments it overlaps are analysed",
                                            fp.segments.count, stages.planner.minQuiet, stages.planner.actionGap, min(stages.planner.maxSpan, stages.planner.fineMaxSpan))
                                        + (hybrid?.sendAll == true ? " (its key frames encoded beforehand, beside the embedded pass)" : "")
                                        + ", so the calls run at once and overlap the embedded pass (model.cuts); both plans streamed: a segment goes out as soon as the motion pass has passed the quiet moment that makes it final"
                                        + { () -> String in
                                            let added = fp.cuts.filter { $0.reason.hasPrefix("parallelism") }.count
                                            guard added > 0 else { return "" }
                                            return String(format: "; minimum parallelism: the remote plan had %d segments, fewer than %d, so its longest bursts were split between actions (a lull where the pointer or the change moved) into %d more, one more request each",
                                                          fp.segments.count - added, fine.minSegments, added)
                                        }()
                                        + (shortfall.map { "; " + $0 } ?? "")
                                 },
                                 model: modelUsage)
        let vp = layout.viewport
        return ActionTimeline(source: info, viewport: Viewport(x: vp.x, y: vp.y, width: vp.width, height: vp.height,
                                                               deviceScale: ChromeDetector.deviceScale(layout)),
                              startURL: layout.startURL, actions: actions, diagnostics: diagnostics, swarm: report)
    }

    /// `jobs` on the swarm, all but job `skipping` (run elsewhere): the result indexed as `jobs`
    /// (the skipped job's output nil, its steps 0; diagnostics name the jobs' indices in `jobs`).
    static func runJobs(_ jobs: [SwarmJob], skipping: Int?, swarm: Swarm,
                        agent: @escaping @Sendable (SwarmJob, AgentContext) async throws -> [Observation]) async -> StageResult<[Observation]> {
        guard let skipping else { return await swarm.run(jobs, agent: agent) }
        let rest = jobs.indices.filter { $0 != skipping }
        let r = await swarm.run(rest.map { jobs[$0] }, agent: agent)
        var outputs = [[Observation]?](repeating: nil, count: jobs.count), steps = [Int](repeating: 0, count: jobs.count)
        for (k, i) in rest.enumerated() { outputs[i] = r.outputs[k]; steps[i] = r.agentSteps[k] }
        let diagnostics = r.diagnostics.map { d in var d = d; d.segment = d.segment.map { rest.indices.contains($0) ? rest[$0] : $0 }; return d }
        return StageResult(outputs: outputs, agentSteps: steps, diagnostics: diagnostics, retries: r.retries, wallSeconds: r.wallSeconds)
    }

    /// The early agent's result when it stands (`ProvisionalAgent`): it ended without an error,
    /// made one frame request, and was handed exactly the frames `job` would have been handed
    /// (its preceding windows included) — else nil, and why is kept for the trace.
    static func earlyResult(_ a: ProvisionalAgent.Attempt, job: SwarmJob, decoded: DecodedRecording?, path: String,
                            provisional: ProvisionalAgent) async -> ProvisionalAgent.Outcome? {
        guard let task = a.task else { return nil }
        let outcome: ProvisionalAgent.Outcome
        switch await task.value {
        case .success(let o): outcome = o
        case .failure(let e): provisional.drop("it failed (\(e))"); return nil
        }
        guard let request = outcome.request, let decoded else { provisional.drop("not one frame request"); return nil }
        let segment = job.segments[0]
        let expected = await StoreDecoder(path: path, decoded: decoded, preceding: job.preceding.map { ($0.decodeStart, $0.decodeEnd) })
            .indices(from: segment.decodeStart, to: segment.decodeEnd, fps: request.fps)
        guard expected == outcome.delivered else { provisional.drop("its frames are not the job's"); return nil }
        return outcome
    }

    /// A follower's answer with the hint it was given (renumbered once the plan is whole).
    struct RefinedSegment: Sendable {
        var answer: [Observation]
        var hint: [Observation]
    }

    /// What a job of the pipelined stage gives (`StreamedPlan.Job`).
    enum PipelineOutput: Sendable {
        case observations([Observation])
        case prepared(RemoteVisionModel.PreparedSegment)
        var observations: [Observation]? { if case .observations(let o) = self { return o }; return nil }
        var prepared: RemoteVisionModel.PreparedSegment? { if case .prepared(let p) = self { return p }; return nil }
    }

    /// One sub-agent's job: segments analysed in order by one agent, after a decoder went through
    /// the decode windows of `preceding` (the segments before them in their run).
    struct SwarmJob: Sendable {
        var segments: [Segment]
        var preceding: [Segment]
    }

    /// Every segment of `runs` as a job of its own (knowing the segments before it in its run),
    /// the longest decode window first (longest-processing-time first onto the agents).
    static func segmentJobs(_ runs: [[Segment]]) -> [SwarmJob] {
        let jobs = runs.flatMap { run in run.indices.map { SwarmJob(segments: [run[$0]], preceding: Array(run[..<$0])) } }
        func length(_ j: SwarmJob) -> Double { j.segments[0].decodeEnd - j.segments[0].decodeStart }
        return jobs.sorted { (length($0), -$0.segments[0].index) > (length($1), -$1.segments[0].index) }
    }

    /// The swarm's jobs: runs of consecutive segments that one decoder goes through without
    /// seeking (the gaps between them are short), dealt to the agents as they free up, the
    /// costliest first (longest-processing-time first). A run's cost counts the decoding it needs:
    /// its windows, plus its gaps and the stretch from the keyframe before its first window, which
    /// cost about half as much (frames nothing refers to are skipped there). When splitting the
    /// runs into single segments balances the agents better despite the extra seeks, it does that.
    /// With no more jobs than agents they stay in time order.
    static func jobs(of segments: [Segment], agents: Int, keyframes: [Double]) -> [[Segment]] {
        guard !segments.isEmpty else { return [] }
        let skipCost = 0.5
        func cost(_ run: [Segment]) -> Double {
            let first = run[0].decodeStart
            let key = keyframes.last { $0 <= first + 1e-6 } ?? (keyframes.isEmpty ? max(0, first - 2) : 0)
            var c = skipCost * (first - key)
            for (i, s) in run.enumerated() {
                c += max(0.1, s.decodeEnd - s.decodeStart)
                if i > 0 { c += skipCost * max(0, s.decodeStart - run[i - 1].decodeEnd) }
            }
            return c
        }
        var chained: [[Segment]] = [[segments[0]]]
        for s in segments.dropFirst() {
            let last = chained[chained.count - 1].last!
            let gap = s.decodeStart - last.decodeEnd
            if gap >= 0 && gap <= ForwardDecoder.continueWithin { chained[chained.count - 1].append(s) } else { chained.append([s]) }
        }
        let single = segments.map { [$0] }
        // Longest-processing-time first onto `agents` agents: the finishing time of the last.
        func makespan(_ jobs: [[Segment]]) -> Double {
            var load = [Double](repeating: 0, count: max(1, agents))
            for c in jobs.map(cost).sorted(by: >) { load[load.indices.min { load[$0] < load[$1] }!] += c }
            return load.max()!
        }
        let best = makespan(single) < makespan(chained) * 0.97 ? single : chained
        if best.count <= agents { return best }
        return best.indices.sorted { (cost(best[$0]), -$0) > (cost(best[$1]), -$1) }.map { best[$0] }
    }

    /// The default motion pass: every frame decoded once into a small gray rendition, fed to
    /// `MotionAnalyzer`, and its luma plane kept (`DecodedFrames`, within `frameStoreBudget`) so
    /// the sub-agents need not decode again; the layout's full-size frame is rebuilt from it.
    ///
    /// When the recording has keyframes to start from, the decoding is split into chunks that
    /// begin at keyframes, decoded at once by one single-threaded decoder per core (at most
    /// `options.agents`; each inside
    /// its own child task), and fed to the analyzer in order: on 2 cores that is faster than
    /// FFmpeg's frame threads, and every frame is decoded exactly once. Chunk `k` delivers the
    /// frames presented in `[keyframe k, keyframe k+1)`, so the analyzer sees exactly the frames
    /// of one pass straight through.
    @Sendable public static func motionPass(path: String, info: MediaInfo, options: AnalysisOptions) async throws -> MotionPass {
        let w = info.displayWidth
        let sw = max(64, Int(Double(w) * options.motionScale) / 2 * 2)
        let rendition = Rendition(width: sw, format: .gray8)
        // One decoder per core, but no more than the agents allowed (`--agents 1` runs on one
        // core throughout, as `batch --jobs` expects of its recordings).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(cores, options.agents))
        let budget = FrameStoreBudget(bytes: frameStoreBudget)
        let (_, sh) = rendition.size(forSourceWidth: info.displayWidth, height: info.displayHeight)
        let chunks = await Profile.shared.time("motion.keyframes") { motionChunks(path: path, info: info, frameBytes: sw * sh, workers: workers) }
        if chunks.count > 1 {
            do {
                var pass = try await chunkedMotionPass(path: path, info: info, options: options, rendition: rendition,
                                                       chunks: chunks, workers: workers, budget: budget)
                if pass.firstFrame == nil {
                    pass.firstFrame = try await Profile.shared.time("motion.first_frame") { try firstFrame(path: path, decoded: pass.frames, info: info) }
                }
                return pass
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                trace("chunked motion pass failed (\(error)); decoding straight through")
            }
        }
        let recorder = LumaRecorder(budget: budget)
        let reader = try VideoReader(path: path, renditions: [rendition], threads: workers >= cores ? 0 : workers, recorder: recorder)
        var feeder = MotionFeeder(info: info, scale: Double(w) / Double(sw), progress: options.progress)
        var reported = 0.0, shared = -Double.infinity
        // The layout's frame is handed over as soon as it is decoded (as the chunked pass does):
        // when the plan is streamed, batches wait for the layout; otherwise the layout runs beside
        // the rest of the pass on the core FFmpeg's frame threads leave, instead of after it.
        // (Not with one decoder thread: `--agents 1` runs the pass, then the layout, on one core.)
        var handOver = options.firstFrameReady != nil && (options.passProgress != nil || workers > 1), tries = 0
        while let f = try reader.next() {
            feeder.feed(time: f.time, image: f.images[0])
            if handOver, f.time >= 0.45, tries < 8 {
                tries += 1
                if let first = try? firstFrame(inFirstChunk: recorder.snapshot(), info: info) {
                    handOver = false
                    options.firstFrameReady?(first)
                }
            }
            if let hook = options.passProgress, f.time - reported >= 1 {
                reported = f.time
                hook(MotionPass(samples: feeder.samples, firstFrame: nil, diagnostics: [],
                                frames: DecodedFrames(chunks: [recorder.snapshot()])))
            }
            if let hook = options.straightThroughProgress, f.time - shared >= Self.straightThroughInterval {
                shared = f.time
                hook(MotionPass(samples: feeder.samples, firstFrame: nil, diagnostics: [],
                                frames: DecodedFrames(chunks: [recorder.snapshot()])))
            }
        }
        let frames = DecodedFrames(chunks: [recorder.finish()])
        Profile.shared.store(bytes: frames.bytes, stored: frames.storedCount, frames: frames.times.count)
        let first = try await Profile.shared.time("motion.first_frame") { try firstFrame(path: path, decoded: frames, info: info) }
        return MotionPass(samples: feeder.finish(), firstFrame: first, diagnostics: reader.diagnostics, frames: frames)
    }

    /// Seconds of video between two reports of a pass that decodes straight through
    /// (`AnalysisOptions.straightThroughProgress`): an early agent waits at most this much video
    /// for its next frames; each report copies the frame store's index (a few hundred KB).
    static let straightThroughInterval = 0.25

    /// Chunk boundaries for the parallel motion pass: `[start, end)` in seconds, starting at
    /// keyframes, at least a few seconds long; empty when splitting does not pay (too short, or
    /// the longest chunk would leave a core idle longer than frame threads cost) or the chunks
    /// held at once would take too much memory (long keyframe intervals).
    static func motionChunks(path: String, info: MediaInfo, frameBytes: Int, workers: Int) -> [(start: Double, end: Double?)] {
        guard workers > 1, info.duration > 4, let keys = try? Probe.keyframeTimes(path: path) else { return [] }
        return motionChunks(keyframes: keys, duration: info.duration, frameRate: info.frameRate, frameBytes: frameBytes, workers: workers)
    }

    /// `motionChunks(path:info:frameBytes:workers:)` on the recording's keyframe times.
    static func motionChunks(keyframes keys: [Double], duration: Double, frameRate: Double, frameBytes: Int,
                             workers: Int) -> [(start: Double, end: Double?)] {
        guard workers > 1, duration > 4 else { return [] }
        let target = max(2.0, duration / Double(workers * 4))
        var starts = [0.0]
        for k in keys where k - starts[starts.count - 1] >= target && duration - k >= 1 { starts.append(k) }
        guard starts.count > 1 else { return [] }
        let bounds = starts + [max(duration, starts[starts.count - 1])]
        let rate = frameRate > 0 ? frameRate : 30
        // The analyzer takes chunks in order, so up to `workers + 2` of them are held at once:
        // at most the `workers + 2` longest (all of them when there are no more), not the longest
        // that many times (which sent 1440p recordings of three chunks to one decoder).
        let held = zip(bounds, bounds.dropFirst()).map { $1 - $0 }.sorted(by: >).prefix(workers + 2).reduce(0, +)
        guard held * rate * Double(frameBytes) <= Self.motionChunkBudget else { return [] }
        // The chunks end no sooner than the longest one, decoded alone by one thread (the last
        // chunks share the cores and end together, so otherwise about when an even share would).
        // FFmpeg's frame threads spread one decoder over the cores for about a quarter more CPU
        // per frame: when the longest chunk is more than that over an even share (a recording
        // just past one keyframe interval: 8.3 s + 2.5 s), one frame-threaded decoder ends sooner.
        let longest = zip(bounds, bounds.dropFirst()).map { $1 - $0 }.max() ?? 0
        guard longest <= Self.frameThreadCost * duration / Double(workers) else { return [] }
        return starts.indices.map { (starts[$0], $0 + 1 < starts.count ? starts[$0 + 1] : nil) }
    }

    /// Whether the parallel motion pass starts decoding chunk `launched` now, with `running` chunks
    /// decoding and chunk `next` the first not yet fed to the analyzer (see `chunkedMotionPass`):
    /// one decoder per core, at most `workers + 2` chunks from `next` on decoding or held, and
    /// the last `workers + 2` chunks or fewer all at once (they share the cores and end together).
    static func launchesChunk(launched: Int, running: Int, next: Int, count: Int, workers: Int) -> Bool {
        guard launched < count, launched <= next + workers + 1 else { return false }
        return running < (running + count - launched <= workers + 2 ? workers + 2 : workers)
    }

    /// CPU per frame of FFmpeg's frame-threaded decoding over one thread's (measured with
    /// `ffmpeg -threads 0` and `-threads 1 -f null` on 800p, 1080p and 1440p recordings: 1.21–1.34).
    static let frameThreadCost = 1.25

    /// Bytes of small gray frames the parallel motion pass may hold at once.
    static let motionChunkBudget = 160.0 * 1024 * 1024

    /// Bytes of luma planes the motion pass keeps for the sub-agents (`DecodedFrames`); frames
    /// past it are decoded again by the agents that need them.
    static let frameStoreBudget = 128 * 1024 * 1024

    private struct MotionChunk: Sendable {
        var times: [Double]
        var images: [Image]
        var diagnostics: [Diagnostic]
        var luma: LumaChunk?
        /// The layout's first frame (first chunk only, when it holds it).
        var first: Image?
    }

    private static func chunkedMotionPass(path: String, info: MediaInfo, options: AnalysisOptions, rendition: Rendition,
                                          chunks: [(start: Double, end: Double?)], workers: Int,
                                          budget: FrameStoreBudget) async throws -> MotionPass {
        let clock = Date()
        var feeder = MotionFeeder(info: info, scale: Double(info.displayWidth) / Double(rendition.width ?? info.displayWidth),
                                  progress: options.progress)
        var diagnostics: [Diagnostic] = []
        var luma: [LumaChunk] = []
        var first: Image?
        // When more chunks decode than there are cores (the last few), the ones with the most work
        // left go on and the others wait at their yields, so they end together; a decoder keeps its
        // core until a waiting one has clearly more work left (`MotionChunkShares`).
        // Not when the plan is streamed (a remote model): its first chunks are fed, and their
        // segments sent, as soon as each ends, so there the shorter ones keep ending first.
        let shares = options.passProgress == nil ? MotionChunkShares(cores: ProcessInfo.processInfo.activeProcessorCount, chunks: chunks.count) : nil
        try await withThrowingTaskGroup(of: (Int, MotionChunk).self) { group in
            var launched = 0, running = 0
            var ready: [Int: MotionChunk] = [:]
            for c in chunks.indices {
                while ready[c] == nil {
                    // One decoder per core, and at most `workers + 2` chunks from `c` on decoding
                    // or held (memory). The last few chunks — when no more than `workers + 2` are
                    // left — all decode at once (each task yields every 16 frames, so they share
                    // the cores and end together): three chunks of equal length end after 1.5
                    // chunks' time on 2 cores, where one decoder per core would leave the third
                    // alone on one core at the end.
                    while launchesChunk(launched: launched, running: running, next: c, count: chunks.count, workers: workers) {
                        let i = launched, range = chunks[i]
                        group.addTask {
                            let chunkStart = Date()
                            defer { Profile.shared.mark("chunk\(i)", from: chunkStart) }
                            // The reader lives and dies inside this child task; only images leave it.
                            let recorder = LumaRecorder(budget: budget)
                            let reader = try VideoReader(path: path, renditions: [rendition],
                                                         sampling: FrameSampling(start: range.start, end: range.end), threads: 1,
                                                         recorder: recorder)
                            var chunk = MotionChunk(times: [], images: [], diagnostics: [])
                            // The layout's frame lies half a second into the first chunk: it is
                            // handed over as soon as it is decoded (rebuilt from what the recorder
                            // kept so far), and the decoders yield now and then so the layout's
                            // task gets a thread while they still work.
                            var handOver = i == 0 && options.firstFrameReady != nil
                            var tries = 0
                            let end = range.end ?? max(info.duration, range.start)
                            var progress = MotionChunkShares.Progress(videoLeft: end - range.start)
                            var resumed = MotionChunkShares.threadCPU()
                            shares?.update(i, progress)
                            defer { shares?.finish(i) }
                            while let f = try reader.next() {
                                chunk.times.append(f.time); chunk.images.append(f.images[0])
                                if handOver, f.time >= 0.45, tries < 8 {
                                    tries += 1
                                    if let first = try? firstFrame(inFirstChunk: recorder.snapshot(), info: info) {
                                        handOver = false
                                        chunk.first = first
                                        options.firstFrameReady?(first)
                                    }
                                }
                                if chunk.times.count % MotionChunkShares.yieldFrames == 0 {
                                    if let shares {
                                        progress.videoLeft = end - f.time; progress.videoDone = f.time - range.start
                                        progress.frames = chunk.times.count
                                        progress.cpu += MotionChunkShares.threadCPU() - resumed
                                        shares.update(i, progress)
                                    }
                                    await Task.yield()
                                    // (The first chunk hands the layout its frame before it waits.)
                                    if let shares, !handOver, !shares.mayDecode(i) { await shares.turn(i) }
                                    resumed = MotionChunkShares.threadCPU()
                                }
                            }
                            chunk.diagnostics = reader.diagnostics
                            chunk.luma = recorder.finish()
                            if handOver, let luma = chunk.luma, let first = try? firstFrame(inFirstChunk: luma, info: info) {
                                chunk.first = first
                                options.firstFrameReady?(first)
                            }
                            return (i, chunk)
                        }
                        launched += 1; running += 1
                    }
                    guard let (i, chunk) = try await group.next() else { break }
                    running -= 1
                    ready[i] = chunk
                }
                guard let chunk = ready.removeValue(forKey: c) else { break }
                let feedStart = Date()
                defer { Profile.shared.mark("feed\(c)", from: feedStart) }
                for (t, image) in zip(chunk.times, chunk.images) { feeder.feed(time: t, image: image) }
                diagnostics += chunk.diagnostics
                if let l = chunk.luma { luma.append(l) }
                if c == 0 { first = chunk.first }
                if let hook = options.passProgress, c + 1 < chunks.count, luma.count == c + 1 {
                    hook(MotionPass(samples: feeder.samples, firstFrame: nil, diagnostics: [], frames: DecodedFrames(chunks: luma)))
                }
            }
        }
        trace(String(format: "motion pass: %d chunks on %d decoders, %.2f s", chunks.count, workers, Date().timeIntervalSince(clock)))
        let frames = DecodedFrames(chunks: luma)
        Profile.shared.store(bytes: frames.bytes, stored: frames.storedCount, frames: frames.times.count)
        return MotionPass(samples: feeder.finish(), firstFrame: first, diagnostics: diagnostics, frames: frames)
    }

    /// The first frame at full size (gray), after the first half second when the page may still
    /// be painting: the second frame sampled at 2 per second. Rebuilt from `decoded` when it holds it.
    static func firstFrame(path: String, decoded: DecodedFrames?, info: MediaInfo) throws -> Image? {
        if let decoded {
            var sampler = FrameSlotSampler(times: decoded.times)
            sampler.open(at: 0, fps: 2)
            var pick: Int?
            for _ in 0..<2 { if let i = sampler.next() { pick = i } }
            if let i = pick, decoded.isStored(i) {
                return try StoredFrameReader(frames: decoded, info: info).image(at: i)
            }
        }
        return try firstFrame(path: path)
    }

    /// The frame `firstFrame(path:decoded:info:)` picks, taken from the first chunk of the
    /// motion pass alone, or the part of it decoded so far (its frames are the first ones of the
    /// whole pass, so the pick is the same once it holds both of the sampler's frames); nil when
    /// it does not hold them yet.
    static func firstFrame(inFirstChunk chunk: LumaChunk, info: MediaInfo) throws -> Image? {
        let decoded = DecodedFrames(chunks: [chunk])
        var sampler = FrameSlotSampler(times: decoded.times)
        sampler.open(at: 0, fps: 2)
        guard sampler.next() != nil, let i = sampler.next(), decoded.isStored(i) else { return nil }
        return try StoredFrameReader(frames: decoded, info: info).image(at: i)
    }

    /// The first frame decoded from the file (see `firstFrame(path:decoded:info:)`).
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

/// Feeds frames to `MotionAnalyzer` in order, collecting samples and reporting progress.
struct MotionFeeder {
    private var analyzer: MotionAnalyzer
    /// The samples so far, in time order.
    private(set) var samples: [MotionSample] = []
    private let duration: Double
    private let progress: (@Sendable (String) -> Void)?
    private var lastReport = Date()
    private var lastTime = -Double.infinity

    init(info: MediaInfo, scale: Double, progress: (@Sendable (String) -> Void)?) {
        analyzer = MotionAnalyzer(scale: scale)
        duration = info.duration; self.progress = progress
        samples.reserveCapacity(max(16, info.frameCount))
    }

    mutating func feed(time: Double, image: Image) {
        let t = max(time, lastTime)   // never backwards, as one reader straight through would give
        lastTime = t
        if let s = analyzer.feed(time: t, image: image) { samples.append(s) }
        if let p = progress, Date().timeIntervalSince(lastReport) > 0.25, duration > 0 {
            lastReport = Date()
            p("motion pass: \(Int(100 * min(1, t / duration)))%")
        }
    }

    mutating func finish() -> [MotionSample] {
        if let s = analyzer.finish() { samples.append(s) }
        return samples
    }
}

/// Timing lines on stderr when `VID2AUTO_DEBUG` is set.
func trace(_ s: @autoclosure () -> String) {
    guard ProcessInfo.processInfo.environment["VID2AUTO_DEBUG"] != nil else { return }
    FileHandle.standardError.write(Data(("vid2auto: " + s() + "\n").utf8))
}

/// A thread-safe counter for progress reports.
/// The first of several messages offered from concurrent tasks.
final class FirstMessage: @unchecked Sendable {
    // Invariant: `message` is only touched under `lock`.
    private let lock = NSLock()
    private var message: String?
    func offer(_ m: String) { lock.lock(); if message == nil { message = m }; lock.unlock() }
    var value: String? { lock.lock(); defer { lock.unlock() }; return message }
}

/// An analysis that produced nothing usable.
public enum AnalysisError: Error, Sendable, CustomStringConvertible {
    /// The vision model failed on every segment (each tried twice).
    case everySegmentFailed(path: String, model: String, segments: Int, cause: String)
    /// The remote model refused the key or does not exist at the address: nothing it would answer.
    case modelRefused(path: String, cause: String)
    public var description: String {
        switch self {
        case let .modelRefused(path, cause): "\(path): \(cause)"
        case let .everySegmentFailed(path, model, segments, cause):
            "\(path): the vision model (\(model)) failed on every segment (\(segments)): \(cause)"
        }
    }
}

/// The layout's first frame, passed from the motion pass (whichever task has it first) to the
/// layout task waiting for it. The first offer wins; later ones are ignored.
/// Invariant (for `@unchecked Sendable`): `offered`, `value` and `waiters` only under `lock`.
final class FirstFrameHandoff: @unchecked Sendable {
    private let lock = NSLock()
    private var offered = false
    private var value: Image?
    private var waiters: [CheckedContinuation<Image?, Never>] = []

    func offer(_ image: Image?) {
        lock.lock()
        guard !offered else { lock.unlock(); return }
        offered = true; value = image
        let ws = waiters; waiters = []
        lock.unlock()
        for w in ws { w.resume(returning: image) }
    }

    /// The frame, once offered (nil when the pass had none).
    func frame() async -> Image? {
        await withCheckedContinuation { c in
            lock.lock()
            if offered { let v = value; lock.unlock(); c.resume(returning: v); return }
            waiters.append(c)
            lock.unlock()
        }
    }
}

/// Segment spans recorded by concurrent agents.
final class SpanCollector: @unchecked Sendable {
    // Invariant: `spans` is only touched under `lock`.
    private let lock = NSLock()
    private var spans: [SwarmTiming.SegmentSpan] = []
    func add(_ s: SwarmTiming.SegmentSpan) { lock.lock(); spans.append(s); lock.unlock() }
    var all: [SwarmTiming.SegmentSpan] { lock.lock(); defer { lock.unlock() }; return spans }
}

final class Counter: @unchecked Sendable {
    // Invariant: `n` is only touched under `lock`.
    private let lock = NSLock()
    private var n = 0
    @discardableResult func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
    func add(_ k: Int) { lock.lock(); n += k; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
