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
public struct PoolTextReader: TextReader {
    let pool: TextReaderPool
    let cache = OCRCache()
    /// A reader over `pool`.
    public init(pool: TextReaderPool) { self.pool = pool }

    /// Reads `image` (a crop) with the page segmentation `mode` maps to.
    public func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
        let psm: PageSegmentation = switch mode {
        case .line: .singleLine
        case .block: .block
        case .sparse: .sparse
        }
        let key = OCRCache.Key(mode: mode, image: image)
        if let hit = cache.get(key) {
            Profile.shared.ocr(width: image.width, height: image.height, mode: "\(mode)", seconds: 0, cached: true)
            return hit
        }
        let t0 = Date()
        let r = try await pool.read(image, mode: psm)
        Profile.shared.ocr(width: image.width, height: image.height, mode: "\(mode)", seconds: Date().timeIntervalSince(t0), cached: false)
        if let dir = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_DIR"] {
            let safe = String(r.text.prefix(40).map { $0.isLetter || $0.isNumber ? $0 : "_" })
            try? PNG.write(image, to: "\(dir)/ocr-\(UUID().uuidString.prefix(6))-\(Int(r.confidence))-\(safe).png")
        }
        let reading = TextReading(lines: r.lines.map { l in
            TextLine(words: l.words.map { TextWord(text: $0.text, box: $0.box, confidence: $0.confidence) })
        })
        cache.put(key, reading)
        return reading
    }
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
    static let maxBytes = 48 * 1024 * 1024
    private let lock = NSLock()
    private var entries: [Key: TextReading] = [:]
    private var bytes = 0

    func get(_ key: Key) -> TextReading? { lock.lock(); defer { lock.unlock() }; return entries[key] }

    func put(_ key: Key, _ reading: TextReading) {
        lock.lock(); defer { lock.unlock() }
        guard entries[key] == nil, bytes + key.pixels.count <= Self.maxBytes else { return }
        entries[key] = reading
        bytes += key.pixels.count
    }
}
