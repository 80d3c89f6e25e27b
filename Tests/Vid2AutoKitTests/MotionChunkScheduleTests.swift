import XCTest
@testable import Vid2AutoKit

/// The parallel motion pass's choice of when to start each chunk's decoder
/// (`Analysis.launchesChunk`), replayed on chunk lengths with the cores shared evenly among the
/// decoders in flight (they yield every 16 frames).
final class MotionChunkScheduleTests: XCTestCase {
    /// When the last chunk ends, and the most chunks decoding at once and held from the first
    /// unfed one on, for chunks of `lengths` seconds of work on `workers` cores.
    private func replay(_ lengths: [Double], workers: Int) -> (makespan: Double, inFlight: Int, held: Int) {
        var left = lengths, done = [Bool](repeating: false, count: lengths.count)
        var running: Set<Int> = [], launched = 0, next = 0, now = 0.0, inFlight = 0, held = 0
        while next < lengths.count {
            while Analysis.launchesChunk(launched: launched, running: running.count, next: next, count: lengths.count, workers: workers) {
                running.insert(launched); launched += 1
            }
            inFlight = max(inFlight, running.count); held = max(held, launched - next)
            if done[next] { next += 1; continue }   // fed to the analyzer (instantly here)
            // Run until the first decoding chunk ends, the cores shared evenly.
            let rate = min(1.0, Double(workers) / Double(running.count))
            let first = running.min { left[$0] < left[$1] }!
            let dt = left[first] / rate
            for i in running { left[i] -= dt * rate }
            now += dt
            for i in running where left[i] <= 1e-9 { done[i] = true; running.remove(i) }
        }
        return (now, inFlight, held)
    }

    func testNoCoreIdlesAtTheEndAndMemoryStaysBounded() {
        let cases: [[Double]] = [
            [8.33, 8.33, 8.33, 6.77],          // signup-register: the fourth used to decode alone
            [7.53, 8.33, 8.33, 2.9],           // board-dialog-escape
            [8.33, 8.33, 8.33, 8.33, 5.6],     // wizard-full-booking
            [8.33, 8.33, 5.9],
            Array(repeating: 4.17, count: 8),  // todo-typo-clear
            [8.33, 3.9],
        ]
        for lengths in cases {
            let r = replay(lengths, workers: 2)
            let ideal = max(lengths.reduce(0, +) / 2, lengths.max()!)
            XCTAssertEqual(r.makespan, ideal, accuracy: ideal * 0.12, "\(lengths)")
            XCTAssertLessThanOrEqual(r.inFlight, 4, "\(lengths)")
            XCTAssertLessThanOrEqual(r.held, 4, "\(lengths)")
        }
        // The four chunks of signup-register end together instead of a fourth alone at the end.
        XCTAssertEqual(replay([8.33, 8.33, 8.33, 6.77], workers: 2).makespan, 15.88, accuracy: 0.01)
        // One worker (`--agents 1` never chunks, but the rule still holds): one at a time, in order.
        XCTAssertEqual(replay([2, 3, 4], workers: 1).makespan, 9, accuracy: 1e-9)
    }
}
