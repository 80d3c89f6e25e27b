import Foundation
import ScreenCore

/// What counts as the video showing a destructive control's effect (Delete, Remove, Discard…):
/// its row or card going — a change around the control, several times its size. A change over
/// most of the viewport (a dialog and its backdrop opening, another page) is no row going: it
/// comes from whatever opened it, and trying Remove there (contacts-search-escape-darkcursor: a
/// filtered row's Remove clicked for the Add contact dialog's backdrop) removes what the video
/// never shows removed — a click that cannot be undone.
extension Run {
    /// A change covering at least this share of the viewport is the page's (a backdrop), not a row's: a removed row shifts the rows below it, which may span half the list.
    static let wholePageShare = 0.8

    /// Whether one of `areas` (CSS pixels) shows a destructive control in `box` removing what is
    /// around it: it touches the box grown by 4 px, is at least 3 times its size, and covers less
    /// than `wholePageShare` of the `viewport`.
    static func removesAround(_ box: (x: Double, y: Double, width: Double, height: Double),
                              areas: [(x: Double, y: Double, width: Double, height: Double)],
                              viewport: (width: Double, height: Double)) -> Bool {
        let around = (x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8)
        let page = viewport.width * viewport.height
        return areas.contains { a in
            let size = a.width * a.height
            return overlaps(a, around) && size >= 3 * box.width * box.height && (page <= 0 || size < wholePageShare * page)
        }
    }
}
