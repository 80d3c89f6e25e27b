import Foundation
import ScreenCore

/// A post's date set on a line of its own in a muted grey ("November 8, 2010", "January 20, 2015
/// at 8:09 AM") is, on blogs and news pages, the post's permalink: Design2Code's sources hold 15
/// such grey date lines as `<a>` of 19 the analyser read (the others a heading or plain text), while
/// dates in the body's own ink (a dateline heading "MARCH 23, 2010") are not links.
extension DesignSemantics {
    static let monthNames: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    static let weekdayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// Whether `line` is a date and nothing else: an optional weekday, then "Month D, YYYY" or
    /// "D Month YYYY" (month names in English, full or short), optionally followed by " at " and a
    /// time ("at 8:09 AM").
    public static func isDateLine(_ line: String) -> Bool {
        var t = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.contains("\n"), t.count <= 48 else { return false }
        if let at = t.range(of: " at ") {
            let time = t[at.upperBound...].trimmingCharacters(in: .whitespaces)
            guard let first = time.first, first.isNumber, time.contains(":"), time.count <= 11,
                  time.allSatisfy({ $0.isNumber || ": apm.".contains($0) }) else { return false }
            t = String(t[..<at.lowerBound])
        }
        var words = t.split(whereSeparator: { $0 == " " || $0 == "," }).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        if let w = words.first, weekdayNames.contains(w) { words.removeFirst() }
        guard words.count == 3 else { return false }
        func day(_ s: String) -> Bool { s.count <= 2 && Int(s).map { (1...31).contains($0) } == true }
        func year(_ s: String) -> Bool { s.count == 4 && Int(s).map { (1900...2100).contains($0) } == true }
        let monthFirst = monthNames.contains(words[0]) && day(words[1]) && year(words[2])
        let dayFirst = day(words[0]) && monthNames.contains(words[1]) && year(words[2])
        return monthFirst || dayFirst
    }

    /// Whether `ink` is a grey clearly lighter than the body text's `body` ink (a byline's or a
    /// date's muted colour): little chroma, ≥ 30 luma above the body's (≥ 90 luma when the body's
    /// ink is unknown) and not so light it is a faint rule or a background.
    static func isMutedGrey(_ ink: RGB, body: RGB?) -> Bool {
        let chroma = Int(max(ink.r, ink.g, ink.b)) - Int(min(ink.r, ink.g, ink.b))
        guard chroma < 40, ink.luma <= 200 else { return false }
        return ink.luma >= (body.map { $0.luma + 30 } ?? 90)
    }

    /// A paragraph that is only a date (see `isDateLine`), in a muted grey (see `isMutedGrey`) and
    /// at most 1.5× the body size, becomes a link — unless it sits in a row beside other text (a
    /// table's or a list row's date column: "INV-2041 · Acme Robotics · Oct 28, 2025" is data).
    static func markDateLinks(_ n: inout UINode, body: Double, bodyInk: RGB?) {
        let besideText = n.style.direction == .row && n.children.filter { $0.kind == .text }.count > 1
        for i in n.children.indices {
            if besideText, n.children[i].kind == .text { continue }
            markDateLinks(&n.children[i], body: body, bodyInk: bodyInk)
        }
        guard n.kind == .text, n.tag == "p", n.runs == nil, let t = n.text, let ink = n.style.color,
              (n.style.fontSize ?? body) <= body * 1.5, isDateLine(t), isMutedGrey(ink, body: bodyInk) else { return }
        n.tag = "a"
    }
}
