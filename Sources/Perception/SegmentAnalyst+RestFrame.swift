// The element a click pressed, seen in the frame in which the pointer came to rest, for when the
// event's plate no longer shows it whole (the press itself repainted the button around the pointer).

import ScreenCore

extension SegmentAnalyst {
    /// The element under a click at `h` as the frame in which the pointer came to rest shows it,
    /// when the event's plate shows only a fragment of it; with that frame and the pointer's box in
    /// it (to step over). `nil` when the plate's element stands.
    ///
    /// A material button's press draws a ripple out from the pointer's tip, and the click's own
    /// release then repaints the page (a dialog closing): the plate at the event's start holds the
    /// ripple, and the flood from the tip stops at its edge — contacts-validation-60fps's "Save"
    /// was found as a 28×15 patch of ripple above the tip and read "4". The frame in which the
    /// pointer first stood there shows the button before it was pressed.
    func elementAtRest(at h: PixelPoint, found: FoundElement?, event e: ChangeEvent) -> (element: FoundElement, frame: Image, pointer: PixelRect)? {
        guard let f = found, f.shape != .text, e.pointerResting, let p = e.pointer?.box,
              let rest = restFrame(before: e.start, pointer: p) else { return nil }
        let avoid = rest.pointer.union(p).expanded(2, 2)
        guard let r = ElementFinder.element(at: h, in: rest.image, bounds: layout.viewport, avoid: avoid),
              Self.fragment(f.box, of: r),
              Self.differs(inside: r.box, outside: avoid, rest.image, e.plate) else { return nil }
        return (r, rest.image, avoid)
    }

    /// The earliest remembered frame, before `time`, of the pointer's rest at `p`: going back while
    /// the remembered pointer still overlaps `p` by half.
    func restFrame(before time: Double, pointer p: PixelRect) -> (image: Image, pointer: PixelRect)? {
        var found: (image: Image, pointer: PixelRect)?
        for h in history.reversed() where h.time < time {
            guard let q = h.pointer, q.intersection(p).area * 2 >= min(q.area, p.area) else { break }
            found = (h.image, q)
        }
        return found
    }

    /// Whether the plate's element `part` is a piece of the rest frame's element `whole`: a
    /// button or field (not text, not a control-sized square) at least three times its size that
    /// holds it.
    static func fragment(_ part: PixelRect, of whole: FoundElement) -> Bool {
        guard whole.shape == .box || whole.shape == .field else { return false }
        return whole.box.expanded(2, 2).intersection(part) == part && part.area * 3 <= whole.box.area
    }

    /// Whether `a` and `b` differ inside `box` away from the pointer: at least 2 % of its pixels
    /// (and 20) by more than 24 levels of luma — the plate was repainted there since the rest began.
    static func differs(inside box: PixelRect, outside pointer: PixelRect, _ a: Image, _ b: Image) -> Bool {
        let r = box.intersection(PixelRect(x: 0, y: 0, width: min(a.width, b.width), height: min(a.height, b.height)))
        guard !r.isEmpty else { return false }
        var n = 0, changed = 0
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX where !pointer.contains(PixelPoint(x: x, y: y)) {
                n += 1
                if abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))) > 24 { changed += 1 }
            }
        }
        return changed >= 20 && changed * 50 >= n
    }
}
