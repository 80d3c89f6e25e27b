// Look-alikes on screen: `Duplicates` finds other places that look like a given element (a grid of
// the same button, a "Delete" per row), and `TextSimilarity` tells how alike two readings are; the
// segment analyst reads an element from its copies and tells it apart from them with these.

import Foundation
import ScreenCore

/// Finding other places on screen that look like a given element (same size, same pixels).
public enum Duplicates {
    /// Boxes elsewhere in `region` whose pixels match `box`'s (downsampled comparison). Each
    /// patch is compared after removing its mean brightness (a hovered copy is darker or lighter),
    /// and cells of `box` under `ignoring` (the pointer) do not count. `split` may run the four
    /// grid phases below at once (`AgentTools.split`: on a spare core); they are independent and
    /// merged in the same fixed order either way, so the boxes found do not depend on it.
    public static func find(_ box: PixelRect, in image: Image, within region: PixelRect, ignoring: PixelRect? = nil,
                            split: WorkSplit? = nil) -> [PixelRect] {
        // The comparison runs on 4×4 cell averages, so a copy a pixel or two off the cells' grid
        // looks different: the grid is laid from the element's own corner and again half a cell
        // over, across and down (copies in a grid of cards sit at any spacing).
        let full = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard box.width >= 16, box.height >= 10, !full.isEmpty else { return [] }
        let phases = [(0, 0), (2, 0), (0, 2), (2, 2)]
        @Sendable func phase(_ k: Int) -> [PixelRect] {
            let (dx, dy) = phases[k]
            let ox = full.x + ((box.x - full.x) % 4 + 4 + dx) % 4, oy = full.y + ((box.y - full.y) % 4 + 4 + dy) % 4
            return find(box, in: image, phase: PixelRect(x: ox, y: oy, width: full.maxX - ox, height: full.maxY - oy), ignoring: ignoring)
        }
        let found: [[PixelRect]]
        if let split {
            let results = PhaseResults(count: phases.count)
            split(phases.count) { k in results.set(k, phase(k)) }
            found = results.all
        } else {
            found = phases.indices.map(phase)
        }
        var hits: [PixelRect] = []
        for f in found {
            for h in f where !hits.contains(where: { $0.intersection(h).area > 0 }) { hits.append(h) }
        }
        return hits
    }

