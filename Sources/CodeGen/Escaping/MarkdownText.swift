/// Text for the `steps` Markdown, escaped just enough that nothing read off the screen can become
/// Markdown syntax while the raw file stays readable:
/// - everywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `~` `|` `$` (escapes, code, emphasis, links,
///   HTML and autolinks, entities, strikethrough, tables, math);
/// - at the start of a continuation line: `#` `-` `+` `=` and the `.`/`)` of an ordered-list marker
///   (headings, lists, setext underlines);
/// - line breaks become hard breaks (`\` + newline) indented to stay inside the list item;
/// - control characters are shown as their Unicode control pictures (␀, ␉ …), other invisible
///   characters (bidi overrides, zero-width spaces) as `U+XXXX`.
enum MarkdownText {
    static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "~", "|", "$"]
    static let lineStartEscaped: Set<Unicode.Scalar> = ["#", "-", "+", "="]

    static func escape(_ value: String, continuationIndent: String = "") -> String {
        var lines: [String] = []
        var line = ""
        var previousWasCR = false
        for s in value.unicodeScalars {
            if s == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = s == "\r"
            if s == "\n" || s == "\r" { lines.append(line); line = ""; continue }
            line.unicodeScalars.append(s)
        }
        lines.append(line)
        return lines.enumerated().map { i, l in escapeLine(l, continuation: i > 0) }
            .joined(separator: "\\\n" + continuationIndent)
    }

    private static func escapeLine(_ line: String, continuation: Bool) -> String {
        var out = ""
        let scalars = Array(line.unicodeScalars)
        // An ordered-list marker is digits then `.` or `)`; its punctuation is escaped.
        var markerPunctuation: Int?
        if continuation {
            let firstNonSpace = scalars.firstIndex { $0 != " " } ?? scalars.count
            var i = firstNonSpace
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            if i > firstNonSpace, i < scalars.count, scalars[i] == "." || scalars[i] == ")" { markerPunctuation = i }
        }
        var atStart = continuation
        for (i, s) in scalars.enumerated() {
            if alwaysEscaped.contains(s) || (atStart && lineStartEscaped.contains(s)) || i == markerPunctuation {
                out += "\\"
                out.unicodeScalars.append(s)
            } else if s.value < 0x20 {
                out.unicodeScalars.append(Unicode.Scalar(0x2400 + s.value) ?? "?")  // ␀ ␉ …
            } else if s.value == 0x7F {
                out += "\u{2421}"
            } else if InvisibleScalars.mustEscape(s) {
                out += "U+" + InvisibleScalars.hex(s.value, width: 4)
            } else {
                out.unicodeScalars.append(s)
            }
            if s != " " { atStart = false }
        }
        return out
    }
}
