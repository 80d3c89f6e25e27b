import Foundation
import ScreenCore

/// What one sub-agent is given besides its job: a step counter (every tool call or model call is
/// a step) and a place for diagnostics. One per agent attempt; never shared between agents.
public final class AgentContext: @unchecked Sendable {
    // Invariant: all mutable state is guarded by `lock`.
    private let lock = NSLock()
    private var _steps = 0
    private var _diagnostics: [Diagnostic] = []
    /// The job's index in the stage.
    public let job: Int
    /// 1 for the first attempt, 2 for the retry.
    public let attempt: Int
    /// Which of the at most `agents` concurrent agents runs the job (0-based): a job started when
    /// another finishes takes its lane, so lanes are what a chart of the swarm over time shows.
    public let lane: Int

    /// The context of job `job` (its index in the stage) on lane `lane`; the swarm makes one per
    /// attempt, and an orchestrator that runs a job outside `run` (an agent started early) its own.
    public init(job: Int, attempt: Int, lane: Int = 0) { self.job = job; self.attempt = attempt; self.lane = lane }

    /// Counts `n` steps (tool or model calls).
    public func step(_ n: Int = 1) { lock.lock(); _steps += n; lock.unlock() }
    /// Records a diagnostic for this job.
    public func report(_ severity: Diagnostic.Severity, _ message: String) {
        lock.lock(); _diagnostics.append(Diagnostic(severity, message, segment: job)); lock.unlock()
    }
    public var steps: Int { lock.lock(); defer { lock.unlock() }; return _steps }
    public var diagnostics: [Diagnostic] { lock.lock(); defer { lock.unlock() }; return _diagnostics }
}

/// A sub-agent ran out of time.
public struct AgentTimeout: Error, CustomStringConvertible, Sendable {
    public let seconds: Double
    public var description: String { "timed out after \(String(format: "%.1f", seconds)) s" }
}

/// The outcome of one parallel stage.
public struct StageResult<Output: Sendable>: Sendable {
    /// One entry per job, nil where the job failed twice.
    public var outputs: [Output?]
    /// Steps of each job's successful (or last) attempt.
    public var agentSteps: [Int]
    public var diagnostics: [Diagnostic]
    public var retries: Int
    public var wallSeconds: Double
    public init(outputs: [Output?], agentSteps: [Int], diagnostics: [Diagnostic], retries: Int, wallSeconds: Double) {
        self.outputs = outputs; self.agentSteps = agentSteps; self.diagnostics = diagnostics
        self.retries = retries; self.wallSeconds = wallSeconds
    }
    /// The longest sub-agent's steps: this stage's share of the critical path.
    public var longestAgentSteps: Int { agentSteps.max() ?? 0 }
    public var totalAgentSteps: Int { agentSteps.reduce(0, +) }
}

/// Runs independent jobs on up to `agents` sub-agents at once (structured concurrency: one task
/// group), each with its own context, a time limit and one retry. A failed job yields a
/// diagnostic and a nil output; the stage goes on.
public struct Swarm: Sendable {
    public let agents: Int
    public let timeout: Double?
    public let retries: Int

    /// `agents` is clamped to 1…100.
    public init(agents: Int = ProcessInfo.processInfo.activeProcessorCount, timeout: Double? = nil, retries: Int = 1) {
        self.agents = min(100, max(1, agents)); self.timeout = timeout; self.retries = max(0, retries)
    }

