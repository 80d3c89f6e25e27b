import Foundation
import ScreenCore

/// Which candidate values to render first when the value search cannot render them all: the ones
/// that change the value where its rendering disagrees with the video's field. A confusable glyph
/// at the end ("iq" for "io") leaves all its disagreement in the last glyph's columns, while a
/// doubled letter inserted earlier only moves text that already matches; rendering candidates in
/// the order they were enumerated spent the budget on the latter before the former was tried.
extension ValueCompare {
    /// The disagreement between a rendering's ink and the video's at their best registration (as
    /// `mismatch` counts it), per column of the rendering: a live ink pixel with no video ink
    /// near, or a video ink pixel (outside `pointer`) with no live ink near, counts in its column.
    public static func columnErrors(_ live: InkMap, _ video: InkMap, shift: (x: Int, y: Int) = (3, 2),
                                    pointer: PixelRect? = nil) -> [Int] {
        precondition(live.width == video.width && live.height == video.height)
        let r = registration(live, video, shift: shift, pointer: pointer)
        let p = pointer ?? PixelRect(x: -1, y: -1, width: 0, height: 0)
        var columns = [Int](repeating: 0, count: live.width)
        for y in 0..<live.height {
            let vy = y + r.dy
            let rowInPointer = vy >= p.y && vy < p.y + p.height
            for x in 0..<live.width {
                if live.ink[y * live.width + x], !near(video, x + r.dx, vy) { columns[x] += 1 }
                if video.at(x + r.dx, vy), !near(live, x, y), !(rowInPointer && x + r.dx >= p.x && x + r.dx < p.x + p.width) { columns[x] += 1 }
            }
        }
        return columns
    }

    /// A glyph's width relative to an average lower-case letter's: enough to place a glyph of a
    /// proportional font along the rendered text to within a glyph or so.
    static func glyphWeight(_ c: Character) -> Double {
        if "iljI1|.,:;'!’` ".contains(c) { return 0.45 }
        if "ftr()[]".contains(c) { return 0.65 }
        if "mwMW@%".contains(c) { return 1.5 }
        if c.isUppercase || c.isNumber { return 1.15 }
        return 1
    }

    /// Where each glyph boundary of `value` lies (columns of the rendering) when its glyphs fill
    /// `inkStart`…`inkEnd` in proportion to their widths: `value.count + 1` positions.
    static func glyphEdges(_ value: String, inkStart: Int, inkEnd: Int) -> [Double] {
        let w = value.map(glyphWeight)
        let total = max(0.01, w.reduce(0, +))
        let span = Double(max(1, inkEnd - inkStart + 1))
        var edges = [Double(inkStart)]
        var acc = 0.0
        for g in w { acc += g; edges.append(Double(inkStart) + span * acc / total) }
        return edges
    }

    /// `candidates` in the order worth rendering them: by the disagreement (`columns`, as
    /// `columnErrors` gives it for `current`'s rendering, whose ink spans `ink`) in the columns
    /// where each differs from `current` — the differing span, widened by half a glyph on either
    /// side and to one glyph at least (an inserted letter's own place) — most first; equal ones
    /// keep their order.
    public static func rankedByDisagreement(_ candidates: [String], current: String, columns: [Int],
                                            ink: (start: Int, end: Int)) -> [String] {
        guard !current.isEmpty, !columns.isEmpty, ink.end >= ink.start else { return candidates }
        let edges = glyphEdges(current, inkStart: ink.start, inkEnd: ink.end)
        let glyph = (edges.last! - edges.first!) / max(1, Double(current.count))
        var prefix = [0]
        for c in columns { prefix.append(prefix.last! + c) }
        func mass(_ a: Double, _ b: Double) -> Int {
            let lo = max(0, min(columns.count, Int(a.rounded(.down)))), hi = max(lo, min(columns.count, Int(b.rounded(.up))))
            return prefix[hi] - prefix[lo]
        }
        let cur = Array(current)
        let scored = candidates.enumerated().map { (k, c) -> (Int, Int, String) in
            let s = Array(c)
            var p = 0
            while p < cur.count, p < s.count, cur[p] == s[p] { p += 1 }
            var q = 0
            while q < cur.count - p, q < s.count - p, cur[cur.count - 1 - q] == s[s.count - 1 - q] { q += 1 }
            var a = edges[p] - glyph / 2, b = edges[cur.count - q] + glyph / 2
            if b - a < glyph { let mid = (a + b) / 2; a = mid - glyph / 2; b = mid + glyph / 2 }
            return (mass(a, b), k, c)
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
    }

    /// The columns of `map` that hold the text's ink, the first and the last, leaving out rows
    /// inked across most of the crop (`ruleShare`: a field's border or focus ring caught at the
    /// crop's top or bottom, which would make the text span the whole field and place every glyph
    /// wrong); nil when none does.
    public static func textExtent(_ map: InkMap) -> (start: Int, end: Int)? {
        let rules = (0..<map.height).filter { y in
            Double((0..<map.width).filter { map.ink[y * map.width + $0] }.count) >= ruleShare * Double(max(1, map.width))
        }
        guard !rules.isEmpty else { return inkExtent(map) }
        var text = map
        for y in rules { for x in 0..<map.width { text.ink[y * map.width + x] = false } }
        return inkExtent(text)
    }
    /// A row inked over at least this share of the crop's width is a rule (a border), not text.
    static let ruleShare = 0.6

    /// The columns of `map` that hold ink: the first and the last; nil when none does.
    public static func inkExtent(_ map: InkMap) -> (start: Int, end: Int)? {
        var first: Int?, last = 0
        for x in 0..<map.width where (0..<map.height).contains(where: { map.ink[$0 * map.width + x] }) {
            if first == nil { first = x }
            last = x
        }
        return first.map { ($0, last) }
    }
}

extension Run {
    /// `variants` of `value` ranked by where `value`'s rendering (`grays`) disagrees with the
    /// video's field at `moment` (`ValueCompare.rankedByDisagreement`); nil when `value` was not
    /// rendered or shows no ink.
    func rankVariants(_ variants: [String], of value: String, grays: [String: [Double]], moments: [InkMap], moment: Int,
                      width: Int, height: Int, pointer: PixelRect?) -> [String]? {
        guard variants.count > 1, let gray = grays[value], gray.count == width * height, moment < moments.count else { return nil }
        let live = ValueCompare.binarise(gray, width: width, height: height)
        guard let ink = ValueCompare.textExtent(live) else { return nil }
        let columns = ValueCompare.columnErrors(live, moments[moment], pointer: pointer)
        let order = ValueCompare.rankedByDisagreement(variants, current: value, columns: columns, ink: ink)
        debug("live: value \"\(value)\" disagrees with the video most around columns \(Self.worstColumns(columns)); its variants first: \(order.prefix(4).map { "\"\($0)\"" }.joined(separator: ", "))")
        return order
    }

    /// The few columns with the most disagreement, for the debug line.
    static func worstColumns(_ columns: [Int]) -> String {
        columns.enumerated().sorted { $0.element > $1.element }.prefix(3).map { "\($0.offset)" }.joined(separator: ",")
    }
}
