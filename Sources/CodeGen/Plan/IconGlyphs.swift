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
enum IconGlyphs {
    static let families: [[String]] = [
        ["\u{D7}", "\u{2715}", "\u{2716}", "x", "X"],
        ["+", "\u{FF0B}"],
        ["\u{2212}", "-", "\u{2013}", "\u{2014}"],
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
