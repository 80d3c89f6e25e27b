import Foundation

/// What a heading's text looks like: words that name something, not a figure or a sentence.
extension DesignSemantics {
    /// Whether `text` holds a word: at least three letters in a row that are not one short run of
    /// letters repeated (case aside). A large figure ("640m", "4h10m", "4:30-4:45 pm") is a
    /// statistic or a time; one or two letters in large type ("x", "q", "rN") are an icon OCR read
    /// as letters, and a run of one or two letters repeated ("eee", "kkk", "keke") a row of dots or
    /// stars: none is a heading. A word with a letter twice ("See all", "Add", "RSS") is a word. (Of
    /// the 324 headings in the sources of the sample mockups and Design2Code pages, one has no word
    /// of three letters; none has only such runs.)
    public static func namesInWords(_ text: String) -> Bool {
        var word: [Character] = []
        func isWord() -> Bool {
            guard word.count >= 3 else { return false }
            return !isRepeatedRun(word.map { Character($0.lowercased()) })
        }
        for ch in text {
            if ch.isLetter { word.append(ch) } else { if isWord() { return true }; word.removeAll() }
        }
        return isWord()
    }

    /// Whether `letters` are a shorter run repeated at least twice (period ≤ half the length):
    /// "kkk", "eeeee", "keke", "kekek" — glyphs OCR read as letters, not a word.
    static func isRepeatedRun(_ letters: [Character]) -> Bool {
        guard letters.count >= 2 else { return false }
        for period in 1...(letters.count / 2)
        where (period..<letters.count).allSatisfy({ letters[$0] == letters[$0 - period] }) {
            return true
        }
        return false
    }

    /// Whether `text` is written as a sentence: its last line has at least five words and ends in
    /// one full stop (not an ellipsis). Prose set in large type ("The cooler temperatures are a
    /// welcome pleasure.") is a paragraph, not a heading; a title rarely ends in a full stop.
    public static func isSentence(_ text: String) -> Bool {
        let last = text.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard last.hasSuffix("."), !last.hasSuffix("..") else { return false }
        return last.split(separator: " ").count >= 5
    }

    /// Whether `text` is one line quoting a price: a currency sign before a digit ("€115.50",
    /// "15x10 : $139.00"). Pricing tables and shops set prices large and bold, in the markup of a
    /// `<span>` or `<div>`: none of the 324 headings of the sample and Design2Code sources holds a
    /// price on a line of its own. (A product's name with its price on a second line stays a heading.)
    public static func isPriceLine(_ text: String) -> Bool {
        guard !text.contains("\n") else { return false }
        let chars = Array(text)
        for (i, ch) in chars.enumerated() where "$€£¥".contains(ch) {
            var j = i + 1
            while j < chars.count, chars[j] == " " { j += 1 }
            if j < chars.count, chars[j].isNumber { return true }
        }
        return false
    }

    /// Whether a row's items (left to right) are the letters of a word set with wide letter-spacing
    /// ("I M A G E"): three or more items, all but at most one a single letter, not in alphabetical
    /// order (an A–Z index's letters are links, and in order). Such a row is a title, not a menu.
    public static func isLetterSpacedWord(_ items: [String]) -> Bool {
        let t = items.map { $0.trimmingCharacters(in: .whitespaces) }
        let letters = t.filter { $0.count == 1 && $0.first!.isLetter }.map { $0.uppercased() }
        guard t.count >= 3, letters.count >= t.count - 1 else { return false }
        return !zip(letters, letters.dropFirst()).allSatisfy { $0 < $1 }
    }
}
