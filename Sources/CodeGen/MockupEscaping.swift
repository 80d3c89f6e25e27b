/// Escaping for text read off a design image, which is untrusted: it may contain markup, JSX
/// braces, quotes or template delimiters, and must come out as the same visible characters.
public enum MockupEscaping {
    /// Text content of an HTML (or Vue template) element, also safe in a quoted attribute: the
    /// project's one HTML escaper (the review report and batch index use it too). Braces become
    /// entities too, so a Vue template never sees `{{` and JSX-like tooling never sees an
    /// expression; controls other than tab and newline become U+FFFD and other invisible scalars
    /// (bidi overrides) numeric character references.
    public static func htmlText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "{": out += "&#123;"
            case "}": out += "&#125;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(ch)
            default:
                // Controls, which HTML forbids, become U+FFFD; other invisible scalars (bidi
                // overrides, line separators) a character reference, so the source shows them.
                if ch.value < 0x20 || (0x7F...0x9F).contains(ch.value) {
                    out += "\u{FFFD}"
                } else if InvisibleScalars.mustEscape(ch) {
                    out += "&#x" + InvisibleScalars.hex(ch.value, width: 1) + ";"
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    /// A double-quoted HTML attribute value (same rules as text: quotes must not end it).
    public static func htmlAttribute(_ s: String) -> String { htmlText(s) }

    /// A JavaScript string literal in double quotes, safe inside JSX `{…}`, inside a `<script>`
    /// and for any Unicode input: the script targets' escaper (`JavaScriptLiteral`) with `<` and
    /// `>` as Unicode escapes, so invisible scalars and bidi overrides are escaped here too.
    public static func jsString(_ s: String) -> String {
        JavaScriptLiteral.string(s, quote: "\"", angleBrackets: .unicodeEscapes)
    }

    /// JSX text content: a string expression, so braces, `<`, `&` and quotes stay literal.
    public static func jsxText(_ s: String) -> String { "{" + jsString(s) + "}" }

    /// A JSX attribute value: `{"…"}` (JSX string attributes do not take backslash escapes).
    public static func jsxAttribute(_ s: String) -> String { "{" + jsString(s) + "}" }

    /// A CSS class selector for a class name that may hold `[`, `%`, `#`, `:`… (as Tailwind's
    /// arbitrary values do): every character outside `[A-Za-z0-9_-]` is backslash-escaped.
    public static func cssClassSelector(_ name: String) -> String {
        var out = "."
        for (i, ch) in name.unicodeScalars.enumerated() {
            let ok = (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch == "_" || ch == "-"
                || (ch >= "0" && ch <= "9" && i > 0)
            if ok { out.unicodeScalars.append(ch) }
            else if ch >= "0" && ch <= "9" { out += "\\3\(ch) " }
            else { out += "\\"; out.unicodeScalars.append(ch) }
        }
        return out
    }

    /// Text inside a CSS, JS or HTML comment: no `*/`, no `--`, no `<` or `>` that could end a
    /// `<style>` or the comment.
    public static func cssComment(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "<": out += "(lt)"
            case ">": out += "(gt)"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        while out.contains("--") { out = out.replacingOccurrences(of: "--", with: "- -") }
        return out.replacingOccurrences(of: "*/", with: "* /").replacingOccurrences(of: "/*", with: "/ *")
    }
}
