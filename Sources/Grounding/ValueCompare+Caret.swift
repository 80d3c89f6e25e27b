import Foundation
import ScreenCore

/// The video's text caret is no glyph. At the end of typing the recorded field shows the caret
/// right after the last glyph (the browser keeps it solid while keys come), and the live field's
/// is hidden while comparing: a caret drawn against a round last glyph makes it read — and render —
/// as another one ("io|" is the ink of "iq" or "id"), so the wrong value matched best by a few
/// pixels and the right one was left unrendered. A caret (and a resting I-beam pointer) is one
/// unbroken vertical stroke spanning the font's line box; the glyphs of typed text never reach
/// that high in one stroke (an ascender or a descender is about three quarters of the font size:
/// measured 10 video pixels against the caret's 15 and the I-beam's 16 at 16 px). Such bars are
/// taken out of the ink of both sides in a second count, which decides only between values that
/// differ in their last glyph (`caretSwap`): the caret's place says where the text ends, which the
/// first count keeps (with it left out everywhere, "Maria Santos" no longer beat "Maria Santo:"
/// clearly: 19 against 27 pixels, where 36 against 54 with it).
extension ValueCompare {
    /// A bar is a caret when its unbroken run is at least this fraction of the font size.
    static let caretRun = 0.85
    /// The widest bar (pixels) taken for a caret or an I-beam's stem.
    static let caretWidth = 3

    /// Each column's longest unbroken vertical run of ink: its length and first row.
    static func longestRuns(_ map: InkMap) -> [(length: Int, top: Int)] {
        (0..<map.width).map { x in
            var best = (length: 0, top: 0), cur = 0
            for y in 0..<map.height {
                if map.ink[y * map.width + x] {
                    cur += 1
                    if cur > best.length { best = (cur, y - cur + 1) }
                } else { cur = 0 }
            }
            return best
        }
    }

    /// The bars of `map`: groups of at most `caretWidth` adjacent columns whose unbroken run is
    /// `minRun` pixels or more (a wider group is a block — a selection, an edge — not a caret).
    /// Each bar is given as its columns and, per column, the rows of its run.
    public static func caretBars(_ map: InkMap, minRun: Int) -> [(columns: ClosedRange<Int>, rows: [ClosedRange<Int>])] {
        guard minRun > 0, map.width > 0, map.ink.count == map.width * map.height else { return [] }
        let runs = longestRuns(map)
        var out: [(columns: ClosedRange<Int>, rows: [ClosedRange<Int>])] = []
        var x = 0
        while x < map.width {
            guard runs[x].length >= minRun else { x += 1; continue }
            var end = x
            while end + 1 < map.width, runs[end + 1].length >= minRun { end += 1 }
            if end - x + 1 <= caretWidth {
                out.append((x...end, (x...end).map { runs[$0].top...(runs[$0].top + runs[$0].length - 1) }))
            }
            x = end + 1
        }
        return out
    }

    /// `map` without its bars (`caretBars`); `map` itself when it has none.
    public static func erasingCarets(_ map: InkMap, minRun: Int) -> InkMap {
        let bars = caretBars(map, minRun: minRun)
        guard !bars.isEmpty else { return map }
        var out = map
        for bar in bars {
            for (x, rows) in zip(bar.columns, bar.rows) { for y in rows { out.ink[y * map.width + x] = false } }
        }
        return out
    }

