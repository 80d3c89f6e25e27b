internal import CFFmpeg
import Foundation
import ScreenCore

// Decode once: the motion pass records the luma plane of every frame it decodes, compactly (each
// frame as the row spans that differ from the frame before — on a screen recording most rows of
// most frames do not change), so the sub-agents can rebuild the full-size gray frames they need
// instead of decoding the recording a second time. Rebuilt frames go through the same libswscale
// conversion a `VideoReader` applies, so they are byte-for-byte the frames it would deliver.

/// Bytes that recorders filling at the same time may keep, all together.
///
/// Invariant (for `@unchecked Sendable`): `left` and `taken` are only touched under `lock`.
public final class FrameStoreBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var left: Int
    private var taken = 0
    /// A budget of `bytes`.
    public init(bytes: Int) { left = max(0, bytes) }
    /// Takes `n` bytes if they are left.
    func take(_ n: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard n <= left else { return false }
        left -= n; taken += n
        return true
    }
    /// Bytes taken so far.
    public var used: Int { lock.lock(); defer { lock.unlock() }; return taken }
}

/// One changed stretch of a row: `length` bytes at column `x` of row `row`, kept at `offset` of page `page`.
struct LumaSpan: Sendable {
    var row: Int32, x: Int32, length: Int32, page: Int32, offset: Int32
}

/// The recorded frames of one run of a reader: the time of every frame it delivered, and the luma
/// planes of the first `stored` of them (all of them unless the budget ran out, the pixel format
/// keeps no separate 8-bit luma plane, or the frame size changed).
public struct LumaChunk: Sendable {
    let width: Int, height: Int, format: Int32
    let chromaShiftW: Int, chromaShiftH: Int
    /// Presentation time of every frame delivered, in order.
    public let times: [Double]
    /// How many of the first frames have their luma plane recorded.
    public let stored: Int
    /// Frame `i`'s spans are `spans[spanStart[i]..<spanStart[i + 1]]` (frame 0: every row, whole).
    let spanStart: [Int]
    let spans: [LumaSpan]
    let pages: [[UInt8]]
    /// Bytes of pixels kept.
    public var bytes: Int { pages.reduce(0) { $0 + $1.count } }
}

/// Records the luma plane of every frame a `VideoReader` delivers (pass it to the reader's
/// `recorder`). Not Sendable: it lives in the task that decodes; `finish()` hands over the result.
public final class LumaRecorder {
    private let budget: FrameStoreBudget
    private var width = 0, height = 0, format: Int32 = -1, chromaShiftW = 0, chromaShiftH = 0
    /// The last recorded frame's plane, `width` bytes a row.
    private var current: [UInt8] = []
    private var times: [Double] = []
    private var spanStart: [Int] = [0]
    private var spans: [LumaSpan] = []
    private var pages: [[UInt8]] = []
    private var pageUsed = 0
    private var storing = true
    /// Bytes of one page of kept rows (at most one frame's plane).
    static let pageSize = 1 << 20

    /// A recorder that keeps at most what `budget` still allows.
    public init(budget: FrameStoreBudget) { self.budget = budget }

    /// Frames whose plane is recorded.
    private var stored: Int { spanStart.count - 1 }

    func record(_ f: UnsafeMutablePointer<AVFrame>, time: Double) {
        times.append(time)
        guard storing else { return }
        let w = Int(f.pointee.width), h = Int(f.pointee.height)
        if stored == 0 {
            var cw: Int32 = 0, ch: Int32 = 0
            guard sw_planar_yuv8(f.pointee.format, &cw, &ch) != 0, w > 0, h > 0 else { storing = false; return }
            width = w; height = h; format = f.pointee.format; chromaShiftW = Int(cw); chromaShiftH = Int(ch)
            current = [UInt8](repeating: 0, count: w * h)
        } else if w != width || h != height || f.pointee.format != format {
            storing = false; current = []; return
        }
        var lineSize: Int32 = 0
        guard let plane = sw_frame_plane0(f, &lineSize), lineSize >= Int32(w) else { storing = false; current = []; return }
        let first = stored == 0
        let ok = current.withUnsafeMutableBufferPointer { cur -> Bool in
            let base = cur.baseAddress!
            for row in 0..<h {
                let src = plane + row * Int(lineSize)
                let dst = base + row * w
                var a = 0, b = w - 1
                if !first {
                    if memcmp(src, dst, w) == 0 { continue }
                    while src[a] == dst[a] { a += 1 }
                    while src[b] == dst[b] { b -= 1 }
                }
                let n = b - a + 1
                guard let (page, offset) = reserve(n) else { return false }
                pages[page].withUnsafeMutableBufferPointer { p in
                    (p.baseAddress! + offset).update(from: src + a, count: n)
                }
                (dst + a).update(from: src + a, count: n)
                spans.append(LumaSpan(row: Int32(row), x: Int32(a), length: Int32(n), page: Int32(page), offset: Int32(offset)))
            }
            return true
        }
        if ok {
            spanStart.append(spans.count)
        } else {
            // Out of budget: this frame is not kept, nor any after it.
            spans.removeLast(spans.count - spanStart[spanStart.count - 1])
            storing = false; current = []
        }
    }

