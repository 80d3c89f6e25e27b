import Foundation
import ScreenCore

/// Finer judgements than the whole field's ink: one glyph's duel, and values whose start the
/// field scrolled out of sight.
extension ValueCompare {
    // MARK: - One glyph's duel

    /// How strongly each pixel is ink, 0…1: its difference from its columns' background (as
    /// `binarise` measures it) over the crop's strong contrast. Anti-aliased edges count by half,
    /// not all or nothing, so a one-pixel stroke the binary map forgives still counts.
    public static func inkStrength(_ gray: [Double], width: Int, height: Int) -> [Double] {
        guard !gray.isEmpty, width > 0, height > 0, gray.count == width * height else { return gray.map { _ in 0 } }
        let dev = backgroundDeviation(gray, width: width, height: height)
        let strong = max(minContrast, dev.sorted()[min(dev.count - 1, Int(Double(dev.count) * 0.98))])
        // Below the contrast binarise calls noise, nothing (compression's ringing).
        let floor = minContrast / 2
        return dev.map { $0 <= floor ? 0 : min(1, ($0 - floor) / max(1, strong - floor)) }
    }

    /// The shift (live pixel (x, y) over video pixel (x + dx, y + dy)) at which two ink maps
    /// agree best, as `mismatch` searches it.
    public static func bestShift(_ live: InkMap, _ video: InkMap, shift: (x: Int, y: Int) = (3, 2)) -> (dx: Int, dy: Int) {
        let r = registration(live, video, shift: shift)
        return (r.dx, r.dy)
    }

    /// Two renderings of values that differ in one glyph (`current` and `candidate`, gray levels
    /// of the live field resampled to the video's crop, `width`×`height`, like `video`), judged on
    /// that glyph alone: the pixels where the two renderings differ (a pixel around them, from the
    /// first such column a glyph's width on) are compared with the video's by ink strength, each rendering at its own best
    /// registration refined there to half a pixel. The rest of the field is the same text in both
    /// and only adds the two renderers' noise, which the whole field's count cannot see past when
    /// the glyphs differ by a stroke of three or four pixels (a serif "b" and "o").
    /// Returns each rendering's error there (ink-strength units, about pixels) and how far apart
    /// the two renderings are there (`apart`: what the duel can be won by at most); nil when the
    /// two renderings do not differ.
    ///
    /// `glyphs`: how many glyphs the differing span holds at most on either side (2 for "rn"
    /// against "m": the window reaches that many glyphs' widths on); `atEnd`: the span ends the
    /// value, so the window stops a pixel after the renderings' ink (the video's caret stands
    /// right after it).
    public static func glyphDuel(current: [Double], candidate: [Double], video: [Double], width: Int, height: Int,
                                 glyphs: Int = 1, atEnd: Bool = false)
        -> (current: Double, candidate: Double, apart: Double)? {
        let n = width * height
        guard n > 0, current.count == n, candidate.count == n, video.count == n else { return nil }
        // (Softened by a pixel's blur on both sides: a stroke a fraction of a pixel over still
        // overlaps, while a stroke missing counts by its whole ink.)
        let sc = blurred(inkStrength(current, width: width, height: height), width, height)
        let sk = blurred(inkStrength(candidate, width: width, height: height), width, height)
        let sv = blurred(inkStrength(video, width: width, height: height), width, height)
        // Where the two renderings differ.
        var first: Int?, last = 0
        for x in 0..<width {
            var d = 0.0
            for y in 0..<height { d += abs(sc[y * width + x] - sk[y * width + x]) }
            if d >= 1 { if first == nil { first = x }; last = x }
        }
        guard let first else { return nil }
        // A glyph is about 0.7 of the text's height wide (the rows with ink).
        let rows = (0..<height).filter { y in (0..<width).contains { sc[y * width + $0] > 0.2 || sk[y * width + $0] > 0.2 } }
        let textHeight = max(4, (rows.last ?? height - 1) - (rows.first ?? 0) + 1)
        let x0 = max(0, first - 2)
        var x1 = min(width, min(last, first + Int(0.7 * Double(textHeight) * Double(max(1, glyphs)))) + 3)
        if atEnd, let inkEnd = (0..<width).last(where: { x in (0..<height).contains { sc[$0 * width + x] > 0.2 || sk[$0 * width + x] > 0.2 } }) {
            x1 = min(x1, inkEnd + 1)
        }
        guard x1 > x0 else { return nil }
        // Only where the two renderings differ (a pixel around): the same text elsewhere in the
        // window adds only both renderers' noise, alike on both sides.
        var mask = [Bool](repeating: false, count: n)
        for y in 0..<height {
            for x in x0..<x1 where abs(sc[y * width + x] - sk[y * width + x]) > 0.15 {
                for j in max(0, y - 1)...min(height - 1, y + 1) { for i in max(x0, x - 1)...min(x1 - 1, x + 1) { mask[j * width + i] = true } }
            }
        }
        let vmap = binarise(video, width: width, height: height)
        func local(_ s: [Double], _ gray: [Double]) -> Double {
            let g = bestShift(binarise(gray, width: width, height: height), vmap)
            var best = Double.infinity
            for hy in stride(from: 2 * g.dy - 2, through: 2 * g.dy + 2, by: 2) {
                for hx in (2 * g.dx - 2)...(2 * g.dx + 2) {
                    var e = 0.0
                    for y in 0..<height {
                        for x in x0..<x1 where mask[y * width + x] {
                            e += abs(s[y * width + x] - sampled(sv, width, height, 2 * x + hx, 2 * y + hy))
                        }
                    }
                    best = min(best, e)
                }
            }
            return best
        }
        var apart = 0.0
        for y in 0..<height { for x in x0..<x1 where mask[y * width + x] { apart += abs(sc[y * width + x] - sk[y * width + x]) } }
        return (local(sc, current), local(sk, candidate), apart)
    }

