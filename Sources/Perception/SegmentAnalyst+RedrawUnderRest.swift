import ScreenCore

extension SegmentAnalyst {
    /// Whether a frame's small changes are a page redrawn around a resting pointer, not the
    /// pointer leaving: many of them (a pointer is one change, two when it jumps), none where it
    /// rests (a pointer that leaves changes its own place).
    ///
    /// A dialog closing over a list repaints each row's avatar, star and button as a change of
    /// its own, all pointer-sized and none large, so the page never counts as moving; the
    /// tracker then took one of them for the pointer, the pointer for gone from its rest, and
    /// the click under it that closed the dialog (contacts' "Save") was never seen.
    static func redrawnUnderRest(_ small: [ChangeBlob], pointer: PixelRect?, moving: Bool) -> Bool {
        guard let pointer, !moving, small.count >= 8 else { return false }
        let rest = pointer.expanded(2, 2)
        return !small.contains { !$0.box.intersection(rest).isEmpty }
    }
}
