import Foundation
import ScreenCore

/// A text field whose video reading is one glyph: one glyph is too little for the reader (a
/// search's lone "e" beside a resting I-beam read "2", and "2 26h" with the pointer in), as a lone
/// digit is in a number field (`numberCandidates`). Each lowercase letter and digit is rendered as
/// well, and the fields reconcile keeps the one whose rendering matches the video's field best.
extension Run {
    /// The glyphs rendered besides a one-glyph reading.
    static let oneGlyphAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789").map(String.init)

    /// `values` (a field's readings, `fieldReading`) and, when one of them is one glyph and the field is
    /// no number field, every glyph of `oneGlyphAlphabet` not among them nor the field's `current`
    /// value; `values` itself otherwise.
    static func oneGlyphCandidates(_ values: [String], type: String, current: String) -> [String] {
        guard type != "number", values.contains(where: { readingKey($0).count == 1 }) else { return values }
        return values + oneGlyphAlphabet.filter { g in g != current && !values.contains { readingKey($0).lowercased() == g } }
    }
}
