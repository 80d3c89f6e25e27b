import ScreenCore

/// A toggle switch that was flipped: a pill whose knob moved from one end to the other.
public struct FlippedSwitch: Sendable, Hashable {
    /// The part of the pill that changed (the track, or the knob's path when the track keeps its colour).
    public var box: PixelRect
    /// Whether the switch is on afterwards (its knob at the right end).
    public var on: Bool
    public init(box: PixelRect, on: Bool) { self.box = box; self.on = on }
}

/// Finds toggle switches (`role=switch`, or a checkbox drawn as a pill) by what a flip does to
/// them: the change is a short, wide pill around the pointer, and the bright knob sits at one end
/// of it before and at the other end after. A checkbox's tick, a radio's dot or a button's tint
/// change in place and never move from end to end.
public enum SwitchFinder {
    /// Luma difference that counts as changed between the two frames.
    static let changeThreshold = 30

    /// The switch flipped at `point` between `before` and `after`, or nil. Pixels inside `avoid`
    /// (the pointer's boxes) are left out of every measure.
    public static func flipped(near point: PixelPoint, before: Image, after: Image, bounds: PixelRect,
                               avoid: [PixelRect] = []) -> FlippedSwitch? {
        let frame = PixelRect(x: 0, y: 0, width: min(before.width, after.width), height: min(before.height, after.height))
        let window = PixelRect(x: point.x - 60, y: point.y - 30, width: 120, height: 60).intersection(bounds).intersection(frame)
        guard window.width >= 24, window.height >= 12 else { return nil }
        let hidden = avoid.map { $0.expanded(2, 2) }
        let isHidden = { (x: Int, y: Int) in hidden.contains { $0.contains(PixelPoint(x: x, y: y)) } }
        // The changed pixels around the point, grown from the one nearest to it.
        let w = window.width, h = window.height
        var changed = [Bool](repeating: false, count: w * h), covered = changed
        for y in window.y..<window.maxY {
            for x in window.x..<window.maxX {
                if isHidden(x, y) { covered[(y - window.y) * w + (x - window.x)] = true; continue }
                if abs(Int(before.luma(x: x, y: y)) - Int(after.luma(x: x, y: y))) > changeThreshold {
                    changed[(y - window.y) * w + (x - window.x)] = true
                }
            }
        }
        guard let box = component(of: changed, passable: covered, width: w, height: h,
                                  near: PixelPoint(x: point.x - window.x, y: point.y - window.y))
        else { return nil }
        let d = PixelRect(x: box.x + window.x, y: box.y + window.y, width: box.width, height: box.height)
        // A pill: short and two to three times as wide as it is high, under (or right beside) the point.
        let aspect = Double(d.width) / Double(d.height)
        guard d.height >= 8, d.height <= 40, d.width >= 20, d.width <= 90, aspect >= 1.3, aspect <= 3.4,
              d.expanded(8, 8).contains(point), d.x > window.x, d.maxX < window.maxX else { return nil }
        return knobMoved(d, before: before, after: after, hidden: isHidden)
    }

    /// A switch flipped in place while the whole page changed with it (a dark-mode switch
    /// repaints everything, so the change around the point is no pill): `pill`, the element found
    /// under the pointer before, is pill-shaped and its knob is at the other end afterwards.
    public static func flipped(pill: PixelRect, before: Image, after: Image, avoid: [PixelRect] = []) -> FlippedSwitch? {
        let frame = PixelRect(x: 0, y: 0, width: min(before.width, after.width), height: min(before.height, after.height))
        let d = pill.intersection(frame)
        let aspect = Double(d.width) / Double(max(1, d.height))
        guard d == pill, d.height >= 10, d.height <= 40, d.width >= 20, d.width <= 90, aspect >= 1.3, aspect <= 3.4 else { return nil }
        let hidden = avoid.map { $0.expanded(2, 2) }
        return knobMoved(d, before: before, after: after, hidden: { x, y in hidden.contains { $0.contains(PixelPoint(x: x, y: y)) } })
    }

