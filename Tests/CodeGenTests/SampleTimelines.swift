import ScreenCore

/// Hand-built timelines the golden files are rendered from: one per kind of page the locator rules
/// must handle.
enum SampleTimelines {
    static let viewport = Viewport(x: 0, y: 87, width: 1280, height: 713)

    static func source(_ name: String) -> MediaInfo {
        MediaInfo(path: "samples/recordings/\(name).mp4", container: "mov,mp4,m4a,3gp,3g2,mj2", codec: "h264",
                  width: 1280, height: 800, duration: 20, frameRate: 30, frameCount: 600, rotation: 0,
                  variableFrameRate: false)
    }

    static let all: [(name: String, timeline: ActionTimeline)] = [
        ("signup-form", signupForm), ("todo-list", todoList), ("shop-long-page", shopLongPage),
        ("coordinate-fallback", coordinateFallback), ("live-grounded", liveGrounded), ("pointer-and-keys", pointerAndKeys),
    ]

    /// A registration form: label and placeholder fields, a select, a radio, checkboxes, two masked
    /// fields and a navigation.
    static let signupForm = ActionTimeline(
        source: source("signup-register"), viewport: viewport, startURL: "http://127.0.0.1:8765/signup/",
        actions: [
            Action(kind: .click, time: 1.2, target: Target(role: .textbox, label: "First name", placeholder: "e.g. Ana",
                                                           point: Point(x: 300, y: 310))),
            Action(kind: .fill, time: 1.5, target: Target(role: .textbox, label: "First name", placeholder: "e.g. Ana"),
                   value: .text("Ana")),
            Action(kind: .fill, time: 3.0, target: Target(role: .textbox, label: "Last name", placeholder: "e.g. Ferreira"),
                   value: .text("Ferreira")),
            Action(kind: .fill, time: 4.4, target: Target(role: .textbox, label: "Work email"),
                   value: .text("ana@example.com")),
            Action(kind: .select, time: 6.0, target: Target(role: .combobox, label: "Country"), value: .text("Portugal")),
            Action(kind: .check, time: 7.1, target: Target(role: .radio, name: "Student"), value: .flag(true)),
            Action(kind: .check, time: 8.0, target: Target(role: .checkbox, label: "Email me about future events"),
                   value: .flag(false)),
            Action(kind: .check, time: 8.9, target: Target(role: .checkbox, label: "I agree to the code of conduct"),
                   value: .flag(true)),
            Action(kind: .fill, time: 10.0, target: Target(role: .textbox, label: "Password"), secret: true),
            Action(kind: .fill, time: 11.5, target: Target(role: .textbox, label: "Confirm password"), secret: true),
            Action(kind: .click, time: 13.0, target: Target(role: .button, text: "Register"),
                   navigatesTo: "http://127.0.0.1:8765/signup/confirm.html", appeared: ["You're registered"]),
        ])

    /// A todo list: typing with Enter, ticking an item, and a "Delete" button repeated on every row,
    /// told apart by the row's text.
    static let todoList = ActionTimeline(
        source: source("todo-add-items"), viewport: viewport, startURL: "http://127.0.0.1:8765/todo/",
        actions: [
            Action(kind: .click, time: 2.4, target: Target(role: .textbox, name: "What needs doing?",
                                                           placeholder: "What needs doing?")),
            Action(kind: .fill, time: 3.1, target: Target(role: .textbox, placeholder: "What needs doing?"),
                   value: .text("Buy milk")),
            Action(kind: .press, time: 4.0, target: Target(role: .textbox, placeholder: "What needs doing?"),
                   value: .text("Enter"), appeared: ["Buy milk"]),
            Action(kind: .fill, time: 5.2, target: Target(role: .textbox, placeholder: "What needs doing?"),
                   value: .text("Walk the dog")),
            Action(kind: .press, time: 6.0, value: .text("Return"), appeared: ["Walk the dog", "2 items left"]),
            Action(kind: .check, time: 7.5, target: Target(role: .checkbox, text: "Buy milk"), value: .flag(true)),
            Action(kind: .click, time: 9.0, target: Target(role: .button, name: "Delete", context: "Walk the dog")),
            Action(kind: .click, time: 10.2, target: Target(role: .tab, text: "Done")),
        ])

