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
        ("coordinate-fallback", coordinateFallback),
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
}
