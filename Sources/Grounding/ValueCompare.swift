import Browser
import Foundation
import ScreenCore

/// A field's text reduced to where its ink is: a binary map, one flag per pixel.
///
/// Headless Chromium and the recorded browser draw the same text with slightly different
/// anti-aliasing, and the video adds compression; what survives both is which pixels are text.
/// Each side is binarised against its own background (the median luminance of the crop), so a
/// focus tint or a different field colour does not count, only the letters' shapes.
public struct InkMap: Sendable, Equatable {
    public let width: Int, height: Int
    public var ink: [Bool]
    public init(width: Int, height: Int, ink: [Bool]) {
        precondition(ink.count == width * height)
        self.width = width; self.height = height; self.ink = ink
    }
    /// How many pixels are ink.
    public var count: Int { ink.reduce(0) { $0 + ($1 ? 1 : 0) } }

    @inline(__always) func at(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height && ink[y * width + x]
    }
}

/// Render and compare for typed values: the pixel judge of which candidate value the video's field
/// shows (docs/grounding.md, "Typed values"). Pure functions; the live side is `Run.compareValue`.
public enum ValueCompare {
    /// The ink of `image`'s region `r`, resampled (box filter) to `width`×`height`.
    ///
    /// A pixel is ink when it differs from the crop's background (its median) by more than
    /// `inkFraction` of the crop's strong contrast (its 98th percentile of differences), and by at
    /// least `minContrast` levels: thin strokes that compression greyed still count, smooth shading
    /// does not. A crop with no contrast (an empty field) has no ink.
    public static func inkMap(_ image: Image, _ r: PixelRect, width: Int, height: Int) -> InkMap {
        let gray = resample(image, r, width, height)
        return binarise(gray, width: width, height: height)
    }

    /// Fraction of the strong contrast above which a pixel is ink.
    static let inkFraction = 0.4
    /// The least difference from the background (0–255) that is ink.
    static let minContrast = 28.0

    /// Binarises luminance values (row-major, `width`×`height`) against their background: the
    /// median of the columns around each pixel (five wide), so that text drawn selected — light
    /// letters inside a dark highlight that fills the line, as a date field's focused part — is
    /// ink by its letters, not by its block.
    public static func binarise(_ gray: [Double], width: Int, height: Int) -> InkMap {
        guard !gray.isEmpty, width > 0, height > 0 else { return InkMap(width: width, height: height, ink: []) }
        let dev = backgroundDeviation(gray, width: width, height: height)
        let strong = dev.sorted()[min(dev.count - 1, Int(Double(dev.count) * 0.98))]
        let threshold = max(minContrast, strong * inkFraction)
        return InkMap(width: width, height: height, ink: dev.map { $0 > threshold })
    }

    /// Each pixel's difference from its background: the median of the columns around it (five
    /// wide), as `binarise` and `inkStrength` measure ink.
    static func backgroundDeviation(_ gray: [Double], width: Int, height: Int) -> [Double] {
        var columnBg = [Double](repeating: 0, count: width)
        for x in 0..<width {
            var v: [Double] = []
            v.reserveCapacity(5 * height)
            for c in max(0, x - 2)...min(width - 1, x + 2) { for y in 0..<height { v.append(gray[y * width + c]) } }
            v.sort()
            columnBg[x] = v[v.count / 2]
        }
        var dev = [Double](repeating: 0, count: gray.count)
        for y in 0..<height { for x in 0..<width { dev[y * width + x] = abs(gray[y * width + x] - columnBg[x]) } }
        return dev
    }

    /// The region's luminance averaged into a `w`×`h` grid.
    static func resample(_ img: Image, _ r: PixelRect, _ w: Int, _ h: Int) -> [Double] {
        var out = [Double](repeating: 0, count: w * h)
        let x0 = max(0, r.x), y0 = max(0, r.y)
        let x1 = min(img.width, r.x + r.width), y1 = min(img.height, r.y + r.height)
        guard x1 > x0, y1 > y0, w > 0, h > 0 else { return out }
        let sx = Double(x1 - x0) / Double(w), sy = Double(y1 - y0) / Double(h)
        for j in 0..<h {
            let ya = y0 + Int(Double(j) * sy), yb = max(ya + 1, min(y1, y0 + Int(Double(j + 1) * sy)))
            for i in 0..<w {
                let xa = x0 + Int(Double(i) * sx), xb = max(xa + 1, min(x1, x0 + Int(Double(i + 1) * sx)))
                var sum = 0, n = 0
                for y in ya..<yb { for x in xa..<xb { sum += Int(img.luma(x: x, y: y)); n += 1 } }
                out[j * w + i] = n > 0 ? Double(sum) / Double(n) : 0
            }
        }
        return out
    }

