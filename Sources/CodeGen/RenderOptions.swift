/// Settings for one `ScriptRenderer`; the defaults give what `vid2auto` writes without flags.
public struct RenderOptions: Sendable {
    /// Emit checks for text that appeared after an action (`--no-assert` turns them off). Waits for
    /// navigations (`to_have_url`, `url_to_be`) are synchronisation, not assertions, and always stay.
    public var assertions: Bool = true
    /// A directory searched for templates before the ones shipped with Screenwright (`--templates DIR`).
    /// Templates it lacks fall back to the shipped ones.
    public var templatesDirectory: String?
    /// Seconds Selenium waits for an element, a URL or a text before failing.
    public var timeoutSeconds: Int = 10
    /// A name for the generated test (TypeScript test title, Java class name); by default derived from
    /// the recording's file name.
    public var testName: String?

    /// Options with the given values; every parameter has the documented default.
    public init(assertions: Bool = true, templatesDirectory: String? = nil, timeoutSeconds: Int = 10,
                testName: String? = nil) {
        self.assertions = assertions
        self.templatesDirectory = templatesDirectory
        self.timeoutSeconds = timeoutSeconds
        self.testName = testName
    }
}
