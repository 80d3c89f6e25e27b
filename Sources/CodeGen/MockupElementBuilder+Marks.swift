import Foundation
import ScreenCore

extension MockupElementBuilder {
    /// The short side, in pixels, under which an unread mark is drawn as a shape, not a picture:
    /// less than a line of body text is tall.
    public static let markShortSide = 24

    /// Whether a picture placeholder is a *mark*: a glyph the size of a letter (`isGlyphMark`), or any
    /// icon or picture (not a linked one) shorter than `markShortSide` on its short side — a bullet, an
    /// arrow, an icon-font glyph, a coloured strip or rule, a word OCR could not read. In a page's source
    /// such a mark is a character, a pseudo-element or a border, so it is drawn as an empty `<span>` in
    /// its colour, laid out exactly as the `<img>` would be (a block of its size), and hidden from
    /// assistive tech. Measured on main's pages (session 25): none of the 33 generated pictures this small
    /// (29 on the 60 Design2Code pages, 4 on the sample mockups) matched a picture of the design's
    /// source, against 136 of the 173 larger ones.
    public static func isMark(_ n: UINode) -> Bool {
        if isGlyphMark(n) { return true }
        guard n.kind == .image || n.kind == .icon, n.tag != "a" else { return false }
        return min(n.box.width, n.box.height) < markShortSide
    }
}