    /// The phases' hits, each phase's filled by whichever thread ran it. Invariant (for
    /// `@unchecked Sendable`): `results` is only touched under `lock`.
    private final class PhaseResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [[PixelRect]]
        init(count: Int) { results = Array(repeating: [], count: count) }
        func set(_ k: Int, _ hits: [PixelRect]) { lock.lock(); results[k] = hits; lock.unlock() }
        var all: [[PixelRect]] { lock.lock(); defer { lock.unlock() }; return results }
    }

    /// One pass of `find` with the cell grid laid from `r`'s corner.
    static func find(_ box: PixelRect, in image: Image, phase r: PixelRect, ignoring: PixelRect?) -> [PixelRect] {
        let s = 4
        guard !r.isEmpty else { return [] }
        // Small gray copies.
        func small(_ rect: PixelRect) -> (w: Int, h: Int, px: [Int16]) {
            let w = rect.width / s, h = rect.height / s
            var px = [Int16](repeating: 0, count: max(0, w * h))
            // The fast path reads gray rows directly; it needs the cells inside the image.
            if image.format == .gray8, rect.x >= 0, rect.y >= 0, rect.x + w * s <= image.width, rect.y + h * s <= image.height {
                image.pixels.withUnsafeBufferPointer { src in
                    px.withUnsafeMutableBufferPointer { dst in
                        for y in 0..<h {
                            var sums = [Int](repeating: 0, count: w)
                            for yy in 0..<s {
                                let row = (rect.y + y * s + yy) * image.bytesPerRow + rect.x
                                for x in 0..<w {
                                    let o = row + x * s
                                    sums[x] += Int(src[o]) + Int(src[o + 1]) + Int(src[o + 2]) + Int(src[o + 3])
                                }
                            }
                            for x in 0..<w { dst[y * w + x] = Int16(sums[x] / (s * s)) }
                        }
                    }
                }
                return (w, h, px)
            }
            for y in 0..<h {
                for x in 0..<w {
                    var sum = 0
                    for yy in 0..<s { for xx in 0..<s { sum += Int(image.luma(x: rect.x + x * s + xx, y: rect.y + y * s + yy)) } }
                    px[y * w + x] = Int16(sum / (s * s))
                }
            }
            return (w, h, px)
        }
        let t = small(box), m = small(r)
        guard t.w >= 3, t.h >= 2, m.w > t.w, m.h > t.h else { return [] }
        // Cells that count: not under the pointer.
        var use = [Bool](repeating: true, count: t.px.count)
        if let a = ignoring?.expanded(2, 2) {
            for y in 0..<t.h {
                for x in 0..<t.w where a.intersection(PixelRect(x: box.x + x * s, y: box.y + y * s, width: s, height: s)).area > 0 {
                    use[y * t.w + x] = false
                }
            }
        }
        let counted = use.filter { $0 }.count
        // (As a mask for the sums below: all ones where a cell counts, zero where it does not.)
        let mask = use.map { $0 ? Int16(-1) : 0 }
        guard counted * 2 >= t.px.count else { return [] }
        var tMean = 0
        for (i, v) in t.px.enumerated() where use[i] { tMean += Int(v) }
        tMean /= counted
        var tVar = 0
        for (i, v) in t.px.enumerated() where use[i] { tVar += abs(Int(v) - tMean) }
        guard tVar / counted >= 6 else { return [] }   // a flat patch matches everywhere
        // The rows in the order their sums are added: those that stand out most from the patch's
        // mean first. Every row's sum is ≥ 0, so a window passes the limit with any order or with
        // none — the same decision — but a window that does not match (most of them, on a flat page
        // most of all) passes it after fewer rows when the rows that differ most from flat come first.
        let rowOrder = SearchOrder.rows(t.px, width: t.w, height: t.h, use: use, mean: tMean)
        // A summed-area table of the small region: the window sums below are exact integers, the
        // same as adding the cells one by one, in O(1) per position (minus the few ignored cells).
        let iw = m.w + 1
        var integral = [Int](repeating: 0, count: iw * (m.h + 1))
        for y in 0..<m.h {
            var rowSum = 0
            for x in 0..<m.w {
                rowSum += Int(m.px[y * m.w + x])
                integral[(y + 1) * iw + x + 1] = integral[y * iw + x + 1] + rowSum
            }
        }
        let ignored = use.indices.filter { !use[$0] }.map { (x: $0 % t.w, y: $0 / t.w) }
        var hits: [PixelRect] = []
        let limit = counted * 7
        m.px.withUnsafeBufferPointer { mp in
        t.px.withUnsafeBufferPointer { tp in
        mask.withUnsafeBufferPointer { up in
        integral.withUnsafeBufferPointer { ii in
        rowOrder.withUnsafeBufferPointer { order in
        for y in 0...(m.h - t.h) {
            for x in 0...(m.w - t.w) {
                var mMean = ii[(y + t.h) * iw + x + t.w] - ii[y * iw + x + t.w] - ii[(y + t.h) * iw + x] + ii[y * iw + x]
                for c in ignored { mMean -= Int(mp[(y + c.y) * m.w + x + c.x]) }
                mMean /= counted
                let shift = mMean - tMean
                guard abs(shift) <= 60 else { continue }
                // The sum only grows, so stopping as soon as it passes the limit (checked after each
                // row, so that a row's sum is one tight loop the compiler vectorises) decides the same.
                var sad = 0
                var k = 0
                let sh = Int16(shift)
                while k < t.h && sad <= limit {
                    let yy = order[k]
                    let mr = (y + yy) * m.w + x, tr = yy * t.w
                    // (Cell values are 0–255 and |shift| <= 60: `RowSum` says why nothing wraps.)
                    let row = ignored.isEmpty ? RowSum.sum(mp, from: mr, tp, from: tr, count: t.w, shift: sh)
                        : RowSum.sum(mp, from: mr, tp, from: tr, count: t.w, shift: sh, mask: up)
                    sad += Int(row)
                    k += 1
                }
                if sad <= limit {
                    let hit = PixelRect(x: r.x + x * s, y: r.y + y * s, width: box.width, height: box.height)
                    if hit.distance(to: box) > 0 || hit.intersection(box).area < box.area / 4,
                       !hits.contains(where: { $0.intersection(hit).area > 0 }) {
                        hits.append(hit)
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        return hits.filter { $0.intersection(box).area == 0 }
    }
}

/// The order `Duplicates.find` adds a patch's rows in.
enum SearchOrder {
    /// Row indices of a `width`×`height` patch, the rows whose counted cells (`use`) lie farthest
    /// from `mean` in total first (ties in row order).
    static func rows(_ px: [Int16], width: Int, height: Int, use: [Bool], mean: Int) -> [Int] {
        let weight = (0..<height).map { y in
            (0..<width).reduce(0) { s, x in use[y * width + x] ? s + abs(Int(px[y * width + x]) - mean) : s }
        }
        return (0..<height).sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1 }
    }
}
