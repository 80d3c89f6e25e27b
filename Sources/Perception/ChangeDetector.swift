import Foundation
import ScreenCore

/// A connected region that changed between two frames.
public struct ChangeBlob: Sendable, Hashable {
    /// The exact bounding box of the changed pixels.
    public var box: PixelRect
    /// How many pixels changed.
    public var pixels: Int
    /// The largest luma change inside.
    public var maxDiff: Int
    public init(box: PixelRect, pixels: Int, maxDiff: Int = 255) { self.box = box; self.pixels = pixels; self.maxDiff = maxDiff }
    /// Whether this looks like compression noise (a keyframe's faint speckle) rather than a change.
    public var isNoise: Bool { maxDiff < 75 && pixels < 40 }
}

/// Finds what changed between two gray frames: pixels whose luma moved by more than a threshold,
/// grouped on a coarse cell grid into connected blobs (8-connected cells).
public enum ChangeDetector {
    /// The blobs of change between `a` and `b` (both gray8 and the same size), inside `region`.
    /// `cell` is the grid step in pixels; `link` extra cells of gap still join two blobs.
    public static func blobs(_ a: Image, _ b: Image, threshold: Int = 24, cell: Int = 8, link: Int = 0,
                             region: PixelRect? = nil) -> [ChangeBlob] {
        precondition(a.width == b.width && a.height == b.height, "frames differ in size")
        let full = PixelRect(x: 0, y: 0, width: a.width, height: a.height)
        let r = (region ?? full).intersection(full)
        guard !r.isEmpty else { return [] }
        let cw = (r.width + cell - 1) / cell, ch = (r.height + cell - 1) / cell
        var count = [Int32](repeating: 0, count: cw * ch)
        var minX = [Int32](repeating: Int32.max, count: cw * ch), minY = minX
        var maxX = [Int32](repeating: -1, count: cw * ch), maxY = maxX
        var peak = [Int32](repeating: 0, count: cw * ch)
        let thr = threshold
        let ga = a.format == .gray8 ? a : a.grayscale(), gb = b.format == .gray8 ? b : b.grayscale()
        ga.pixels.withUnsafeBufferPointer { pa in
            gb.pixels.withUnsafeBufferPointer { pb in
                let rawA = UnsafeRawPointer(pa.baseAddress!), rawB = UnsafeRawPointer(pb.baseAddress!)
                for y in r.y..<r.maxY {
                    let ra = y * ga.bytesPerRow, rb = y * gb.bytesPerRow
                    // Most rows of a screen do not change at all: one memcmp (wide vector compares)
                    // passes over such a row far faster than the 8-byte steps below.
                    if memcmp(rawA + ra + r.x, rawB + rb + r.x, r.width) == 0 { continue }
                    let cy = (y - r.y) / cell
                    var x = r.x
                    while x < r.maxX {
                        // Unchanged screen is bit-identical between frames: skip it 8 pixels at a time.
                        if x + 8 <= r.maxX,
                           rawA.loadUnaligned(fromByteOffset: ra + x, as: UInt64.self) == rawB.loadUnaligned(fromByteOffset: rb + x, as: UInt64.self) {
                            x += 8
                            continue
                        }
                        let stop = min(x + 8, r.maxX)
                        while x < stop {
                            let d = Int(pa[ra + x]) - Int(pb[rb + x])
                            if d > thr || d < -thr {
                                let c = cy * cw + (x - r.x) / cell
                                count[c] += 1
                                let ad = Int32(d < 0 ? -d : d)
                                if ad > peak[c] { peak[c] = ad }
                                let xx = Int32(x), yy = Int32(y)
                                if xx < minX[c] { minX[c] = xx }
                                if xx > maxX[c] { maxX[c] = xx }
                                if yy < minY[c] { minY[c] = yy }
                                if yy > maxY[c] { maxY[c] = yy }
                            }
                            x += 1
                        }
                    }
                }
            }
        }
        return components(count: count, peak: peak, minX: minX, minY: minY, maxX: maxX, maxY: maxY, cw: cw, ch: ch, link: link)
    }

