import Foundation
import ScreenCore

extension DesignSemantics {
    /// Characters no heading is written with but OCR makes of icons drawn beside text: "=" of a
    /// hamburger or share glyph ("Follow: ==="), "\" "{" "}" of arrows and ornaments.
    static let iconGlyphs: Set<Character> = ["=", "\\", "{", "}"]

    /// Whether a line reads as something other than a title: a row of three or more items set apart by
    /// bars ("Catalog | Articles | Website", tabs, a breadcrumb, an A–Z index read as one line), or a
    /// line holding glyphs OCR makes of icons (`iconGlyphs`). None of the 324 headings of the sample
    /// and Design2Code sources holds two bars or any of those glyphs; on main's pages (session 25)
    /// six generated headings did (d2c/5533 twice, 6111, 14697 twice, sample/issue-list), none
    /// matching a design heading.
    public static func readsAsItemsOrGlyphs(_ text: String) -> Bool {
        if text.filter({ $0 == "|" }).count >= 2 { return true }
        return text.contains { iconGlyphs.contains($0) }
    }
}
