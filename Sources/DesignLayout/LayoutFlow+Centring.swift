import ScreenCore

extension LayoutFlow {
    /// Whether a text box sits centred in its column's content box (`contentX`, `contentWidth`): at
    /// least 8 px in from the left, inside on the right, both sides equal within 4 px or 3 % of
    /// the width. Such text spans the column with `text-align: center`.
    static func isCentred(_ c: PixelRect, contentX cx: Int, contentWidth cw: Int) -> Bool {
        let left = c.x - cx, right = cx + cw - c.maxX
        return left >= 8 && right >= 0 && abs(left - right) <= max(4, cw * 3 / 100)
    }
}
