import Foundation
import Media
import OCR
import ScreenCore

/// The `TextReader` the analysis uses: crops go to the shared Tesseract pool (at most one engine
/// per core), which keeps every engine inside its own actor.
public struct PoolTextReader: TextReader {
    let pool: TextReaderPool
    /// A reader over `pool`.
    public init(pool: TextReaderPool) { self.pool = pool }

    /// Reads `image` (a crop) with the page segmentation `mode` maps to.
    public func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
        let psm: PageSegmentation = switch mode {
        case .line: .singleLine
        case .block: .block
        case .sparse: .sparse
        }
        let t0 = Date()
        let r = try await pool.read(image, mode: psm)
        Profile.shared.ocr(width: image.width, height: image.height, mode: "\(mode)", seconds: Date().timeIntervalSince(t0), cached: false)
        if let dir = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_DIR"] {
            let safe = String(r.text.prefix(40).map { $0.isLetter || $0.isNumber ? $0 : "_" })
            try? PNG.write(image, to: "\(dir)/ocr-\(UUID().uuidString.prefix(6))-\(Int(r.confidence))-\(safe).png")
        }
        return TextReading(lines: r.lines.map { l in
            TextLine(words: l.words.map { TextWord(text: $0.text, box: $0.box, confidence: $0.confidence) })
        })
    }
}
