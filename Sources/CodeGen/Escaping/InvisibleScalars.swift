/// Scalars that must never appear raw in generated source: control characters (NUL breaks Python
/// and C-family tools, CR/LF end literals and comments), line/paragraph separators (line
/// terminators in JavaScript), and format characters such as bidi overrides (the "Trojan Source"
/// trick makes code display differently from how it runs). Everything else, emoji and
/// right-to-left letters included, is written as is in UTF-8.
enum InvisibleScalars {
    static func mustEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x200D: return false  // zero-width joiner: part of emoji sequences, harmless
        default: break
        }
        switch s.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate: return true
        default: return false
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let h = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// UTF-16 code units of a scalar (one, or a surrogate pair).
    static func utf16(_ s: Unicode.Scalar) -> [UInt16] { Array(String(Character(s)).utf16) }
}

/// Text safe inside a single-line comment of the given language: invisible scalars become spaces,
/// and (for Java, whose compiler decodes `\uXXXX` even inside comments) backslashes are doubled so
/// no Unicode escape can smuggle a line break.
enum CommentText {
    enum Language { case python, javaScript, java }

    static func make(_ text: String, for language: Language) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            if InvisibleScalars.mustEscape(s) {
                out.unicodeScalars.append(" ")
            } else if s == "\\" && language == .java {
                out += "\\\\"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
