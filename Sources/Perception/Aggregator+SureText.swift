// Text a script relies on verbatim — a context that narrows a locator, a line asserted visible, a
// control's name — fails the replay on a single misread character, while the scorer, which
// compares steps, never sees it. These rules keep such text to what the reader is sure of, or
// leave it out: a shorter true substring still finds the element; a longer misread one finds none.

import Foundation
import ScreenCore

extension Aggregator {
    /// Symbols that appear in code and markup on their own ("&&", "||", "=>", "<div>") and that OCR
    /// reads into a neighbouring glyph: "&&" in a monospaced line comes out "6&".
    static let operatorSymbols: Set<Character> = ["&", "|", "<", ">", "=", "~", "^", "{", "}", "[", "]", "\\", "`"]

    /// The most words a line that appeared may hold to become an assertion: a heading, a label, a
    /// short message. Each word of a sentence read off the screen is another chance of a slip
    /// ("as it is" read "as itis"), and one slip fails the whole assertion.
    static let assertedWordLimit = 8

    /// Whether a word is one the reader can be sure of in a text matched verbatim: a word that
    /// glues letters or digits to a code operator ("6&", "a|b" — not "&&" or "&" alone, which are
    /// read as they stand) is most often two glyphs read as one.
    static func isSureWord<S: StringProtocol>(_ word: S) -> Bool {
        let hasAlphanumeric = word.contains { $0.isLetter || $0.isNumber }
        let hasOperator = word.contains { operatorSymbols.contains($0) }
        return !(hasAlphanumeric && hasOperator)
    }

    /// A context (the text of a card, row or code block that tells a repeated control apart) cut
    /// to its longest run of sure words; nil when no run of at least two words or five letters is
    /// left. The context is matched as a substring, so a true part of the line still finds the
    /// block, where the whole line with "6&" for "&&" finds nothing.
    static func sureContext(_ context: String?) -> String? {
        guard let context else { return nil }
        let words = context.split(separator: " ")
        guard !words.allSatisfy({ isSureWord($0) }) else { return context }
        var best: ArraySlice<Substring> = []
        var start = 0
        for i in 0...words.count {
            if i == words.count || !isSureWord(words[i]) {
                let run = words[start..<i]
                if run.joined(separator: " ").count > best.joined(separator: " ").count { best = run }
                start = i + 1
            }
        }
        let text = best.joined(separator: " ")
        guard best.count >= 2 || text.filter(\.isLetter).count >= 5 else { return nil }
        return text
    }

    /// The lines that appeared, as assertions: a line of more than `assertedWordLimit` words (a
    /// sentence of body text) is left out when a shorter line asserts the same step; when it is
    /// the only one, its first words stand for it (still a substring of what the page shows).
    static func sureAppeared(_ lines: [String]) -> [String] {
        let long = { (l: String) in l.split(separator: " ").count > assertedWordLimit }
        guard lines.contains(where: long) else { return lines }
        let short = lines.filter { !long($0) }
        if !short.isEmpty { return short }
        return lines.prefix(1).map { l in
            var cut = l.split(separator: " ").prefix(assertedWordLimit).joined(separator: " ")
            while let last = cut.last, ":;,.".contains(last) { cut.removeLast() }
            return cut
        }
    }

    /// A name, label or text without a bar glued to its last word ("serve|", "…@quillstone|"):
    /// the text caret or the I-beam pointer resting at the end of the text, never part of it (a
    /// bar glued to the first word is already dropped where lines are read).
    static func withoutTrailingBar(_ text: String?) -> String? {
        guard var t = text, t.count > 2, t.last == "|", let before = t.dropLast().last, before.isLetter || before.isNumber || before == "." else {
            return text
        }
        t.removeLast()
        return t
    }
}
