import Foundation

/// The page-side half of live grounding: `PageScript.js`, embedded at build time.
///
/// Send it to WebDriver `execute/sync` followed by a call, for example
/// `PageScript.call("identify")` → `"<source>;return __screenwright.identify(arguments[0], arguments[1], arguments[2]);"`
/// with `args: [x, y, {}]`. Inside `execute/sync` the script is a function body, so its
/// `__screenwright` is a local name and the page's own state is never read or changed by it.
///
/// Sending the whole source (51 kB) with every call costs each call ~10 ms of JSON handling in the
/// driver and the browser (a live run makes hundreds: every settle polls `state`), so `installingCall`
/// also keeps the instance it builds on the page's window, under a symbol key no page code names
/// (`installedKey`, not enumerable), and `installedCall` reaches it there with a few hundred bytes.
/// The script keeps nothing between calls (its caches live for one call: `run`), so the kept
/// instance answers exactly what a fresh one would; a new document has none and answers `missing`.
public enum PageScript {
    /// The JavaScript source of `PageScript.js` (decoded once).
    public static let source: String = String(decoding: PackageResources.PageScript_js, as: UTF8.self)

    /// `source` followed by `return __screenwright.<function>(arguments[0], …)` for `arity` arguments.
    public static func call(_ function: String, arity: Int = 3) -> String {
        source + "\n;return __screenwright.\(function)(\(arguments(arity)));"
    }

    /// The symbol key (`Symbol.for`) of the instance kept on a page's window: the source's
    /// FNV-1a digest in it, so an instance of another build's script is never taken for this one.
    public static let installedKey: String = {
        var h: UInt32 = 0x811c_9dc5
        for b in source.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return "screenwright.page." + String(h, radix: 16)
    }()

    /// What `installedCall` answers where the page holds no kept instance (a new document).
    public static let missing = "screenwright: page script not installed"

    /// `<function>` called on the instance kept on the page (`installingCall`), without sending the
    /// source; answers the string `missing` when the page has none.
    public static func installedCall(_ function: String, arity: Int = 3) -> String {
        """
        var __screenwright = null;
        try { __screenwright = window[Symbol.for('\(installedKey)')] || null; } catch (e) {}
        if (!__screenwright) return '\(missing)';
        return __screenwright.\(function)(\(arguments(arity)));
        """
    }

    /// `call`, also keeping the instance on the page's window (non-enumerable, under
    /// `installedKey`) for the next `installedCall`s. Where the window takes no property the call
    /// is still answered, as by `call`.
    public static func installingCall(_ function: String, arity: Int = 3) -> String {
        source + """

            ;try { Object.defineProperty(window, Symbol.for('\(installedKey)'), { value: __screenwright, configurable: true }); } catch (e) {}
            return __screenwright.\(function)(\(arguments(arity)));
            """
    }

    static func arguments(_ arity: Int) -> String {
        (0..<max(0, arity)).map { "arguments[\($0)]" }.joined(separator: ", ")
    }
}
