import Foundation

/// What the place of a closed text field shows, read as text: an inline editor (a cell or a card
/// title turned into a field) or a composer (a "+ Add card" button turned into one) closed by a
/// key shows the typed value where it was after Enter, and the old text (the value it replaced,
/// the button that opened it) after Escape. One judgement for both stages: the offline analysis
/// writes the key from it, the live stage checks a key read offline against it — so the two never
/// disagree about one reading.
public enum ClosingKey {
    /// What a reading of the closed field's place is.
    public enum Shown: Equatable, Sendable {
        /// The typed value: the edit was kept (Enter).
        case typedValue
        /// One of the old texts: the edit was cancelled (Escape).
        case oldText
        /// Plainly not the value (more than half its letters off, or nearer an old text than
        /// it without being that text): the value is gone all the same.
        case notTheValue
    }

    /// What `shown` (the place read once the field closed) is against `typed` (the value typed)
    /// and `old` (the texts the field replaced); nil when it is too short to tell (an empty area,
    /// a mark or two), or between the value and anything else.
    ///
    /// Readings are compared without case, accents, spaces or punctuation (`comparable`); "is"
    /// allows a slip in three characters (OCR of a value under a resting pointer loses a letter or
    /// two), and the value wins a tie with an old text (a value typed back unchanged was kept).
    public static func judge(typed: String?, shown: String?, old: [String]) -> Shown? {
        let s = comparable(shown ?? "")
        guard s.count >= 3 else { return nil }
        let olds = old.map(comparable).filter { $0.count >= 3 }
        // (Whole texts: "Chloe M" typed is a prefix of the "Chloé Martin" an Escape brings back.)
        func distance(_ x: String) -> Int { TextSimilarity.distance(Array(s), Array(x)) }
        let nearestOld = olds.map(distance).min()
        let t = comparable(typed ?? "")
        if t.count >= 2 {
            let dT = distance(t)
            if dT <= max(1, t.count / 3), nearestOld.map({ dT <= $0 }) ?? true { return .typedValue }
            // Nearer an old text than the value: the old text, or (not that near) not the value.
            if let o = nearestOld, o < dT { return o <= max(1, s.count / 3) ? .oldText : .notTheValue }
            return dT * 2 > t.count ? .notTheValue : nil
        }
        // Nothing read for the value: only the old text coming back tells.
        if let o = nearestOld, o <= max(1, s.count / 3) { return .oldText }
        return nil
    }

    /// The key `judge` says closed the field: Enter for the typed value, Escape for an old text or
    /// anything plainly not the value; nil when it cannot tell.
    public static func key(typed: String?, shown: String?, old: [String]) -> String? {
        switch judge(typed: typed, shown: shown, old: old) {
        case .typedValue?: "Enter"
        case .oldText?, .notTheValue?: "Escape"
        case nil: nil
        }
    }

    /// Lower-case letters and digits only, accents folded: what two readings of one text share.
    public static func comparable(_ text: String) -> String {
        String(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
