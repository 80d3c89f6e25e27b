import Foundation
import ScreenCore

/// A field typed, then selected and typed over: the offline timeline keeps the last typing as the
/// next step's `fill`, and the first is lost (contacts-retype-search-24fps: the search "ine" typed at
/// 2.5 s, then Control+A and "holm" read as the fill at 4.5 s). The fields reconcile before a step
/// (`Run.reconcileFields`) leaves the next step's own field to it, since its typing may be read late;
/// but when the video's field there shows another text than the one the fill types — not its
/// beginning (the typing under way) — that text was typed first, and the field is reconciled like
/// any other: the reading typed live, kept when it renders as the video's field (and, on a page
/// unlike the video's, when it explains the page: a search filtering the list below it).
extension Run {
    /// Whether `reading` (the video's field just before a `fill` of `next` into it) is another text
    /// than the fill's: at least two characters, neither one's first two characters beginning the
    /// other's, and not holding the whole of `next` (a reading with a neighbour's ink).
    static func otherTextThanFill(_ reading: String, next: String) -> Bool {
        let r = norm(reading), v = norm(next)
        guard r.count >= 2, !v.isEmpty, !r.contains(v) else { return false }
        return !v.hasPrefix(String(r.prefix(2))) && !r.hasPrefix(String(v.prefix(2)))
    }

    /// `values` followed by each one of several words without its last word (at least two
    /// characters left), when not among them already: an I-beam resting just past the text reads as
    /// a word of its own ("ine LO").
    static func withoutLastWord(_ values: [String]) -> [String] {
        var out = values
        for v in values {
            let words = v.split(separator: " ")
            guard words.count > 1 else { continue }
            let cut = words.dropLast().joined(separator: " ")
            if cut.count >= 2, !out.contains(cut) { out.append(cut) }
        }
        return out
    }
}
