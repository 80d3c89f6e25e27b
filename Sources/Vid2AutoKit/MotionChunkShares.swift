import Foundation

/// Which of the parallel motion pass's chunk decoders go on decoding when more of them are in
/// flight than there are cores: the last few chunks are launched at once (`Analysis.launchesChunk`)
/// so that none decodes alone at the end, but shared evenly (each task yields every 16 frames)
/// a longer chunk still ends alone: chunks of 4.7, 8.3 and 3.9 s on 2 cores end after ~10.3 s of
/// work where 8.45 s would do (the shorter ones finish first, the long one then has one core).
/// The decoders with the most work left hold the cores; the others suspend at their yield
/// (`turn`, holding no thread) until they are let on, so uneven chunks end together, at about an
/// even share of the whole.
///
/// With hysteresis (`holders`): a decoder that holds a core keeps it until a held one has clearly
/// more work left — a tenth more and more than half a yield's worth of frames (`takesCore`) — so
/// chunks of about equal work are not swapped at every yield on estimates that differ by noise
/// (each swap is a suspension, a resumption on another thread and a cold decoder).
///
/// The work left is estimated per chunk from its own pace: video seconds left × the thread CPU
/// seconds it spent per video second so far (screen recordings decode at very different costs
/// where the page changes and where it rests); before a chunk has a pace, the mean pace of the
/// others (or 1) stands for it. Only the order of the decoders changes, never which frames are
/// decoded nor the order they are fed to the analyzer, so the motion pass's output is the same.
///
/// Only once every chunk of the pass has begun (`chunks` in `init`): while some are still to be
/// launched, the oldest chunk in flight is the one whose end lets the next launch (one decoder
/// per core and at most `workers + 2` chunks ahead of the one fed next), so holding it would leave
/// the chunk it admits to decode alone at the end (ledger-new-invoice-modal: chunks 0, 2 and 3 in
/// flight, chunk 4 launched when 0 ends); until then they share the cores evenly, as before.
///
/// Invariant (for `@unchecked Sendable`): every stored property is only touched under `lock`.
final class MotionChunkShares: @unchecked Sendable {
    /// One decoder's progress: video seconds left and done, frames decoded, thread CPU seconds spent.
    struct Progress: Equatable, Sendable {
        var videoLeft: Double
        var videoDone: Double = 0
        var cpu: Double = 0
        var frames: Int = 0
    }

    /// Frames a decoder decodes between two yields (where it updates its progress and may wait).
    static let yieldFrames = 16

    /// How much more work left (relative) a held chunk needs before it takes a core from one
    /// that holds it (besides more than half a yield's worth of frames).
    static let margin = 0.1

