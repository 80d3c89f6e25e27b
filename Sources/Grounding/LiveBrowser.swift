import Browser
import Foundation
import ScreenCore

/// What the live stage asks of a browser. `BrowserSession` (the project's one WebDriver client)
/// is the production implementation; tests swap in a scripted fake.
public protocol LiveBrowser: AnyObject, Sendable {
    func navigate(to url: String) async throws
    func currentURL() async throws -> String
    func execute(_ script: String, _ args: [JSONValue]) async throws -> JSONValue
    func click(_ e: ElementHandle) async throws
    func clear(_ e: ElementHandle) async throws
    func sendKeys(_ e: ElementHandle, _ text: String) async throws
    func pointer(move to: (x: Double, y: Double)) async throws
    func pointerClick(at: (x: Double, y: Double), count: Int) async throws
    func keys(_ keys: [Key]) async throws
    func wheel(dx: Double, dy: Double, at: (x: Double, y: Double)) async throws
    func screenshot() async throws -> Data
}

extension BrowserSession: LiveBrowser {}

/// Calls into `PageScript.js` inside the live page: the script is sent with each call (it defines
/// `__screenwright` once per document), so a navigation never leaves the page without it.
struct PageCalls {
    let browser: any LiveBrowser

    func call(_ function: String, _ args: [JSONValue]) async throws -> JSONValue {
        try await browser.execute(PageScript.source + "\n;return __screenwright.\(function).apply(null, arguments);", args)
    }

    /// The element at a viewport point, walked up to what a person acts on, with its verified locators.
    func identify(x: Double, y: Double) async throws -> Identified? {
        let v = try await call("identify", [.number(x), .number(y), .object([:])])
        return Identified(v)
    }

    /// A digest of the page that changes when an action changed anything.
    func state() async throws -> PageState { PageState(try await call("state", [])) }

    /// Whether the text is shown in the page, as the script's check finds it (`get_by_text`:
    /// case-insensitive, whitespace-normalised substring of rendered text).
    func visible(_ text: String) async throws -> Bool {
        try await browser.execute("""
            var norm = function (s) { return (s || '').replace(/\\s+/g, ' ').trim().toLowerCase(); };
            var want = norm(arguments[0]);
            return want.length > 0 && norm(document.body ? document.body.innerText : '').indexOf(want) >= 0;
            """, [.string(text)]).bool ?? false
    }

    /// How many elements a Playwright locator resolves to, with Playwright's semantics.
    func count(_ l: LiveLocatorJSON) async throws -> Int { try await call("count", [l.json]).int ?? 0 }
}

/// A candidate locator as the page script returns it, kept as JSON to send it back for counting.
struct LiveLocatorJSON {
    var json: JSONValue
}

/// A digest of the live page's state.
struct PageState: Equatable {
    var url: String
    var scrollY: Double
    var scrollX: Double
    var domSize: Int
    var textHash: String
    var dialogs: Int
    var active: String

    init(_ v: JSONValue) {
        url = v["url"]?.string ?? ""
        scrollY = v["scrollY"]?.double ?? 0
        scrollX = v["scrollX"]?.double ?? 0
        domSize = v["domSize"]?.int ?? 0
        textHash = v["textHash"].map { $0.string ?? $0.double.map { String($0) } ?? "" } ?? ""
        dialogs = v["openDialogs"]?.int ?? 0
        let a = v["activeElement"]
        active = [a?["tag"]?.string, a?["id"]?.string, a?["name"]?.string].compactMap { $0 }.joined(separator: "#")
    }

    /// Whether anything a person would see changed (focus alone does not count).
    func differs(from o: PageState) -> Bool {
        url != o.url || abs(scrollY - o.scrollY) > 1 || abs(scrollX - o.scrollX) > 1 || domSize != o.domSize
            || textHash != o.textHash || dialogs != o.dialogs
    }
}

/// What `identify` found at a point.
struct Identified {
    var element: ElementHandle?
    var actionable: Bool
    var tag: String
    var inputType: String?
    var role: String?
    var name: String?
    var text: String?
    var label: String?
    var placeholder: String?
    var isPassword: Bool
    var checked: Bool?
    var options: [String]
    var selected: String?
    var value: String?
    /// Box in viewport CSS pixels.
    var box: (x: Double, y: Double, width: Double, height: Double)?
    var playwright: LiveLocatorJSON?
    var playwrightCount: Int?
    var selenium: (by: String, value: String)?

    init?(_ v: JSONValue) {
        guard v["found"]?.bool == true else { return nil }
        element = v["element"].flatMap { ElementHandle(json: $0) }
        actionable = v["actionable"]?.bool ?? false
        tag = (v["tag"]?.string ?? "").lowercased()
        inputType = v["inputType"]?.string?.lowercased()
        role = v["role"]?.string
        name = v["name"]?.string
        text = v["text"]?.string
        label = v["label"]?.string
        placeholder = v["placeholder"]?.string
        isPassword = v["isPassword"]?.bool ?? (inputType == "password")
        checked = v["checked"]?.bool
        options = v["options"]?.array?.compactMap(\.string) ?? []
        selected = v["selectedOption"]?.string
        value = v["value"]?.string
        if let b = v["box"], let x = b["x"]?.double, let y = b["y"]?.double, let w = b["width"]?.double, let h = b["height"]?.double {
            box = (x, y, w, h)
        }
        if let p = v["chosen"]?["playwright"], p.object != nil {
            playwright = LiveLocatorJSON(json: p)
            playwrightCount = p["count"]?.int
        }
        if let s = v["chosen"]?["selenium"], let by = s["by"]?.string, let value = s["value"]?.string { selenium = (by, value) }
    }

    /// A text field a fill can type into.
    var isTextField: Bool {
        if tag == "textarea" { return true }
        if tag == "input" { return !["checkbox", "radio", "button", "submit", "reset", "file", "image", "range", "color", "hidden"].contains(inputType ?? "text") }
        return role == "textbox" || role == "searchbox" || role == "spinbutton" || role == "combobox" && tag != "select"
    }

    /// A control with a checked state.
    var isCheckable: Bool { ["checkbox", "radio", "switch", "menuitemcheckbox", "menuitemradio"].contains(role ?? "") }

    var isSelect: Bool { tag == "select" }
}

extension LiveLocator {
    /// The page script's candidate JSON as a timeline locator.
    init?(json v: JSONValue) {
        guard let k = v["kind"]?.string, let kind = Kind(rawValue: k), let value = v["value"]?.string else { return nil }
        var scope: LiveScope?
        if let s = v["scope"], let css = s["css"]?.string, let text = s["hasText"]?.string { scope = LiveScope(css: css, hasText: text) }
        self.init(kind: kind, value: value, name: v["name"]?.string, exact: v["exact"]?.bool ?? true, scope: scope, nth: v["nth"]?.int)
    }
}
