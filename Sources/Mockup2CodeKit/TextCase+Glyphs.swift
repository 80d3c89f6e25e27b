import Foundation

/// Session 25 (issue 15, Text): the glyphs Tesseract reads off icons beside a line of text, and the
/// case of short labels drawn in capitals.
extension TextCase {
    /// Symbols Tesseract reads off an icon drawn before a line's text (a chevron or hamburger
    /// icon): "= Analysis", "= Pose Estimation". None of the 60 Design2Code pages' texts starts with
    /// one of them as a word of its own. Glyphs that are also read off list bullets ("*", "+", "°",
    /// "©") stay for `DesignSemantics.makeLists`, which strips them from a list's items and, since
    /// this session, from a lone item (`DesignSemantics.strippingLoneBullet`).
    static let leadingIconGlyphs: Set<Character> = ["=", "¥"]

    /// Symbols read off an icon after a line's text (a select's chevron as "¥", a share or follow
    /// icon row as "=" / "==="): "Piano ¥", "Share: =", "Available In: =". "*" and "+" are left alone
    /// there ("news.*" is code a page shows).
    static let trailingIconGlyphs: Set<Character> = ["=", "¥", "~", "°"]

    /// The range of `words` (one line, in reading order) that is text rather than an icon read as
    /// a glyph: leading and trailing words made only of icon glyphs are left out. The whole
    /// range when nothing else on the line holds a letter or a digit.
    static func textRange(ofLine words: [String]) -> Range<Int> {
        var lo = 0, hi = words.count
        func only(_ w: String, _ set: Set<Character>) -> Bool { !w.isEmpty && w.allSatisfy { set.contains($0) } }
        func legible(_ r: Range<Int>) -> Bool {
            words[r].contains { $0.contains { $0.isLetter || $0.isNumber } }
        }
        while lo + 1 < hi, only(words[lo], leadingIconGlyphs), legible((lo + 1)..<hi) { lo += 1 }
        while hi - 1 > lo, only(words[hi - 1], trailingIconGlyphs), legible(lo..<(hi - 1)) { hi -= 1 }
        return lo..<hi
    }

    /// Short words a title keeps in lower case unless they begin it ("Post a Comment", "Camping in
    /// Cornwall", "Plugin and Theme Directory", "Search by Keyword").
    static let minorWords: Set<String> = [
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "by", "for", "with", "from", "as", "vs",
    ]

    /// One word of a short label drawn in capitals, in title case: its first letter (not its first
    /// character: "(DISPLAY" → "(Display") a capital, the rest lower case; a minor word after the
    /// first in lower case; a word starting with a digit ("3RD", "24TH") all lower case.
    static func titleCased(_ word: Substring, first: Bool) -> String {
        let lower = word.lowercased()
        if word.first?.isNumber == true { return lower }
        if !first, minorWords.contains(lower.trimmingCharacters(in: .punctuationCharacters)) { return lower }
        guard let i = lower.firstIndex(where: \.isLetter) else { return lower }
        return lower[..<i] + lower[i].uppercased() + lower[lower.index(after: i)...]
    }

    /// Whether an all-capital word is an ordinal ("1ST", "3RD", "24TH"), written in lower case,
    /// not kept as an acronym.
    static func isOrdinal(_ word: Substring) -> Bool {
        let core = word.trimmingCharacters(in: .punctuationCharacters)
        guard let i = core.firstIndex(where: { !$0.isNumber }), i != core.startIndex else { return false }
        return ["ST", "ND", "RD", "TH"].contains(String(core[i...]))
    }
}
