/// XPath 1.0 string literals, which have no escape character: a value is quoted with whichever
/// quote it lacks, and one holding both becomes `concat('…', "'", '…')`.
enum XPathLiteral {
    /// (Scalar by scalar, as XPath sees the text: a quote followed by a combining mark is still a quote.)
    static func string(_ value: String) -> String {
        if !value.unicodeScalars.contains("'") { return "'\(value)'" }
        if !value.unicodeScalars.contains("\"") { return "\"\(value)\"" }
        var args: [String] = []
        var chunk = ""
        for s in value.unicodeScalars {
            if s == "'" {
                if !chunk.isEmpty { args.append("'\(chunk)'"); chunk = "" }
                args.append("\"'\"")
            } else {
                chunk.unicodeScalars.append(s)
            }
        }
        if !chunk.isEmpty { args.append("'\(chunk)'") }
        return "concat(\(args.joined(separator: ", ")))"
    }

    /// `value` with the ASCII letters in upper case and everything else as is, as XPath's
    /// `translate(…, 'abc…z', 'ABC…Z')` does.
    static func upperASCII(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for s in value.unicodeScalars {
            out.append(("a"..."z").contains(s) ? Unicode.Scalar(s.value - 32)! : s)
        }
        return String(out)
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
