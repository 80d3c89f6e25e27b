import Foundation

/// Text that changes by itself between the recording and a replay: greetings by the time of day,
/// dates and times, "3 minutes ago". Such text must not become an exact assertion, or a script
/// that replays correctly fails in the evening (a "Good morning, Daniel" recorded at 9:00).
public enum VolatileText {
    /// Whether `text` holds something that depends on the clock or the calendar.
    public static func changesByItself(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    private static let month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    private static let patterns: [NSRegularExpression] = [
        // Greetings by the time of day.
        #"\bgood\s+(?:morning|afternoon|evening|night)\b"#,
        // Clock times: 9:41, 09:41:07, 9:41 pm.
        #"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b"#,
        // Relative times.
        #"\b(?:just now|\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago|yesterday|today|tonight|tomorrow|last\s+(?:week|month|year)|this\s+(?:week|month|year))\b"#,
        // Calendar dates: 2026-12-04, 12/04/2026, 4.12.2026, Dec 4, 4 December.
        #"\b\d{4}-\d{1,2}-\d{1,2}\b"#,
        #"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"#,
        "\\b\(month)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b",
        "\\b\\d{1,2}(?:st|nd|rd|th)?\\s+\(month)\\b",
        // Days of the week.
        #"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
}
