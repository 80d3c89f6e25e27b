import XCTest
import ScreenCore
@testable import Swarm

final class SwarmTests: XCTestCase {
    actor Peak { var now = 0, peak = 0
        func enter() { now += 1; peak = max(peak, now) }
        func leave() { now -= 1 } }

    func testOutputsInJobOrderWithBoundedConcurrency() async {
        let peak = Peak()
        let swarm = Swarm(agents: 3)
        let r = await swarm.run(Array(0..<10)) { job, ctx in
            await peak.enter()
            ctx.step(job + 1)
            try await Task.sleep(nanoseconds: UInt64((10 - job) * 2_000_000))
            await peak.leave()
            return job * job
        }
        XCTAssertEqual(r.outputs.compactMap { $0 }, (0..<10).map { $0 * $0 })
        XCTAssertEqual(r.agentSteps, Array(1...10))
        XCTAssertEqual(r.longestAgentSteps, 10)
        let p = await peak.peak
        XCTAssertLessThanOrEqual(p, 3)
        XCTAssertGreaterThan(p, 1)
    }

    func testFailingJobIsRetriedOnceThenReportedAndTheRunGoesOn() async {
        struct Boom: Error {}
        let r = await Swarm(agents: 2).run([1, 2, 3]) { job, ctx in
            if job == 2 { throw Boom() }
            if job == 3 && ctx.attempt == 1 { throw Boom() }
            return job
        }
        XCTAssertEqual(r.outputs, [1, nil, 3])
        XCTAssertEqual(r.retries, 2)
        XCTAssertEqual(r.diagnostics.filter { $0.severity == .error }.map(\.segment), [1])
    }

    func testTimeoutProducesDiagnostic() async {
        let r = await Swarm(agents: 1, timeout: 0.05, retries: 1).run([0]) { _, _ in
            try await Task.sleep(nanoseconds: 2_000_000_000); return 1
        }
        XCTAssertEqual(r.outputs, [nil])
        XCTAssertTrue(r.diagnostics.contains { $0.message.contains("timed out") })
    }

    func testAgentsClampedTo100() {
        XCTAssertEqual(Swarm(agents: 500).agents, 100)
        XCTAssertEqual(Swarm(agents: 0).agents, 1)
    }

    /// When each job and follower started and ended, in seconds since `t0`.
    final class Clock: @unchecked Sendable {
        // Invariant: `events` is only touched under `lock`.
        private let lock = NSLock(); private var events: [String: Double] = [:]; let t0 = Date()
        func mark(_ e: String) { lock.lock(); events[e] = Date().timeIntervalSince(t0); lock.unlock() }
        subscript(_ e: String) -> Double { lock.lock(); defer { lock.unlock() }; return events[e] ?? .infinity }
    }

    func testPipelineStartsEachFollowerAsSoonAsTheJobsItWaitsForHaveEnded() async {
        let clock = Clock()
        let peak = Peak()
        // Job 2 is slow; followers 0 and 1 wait only for the quick jobs 0 and 1, follower 2 for job 2.
        let r = await Swarm(agents: 3).pipeline([0, 1, 2], agent: { job, ctx in
            await peak.enter()
            ctx.step(job + 1)
            try await Task.sleep(nanoseconds: job == 2 ? 600_000_000 : 30_000_000)
            clock.mark("job\(job) end")
            await peak.leave()
            return "j\(job)"
        }, follow: ["a", "b", "c"], waitsFor: [[0], [0, 1], [2]]) { name, inputs, ctx in
            await peak.enter()
            clock.mark("\(name) start")
            ctx.step(10)
            try await Task.sleep(nanoseconds: 20_000_000)
            await peak.leave()
            return name + ":" + inputs.map { $0 ?? "-" }.joined(separator: ",")
        }
        XCTAssertEqual(r.first.outputs, ["j0", "j1", "j2"])
        XCTAssertEqual(r.then.outputs, ["a:j0", "b:j0,j1", "c:j2"], "each follower gets its jobs' outputs, in order")
        XCTAssertLessThan(clock["a start"], clock["job2 end"], "no stage boundary: a follower runs while a job is still at work")
        XCTAssertLessThan(clock["b start"], clock["job2 end"])
        XCTAssertGreaterThanOrEqual(clock["b start"], clock["job1 end"])
        XCTAssertGreaterThanOrEqual(clock["c start"], clock["job2 end"])
        let p = await peak.peak
        XCTAssertLessThanOrEqual(p, 3, "at most `agents` jobs of either kind at once")
        // Chains: each job alone, each follower after the longest job it waited for.
        XCTAssertEqual(r.chains, [1, 2, 3, 1 + 10, 2 + 10, 3 + 10])
        var l = StepLedger()
        l.record("plan", orchestratorSteps: 3)
        l.record("analyse+model", orchestratorSteps: 2, chains: r.chains, agentSteps: r.first.agentSteps + r.then.agentSteps)
        XCTAssertEqual(l.criticalSteps, 3 + 2 + 13)
        XCTAssertEqual(l.totalSteps, 3 + 2 + 6 + 30)
    }

