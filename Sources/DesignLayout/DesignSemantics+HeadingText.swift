import Foundation

/// What a heading's text looks like: words that name something, not a figure or a sentence.
extension DesignSemantics {
    /// Whether `text` holds a word of at least three letters. A large figure ("640m", "4h10m",
    /// "4:30-4:45 pm") is a statistic or a time, and one or two letters in large type ("x", "q",
    /// "rN") are an icon OCR read as letters: neither is a heading. (Of the 324 headings in the
    /// sources of the sample mockups and Design2Code pages, one has no such word.)
    public static func namesInWords(_ text: String) -> Bool {
        var run = 0
        for ch in text {
            if ch.isLetter { run += 1; if run >= 3 { return true } } else { run = 0 }
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
}
