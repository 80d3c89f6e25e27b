// A key for `SegmentAnalyst` once Tab has moved the keyboard's focus off a field and the hand
// stays on the keyboard: when the Tab put the focus on a button and the page then changes with
// the pointer still where it was, the button was pressed from the keyboard (Enter), not clicked
// where the pointer happens to rest.

import Foundation
import ScreenCore

extension SegmentAnalyst {
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
