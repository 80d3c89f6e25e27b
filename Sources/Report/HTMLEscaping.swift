import CodeGen
import Foundation

/// Escaping for everything the report page embeds. Text read off the screen (names, values,
/// URLs, the script lines built from them) is hostile by assumption: it reaches the page only
/// through `HTML.text`/`HTML.attribute` or, for the script's data, `HTML.scriptJSON`.
public enum HTML {
    /// Text or a quoted attribute value: CodeGen's HTML escaper (`&`, `<`, `>`, quotes and braces
    /// as entities; controls other than tab and newline as U+FFFD, bidi overrides as references).
    public static func escape(_ s: String) -> String { MockupEscaping.htmlText(s) }

    /// A value as JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&`
    /// as `\u003c`, `\u003e`, `\u0026` (no `</script>` or `<!--` can close or confuse the element),
    /// and U+2028/U+2029 as `\u2028`/`\u2029` (line terminators in older JavaScript). Those
    /// characters can only occur inside JSON strings, where the escapes mean the same.
    public static func scriptJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
