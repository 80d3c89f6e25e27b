import Foundation

/// An edit keeps words of the field's old value (a surname extended, "Tove Aalto" → "Tove
/// Aalto-Berg"): where the reading's word is a near misreading of an old word (the pointer's
/// I-beam over it read as letters, "Alilto" for "Aalto"), the old word is the likelier text.
extension ValueCompare {
    /// The reading with each of its words (runs of letters) that is not in `prior` but within
    /// two edits of one of `prior`'s words (four letters or more, the same first letter) put back
    /// as that word; nil when no word changes.
    public static func priorWords(_ reading: String, prior: String) -> String? {
        let old = prior.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 4 }
        guard !old.isEmpty else { return nil }
        var out = "", word = "", changed = false
        func flush() {
            if word.count >= 3, !old.contains(word),
               let best = old.filter({ $0.first == word.first && Run.distance($0, word) <= 2 })
                   .min(by: { Run.distance($0, word) < Run.distance($1, word) }) {
                out += best; changed = true
            } else {
                out += word
            }
            word = ""
        }
        for c in reading {
            if c.isLetter { word.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return changed ? out : nil
    }
}
