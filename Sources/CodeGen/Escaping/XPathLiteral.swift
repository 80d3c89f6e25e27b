/// XPath 1.0 string literals, which have no escape character: a value is quoted with whichever
/// quote it lacks, and one holding both becomes `concat('…', "'", '…')`.
enum XPathLiteral {
    static func string(_ value: String) -> String {
        if !value.contains("'") { return "'\(value)'" }
        if !value.contains("\"") { return "\"\(value)\"" }
        var args: [String] = []
        var chunk = ""
        for ch in value {
            if ch == "'" {
                if !chunk.isEmpty { args.append("'\(chunk)'"); chunk = "" }
                args.append("\"'\"")
            } else {
                chunk.append(ch)
            }
        }
        if !chunk.isEmpty { args.append("'\(chunk)'") }
        return "concat(\(args.joined(separator: ", ")))"
    }

    /// What XPath's `normalize-space()` makes of `value`: XML whitespace runs collapsed to one
    /// space, trimmed. Compare against this, never against the raw text.
    static func normalizeSpace(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in value.unicodeScalars {
            if s == " " || s == "\t" || s == "\n" || s == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }
}
