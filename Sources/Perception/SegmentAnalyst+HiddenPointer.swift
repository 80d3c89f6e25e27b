// A pointer hidden while keys are typed, for `SegmentAnalyst`: some browsers (Firefox) stop
// drawing the pointer at the first keystroke and draw it again only when the mouse moves. While it
// is hidden, a glyph typed where it rested is a keystroke, not the pointer moving, and nothing must
// be painted out of the typed value; when it shows again over the typed text, that frame is no
// keystroke.

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// Whether the resting pointer stopped being drawn with the keystroke `e` into `field`: its own
    /// pixels (the measured silhouette) changed and now show the field's plain background. (A
    /// browser that keeps drawing the pointer while keys are typed leaves its pixels as they were,
    /// even with a glyph typed under it.)
    func pointerHidByKeystroke(_ e: ChangeEvent, after: Image, field: PixelRect) -> Bool {
        guard let f = tracker.fix, let mask = tracker.silhouette, mask.count == f.box.area,
              !tracker.moving(at: e.start, window: 0.3),
              f.box.intersection(field.expanded(4, 4)).area * 2 >= f.box.area else { return false }
        let inside = field.insetBy(3).intersection(PixelRect(x: 0, y: 0, width: after.width, height: after.height))
        guard inside.width > 4, inside.height > 4 else { return false }
        let bg = Int(TextRegions.backgroundLuma(after.cropped(to: inside)))
        return Self.pixelsGone(mask, in: f.box, before: e.before, after: after, background: bg)
    }

    /// Whether most of the pixels `mask` (inside `box`) changed from `before` to `after` and show
    /// plain `background` in `after`.
    static func pixelsGone(_ mask: [Bool], in box: PixelRect, before: Image, after: Image, background bg: Int) -> Bool {
        var n = 0, changed = 0, plain = 0
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where mask[(y - box.y) * box.width + x - box.x] {
                guard x >= 0, y >= 0, x < min(before.width, after.width), y < min(before.height, after.height) else { continue }
                n += 1
                let a = Int(after.luma(x: x, y: y))
                if abs(a - Int(before.luma(x: x, y: y))) > 30 { changed += 1 }
                if abs(a - bg) <= 24 { plain += 1 }
            }
        }
        return n >= 8 && changed * 10 >= n * 7 && plain * 10 >= n * 7
    }

    /// Whether the resting pointer that was at `old` stopped being drawn (a browser hides it once
    /// keys are typed): the tracker saw it "move" in place (`now` overlaps `old`), and around it the
    /// frame shows what the pointer-free `plate` shows — of what differed from it in `previous`
    /// (the pointer drawn) hardly a quarter is left, and nothing is drawn anew. (A pointer
    /// changing its shape in place draws new pixels there; one moving on lands away.)
    static func pointerVanished(from old: PixelRect, now: PixelRect, image: Image, previous: Image, plate: Image) -> Bool {
        guard old.intersection(now).area * 2 >= min(old.area, now.area),
              abs(old.center.x - now.center.x) + abs(old.center.y - now.center.y) <= 6 else { return false }
        let area = old.union(now).expanded(4, 4)
        let drawn = PointerTracker.differing(previous, plate, area)
        return drawn >= 20 && PointerTracker.differing(image, plate, area) * 4 <= drawn
    }

    /// Whether the change `u` in the field being typed into is the hidden pointer showing again:
    /// no pointer is drawn, and it is a thin upright mark over the typed text (left of its end),
    /// taller than any keystroke's change on that line (an I-beam reaches above and below the
    /// letters).
    static func pointerShowsAgain(_ u: PixelRect, run: TypingRun) -> Bool {
        run.keys >= 2 && run.lineHeight > 0 && u.width <= 12 && u.height >= run.lineHeight + 4 && u.height <= PointerLocator.maxSide
            && u.maxX <= run.inkRight - 6 && run.field.expanded(4, 4).intersection(u) == u
    }

    /// The mark `u` that changed from `before` to `after`, as a pointer fix with its pixels.
    static func showingPointer(_ u: PixelRect, before: Image, after: Image) -> (PointerFix, [Bool]) {
        var mask = [Bool](repeating: false, count: u.area)
        for y in u.y..<u.maxY where y >= 0 && y < min(before.height, after.height) {
            for x in u.x..<u.maxX where x >= 0 && x < min(before.width, after.width) {
                mask[(y - u.y) * u.width + x - u.x] = abs(Int(after.luma(x: x, y: y)) - Int(before.luma(x: x, y: y))) > 30
            }
        }
        return (PointerFix(box: u, hotSpot: u.center), mask)
    }
}
