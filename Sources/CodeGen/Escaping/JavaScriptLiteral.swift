/// JavaScript/TypeScript string literals, valid in strict mode (no octal escapes: NUL is `\x00`),
/// with every invisible scalar escaped (controls, U+2028/U+2029 — line terminators in older
/// engines — and bidi overrides). Scripts use Playwright's own style, single quotes, with `</`
/// written `<\/` so the literal is also safe inside an HTML `<script>`; generated pages (JSX,
/// Vue) use double quotes and write `<` and `>` as `\u003c` and `\u003e`, so no tag can form.
enum JavaScriptLiteral {
    /// How `<` and `>` are written.
    enum AngleBrackets {
        /// Only `</` is broken up (`<\/`): enough to keep a `<script>` open.
        case breakClosingTags
        /// Both as Unicode escapes: nothing in the literal can read as markup.
        case unicodeEscapes
    }

    static func string(_ value: String, quote: Unicode.Scalar = "'",
                       angleBrackets: AngleBrackets = .breakClosingTags) -> String {
        var out = String(quote)
        var previous: Unicode.Scalar?
        for s in value.unicodeScalars {
            defer { previous = s }
            switch s {
            case "\\": out += "\\\\"
            case quote: out += "\\"; out.unicodeScalars.append(s)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where previous == "<" && angleBrackets == .breakClosingTags: out += "\\/"
            case "<" where angleBrackets == .unicodeEscapes: out += "\\u003c"
            case ">" where angleBrackets == .unicodeEscapes: out += "\\u003e"
            default:
                if InvisibleScalars.mustEscape(s) {
                    switch s.value {
                    case ..<0x100: out += "\\x" + InvisibleScalars.hex(s.value, width: 2)
                    case ..<0x10000: out += "\\u" + InvisibleScalars.hex(s.value, width: 4)
                    default: out += "\\u{" + InvisibleScalars.hex(s.value, width: 1) + "}"
                    }
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }
}
