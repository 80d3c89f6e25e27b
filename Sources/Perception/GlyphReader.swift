// Names the one glyph an icon-only button shows (→ ← ✕ ✎ ☆ ★), which OCR cannot read: it
// returns nothing or a stray letter ("he", "a", "F") for them. Their accessible name is an
// aria-label the video never shows, but the glyph is the button's visible text, which is what a
// locator (scoped to its card or row by `context`) can find.

import ScreenCore

/// Reads a lone icon glyph from its shape: the ink inside a small element is thresholded against
/// the element's own background, and the ink's layout is tested against each glyph's skeleton
/// (an arrow's shaft and head, a cross's two diagonals, a pencil's one thick diagonal, a star's
/// apex, arms and legs). Anything else — letters, digits, a square, a blob — reads as nil.
public enum GlyphReader {
    /// Every glyph `classify` can name.
    public static let glyphs: Set<String> = ["\u{2192}", "\u{2190}", "\u{2715}", "\u{270E}", "\u{2606}", "\u{2605}", "\u{2750}"]

    /// A binary ink mask, cropped to the ink's bounding box.
    public struct Mask: Sendable, Equatable {
        public let width: Int
        public let height: Int
        public var bits: [Bool]

        public init(width: Int, height: Int, bits: [Bool]) {
            precondition(bits.count == width * height)
            self.width = width; self.height = height; self.bits = bits
        }

        /// A mask from rows of text, `#` for ink (for tests and debugging).
        public init(rows: [String]) {
            let w = rows.map(\.count).max() ?? 0
            var b: [Bool] = []
            for r in rows { b += r.map { $0 == "#" } + Array(repeating: false, count: w - r.count) }
            self.init(width: w, height: rows.count, bits: b)
        }

        public subscript(x: Int, y: Int) -> Bool {
            x >= 0 && y >= 0 && x < width && y < height && bits[y * width + x]
        }

        /// Ink within `r` pixels of the fractional point (fx, fy) of the mask.
        func inkNear(_ fx: Double, _ fy: Double, radius r: Int) -> Bool {
            let cx = Int((fx * Double(width - 1)).rounded()), cy = Int((fy * Double(height - 1)).rounded())
            for dy in -r...r { for dx in -r...r where self[cx + dx, cy + dy] { return true } }
            return false
        }

        /// The fraction of ink in the fractional rectangle [x0, x1) × [y0, y1).
        func fill(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Double {
            let ax = Int(x0 * Double(width)), bx = max(ax + 1, Int((x1 * Double(width)).rounded(.up)))
            let ay = Int(y0 * Double(height)), by = max(ay + 1, Int((y1 * Double(height)).rounded(.up)))
            var n = 0, ink = 0
            for y in ay..<min(by, height) { for x in ax..<min(bx, width) { n += 1; if self[x, y] { ink += 1 } } }
            return n == 0 ? 0 : Double(ink) / Double(n)
        }

        /// The fraction of `samples` points along the segment (x0, y0)–(x1, y1) with ink near them.
        func lineCoverage(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, radius: Int, samples: Int = 12) -> Double {
            var hit = 0
            for i in 0..<samples {
                let t = (Double(i) + 0.5) / Double(samples)
                if inkNear(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, radius: radius) { hit += 1 }
            }
            return Double(hit) / Double(samples)
        }
    }

    /// The glyph shown inside `box` of `image` (an icon button's face), or nil. `avoid` (the
    /// pointer, when it may still be in the picture) must not touch the glyph. With `squares`,
    /// a hollow square at most half the box's side is the copy glyph ❐ (only where `box` is a
    /// button's own outline: around a bare checkbox, its square is the control itself).
    public static func glyph(in image: Image, box: PixelRect, avoid: PixelRect? = nil, squares: Bool = false) -> String? {
        guard let m = mask(in: image, box: box, avoid: avoid) else { return nil }
        if let g = classify(m) { return g }
        if squares, m.width * 2 <= box.width, m.height * 2 <= box.height, hollowSquare(m) { return "\u{2750}" }
        return nil
    }

    /// ❐ (a copy button's glyph): a small square outline, ink along most of each of its four
    /// sides and none in its middle. (A ticked box has ink inside; a letter like "O" or "D" has
    /// rounded corners, which leave its corners bare.)
    public static func hollowSquare(_ m: Mask) -> Bool {
        let aspect = Double(m.width) / Double(m.height)
        guard aspect >= 0.75, aspect <= 1.33, min(m.width, m.height) >= 6 else { return false }
        let sides = [m.lineCoverage(0, 0, 1, 0, radius: 0), m.lineCoverage(0, 1, 1, 1, radius: 0),
                     m.lineCoverage(0, 0, 0, 1, radius: 0), m.lineCoverage(1, 0, 1, 1, radius: 0)]
        let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].allSatisfy { m.inkNear($0.0, $0.1, radius: 0) }
        return sides.allSatisfy { $0 >= 0.85 } && corners && m.fill(0.3, 0.3, 0.7, 0.7) <= 0.05
    }

