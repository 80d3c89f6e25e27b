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
    /// Makes the viewport `width`×`height` CSS pixels at `deviceScale` device pixels per CSS pixel.
    func setViewport(width: Int, height: Int, deviceScale: Double) async throws
    /// The viewport's pixels in `clip` (whole CSS pixels of the viewport) captured alone, or nil
    /// where this browser cannot (LiveBrowser+Clip.swift).
    func viewportShot(clip: (x: Int, y: Int, width: Int, height: Int)) async throws -> ClippedShot?
}

extension LiveBrowser {
    /// A browser that cannot change its viewport keeps the one it has.
    public func setViewport(width: Int, height: Int, deviceScale: Double) async throws {}
}

extension BrowserSession: LiveBrowser {}

/// Calls into `PageScript.js` inside the live page: each call first asks the instance kept on the
/// page (`PageScript.installedCall`); where the page has none (its first call, a new document after
/// a navigation) the whole script is sent, answers the call and is kept (`PageScript.installingCall`).
struct PageCalls {
    let browser: any LiveBrowser

    func call(_ function: String, _ args: [JSONValue]) async throws -> JSONValue {
        let v = try await browser.execute(PageScript.installedCall(function, arity: args.count), args)
        guard v == .string(PageScript.missing) else { return v }
        return try await browser.execute(PageScript.installingCall(function, arity: args.count), args)
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

    /// A hidden element named `name` (its text or aria-label, case-insensitive) — the one whose
    /// nearest shown container lies nearest to `near` — with the points where a resting pointer
    /// may show it: its shown containers' controls and centres, nearest first.
    func hidden(named name: String, near: Point) async throws -> (element: ElementHandle, points: [Point])? {
        let v = try await browser.execute("""
            var norm = function (s) { return (s || '').replace(/\\s+/g, ' ').trim().toLowerCase(); };
            var want = norm(arguments[0]), px = arguments[1], py = arguments[2];
            var shown = function (el) { return el.checkVisibility ? el.checkVisibility({visibilityProperty: true, opacityProperty: true}) : !!el.offsetParent; };
            var inView = function (r) { return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight; };
            var best = null;
            var all = document.querySelectorAll('a, button, [role], li, label, input, summary, [tabindex]');
            for (var i = 0; i < all.length; i++) {
              var el = all[i];
              if (norm(el.getAttribute('aria-label')) !== want && norm(el.textContent) !== want) continue;
              if (shown(el)) continue;
              var points = [], a = el.parentElement, dist = null;
              for (var depth = 0; a && a !== document.body && depth < 8; depth++, a = a.parentElement) {
                if (!shown(a)) continue;
                var r = a.getBoundingClientRect();
                if (!inView(r)) continue;
                if (dist === null) dist = Math.hypot(Math.max(r.left - px, 0, px - r.right), Math.max(r.top - py, 0, py - r.bottom));
                var kids = a.querySelectorAll('button, [role=button], a, [aria-haspopup]');
                for (var k = 0, n = 0; k < kids.length && n < 3; k++) {
                  var c = kids[k];
                  if (c.contains(el) || !shown(c)) continue;
                  var q = c.getBoundingClientRect();
                  if (inView(q)) { points.push({x: q.left + q.width / 2, y: q.top + q.height / 2}); n++; }
                }
                points.push({x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 20)});
              }
              if (points.length && (best === null || dist < best.dist)) best = {element: el, points: points.slice(0, 8), dist: dist};
            }
            return best;
            """, [.string(name), .number(near.x), .number(near.y)])
        guard let e = v["element"].flatMap({ ElementHandle(json: $0) }) else { return nil }
        let points = (v["points"]?.array ?? []).compactMap { p -> Point? in
            guard let x = p["x"]?.double, let y = p["y"]?.double else { return nil }
            return Point(x: x, y: y)
        }
        return (e, points)
    }

    /// Controls near `near` that may open something when the pointer rests on them: those that
    /// say they have a popup first, then buttons and links by distance (within 250 px).
    func openers(near: Point) async throws -> [Point] {
        let v = try await browser.execute("""
            var px = arguments[0], py = arguments[1], out = [];
            var shown = function (el) { return el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : !!el.offsetParent; };
            var all = document.querySelectorAll('[aria-haspopup], [aria-expanded], button, [role=button], a[href], summary, [title], [data-tooltip]');
            for (var i = 0; i < all.length; i++) {
              var el = all[i];
              if (!shown(el)) continue;
              var r = el.getBoundingClientRect();
              if (r.width <= 0 || r.height <= 0 || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
              var d = Math.hypot(Math.max(r.left - px, 0, px - r.right), Math.max(r.top - py, 0, py - r.bottom));
              if (d > 250) continue;
              var popup = el.hasAttribute('aria-haspopup') || el.hasAttribute('aria-expanded') ? 0 : 1;
              out.push({x: r.left + r.width / 2, y: r.top + r.height / 2, rank: popup * 1000 + d});
            }
            out.sort(function (a, b) { return a.rank - b.rank; });
            return out.slice(0, 5);
            """, [.number(near.x), .number(near.y)])
        return (v.array ?? []).compactMap { p in
            guard let x = p["x"]?.double, let y = p["y"]?.double else { return nil }
            return Point(x: x, y: y)
        }
    }

    /// The centre of the shown element named `name` (text or aria-label, case-insensitive)
    /// nearest to `near`, within `within` CSS pixels; nil when there is none.
    func shown(named name: String, near: Point, within: Double = .infinity) async throws -> Point? {
        let v = try await browser.execute("""
            var norm = function (s) { return (s || '').replace(/\\s+/g, ' ').trim().toLowerCase(); };
            var want = norm(arguments[0]), px = arguments[1], py = arguments[2], best = null;
            var all = document.querySelectorAll('a, button, [role], li, label, input, summary, [tabindex]');
            for (var i = 0; i < all.length; i++) {
              var el = all[i];
              if (norm(el.getAttribute('aria-label')) !== want && norm(el.textContent) !== want) continue;
              if (!(el.checkVisibility ? el.checkVisibility({visibilityProperty: true, opacityProperty: true}) : !!el.offsetParent)) continue;
              var r = el.getBoundingClientRect();
              if (r.width <= 0 || r.height <= 0) continue;
              var d = Math.hypot(Math.max(r.left - px, 0, px - r.right), Math.max(r.top - py, 0, py - r.bottom));
              if (best === null || d < best.d) best = {x: r.left + r.width / 2, y: r.top + r.height / 2, d: d};
            }
            return best;
            """, [.string(name), .number(near.x), .number(near.y)])
        guard let x = v["x"]?.double, let y = v["y"]?.double, let d = v["d"]?.double, d <= within else { return nil }
        return Point(x: x, y: y)
    }

    /// The shown buttons within `within` CSS pixels of `near`, nearest first (at most 20): their
    /// accessible names (aria-label, else text or value) and centres.
    func buttons(near: Point, within: Double) async throws -> [(name: String, point: Point)] {
        let v = try await browser.execute("""
            var norm = function (s) { return (s || '').replace(/\\s+/g, ' ').trim(); };
            var px = arguments[0], py = arguments[1], reach = arguments[2], out = [];
            var all = document.querySelectorAll('button, [role=button], input[type=submit], input[type=button]');
            for (var i = 0; i < all.length; i++) {
              var el = all[i];
              if (!(el.checkVisibility ? el.checkVisibility({visibilityProperty: true, opacityProperty: true}) : !!el.offsetParent)) continue;
              var r = el.getBoundingClientRect();
              if (r.width <= 0 || r.height <= 0) continue;
              var d = Math.hypot(Math.max(r.left - px, 0, px - r.right), Math.max(r.top - py, 0, py - r.bottom));
              if (d > reach) continue;
              var name = norm(el.getAttribute('aria-label')) || norm(el.tagName === 'INPUT' ? el.value : el.textContent);
              if (name) out.push({name: name, x: r.left + r.width / 2, y: r.top + r.height / 2, d: d});
            }
            out.sort(function (a, b) { return a.d - b.d; });
            return out.slice(0, 20);
            """, [.number(near.x), .number(near.y), .number(within)])
        return (v.array ?? []).compactMap { b in
            guard let n = b["name"]?.string, let x = b["x"]?.double, let y = b["y"]?.double else { return nil }
            return (n, Point(x: x, y: y))
        }
    }

    /// What a key could act on now: the focused text field (its box, whether Enter would submit
    /// its form) and the topmost open dialog's box, in viewport CSS pixels.
    func keyTargets() async throws -> KeyTargets {
        let v = try await browser.execute("""
            var box = function (el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? [r.left, r.top, r.width, r.height] : null; };
            var shown = function (el) { return el.checkVisibility ? el.checkVisibility({visibilityProperty: true, opacityProperty: true}) : !!el.offsetParent; };
            var a = document.activeElement, field = null, submits = false;
            if (a && a !== document.body) {
              var tag = a.tagName.toLowerCase(), type = (a.getAttribute('type') || 'text').toLowerCase();
              var text = tag === 'textarea' || a.isContentEditable || (tag === 'input' &&
                ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'range', 'color', 'hidden'].indexOf(type) < 0);
              if (text) { field = box(a); submits = tag === 'input' && !!a.form; }
            }
            var dialog = null, all = document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]');
            for (var i = all.length - 1; i >= 0; i--) { if (shown(all[i]) && box(all[i])) { dialog = box(all[i]); break; } }
            return {field: field, submits: submits, dialog: dialog};
            """, [])
        func rect(_ j: JSONValue?) -> (x: Double, y: Double, width: Double, height: Double)? {
            guard let a = j?.array, a.count == 4, let x = a[0].double, let y = a[1].double, let w = a[2].double, let h = a[3].double else { return nil }
            return (x, y, w, h)
        }
        return KeyTargets(field: rect(v["field"]), submits: v["submits"]?.bool ?? false, dialog: rect(v["dialog"]))
    }

    /// Whether an element is shown now.
    func isVisible(_ e: ElementHandle) async throws -> Bool {
        try await browser.execute(
            "var el = arguments[0]; return el.checkVisibility ? el.checkVisibility({visibilityProperty: true, opacityProperty: true}) : !!el.offsetParent;",
            [JSONValue(element: e)]).bool ?? false
    }

}

/// What a key press could act on in the live page (`PageCalls.keyTargets`).
struct KeyTargets {
    var field: (x: Double, y: Double, width: Double, height: Double)?
    /// Enter in the focused field would submit its form.
    var submits: Bool
    var dialog: (x: Double, y: Double, width: Double, height: Double)?
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
    /// `aria-pressed` of a toggle button (nil: none).
    var pressed: Bool?
    var options: [String]
    var selected: String?
    var value: String?
    /// Box in viewport CSS pixels.
    var box: (x: Double, y: Double, width: Double, height: Double)?
    /// The chosen Playwright candidate, as the page script gives it (the count it was chosen with).
    var playwright: JSONValue?
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
        pressed = v["pressed"]?.bool
        options = v["options"]?.array?.compactMap(\.string) ?? []
        selected = v["selectedOption"]?.string
        value = v["value"]?.string
        if let b = v["box"], let x = b["x"]?.double, let y = b["y"]?.double, let w = b["width"]?.double, let h = b["height"]?.double {
            box = (x, y, w, h)
        }
        if let p = v["chosen"]?["playwright"], p.object != nil {
            playwright = p
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
