import ScreenCore

extension ChromeDetector {
    /// Share (percent) of the window's columns a row must change at to be the toolbar's bottom
    /// border: a one-pixel line drawn across the whole window. The address field's own lower edge
    /// changes most columns too, but not those of the buttons beside it (about 220 px at scale 1):
    /// 86 % of a 1280-wide window, 91 % of a 2560-wide one — so on wide screens it passes the
    /// plain edge test (`fullWidthEdges`, 85 %) and was taken for the viewport's top, 7 px high.
    static let borderShare = 99

    /// The viewport's top row: the first row under the address bar that changes across the whole
    /// window (the toolbar's border) when one lies just below the first full-width edge (within a
    /// quarter of the bar's height from the window's top: the toolbar's bottom padding), else that
    /// first edge. `edges`: `fullWidthEdges` at 85 %; `border`: the same rows at `borderShare`.
    static func viewportTop(edges: [Int], border: [Int], windowTop: Int) -> Int? {
        guard let first = edges.first else { return nil }
        let reach = max(4, (first - windowTop) / 4)
        if let line = border.first(where: { $0 >= first && $0 - first <= reach }) { return line }
        return first
    }
}
