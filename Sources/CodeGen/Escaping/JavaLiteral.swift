/// Java string literals. Java decodes `\uXXXX` before it tokenises, so `\u0022` would close the
/// literal and `\u000a` would break the line: quotes, backslashes, CR and LF always use their
/// named escapes, and since every backslash of the value is doubled no escape can form by accident.
/// Other invisible scalars use `\uXXXX` (a surrogate pair above the BMP).
enum JavaLiteral {
    static func string(_ value: String) -> String {
        var out = "\""
        for s in value.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if InvisibleScalars.mustEscape(s) {
                    for unit in InvisibleScalars.utf16(s) { out += "\\u" + InvisibleScalars.hex(UInt32(unit), width: 4) }
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
