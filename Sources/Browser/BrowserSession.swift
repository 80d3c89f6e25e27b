import Foundation

/// A live Chromium session driven through chromedriver: the one place in Screenwright that
/// speaks WebDriver.
///
/// `start` spawns chromedriver (which spawns Chromium) with a throwaway profile; `close` — or
/// `deinit`, or an interrupt of the whole process — ends both and removes the profile.
///
/// Thread safety: all stored properties are immutable after `init` except the closed flag and
/// the capture mode, which sit behind locks; the HTTP client is `Sendable`. Calls may come from any task. chromedriver
/// runs one command per session at a time, so concurrent calls are safe but queue up there.
public final class BrowserSession: @unchecked Sendable {
    /// The WebDriver session id.
    public let sessionID: String
    /// The options the session was started with.
    public let options: BrowserOptions
    /// The driver's base URL (`http://127.0.0.1:PORT`).
    public let driverURL: String

    let client: WebDriverClient
    /// The chromedriver child; nil for a session attached to a driver someone else runs.
    let driver: DriverProcess?
    /// The temporary Chromium profile, removed on close.
    let profile: String?
    private let closed = Locked(false)
    /// Whether `Page.captureScreenshot` took the viewport (nil: not tried yet); see `fastViewportCapture`.
    let capturesByCDP = Locked<Bool?>(nil)

    init(sessionID: String, options: BrowserOptions, client: WebDriverClient, driver: DriverProcess?, profile: String?) {
        self.sessionID = sessionID
        self.options = options
        self.client = client
        self.driverURL = client.baseURL
        self.driver = driver
        self.profile = profile
    }

    deinit {
        let wasClosed = closed.withLock { c -> Bool in defer { c = true }; return c }
        guard !wasClosed else { return }
        if let driver {
            driver.terminateNow()
            DriverRegistry.unregister(driver)
        }
        if let profile { DriverProcess.removeProfile(profile) }
        client.invalidate()
    }

    // MARK: Starting

    /// Starts chromedriver and Chromium, opens a session and sizes the viewport.
    ///
    /// Throws `BrowserError.notInstalled` when either program is missing (naming the Debian
    /// package), `.driverFailedToStart` when either does not come up within
    /// `options.startTimeout`. Nothing is left running when it throws.
    /// How many times chromedriver is started when it loses the race for its port (`DriverProcess.lostPortRace`).
    static let driverStartAttempts = 3

    public static func start(_ options: BrowserOptions) async throws -> BrowserSession {
        let driverPath = options.resolvedChromedriver, chromiumPath = options.resolvedChromium
        guard FileManager.default.isExecutableFile(atPath: driverPath) else {
            throw BrowserError.notInstalled(program: driverPath, debianPackage: "chromium-driver")
        }
        guard FileManager.default.isExecutableFile(atPath: chromiumPath) else {
            throw BrowserError.notInstalled(program: chromiumPath, debianPackage: "chromium")
        }
        let profile = try makeProfileDirectory()
        var attempt = 0
        var driver: DriverProcess
        var port: Int
        while true {
            attempt += 1
            do {
                driver = try DriverProcess(executable: driverPath)
            } catch {
                DriverProcess.removeProfile(profile)
                throw error
            }
            DriverRegistry.register(driver, profile: profile)
            do {
                port = try await driver.waitForPort(timeout: options.startTimeout)
                break
            } catch BrowserError.driverFailedToStart(let why) where attempt < Self.driverStartAttempts && DriverProcess.lostPortRace(why) {
                await driver.terminate()
                DriverRegistry.unregister(driver)
            } catch {
                await driver.terminate()
                DriverRegistry.unregister(driver)
                DriverProcess.removeProfile(profile)
                throw error
            }
        }
        do {
            let client = WebDriverClient(baseURL: "http://127.0.0.1:\(port)", timeout: options.commandTimeout,
                                         driverGone: { [weak driver] in
                guard let driver else { return "chromedriver is gone" }
                return driver.exitReason
            })
            try await waitUntilReady(client, timeout: options.startTimeout)
            let id: String
            do {
                id = try await createSession(client, options: options, chromium: chromiumPath, profile: profile)
            } catch BrowserError.webDriver(_, let error, let message) {
                throw BrowserError.driverFailedToStart("\(error): \(message)")
            } catch BrowserError.timeout(_, let seconds) {
                throw BrowserError.driverFailedToStart("Chromium did not open a session within \(seconds) s")
            }
            let session = BrowserSession(sessionID: id, options: options, client: client, driver: driver, profile: profile)
            do {
                try await session.setViewport(width: options.viewportWidth, height: options.viewportHeight,
                                              deviceScale: options.deviceScale)
            } catch {
                await session.close()
                throw error
            }
            return session
        } catch {
            await driver.terminate()
            DriverRegistry.unregister(driver)
            DriverProcess.removeProfile(profile)
            throw error
        }
    }