    /// The knob's end before and after, when it changed ends: the brighter end (a white knob on a
    /// coloured track), else the end that stands out from the track (a dark knob on a light track
    /// turning into a white one on a dark track: the brighter end is the right one in both).
    static func knobMoved(_ d: PixelRect, before: Image, after: Image, hidden: (Int, Int) -> Bool) -> FlippedSwitch? {
        if let was = brighterEnd(of: d, in: before, hidden: hidden),
           let now = brighterEnd(of: d, in: after, hidden: hidden), was != now {
            return FlippedSwitch(box: d, on: now > 0)
        }
        if let was = knobEnd(of: d, in: before, hidden: hidden),
           let now = knobEnd(of: d, in: after, hidden: hidden), was != now {
            return FlippedSwitch(box: d, on: now > 0)
        }
        return nil
    }

    /// Which end of the pill `d` holds the knob (-1 left, +1 right): the end third whose mean
    /// differs from the track's colour (the median of the middle rows' column means — the knob
    /// covers under half the pill) by 20 levels or more, twice as much as the other end does.
    static func knobEnd(of d: PixelRect, in image: Image, hidden: (Int, Int) -> Bool) -> Int? {
        let third = max(3, d.width / 3)
        let rows = max(d.y, d.center.y - d.height / 4)...min(d.maxY - 1, d.center.y + d.height / 4)
        var columns: [Double?] = []
        for x in d.x..<d.maxX {
            var sum = 0, n = 0
            for y in rows where !hidden(x, y) { sum += Int(image.luma(x: x, y: y)); n += 1 }
            columns.append(n * 2 >= rows.count ? Double(sum) / Double(n) : nil)
        }
        let seen = columns.compactMap { $0 }.sorted()
        guard seen.count * 2 >= columns.count else { return nil }
        let track = seen[seen.count / 2]
        func end(_ r: Range<Int>) -> Double? {
            let v = columns[r].compactMap { $0 }
            return v.count * 3 >= r.count ? v.reduce(0, +) / Double(v.count) : nil
        }
        guard let l = end(0..<third), let r = end((columns.count - third)..<columns.count) else { return nil }
        let dl = abs(l - track), dr = abs(r - track)
        guard max(dl, dr) >= 20, min(dl, dr) * 2 <= max(dl, dr) else { return nil }
        return dl > dr ? -1 : 1
    }

    /// Which end of the pill `d` is clearly brighter (-1 left, +1 right), from its middle rows.
    static func brighterEnd(of d: PixelRect, in image: Image, hidden: (Int, Int) -> Bool) -> Int? {
        let third = max(3, d.width / 3)
        let rows = max(d.y, d.center.y - d.height / 4)...min(d.maxY - 1, d.center.y + d.height / 4)
        func mean(_ x0: Int, _ x1: Int) -> Double? {
            var sum = 0, n = 0
            for y in rows { for x in x0..<x1 where !hidden(x, y) { sum += Int(image.luma(x: x, y: y)); n += 1 } }
            return n * 3 >= third * rows.count ? Double(sum) / Double(n) : nil
        }
        guard let l = mean(d.x, d.x + third), let r = mean(d.maxX - third, d.maxX), abs(l - r) >= 20 else { return nil }
        return l > r ? -1 : 1
    }

    /// The bounding box of the 8-connected changed pixels nearest `p` (within 10 pixels), bridging
    /// gaps of a pixel or two (anti-aliased edges) and crossing `passable` pixels (under the
    /// pointer: unknown) without counting them in the box.
    static func component(of mask: [Bool], passable: [Bool], width w: Int, height h: Int, near p: PixelPoint,
                          reach: Int = 2) -> PixelRect? {
        var seed: (Int, Int)?
        var best = Int.max
        for y in max(0, p.y - 10)..<min(h, p.y + 11) {
            for x in max(0, p.x - 10)..<min(w, p.x + 11) where mask[y * w + x] {
                let d = abs(x - p.x) + abs(y - p.y)
                if d < best { best = d; seed = (x, y) }
            }
        }
        guard let (sx, sy) = seed else { return nil }
        var seen = [Bool](repeating: false, count: w * h)
        var stack = [(sx, sy)]
        seen[sy * w + sx] = true
        var minX = sx, maxX = sx, minY = sy, maxY = sy
        while let (x, y) = stack.popLast() {
            if mask[y * w + x] { minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y) }
            for dy in -reach...reach {
                for dx in -reach...reach {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h, !seen[ny * w + nx], mask[ny * w + nx] || passable[ny * w + nx] else { continue }
                    seen[ny * w + nx] = true
                    stack.append((nx, ny))
                }
            }
        }
        return PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }
}

