// Keys for `SegmentAnalyst` once Tab has moved the keyboard's focus and the hand stays on the
// keyboard. A click puts the focus on the element under the pointer; when the focus ring leaves
// the focused field for a control the pointer is not on, the keyboard moved it (Tab) — even when
// no typing run is open any more (the run ended at a segment's edge). And when a Tab off a field
// has put the focus on a button and the page then changes with the pointer still where it was,
// the button was pressed from the keyboard (Enter), not clicked where the pointer happens to rest.

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// The control the focus ring moved to, off `field` (a ring removed around it, one drawn
    /// elsewhere, and nothing else), or nil when the change is not that. `union` is the changed area.
    static func focusLeft(field: PixelRect, union: PixelRect, before: Image, after: Image, bounds: PixelRect) -> PixelRect? {
        guard union.height <= 160 else { return nil }
        let fine = ChangeDetector.blobs(before, after, threshold: 24, cell: 4, region: union.expanded(4, 4).intersection(bounds))
        let pieces = clusters(fine.filter { !$0.isNoise }.map(\.box), gap: 4)
        guard focusMoved(pieces, before: before, after: after),
              pieces.contains(where: { $0.intersection(field.expanded(6, 6)).area > 0 }) else { return nil }
        return pieces.first { $0.intersection(field.expanded(6, 6)).isEmpty }
    }

    /// Whether a Tab moved the focus off the focused `field` to `next` although no typing run is
    /// open: the pointer (at `pointer`, resting) is not on the control that took the focus, so no
    /// click put it there.
    static func tabWithoutRun(next: PixelRect, pointer: PixelPoint) -> Bool {
        !next.expanded(8, 8).contains(pointer)
    }

    /// Whether a page change (`union`, `changed` of the viewport) after a Tab put the keyboard's
    /// focus on `focus` is that control pressed with Enter: the focus is on a control (a button's
    /// size, not a whole row or a field-wide box) and the page changed well beyond its own ring
    /// (a step or a page replaced, a dialog opened) — not the ring itself, nor a hover look.
    static func enterOnTabbedControl(focus: PixelRect, union: PixelRect, changed: Double, viewport vp: PixelRect) -> Bool {
        guard focus.height >= 16, focus.height <= 64, focus.width <= vp.width / 3, focus.width >= focus.height / 2 else { return false }
        guard focus.expanded(12, 12).intersection(union) != union else { return false }
        return changed >= 0.1 || union.area * 5 >= vp.area
    }
}