    /// Opens a session on a chromedriver that is already running at `driverURL` (one started by
    /// hand, or a test's stub server). Nothing is spawned, so `close` only deletes the session.
    /// `profile` is passed as `--user-data-dir` and left alone; without it chromedriver makes (and
    /// removes) a profile of its own. The viewport is left as the window makes it: call
    /// `setViewport` if it matters.
    public static func attach(driverURL: String, options: BrowserOptions = BrowserOptions(),
                              profile: String? = nil) async throws -> BrowserSession {
        let client = WebDriverClient(baseURL: driverURL, timeout: options.commandTimeout)
        do {
            let id = try await createSession(client, options: options, chromium: options.resolvedChromium,
                                             profile: profile)
            return BrowserSession(sessionID: id, options: options, client: client, driver: nil, profile: nil)
        } catch {
            client.invalidate()
            throw error
        }
    }

    private static func makeProfileDirectory() throws -> String {
        // The owner's pid in the name tells whose profile a stray directory was.
        var template = Array((NSTemporaryDirectory() + "screenwright-chromium-\(getpid())-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw BrowserError.driverFailedToStart("cannot make a temporary profile in \(NSTemporaryDirectory())")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func waitUntilReady(_ client: WebDriverClient, timeout: Double) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var lastError: (any Error)?
        while Date() < deadline {
            do {
                let status = try await client.send("GET", "/status", timeout: max(0.5, deadline.timeIntervalSinceNow))
                if status["ready"]?.bool == true { return }
            } catch let error as BrowserError {
                if case .driverGone = error { throw BrowserError.driverFailedToStart("\(error)") }
                lastError = error
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw BrowserError.driverFailedToStart("chromedriver never reported ready: \(lastError.map { "\($0)" } ?? "no answer")")
    }

    /// The `POST /session` body: Chromium's binary and switches, and script and page-load limits
    /// a little under the HTTP timeout so the driver's own error arrives first.
    static func capabilities(_ options: BrowserOptions, chromium: String, profile: String?) -> JSONValue {
        let limit = JSONValue.number((options.commandTimeout * 900).rounded())
        let chrome: JSONValue = [
            "binary": .string(chromium),
            "args": .array(options.chromiumArguments(profile: profile).map(JSONValue.string)),
            "excludeSwitches": ["enable-automation", "enable-logging"],
        ]
        return ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": ["script": limit, "pageLoad": limit, "implicit": 0],
            "goog:chromeOptions": chrome,
        ]]]
    }

    private static func createSession(_ client: WebDriverClient, options: BrowserOptions, chromium: String,
                                      profile: String?) async throws -> String {
        let reply = try await client.send("POST", "/session", capabilities(options, chromium: chromium, profile: profile),
                                          timeout: options.startTimeout, command: "new session")
        guard let id = reply["sessionId"]?.string else {
            throw BrowserError.webDriver(command: "new session", error: "invalid reply", message: "no sessionId in \(reply)")
        }
        return id
    }

    // MARK: Commands

    /// Sends a command under this session (`path` relative to `/session/ID`).
    func command(_ method: String, _ path: String, _ body: JSONValue? = nil, name: String? = nil,
                 timeout: Double? = nil) async throws -> JSONValue {
        if closed.withLock({ $0 }) { throw BrowserError.driverGone("the session was closed") }
        let name = name ?? String(path.drop(while: { $0 == "/" }))
        return try await client.send(method, "/session/\(sessionID)\(path)", body, timeout: timeout, command: name)
    }

    /// Loads `url` and waits for the load event (or the page-load limit).
    public func navigate(to url: String) async throws {
        _ = try await command("POST", "/url", ["url": .string(url)], name: "navigate")
    }

    /// The top-level document's URL.
    public func currentURL() async throws -> String {
        try await command("GET", "/url", name: "current URL").string ?? ""
    }

    /// Runs `script` as a function body (`return …` gives the result) with `args` as `arguments`.
    /// DOM nodes come back as element references (see `ElementHandle(json:)`); pass one in with
    /// `JSONValue(element:)`.
    public func execute(_ script: String, _ args: [JSONValue] = []) async throws -> JSONValue {
        try await command("POST", "/execute/sync", ["script": .string(script), "args": .array(args)], name: "execute")
    }

    /// Runs `script` with a callback as its last argument and returns what is passed to it —
    /// the way to wait for a promise: `arguments[arguments.length-1](await x)`.
    public func executeAsync(_ script: String, _ args: [JSONValue] = []) async throws -> JSONValue {
        try await command("POST", "/execute/async", ["script": .string(script), "args": .array(args)],
                          name: "execute async")
    }

    /// Runs a Chrome DevTools Protocol command without a WebSocket, through chromedriver's
    /// `goog/cdp/execute` (e.g. `Accessibility.queryAXTree`, `DOM.getNodeForLocation`).
    public func cdp(_ command: String, _ params: [String: JSONValue] = [:]) async throws -> JSONValue {
        try await self.command("POST", "/goog/cdp/execute", ["cmd": .string(command), "params": .object(params)],
                               name: "cdp \(command)")
    }

    /// Makes the page's viewport exactly `width`×`height` CSS pixels at `deviceScale` (what
    /// `innerWidth`, `innerHeight` and `devicePixelRatio` report), whatever the window frame is.
    /// The window is first made at least that big so screenshots are not clipped.
    public func setViewport(width: Int, height: Int, deviceScale: Double) async throws {
        _ = try await command("POST", "/window/rect", ["width": .number(Double(width)), "height": .number(Double(height))],
                              name: "set window rect")
        _ = try await cdp("Emulation.setDeviceMetricsOverride", [
            "width": .number(Double(width)), "height": .number(Double(height)),
            "deviceScaleFactor": .number(deviceScale), "mobile": false,
            "screenWidth": .number(Double(width)), "screenHeight": .number(Double(height)),
        ])
    }

    /// The element's computed ARIA role, as Playwright's `get_by_role` matches it.
    public func computedRole(_ e: ElementHandle) async throws -> String {
        try await command("GET", "/element/\(e.id)/computedrole", name: "computed role").string ?? ""
    }

    /// The element's computed accessible name (`get_by_role(…, name=)`).
    public func computedLabel(_ e: ElementHandle) async throws -> String {
        try await command("GET", "/element/\(e.id)/computedlabel", name: "computed label").string ?? ""
    }

    /// A WebDriver element click: scrolls it into view and clicks its centre, failing if another
    /// element would get the click.
    public func click(_ e: ElementHandle) async throws {
        _ = try await command("POST", "/element/\(e.id)/click", [:], name: "click")
    }

    /// Empties an input or editable element.
    public func clear(_ e: ElementHandle) async throws {
        _ = try await command("POST", "/element/\(e.id)/clear", [:], name: "clear")
    }

    /// Focuses the element and types `text` into it.
    public func sendKeys(_ e: ElementHandle, _ text: String) async throws {
        _ = try await command("POST", "/element/\(e.id)/value", ["text": .string(text)], name: "send keys")
    }

    /// Moves the mouse to a viewport point in CSS pixels (rounded: WebDriver takes integers).
    public func pointer(move to: (x: Double, y: Double)) async throws {
        try await performActions([Self.mouse([Self.move(to)])], name: "pointer move")
    }

    /// Moves to a viewport point and clicks the left button `count` times (2 = a double click;
    /// chromedriver counts quick presses at one point as one multi-click).
    public func pointerClick(at point: (x: Double, y: Double), count: Int = 1) async throws {
        var items = [Self.move(point)]
        for _ in 0..<max(1, count) {
            items.append(["type": "pointerDown", "button": 0])
            items.append(["type": "pointerUp", "button": 0])
        }
        try await performActions([Self.mouse(items)], name: count == 2 ? "double click" : "pointer click")
    }

    /// Presses keys into whatever has focus; a chord's modifiers are held around its key and
    /// released after it.
    public func keys(_ keys: [Key]) async throws {
        let items = keys.flatMap(\.actionItems)
        guard !items.isEmpty else { return }
        try await performActions([["type": "key", "id": "keyboard", "actions": .array(items)]], name: "keys")
    }

    /// Scrolls by `dx`, `dy` CSS pixels with the mouse wheel over a viewport point (the
    /// element under it, or the page, scrolls).
    public func wheel(dx: Double, dy: Double, at point: (x: Double, y: Double)) async throws {
        let scroll: JSONValue = [
            "type": "scroll", "origin": "viewport", "duration": 0,
            "x": .number(point.x.rounded()), "y": .number(point.y.rounded()),
            "deltaX": .number(dx.rounded()), "deltaY": .number(dy.rounded()),
        ]
        try await performActions([["type": "wheel", "id": "wheel", "actions": [scroll]]], name: "wheel")
    }

    /// The viewport as PNG bytes (`viewport × deviceScale` device pixels): through CDP where the
    /// browser takes it (BrowserSession+Capture.swift), else WebDriver's screenshot.
    public func screenshot() async throws -> Data {
        if let png = try await fastViewportCapture() { return png }
        return try await webDriverScreenshot()
    }

    /// The viewport as PNG bytes, through WebDriver's `GET /screenshot`.
    public func webDriverScreenshot() async throws -> Data {
        let value = try await command("GET", "/screenshot", name: "screenshot")
        guard let base64 = value.string, let data = Data(base64Encoded: base64) else {
            throw BrowserError.webDriver(command: "screenshot", error: "invalid reply", message: "not base64 PNG data")
        }
        return data
    }

    /// Ends the session: deletes it (chromedriver closes Chromium), ends chromedriver's process
    /// group, and removes the profile. Safe to call twice; later commands throw `.driverGone`.
    public func close() async {
        let wasClosed = closed.withLock { c -> Bool in defer { c = true }; return c }
        guard !wasClosed else { return }
        _ = try? await client.send("DELETE", "/session/\(sessionID)", timeout: min(5, options.commandTimeout),
                                   command: "delete session")
        if let driver {
            await driver.terminate()
            DriverRegistry.unregister(driver)
        }
        if let profile { DriverProcess.removeProfile(profile) }
        client.invalidate()
    }

    // MARK: Actions

    private func performActions(_ sources: [JSONValue], name: String) async throws {
        _ = try await command("POST", "/actions", ["actions": .array(sources)], name: name)
    }

    private static func mouse(_ items: [JSONValue]) -> JSONValue {
        ["type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"], "actions": .array(items)]
    }

    private static func move(_ p: (x: Double, y: Double)) -> JSONValue {
        ["type": "pointerMove", "duration": 0, "origin": "viewport",
         "x": .number(p.x.rounded()), "y": .number(p.y.rounded())]
    }
}
