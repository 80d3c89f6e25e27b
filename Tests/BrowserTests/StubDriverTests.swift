import Foundation
import XCTest
@testable import Browser
import TestSupport

/// The WebDriver transport against a scripted stub server: no browser needed.
final class StubDriverTests: XCTestCase {
    private func stubWithSession() throws -> StubHTTPServer {
        let stub = try StubHTTPServer()
        stub.on("POST", "/session", .value(#"{"sessionId":"S1","capabilities":{"browserName":"chrome"}}"#))
        return stub
    }

    private func json(_ request: StubHTTPServer.Request?) -> [String: Any] {
        (request?.json as? [String: Any]) ?? [:]
    }

    func testSessionCreationSendsChromeOptions() async throws {
        let stub = try stubWithSession()
        let options = BrowserOptions(viewportWidth: 640, viewportHeight: 480, deviceScale: 2, chromium: "/opt/chromium")
        let session = try await BrowserSession.attach(driverURL: stub.url, options: options, profile: "/tmp/profile-x")
        XCTAssertEqual(session.sessionID, "S1")
        let body = json(stub.last("POST", "/session"))
        let always = (body["capabilities"] as? [String: Any])?["alwaysMatch"] as? [String: Any]
        let chrome = always?["goog:chromeOptions"] as? [String: Any]
        XCTAssertEqual(chrome?["binary"] as? String, "/opt/chromium")
        let args = chrome?["args"] as? [String] ?? []
        for expected in ["--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=/tmp/profile-x",
                         "--window-size=640,480", "--force-device-scale-factor=2",
                         "--disable-extensions", "--no-first-run"] {
            XCTAssertTrue(args.contains(expected), "missing \(expected) in \(args)")
        }
        XCTAssertFalse(args.contains("--hide-scrollbars"), "scrollbars take layout width as in the recording")
        let timeouts = always?["timeouts"] as? [String: Any]
        XCTAssertEqual((timeouts?["script"] as? NSNumber)?.intValue, 27_000)
        XCTAssertEqual(stub.last("POST", "/session")?.headers["content-type"], "application/json; charset=utf-8")

        stub.on("DELETE", "/session/S1", .value("null"))
        await session.close()
        XCTAssertNotNil(stub.last("DELETE", "/session/S1"))
        await session.close()   // idempotent: no second DELETE
        XCTAssertEqual(stub.requests.filter { $0.method == "DELETE" }.count, 1)
        do {
            _ = try await session.currentURL()
            XCTFail("a closed session answered")
        } catch BrowserError.driverGone {}
    }

    func testW3CErrorMapsToWebDriverErrorWithFirstLine() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url)
        // Without a profile given, attach leaves --user-data-dir to chromedriver (and makes no directory).
        XCTAssertFalse(stub.last("POST", "/session")?.text.contains("user-data-dir") ?? true)
        stub.on("POST", "/session/S1/execute/sync",
                .webDriverError(status: 500, error: "javascript error",
                                message: "ReferenceError: nope is not defined\n  (Session info: chrome=156.0)"))
        do {
            _ = try await session.execute("return nope")
            XCTFail("no error")
        } catch let error as BrowserError {
            XCTAssertEqual(error, .webDriver(command: "execute", error: "javascript error",
                                             message: "ReferenceError: nope is not defined"))
            XCTAssertEqual(error.description, "execute failed: javascript error: ReferenceError: nope is not defined")
        }
        // A non-JSON error body still becomes a webDriver error, with the HTTP status.
        stub.on("GET", "/session/S1/url", .respond(status: 502, body: "Bad gateway"))
        do {
            _ = try await session.currentURL()
            XCTFail("no error")
        } catch let error as BrowserError {
            XCTAssertEqual(error, .webDriver(command: "current URL", error: "HTTP 502", message: "Bad gateway"))
        }
    }

