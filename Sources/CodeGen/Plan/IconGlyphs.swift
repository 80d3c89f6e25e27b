/// Icon buttons whose only visible text is one glyph, and the spellings of each glyph.
///
/// The video cannot see such a button's accessible name (its `aria-label`: "Delete", "Close",
/// "Increase quantity"), and OCR reads the glyph loosely ("×" as "x" or "X", "−" as "-"), so a
/// locator built from what was read finds nothing. Instead the element is found by its visible
/// text being, whole, any spelling of the glyph's family.
///
/// | family         | spellings                                                  |
/// |----------------|------------------------------------------------------------|
/// | close / delete | × U+00D7, ✕ U+2715, ✖ U+2716, x, X                         |
/// | plus           | + U+002B, ＋ U+FF0B                                        |
/// | minus          | − U+2212, - U+002D, – U+2013 (en dash), — U+2014 (em dash) |
/// | move right     | → U+2192, ➔ U+2794, ➜ U+279C                               |
/// | move left      | ← U+2190                                                   |
/// | edit           | ✎ U+270E, ✏ U+270F, ✐ U+2710                               |
/// | star (empty)   | ☆ U+2606                                                   |
/// | star (filled)  | ★ U+2605                                                   |
/// | copy (square)  | ❐ U+2750, ❏ U+274F, ❑ U+2751, ❒ U+2752, ⧉ U+29C9, ☐ U+2610 |
///
/// (The arrows, pencil, stars and the square are what the analyser's glyph reader names; OCR reads none of them.)
enum IconGlyphs {
    static let families: [[String]] = [
        ["\u{D7}", "\u{2715}", "\u{2716}", "x", "X"],
        ["+", "\u{FF0B}"],
        ["\u{2212}", "-", "\u{2013}", "\u{2014}"],
        ["\u{2192}", "\u{2794}", "\u{279C}"],
        ["\u{2190}"],
        ["\u{270E}", "\u{270F}", "\u{2710}"],
        ["\u{2606}"],
        ["\u{2605}"],
        ["\u{2750}", "\u{274F}", "\u{2751}", "\u{2752}", "\u{29C9}", "\u{2610}"],
    ]

    /// The other spellings of `text`'s family when `text` (already cleaned) is one glyph of a
    /// family, ignoring an emoji or text variation selector (U+FE0F, U+FE0E); nil otherwise.
    /// `text` itself stays the first spelling, so a variant read from the page is kept.
    static func alternatives(for text: String) -> [String]? {
        let bare = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FE0F}" && $0 != "\u{FE0E}" }))
        guard let family = families.first(where: { $0.contains(bare) }) else { return nil }
        return family.filter { $0 != text }
    }
}
