import Foundation
import Media
import OCR
import ScreenCore

/// The `TextReader` the analysis uses: crops go to the shared Tesseract pool (at most one engine
/// per core), which keeps every engine inside its own actor. The agents often read the very same
/// crop again (the same label in the next segment, a field read on several frames that did not
/// change); a reader keeps what each crop read, keyed by its exact pixels and page segmentation,
/// so Tesseract sees each crop once per run. (Tesseract's LSTM reading depends only on the image
/// and the mode, so a kept reading is the one a second call would give.)
///
/// Reads ahead (`readAhead`) run only on a core no agent holds (`lanes`: the analysis opens it
/// with its cores for the agents stage and counts the agents at work), e.g. while the last agent
/// works alone; a `read` of a crop being read ahead waits for that reading instead of starting
/// its own.
public struct PoolTextReader: TextReader {
    let pool: TextReaderPool
    let cache = OCRCache()
    /// The agents at work against the cores they may use (see `SpareCores`).
    public let lanes = SpareCores()
    /// A reader over `pool`.
    public init(pool: TextReaderPool) { self.pool = pool }

    /// Starts the engines not started yet, in the background (for a core that is about to be spare).
    public func warm() { let pool = self.pool; Task { await pool.warm() } }

    /// Starts reading `image()` now when a core is spare and the crop is not read or being read.
    public func readAhead(mode: TextReadMode, _ image: () -> Image) {
        readAheadIfSpare(mode: mode, image)
    }

    /// As `readAhead`, and whether the reading is under way or done now (a core was spare): false
    /// when none was, so a `read` of the crop reads it on the caller's core.
    @discardableResult
    public func readAheadIfSpare(mode: TextReadMode, _ image: () -> Image) -> Bool {
        guard lanes.takeSpare() else { return false }
        let img = image()
        let key = OCRCache.Key(mode: mode, image: img)
        let pool = self.pool, cache = self.cache, lanes = self.lanes
        let started = cache.startAhead(key) {
            Task {
                defer { lanes.returnSpare() }
                let t0 = Date()
                let r = try await pool.read(img, mode: Self.segmentation(mode))
                Profile.shared.mark("ahead \(mode) \(img.width)x\(img.height)", from: t0)
                Profile.shared.ocrAhead()
                return Self.reading(r)
            }
        }
        if !started { lanes.returnSpare() }
        return true
    }

    /// Reads `image` (a crop) with the page segmentation `mode` maps to.
    public func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
        let key = OCRCache.Key(mode: mode, image: image)
        switch cache.get(key) {
        case .done(let hit):
            Profile.shared.ocr(width: image.width, height: image.height, mode: "\(mode)", seconds: 0, cached: true)
            return hit
        case .ahead(let task):
            // Read ahead: counted as the call it stands for, with the time still waited for it.
            let t0 = Date()
            let reading = try await task.value
            Profile.shared.ocr(width: image.width, height: image.height, mode: "\(mode)", seconds: Date().timeIntervalSince(t0), cached: false)
            cache.finish(key, reading)
            return reading
        case nil: break
        }
        let t0 = Date()
        let r = try await pool.read(image, mode: Self.segmentation(mode))
        Profile.shared.mark("ocr \(mode) \(image.width)x\(image.height)", from: t0)
        Profile.shared.ocr(width: image.width, height: image.height, mode: "\(mode)", seconds: Date().timeIntervalSince(t0), cached: false)
        if let dir = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_DIR"] {
            let safe = String(r.text.prefix(40).map { $0.isLetter || $0.isNumber ? $0 : "_" })
            try? PNG.write(image, to: "\(dir)/ocr-\(UUID().uuidString.prefix(6))-\(Int(r.confidence))-\(safe).png")
        }
        let reading = Self.reading(r)
        cache.put(key, reading)
        return reading
    }

    static func segmentation(_ mode: TextReadMode) -> PageSegmentation {
        switch mode {
        case .line: .singleLine
        case .block: .block
        case .sparse: .sparse
        }
    }

    static func reading(_ r: OCRResult) -> TextReading {
        TextReading(lines: r.lines.map { l in
            TextLine(words: l.words.map { TextWord(text: $0.text, box: $0.box, confidence: $0.confidence) })
        })
    }
}