    private let lock = NSLock()
    private let cores: Int
    /// How many chunks the pass has, and which have begun.
    private let total: Int
    private var begun: Set<Int> = []
    private var chunks: [Int: Progress] = [:]
    /// The chunks that hold a core while more are in flight than there are cores.
    private var holding: Set<Int> = []
    /// Decoders suspended in `turn` until the rule lets them go on.
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]

    /// `cores`: how many decoders run at once (the cooperative pool's threads); `chunks`: how many
    /// chunks the pass decodes.
    init(cores: Int, chunks: Int) { self.cores = max(1, cores); total = chunks }

    /// Chunk `chunk` decodes (from its start) or has decoded on to `progress`.
    func update(_ chunk: Int, _ progress: Progress) {
        lock.lock(); chunks[chunk] = progress; begun.insert(chunk); let go = rebalanced(); lock.unlock()
        go.forEach { $0.resume() }
    }

    /// Chunk `chunk` has ended: it no longer takes a core.
    func finish(_ chunk: Int) {
        lock.lock(); chunks[chunk] = nil; let go = rebalanced(); lock.unlock()
        go.forEach { $0.resume() }
    }

    /// Whether chunk `chunk` goes on decoding now.
    func mayDecode(_ chunk: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return decodes(chunk)
    }

    /// Returns when chunk `chunk` may go on decoding: at once, or (suspended, holding no thread)
    /// once it holds a core again. Every decoder in flight updates or ends, so a suspended one is
    /// always resumed (at the latest when no more than `cores` are left).
    func turn(_ chunk: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if decodes(chunk) { lock.unlock(); c.resume(); return }
            waiting[chunk] = c
            lock.unlock()
        }
    }

    /// Under `lock`: with no more chunks in flight than cores every one decodes; otherwise the
    /// holders do. A chunk not in `chunks` (ended, or not started) always may.
    private func decodes(_ chunk: Int) -> Bool {
        chunks.count <= cores || chunks[chunk] == nil || holding.contains(chunk)
    }

    /// Under `lock`: the holders brought up to date, and the suspended decoders now let go on,
    /// taken out of `waiting`.
    private func rebalanced() -> [CheckedContinuation<Void, Never>] {
        holding = begun.count < total ? Set(chunks.keys) : Self.holders(chunks, holding: holding, cores: cores)
        let go = waiting.keys.filter { decodes($0) }
        return go.compactMap { waiting.removeValue(forKey: $0) }
    }

    /// The chunks that hold the `cores` cores, given those that held them before (`holding`):
    /// ended chunks give theirs up; free cores go to the chunks with the most work left
    /// (`workLeft`; ties: the earlier chunk); then a held chunk takes the core of the holder with
    /// the least work left only while it has clearly more (`takesCore`). With no more chunks than
    /// cores, all hold one.
    static func holders(_ chunks: [Int: Progress], holding: Set<Int>, cores: Int) -> Set<Int> {
        guard chunks.count > cores else { return Set(chunks.keys) }
        let left = workLeft(chunks), yield = yieldWork(chunks)
        func before(_ a: Int, _ b: Int) -> Bool { left[a]! > left[b]! || (left[a]! == left[b]! && a < b) }
        var held = holding.filter { chunks[$0] != nil }
        for c in chunks.keys.filter({ !held.contains($0) }).sorted(by: before) where held.count < cores { held.insert(c) }
        while held.count > cores, let last = held.sorted(by: before).last { held.remove(last) }
        // Each swap moves a core to a chunk with clearly more work left, so this ends.
        while let weakest = held.sorted(by: before).last,
              let strongest = chunks.keys.filter({ !held.contains($0) }).sorted(by: before).first,
              takesCore(left[strongest]!, from: left[weakest]!, yield: max(yield[strongest]!, yield[weakest]!)) {
            held.remove(weakest); held.insert(strongest)
        }
        return held
    }

    /// Whether a held chunk with `work` left takes the core of a holder with `holder` left:
    /// when it has a tenth more (`margin`) and more than half of `yield` (one yield's worth of
    /// frames: the decisions are taken at yields, so estimates closer than that are within the
    /// rule's own step). Replayed on the corpus's chunk shapes a whole yield left tails of about
    /// equal chunks up to 3 % over an even share (the held one ends alone); half of one, ≤ 1 %,
    /// with a third of the swaps of no margin.
    static func takesCore(_ work: Double, from holder: Double, yield: Double) -> Bool {
        work > holder * (1 + margin) && work - holder > yield / 2
    }

    /// Each chunk's work left: its video seconds left at its own pace (CPU per video second so
    /// far), or at the mean pace of the chunks that have one when it has none yet (1 if none has).
    static func workLeft(_ chunks: [Int: Progress]) -> [Int: Double] {
        let paced = chunks.values.filter { $0.videoDone > 0 && $0.cpu > 0 }
        let mean = paced.isEmpty ? 1 : paced.map { $0.cpu / $0.videoDone }.reduce(0, +) / Double(paced.count)
        return chunks.mapValues { p in
            let pace = p.videoDone > 0 && p.cpu > 0 ? p.cpu / p.videoDone : mean
            return max(0, p.videoLeft) * pace
        }
    }

    /// Each chunk's work for one yield's worth of frames (`yieldFrames` at its CPU per frame so
    /// far, or at the mean of the chunks that have decoded frames; 0 if none has).
    static func yieldWork(_ chunks: [Int: Progress]) -> [Int: Double] {
        let paced = chunks.values.filter { $0.frames > 0 && $0.cpu > 0 }
        let mean = paced.isEmpty ? 0 : paced.map { $0.cpu / Double($0.frames) }.reduce(0, +) / Double(paced.count)
        return chunks.mapValues { p in
            Double(yieldFrames) * (p.frames > 0 && p.cpu > 0 ? p.cpu / Double(p.frames) : mean)
        }
    }

    /// CPU seconds the calling thread has used (a decoder runs on one thread between two yields).
    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
