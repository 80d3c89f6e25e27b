internal import CTesseract
internal import CTesseractStart
import Foundation
import ScreenCore

// Every call into Tesseract goes through this file. One engine is owned by one `TesseractEngine`
// which frees it in deinit; engines live inside `EngineSlot` actors and never cross tasks.

/// How Tesseract should segment a crop.
public enum PageSegmentation: Sendable {
    /// One line of text (PSM 7): buttons, fields, labels.
    case singleLine
    /// A uniform block of text (PSM 6).
    case block
    /// As much text as possible in no particular order (PSM 11): whole regions.
    case sparse
    /// Fully automatic page segmentation (PSM 3).
    case auto

    var mode: TessPageSegMode {
        switch self {
        case .singleLine: PSM_SINGLE_LINE
        case .block: PSM_SINGLE_BLOCK
        case .sparse: PSM_SPARSE_TEXT
        case .auto: PSM_AUTO
        }
    }
}

/// A recognised word with its box (in the crop's pixels) and confidence (0–100).
public struct OCRWord: Sendable, Hashable {
    public var text: String
    public var box: PixelRect
    public var confidence: Double
}

/// A line of words.
public struct OCRLine: Sendable, Hashable {
    public var words: [OCRWord]
    public var block: Int
    public var text: String { words.map(\.text).joined(separator: " ") }
    public var box: PixelRect { words.dropFirst().reduce(words.first?.box ?? PixelRect(x: 0, y: 0, width: 0, height: 0)) { $0.union($1.box) } }
    public var confidence: Double { words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count) }
}

/// What OCR read in one image.
public struct OCRResult: Sendable, Hashable {
    public var lines: [OCRLine]
    /// All lines joined by newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
    /// The mean word confidence (0–100).
    public var confidence: Double {
        let ws = lines.flatMap(\.words)
        return ws.isEmpty ? 0 : ws.map(\.confidence).reduce(0, +) / Double(ws.count)
    }
    public static let empty = OCRResult(lines: [])
}

/// Failure to start Tesseract.
public enum OCRError: Error, Sendable, CustomStringConvertible {
    case initFailed(language: String)
    public var description: String {
        switch self {
        case .initFailed(let l): "Tesseract could not load language '\(l)' (is tesseract-ocr-\(l) installed?)"
        }
    }
}

/// One Tesseract engine. Not Sendable: it is created and used inside one `EngineSlot` actor.
final class TesseractEngine {
    private var handle: OpaquePointer?

    /// Starts an engine with Tesseract's LSTM recogniser (the only one Screenwright uses; Debian's
    /// English data has no other). `trimmed` leaves out the legacy engine's universal ambiguity
    /// table, ~85 % of a start's CPU, which the LSTM recogniser never reads (CTesseractStart);
    /// `false` starts it in full (tests compare the two).
    init(language: String = "eng", trimmed: Bool = true) throws {
        OpenMPGuard.singleThreaded()
        handle = TessBaseAPICreate()
        guard handle != nil, screenwright_tess_start(handle, language, trimmed ? 1 : 0) == 0 else {
            if handle != nil { TessBaseAPIDelete(handle) }
            handle = nil
            throw OCRError.initFailed(language: language)
        }
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    }

    /// Universal-ambiguity loads left out in this process so far (see `init`).
    static var ambiguityLoadsSkipped: Int { screenwright_tess_ambig_loads_skipped() }

    deinit {
        if handle != nil { TessBaseAPIEnd(handle); TessBaseAPIDelete(handle) }
    }

    /// Reads text in `image` (any format; converted to gray).
    func recognize(_ image: Image, mode: PageSegmentation) -> OCRResult {
        guard image.width >= 3, image.height >= 3 else { return .empty }
        OpenMPGuard.singleThreaded()   // (the actor may run on another thread than last time)
        let gray = image.grayscale()
        TessBaseAPISetPageSegMode(handle, mode.mode)
        gray.pixels.withUnsafeBufferPointer { buf in
            TessBaseAPISetImage(handle, buf.baseAddress, Int32(gray.width), Int32(gray.height), 1, Int32(gray.bytesPerRow))
        }
        TessBaseAPISetSourceResolution(handle, 96)
        defer { TessBaseAPIClear(handle) }
        guard TessBaseAPIRecognize(handle, nil) == 0, let it = TessBaseAPIGetIterator(handle) else { return .empty }
        defer { TessResultIteratorDelete(it) }
        let page = TessResultIteratorGetPageIterator(it)
        var lines: [OCRLine] = []
        var current: [OCRWord] = []
        var block = -1
        repeat {
            if TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) != 0 { block += 1 }
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0, !current.isEmpty {
                lines.append(OCRLine(words: current, block: max(block, 0))); current = []
            }
            guard let cText = TessResultIteratorGetUTF8Text(it, RIL_WORD) else { continue }
            let text = String(cString: cText).trimmingCharacters(in: .whitespacesAndNewlines)
            TessDeleteText(cText)
            var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
            guard !text.isEmpty, TessPageIteratorBoundingBox(page, RIL_WORD, &l, &t, &r, &b) != 0 else { continue }
            let conf = Double(TessResultIteratorConfidence(it, RIL_WORD))
            current.append(OCRWord(text: text, box: PixelRect(x: Int(l), y: Int(t), width: Int(r - l), height: Int(b - t)),
                                   confidence: conf))
        } while TessResultIteratorNext(it, RIL_WORD) != 0
        if !current.isEmpty { lines.append(OCRLine(words: current, block: max(block, 0))) }
        return OCRResult(lines: lines)
    }
}
