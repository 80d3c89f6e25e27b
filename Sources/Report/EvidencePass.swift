import Foundation
import Media
import ScreenCore

/// The report's one extra decode: only the frames at the times asked for, in RGB at most
/// `maxWidth` wide, never re-running the analysis.
///
/// The times are grouped by the keyframe each must be decoded from; each group is decoded from
/// its keyframe up to its last time, frames before a wanted time skipped as they stream past
/// (`VideoReader.skip(until:)`: frames nothing refers to are not even decoded, and none is
/// converted). Groups are dealt to one single-threaded reader per core, each inside its own child
/// task, that seeks forward from one group to the next. The cost is bounded by the stretches from
/// each wanted time's keyframe to it — never more than one pass over the recording.
public enum EvidencePass {
    /// The frames presented at or just after each of `times` (seconds; clamped to the recording),
    /// keyed by the time as asked. Times whose frame cannot be decoded are left out.
    /// - Throws: `InputError` when the recording cannot be opened; `CancellationError`.
    public static func frames(path: String, info: MediaInfo, times: [Double], maxWidth: Int = 1280) async throws -> [Double: Image] {
        try await frames(path: path, info: info, times: times, maxWidth: maxWidth) { _, image in image }
    }

    /// Like `frames`, but each frame is turned into what the caller keeps (crops, thumbnails)
    /// inside the decoding task, as it arrives: memory holds the small results, not every frame.
    /// `transform` is called once per distinct time asked, with that time.
    public static func frames<T: Sendable>(path: String, info: MediaInfo, times: [Double], maxWidth: Int = 1280,
                                           transform: @escaping @Sendable (_ time: Double, _ frame: Image) -> T?) async throws -> [Double: T] {
        guard !times.isEmpty else { return [:] }
        let rate = info.frameRate > 0 ? info.frameRate : 30
        let last = max(0, info.duration - 1.5 / rate)
        func clamp(_ t: Double) -> Double { min(max(0, t), last) }
        var asked: [Double: [Double]] = [:]
        for t in Set(times) { asked[clamp(t), default: []].append(t) }
        let wanted = asked.keys.sorted()
        let originals = asked
        let keys = ((try? Probe.keyframeTimes(path: path)) ?? []).sorted()
        var groups: [(key: Double, times: [Double])] = []
        for t in wanted {
            let key = keys.last { $0 <= t + 1e-6 } ?? 0
            if let g = groups.last, g.key == key { groups[groups.count - 1].times.append(t) } else { groups.append((key, [t])) }
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, groups.count))
        // Longest first onto the least loaded worker; each worker then goes through its groups in time order.
        var load = [Double](repeating: 0, count: workers)
        var shares = [[(key: Double, times: [Double])]](repeating: [], count: workers)
        for g in groups.sorted(by: { ($0.times.last! - $0.key) > ($1.times.last! - $1.key) }) {
            let w = load.indices.min { load[$0] < load[$1] }!
            load[w] += g.times.last! - g.key + 0.05
            shares[w].append(g)
        }
        let rendition = Rendition(width: min(maxWidth, info.displayWidth) / 2 * 2, format: .rgb24)
        let threads = workers > 1 ? 1 : 0
        var found: [Double: T] = [:]
        try await withThrowingTaskGroup(of: [Double: T].self) { group in
            for share in shares where !share.isEmpty {
                let share = share.sorted { $0.key < $1.key }
                group.addTask {
                    // The reader lives and dies inside this child task; only images leave it.
                    let reader = try VideoReader(path: path, renditions: [rendition],
                                                 sampling: FrameSampling(start: share[0].key), threads: threads)
                    var out: [Double: T] = [:]
                    var previous: Frame?
                    for (i, g) in share.enumerated() {
                        if i > 0, g.key > (previous?.time ?? -1) + 1e-6 { reader.seek(to: g.key); previous = nil }
                        for t in g.times {
                            if previous == nil || previous!.time + 1e-6 < t {
                                reader.skip(until: t)
                                guard let f = try reader.next() else { break }
                                previous = f
                            }
                            for o in originals[t] ?? [] { out[o] = transform(o, previous!.images[0]) }
                        }
                    }
                    return out
                }
            }
            for try await part in group { found.merge(part) { a, _ in a } }
        }
        return found
    }
}