    func testPipelineWithOneAgentRunsOneAtATimeAndAFailedJobStillReleasesItsFollower() async {
        struct Boom: Error {}
        let peak = Peak()
        let r = await Swarm(agents: 1).pipeline([0, 1], agent: { job, _ in
            await peak.enter()
            try await Task.sleep(nanoseconds: 5_000_000)
            await peak.leave()
            if job == 1 { throw Boom() }
            return job
        }, follow: [0, 1, 2], waitsFor: [[0], [1], []]) { f, inputs, _ in
            await peak.enter()
            try await Task.sleep(nanoseconds: 5_000_000)
            await peak.leave()
            return inputs.map { $0.map(String.init) ?? "nil" }.joined(separator: ",") + "→\(f)"
        }
        XCTAssertEqual(r.first.outputs, [0, nil])
        XCTAssertEqual(r.then.outputs, ["0→0", "nil→1", "→2"], "the follower of a failed job runs with nil; one waiting for nothing runs too")
        XCTAssertTrue(r.first.diagnostics.contains { $0.severity == .error && $0.segment == 1 })
        XCTAssertEqual(r.first.retries, 1)
        let p = await peak.peak
        XCTAssertEqual(p, 1)
    }

    func testCriticalStepsSumOrchestratorAndLongestAgentPerStage() {
        var l = StepLedger()
        l.record("plan", orchestratorSteps: 5)
        l.record("analyse", orchestratorSteps: 2, agentSteps: [10, 30, 20])
        l.record("aggregate", orchestratorSteps: 4)
        XCTAssertEqual(l.criticalSteps, 5 + 2 + 30 + 4)
        XCTAssertEqual(l.totalSteps, 5 + 2 + 60 + 4)
    }

    func testPipelineTakesBatchesWhileItRunsAndStartsLateFollowersOfEndedJobsAtOnce() async {
        let feed = PipelineFeed<Int, Int>()
        let log = Log()
        let swarm = Swarm(agents: 4)
        async let run = swarm.pipeline(feed: feed, agent: { (job: Int, ctx: AgentContext) -> Int in
            ctx.step(job)
            log.add("job \(job)")
            return job * 10
        }, follower: { (f: Int, outs: [Int?], ctx: AgentContext) -> Int in
            ctx.step()
            log.add("follower \(f)")
            return outs.compactMap { $0 }.reduce(f, +)
        })
        feed.add(PipelineBatch(jobs: [1, 2], follow: [100], waitsFor: [[0]]))
        // The first batch runs before the second exists.
        for _ in 0..<200 where !log.all.contains("follower 100") { try? await Task.sleep(nanoseconds: 10_000_000) }
        XCTAssertTrue(log.all.contains("follower 100"), "a batch's jobs and followers run before the feed is finished")
        // A follower arriving after the jobs it waits for ended starts at once; one waits for a job of its own batch.
        feed.add(PipelineBatch(jobs: [3], follow: [200, 300], waitsFor: [[0, 1], [2]]))
        feed.finish()
        let (first, then, chains) = await run
        XCTAssertEqual(first.outputs, [10, 20, 30])
        XCTAssertEqual(then.outputs, [110, 230, 330])
        XCTAssertEqual(chains, [1, 2, 3, 2, 3, 4], "a follower's chain: the longest job it waited for plus its own step")
    }

    func testAFeedNeverFinishedDoesNotHangACancelledPipeline() async {
        let feed = PipelineFeed<Int, Int>()
        let task = Task {
            await Swarm(agents: 2).pipeline(feed: feed, agent: { (j: Int, _: AgentContext) in j }, follower: { (f: Int, _: [Int?], _: AgentContext) in f })
        }
        feed.add(PipelineBatch(jobs: [1]))
        try? await Task.sleep(nanoseconds: 50_000_000)
        task.cancel()
        let result = await task.value
        XCTAssertEqual(result.first.outputs.count, 1)
    }

    /// Lines added from concurrent tasks.
    final class Log: @unchecked Sendable {
        // Invariant: `lines` is only touched under `lock`.
        private let lock = NSLock(); private var lines: [String] = []
        func add(_ l: String) { lock.lock(); lines.append(l); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }
}