    /// Runs `agent` on every job, at most `agents` at a time, and gathers outputs in job order.
    public func run<Job: Sendable, Output: Sendable>(
        _ jobs: [Job], agent: @escaping @Sendable (Job, AgentContext) async throws -> Output
    ) async -> StageResult<Output> {
        let start = Date()
        var outputs = [Output?](repeating: nil, count: jobs.count)
        var steps = [Int](repeating: 0, count: jobs.count)
        var diagnostics: [Diagnostic] = []
        var retried = 0
        let timeout = self.timeout, retries = self.retries
        await withTaskGroup(of: (Int, Output?, Int, [Diagnostic], Int).self) { group in
            var next = 0
            var lanes = [Int](repeating: 0, count: jobs.count)
            var freeLanes: [Int] = []
            func launch(_ i: Int) {
                let job = jobs[i]
                let lane = freeLanes.isEmpty ? i : freeLanes.removeFirst()
                lanes[i] = lane
                group.addTask {
                    let (out, s, d, r) = await Self.attempts(retries: retries, timeout: timeout, job: i, lane: lane) { ctx in
                        try await agent(job, ctx)
                    }
                    return (i, out, s, d, r)
                }
            }
            while next < min(agents, jobs.count) { launch(next); next += 1 }
            for await (i, out, s, d, r) in group {
                outputs[i] = out; steps[i] = s; diagnostics += d; retried += r
                freeLanes.append(lanes[i])
                if next < jobs.count { launch(next); next += 1 }
            }
        }
        diagnostics.sort { ($0.segment ?? -1) < ($1.segment ?? -1) }
        return StageResult(outputs: outputs, agentSteps: steps, diagnostics: diagnostics, retries: retried,
                           wallSeconds: Date().timeIntervalSince(start))
    }

    /// Two kinds of jobs in one task group, the second depending on the first: `follow[k]` waits
    /// for the jobs `waitsFor[k]` and starts the moment the last of them ends (succeeded or
    /// failed), given their outputs in that order, so followers of early jobs run while later
    /// jobs are still at work — no stage boundary that every follower waits for. At most
    /// `agents` jobs of either kind run at once; a follower ready to start goes before a
    /// first-kind job not yet started (followers are the ones that wait on something slow, a
    /// remote model, so they are started as early as possible). Each job has the time limit and
    /// retries of `run`. A follower that waits for nothing starts at once.
    public func pipeline<Job: Sendable, Output: Sendable, Follow: Sendable, FollowOutput: Sendable>(
        _ jobs: [Job], agent: @escaping @Sendable (Job, AgentContext) async throws -> Output,
        follow: [Follow], waitsFor: [[Int]],
        follower: @escaping @Sendable (Follow, [Output?], AgentContext) async throws -> FollowOutput
    ) async -> (first: StageResult<Output>, then: StageResult<FollowOutput>, chains: [Int]) {
        precondition(waitsFor.count == follow.count, "one list of jobs waited for per follower")
        let feed = PipelineFeed<Job, Follow>()
        feed.add(PipelineBatch(jobs: jobs, follow: follow, waitsFor: waitsFor))
        feed.finish()
        return await pipeline(feed: feed, agent: agent, follower: follower)
    }

