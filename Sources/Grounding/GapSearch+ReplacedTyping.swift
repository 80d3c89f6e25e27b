import Foundation
import ScreenCore

/// A search typed and then replaced. A person types into a field, looks, selects it all and types
/// something else; the analysis reads the field once, at the end, and keeps only the second value
/// (contacts-retype-search-24fps: "ine" typed at 2.5–3.5 s, then "holm" over it at 4.5 s). The
/// field the next step fills is otherwise left to that step by the fields' reconcile (its typing
/// may be read late, and the video then shows it under way): it is reconciled too when the next
/// step fills it, and a reading of it is inserted only when it cannot be an earlier state of the
/// next step's own typing (`replacedReading`).
extension Run {
    /// The values to render for a field whose video differs from the live one, from its readings:
    /// a one-glyph reading brings each letter and digit (GapSearch+OneGlyph.swift). The field the
    /// next step fills (`nextFill`, that step's value) takes only other text it replaced, read there:
    /// not a number field's range tried for want of a reading (`ranged`; board-dialog-escape's
    /// "Story points" while "2" was typed over its "1" took a "7"), nor the alphabet for a one-glyph
    /// reading — there most often the first letter of the step's own typing under way, misread
    /// (contacts-validation-60fps rendered 26 letters twice for an email's "l" read "i": 23 s of a
    /// 56 s live run, none kept).
    static func fieldCandidates(_ readings: [String], type: String, current: String, ranged: Bool, nextFill: String?) -> [String] {
        guard let v = nextFill else { return oneGlyphCandidates(readings, type: type, current: current) }
        return ranged ? [] : replacedCandidates(readings).filter { replacedReading($0, next: v) }
    }

    /// The readings of the next fill's field to render: each, then its leading words (a resting
    /// I-beam or the field's clear button beside the text reads as a word: "ine LO").
    static func replacedCandidates(_ readings: [String]) -> [String] {
        var out: [String] = []
        for r in readings {
            let words = r.split(whereSeparator: \.isWhitespace).map(String.init)
            for n in stride(from: words.count, through: 1, by: -1) {
                let v = words[0..<n].joined(separator: " ")
                if !out.contains(v) { out.append(v) }
            }
        }
        return out
    }

    /// Whether `reading`, the video's field before a fill of `value` into the same field, is other
    /// text that the fill replaced rather than its own typing seen early or a typo it corrects:
    /// neither holds the other (without case), and they do not start with the same character.
    static func replacedReading(_ reading: String, next value: String) -> Bool {
        let r = readingKey(reading).lowercased(), v = readingKey(value).lowercased()
        guard !r.isEmpty, !v.isEmpty else { return false }
        if r.contains(v) || v.contains(r) { return false }
        return r.first != v.first
    }
}
