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

    /// The memory check counts the chunks that can be held at once (at most `workers + 2`, the
    /// longest), not the longest chunk that many times: three chunks of a 1440p recording (640×360
    /// small frames, 8.33 + 8.33 + 4.4 s at 30 fps: 139 MiB) decode in parallel, while chunks whose
    /// four longest would pass the budget still fall back to one decoder.
    func testChunksHeldAtOnceDecideTheMemoryCheck() {
        let small = 640 * 360
        let three = Analysis.motionChunks(keyframes: [0, 8.333, 16.667], duration: 21.067, frameRate: 30, frameBytes: small, workers: 2)
        XCTAssertEqual(three.map(\.start), [0, 8.333, 16.667])
        XCTAssertEqual(three.map(\.end), [8.333, 16.667, nil])
        // Five chunks of 8.33 s: the four held at once are 4 × 8.33 s × 30 × 230 400 B ≈ 220 MiB.
        let keys = (0..<5).map { Double($0) * 8.333 }
        XCTAssertTrue(Analysis.motionChunks(keyframes: keys, duration: 41.6, frameRate: 30, frameBytes: small, workers: 2).isEmpty)
        // The same at 1280×800 (320×200 small frames): 61 MiB, chunked.
        XCTAssertEqual(Analysis.motionChunks(keyframes: keys, duration: 41.6, frameRate: 30, frameBytes: 320 * 200, workers: 2).count, 5)
        // One worker, or nothing to split at: no chunks.
        XCTAssertTrue(Analysis.motionChunks(keyframes: [0, 8.333], duration: 16.2, frameRate: 30, frameBytes: small, workers: 1).isEmpty)
        XCTAssertTrue(Analysis.motionChunks(keyframes: [0], duration: 12.767, frameRate: 30, frameBytes: small, workers: 2).isEmpty)
    }

    /// Chunks only when the longest is within FFmpeg's frame-threading cost of an even share:
    /// 8.33 s + 7.9 s decode as two chunks, 8.33 s + 2.53 s (or + 4.43 s) with one frame-threaded
    /// decoder; three or more chunks end together (the last ones share the cores), so a short
    /// third one does not matter.
    func testAnUnevenSplitDecodesWithFrameThreads() {
        let frame = 480 * 270
        XCTAssertEqual(Analysis.motionChunks(keyframes: [0, 8.333], duration: 16.23, frameRate: 30, frameBytes: frame, workers: 2).count, 2)
        XCTAssertTrue(Analysis.motionChunks(keyframes: [0, 8.333], duration: 10.867, frameRate: 30, frameBytes: frame, workers: 2).isEmpty)
        XCTAssertTrue(Analysis.motionChunks(keyframes: [0, 8.333], duration: 12.767, frameRate: 30, frameBytes: frame, workers: 2).isEmpty)
        XCTAssertEqual(Analysis.motionChunks(keyframes: [0, 8.333, 16.667], duration: 18.2, frameRate: 30, frameBytes: frame, workers: 2).count, 3)
    }
}