    /// How two ink maps of one size disagree: the ink pixels of either with no ink of the other
    /// within one pixel (a pixel of blur or rounding is forgiven), at the best of the small shifts
    /// up to `shift` (the live box and the video's are registered to a pixel or two).
    /// Returns that count (`error`) and the ink both have (`ink`, the larger of the two counts).
    ///
    /// `pointer` (video pixels of the crop): where the video's pointer may rest over the text. Its
    /// ink is in no rendering, so inside it only the live ink the video lacks counts, not the
    /// video's ink the rendering lacks (a resting I-beam read as "li" is no letter the value lacks).
    public static func mismatch(_ live: InkMap, _ video: InkMap, shift: (x: Int, y: Int) = (3, 2),
                                pointer: PixelRect? = nil) -> (error: Int, ink: Int) {
        precondition(live.width == video.width && live.height == video.height)
        return (registration(live, video, shift: shift, pointer: pointer).error, max(live.count, video.count))
    }

    /// The shift (live pixel (x, y) over video pixel (x + dx, y + dy)) up to `shift` at which two
    /// ink maps of one size disagree least, and that disagreement (as `mismatch` counts it); between
    /// shifts that disagree equally, the smaller one.
    ///
    /// Two browsers may place a field's text a few pixels apart (their own padding: Firefox's
    /// text starts 2 CSS pixels right of Chromium's in some fields), more than `shift`: the shifts
    /// around the one that lines up the two texts' starts (their first ink columns) are searched
    /// too, so the whole text is not judged a glyph off.
    static func registration(_ live: InkMap, _ video: InkMap, shift: (x: Int, y: Int), pointer: PixelRect? = nil) -> (dx: Int, dy: Int, error: Int) {
        var best = (dx: 0, dy: 0, error: Int.max)
        let p = pointer ?? PixelRect(x: -1, y: -1, width: 0, height: 0)
        let shifts = registrationShifts(live, video, shift: shift)
        // (The counts `registrationByPixel` makes, with each pixel's neighbourhood looked up once
        // per map instead of once per shift: the video's ink and its 3×3 spread over every
        // position a shift reaches, the live ink's spread over the live map.)
        let w = live.width, h = live.height
        let px = (shifts.map { abs($0) }.max() ?? 0) + 1, py = abs(shift.y) + 1
        let pw = w + 2 * px, ph = h + 2 * py
        var videoInk = [Bool](repeating: false, count: pw * ph)
        for y in -py..<(h + py) { for x in -px..<(w + px) where video.at(x, y) { videoInk[(y + py) * pw + x + px] = true } }
        var videoNear = [Bool](repeating: false, count: pw * ph)
        for y in 1..<max(1, ph - 1) {
            for x in 1..<max(1, pw - 1) {
                var any = false
                for j in (y - 1)...(y + 1) { for i in (x - 1)...(x + 1) where videoInk[j * pw + i] { any = true } }
                videoNear[y * pw + x] = any
            }
        }
        var liveNear = [Bool](repeating: false, count: w * h)
        for y in 0..<h { for x in 0..<w { liveNear[y * w + x] = near(live, x, y) } }
        live.ink.withUnsafeBufferPointer { liveInk in
            liveNear.withUnsafeBufferPointer { liveNear in
                videoInk.withUnsafeBufferPointer { videoInk in
                    videoNear.withUnsafeBufferPointer { videoNear in
                        for dy in -shift.y...shift.y {
                            for dx in shifts {
                                var e = 0
                                for y in 0..<h {
                                    let vy = y + dy
                                    let rowInPointer = vy >= p.y && vy < p.y + p.height
                                    let v = (vy + py) * pw + px + dx, l = y * w
                                    for x in 0..<w {
                                        // live (x, y) lies over video (x + dx, y + dy).
                                        if liveInk[l + x], !videoNear[v + x] { e += 1 }
                                        if videoInk[v + x], !liveNear[l + x], !(rowInPointer && x + dx >= p.x && x + dx < p.x + p.width) { e += 1 }
                                    }
                                    // (Stops only once worse than the best: a partial count equal to it could
                                    // otherwise win a tie it would lose whole.)
                                    if e > best.error { break }
                                }
                                if e < best.error || e == best.error && abs(dx) + abs(dy) < abs(best.dx) + abs(best.dy) { best = (dx, dy, e) }
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    /// The horizontal shifts `registration` tries: up to `shift.x` either way, and those around
    /// the one that lines up the two texts' first ink columns when that is farther.
    static func registrationShifts(_ live: InkMap, _ video: InkMap, shift: (x: Int, y: Int)) -> [Int] {
        var shifts = Array(-shift.x...shift.x)
        if let a = inkExtent(live)?.start, let b = inkExtent(video)?.start, abs(b - a) > shift.x, abs(b - a) <= maxStartShift {
            shifts += ((b - a - shift.x)...(b - a + shift.x)).filter { abs($0) > shift.x }
        }
        return shifts
    }

    /// `registration` as it was first written, pixel by pixel (each neighbourhood looked at
    /// again for every shift): the reference the faster one is tested against.
    static func registrationByPixel(_ live: InkMap, _ video: InkMap, shift: (x: Int, y: Int), pointer: PixelRect? = nil) -> (dx: Int, dy: Int, error: Int) {
        var best = (dx: 0, dy: 0, error: Int.max)
        let p = pointer ?? PixelRect(x: -1, y: -1, width: 0, height: 0)
        let shifts = registrationShifts(live, video, shift: shift)
        for dy in -shift.y...shift.y {
            for dx in shifts {
                var e = 0
                for y in 0..<live.height {
                    let vy = y + dy
                    let rowInPointer = vy >= p.y && vy < p.y + p.height
                    for x in 0..<live.width {
                        if live.ink[y * live.width + x], !near(video, x + dx, y + dy) { e += 1 }
                        if video.at(x + dx, vy), !near(live, x, y), !(rowInPointer && x + dx >= p.x && x + dx < p.x + p.width) { e += 1 }
                    }
                    if e > best.error { break }
                }
                if e < best.error || e == best.error && abs(dx) + abs(dy) < abs(best.dx) + abs(best.dy) { best = (dx, dy, e) }
            }
        }
        return best
    }

    /// The farthest apart (pixels) two texts' starts are lined up by `registration`: about a
    /// glyph and a half, no more (a value missing its first letters is not lined up with them).
    static let maxStartShift = 12

    @inline(__always) static func near(_ m: InkMap, _ x: Int, _ y: Int) -> Bool {
        for j in (y - 1)...(y + 1) { for i in (x - 1)...(x + 1) where m.at(i, j) { return true } }
        return false
    }

    /// Whether a candidate's rendering (`candidate` mismatched pixels) beats the reader's own
    /// value's (`reading`) clearly: by three tenths of its error at least, and by at least
    /// `clearGain` pixels or a fiftieth of the ink, whichever is more — a letter's worth of
    /// pixels, not the noise of two renderers and a caret (measured: a right value renders 15–36
    /// pixels off; a wrong letter swapped in gains up to 11 of them on that noise).
    public static func clearlyBetter(_ candidate: Int, than reading: Int, ink: Int) -> Bool {
        let gain = reading - candidate
        return gain >= max(clearGain, ink / 50) && Double(candidate) <= 0.7 * Double(reading)
    }

    /// The least gain in mismatched pixels that replaces a reading.
    static let clearGain = 12

    /// Whether `bare` (a value without its last letter, `l`, `I` or `|`) is what was typed after
    /// all: a text caret after the last letter looks like that letter. A bar (`|`, `I`) is kept
    /// only while the rendering with it matches the video's (caret shown) better by more than
    /// a caret's pixels (`caret`: the line's height in video pixels); a small `l` is a letter
    /// names end in ("Paul"), so the rendering without it must match at least as well.
    public static func caretExplains(_ value: String, bare: String, error: Int, bareError: Int, caret: Int) -> Bool {
        guard value.count == bare.count + 1, value.hasPrefix(bare), let last = value.last, "lI|".contains(last) else { return false }
        return last == "l" ? bareError <= error : bareError <= error + caret + minGain
    }

    /// The least gain in mismatched pixels that counts.
    static let minGain = 5

    /// Whether a rendering `error` pixels off the video's (of `ink`) already shows the same text:
    /// within what a text caret in the video (about a line's height of pixels) and the two
    /// renderers' differences leave — `matchPixels`, or an eightieth of the ink on long values.
    /// Then no other candidate is tried.
    public static func matches(_ error: Int, ink: Int) -> Bool { error < max(matchPixels, ink / 80) }
    static let matchPixels = 24
    /// A candidate replaces the reading only when its own rendering is this close to the video's
    /// (error / ink): a value that looks like the video, not merely less unlike it.
    public static let looksAlike = 0.2

    // MARK: - Candidates

    /// The other values worth rendering for a typed value read as `value`, best first, at most
    /// `limit`: a text caret read after the last letter dropped; a stray mark at either end
    /// dropped; for an address, a space or a "j" that is a lost dot; a letter a person typed twice
    /// read once (ll, ss, tt…); single swaps of glyphs OCR confuses (l/I, rn/m, g/q/y, an o whose
    /// bottom touches a mark below read as q, a clipped s read as ":"; a digit for a letter — l/1, O/0, S/5 — only beside a digit). `email` says the value is an address (no spaces in it).
    public static func variants(of value: String, email: Bool = false, limit: Int = 24) -> [String] {
        var out: [String] = []
        func add(_ s: String) {
            let t = s.trimmingCharacters(in: .whitespaces)
            if t != value, !t.isEmpty, !out.contains(t), out.count < limit { out.append(t) }
        }
        if let bare = Run.withoutCaret(value) { add(bare) }
        let chars = Array(value)
        // A caret drawn right after the last letter, read as one more ("Petroval").
        if let last = chars.last, "lI|".contains(last), chars.count > 3, chars[chars.count - 2].isLetter { add(String(chars.dropLast())) }
        // A stray mark at an end (a caret, the field's edge): dropped.
        if let last = chars.last, "|'’‘`*:;,.!".contains(last), chars.count > 2 { add(String(chars.dropLast())) }
        if let first = chars.first, "|'’‘`*:;,.!".contains(first), chars.count > 2 { add(String(chars.dropFirst())) }
        if email {
            // An address has no space: a gap is a lost dot; a "j" before a short domain label is
            // often a dot and an i drawn together (".ie" read "je").
            for (k, c) in chars.enumerated() where c == " " {
                var d = chars; d[k] = "."; add(String(d))
            }
            if let at = chars.firstIndex(of: "@") {
                for k in chars.indices where k > at && chars[k] == "j" && chars[k - 1] != "." {
                    var d = chars; d.replaceSubrange(k...k, with: [".", "i"]); add(String(d))
                }
            }
            // "@" read as a letter run ("giy" for "@a…") cannot be guessed; a missing "@" between
            // two words can only come from the other readings.
        }
        let swaps: [(String, String)] = [("l", "I"), ("I", "l"), ("1", "l"), ("l", "1"), ("rn", "m"), ("m", "rn"),
                                         ("g", "q"), ("q", "g"), ("g", "y"), ("y", "g"), ("O", "0"), ("0", "O"),
                                         ("S", "5"), ("5", "S"), (":", "s"), ("vv", "w"), ("cl", "d"), ("ii", "u"), ("q", "o")]
        // A doubled letter read once: the letters people double.
        for (k, c) in chars.enumerated() where "lstfeopmnrcdgbz".contains(c) && (k + 1 >= chars.count || chars[k + 1] != c) && (k == 0 || chars[k - 1] != c) {
            var d = chars; d.insert(c, at: k); add(String(d))
        }
        for (from, to) in swaps {
            var search = value.startIndex..<value.endIndex
            while let r = value.range(of: from, range: search) {
                search = r.upperBound..<value.endIndex
                // A digit for a letter (or back) only beside a digit: "Ca1" is no word.
                if from.first!.isNumber != to.first!.isNumber {
                    let before = r.lowerBound > value.startIndex ? value[value.index(before: r.lowerBound)] : " "
                    let after = r.upperBound < value.endIndex ? value[r.upperBound] : " "
                    guard before.isNumber || after.isNumber else { continue }
                }
                add(value.replacingCharacters(in: r, with: to))
            }
        }
        return out
    }

    /// For a date field, the values (ISO `yyyy-mm-dd`, what the DOM holds) of the dates a reading
    /// may show (`mm/dd/yyyy`, as the browser's own date field draws them; or ISO): the month and
    /// day read, with the year read when it has four digits, then each year of `years` (the reader
    /// garbles a year it cannot see well). Empty when the reading has no month and day.
    public static func dateValues(_ reading: String, years: [Int]) -> [String] {
        let groups = reading.split(whereSeparator: { !$0.isNumber }).map(String.init)
        func iso(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }
        if groups.count >= 3, groups[0].count == 4, let y = Int(groups[0]), let m = Int(groups[1]), let d = Int(groups[2]),
           (1...12).contains(m), (1...31).contains(d) {
            return [iso(y, m, d)]
        }
        guard groups.count >= 2, groups[0].count <= 2, groups[1].count <= 2, let m = Int(groups[0]), let d = Int(groups[1]),
              (1...12).contains(m), (1...31).contains(d) else { return [] }
        var out: [String] = []
        if groups.count >= 3, groups[2].count == 4, let y = Int(groups[2]) { out.append(iso(y, m, d)) }
        for y in years where !out.contains(iso(y, m, d)) { out.append(iso(y, m, d)) }
        return out
    }
}
