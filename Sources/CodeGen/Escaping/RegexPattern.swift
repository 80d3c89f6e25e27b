/// Regular expressions for Playwright locators: a whole text ignoring case, for text shown in
/// capitals (`name=re.compile("^Cart$", re.IGNORECASE)`, `{ name: /^Cart$/i }`), and any of several
/// spellings, for icon glyphs (`re.compile("^\\s*(?:×|✕|✖|x|X)\\s*$")`, `/^\s*(?:×|✕|✖|x|X)\s*$/`).
enum RegexPattern {
    /// Characters with a meaning in Python `re` and JavaScript patterns, escaped with a backslash.
    static let metacharacters: Set<Unicode.Scalar> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")",
                                                      "[", "]", "{", "}", "/", "-", "#"]

    /// `^text$` with metacharacters escaped: a pattern for Python's `re` (pass it through
    /// `PythonLiteral`, which takes care of quotes and invisible characters).
    static func wholeText(_ text: String) -> String {
        "^" + escaped(text, javaScript: false) + "$"
    }

    /// A JavaScript regular-expression literal `/^text$/i`: metacharacters (and `/`) escaped,
    /// invisible characters as `\xNN` / `\uXXXX` (surrogate pairs above the BMP, so no `u` flag is
    /// needed), line terminators included, so the literal cannot end early.
    static func javaScriptLiteralIgnoringCase(_ text: String) -> String {
        "/^" + escaped(text, javaScript: true) + "$/i"
    }

    /// `^text` with metacharacters escaped: a pattern matching what starts with `text`, for
    /// Python's `re` and Java's `Pattern` (pass it through the language's string literal).
    static func prefix(_ text: String) -> String { "^" + escaped(text, javaScript: false) }

    /// `text` with metacharacters escaped: a pattern matching what holds `text`, with its case, for
    /// Python's `re` (pass it through `PythonLiteral`).
    static func substring(_ text: String) -> String { escaped(text, javaScript: false) }

    /// `substring` as a JavaScript regular-expression literal (`/text/`).
    static func javaScriptSubstringLiteral(_ text: String) -> String { "/" + escaped(text, javaScript: true) + "/" }

    /// `prefix` as a JavaScript regular-expression literal (`/^text/`).
    static func javaScriptPrefixLiteral(_ text: String) -> String { "/^" + escaped(text, javaScript: true) + "/" }

    /// Any of `spellings`, each escaped, as a Python `re` pattern (pass it through `PythonLiteral`):
    /// `^\s*(?:a|b)\s*$` when `whole` (whitespace around the text is allowed, as Playwright and
    /// `normalize-space()` ignore it), `(?:a|b)` otherwise.
    static func anyOf(_ spellings: [String], whole: Bool) -> String {
        alternation(spellings, whole: whole, javaScript: false)
    }

    /// `anyOf` as a JavaScript regular-expression literal, escaped as `javaScriptLiteralIgnoringCase`
    /// escapes, with the `i` flag when `ignoringCase`.
    static func javaScriptLiteral(anyOf spellings: [String], whole: Bool, ignoringCase: Bool) -> String {
        "/" + alternation(spellings, whole: whole, javaScript: true) + "/" + (ignoringCase ? "i" : "")
    }

    private static func alternation(_ spellings: [String], whole: Bool, javaScript: Bool) -> String {
        let body = "(?:" + spellings.map { escaped($0, javaScript: javaScript) }.joined(separator: "|") + ")"
        return whole ? #"^\s*"# + body + #"\s*$"# : body
    }

    /// `text` with metacharacters escaped; for JavaScript also invisible characters, which a
    /// Python pattern leaves to `PythonLiteral`.
    private static func escaped(_ text: String, javaScript: Bool) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if metacharacters.contains(s) {
                out += "\\"
                out.unicodeScalars.append(s)
            } else if javaScript && InvisibleScalars.mustEscape(s) {
                if s.value < 0x100 {
                    out += "\\x" + InvisibleScalars.hex(s.value, width: 2)
                } else {
                    for unit in InvisibleScalars.utf16(s) { out += "\\u" + InvisibleScalars.hex(UInt32(unit), width: 4) }
                }
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
