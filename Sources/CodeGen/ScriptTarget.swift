/// A kind of output `vid2auto --target` can write from an action timeline.
///
/// Every case except `timeline` is rendered through `templates/<rawValue>.mustache`; the raw values
/// are the names users type on the command line, so they never change.
public enum ScriptTarget: String, CaseIterable, Sendable {
    /// A `@playwright/test` spec in TypeScript (written without type annotations, so it is also valid JavaScript).
    case playwrightTS = "playwright-ts"
    /// A runnable Playwright script using the synchronous Python API.
    case playwrightPython = "playwright-python"
    /// A runnable Selenium WebDriver script in Python.
    case seleniumPython = "selenium-python"
    /// A JUnit 5 test class driving Selenium WebDriver in Java.
    case seleniumJava = "selenium-java"
    /// A numbered Markdown list a person can follow by hand.
    case steps
    /// The action timeline itself, as pretty-printed JSON with sorted keys.
    case timeline

    /// The file extension (without a leading dot) a file holding this output should get.
    public var suggestedFileExtension: String {
        switch self {
        case .playwrightTS: "spec.ts"
        case .playwrightPython, .seleniumPython: "py"
        case .seleniumJava: "java"
        case .steps: "md"
        case .timeline: "json"
        }
    }

    /// The template file this target renders through, or nil when it needs none.
    public var templateName: String? {
        self == .timeline ? nil : rawValue
    }
}
