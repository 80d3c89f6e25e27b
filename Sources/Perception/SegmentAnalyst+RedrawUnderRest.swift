import ScreenCore

extension SegmentAnalyst {
    /// Whether a frame's small changes are a page redrawn around a resting pointer, not the
    /// pointer leaving: many of them (a pointer is one change, two when it jumps), none where it
    /// rests (a pointer that leaves changes its own place), in an event that began with the whole
    /// page changing at once (`after`, the open event's changes so far, covers at least half the
    /// viewport: an overlay or dialog gone).
    ///
    /// A dialog closing over a list repaints each row's avatar, star and button as a change of
    /// its own, all pointer-sized and none large, so the page never counts as moving; the
    /// tracker then took one of them for the pointer, the pointer for gone from its rest, and
    /// the click under it that closed the dialog (contacts' "Save") was never seen. A list that
    /// only re-renders (a search filtering it as keys are typed, a row coming back after an undo)
    /// is left to the usual rules: taken for the page there, the specks left the tracker on a
    /// stale silhouette and a pointer's next small move was read as a check or a second click.
    static func redrawnUnderRest(_ small: [ChangeBlob], pointer: PixelRect?, moving: Bool,
                                 after eventSoFar: PixelRect?, viewport: PixelRect) -> Bool {
        guard let pointer, !moving, small.count >= 8,
              let so = eventSoFar, so.intersection(viewport).area * 2 >= viewport.area else { return false }
        let rest = pointer.expanded(2, 2)
        return !small.contains { !$0.box.intersection(rest).isEmpty }
    }
}
