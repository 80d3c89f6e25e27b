// Lists for `SegmentAnalyst`: telling a native `<select>`'s drop-down (the browser's own list)
// from a menu the page draws (a row's "⋯" menu, a version switcher), so that only the first
// becomes a `select` and the second a click on its opener and a click on the item chosen.

import ScreenCore

extension SegmentAnalyst {
    /// A list open after a click: its box, its opener's box, text and label, when it opened, the
    /// frame before it opened, and whether it is the page's own menu (not a select's list).
    typealias OpenList = (box: PixelRect, owner: PixelRect, ownerText: String?, label: String?, time: Double, under: Image, menu: Bool)

    /// Whether `list` can be a browser's drop-down for `opener`, a `<select>`: the opener is drawn
    /// like a field (at least twice as wide as high: the shown option and the arrow), and the list
    /// spans the opener's whole width — the browser sizes its list to the select, never narrower,
    /// lined up on the select's left. A page's menu opened from an icon ("⋯") or a short button
    /// ("v3.2") is no select however it is drawn. (The list's own edges are not compared with the
    /// opener's: the changed area holding it often takes in neighbours that changed at the same
    /// moment — the opener's focus ring, a field beside it losing focus — and is wider.)
    static func nativeListShape(_ list: PixelRect, opener: PixelRect) -> Bool {
        // A few pixels either way: the opener's focus ring and the list's border join the change.
        let slack = max(6, opener.height / 4)
        guard opener.width >= opener.height * 2 else { return false }
        return list.x <= opener.x + slack && list.maxX >= opener.maxX - slack
    }
}