    /// `s` blurred by the kernel [1 2 1]/4 across and down (the ink outside the crop is lost).
    static func blurred(_ s: [Double], _ width: Int, _ height: Int) -> [Double] {
        func at(_ a: [Double], _ x: Int, _ y: Int) -> Double { x >= 0 && y >= 0 && x < width && y < height ? a[y * width + x] : 0 }
        var h = s, v = s
        for y in 0..<height { for x in 0..<width { h[y * width + x] = (at(s, x - 1, y) + 2 * at(s, x, y) + at(s, x + 1, y)) / 4 } }
        for y in 0..<height { for x in 0..<width { v[y * width + x] = (at(h, x, y - 1) + 2 * at(h, x, y) + at(h, x, y + 1)) / 4 } }
        return v
    }

    /// `s` (ink strengths) at half-pixel coordinates (`hx`/2, `hy`/2): between two pixels, their
    /// mean; outside the crop, nothing.
    static func sampled(_ s: [Double], _ width: Int, _ height: Int, _ hx: Int, _ hy: Int) -> Double {
        func at(_ x: Int, _ y: Int) -> Double { x >= 0 && y >= 0 && x < width && y < height ? s[y * width + x] : 0 }
        let x = hx >> 1, y = hy >> 1
        switch (hx & 1, hy & 1) {
        case (0, 0): return at(x, y)
        case (1, 0): return (at(x, y) + at(x + 1, y)) / 2
        case (0, 1): return (at(x, y) + at(x, y + 1)) / 2
        default: return (at(x, y) + at(x + 1, y) + at(x, y + 1) + at(x + 1, y + 1)) / 4
        }
    }

    /// Whether the candidate wins its glyph's duel: at most half the current value's error there,
    /// and a stroke's few pixels less.
    public static func winsDuel(_ duel: (current: Double, candidate: Double, apart: Double)) -> Bool {
        duel.candidate <= duelShare * duel.current && duel.current - duel.candidate >= duelMin
    }
    /// The share of the current glyph's error a candidate may keep and win.
    static let duelShare = 0.5
    /// The least gain (ink-strength pixels) that wins a duel.
    static let duelMin = 2.0

    /// Where two values differ: the common start and end left out, what is between on each side
    /// (`a`'s part, `b`'s part) and whether that part ends the values (`atEnd`).
    public static func differingSpan(_ a: String, _ b: String) -> (a: String, b: String, atEnd: Bool) {
        let x = Array(a), y = Array(b)
        var p = 0
        while p < x.count, p < y.count, x[p] == y[p] { p += 1 }
        var s = 0
        while s < x.count - p, s < y.count - p, x[x.count - 1 - s] == y[y.count - 1 - s] { s += 1 }
        return (String(x[p..<(x.count - s)]), String(y[p..<(y.count - s)]), s == 0)
    }