    /// `pipeline(_:agent:follow:waitsFor:follower:)` over jobs and followers that arrive while it
    /// runs (a plan streamed as the motion pass goes): each batch of `feed` is taken the moment it
    /// is added, its jobs queued after those already there, its followers started as soon as what
    /// they wait for has ended (at once when it ended before they arrived). Returns when the feed
    /// is finished and every job and follower has ended; outputs, steps and chains are in the
    /// order jobs and followers were added.
    public func pipeline<Job: Sendable, Output: Sendable, Follow: Sendable, FollowOutput: Sendable>(
        feed: PipelineFeed<Job, Follow>, agent: @escaping @Sendable (Job, AgentContext) async throws -> Output,
        follower: @escaping @Sendable (Follow, [Output?], AgentContext) async throws -> FollowOutput
    ) async -> (first: StageResult<Output>, then: StageResult<FollowOutput>, chains: [Int]) {
        let start = Date()
        var jobs: [Job] = [], follow: [Follow] = [], waitsFor: [[Int]] = []
        // Jobs not started yet, and each job's rank (`PipelineBatch.priority`).
        var pending: [Int] = [], rank: [Double] = []
        var outputs: [Output?] = [], steps: [Int] = [], ended: [Bool] = []
        var fOutputs: [FollowOutput?] = [], fSteps: [Int] = []
        var diagnostics: [Diagnostic] = [], fDiagnostics: [Diagnostic] = []
        var retried = 0, fRetried = 0
        var firstEnd = start, followEnd = start
        let timeout = self.timeout, retries = self.retries, agents = self.agents
        await withTaskGroup(of: PipelineEvent<Output, FollowOutput, Job, Follow>.self) { group in
            var running = 0, runningJobs = 0
            var waiting: [Set<Int>] = []
            var ready: [Int] = []
            var freeLanes: [Int] = [], lanesUsed = 0
            var jobLane: [Int] = [], followLane: [Int] = []
            func lane() -> Int {
                if !freeLanes.isEmpty { return freeLanes.removeFirst() }
                lanesUsed += 1; return lanesUsed - 1
            }
            func launchNext() -> Bool {
                if !ready.isEmpty {
                    let k = ready.removeFirst(), l = lane(), item = follow[k]
                    let inputs = waitsFor[k].map { jobs.indices.contains($0) ? outputs[$0] : nil }
                    followLane[k] = l
                    group.addTask {
                        let (out, s, d, r) = await Self.attempts(retries: retries, timeout: timeout, job: k, lane: l) { ctx in
                            try await follower(item, inputs, ctx)
                        }
                        return .follower(k, out, s, d, r)
                    }
                    return true
                }
                guard !pending.isEmpty, runningJobs < feed.jobSlots else { return false }
                let at = pending.indices.min { (rank[pending[$0]], pending[$0]) < (rank[pending[$1]], pending[$1]) }!
                let i = pending.remove(at: at), l = lane(), item = jobs[i]
                jobLane[i] = l; runningJobs += 1
                group.addTask {
                    let (out, s, d, r) = await Self.attempts(retries: retries, timeout: timeout, job: i, lane: l) { ctx in
                        try await agent(item, ctx)
                    }
                    return .job(i, out, s, d, r)
                }
                return true
            }
            group.addTask { .batch(await feed.next()) }
            for await done in group {
                switch done {
                case let .batch(batch):
                    guard let batch else { break }   // the feed is finished: no more batches
                    precondition(batch.waitsFor.count == batch.follow.count, "one list of jobs waited for per follower")
                    precondition(batch.priority.isEmpty || batch.priority.count == batch.jobs.count, "one rank per job, or none")
                    pending += jobs.count..<(jobs.count + batch.jobs.count)
                    rank += batch.priority.isEmpty ? Array(repeating: .infinity, count: batch.jobs.count) : batch.priority
                    jobs += batch.jobs
                    outputs += Array(repeating: nil, count: batch.jobs.count)
                    steps += Array(repeating: 0, count: batch.jobs.count)
                    ended += Array(repeating: false, count: batch.jobs.count)
                    jobLane += Array(repeating: 0, count: batch.jobs.count)
                    for (f, w) in zip(batch.follow, batch.waitsFor) {
                        let k = follow.count
                        follow.append(f); waitsFor.append(w)
                        fOutputs.append(nil); fSteps.append(0); followLane.append(0)
                        let open = Set(w.filter { jobs.indices.contains($0) && !ended[$0] })
                        waiting.append(open)
                        if open.isEmpty { ready.append(k) }
                    }
                    group.addTask { .batch(await feed.next()) }
                case let .job(i, out, s, d, r):
                    running -= 1; runningJobs -= 1
                    outputs[i] = out; steps[i] = s; diagnostics += d; retried += r; ended[i] = true
                    freeLanes.append(jobLane[i]); firstEnd = Date()
                    for k in follow.indices where waiting[k].remove(i) != nil && waiting[k].isEmpty { ready.append(k) }
                case let .follower(k, out, s, d, r):
                    running -= 1
                    fOutputs[k] = out; fSteps[k] = s; fDiagnostics += d; fRetried += r
                    freeLanes.append(followLane[k]); followEnd = Date()
                }
                while running < agents, launchNext() { running += 1 }
            }
        }
        diagnostics.sort { ($0.segment ?? -1) < ($1.segment ?? -1) }
        fDiagnostics.sort { ($0.segment ?? -1) < ($1.segment ?? -1) }
        // A follower's chain: the longest job it waited for, then its own steps.
        let chains = steps + follow.indices.map { k in (waitsFor[k].compactMap { steps.indices.contains($0) ? steps[$0] : nil }.max() ?? 0) + fSteps[k] }
        return (StageResult(outputs: outputs, agentSteps: steps, diagnostics: diagnostics, retries: retried,
                            wallSeconds: firstEnd.timeIntervalSince(start)),
                StageResult(outputs: fOutputs, agentSteps: fSteps, diagnostics: fDiagnostics, retries: fRetried,
                            wallSeconds: max(firstEnd, followEnd).timeIntervalSince(start)),
                chains)
    }

