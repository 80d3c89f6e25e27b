import Foundation

/// How to start a browser session.
///
/// The viewport is given in CSS pixels and is what the page sees (`innerWidth`/`innerHeight`),
/// matching a recording's frame size divided by its device scale.
public struct BrowserOptions: Sendable {
    /// Viewport width in CSS pixels.
    public var viewportWidth: Int
    /// Viewport height in CSS pixels.
    public var viewportHeight: Int
    /// Device pixels per CSS pixel (a 2× recording of a 1280-wide page is 2).
    public var deviceScale: Double
    /// Run without a window (`--headless=new`); false needs a display (Xvfb for recordings).
    public var headless: Bool
    /// The Chromium binary; nil means `$SCREENWRIGHT_CHROMIUM`, else /usr/bin/chromium.
    public var chromium: String?
    /// The chromedriver binary; nil means `$SCREENWRIGHT_CHROMEDRIVER`, else /usr/bin/chromedriver.
    public var chromedriver: String?
    /// Seconds any one command may take before it fails with `BrowserError.timeout`.
    public var commandTimeout: Double
    /// Seconds for chromedriver to come up and Chromium to open a session.
    public var startTimeout: Double
    /// More Chromium switches, appended after the defaults (e.g. `--lang=en-US`).
    public var extraArguments: [String]

    /// Options for a `width`×`height` CSS-pixel viewport; the rest have working defaults.
    public init(viewportWidth: Int = 1280, viewportHeight: Int = 800, deviceScale: Double = 1,
                headless: Bool = true, chromium: String? = nil, chromedriver: String? = nil,
                commandTimeout: Double = 30, startTimeout: Double = 20, extraArguments: [String] = []) {
        self.viewportWidth = viewportWidth
        self.viewportHeight = viewportHeight
        self.deviceScale = deviceScale
        self.headless = headless
        self.chromium = chromium
        self.chromedriver = chromedriver
        self.commandTimeout = commandTimeout
        self.startTimeout = startTimeout
        self.extraArguments = extraArguments
    }

    /// The Chromium path after applying the environment and the Debian default.
    public var resolvedChromium: String {
        chromium ?? ProcessInfo.processInfo.environment["SCREENWRIGHT_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/bin/chromium"
    }

    /// The chromedriver path after applying the environment and the Debian default.
    public var resolvedChromedriver: String {
        chromedriver ?? ProcessInfo.processInfo.environment["SCREENWRIGHT_CHROMEDRIVER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/bin/chromedriver"
    }

    /// The Chromium command line: a throwaway profile, no first-run or extension noise, and the
    /// window and scale of the recording.
    func chromiumArguments(profile: String?) -> [String] {
        var args: [String] = []
        if headless { args.append("--headless=new") }
        args += ["--no-sandbox", "--disable-gpu"]
        if let profile { args.append("--user-data-dir=\(profile)") }
        args += [
            "--window-size=\(viewportWidth),\(viewportHeight)",
            // Scrollbars stay: a recorded desktop browser shows them, and they take width from the
            // page's layout, so hiding them would lay the page out unlike the video.
            "--force-device-scale-factor=\(Self.number(deviceScale))",
            "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-sync", "--disable-component-update",
            "--disable-default-apps", "--mute-audio", "--password-store=basic", "--use-mock-keychain",
            "--disable-dev-shm-usage", "--disable-breakpad", "--disable-features=Translate,MediaRouter",
            "--disable-smooth-scrolling",
        ]
        return args + extraArguments
    }

    static func number(_ d: Double) -> String { d.rounded() == d ? String(Int(d)) : String(d) }
}
