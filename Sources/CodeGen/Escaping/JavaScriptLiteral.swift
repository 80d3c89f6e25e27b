/// JavaScript/TypeScript string literals: single-quoted (Playwright's own style), valid in strict
/// mode (no octal escapes: NUL is `\x00`), with U+2028/U+2029 escaped (line terminators in older
/// engines) and `</` written `<\/` so the literal is also safe inside an HTML `<script>`.
enum JavaScriptLiteral {
    static func string(_ value: String) -> String {
        var out = "'"
        var previous: Unicode.Scalar?
        for s in value.unicodeScalars {
            defer { previous = s }
            switch s {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/" where previous == "<": out += "\\/"
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
        return out + "'"
    }
}