    /// One job with its attempts: the output (nil when every attempt failed), the steps of the
    /// successful (or last) attempt, the diagnostics and how many retries it took.
    static func attempts<Output: Sendable>(retries: Int, timeout: Double?, job: Int, lane: Int,
                                           _ body: @escaping @Sendable (AgentContext) async throws -> Output) async -> (Output?, Int, [Diagnostic], Int) {
        var diags: [Diagnostic] = []
        var lastSteps = 0
        for attempt in 1...(retries + 1) {
            if Task.isCancelled { break }
            let ctx = AgentContext(job: job, attempt: attempt, lane: lane)
            do {
                let out = try await withTimeout(timeout) { try await body(ctx) }
                return (out, ctx.steps, diags + ctx.diagnostics, attempt - 1)
            } catch {
                lastSteps = ctx.steps
                diags += ctx.diagnostics
                let what = attempt <= retries ? "failed (\(error)); retrying" : "failed again (\(error)); skipped"
                diags.append(Diagnostic(attempt <= retries ? .warning : .error, "sub-agent \(what)", segment: job))
            }
        }
        return (nil, lastSteps, diags, retries)
    }

    static func withTimeout<T: Sendable>(_ seconds: Double?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let seconds else { return try await body() }
        return try await withThrowingTaskGroup(of: T.self) { g in
            g.addTask { try await body() }
            g.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                throw AgentTimeout(seconds: seconds)
            }
            defer { g.cancelAll() }
            return try await g.next()!
        }
    }
}

/// A job of `Swarm.pipeline` that ended (which, its output, steps, diagnostics and retries), or
/// the next batch of its feed (nil: the feed is finished).
enum PipelineEvent<Output: Sendable, FollowOutput: Sendable, Job: Sendable, Follow: Sendable>: Sendable {
    case job(Int, Output?, Int, [Diagnostic], Int)
    case follower(Int, FollowOutput?, Int, [Diagnostic], Int)
    case batch(PipelineBatch<Job, Follow>?)
}

/// Jobs and followers added to a running `Swarm.pipeline` at once.
public struct PipelineBatch<Job: Sendable, Follow: Sendable>: Sendable {
    public var jobs: [Job]
    public var follow: [Follow]
    /// For each follower, the jobs it waits for, numbered over every job added to the pipeline
    /// so far (earlier batches' first, then this batch's in order).
    public var waitsFor: [[Int]]
    /// Each job's rank, or empty: of the jobs waiting to start (this batch's and earlier ones'),
    /// the lowest rank starts first, then the one added first; a job without a rank comes after
    /// every ranked one. (A job added late may be more urgent than ones already waiting — the
    /// embedded job every remote call waits for, behind frame jobs of single calls.)
    public var priority: [Double]
    public init(jobs: [Job] = [], follow: [Follow] = [], waitsFor: [[Int]] = [], priority: [Double] = []) {
        self.jobs = jobs; self.follow = follow; self.waitsFor = waitsFor; self.priority = priority
    }
}