/// Finds the mark a double-click leaves on text: the word (or, in an editor that opened, the
/// whole value) under the pointer selected — a solid band of the selection colour behind the
/// letters where there was plain background before. A single click leaves no selection.
public enum SelectionFinder {
    /// Whether the changed shape in `band` leaves at least two of its box's corners (the 3×3
    /// pixels just inside each, those the pointer does not cover) unchanged, and no visible corner
    /// changed: a rounded shape, not a rectangle.
    static func roundedCorners(_ band: PixelRect, changed: [Bool], covered: [Bool], window: PixelRect) -> Bool {
        let w = window.width
        var bare = 0
        for (cx, cy) in [(band.x, band.y), (band.maxX - 3, band.y), (band.x, band.maxY - 3), (band.maxX - 3, band.maxY - 3)] {
            var any = false, hidden = false
            for y in cy..<(cy + 3) { for x in cx..<(cx + 3) {
                let i = (y - window.y) * w + (x - window.x)
                guard i >= 0, i < changed.count else { continue }
                if covered[i] { hidden = true } else if changed[i] { any = true }
            } }
            if any { return false }
            if !hidden { bare += 1 }
        }
        return bare >= 2
    }

    /// The luma bins (a bin either side of a peak) of the colours that hold at least a quarter of
    /// the changed pixels in `histogram` (32 bins of 8), the most common first, at most three.
    static func mainColours(_ histogram: [Int]) -> [ClosedRange<Int>] {
        let total = histogram.reduce(0, +)
        let sums = histogram.indices.map { i in histogram[max(0, i - 1)...min(31, i + 1)].reduce(0, +) }
        var out: [ClosedRange<Int>] = []
        for top in sums.indices.sorted(by: { sums[$0] > sums[$1] }) where sums[top] > 0 && sums[top] * 4 >= total {
            // (A bin next to a peak taken is that colour again.)
            guard !out.contains(where: { abs(($0.lowerBound + $0.upperBound) / 2 - top) <= 2 }) else { continue }
            out.append(max(0, top - 1)...min(31, top + 1))
            if out.count == 3 { break }
        }
        return out
    }

    /// The solid block of the changed pixels of `band` whose luma in `after` falls in `bins`: the
    /// rows and columns holding at least a third as many of them as the fullest row and column
    /// do. (An outline around it, or its anti-aliased corners, adds a pixel or two to a row or
    /// column, never a third of one.)
    static func colourCore(of band: PixelRect, bins: ClosedRange<Int>, changed: [Bool], covered: [Bool], window: PixelRect,
                           after: Image) -> PixelRect? {
        var rows = [Int](repeating: 0, count: band.height), columns = [Int](repeating: 0, count: band.width)
        for y in band.y..<band.maxY {
            for x in band.x..<band.maxX {
                let i = (y - window.y) * window.width + (x - window.x)
                // (Under the pointer nothing is known: counted as the colour, so the pointer
                // resting on the block does not split it.)
                guard covered[i] || (changed[i] && bins.contains(Int(after.luma(x: x, y: y)) / 8)) else { continue }
                rows[y - band.y] += 1; columns[x - band.x] += 1
            }
        }
        func span(_ counts: [Int]) -> ClosedRange<Int>? {
            guard let most = counts.max(), most > 0 else { return nil }
            let kept = counts.indices.filter { counts[$0] * 3 >= most }
            return kept.first.map { $0...kept.last! }
        }
        guard let ys = span(rows), let xs = span(columns) else { return nil }
        return PixelRect(x: band.x + xs.lowerBound, y: band.y + ys.lowerBound, width: xs.count, height: ys.count)
    }

