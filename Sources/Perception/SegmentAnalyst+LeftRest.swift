// A click seen only after the pointer leaves, for `SegmentAnalyst`: a pointer rests on something
// and nothing is explained while it rests (the press changed the element's look while the hand
// covered it, or the change came in the very frame the pointer set off and was taken for the
// pointer moving). Once the pointer has left and a hover's fade-out is over, the element under the
// rest point is compared with its look before the pointer came near: a lasting, strong difference
// is a click at the rest point, timed at the rest's start.

import Foundation
import ScreenCore

/// A pointer rest that ended with nothing observed during it, waiting for its element to be
/// compared once the pointer is gone.
struct LeftRest {
    /// The pointer's hot spot and box while it rested.
    var point: PixelPoint
    var box: PixelRect
    /// When the rest began (the pointer's last move before it) and when the pointer left.
    var start: Double
    var left: Double
    /// Frames from before the rest, newest first, with where the pointer was in each: the look of
    /// the element before the pointer came near is taken from the first one that shows it uncovered.
    var references: [(time: Double, image: Image, pointer: PixelRect?)]
}

extension SegmentAnalyst {
    /// How long after the pointer left the element is compared (a hover's fade-out is over).
    static let leftRestDelay = 0.3
    /// How long a rest must last to count (a pause on the way is no rest).
    static let leftRestMinimum = 0.3

    /// The pointer, which rested at `from` since `restSince`, moved at `time`: remember the rest
    /// when nothing was observed during it and no field has the keyboard.
    func noteLeftRest(from f: PointerFix, restSince: Double, at time: Double) {
        guard tracker.seen, restSince.isFinite, time - restSince >= Self.leftRestMinimum,
              typing == nil, focused == nil, popup == nil,
              clickedRest < restSince - 0.001, lastClick.map({ $0.time < restSince - 0.001 }) ?? true,
              !observations.contains(where: { $0.time >= restSince - 0.05 }),
              layout.viewport.contains(f.hotSpot) else { return }
        let refs = history.reversed().filter { $0.time < restSince - 0.001 && $0.pointer != nil }
        guard !refs.isEmpty else { return }
        leftRest = LeftRest(point: f.hotSpot, box: f.box, start: restSince, left: time, references: Array(refs.prefix(12)))
        Debug.log("seg \(span.index) t \(String(format: "%.2f", time)) pointer left a rest at \(f.hotSpot.x),\(f.hotSpot.y) since \(String(format: "%.2f", restSince)) with nothing observed")
    }

    /// Once the hover's fade-out is over (and no change event is open): compares the element under
    /// the left rest with its look before the pointer came near, and notes a click when it changed
    /// strongly and the page around it stayed (no scroll, no navigation). `lastScroll` is when the
    /// scroll being gathered (if any) last moved the page: only frames after it are compared.
    func checkLeftRest(_ image: Image, time: Double, eventOpen: Bool, lastScroll: Double?) async throws {
        guard let rest = leftRest, time >= rest.left + Self.leftRestDelay else { return }
        if eventOpen && time <= rest.left + 1.5 { return }
        leftRest = nil
        guard !eventOpen, typing == nil, focused == nil, popup == nil,
              clickedRest < rest.start - 0.001,
              !observations.contains(where: { $0.time >= rest.start - 0.05 && ($0.kind == .scroll || $0.kind == .navigation || $0.time < rest.left) })
        else { return }
        let vp = layout.viewport
        // The element as it looked before the pointer came near: the newest frame in which the
        // pointer was clear of it.
        var found: (element: FoundElement, ref: (time: Double, image: Image, pointer: PixelRect?))?
        for ref in rest.references where ref.time > (lastScroll ?? -.infinity) + 0.2 {
            guard let p = ref.pointer, let el = ElementFinder.element(at: rest.point, in: ref.image, bounds: vp, avoid: p) else { continue }
            if p.intersection(el.box.expanded(8, 8)).isEmpty { found = (el, ref); break }
        }
        guard let (el, ref) = found else { return }
        let box = el.box
        guard box.width >= 8, box.height >= 8, box.area * 8 <= vp.area else { return }
        let ignore = [rest.box, tracker.fix?.box].compactMap { $0?.expanded(3, 3) }
        let (strong, n) = Self.strongChange(ref.image, image, region: box, ignoring: ignore)
        Debug.log("seg \(span.index) t \(String(format: "%.2f", time)) left rest at \(rest.point.x),\(rest.point.y): element \(box) from \(String(format: "%.2f", ref.time)) changed strongly \(strong)/\(n)")
        guard n >= 24, strong >= 12, strong * 100 >= n * 8 else { return }
        // The page around the element stayed (no scroll, no new view): what changed is the element's.
        let around = ChangeDetector.blobs(ref.image, image, threshold: 24, cell: 16, region: vp).filter { !$0.isNoise }
        guard around.reduce(0, { $0 + $1.box.area }) * 4 < vp.area else { return }
        let boxes = ChangeDetector.blobs(ref.image, image, threshold: 24, cell: 8, region: box.expanded(4, 4).intersection(vp))
            .filter { !$0.isNoise }.map(\.box)
            .filter { b in !ignore.contains { $0.intersection(b) == b } }
        guard let first = boxes.first else { return }
        let union = boxes.dropFirst().reduce(first) { $0.union($1) }
        var e = ChangeEvent(start: rest.start, lastChange: rest.left, before: ref.image, plate: ref.image, boxes: boxes, union: union,
                            pointer: nil, pointerResting: true)
        e.startPointer = nil
        Debug.log("seg \(span.index) click seen after the pointer left: \(rest.point.x),\(rest.point.y) at \(String(format: "%.2f", rest.start))")
        clickedRest = rest.start
        clickPoints = Array((clickPoints + [rest.point]).suffix(4))
        try await click(at: rest.point, event: e, after: image, big: false, owned: span.owns(rest.start), pageBoxes: boxes, time: time)
    }

    /// Pixels of `region` (every other one, `ignoring` left out) sampled, and how many of them
    /// differ by more than 40 levels of luma between `a` and `b`: a press's new look, not a tint.
    static func strongChange(_ a: Image, _ b: Image, region: PixelRect, ignoring: [PixelRect]) -> (strong: Int, sampled: Int) {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: min(a.width, b.width), height: min(a.height, b.height)))
        guard !r.isEmpty else { return (0, 0) }
        var n = 0, strong = 0
        for y in stride(from: r.y, to: r.maxY, by: 2) {
            for x in stride(from: r.x, to: r.maxX, by: 2) {
                let p = PixelPoint(x: x, y: y)
                if ignoring.contains(where: { $0.contains(p) }) { continue }
                n += 1
                if abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))) > 40 { strong += 1 }
            }
        }
        return (strong, n)
    }
}