    func testSilentServerTimesOutWithinTheLimit() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url, options: BrowserOptions(commandTimeout: 0.5))
        stub.on("GET", "/session/S1/url", .hang)
        let t0 = Date()
        do {
            _ = try await session.currentURL()
            XCTFail("no error")
        } catch let error as BrowserError {
            XCTAssertEqual(error, .timeout(command: "current URL", seconds: 0.5))
        }
        let elapsed = Date().timeIntervalSince(t0)
        XCTAssertLessThan(elapsed, 1.5)
        XCTAssertGreaterThanOrEqual(elapsed, 0.45)
        stub.stop()
    }

    func testCancellingATaskEndsAHangingRequest() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url, options: BrowserOptions(commandTimeout: 10))
        stub.on("GET", "/session/S1/url", .hang)
        let task = Task { try await session.currentURL() }
        try await Task.sleep(nanoseconds: 100_000_000)
        let t0 = Date()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("no error")
        } catch is CancellationError {}
        XCTAssertLessThan(Date().timeIntervalSince(t0), 1)
        stub.stop()
    }

    func testUnreachableDriver() async throws {
        let stub = try StubHTTPServer()
        let url = stub.url
        stub.stop()
        do {
            _ = try await BrowserSession.attach(driverURL: url, options: BrowserOptions(commandTimeout: 2))
            XCTFail("no error")
        } catch BrowserError.unreachable(let u, _) {
            XCTAssertEqual(u, url)
        }
    }

    func testCDPPostsCommandAndParams() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url)
        stub.on("POST", "/session/S1/goog/cdp/execute", .value(#"{"nodes":[{"nodeId":"1"}]}"#))
        let reply = try await session.cdp("Accessibility.queryAXTree", ["role": "button", "accessibleName": "Save"])
        XCTAssertEqual(reply["nodes"]?[0]?["nodeId"]?.string, "1")
        let body = json(stub.last("POST", "/session/S1/goog/cdp/execute"))
        XCTAssertEqual(body["cmd"] as? String, "Accessibility.queryAXTree")
        XCTAssertEqual(body["params"] as? [String: String], ["role": "button", "accessibleName": "Save"])
    }

    func testExecuteWrapsScriptAndArgsAndReadsElements() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url)
        stub.on("POST", "/session/S1/execute/sync",
                .value(#"[{"element-6066-11e4-a52e-4f735466cecf":"E2"},7,true,null,"x"]"#))
        let arg = JSONValue(element: ElementHandle(id: "E1"))
        let result = try await session.execute("return [arguments[0], 7]", [arg, 3.5, "s"])
        XCTAssertEqual(result.elements, [ElementHandle(id: "E2")])
        XCTAssertEqual(result[0]?.element, ElementHandle(id: "E2"))
        XCTAssertEqual(result[1]?.int, 7)
        XCTAssertEqual(result[2]?.bool, true)
        XCTAssertEqual(result[3], .null)
        XCTAssertEqual(result[4]?.string, "x")
        let body = json(stub.last("POST", "/session/S1/execute/sync"))
        XCTAssertEqual(body["script"] as? String, "return [arguments[0], 7]")
        let args = body["args"] as? [Any]
        XCTAssertEqual((args?[0] as? [String: String])?[ElementHandle.webElementKey], "E1")
        XCTAssertEqual((args?[1] as? NSNumber)?.doubleValue, 3.5)
        XCTAssertEqual(args?[2] as? String, "s")

        stub.on("POST", "/session/S1/execute/async", .value("42"))
        let asyncResult = try await session.executeAsync("arguments[0](42)")
        XCTAssertEqual(asyncResult.int, 42)
    }

    func testActionsBodies() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url)
        stub.on("POST", "/session/S1/actions", .value("null"))

        try await session.pointerClick(at: (x: 10.4, y: 20.6), count: 2)
        var body = stub.last("POST", "/session/S1/actions")?.text ?? ""
        XCTAssertTrue(body.contains(#""origin":"viewport""#), body)
        XCTAssertTrue(body.contains(#""x":10"#) && body.contains(#""y":21"#), body)
        XCTAssertEqual(body.components(separatedBy: "pointerDown").count - 1, 2)
        XCTAssertEqual(body.components(separatedBy: "pointerUp").count - 1, 2)

        try await session.keys([.chord(modifiers: [.control], key: "A"), .text("hi"), .enter])
        body = stub.last("POST", "/session/S1/actions")?.text ?? ""
        let actions = ((json(stub.last("POST", "/session/S1/actions"))["actions"] as? [[String: Any]])?.first?["actions"]
            as? [[String: String]]) ?? []
        XCTAssertEqual(actions.map { $0["type"]! }, ["keyDown", "keyDown", "keyUp", "keyUp",
                                                     "keyDown", "keyUp", "keyDown", "keyUp", "keyDown", "keyUp"])
        XCTAssertEqual(actions.map { $0["value"]! }, ["\u{E009}", "a", "a", "\u{E009}", "h", "h", "i", "i",
                                                      "\u{E007}", "\u{E007}"])

        try await session.wheel(dx: 0, dy: 120, at: (x: 5, y: 6))
        let wheel = (json(stub.last("POST", "/session/S1/actions"))["actions"] as? [[String: Any]])?.first
        XCTAssertEqual(wheel?["type"] as? String, "wheel")
        let scroll = (wheel?["actions"] as? [[String: Any]])?.first
        XCTAssertEqual(scroll?["deltaY"] as? Int, 120)
        XCTAssertEqual(scroll?["x"] as? Int, 5)
    }

    func testScreenshotDecodesBase64() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url)
        stub.on("GET", "/session/S1/screenshot", .value("\"\(Data([0x89, 0x50, 0x4E, 0x47]).base64EncodedString())\""))
        let png = try await session.screenshot()
        XCTAssertEqual(Array(png), [0x89, 0x50, 0x4E, 0x47])
        // The stub knows no CDP: tried once, then WebDriver's screenshot only.
        XCTAssertEqual(stub.requests.filter { $0.path.hasSuffix("/goog/cdp/execute") }.count, 1)
        _ = try await session.screenshot()
        XCTAssertEqual(stub.requests.filter { $0.path.hasSuffix("/goog/cdp/execute") }.count, 1)
        XCTAssertEqual(stub.requests.filter { $0.path.hasSuffix("/screenshot") }.count, 2)
    }

    func testScreenshotThroughCDPAsksForAFastLosslessCapture() async throws {
        let stub = try stubWithSession()
        let session = try await BrowserSession.attach(driverURL: stub.url)
        stub.on("POST", "/session/S1/goog/cdp/execute", .value(#"{"data":"\#(Data([0x89, 0x50, 0x4E, 0x47, 1]).base64EncodedString())"}"#))
        let png = try await session.screenshot()
        XCTAssertEqual(Array(png), [0x89, 0x50, 0x4E, 0x47, 1])
        XCTAssertNil(stub.last("GET", "/session/S1/screenshot"), "WebDriver's screenshot was taken too")
        let body = json(stub.last("POST", "/session/S1/goog/cdp/execute"))
        XCTAssertEqual(body["cmd"] as? String, "Page.captureScreenshot")
        let params = body["params"] as? [String: Any]
        XCTAssertEqual(params?["format"] as? String, "png")
        XCTAssertEqual(params?["optimizeForSpeed"] as? Bool, true)
        XCTAssertNil(params?["clip"], "a whole screenshot is the viewport")
        let clipped = BrowserSession.captureParameters(clip: (1, 2, 30, 40))["clip"]
        XCTAssertEqual(clipped?["width"]?.double, 30)
        XCTAssertEqual(clipped?["scale"]?.double, 1)
    }
}

/// Key names and JSON values: pure functions.
final class KeyAndJSONTests: XCTestCase {
    func testParsePlaywrightKeyNames() {
        XCTAssertEqual(Key.parse("Enter"), .enter)
        XCTAssertEqual(Key.parse("a"), .text("a"))
        XCTAssertEqual(Key.parse(" "), .space)
        XCTAssertEqual(Key.parse("Control+A"), .chord(modifiers: [.control], key: "A"))
        XCTAssertEqual(Key.parse("Shift+Tab"), .chord(modifiers: [.shift], key: "Tab"))
        XCTAssertEqual(Key.parse("ControlOrMeta+Shift+z"), .chord(modifiers: [.control, .shift], key: "z"))
        XCTAssertEqual(Key.parse("Control++"), .chord(modifiers: [.control], key: "+"))
        XCTAssertEqual(Key.parse("+"), .text("+"))
        XCTAssertEqual(Key.parse("F5"), .chord(modifiers: [], key: "F5"))
        XCTAssertEqual(Key.parse("esc"), .escape)
        XCTAssertNil(Key.parse("Hello"))
        XCTAssertNil(Key.parse("Hyper+A"))
        XCTAssertNil(Key.parse(""))
    }

    func testShiftChordSendsUpperCase() {
        let items = Key.chord(modifiers: [.shift], key: "a").actionItems
        XCTAssertEqual(items.compactMap { $0["value"]?.string }, ["\u{E008}", "A", "A", "\u{E008}"])
    }

    func testJSONRoundTrip() throws {
        let v: JSONValue = ["a": [1, 2.5, true, nil, "x"], "b": ["c": false]]
        let data = try v.jsonData()
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"a":[1,2.5,true,null,"x"],"b":{"c":false}}"#)
        XCTAssertEqual(try JSONValue.parse(data), v)
        XCTAssertEqual(try JSONValue.parse(Data("true".utf8)), .bool(true))
        XCTAssertEqual(try JSONValue.parse(Data("1".utf8)), .number(1))
    }

    func testErrorDescriptions() {
        XCTAssertEqual(BrowserError.notInstalled(program: "chromium", debianPackage: "chromium").description,
                       "chromium is not installed (apt install chromium)")
        XCTAssertEqual(BrowserError.timeout(command: "navigate", seconds: 30).description,
                       "navigate got no answer within 30 s")
    }

    func testPortParsing() {
        XCTAssertEqual(DriverProcess.parsePort("Starting ChromeDriver 156 on port 0\nChromeDriver was started successfully on port 46469.\n"), 46469)
        XCTAssertNil(DriverProcess.parsePort("Starting ChromeDriver 156 on port 0\n"))
    }
}
