import Foundation
import ScreenCore

/// The person's pointer resting over the text being typed, an I-beam drawn through a letter: the
/// reader takes the letter and the stem together for a bar-like glyph ("miil" for "mail", the
/// I-beam over the "a"), and no confusable swap turns "i" back into "a". A text caret moves on
/// with every key; the resting I-beam stays: a bar of a caret's height at the same column at
/// every compared moment of the typing is the pointer, and the glyph under it is unknown. The
/// letters a stem through them hides are rendered in its place and judged like any candidate.
/// (Session 28's shop-delivery-refused-24fps: the analysis gave the fill no point, so the
/// pointer's place was not known to `restingPointer`.)
extension ValueCompare {
    /// The columns (of the video's crop) of the bars that stand at the same place (within a
    /// pixel) in every one of `moments` (each moment's bars as `caretBars` gives their columns):
    /// a resting pointer's stem. Empty with fewer than two moments, or when no two moments differ
    /// in their bars (a caret after typing ended stands still too: nothing says which is which).
    public static func stillBars(_ moments: [[ClosedRange<Int>]]) -> [Int] {
        guard moments.count >= 2, let first = moments.first else { return [] }
        func same(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Bool { abs(a.lowerBound - b.lowerBound) <= 1 && abs(a.upperBound - b.upperBound) <= 1 }
        // (A moment whose bars all stand where the first moment's do, and back: nothing moved.)
        let moved = moments.dropFirst().contains { m in m.count != first.count || !m.allSatisfy { b in first.contains { same($0, b) } } }
        guard moved else { return [] }
        return first.filter { bar in moments.dropFirst().allSatisfy { m in m.contains { same($0, bar) } } }
            .map { ($0.lowerBound + $0.upperBound) / 2 }
    }

    /// Glyphs the reader makes of a letter with a stem through it.
    static let stemGlyphs: Set<Character> = ["i", "l", "I", "1", "|", "j", "!", "t", "f"]
    /// The letters a stem drawn through them hides (round and short ones: a tall letter's own
    /// shape survives the stem).
    static let hiddenUnderStem: [Character] = ["a", "e", "o", "u", "n", "c", "s", "r"]

    /// The values `value` may be when a resting pointer's stem stands at `column` of the
    /// rendering's crop, whose text ink spans `ink`: each bar-like glyph (`stemGlyphs`) whose place
    /// (`glyphEdges`, widened by half a glyph either way) holds the column, replaced by each letter
    /// of `hiddenUnderStem`. The glyph nearest the column first. Empty when the column is outside
    /// the text's ink or no bar-like glyph is there.
    public static func underStem(_ value: String, column: Int, ink: (start: Int, end: Int)) -> [String] {
        guard !value.isEmpty, ink.end > ink.start, column >= ink.start, column <= ink.end else { return [] }
        let edges = glyphEdges(value, inkStart: ink.start, inkEnd: ink.end)
        let chars = Array(value)
        let glyph = (edges.last! - edges.first!) / Double(max(1, chars.count))
        let near = chars.indices.filter { k in
            stemGlyphs.contains(chars[k]) && Double(column) >= edges[k] - glyph / 2 && Double(column) <= edges[k + 1] + glyph / 2
        }.sorted { abs((edges[$0] + edges[$0 + 1]) / 2 - Double(column)) < abs((edges[$1] + edges[$1 + 1]) / 2 - Double(column)) }
        var out: [String] = []
        for k in near {
            for c in hiddenUnderStem where c != chars[k] {
                var d = chars; d[k] = c
                let s = String(d)
                if !out.contains(s) { out.append(s) }
            }
        }
        return out
    }

    /// Whether `s` may be the start of an email address as it is typed (an incomplete address a
    /// form refuses: "ravi.menon@"): no spaces, at most one "@", only an address's characters.
    public static func isPartialAddress(_ s: String) -> Bool {
        !s.isEmpty && s.filter { $0 == "@" }.count <= 1
            && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-@'".contains($0)) }
    }
}
