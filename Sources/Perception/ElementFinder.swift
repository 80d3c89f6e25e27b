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
        let maxArea = min(b.area / 3, 250_000)
        // The pointer's tip may sit inside a letter: of the flattest seeds, keep the largest region.
        var seed = point, region = PixelRect(x: point.x, y: point.y, width: 1, height: 1), area = 0, capped = false
        for s in seeds(near: point, in: image, bounds: b, avoid: avoid).prefix(3) {
            let (r, a, c) = flood(from: s, in: image, bounds: b, avoid: avoid, maxArea: maxArea)
            if a > area { seed = s; region = r; area = a; capped = c }
            if c || a >= 400 { break }
        }
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

    /// A checkbox or radio whose inside contains `point`: the flat region grown from exactly
    /// there is a small square (not a glyph's hole, not a card).
    public static func control(at point: PixelPoint, in image: Image, bounds: PixelRect, avoid: PixelRect?) -> PixelRect? {
        let b = bounds.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard b.contains(point) else { return nil }
        let (r, area, capped) = flood(from: point, in: image, bounds: b, avoid: avoid, maxArea: 1200)
        guard !capped, r.width >= 8, r.height >= 8, r.width <= 34, r.height <= 34, area >= 30 else { return nil }
        let aspect = Double(r.width) / Double(r.height)
        guard aspect > 0.75, aspect < 1.33, r.x > b.x, r.y > b.y, r.maxX < b.maxX, r.maxY < b.maxY else { return nil }
        return r
    }

    /// Seeds near `point` on flat patches (not on a glyph, a border or the pointer), flattest first.
    static func seeds(near p: PixelPoint, in image: Image, bounds: PixelRect, avoid: PixelRect?) -> [PixelPoint] {
        var scored: [(PixelPoint, Int)] = []
        for (dx, dy) in [(0, 0), (-4, -4), (-4, 0), (0, -4), (4, -4), (-8, 0), (-8, -8), (0, -8), (8, -8), (-4, 4), (-12, 0), (0, -12),
                         (12, 0), (-16, 4), (16, -4)] {
            let q = PixelPoint(x: p.x + dx, y: p.y + dy)
            guard bounds.insetBy(3).contains(q) else { continue }
            if let a = avoid, a.contains(q) { continue }
            let c = Int(image.luma(x: q.x, y: q.y))
            var spread = 0
            for yy in (q.y - 2)...(q.y + 2) { for xx in (q.x - 2)...(q.x + 2) { spread += abs(Int(image.luma(x: xx, y: yy)) - c) } }
            scored.append((q, spread * 4 + abs(dx) + abs(dy)))
        }
        let out = scored.sorted { $0.1 < $1.1 }.map(\.0)
        return out.isEmpty ? [p] : out
    }

    /// Grows the 4-connected region of pixels within `tolerance` of the seed's luma.
    /// (Depth first from a stack, neighbours pushed left, right, up, down: the order decides where a
    /// region capped at `maxArea` stops, so it stays fixed. The visited map and the stack are flat
    /// buffers — pixel indices within `bounds` — with no allocation per pixel.)
    ///
    /// The loop touches only locals and the two buffers, with no closure or nested function
    /// around them: locals a closure captures are checked for exclusive access at run time on
    /// every read and write (`swift_beginAccess`/`swift_endAccess`, a tenth of the CPU of a
    /// high-DPI recording's run), locals of a plain loop are checked when compiled. The visited
    /// map is a `VisitedMap`: zeroed pages, cleared by nobody.
    static func flood(from seed: PixelPoint, in image: Image, bounds: PixelRect, avoid: PixelRect?,
                      maxArea: Int) -> (PixelRect, Int, Bool) {
        let w = bounds.width, h = bounds.height
        let target = Int(image.luma(x: seed.x, y: seed.y))
        var minX = seed.x, maxX = seed.x, minY = seed.y, maxY = seed.y, area = 0
        let av = avoid ?? PixelRect(x: -10, y: -10, width: 0, height: 0)
        let bx = bounds.x, by = bounds.y
        var capped = false
        let map = VisitedMap(count: w * h)
        defer { map.release() }
        let seen = map.flags
        var stack: [Int] = []
        stack.reserveCapacity(1024)
        let first = (seed.y - by) * w + seed.x - bx
        seen[first] = true
        stack.append(first)
        while let i = stack.popLast() {
            let x = bx + i % w, y = by + i / w
            area += 1
            if area > maxArea { capped = true; break }
            if !av.contains(PixelPoint(x: x, y: y)) {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
            if x > bx { floodVisit(x - 1, y, i - 1, image, target, av, seen, &stack) }
            if x + 1 < bx + w { floodVisit(x + 1, y, i + 1, image, target, av, seen, &stack) }
            if y > by { floodVisit(x, y - 1, i - w, image, target, av, seen, &stack) }
            if y + 1 < by + h { floodVisit(x, y + 1, i + w, image, target, av, seen, &stack) }
        }
        return (PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1), area, capped)
    }

    /// One neighbour of `flood`'s: it joins when its luma is within tolerance, or (inside the
    /// pointer's box) when it is one of the pointer's own strongly contrasting pixels; a border the
    /// pointer does not cover still stops the region.
    @inline(__always)
    private static func floodVisit(_ nx: Int, _ ny: Int, _ i: Int, _ image: Image, _ target: Int, _ av: PixelRect,
                                   _ seen: UnsafeMutablePointer<Bool>, _ stack: inout [Int]) {
        if seen[i] { return }
        let d = abs(Int(image.luma(x: nx, y: ny)) - target)
        if d <= tolerance || (d > 90 && av.contains(PixelPoint(x: nx, y: ny))) { seen[i] = true; stack.append(i) }
    }

    /// The containers an element sits in (a card, a list row, a dialog's header), smallest first:
    /// the flat region around it, grown from just outside its edges, that encloses it and stops at
    /// borders and a change of background; and inside a panel (a drawer, a list) the band between
    /// the separators above and below it (rows are often ruled by lines that stop short of the
    /// panel's edges, so the region alone runs round them). The page itself (a region over half
    /// of `bounds`) is no container.
    public static func containers(of box: PixelRect, in image: Image, bounds: PixelRect, avoid: PixelRect? = nil) -> [PixelRect] {
        let b = bounds.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard !b.isEmpty else { return [] }
        let c = box.center
        var found: [PixelRect] = []
        for q in [PixelPoint(x: c.x, y: box.y - 4), PixelPoint(x: c.x, y: box.maxY + 3), PixelPoint(x: box.x - 4, y: c.y),
                  PixelPoint(x: box.maxX + 3, y: c.y)] {
            guard b.insetBy(3).contains(q), !(avoid?.expanded(2, 2).contains(q) ?? false) else { continue }
            // On the background, not on a glyph or a border.
            let v = Int(image.luma(x: q.x, y: q.y))
            var flat = true
            for yy in (q.y - 1)...(q.y + 1) { for xx in (q.x - 1)...(q.x + 1) where abs(Int(image.luma(x: xx, y: yy)) - v) > tolerance { flat = false } }
            guard flat, !found.contains(where: { $0.contains(q) && $0.area <= b.area / 4 }) else { continue }
            let (r, area, capped) = flood(from: q, in: image, bounds: b, avoid: avoid, maxArea: b.area / 2)
            guard !capped, area >= box.area, r.x <= box.x, r.y <= box.y, r.maxX >= box.maxX, r.maxY >= box.maxY,
                  r.width >= box.width + 8 || r.height >= box.height + 8 else { continue }
            if r.area <= b.area / 4, !found.contains(r) { found.append(r) }
            // Rows ruled by separators inside the region.
            if let band = ruledBand(around: box, in: image, region: r, background: v), !found.contains(band) { found.append(band) }
        }
        return found.sorted { $0.area < $1.area }
    }

    /// The band of `region` between the nearest separators above and below `box`: a separator is
    /// one even line, off the background, running unbroken across the element's columns and well
    /// beyond (a text line has gaps; an underline is as short as its word). Nil when there is neither.
    static func ruledBand(around box: PixelRect, in image: Image, region r: PixelRect, background: Int) -> PixelRect? {
        let cols = max(r.x, box.x)..<min(r.maxX, box.maxX)
        guard !cols.isEmpty else { return nil }
        func separator(_ y: Int) -> Bool {
            let first = Int(image.luma(x: cols.lowerBound, y: y))
            guard abs(first - background) > tolerance else { return false }
            let alike = { (x: Int) in let l = Int(image.luma(x: x, y: y)); return abs(l - background) > tolerance && abs(l - first) <= 15 }
            guard cols.allSatisfy(alike) else { return false }
            var lo = cols.lowerBound, hi = cols.upperBound
            while lo > r.x, alike(lo - 1) { lo -= 1 }
            while hi < r.maxX, alike(hi) { hi += 1 }
            return hi - lo >= max(120, box.width * 2)
        }
        var top = r.y, bottom = r.maxY, ruled = false
        var y = box.y - 2
        while y > r.y { if separator(y) { top = y + 1; ruled = true; break }; y -= 1 }
        y = box.maxY + 1
        while y < r.maxY - 1 { if separator(y) { bottom = y; ruled = true; break }; y += 1 }
        guard ruled, bottom - top > box.height + 8 else { return nil }
        return PixelRect(x: r.x, y: top, width: r.width, height: bottom - top)
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
        // (The point may lie just outside the bounds: start from the nearest row inside.)
        var centre = max(0, min(rows.count - 1, p.y - win.y))
        if !rows[centre] {
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
        // Columns hidden by the pointer are unknown, not gaps.
        let hidden = { (c: Int) -> Bool in
            guard let a = avoid, a.y < y1 + 1, a.maxY > y0 else { return false }
            let x = win.x + c
            return x >= a.x - 2 && x < a.maxX + 2
        }
        var l = seedCol, r = seedCol, miss = 0
        var x = seedCol
        while x > 0 { x -= 1; if cols[x] { l = x; miss = 0 } else if !hidden(x) { miss += 1; if miss > gap { break } } }
        x = seedCol; miss = 0
        while x < cols.count - 1 { x += 1; if cols[x] { r = x; miss = 0 } else if !hidden(x) { miss += 1; if miss > gap { break } } }
        return PixelRect(x: win.x + l - 2, y: y0 - 2, width: r - l + 5, height: y1 - y0 + 5)
    }

    /// Whether a small control is round (a radio): walking in from the corners of its tight
    /// box, a circle's outline is met much later than a (rounded) square's.
    public static func isRound(_ box: PixelRect, in image: Image, avoid: PixelRect? = nil) -> Bool {
        let area = box.expanded(4, 4).intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard area.width >= 10, area.height >= 10 else { return false }
        let outside = Int(image.luma(x: area.x, y: area.y))
        // Pixels under the pointer say nothing about the control's shape.
        let hidden = { (x: Int, y: Int) in avoid?.contains(PixelPoint(x: x, y: y)) ?? false }
        let ink = { (x: Int, y: Int) in !hidden(x, y) && abs(Int(image.luma(x: x, y: y)) - outside) > 40 }
        // The tight box of the control's ink.
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX where ink(x, y) {
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        guard x1 - x0 >= 8, y1 - y0 >= 8 else { return false }
        let w = x1 - x0 + 1, h = y1 - y0 + 1
        var total = 0, corners = 0
        for (cx, cy, sx, sy) in [(x0, y0, 1, 1), (x1, y0, -1, 1), (x0, y1, 1, -1), (x1, y1, -1, -1)] where !hidden(cx, cy) {
            var d = 0
            while d < min(w, h) / 2, !ink(cx + sx * d, cy + sy * d) { d += 1 }
            total += d; corners += 1
        }
        // A circle of diameter w meets its diagonal at 0.29·w/2 from the corner; a square at 0.
        let diagonal = corners > 0 && Double(total) / Double(corners) >= max(1.8, 0.2 * Double(min(w, h)) / 2)
        // A circle touches its box only around the middle of each side; a square (even with
        // rounded corners) along most of it. Small boxes blur the corners, so the sides decide.
        // (The outline may sit a pixel further out than the inside's edge.)
        var touching = 0, seen = 0
        for x in x0...x1 {
            for (y, out) in [(y0, -1), (y1, 1)] where !hidden(x, y) { seen += 1; if ink(x, y) || ink(x, y + out) { touching += 1 } }
        }
        for y in y0...y1 {
            for (x, out) in [(x0, -1), (x1, 1)] where !hidden(x, y) { seen += 1; if ink(x, y) || ink(x + out, y) { touching += 1 } }
        }
        guard seen > 0 else { return diagonal }
        let sides = Double(touching) / Double(seen)
        return sides < 0.5 || (diagonal && sides < 0.62)
    }

    /// The fraction of a control's interior that differs strongly from the page just outside it,
    /// counting only pixels clear of `avoid` (the pointer resting on it); nil when less than a
    /// third of the interior is clear. A checkbox or radio is plain inside in one of its two
    /// states; a button whose glyph or label changes has ink inside in both.
    public static func visibleFill(of box: PixelRect, in image: Image, avoid: [PixelRect]) -> Double? {
        let inner = box.insetBy(max(2, box.width / 5))
        guard !inner.isEmpty else { return nil }
        let hidden = avoid.map { $0.expanded(2, 2) }
        let outside = Int(image.luma(x: max(0, box.x - 3), y: box.center.y))
        var n = 0, seen = 0
        for y in inner.y..<inner.maxY {
            for x in inner.x..<inner.maxX where !hidden.contains(where: { $0.contains(PixelPoint(x: x, y: y)) }) {
                seen += 1
                if abs(Int(image.luma(x: x, y: y)) - outside) > 50 { n += 1 }
            }
        }
        guard seen * 3 >= inner.area else { return nil }
        return Double(n) / Double(seen)
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