    /// The selected band at `point` in `after` that was not in `before`, or nil.
    public static func selection(at point: PixelPoint, before: Image, after: Image, bounds: PixelRect,
                                 avoid: [PixelRect] = []) -> PixelRect? {
        let frame = PixelRect(x: 0, y: 0, width: min(before.width, after.width), height: min(before.height, after.height))
        let window = PixelRect(x: point.x - 240, y: point.y - 24, width: 480, height: 48).intersection(bounds).intersection(frame)
        guard window.width >= 24, window.height >= 12 else { return nil }
        let hidden = avoid.map { $0.expanded(2, 2) }
        let w = window.width, h = window.height
        var changed = [Bool](repeating: false, count: w * h), covered = changed
        for y in window.y..<window.maxY {
            for x in window.x..<window.maxX {
                let i = (y - window.y) * w + (x - window.x)
                if hidden.contains(where: { $0.contains(PixelPoint(x: x, y: y)) }) { covered[i] = true; continue }
                if abs(Int(before.luma(x: x, y: y)) - Int(after.luma(x: x, y: y))) > 40 { changed[i] = true }
            }
        }
        // (No bridging: an editor's border drawn a few pixels around the selection stays apart.)
        guard let local = SwitchFinder.component(of: changed, passable: covered, width: w, height: h,
                                                 near: PixelPoint(x: point.x - window.x, y: point.y - window.y), reach: 1) else { return nil }
        var band = PixelRect(x: local.x + window.x, y: local.y + window.y, width: local.width, height: local.height)
        guard band.height >= 10, band.height <= 34, band.width >= 16, band.width >= band.height,
              band.expanded(6, 6).contains(point) else { return nil }
        // Solid: most of the band changed (letters alone change a fraction of their box), to one
        // colour (the most common luma of the changed pixels holds a good part of them).
        func solidity(_ band: PixelRect) -> (n: Int, seen: Int, histogram: [Int]) {
            var n = 0, seen = 0
            var histogram = [Int](repeating: 0, count: 32)
            for y in band.y..<band.maxY {
                for x in band.x..<band.maxX {
                    let i = (y - window.y) * w + (x - window.x)
                    if covered[i] { continue }
                    seen += 1
                    if changed[i] { n += 1; histogram[Int(after.luma(x: x, y: y)) / 8] += 1 }
                }
            }
            return (n, seen, histogram)
        }
        var (n, seen, histogram) = solidity(band)
        if seen > 0, n * 10 < seen * 6 {
            // An editor opened on the text with all of it selected: its outline and the text's
            // shift join the selection into one change, thinly filled; the selection is the solid
            // block of one of the changed pixels' main colours inside it (the outline's own
            // colour, drawn all round, gives the whole band back).
            for bins in mainColours(histogram) {
                guard let core = colourCore(of: band, bins: bins, changed: changed, covered: covered, window: window, after: after),
                      core.height >= 10, core.width >= 16, core.width >= core.height, core.expanded(6, 6).contains(point) else { continue }
                let s = solidity(core)
                if s.seen > 0, s.n * 10 >= s.seen * 6 { band = core; (n, seen, histogram) = s; break }
            }
        }
        guard seen > 0, n * 10 >= seen * 6 else { return nil }
        // Square-cornered: a selection is a rectangle, so its corners changed too; a rounded
        // button filling in (a pressed pill) leaves the corners of its box as they were.
        guard !roundedCorners(band, changed: changed, covered: covered, window: window) else { return nil }
        let sums = histogram.indices.map { i in histogram[max(0, i - 1)...min(31, i + 1)].reduce(0, +) }
        guard let top = sums.indices.max(by: { sums[$0] < sums[$1] }), sums[top] * 2 >= n else { return nil }
        // The band's colour stands out from what surrounds it (a selection, not a selection
        // going away: then the band turns back into the background around it).
        // (Beside it on its middle row: the page's or the editor's own background.)
        var around: [Int] = []
        for x in (band.maxX + 3)..<(band.maxX + 15) where x < frame.maxX {
            for y in [band.center.y - 2, band.center.y, band.center.y + 2] { around.append(Int(after.luma(x: x, y: y))) }
        }
        around.sort()
        guard !around.isEmpty else { return nil }
        return abs(top * 8 + 4 - around[around.count / 2]) >= 40 ? band : nil
    }
}