    /// Room for `n` bytes: the page and offset, or nil when the budget is spent.
    private func reserve(_ n: Int) -> (Int, Int)? {
        if pages.isEmpty || pageUsed + n > pages[pages.count - 1].count {
            let size = max(min(Self.pageSize, width * height), n)
            guard budget.take(size) else { return nil }
            pages.append([UInt8](repeating: 0, count: size))
            pageUsed = 0
        }
        defer { pageUsed += n }
        return (pages.count - 1, pageUsed)
    }

    /// What was recorded so far (recording goes on): the frames delivered until now, whose
    /// kept planes rebuild exactly as they will from `finish()`'s chunk.
    public func snapshot() -> LumaChunk {
        LumaChunk(width: width, height: height, format: format, chromaShiftW: chromaShiftW, chromaShiftH: chromaShiftH,
                  times: times, stored: stored, spanStart: spanStart, spans: spans, pages: pages)
    }

    /// What was recorded.
    public func finish() -> LumaChunk {
        current = []
        return LumaChunk(width: width, height: height, format: format, chromaShiftW: chromaShiftW, chromaShiftH: chromaShiftH,
                         times: times, stored: stored, spanStart: spanStart, spans: spans, pages: pages)
    }
}

/// Every frame of a recording as one pass decoded it, in order: their times, and the luma planes
/// of those kept (see `LumaRecorder`). Built from the chunks of one pass, in time order.
public struct DecodedFrames: Sendable {
    /// The time of every frame, in order, never decreasing.
    public let times: [Double]
    let chunks: [LumaChunk]
    /// Index in `times` of each chunk's first frame.
    let firstIndex: [Int]

    /// The frames of `chunks`, which together delivered every frame once, in order.
    public init(chunks: [LumaChunk]) {
        var times: [Double] = []
        var first: [Int] = []
        var last = -Double.infinity
        for c in chunks {
            first.append(times.count)
            for t in c.times { last = max(last, t); times.append(last) }
        }
        self.times = times; self.chunks = chunks; firstIndex = first
    }

    /// Bytes of pixels kept.
    public var bytes: Int { chunks.reduce(0) { $0 + $1.bytes } }
    /// How many frames have their plane kept.
    public var storedCount: Int { chunks.reduce(0) { $0 + $1.stored } }

    /// The chunk and position in it of frame `i`.
    func locate(_ i: Int) -> (chunk: Int, local: Int)? {
        guard i >= 0, i < times.count else { return nil }
        var lo = 0, hi = firstIndex.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if firstIndex[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return (lo, i - firstIndex[lo])
    }

    /// Whether frame `i` can be rebuilt.
    public func isStored(_ i: Int) -> Bool {
        guard let (c, l) = locate(i) else { return false }
        return l < chunks[c].stored
    }
}

/// Rebuilds full-size gray frames from `DecodedFrames`, exactly as a `VideoReader` asked for
/// `Rendition(format: .gray8)` delivers them (same conversion, same rotation). Cheapest when
/// asked for frames in order: it keeps the last frame rebuilt and applies the changed rows.
///
/// libswscale's same-size conversion of an 8-bit luma plane to gray is a per-pixel table (the
/// range expansion); the table is read off libswscale itself for the recording's frame size and
/// checked on two test planes, and then only the changed stretches of a frame are converted.
/// When the check fails, every frame goes through libswscale whole. Not Sendable: create it in
/// the task that uses it.
public final class StoredFrameReader {
    private var frames: DecodedFrames
    private let info: MediaInfo
    private let quarterTurns: Int
    private var chunk = -1, local = -1
    /// The current frame's luma plane (without a table) or gray rendition (with one).
    private var plane: [UInt8] = []
    private var chroma: [UInt8] = []
    private var scaler: Scaler?
    private var table: [UInt8]?
    private var grayStride = 0
    private var dstW = 0, dstH = 0

    /// A reader of `frames`, decoded from a recording described by `info`.
    public init(frames: DecodedFrames, info: MediaInfo) {
        self.frames = frames; self.info = info; quarterTurns = info.rotation / 90
    }

