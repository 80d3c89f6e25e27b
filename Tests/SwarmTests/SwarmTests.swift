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

    func testCriticalStepsSumOrchestratorAndLongestAgentPerStage() {
        var l = StepLedger()
        l.record("plan", orchestratorSteps: 5)
        l.record("analyse", orchestratorSteps: 2, agentSteps: [10, 30, 20])
        l.record("aggregate", orchestratorSteps: 4)
        XCTAssertEqual(l.criticalSteps, 5 + 2 + 30 + 4)
        XCTAssertEqual(l.totalSteps, 5 + 2 + 60 + 4)
    }
}