    /// Icon buttons showing one glyph, as OCR reads them: a row's "×" read as "x", a drawer's
    /// close "X", a quantity "+" and "-". Not in `all` (no golden files): `SampleScriptsRunTests`
    /// renders it for every target and `BrowserXPathTests` runs its locators in Chromium.
    static let iconGlyphs = ActionTimeline(
        source: source("shop-icon-buttons"), viewport: viewport, startURL: "http://127.0.0.1:8765/shop/",
        actions: [
            Action(kind: .click, time: 1.0, target: Target(role: .button, text: "x", context: "Walk the dog")),
            Action(kind: .click, time: 2.0, target: Target(role: .button, text: "+")),
            Action(kind: .click, time: 3.0, target: Target(role: .button, text: "-")),
            Action(kind: .click, time: 4.0, target: Target(text: "X")),
        ])

    /// A long product page: scrolling, the same "Add to cart" on every card told apart by the card's
    /// title, a button shown in capitals, and a link to checkout.
    static let shopLongPage = ActionTimeline(
        source: source("shop-add-to-cart"), viewport: viewport, startURL: "http://127.0.0.1:8765/shop/",
        actions: [
            Action(kind: .scroll, time: 1.0, value: .pixels(600)),
            Action(kind: .click, time: 2.5, target: Target(role: .button, text: "Add to cart", context: "Titanium Trail Mug"),
                   appeared: ["Added to cart"]),
            Action(kind: .scroll, time: 4.0, target: Target(point: Point(x: 640, y: 400)), value: .pixels(450.5)),
            Action(kind: .click, time: 5.5, target: Target(role: .button, text: "Add to cart", context: "Beacon Headlamp")),
            Action(kind: .scroll, time: 7.0, value: .pixels(-1050)),
            Action(kind: .click, time: 8.0, target: Target(role: .button, text: "CART")),
            Action(kind: .click, time: 9.5, target: Target(role: .link, text: "Go to checkout"),
                   navigatesTo: "http://127.0.0.1:8765/shop/checkout.html"),
            Action(kind: .click, time: 11.0, target: Target(text: "I have a discount code for this order today")),
        ])

    /// Elements with nothing readable: clicks and typing at the recorded position, a step with no
    /// target at all, key chords, a low-confidence step and a key name that is really text.
    static let coordinateFallback = ActionTimeline(
        source: source("canvas-editor"), viewport: Viewport(x: 0, y: 87, width: 1024, height: 640), startURL: nil,
        actions: [
            Action(kind: .goto, time: 0.5, value: .text("https://example.com/canvas?x=1&y=2"),
                   navigatesTo: "https://example.com/canvas?x=1&y=2"),
            Action(kind: .click, time: 2.0, target: Target(box: Box(x: 100, y: 200, width: 40, height: 40),
                                                           point: Point(x: 118.4, y: 221.6))),
            Action(kind: .fill, time: 3.0, target: Target(role: .textbox, text: "Untitled",
                                                          box: Box(x: 300, y: 40, width: 200, height: 30)),
                   value: .text("My drawing")),
            Action(kind: .click, time: 4.0, confidence: 0.3),
            Action(kind: .press, time: 5.0, value: .text("Ctrl+Shift+z")),
            Action(kind: .press, time: 5.5, target: Target(role: .textbox, label: "Layer name"), value: .text("Shift+Tab")),
            Action(kind: .select, time: 6.0, target: Target(role: .combobox, point: Point(x: 900, y: 30)),
                   value: .text("Landscape")),
            Action(kind: .press, time: 7.0, value: .text("hello world")),
            Action(kind: .check, time: 8.0, target: Target(role: .radio, label: "Grid"), value: .flag(false)),
        ])