    /// The ink of the one glyph inside `box`: pixels that differ from the box's background (the
    /// median of its edge) by at least a third of the strongest contrast inside (a small arrow's
    /// head is faint), kept only in pieces that stay clear of the box's edge (its border, a
    /// neighbour) and reach into its middle half (an underline or a shadow does not), cropped to
    /// their extent.
    static func mask(in image: Image, box: PixelRect, avoid: PixelRect?) -> Mask? {
        let r = box.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.width >= 10, r.height >= 10 else { return nil }
        var edge: [Int] = []
        for x in r.x..<r.maxX { edge.append(Int(image.luma(x: x, y: r.y))); edge.append(Int(image.luma(x: x, y: r.maxY - 1))) }
        for y in r.y..<r.maxY { edge.append(Int(image.luma(x: r.x, y: y))); edge.append(Int(image.luma(x: r.maxX - 1, y: y))) }
        edge.sort()
        let bg = edge[edge.count / 2]
        var strongest = 0
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { strongest = max(strongest, abs(Int(image.luma(x: x, y: y)) - bg)) } }
        guard strongest >= 60 else { return nil }
        let threshold = max(30, strongest / 3)
        let w = r.width, h = r.height
        var ink = [Bool](repeating: false, count: w * h)
        for y in 0..<h { for x in 0..<w { ink[y * w + x] = abs(Int(image.luma(x: r.x + x, y: r.y + y)) - bg) >= threshold } }
        // Connected pieces (8-neighbours); those touching the box's edge are not the glyph.
        var label = [Int](repeating: -1, count: w * h)
        var keep: [(minX: Int, minY: Int, maxX: Int, maxY: Int, n: Int)] = []
        var keptLabels: [Int] = []
        var next = 0
        for start in 0..<(w * h) where ink[start] && label[start] < 0 {
            var stack = [start]; label[start] = next
            var minX = w, minY = h, maxX = -1, maxY = -1, n = 0, touches = false
            while let p = stack.popLast() {
                let px = p % w, py = p / w
                n += 1; minX = min(minX, px); maxX = max(maxX, px); minY = min(minY, py); maxY = max(maxY, py)
                if px <= 1 || py <= 1 || px >= w - 2 || py >= h - 2 { touches = true }
                for dy in -1...1 { for dx in -1...1 {
                    let qx = px + dx, qy = py + dy
                    guard qx >= 0, qy >= 0, qx < w, qy < h else { continue }
                    let q = qy * w + qx
                    if ink[q] && label[q] < 0 { label[q] = next; stack.append(q) }
                } }
            }
            let central = maxX >= w / 4 && minX <= w * 3 / 4 && maxY >= h / 4 && minY <= h * 3 / 4
            // (A piece spanning most of the box both ways is the button's own border.)
            let frame = maxX - minX + 1 >= w * 3 / 4 && maxY - minY + 1 >= h * 3 / 4
            if !touches && central && !frame && n >= 3 { keep.append((minX, minY, maxX, maxY, n)); keptLabels.append(next) }
            next += 1
        }
        guard let first = keep.first else { return nil }
        let minX = keep.map(\.minX).min() ?? first.minX, maxX = keep.map(\.maxX).max() ?? first.maxX
        let minY = keep.map(\.minY).min() ?? first.minY, maxY = keep.map(\.maxY).max() ?? first.maxY
        let gw = maxX - minX + 1, gh = maxY - minY + 1
        guard max(gw, gh) >= 8, min(gw, gh) >= 4 else { return nil }
        if let a = avoid, a.expanded(2, 2).intersection(PixelRect(x: r.x + minX, y: r.y + minY, width: gw, height: gh)).area > 0 { return nil }
        let kept = Set(keptLabels)
        var bits = [Bool](repeating: false, count: gw * gh)
        for y in 0..<gh { for x in 0..<gw {
            let l = label[(minY + y) * w + minX + x]
            bits[y * gw + x] = l >= 0 && kept.contains(l)
        } }
        return Mask(width: gw, height: gh, bits: bits)
    }

    /// The glyph a mask shows, or nil when it is none of the known ones.
    public static func classify(_ m: Mask) -> String? {
        let w = Double(m.width), h = Double(m.height)
        let aspect = w / h
        let total = m.fill(0, 0, 1, 1)
        guard total > 0.05, total < 0.7 else { return nil }
        let r = max(1, min(m.width, m.height) / 8)
        if aspect >= 1.3, let a = arrow(m) { return a }
        guard aspect >= 0.7, aspect <= 1.45 else { return nil }
        let diag = m.lineCoverage(0, 0, 1, 1, radius: r)
        let anti = m.lineCoverage(1, 0, 0, 1, radius: r)
        let topMid = m.inkNear(0.5, 0, radius: 0), leftMid = m.inkNear(0, 0.5, radius: 0)
        let bottomMid = m.inkNear(0.5, 1, radius: 0), rightMid = m.inkNear(1, 0.5, radius: 0)
        // ✕: both diagonals, nothing at the middles of the sides.
        if diag >= 0.9, anti >= 0.9, !topMid, !leftMid, !bottomMid, !rightMid { return "\u{2715}" }
        // ✎: one thick diagonal from top left to bottom right, the other two corners bare.
        // (Its ink stays in a band along that diagonal: a hand pointer's blob does not.)
        if diag >= 0.9, !m.inkNear(1, 0, radius: r), !m.inkNear(0, 1, radius: r), thickness(m) >= max(3, Double(m.width) / 6),
           nearDiagonal(m, within: 0.35) >= 0.85 {
            return "\u{270E}"
        }
        // ☆ / ★: an apex at the top middle with bare corners beside it, arms reaching both sides
        // a third of the way down, two legs at the bottom with a notch between them.
        let apex = m.inkNear(0.5, 0, radius: r) && !m.inkNear(0.1, 0.05, radius: 0) && !m.inkNear(0.9, 0.05, radius: 0)
        let arms = [0.33, 0.38, 0.43].contains { y in m.inkNear(0, y, radius: r) && m.inkNear(1, y, radius: r) }
        let legs = m.inkNear(0.15, 1, radius: r) && m.inkNear(0.85, 1, radius: r) && !m.inkNear(0.5, 1, radius: 0)
            && m.fill(0.4, 0.9, 0.6, 1) <= 0.1
        let bareCorners = m.fill(0, 0, 0.25, 0.25) < 0.1 && m.fill(0.75, 0, 1, 0.25) < 0.1
        if apex, arms, legs, bareCorners {
            return m.fill(0.4, 0.45, 0.6, 0.65) >= 0.6 ? "\u{2605}" : "\u{2606}"
        }
        return nil
    }

    /// → or ←: a shaft across the whole width near the middle, and a head (the tallest columns)
    /// at one end while the other end is only as tall as the shaft.
    static func arrow(_ m: Mask) -> String? {
        let shaft = (0..<m.height).contains { y in
            abs(Double(y) - Double(m.height - 1) / 2) <= Double(m.height) / 4
                && Double((0..<m.width).filter { m[$0, y] }.count) >= 0.9 * Double(m.width)
        }
        guard shaft else { return nil }
        let heights = (0..<m.width).map { x in (0..<m.height).filter { m[x, $0] }.count }
        let tallest = heights.max() ?? 0
        guard tallest >= 3 else { return nil }
        let edge = max(1, m.width / 5)
        let left = Double(heights.prefix(edge).reduce(0, +)) / Double(edge)
        let right = Double(heights.suffix(edge).reduce(0, +)) / Double(edge)
        let headAt = heights.firstIndex(of: tallest) ?? 0
        if Double(headAt) >= 0.55 * Double(m.width), left <= 0.45 * Double(tallest) { return "\u{2192}" }
        let lastTall = heights.lastIndex(of: tallest) ?? 0
        if Double(lastTall) <= 0.45 * Double(m.width), right <= 0.45 * Double(tallest) { return "\u{2190}" }
        return nil
    }

    /// The fraction of ink within `within` (in fractions of the side) of the diagonal from the
    /// top left to the bottom right.
    static func nearDiagonal(_ m: Mask, within: Double) -> Double {
        var n = 0, near = 0
        for y in 0..<m.height { for x in 0..<m.width where m[x, y] {
            n += 1
            if abs(Double(x) / Double(max(1, m.width - 1)) - Double(y) / Double(max(1, m.height - 1))) <= within { near += 1 }
        } }
        return n == 0 ? 0 : Double(near) / Double(n)
    }

    /// The stroke's width across the middle: the longest stretch of ink (gaps of up to two pixels
    /// bridged: an outlined pencil is hollow) along the anti-diagonal through the centre. A
    /// pencil is drawn thick, a backslash thin.
    static func thickness(_ m: Mask) -> Double {
        let cx = m.width / 2, cy = m.height / 2, reach = max(m.width, m.height)
        var best = 0, start: Int?, last = Int.min
        for d in -reach...reach where m[cx + d, cy - d] || m[cx + d + 1, cy - d] {
            if let s = start, d - last <= 3 { best = max(best, d - s + 1) } else { start = d; best = max(best, 1) }
            last = d
        }
        return Double(best) * 1.41
    }
}
