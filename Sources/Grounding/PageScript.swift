/// The page-side half of live grounding (`PageScript.js`, embedded at build time): element
/// identity at a point, Playwright- and Selenium-style locators verified in the live DOM, a digest
/// of the page's state. Sent with each call; it defines one global, `__screenwright`.
public enum PageScript {
    /// The script's text.
    public static let source: String = String(decoding: PackageResources.PageScript_js, as: UTF8.self)
}