    /// Actions a live session confirmed, with a locator of every kind: role + name (exact and not),
    /// a row's button scoped by its container, test id, label, placeholder, alt text, title, text
    /// with `nth`, CSS; Selenium id, name, link text, CSS and XPath. One step was corrected, one only
    /// grounded for Playwright (Selenium keeps the video's locator), one has no target from the
    /// video at all, and one stayed offline (its locator must not be used).
    static let liveGrounded = ActionTimeline(
        source: source("ledger-live"), viewport: viewport, startURL: "http://127.0.0.1:8765/ledger/",
        actions: [
            Action(kind: .fill, time: 1.0, target: Target(role: .textbox, label: "Email"), value: .text("ana@example.com"),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .label, value: "Email"),
                                        selenium: SeleniumLocator(by: .id, value: "email"), matchCount: 1, similarity: 0.97)),
            Action(kind: .fill, time: 2.0, target: Target(role: .textbox, label: "Password"), secret: true,
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .testId, value: "password"),
                                        selenium: SeleniumLocator(by: .name, value: "password"))),
            Action(kind: .click, time: 3.0, target: Target(role: .button, name: "Sigm in"),
                   navigatesTo: "http://127.0.0.1:8765/ledger/home.html",
                   grounding: Grounding(status: .corrected, locator: LiveLocator(kind: .role, value: "button", name: "Sign in"),
                                        selenium: SeleniumLocator(by: .css, value: "form > button[type=\"submit\"]"),
                                        corrections: ["name \"Sigm in\" → \"Sign in\" (OCR)"])),
            Action(kind: .click, time: 4.0, target: Target(role: .button, name: "Delete", context: "Buy milk"),
                   grounding: Grounding(status: .verified,
                                        locator: LiveLocator(kind: .role, value: "button", name: "Delete",
                                                             scope: LiveScope(css: "li", hasText: "Buy milk")),
                                        selenium: SeleniumLocator(by: .xpath, value: "//li[.//text()='Buy milk']//button"))),
            Action(kind: .click, time: 5.0, target: Target(role: .link, text: "Go to checkout"),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .role, value: "link", name: "checkout", exact: false),
                                        selenium: SeleniumLocator(by: .linkText, value: "Go to checkout"))),
            Action(kind: .click, time: 6.0, target: Target(text: "Add to cart"),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .text, value: "Add to cart", nth: 2))),
            Action(kind: .fill, time: 7.0, target: Target(role: .textbox, placeholder: "Search invoices"), value: .text("March"),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .placeholder, value: "Search invoices"))),
            Action(kind: .click, time: 8.0, target: Target(role: .img, name: "Company logo"),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .altText, value: "Company logo"))),
            Action(kind: .click, time: 9.0, target: Target(role: .button, text: "?"),
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .title, value: "Help", exact: false))),
            Action(kind: .click, time: 10.0,
                   grounding: Grounding(status: .verified, locator: LiveLocator(kind: .css, value: "#menu > .avatar"),
                                        selenium: SeleniumLocator(by: .css, value: "#menu > .avatar"))),
            Action(kind: .click, time: 11.0, target: Target(role: .tab, text: "Settings"),
                   grounding: Grounding(status: .offline, locator: LiveLocator(kind: .css, value: "#never-used"),
                                        note: "grounding stopped before this step")),
        ])

    /// Pointer gestures and keys: a double click on a cell and at a point, a hover that opens a
    /// menu and one at a point, a switch turned on and off, and keys that go to the focused
    /// element (Escape, Tab, an arrow, Control+A) or to a field.
    static let pointerAndKeys = ActionTimeline(
        source: source("sheet-keys"), viewport: viewport, startURL: "http://127.0.0.1:8765/sheet/",
        actions: [
            Action(kind: .dblclick, time: 1.0, target: Target(role: .gridcell, name: "Q3 total")),
            Action(kind: .press, time: 1.5, value: .text("Control+A")),
            Action(kind: .press, time: 2.0, target: Target(role: .textbox, label: "Cell value"), value: .text("ctrl+a")),
            Action(kind: .press, time: 2.5, value: .text("Escape")),
            Action(kind: .dblclick, time: 3.0, target: Target(point: Point(x: 420, y: 310))),
            Action(kind: .hover, time: 4.0, target: Target(role: .menuitem, name: "Account")),
            Action(kind: .click, time: 4.5, target: Target(role: .menuitem, name: "Preferences")),
            Action(kind: .hover, time: 5.0, target: Target(box: Box(x: 600, y: 40, width: 20, height: 20))),
            Action(kind: .check, time: 6.0, target: Target(role: .switch, label: "Dark mode"), value: .flag(true)),
            Action(kind: .check, time: 7.0, target: Target(role: .switch, name: "Email alerts"), value: .flag(false)),
            Action(kind: .press, time: 8.0, value: .text("Tab")),
            Action(kind: .press, time: 8.5, value: .text("ArrowDown")),
            Action(kind: .press, time: 9.0, value: .text("Shift+Tab")),
        ])
}
