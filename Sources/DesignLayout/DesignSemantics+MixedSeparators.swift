import ScreenCore

/// A menu line whose separators OCR read as different glyphs: the dots or bullets between a
/// blog's header links ("HOME « ABOUT - CONTACT", "Home « my story - the rescue - recovery
/// tunes") come out as "«" once and "-" the next time, so `separated`, which asks for one glyph
/// throughout, does not see the items.
extension DesignSemantics {
    /// Glyphs OCR makes of a separator dot or bullet between menu items.
    static let bulletSeparators: Set<String> = ["«", "»", "·", "•", "-", "–", "~"]

    /// The items of a single line of three or more short labels separated by a mix of the
    /// `bulletSeparators` (each standing alone between spaces), at least one of them not a dash (a
    /// line of dashes alone is as often a phrase: "8-9 PM - Main Hall - free"), and the glyphs
    /// between them; nil otherwise. Each item one to four words with a letter, at most 32
    /// characters, none ending in a comma or a full stop.
    public static func mixedSeparated(_ text: String) -> (items: [String], glyphs: [String])? {
        guard !text.contains("\n") else { return nil }
        var items: [String] = [], glyphs: [String] = []
        var current: [Substring] = []
        for token in text.split(separator: " ") {
            if bulletSeparators.contains(String(token)) {
                guard !current.isEmpty else { return nil }
                items.append(current.joined(separator: " ")); current = []
                glyphs.append(String(token))
            } else {
                current.append(token)
            }
        }
        guard !current.isEmpty else { return nil }
        items.append(current.joined(separator: " "))
        guard items.count >= 3, glyphs.contains(where: { $0 != "-" && $0 != "–" }) else { return nil }
        let labels = items.allSatisfy { item in
            let words = item.split(separator: " ")
            return (1...4).contains(words.count) && item.count <= 32 && item.contains(where: \.isLetter)
                && !item.hasSuffix(",") && !item.hasSuffix(".")
        }
        return labels ? (items, glyphs) : nil
    }

    /// A label written as a title ("my story" → "My Story"): the first letter of every word in
    /// capitals, the rest as read. Used only where capitals are drawn by `text-transform`, so the
    /// page looks the same.
    static func titleCased(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: false).map { w in
            guard let f = w.first else { return "" }
            return f.uppercased() + w.dropFirst()
        }.joined(separator: " ")
    }
}