/// The batches a running `Swarm.pipeline` takes, in the order they are added; `finish()` says
/// no more will come (the pipeline then ends with its last job). Any task may add.
/// Invariant (for `@unchecked Sendable`): `queue`, `finished` and `waiter` only under `lock`.
public final class PipelineFeed<Job: Sendable, Follow: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [PipelineBatch<Job, Follow>] = []
    private var finished = false
    private var waiter: CheckedContinuation<PipelineBatch<Job, Follow>?, Never>?
    private var slots = Int.max

    public init() {}

    /// At most this many first-kind jobs run at once (within the swarm's `agents`); followers are
    /// not counted. For jobs that need a core each while followers only wait on the network: a
    /// few cores shared by many busy jobs finish all of them late, and every follower with them.
    /// Read whenever the pipeline starts a job; a change takes effect with the next batch or end.
    public var jobSlots: Int {
        get { lock.lock(); defer { lock.unlock() }; return slots }
        set { lock.lock(); slots = max(1, newValue); lock.unlock() }
    }

    /// Hands `batch` to the pipeline (ignored after `finish()`).
    public func add(_ batch: PipelineBatch<Job, Follow>) {
        lock.lock()
        guard !finished else { lock.unlock(); return }
        if let w = waiter { waiter = nil; lock.unlock(); w.resume(returning: batch); return }
        queue.append(batch)
        lock.unlock()
    }

    /// No more batches.
    public func finish() {
        lock.lock()
        finished = true
        let w = queue.isEmpty ? waiter : nil
        if w != nil { waiter = nil }
        lock.unlock()
        w?.resume(returning: nil)
    }

    /// The next batch, waiting for it; nil once finished and empty, or when the waiting task is
    /// cancelled. One reader at a time.
    func next() async -> PipelineBatch<Job, Follow>? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { c in
                lock.lock()
                if !queue.isEmpty { let b = queue.removeFirst(); lock.unlock(); c.resume(returning: b); return }
                if finished || Task.isCancelled { lock.unlock(); c.resume(returning: nil); return }
                waiter = c
                lock.unlock()
            }
        } onCancel: {
            lock.lock()
            let w = waiter; waiter = nil
            lock.unlock()
            w?.resume(returning: nil)
        }
    }
}

/// The critical-steps ledger, counted as the Kimi K2.5 swarm counts it: per stage, the
/// orchestrator's steps plus the longest sub-agent's steps, summed over stages.
public struct StepLedger: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var orchestratorSteps: Int
        public var longestAgentSteps: Int
        public var totalAgentSteps: Int
    }
    public private(set) var stages: [Stage] = []
    public init() {}

    /// Records a stage: the orchestrator's own steps and the sub-agents' step counts.
    public mutating func record(_ name: String, orchestratorSteps: Int, agentSteps: [Int] = []) {
        stages.append(Stage(name: name, orchestratorSteps: orchestratorSteps,
                            longestAgentSteps: agentSteps.max() ?? 0, totalAgentSteps: agentSteps.reduce(0, +)))
    }
    /// Records a pipelined stage (`Swarm.pipeline`): its longest chain of dependent sub-agents
    /// (a job, then a follower that waited for it) stands where one sub-agent's steps would;
    /// `agentSteps` are every sub-agent's steps, of both kinds.
    public mutating func record(_ name: String, orchestratorSteps: Int, chains: [Int], agentSteps: [Int]) {
        stages.append(Stage(name: name, orchestratorSteps: orchestratorSteps,
                            longestAgentSteps: chains.max() ?? 0, totalAgentSteps: agentSteps.reduce(0, +)))
    }
    /// The length of the longest chain of dependent steps.
    public var criticalSteps: Int { stages.reduce(0) { $0 + $1.orchestratorSteps + $1.longestAgentSteps } }
    /// Every step taken by anyone.
    public var totalSteps: Int { stages.reduce(0) { $0 + $1.orchestratorSteps + $1.totalAgentSteps } }
}
