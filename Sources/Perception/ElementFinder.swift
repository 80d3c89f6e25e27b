import ScreenCore

/// What kind of thing lies under a point, judged by shape alone.
public enum ElementShape: String, Sendable, Hashable, Codable {
    /// A small square box: a checkbox or radio.
    case control
    /// A wide, short, plain box: a text field, a select or a wide button.
    case field
    /// A box with its own background: a button, a tab, a menu item, a chip.
    case box
    /// Text on the page's background: a link or a label.
    case text
}

/// An element found around a point.
public struct FoundElement: Sendable, Hashable {
    public var box: PixelRect
    public var shape: ElementShape
    /// The luma of the element's background.
    public var background: UInt8
    public init(box: PixelRect, shape: ElementShape, background: UInt8) {
        self.box = box; self.shape = shape; self.background = background
    }
}

/// Finds the element under a point by growing the uniformly coloured region it sits in (a
/// button's face, a field's interior, a checkbox's square); when that region is the page itself,
/// the element is the line of text nearest the point.
public enum ElementFinder {
    /// Luma distance from the seed that still belongs to the region.
    static let tolerance = 6

    /// The element at `point` inside `bounds`; pixels inside `avoid` (the pointer) are passable.
    public static func element(at point: PixelPoint, in image: Image, bounds: PixelRect,
                               avoid: PixelRect? = nil) -> FoundElement? {
        let b = bounds.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard b.contains(point) else { return nil }
        let seed = bestSeed(near: point, in: image, bounds: b, avoid: avoid)
        let maxArea = min(b.area / 3, 250_000)
        let (region, area, capped) = flood(from: seed, in: image, bounds: b, avoid: avoid, maxArea: maxArea)
        let bg = image.luma(x: seed.x, y: seed.y)
        let isPage = capped || region.width >= b.width * 7 / 10 || (region.width > 700 && region.height > 250)
        if !isPage && area > 12 {
            let w = region.width, h = region.height
            if w >= 6, h >= 6, w <= 34, h <= 34, Double(w) / Double(h) > 0.7, Double(w) / Double(h) < 1.4 {
                return FoundElement(box: region, shape: .control, background: bg)
            }
            if h >= 16, h <= 90, w >= 40 {
                return FoundElement(box: region, shape: Double(w) >= 2.5 * Double(h) && bg > 200 ? .field : .box, background: bg)
            }
            if h >= 12, h <= 160, w >= 16, w <= 600 {
                return FoundElement(box: region, shape: .box, background: bg)
            }
        }
        if let line = textLine(near: point, in: image, bounds: b, background: Int(bg), avoid: avoid) {
            return FoundElement(box: line, shape: .text, background: bg)
        }
        return nil
    }

    /// A seed near `point` that sits on a flat patch (not on a glyph, a border or the pointer).
    static func bestSeed(near p: PixelPoint, in image: Image, bounds: PixelRect, avoid: PixelRect?) -> PixelPoint {
        var best = p, bestScore = Int.max
        for (dx, dy) in [(0, 0), (-4, -4), (-4, 0), (0, -4), (4, -4), (-8, 0), (-8, -8), (0, -8), (8, -8), (-4, 4), (-12, 0), (0, -12)] {
            let q = PixelPoint(x: p.x + dx, y: p.y + dy)
            guard bounds.insetBy(3).contains(q) else { continue }
            if let a = avoid, a.contains(q) { continue }
            let c = Int(image.luma(x: q.x, y: q.y))
            var spread = 0
            for yy in (q.y - 2)...(q.y + 2) { for xx in (q.x - 2)...(q.x + 2) { spread += abs(Int(image.luma(x: xx, y: yy)) - c) } }
            let score = spread * 4 + abs(dx) + abs(dy)
            if score < bestScore { bestScore = score; best = q }
        }
        return best
    }

