import Foundation
import ScreenCore

/// Per-stage timing counters of one analysis, printed as one JSON line on stderr when
/// `VID2AUTO_PROFILE=1` (the bench's `corpus` section collects it). Off, every call is a no-op
/// apart from one flag test, so the counters cost nothing in normal runs.
///
/// Invariant (for `@unchecked Sendable`): every stored property is only touched under `lock`.
final class Profile: @unchecked Sendable {
    static let enabled = ProcessInfo.processInfo.environment["VID2AUTO_PROFILE"].map { $0 != "" && $0 != "0" } ?? false
    static let shared = Profile()
    /// `VID2AUTO_PROFILE=2`: also a timeline — when each stage and agent span ran, the OCR reads,
    /// and the process's CPU time sampled every 5 ms (how many cores it kept busy when).
    static let timeline = ProcessInfo.processInfo.environment["VID2AUTO_PROFILE"] == "2"
    private let origin = Date()
    private var marks: [(name: String, start: Double, end: Double)] = []
    private var samples: [(Double, Double)] = []
    private var sampling = false

    private let lock = NSLock()
    private var stages: [String: Double] = [:]
    private var order: [String] = []
    private var agentDecode: [Int: Double] = [:]
    private var agentAnalyse: [Int: Double] = [:]
    private var agentFrames: [Int: Int] = [:]
    private var agentSeeks: [Int: Int] = [:]
    private var ocrCalls = 0, ocrCacheHits = 0, ocrAheads = 0
    private var splits = 0
    private var ocrSeconds = 0.0
    private var ocrPixels = 0, ocrMaxPixels = 0
    private var ocrSizes: [String: Int] = [:]   // crop size buckets by pixel count
    private var ocrModes: [String: Int] = [:]
    private var storeBytes = 0, storeFrames = 0, storeTotal = 0

    /// Adds `seconds` to the named stage (stages keep the order they first appeared in).
    func stage(_ name: String, _ seconds: Double) {
        guard Self.enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if stages[name] == nil { order.append(name) }
        stages[name, default: 0] += seconds
    }

    /// One agent's decoding of a segment: time in the decoder, time analysing the frames, frames, seek.
    func decode(agent: Int, decode: Double, analyse: Double, frames: Int, seeked: Bool) {
        guard Self.enabled else { return }
        lock.lock(); defer { lock.unlock() }
        agentDecode[agent, default: 0] += decode
        agentAnalyse[agent, default: 0] += analyse
        agentFrames[agent, default: 0] += frames
        if seeked { agentSeeks[agent, default: 0] += 1 }
    }

    /// One OCR call: its crop size, page segmentation and wall time (0 and `cached` for a cache hit).
    func ocr(width: Int, height: Int, mode: String, seconds: Double, cached: Bool) {
        guard Self.enabled else { return }
        let px = width * height
        let bucket = px < 5_000 ? "<5k" : px < 20_000 ? "5k-20k" : px < 80_000 ? "20k-80k" : px < 320_000 ? "80k-320k" : ">=320k"
        lock.lock(); defer { lock.unlock() }
        ocrCalls += 1
        if cached { ocrCacheHits += 1 }
        ocrSeconds += seconds
        ocrPixels += px; ocrMaxPixels = max(ocrMaxPixels, px)
        ocrSizes[bucket, default: 0] += 1
        ocrModes[mode, default: 0] += 1
    }

    /// One read ahead done (`PoolTextReader.readAhead`; counted in `calls` when a read takes it).
    func ocrAhead() {
        guard Self.enabled else { return }
        lock.lock(); ocrAheads += 1; lock.unlock()
    }

    /// One `AgentTools.split` that took a spare core.
    func split() {
        guard Self.enabled else { return }
        lock.lock(); splits += 1; lock.unlock()
    }

    /// The motion pass's kept frames: bytes of luma planes, frames kept, frames decoded.
    func store(bytes: Int, stored: Int, frames: Int) {
        guard Self.enabled else { return }
        lock.lock(); defer { lock.unlock() }
        storeBytes = bytes; storeFrames = stored; storeTotal = frames
    }

    /// Measures `body` as the named stage.
    func time<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        guard Self.enabled else { return try await body() }
        let t0 = Date()
        defer { stage(name, Date().timeIntervalSince(t0)); mark(name, from: t0) }
        return try await body()
    }

    /// One span of the timeline (`VID2AUTO_PROFILE=2`): `name` from `start` until now.
    func mark(_ name: @autoclosure () -> String, from start: Date) {
        guard Self.timeline else { return }
        let end = Date().timeIntervalSince(origin), s = start.timeIntervalSince(origin), n = name()
        lock.lock(); marks.append((n, s, end)); lock.unlock()
    }

    /// Starts sampling the process's CPU time every 5 ms (`VID2AUTO_PROFILE=2`).
    func startSampling() {
        guard Self.timeline else { return }
        lock.lock(); defer { lock.unlock() }
        guard !sampling else { return }
        sampling = true
        let t = Thread { [self] in
            while true {
                var ts = timespec()
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
                let cpu = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
                lock.lock()
                samples.append((Date().timeIntervalSince(origin), cpu))
                let go = sampling
                lock.unlock()
                if !go { break }
                usleep(5000)
            }
        }
        t.start()
    }

    /// The JSON line (printed once, at the end of the run).
    func emit(total: Double) {
        guard Self.enabled else { return }
        lock.lock()
        func r(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        var cpu = rusage()
        getrusage(RUSAGE_SELF.rawValue, &cpu)
        let cpuSeconds = Double(cpu.ru_utime.tv_sec) + Double(cpu.ru_utime.tv_usec) / 1e6
            + Double(cpu.ru_stime.tv_sec) + Double(cpu.ru_stime.tv_usec) / 1e6
        let agents = agentDecode.keys.sorted().map { a -> [String: Any] in
            ["agent": a, "decode_s": r(agentDecode[a] ?? 0), "analyse_s": r(agentAnalyse[a] ?? 0),
             "frames": agentFrames[a] ?? 0, "seeks": agentSeeks[a] ?? 0]
        }
        sampling = false
        var obj: [String: Any] = [
            "profile": 1, "total_s": r(total), "cpu_s": r(cpuSeconds), "peak_rss_mb": Double(cpu.ru_maxrss) / 1024,
            "stages": Dictionary(uniqueKeysWithValues: order.map { ($0, r(stages[$0] ?? 0)) }),
            "agents": agents,
            "ocr": ["calls": ocrCalls, "cache_hits": ocrCacheHits, "read_ahead": ocrAheads, "seconds": r(ocrSeconds),
                    "mean_pixels": ocrCalls > 0 ? ocrPixels / ocrCalls : 0, "max_pixels": ocrMaxPixels,
                    "sizes": ocrSizes, "modes": ocrModes] as [String: Any],
            "spare_splits": splits,
            "store": ["mb": r(Double(storeBytes) / 1_048_576), "frames_kept": storeFrames, "frames": storeTotal] as [String: Any],
        ]
        if Self.timeline {
            obj["marks"] = marks.map { [$0.name, r($0.start), r($0.end)] as [Any] }
            obj["cpu_samples"] = samples.map { [r($0.0), r($0.1)] }
        }
        lock.unlock()
        if let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]) {
            FileHandle.standardError.write(data + Data("\n".utf8))
        }
    }
}