    /// Glyphs a text caret right after them looks like (or hides): a duel at the value's end
    /// between these cannot tell the caret from the glyph.
    static let barLike: Set<Character> = ["l", "I", "1", "|", "i", "j", "!", "t", "f", "J", "[", "]"]

    /// The candidates worth a glyph's duel against `current`: one span of at most two glyphs
    /// other on either side — one glyph for another, or two confusable ones for one ("rn" for
    /// "m", "cl" for "d", "vv" for "w") — not a letter's case alone (the whole field judges
    /// case), not a bar-like glyph at the value's end (the video's caret stands right after it),
    /// whose whole field rendered no worse than `current`'s (`errors`, mismatched pixels, against
    /// `currentError`), best first.
    /// `slack`: how many pixels worse than `current` a candidate's whole field may render (a
    /// winner's own duel: "rn" renders a gap's pixels nearer to a blurred "m" than "m" does).
    public static func duelCandidates(_ current: String, errors: [String: Int], currentError: Int, limit: Int = 3, slack: Int = 0) -> [String] {
        let list = errors.filter { cand, e in
            guard e <= currentError + slack, cand != current, abs(cand.count - current.count) <= 1 else { return false }
            let d = differingSpan(current, cand)
            guard (1...2).contains(max(d.a.count, d.b.count)), !d.a.isEmpty, !d.b.isEmpty else { return false }
            if d.atEnd, (d.a + d.b).contains(where: { barLike.contains($0) }) { return false }
            return d.a.lowercased() != d.b.lowercased()
        }
        return list.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(limit).map(\.key)
    }

    // MARK: - A field scrolled at the end of typing

    /// A value typed past a field's width scrolls its start out of sight: the video's field at the
    /// end of typing shows only its end ("nc retry with backo" for "Sync retry with backoff"). The
    /// start is in what else shows the same text — the field's value before the typing (an edit
    /// keeps words of the old title), or the field read at an earlier moment, before it scrolled:
    /// where `reading` (its trailing marks dropped) starts with four letters or more that one of
    /// `sources` holds after a start of its own, that start is put back; and a last word that
    /// stops short of a word of the same source is completed from it ("backo" → "backoff").
    /// Best first (completed ends first); none when no source holds the reading's start.
    public static func scrolledCompletions(of reading: String, sources: [String]) -> [String] {
        var r = reading.trimmingCharacters(in: .whitespaces)
        while let last = r.last, !last.isLetter, !last.isNumber { r.removeLast(); r = r.trimmingCharacters(in: .whitespaces) }
        while let first = r.first, !first.isLetter, !first.isNumber { r.removeFirst() }
        guard r.count >= 4 else { return [] }
        var complete: [String] = [], partial: [String] = []
        for s in sources where s.count > 4 {
            let src = Array(s), rc = Array(r)
            // The longest start of the reading (≥ 4) that the source holds after some start.
            var found: (at: Int, length: Int)?
            var length = rc.count
            while length >= 4, found == nil {
                let head = String(rc[..<length])
                if let range = s.range(of: head), range.lowerBound > s.startIndex {
                    found = (s.distance(from: s.startIndex, to: range.lowerBound), length)
                }
                length -= 1
            }
            guard let (at, _) = found else { continue }
            let start = String(src[..<at])
            let joined = start + r
            // The last word completed from the source's word it starts.
            if let lastWord = r.split(separator: " ").last.map(String.init), lastWord.count >= 2,
               let word = s.split(separator: " ").map(String.init).first(where: { $0.count > lastWord.count && $0.hasPrefix(lastWord) }) {
                let full = joined + String(word.dropFirst(lastWord.count))
                if !complete.contains(full) { complete.append(full) }
            }
            if !partial.contains(joined) { partial.append(joined) }
        }
        return complete + partial.filter { !complete.contains($0) }
    }

    // MARK: - Shapes the field's type asks for

    /// Whether `s` is shaped like an email address (`local@domain.tld`, no spaces): what an
    /// email field (`type=email`) is typed with, which the app's validation checks.
    public static func isAddress(_ s: String) -> Bool {
        s.wholeMatch(of: /[^@\s]+@[^@\s.]+(\.[^@\s.]+)*\.[A-Za-z]{2,}/) != nil
    }
}