    /// Grows the 4-connected region of pixels within `tolerance` of the seed's luma.
    static func flood(from seed: PixelPoint, in image: Image, bounds: PixelRect, avoid: PixelRect?,
                      maxArea: Int) -> (PixelRect, Int, Bool) {
        let w = bounds.width, h = bounds.height
        var seen = [Bool](repeating: false, count: w * h)
        let target = Int(image.luma(x: seed.x, y: seed.y))
        var stack = [(seed.x, seed.y)]
        seen[(seed.y - bounds.y) * w + seed.x - bounds.x] = true
        var minX = seed.x, maxX = seed.x, minY = seed.y, maxY = seed.y, area = 0
        let av = avoid ?? PixelRect(x: -10, y: -10, width: 0, height: 0)
        while let (x, y) = stack.popLast() {
            area += 1
            if area > maxArea { return (PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), area, true) }
            if !av.contains(PixelPoint(x: x, y: y)) {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
            for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] {
                guard nx >= bounds.x, ny >= bounds.y, nx < bounds.maxX, ny < bounds.maxY else { continue }
                let i = (ny - bounds.y) * w + nx - bounds.x
                if seen[i] { continue }
                let inside = av.contains(PixelPoint(x: nx, y: ny)) || abs(Int(image.luma(x: nx, y: ny)) - target) <= tolerance
                if inside { seen[i] = true; stack.append((nx, ny)) }
            }
        }
        return (PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), area, false)
    }

    /// The line of text nearest `point` (ink runs joined across word gaps).
    public static func textLine(near p: PixelPoint, in image: Image, bounds: PixelRect, background: Int,
                                avoid: PixelRect?) -> PixelRect? {
        let win = PixelRect(x: p.x - 320, y: p.y - 22, width: 640, height: 44).intersection(bounds)
        guard !win.isEmpty else { return nil }
        func ink(_ x: Int, _ y: Int) -> Bool {
            if let a = avoid, a.contains(PixelPoint(x: x, y: y)) { return false }
            return abs(Int(image.luma(x: x, y: y)) - background) > 40
        }
        // Rows with ink close to the point, grown into a band.
        var rows = [Bool](repeating: false, count: win.height)
        for y in win.y..<win.maxY {
            for x in max(win.x, p.x - 60)..<min(win.maxX, p.x + 60) where ink(x, y) { rows[y - win.y] = true; break }
        }
        var centre = p.y - win.y
        if !rows[max(0, min(rows.count - 1, centre))] {
            guard let near = rows.indices.filter({ rows[$0] }).min(by: { abs($0 - centre) < abs($1 - centre) }),
                  abs(near - centre) <= 12 else { return nil }
            centre = near
        }
        var top = centre, bottom = centre
        while top > 0 && rows[top - 1] { top -= 1 }
        while bottom < rows.count - 1 && rows[bottom + 1] { bottom += 1 }
        let y0 = win.y + top, y1 = win.y + bottom
        guard y1 - y0 <= 40 else { return nil }
        // Columns with ink in the band, joined across gaps up to a word space.
        var cols = [Bool](repeating: false, count: win.width)
        for x in win.x..<win.maxX { for y in y0...y1 where ink(x, y) { cols[x - win.x] = true; break } }
        let px = max(0, min(win.width - 1, p.x - win.x))
        guard let seedCol = cols.indices.filter({ cols[$0] }).min(by: { abs($0 - px) < abs($1 - px) }),
              abs(seedCol - px) <= 40 else { return nil }
        let gap = max(8, (y1 - y0) * 2 / 3)
        var l = seedCol, r = seedCol, miss = 0
        var x = seedCol
        while x > 0 { x -= 1; if cols[x] { l = x; miss = 0 } else { miss += 1; if miss > gap { break } } }
        x = seedCol; miss = 0
        while x < cols.count - 1 { x += 1; if cols[x] { r = x; miss = 0 } else { miss += 1; if miss > gap { break } } }
        return PixelRect(x: win.x + l - 2, y: y0 - 2, width: r - l + 5, height: y1 - y0 + 5)
    }

    /// Whether a small control box is round (a radio): its corners look like the page around it.
    public static func isRound(_ box: PixelRect, in image: Image) -> Bool {
        guard box.width >= 8, box.height >= 8 else { return false }
        let outside = Int(image.luma(x: max(0, box.x - 2), y: box.center.y))
        let inset = max(1, box.width / 8)
        let corners = [PixelPoint(x: box.x + inset, y: box.y + inset), PixelPoint(x: box.maxX - 1 - inset, y: box.y + inset),
                       PixelPoint(x: box.x + inset, y: box.maxY - 1 - inset), PixelPoint(x: box.maxX - 1 - inset, y: box.maxY - 1 - inset)]
        let edge = [PixelPoint(x: box.center.x, y: box.y), PixelPoint(x: box.x, y: box.center.y)]
        let cornerLike = corners.filter { abs(Int(image.luma(x: $0.x, y: $0.y)) - outside) < 20 }.count
        let edgeInk = edge.filter { abs(Int(image.luma(x: $0.x, y: $0.y)) - outside) >= 20 }.count
        return cornerLike >= 3 && edgeInk >= 1
    }

    /// The fraction of a control's interior that differs strongly from `background` (ticked boxes are fuller).
    public static func fill(of box: PixelRect, in image: Image) -> Double {
        let inner = box.insetBy(max(2, box.width / 5))
        guard !inner.isEmpty else { return 0 }
        let outside = Int(image.luma(x: max(0, box.x - 3), y: box.center.y))
        var n = 0
        for y in inner.y..<inner.maxY { for x in inner.x..<inner.maxX where abs(Int(image.luma(x: x, y: y)) - outside) > 50 { n += 1 } }
        return Double(n) / Double(inner.area)
    }
}
