import Foundation

/// The page-side half of live grounding: `PageScript.js`, embedded at build time.
///
/// Send it to WebDriver `execute/sync` followed by a call, for example
/// `PageScript.call("identify")` → `"<source>;return __screenwright.identify(arguments[0], arguments[1], arguments[2]);"`
/// with `args: [x, y, {}]`. Inside `execute/sync` the script is a function body, so it leaves no
/// global behind and never mutates the page.
public enum PageScript {
    /// The JavaScript source of `PageScript.js` (decoded once).
    public static let source: String = String(decoding: PackageResources.PageScript_js, as: UTF8.self)

    /// `source` followed by `return __screenwright.<function>(arguments[0], …)` for `arity` arguments.
    public static func call(_ function: String, arity: Int = 3) -> String {
        let args = (0..<max(0, arity)).map { "arguments[\($0)]" }.joined(separator: ", ")
        return source + "\n;return __screenwright.\(function)(\(args));"
    }
}