    /// `map` without its bars (`caretBars`) nor, at each bar's two ends, the ink within `serif`
    /// columns of it on the end rows and the row past each (a resting I-beam's serifs: about
    /// 3 CSS pixels either side of its stem); `map` itself when it has no bar. The fields
    /// reconcile compares the video's field so: a pointer resting over a field (wizard-full-booking's
    /// Nights "3" with the I-beam beside it: 53 pixels off of 109 ink, so the right value was not
    /// kept) or its caret is no glyph of any value.
    ///
    /// A bar with no ink in the `serif` columns beyond its serifs and their outline on either side
    /// (an I-beam resting apart from the text, not a caret against its last glyph) goes with its
    /// whole box, serifs and outline either side and two rows past its ends: the pointer's outline
    /// and shadow.
    public static func erasingBars(_ map: InkMap, minRun: Int, serif: Int) -> InkMap {
        let bars = caretBars(map, minRun: minRun)
        guard !bars.isEmpty else { return map }
        var out = map
        for bar in bars {
            for (x, rows) in zip(bar.columns, bar.rows) { for y in rows { out.ink[y * map.width + x] = false } }
            let top = bar.rows.map(\.lowerBound).min() ?? 0, bottom = bar.rows.map(\.upperBound).max() ?? 0
            let x0 = max(0, bar.columns.lowerBound - serif), x1 = min(map.width - 1, bar.columns.upperBound + serif)
            guard x0 <= x1 else { continue }
            // (The pointer's outline reaches past its serifs, `outlineWidth`: the columns looked
            // at for text start beyond it, and the erased box takes it.)
            let outline = outlineWidth(serif: serif)
            let o0 = max(0, x0 - outline), o1 = min(map.width - 1, x1 + outline)
            let beyond = Array(max(0, o0 - serif)..<o0) + Array((o1 + 1)..<min(map.width, o1 + 1 + serif))
            let apart = !beyond.contains { x in (max(0, top)...min(map.height - 1, bottom)).contains { map.ink[$0 * map.width + x] } }
            let rows = apart ? Array((top - 2)...(bottom + 2)) : [top - 1, top, top + 1, bottom - 1, bottom, bottom + 1]
            for y in rows where y >= 0 && y < map.height {
                for x in (apart ? o0...o1 : x0...x1) { out.ink[y * map.width + x] = false }
            }
        }
        return out
    }

    /// How many pixels a resting I-beam's outline reaches past its serifs (`serif` pixels from
    /// the stem): a third of that, at least one. wizard-full-booking's Nights "3": the X pointer's
    /// serifs end 3 pixels from its stem, its outline 4; a box of the serifs' width found the
    /// outline's column beside it to be text, so the I-beam was not taken as apart from the "3"
    /// and its outline stayed as ink ("3" rendered 27 pixels off, "1" 36).
    static func outlineWidth(serif: Int) -> Int { max(1, serif / 3) }

    /// The least run (video pixels) of a caret in a field whose font is `fontSize` CSS pixels
    /// drawn at `scale` video pixels per CSS pixel; 0 (no bars taken out) when the size is unknown.
    public static func caretMinRun(fontSize: Double?, scale: Double) -> Int {
        guard let f = fontSize, f > 0, scale > 0 else { return 0 }
        return Int((caretRun * f * scale).rounded(.up))
    }

    /// The least gain (pixels, carets left out) of a last glyph over the kept one's: a descender's
    /// few pixels ("q" against "o" at 14 px is 3–4).
    static let caretSwapGain = 2

    /// The candidate of `errors` that is `kept` with another last glyph whose rendering, with the
    /// carets left out of both sides (`caretless`), beats `kept`'s by `caretSwapGain` pixels, while with
    /// the caret in it is no more than a caret's pixels (`caret`) and `minGain` worse: the last
    /// glyph read and matched was the one before the caret merged with it. The best such; nil
    /// when none (no bar in the video: the two counts are equal, and `kept` rendered best).
    public static func caretSwap(_ kept: String, errors: [String: Int], caretless: [String: Int], caret: Int) -> String? {
        guard let mine = caretless[kept], let withCaret = errors[kept], !kept.isEmpty else { return nil }
        let stem = kept.dropLast()
        return caretless.filter { c, e in
            c != kept && c.count == kept.count && c.dropLast() == stem && e + caretSwapGain <= mine
                && (errors[c] ?? .max) <= withCaret + caret + minGain
        }.min { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
    }
}
