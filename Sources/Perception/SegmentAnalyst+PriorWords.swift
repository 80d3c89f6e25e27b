// Typed values for `SegmentAnalyst`: an edit that keeps words of the field's old value, read
// where the resting pointer covered the typed text.

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// `reading` with the words the resting pointer covered put back as the field's old words
    /// they nearly are; nil when none changes.
    ///
    /// An edit keeps most of what the field held ("Tove Aalto" → "Tove Aalto-Berg"). Where the
    /// pointer rested on the typed text its pixels were painted out, and the letters under it
    /// read wrong ("Tow Aiflto-Berg"): a word there that is not one of `prior`'s words but within
    /// two edits of one (four letters or more, the same first letter) is that old word. Only the
    /// words under the pointer change — elsewhere the reading saw the letters, and a word the
    /// user corrected on purpose ("Becker" over the old "Bekcer") stands. Where a word lies is
    /// taken in proportion along `text` (the typed line's ink), a character either side.
    static func withPriorWordsUnderPointer(_ reading: String, prior: String, text: PixelRect, pointer: PixelRect) -> String? {
        let chars = Array(reading)
        guard !chars.isEmpty, text.width > 0, pointer.maxX > text.x, pointer.x < text.maxX,
              pointer.maxY > text.y, pointer.y < text.maxY else { return nil }
        let old = prior.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 }
        guard !old.isEmpty else { return nil }
        let perChar = Double(text.width) / Double(chars.count)
        let lo = Int((Double(pointer.x - text.x) / perChar).rounded(.down)) - 1
        let hi = Int((Double(pointer.maxX - text.x) / perChar).rounded(.up)) + 1
        var out = "", changed = false
        var i = 0
        while i < chars.count {
            guard chars[i].isLetter else { out.append(chars[i]); i += 1; continue }
            var e = i
            while e < chars.count, chars[e].isLetter { e += 1 }
            let word = String(chars[i..<e])
            if e > lo, i <= hi, word.count >= 3, !old.contains(word),
               let best = old.filter({ $0.first == word.first && editDistance($0, word) <= 2 })
                   .min(by: { editDistance($0, word) < editDistance($1, word) }) {
                out += best; changed = true
            } else {
                out += word
            }
            i = e
        }
        return changed ? out : nil
    }

    /// Levenshtein distance between two strings (characters).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var prev = row[0]
            row[0] = i
            for j in 1...y.count {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[y.count]
    }
}
