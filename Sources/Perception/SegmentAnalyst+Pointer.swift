// Pointer handling for `SegmentAnalyst`: keeping the pointer-free plate of the screen, finding the
// resting pointer's exact shape (against the plate, or on a flat background), telling whether it
// stayed where it was drawn, painting it out of a frame before reading, and what to step over when
// growing regions on an event's plate.

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// Keeps a pointer-free picture of the screen: every frame is copied in except where the
    /// pointer is now (its changes this frame and its known box), which keeps what was there
    /// before the pointer came. One consistent picture, even through hover animations.
    func updatePlate(_ image: Image, content: [ChangeBlob], pointer: [PixelRect]) {
        defer { pointerTrail = pointer }
        guard var p = plate, p.bytesPerRow == image.bytesPerRow, p.height == image.height else { plate = image; return }
        let holes = (pointer.map { $0.expanded(3, 3) } + (tracker.fix.map { [$0.box.expanded(3, 3)] } ?? []))
            .map { $0.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height)) }.filter { !$0.isEmpty }
        if holes.isEmpty { plate = image; return }
        let bpr = image.bytesPerRow, w = image.width
        let top = holes.map(\.y).min()!, bottom = holes.map(\.maxY).max()!
        // (Let go of the old plate first: when nothing else holds it, the rows are written in
        // place instead of the whole plate being copied before every row is overwritten.)
        plate = nil
        p.pixels.withUnsafeMutableBytes { dst in
            image.pixels.withUnsafeBytes { src in
                // Rows without a hole in one block copy; rows with one around it.
                dst.baseAddress!.copyMemory(from: src.baseAddress!, byteCount: top * bpr)
                (dst.baseAddress! + bottom * bpr).copyMemory(from: src.baseAddress! + bottom * bpr, byteCount: (image.height - bottom) * bpr)
                for y in top..<bottom {
                    let row = y * bpr
                    let cut = holes.filter { y >= $0.y && y < $0.maxY }.sorted { $0.x < $1.x }
                    var x = 0
                    for h in cut {
                        if h.x > x { (dst.baseAddress! + row + x).copyMemory(from: src.baseAddress! + row + x, byteCount: h.x - x) }
                        x = max(x, h.maxX)
                    }
                    if x < w { (dst.baseAddress! + row + x).copyMemory(from: src.baseAddress! + row + x, byteCount: w - x) }
                }
            }
        }
        plate = p
    }

    /// `image` with the resting pointer's own pixels painted over with the plate's (the text
    /// under a thin I-beam stays readable; a black bar would read as a letter).
    /// With `typedOver`, text may have been typed under the pointer since it came to rest (the
    /// plate predates it): a thin I-beam's pixels are then filled in from their left and right
    /// neighbours on each row, which keeps the strokes of the letters it crosses.
    func erasingPointer(_ image: Image) -> Image {
        erasingPointer(image, at: tracker.fix?.box, mask: tracker.silhouette)
    }

    /// `image` with the pointer that was at `box` (its pixels `mask`) painted over.
    func erasingPointer(_ image: Image, at box: PixelRect?, mask: [Bool]?, typedOver: Bool = false) -> Image {
        guard let fb = box, let mask, mask.count == fb.area else {
            Debug.log("seg \(span.index) no pointer silhouette to erase")
            return image
        }
        let f = PointerFix(box: fb, hotSpot: fb.center)
        Debug.log("seg \(span.index) erasing pointer \(f.box) (\(mask.filter { $0 }.count) px, typed over: \(typedOver))")
        let around = image.cropped(to: f.box.expanded(6, 6))
        let bg = Int(TextRegions.backgroundLuma(around))
        var out = image
        if typedOver, f.box.width <= 14, f.box.x > 0, f.box.maxX < image.width {
            for y in max(0, f.box.y)..<min(image.height, f.box.maxY) {
                var x = f.box.x
                while x < f.box.maxX {
                    guard mask[(y - f.box.y) * f.box.width + x - f.box.x] else { x += 1; continue }
                    var end = x
                    while end + 1 < f.box.maxX, mask[(y - f.box.y) * f.box.width + end + 1 - f.box.x] { end += 1 }
                    let l = Double(image.luma(x: x - 1, y: y)), r = Double(image.luma(x: min(image.width - 1, end + 1), y: y))
                    for xx in x...end {
                        let t = Double(xx - x + 1) / Double(end - x + 2)
                        out.pixels[y * out.bytesPerRow + xx] = UInt8((l + (r - l) * t).rounded())
                    }
                    x = end + 1
                }
            }
            return out
        }
        for y in f.box.y..<f.box.maxY {
            for x in f.box.x..<f.box.maxX where mask[(y - f.box.y) * f.box.width + x - f.box.x] {
                guard x >= 0, y >= 0, x < image.width, y < image.height else { continue }
                if tracker.plateIsClean, let p = plate {
                    // The plate saw this spot before the pointer came to rest on it.
                    out.pixels[y * out.bytesPerRow + x] = p.pixels[y * p.bytesPerRow + x]
                } else if abs(Int(image.luma(x: x, y: y)) - bg) > 100 {
                    // Only the pointer's contrasting core; its outline blends with the background.
                    out.pixels[y * out.bytesPerRow + x] = UInt8(bg)
                }
            }
        }
        return out
    }

    /// The pointer near `p` when it sits on a flat patch: the one compact shape that differs from
    /// the patch's colour, not touching the window's edge.
    static func pointerOnFlat(near p: PixelPoint, in image: Image) -> (PointerFix, [Bool])? {
        let win = PixelRect(x: p.x - 28, y: p.y - 28, width: 56, height: 56)
            .intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard win.width > 20, win.height > 20 else { return nil }
        var hist = [Int](repeating: 0, count: 256)
        for y in win.y..<win.maxY { for x in win.x..<win.maxX { hist[Int(image.luma(x: x, y: y))] += 1 } }
        let bg = hist.indices.max { hist[$0] < hist[$1] }!
        guard hist[bg] * 10 >= win.area * 6 else { return nil }   // not flat enough
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1
        for y in win.y..<win.maxY {
            for x in win.x..<win.maxX where abs(Int(image.luma(x: x, y: y)) - bg) > 40 {
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        guard x1 >= 0, x0 > win.x, y0 > win.y, x1 < win.maxX - 1, y1 < win.maxY - 1,
              x1 - x0 >= 4, y1 - y0 >= 8, x1 - x0 < 40, y1 - y0 < 40 else { return nil }
        let box = PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        var mask = [Bool](repeating: false, count: box.area)
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where abs(Int(image.luma(x: x, y: y)) - bg) > 12 { mask[(y - box.y) * box.width + x - box.x] = true }
        }
        let hot = box.width * 2 <= box.height ? box.center : PixelPoint(x: box.x + 1, y: box.y + 1)
        return (PointerFix(box: box, hotSpot: hot), mask)
    }

    /// The resting pointer's exact box near `guess`: the pixels that differ from the clean plate.
    func restingPointer(around guess: PixelRect, image: Image, plate: Image) -> (PointerFix, [Bool])? {
        let r = guess.expanded(16, 16).intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard !r.isEmpty else { return nil }
        var diff = [Bool](repeating: false, count: r.area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX where abs(Int(image.luma(x: x, y: y)) - Int(plate.luma(x: x, y: y))) > 30 {
                diff[(y - r.y) * r.width + x - r.x] = true
            }
        }
        guard let box = Self.pointerShape(in: diff, region: r, tracked: guess) else { return nil }
        var mask = [Bool](repeating: false, count: box.area)
        var top: PixelPoint?
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where diff[(y - r.y) * r.width + x - r.x] {
                mask[(y - box.y) * box.width + x - box.x] = true
                if top == nil { top = PixelPoint(x: x, y: y) }
            }
        }
        // The middle of a narrow I-beam, else the topmost pixel (an arrow's or a finger's tip).
        let hot = box.width * 2 <= box.height && box.width <= 12 ? box.center : top ?? PixelPoint(x: box.x + 1, y: box.y + 1)
        return (PointerFix(box: box, hotSpot: hot), mask)
    }

    /// The pointer's box among the pixels of `region` that differ from the clean plate: the
    /// largest group of them (pixels a gap of one apart still belong together) that does not reach
    /// across the whole region, pointer-sized. Another change touching the area — a focus ring
    /// drawn a few pixels from the pointer — is no part of it.
    /// With `tracked` (where the tracker saw the pointer arrive), a group with pixels inside it
    /// beats any group clear of it: the plate may still hold the pointer's image from a frame in
    /// which the tracker had it elsewhere (a move faster than the tracker's blobs), and that ghost
    /// differs from the frame as much as the pointer itself.
    static func pointerShape(in diff: [Bool], region r: PixelRect, tracked: PixelRect? = nil) -> PixelRect? {
        var label = [Int32](repeating: -1, count: diff.count)
        var best: (box: PixelRect, pixels: Int, atTracked: Bool)?
        var next: Int32 = 0
        for start in diff.indices where diff[start] && label[start] < 0 {
            var stack = [start], n = 0, atTracked = false
            label[start] = next
            var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1
            while let i = stack.popLast() {
                n += 1
                let x = i % r.width, y = i / r.width
                if let t = tracked, !atTracked, t.contains(PixelPoint(x: r.x + x, y: r.y + y)) { atTracked = true }
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
                for dy in -2...2 {
                    for dx in -2...2 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < r.width, ny < r.height else { continue }
                        let j = ny * r.width + nx
                        if diff[j] && label[j] < 0 { label[j] = next; stack.append(j) }
                    }
                }
            }
            next += 1
            let spans = (x0 == 0 && x1 == r.width - 1) || (y0 == 0 && y1 == r.height - 1)
            guard !spans, x1 - x0 < PointerLocator.maxSide, y1 - y0 < PointerLocator.maxSide,
                  x1 - x0 >= 4, y1 - y0 >= 8 else { continue }   // a pointer is never a speck
            let better = best.map { atTracked != $0.atTracked ? atTracked : n > $0.pixels } ?? true
            if better { best = (PixelRect(x: r.x + x0, y: r.y + y0, width: x1 - x0 + 1, height: y1 - y0 + 1), n, atTracked) }
        }
        return best?.box
    }

    /// Whether the pointer drawn in `box` in `previous` (its pixels: what differs from the
    /// pointer-free `plate`) is still drawn there in `image`.
    static func pointerStayed(_ box: PixelRect, previous: Image, image: Image, plate: Image) -> Bool {
        let r = box.intersection(PixelRect(x: 0, y: 0, width: min(image.width, plate.width), height: min(image.height, plate.height)))
        guard !r.isEmpty else { return false }
        var n = 0, same = 0
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX where abs(Int(previous.luma(x: x, y: y)) - Int(plate.luma(x: x, y: y))) > 30 {
                n += 1
                if abs(Int(image.luma(x: x, y: y)) - Int(previous.luma(x: x, y: y))) <= 30 { same += 1 }
            }
        }
        return n >= 8 && same * 10 >= n * 7
    }

    /// What to step over when growing regions on the event's plate: nothing when the plate saw
    /// under the pointer, else the pointer's box.
    func plateAvoid(_ e: ChangeEvent) -> PixelRect? { e.platePointer ?? (tracker.plateIsClean ? nil : e.pointer?.box) }
}