/// The agents at work during the agents stage against the cores the run may use: a core no
/// agent holds may take one read ahead at a time. Closed (no spare core) outside the stage —
/// the motion pass and the layout keep both cores busy — and with one agent (`--agents 1` runs
/// on one core). Invariant (for `@unchecked Sendable`): the counts are only touched under `lock`.
public final class SpareCores: @unchecked Sendable {
    private let lock = NSLock()
    private var cores = 0, busy = 0, ahead = 0
    public init() {}

    /// Opens the agents stage with `cores` cores for it (0 or 1: never a spare one).
    public func open(cores: Int) { lock.lock(); self.cores = cores >= 2 ? cores : 0; busy = 0; lock.unlock() }
    /// Closes the stage: no spare core until the next `open`.
    public func close() { lock.lock(); cores = 0; lock.unlock() }
    /// An agent starts a job.
    public func enter() { lock.lock(); busy += 1; lock.unlock() }
    /// An agent ends a job.
    public func leave() { lock.lock(); busy -= 1; lock.unlock() }
    /// Takes a spare core for one read ahead; false when there is none.
    func takeSpare() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard busy + ahead < cores else { return false }
        ahead += 1
        return true
    }
    /// Gives back a core taken by `takeSpare`.
    func returnSpare() { lock.lock(); ahead -= 1; lock.unlock() }
}

/// Readings of crops already read in this run, keyed by the crop's exact bytes and the mode
/// (compared in full, so a hash collision can never return another crop's reading). Bounded:
/// past `maxBytes` of kept crops it stops adding.
/// Invariant (for `@unchecked Sendable`): `entries` and `bytes` are only touched under `lock`.
final class OCRCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var mode: TextReadMode
        var width: Int, height: Int, bytesPerRow: Int
        var format: PixelFormat
        var pixels: [UInt8]
        init(mode: TextReadMode, image: Image) {
            self.mode = mode; width = image.width; height = image.height; bytesPerRow = image.bytesPerRow
            format = image.format; pixels = image.pixels
        }
        // The pixels hashed as one block of bytes (the synthesised hash feeds them to the hasher
        // one at a time, which showed in profiles); equality still compares every field in full.
        func hash(into h: inout Hasher) {
            h.combine(mode); h.combine(width); h.combine(height); h.combine(bytesPerRow); h.combine(format)
            pixels.withUnsafeBytes { h.combine(bytes: $0) }
        }
    }
    /// A reading kept, or one being read ahead.
    enum Entry { case done(TextReading), ahead(Task<TextReading, any Error>) }
    static let maxBytes = 48 * 1024 * 1024
    private let lock = NSLock()
    private var entries: [Key: TextReading] = [:]
    /// Reads ahead not yet taken by a `read` (few: one per spare core at a time, each taken soon).
    private var pending: [Key: Task<TextReading, any Error>] = [:]
    private var bytes = 0

    func get(_ key: Key) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        if let r = entries[key] { return .done(r) }
        return pending[key].map { .ahead($0) }
    }

    /// Registers the read ahead `start()` makes, unless `key` is read or being read already.
    func startAhead(_ key: Key, _ start: () -> Task<TextReading, any Error>) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard entries[key] == nil, pending[key] == nil else { return false }
        pending[key] = start()
        return true
    }

    /// A read ahead taken by a `read`: kept like a reading of its own.
    func finish(_ key: Key, _ reading: TextReading) {
        lock.lock(); pending[key] = nil; lock.unlock()
        put(key, reading)
    }

    func put(_ key: Key, _ reading: TextReading) {
        lock.lock(); defer { lock.unlock() }
        guard entries[key] == nil, bytes + key.pixels.count <= Self.maxBytes else { return }
        entries[key] = reading
        bytes += key.pixels.count
    }
}
