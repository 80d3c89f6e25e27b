/// Regular expressions matching a whole text ignoring case, for Playwright locators of text shown
/// in capitals (`name=re.compile("^Cart$", re.IGNORECASE)`, `{ name: /^Cart$/i }`).
enum RegexPattern {
    /// Characters with a meaning in Python `re` and JavaScript patterns, escaped with a backslash.
    static let metacharacters: Set<Unicode.Scalar> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")",
                                                      "[", "]", "{", "}", "/", "-", "#"]

    /// `^text$` with metacharacters escaped: a pattern for Python's `re` (pass it through
    /// `PythonLiteral`, which takes care of quotes and invisible characters).
    static func wholeText(_ text: String) -> String {
        var out = "^"
        for s in text.unicodeScalars {
            if metacharacters.contains(s) { out += "\\" }
            out.unicodeScalars.append(s)
        }
        return out + "$"
    }

    /// A JavaScript regular-expression literal `/^text$/i`: metacharacters (and `/`) escaped,
    /// invisible characters as `\xNN` / `\uXXXX` (surrogate pairs above the BMP, so no `u` flag is
    /// needed), line terminators included, so the literal cannot end early.
    static func javaScriptLiteralIgnoringCase(_ text: String) -> String {
        var out = "/^"
        for s in text.unicodeScalars {
            if metacharacters.contains(s) {
                out += "\\"
                out.unicodeScalars.append(s)
            } else if InvisibleScalars.mustEscape(s) {
                if s.value < 0x100 {
                    out += "\\x" + InvisibleScalars.hex(s.value, width: 2)
                } else {
                    for unit in InvisibleScalars.utf16(s) { out += "\\u" + InvisibleScalars.hex(UInt32(unit), width: 4) }
                }
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out + "$/i"
    }
}
