import Foundation
import ScreenCore

/// Environment-variable names for masked fields: `[A-Z][A-Z0-9_]*`, from the field's label,
/// placeholder, name or text (`Password` → `PASSWORD`, `Confirm password` → `CONFIRM_PASSWORD`),
/// one per secret fill in timeline order, repeats suffixed `_2`, `_3`.
///
/// The eval pairs these names, in order of their `# secret:` lines, with the secret values of the
/// recording, so a fill that happens twice gets two names.
struct SecretNames {
    private var taken: Set<String> = []

    /// A fresh name for a secret fill of `target`.
    mutating func next(for target: Target?) -> String {
        let base = Self.base(for: target)
        var name = base
        var n = 2
        while taken.contains(name) { name = "\(base)_\(n)"; n += 1 }
        taken.insert(name)
        return name
    }

    static func base(for target: Target?) -> String {
        let sources = [target?.label, target?.placeholder, target?.name, target?.text]
        for source in sources {
            if let s = source, let name = identifier(s) { return name }
        }
        return "SECRET"
    }

    /// Upper-case ASCII letters, digits and single underscores; diacritics folded; at most 40 chars.
    static func identifier(_ text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for s in folded.unicodeScalars {
            if s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) {
                out += String(s).uppercased()
            } else if !out.isEmpty, !out.hasSuffix("_") {
                out += "_"
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.isEmpty { return nil }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { out = "SECRET_" + out }
        if out.count > 40 {
            out = String(out.prefix(40))
            while out.hasSuffix("_") { out.removeLast() }
        }
        return out
    }
}
