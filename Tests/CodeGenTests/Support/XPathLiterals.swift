/// Reads the string values out of an XPath 1.0 expression the way an XPath engine would: `'…'`
/// and `"…"` (no escapes exist) and `concat(…)` of such literals joined. Returns nil when a literal
/// is unterminated or brackets and parentheses do not balance outside literals.
enum XPathLiterals {
    static func values(in xpath: String) -> [String]? {
        let s = Array(xpath.unicodeScalars)
        var i = 0
        var values: [String] = []
        var depth: [Unicode.Scalar] = []

        func literal() -> String? {
            guard i < s.count, s[i] == "'" || s[i] == "\"" else { return nil }
            let quote = s[i]
            var v = String.UnicodeScalarView()
            i += 1
            while i < s.count, s[i] != quote { v.append(s[i]); i += 1 }
            guard i < s.count else { return nil }
            i += 1
            return String(v)
        }
        func skipSpace() { while i < s.count, s[i] == " " { i += 1 } }

        while i < s.count {
            let c = s[i]
            if c == "'" || c == "\"" {
                guard let v = literal() else { return nil }
                values.append(v)
            } else if String(String.UnicodeScalarView(s[i..<min(s.count, i + 7)])) == "concat(" {
                i += 7
                var joined = ""
                while true {
                    skipSpace()
                    guard let v = literal() else { return nil }
                    joined += v
                    skipSpace()
                    guard i < s.count else { return nil }
                    if s[i] == ")" { i += 1; break }
                    guard s[i] == "," else { return nil }
                    i += 1
                }
                values.append(joined)
            } else {
                if c == "[" || c == "(" { depth.append(c) }
                if c == "]" { guard depth.popLast() == "[" else { return nil } }
                if c == ")" { guard depth.popLast() == "(" else { return nil } }
                i += 1
            }
        }
        return depth.isEmpty ? values : nil
    }
}
