import Foundation
import ScreenCore

/// One pooled engine, isolated in an actor so it is only ever used by one caller at a time.
actor EngineSlot {
    private var engine: TesseractEngine?
    private let language: String
    init(language: String) { self.language = language }

    func read(_ image: Image, mode: PageSegmentation) throws -> OCRResult {
        try start()
        return engine!.recognize(image, mode: mode)
    }

    /// Starts the engine if it has not started yet.
    func start() throws {
        if engine == nil { engine = try TesseractEngine(language: language) }
    }
}

/// A pool of Tesseract engines (at most one per core): callers borrow an engine for one crop
/// and give it back. Engines start lazily (~130 ms, ~15 MB each), so an idle pool costs nothing.
/// Each engine runs single-threaded (see `OpenMPGuard`).
public actor TextReaderPool {
    private var idle: [EngineSlot]
    private var waiters: [CheckedContinuation<EngineSlot, Never>] = []
    /// Crops read so far (a step counter for the swarm's ledger).
    public private(set) var reads = 0

    /// A pool of `size` engines (default: the number of cores).
    public init(size: Int = ProcessInfo.processInfo.activeProcessorCount, language: String = "eng") {
        idle = (0..<max(1, size)).map { _ in EngineSlot(language: language) }
    }

    /// Reads the text in `image` (a crop: never a whole frame in a loop).
    public func read(_ image: Image, mode: PageSegmentation = .singleLine) async throws -> OCRResult {
        let slot = await acquire()
        reads += 1
        defer { release(slot) }
        return try await slot.read(image, mode: mode)
    }

    /// Starts, in the background, the idle engines not started yet (for a core about to be
    /// spare: its first read then need not wait for a start-up). A failure to start is left for
    /// the first read to report.
    public func warm() {
        for slot in idle { Task { try? await slot.start() } }
    }

    private func acquire() async -> EngineSlot {
        if let s = idle.popLast() { return s }
        return await withCheckedContinuation { waiters.append($0) }
    }

    private func release(_ s: EngineSlot) {
        if waiters.isEmpty { idle.append(s) } else { waiters.removeFirst().resume(returning: s) }
    }
}