    /// Reads on from `newer`, a later snapshot of the same recording (`LumaRecorder.snapshot()`
    /// taken after the one this reader holds, or its `finish()`): its first frames are exactly
    /// the frames held now, so the frame rebuilt last stays current and the next one in order
    /// costs only its changed rows, as it would in one reader of `newer` (a growing source: an
    /// agent reading the frames of a pass that is still decoding).
    public func extend(to newer: DecodedFrames) {
        precondition(newer.times.count >= frames.times.count && newer.chunks.count >= frames.chunks.count,
                     "a later snapshot of the same frames")
        frames = newer
    }

    /// Frame `i` in full size gray, or nil when its plane was not kept.
    public func image(at i: Int) throws -> Image? {
        guard let (c, l) = frames.locate(i) else { return nil }
        let ch = frames.chunks[c]
        guard l < ch.stored else { return nil }
        if c != chunk || l < local {
            if c != chunk { try prepare(ch) }
            chunk = c; local = -1
            plane = [UInt8](repeating: 0, count: table == nil ? ch.width * ch.height : grayStride * ch.height)
        }
        let rowStride = table == nil ? ch.width : grayStride
        plane.withUnsafeMutableBufferPointer { p in
            let base = p.baseAddress!
            while local < l {
                local += 1
                for s in ch.spans[ch.spanStart[local]..<ch.spanStart[local + 1]] {
                    ch.pages[Int(s.page)].withUnsafeBufferPointer { src in
                        let from = src.baseAddress! + Int(s.offset), to = base + Int(s.row) * rowStride + Int(s.x)
                        if let table {
                            table.withUnsafeBufferPointer { t in for k in 0..<Int(s.length) { to[k] = t[Int(from[k])] } }
                        } else {
                            to.update(from: from, count: Int(s.length))
                        }
                    }
                }
            }
        }
        var img: Image
        if table != nil {
            img = Image(width: dstW, height: dstH, format: .gray8, bytesPerRow: grayStride, pixels: plane)
        } else {
            let cw = (ch.width + (1 << ch.chromaShiftW) - 1) >> ch.chromaShiftW
            img = scaler!.convert(luma: plane, lumaStride: ch.width, chroma: chroma, chromaStride: cw, height: ch.height)
        }
        if quarterTurns != 0 { img = img.rotated(clockwiseQuarterTurns: quarterTurns) }
        return img
    }

    /// Tables found so far, by frame size and pixel format (nil: the conversion is no table).
    private static let tables = TableCache()

    /// The conversion for the frames of `ch`: libswscale's, and its table when it is one.
    private func prepare(_ ch: LumaChunk) throws {
        var (w, h) = Rendition(format: .gray8).size(forSourceWidth: info.displayWidth, height: info.displayHeight)
        if quarterTurns % 2 == 1 { swap(&w, &h) }
        dstW = w; dstH = h
        scaler = Scaler(srcW: Int32(ch.width), srcH: Int32(ch.height), srcFormat: ch.format, dstW: w, dstH: h, format: .gray8)
        guard let scaler else { throw InputError.corrupt(path: info.path, reason: "cannot convert frame format") }
        let cw = (ch.width + (1 << ch.chromaShiftW) - 1) >> ch.chromaShiftW
        let chh = (ch.height + (1 << ch.chromaShiftH) - 1) >> ch.chromaShiftH
        chroma = [UInt8](repeating: 128, count: cw * chh + 64)
        table = nil
        grayStride = (w + 31) & ~31
        guard w == ch.width, h == ch.height else { return }
        let key = "\(w)x\(h):\(ch.format)"
        if let known = Self.tables.value(key) { table = known; return }
        defer { Self.tables.set(key, table) }
        // Two test planes, each value at many places: the output must be one value per input value.
        var lut = [Int](repeating: -1, count: 256)
        for pattern in 0..<2 {
            var probe = [UInt8](repeating: 0, count: w * h)
            for y in 0..<h { for x in 0..<w { probe[y * w + x] = UInt8(truncatingIfNeeded: pattern == 0 ? x + 3 * y : x * 7 + y * 13 + (x >> 3)) } }
            let out = scaler.convert(luma: probe, lumaStride: w, chroma: chroma, chromaStride: cw, height: h)
            for y in 0..<h {
                for x in 0..<w {
                    let v = Int(probe[y * w + x]), o = Int(out.pixels[y * out.bytesPerRow + x])
                    if lut[v] < 0 { lut[v] = o } else if lut[v] != o { return }
                }
            }
        }
        guard !lut.contains(-1) else { return }
        table = lut.map { UInt8($0) }
    }
}

/// Conversion tables by frame geometry, shared by the agents' readers.
///
/// Invariant (for `@unchecked Sendable`): `entries` is only touched under `lock`.
private final class TableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: [UInt8]?] = [:]
    func value(_ key: String) -> [UInt8]?? { lock.lock(); defer { lock.unlock() }; return entries[key] }
    func set(_ key: String, _ table: [UInt8]?) { lock.lock(); entries[key] = .some(table); lock.unlock() }
}
