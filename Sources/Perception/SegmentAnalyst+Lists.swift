// Lists for `SegmentAnalyst`: telling a native `<select>`'s drop-down (the browser's own list)
// from a menu the page draws (a row's "⋯" menu, a version switcher), so that only the first
// becomes a `select` and the second a click on its opener and a click on the item chosen.

import ScreenCore

extension SegmentAnalyst {
    /// A list open after a click: its box, its opener's box, text and label, when it opened, the
    /// frame before it opened, and whether it is the page's own menu (not a select's list).
    typealias OpenList = (box: PixelRect, owner: PixelRect, ownerText: String?, label: String?, time: Double, under: Image, menu: Bool)

    /// Whether `list` hangs from `opener` the way a browser draws a `<select>`'s options: the
    /// opener is a field-like box (at least twice as wide as high: the shown option and the
    /// arrow), and the list starts at its left edge and is at least as wide — the browser sizes its
    /// list to the select, never narrower, and lines it up on the select's left. A page's menu is
    /// laid out by the page: under a button's right edge, wider or narrower than a small "⋯" or
    /// "v3.2" button, or away from a small opener's left. (Whether the list also sits flush under
    /// the opener is not asked: the changed area may hold the opener's focus ring.)
    static func nativeListShape(_ list: PixelRect, opener: PixelRect) -> Bool {
        // A few pixels either way: the opener's focus ring and the list's border join the change.
        let slack = max(6, opener.height / 4)
        guard opener.width >= opener.height * 2 else { return false }
        return abs(list.x - opener.x) <= slack && list.maxX >= opener.maxX - slack
    }
}