    static func components(count: [Int32], peak: [Int32], minX: [Int32], minY: [Int32], maxX: [Int32], maxY: [Int32],
                           cw: Int, ch: Int, link: Int) -> [ChangeBlob] {
        var label = [Int32](repeating: -1, count: cw * ch)
        var out: [ChangeBlob] = []
        var stack: [Int] = []
        let reach = 1 + max(0, link)
        for start in 0..<(cw * ch) where count[start] > 0 && label[start] < 0 {
            let id = Int32(out.count)
            label[start] = id
            stack.append(start)
            var px = 0, top: Int32 = 0, x0 = Int32.max, y0 = Int32.max, x1: Int32 = -1, y1: Int32 = -1
            while let c = stack.popLast() {
                px += Int(count[c])
                top = max(top, peak[c])
                x0 = min(x0, minX[c]); y0 = min(y0, minY[c]); x1 = max(x1, maxX[c]); y1 = max(y1, maxY[c])
                let cx = c % cw, cy = c / cw
                for dy in -reach...reach {
                    let ny = cy + dy
                    if ny < 0 || ny >= ch { continue }
                    for dx in -reach...reach {
                        let nx = cx + dx
                        if nx < 0 || nx >= cw || (dx == 0 && dy == 0) { continue }
                        let n = ny * cw + nx
                        if count[n] > 0 && label[n] < 0 { label[n] = id; stack.append(n) }
                    }
                }
            }
            out.append(ChangeBlob(box: PixelRect(x: Int(x0), y: Int(y0), width: Int(x1 - x0) + 1, height: Int(y1 - y0) + 1),
                                  pixels: px, maxDiff: Int(top)))
        }
        return out
    }

    /// Mean absolute luma difference of `a` and `b` inside `region` (0–255), sampling every `step` pixels.
    public static func meanDifference(_ a: Image, _ b: Image, region: PixelRect, step: Int = 1) -> Double {
        let full = PixelRect(x: 0, y: 0, width: min(a.width, b.width), height: min(a.height, b.height))
        let r = region.intersection(full)
        guard !r.isEmpty else { return 0 }
        var sum = 0, n = 0
        var y = r.y
        while y < r.maxY {
            var x = r.x
            while x < r.maxX {
                sum += abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))); n += 1
                x += step
            }
            y += step
        }
        return n == 0 ? 0 : Double(sum) / Double(n)
    }
}

extension PixelRect {
    /// The distance between the two rectangles (0 when they touch or overlap).
    public func distance(to o: PixelRect) -> Int {
        let dx = max(0, max(o.x - maxX, x - o.maxX)), dy = max(0, max(o.y - maxY, y - o.maxY))
        return max(dx, dy)
    }
    /// The distance from the rectangle to a point (0 inside).
    public func distance(to p: PixelPoint) -> Int {
        let dx = max(0, max(x - p.x, p.x - maxX + 1)), dy = max(0, max(y - p.y, p.y - maxY + 1))
        return max(dx, dy)
    }
    /// The rectangle scaled by `f` (about the origin).
    public func scaled(_ f: Double) -> PixelRect {
        let nx = Int((Double(x) * f).rounded(.down)), ny = Int((Double(y) * f).rounded(.down))
        let mx = Int((Double(maxX) * f).rounded(.up)), my = Int((Double(maxY) * f).rounded(.up))
        return PixelRect(x: nx, y: ny, width: mx - nx, height: my - ny)
    }
    /// The rectangle grown by `dx` horizontally and `dy` vertically on each side.
    public func expanded(_ dx: Int, _ dy: Int) -> PixelRect {
        PixelRect(x: x - dx, y: y - dy, width: width + 2 * dx, height: height + 2 * dy)
    }
    /// Intersection area over union area.
    public func iou(_ o: PixelRect) -> Double {
        let i = intersection(o).area
        let u = area + o.area - i
        return u == 0 ? 0 : Double(i) / Double(u)
    }
}
