/// Python string literals: double-quoted, every character that could end the literal or hide in
/// the source escaped, so any string round-trips through `ast.literal_eval`.
enum PythonLiteral {
    static func string(_ value: String) -> String {
        var out = "\""
        for s in value.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if InvisibleScalars.mustEscape(s) {
                    switch s.value {
                    case ..<0x100: out += "\\x" + InvisibleScalars.hex(s.value, width: 2)
                    case ..<0x10000: out += "\\u" + InvisibleScalars.hex(s.value, width: 4)
                    default: out += "\\U" + InvisibleScalars.hex(s.value, width: 8)
                    }
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
