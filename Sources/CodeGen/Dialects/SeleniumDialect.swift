import ScreenCore

/// Values for `selenium-python.mustache` and `selenium-java.mustache`.
///
/// Selenium does not wait by itself, so every element is fetched through `WebDriverWait` with
/// `expected_conditions` (clickable before clicks and fills, URL after navigations, visible for
/// texts that appeared); there are no fixed sleeps. Locators are XPath (`SeleniumXPath`).
struct SeleniumDialect: Dialect, PlacementResolving {
    enum Language { case python, java }
    let language: Language

    func literal(_ s: String) -> String {
        language == .python ? PythonLiteral.string(s) : JavaLiteral.string(s)
    }

    func comment(_ s: String) -> String { CommentText.make(s, for: language == .python ? .python : .java) }

    func context(for plan: ScriptPlan, options: RenderOptions) -> [String: Any] {
        let steps = StepContexts(comment: comment, operations: operations).make(plan)
        let ops = plan.steps.flatMap(\.operations)
        let resolved = ops.compactMap { $0.placement.map(resolve) }
        let fallbacks = ops.contains { op in op.placement.map { fallback($0) != nil } ?? false }
        let focused = ops.contains {
            switch $0 {
            case .press(_, let on), .type(_, let on): return locator(on) == nil
            default: return false
            }
        }
        let chains = ops.contains {
            switch $0 {
            case .dblclick(let p), .hover(let p): if case .locator = resolve(p) { return true } else { return false }
            default: return false
            }
        }
        var root: [String: Any] = [
            "title": comment(plan.title),
            "className": JavaNames.className(plan.title),
            "steps": steps,
            "timeout": max(1, options.timeoutSeconds),
            "hasSecrets": !plan.secrets.isEmpty,
            "secrets": plan.secretEntries(comment: comment),
            "secretList": plan.secrets.map { literal($0.name) }.joined(separator: ", "),
            "usesKeys": ops.contains {
                // A fill empties its field with keys (Control+A, Backspace).
                switch $0 { case .press, .fill: return true
                default: return false }
            },
            "usesSelect": ops.contains {
                if case .select(let p, _) = $0, case .locator = resolve(p) { return true }
                return false
            },
            "usesActionChains": focused || chains,
            "usesPointer": resolved.contains { if case .point = $0 { return true } else { return false } } || fallbacks,
            "usesFallback": fallbacks,
            "usesSetChecked": ops.contains {
                if case .check(let p, _, _) = $0, case .locator = resolve(p) { return true }
                return false
            },
            "usesSetValue": ops.contains {
                if case .fill(_, let text) = $0 { return Self.setsValue(text) }
                return false
            },
        ]
        root.merge(helperCalls.context(xpathCalls(plan))) { $1 }
        if let r = plan.recording { root["recording"] = comment(r) }
        if let v = plan.viewport, v.width > 0, v.height > 0 { root["viewport"] = ["width": v.width, "height": v.height] }
        return root
    }

    var helperCalls: SeleniumHelperCalls { SeleniumHelperCalls(language: language) }

    /// The helper calls the script makes, for deciding which helpers it defines.
    func xpathCalls(_ plan: ScriptPlan) -> [XPathCall] {
        var calls = plan.elements.compactMap { e -> XPathCall? in
            guard e.selenium == nil, let l = e.offline else { return nil }
            return XPathCall.make(l)
        }
        for case .expectText(let text) in plan.steps.flatMap(\.operations) { calls.append(Self.visibleText(text)) }
        return calls
    }

    /// Texts that appeared: the innermost elements holding the text, as a substring ignoring case
    /// (`SeleniumXPath.visibleText`).
    static func visibleText(_ text: String) -> XPathCall { .text(text, match: .substring) }

    /// Whether a typed value has the form of a date, time, month, week, local date-time or colour
    /// input's value (`2027-05-09`, `14:30`, `#1a2b3c`…). Keys cannot type such a value into those
    /// inputs the same way in every locale (Chrome reads "2027-05-09" typed into a date input as
    /// month, day and year segments), so the script sets it as Playwright's `fill` does — when the
    /// field is such an input at run time; into any other field it is typed.
    static func setsValue(_ text: FillText) -> Bool {
        guard case .literal(let s) = text else { return false }
        return s.wholeMatch(of: #/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?|\d{2}:\d{2}(:\d{2})?|\d{4}-(\d{2}|W\d{2})|#[0-9a-fA-F]{6}/#) != nil
    }

    func value(_ text: FillText) -> String {
        switch (text, language) {
        case (.literal(let s), _): literal(s)
        case (.secret(let name), .python): "os.environ[\(literal(name))]"
        case (.secret(let name), .java): "System.getenv(\(literal(name)))"
        }
    }

    /// A locator expression: a `(By.X, value)` tuple in Python, a `By` in Java.
    func by(_ strategy: SeleniumLocator.Strategy, _ value: String) -> String {
        switch language {
        case .python:
            let constant = switch strategy {
            case .id: "ID"
            case .name: "NAME"
            case .linkText: "LINK_TEXT"
            case .css: "CSS_SELECTOR"
            case .xpath: "XPATH"
            }
            return "(By.\(constant), \(literal(value)))"
        case .java:
            let method = switch strategy {
            case .id: "id"
            case .name: "name"
            case .linkText: "linkText"
            case .css: "cssSelector"
            case .xpath: "xpath"
            }
            return "By.\(method)(\(literal(value)))"
        }
    }

    /// The video's query as a helper call (`by_role("button", "Sign in")`), or its XPath inlined.
    func offline(_ l: ElementLocator) -> String {
        guard let call = XPathCall.make(l) else { return by(.xpath, SeleniumXPath.locate(l)) }
        let expression = helperCalls.expression(call)
        return language == .python ? expression : "By.xpath(\(expression))"
    }

    func isVerified(_ e: ElementRef) -> Bool { e.selenium != nil }

    /// Selenium's locator for an element: the live app's, else the video's.
    func locator(for e: ElementRef) -> String? {
        if let s = e.selenium { return by(s.by, s.value) }
        return e.offline.map(offline)
    }

    /// Keys for `send_keys` on an element: `Keys.ENTER`, `"a"`, `Keys.CONTROL + "a"` (Python) or
    /// `Keys.chord(Keys.CONTROL, "a")` (Java).
    func keys(_ chord: KeyChord) -> String {
        let parts = (chord.modifiers + [chord.key]).map(key)
        if parts.count == 1 { return parts[0] }
        return language == .python ? parts.joined(separator: " + ") : "Keys.chord(\(parts.joined(separator: ", ")))"
    }

    /// Key presses on whatever has focus, as an action chain: `.key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL)`.
    func chain(_ chord: KeyChord) -> String {
        let (down, send, up) = language == .python ? ("key_down", "send_keys", "key_up") : ("keyDown", "sendKeys", "keyUp")
        let mods = chord.modifiers.map(key)
        return mods.map { ".\(down)(\($0))" }.joined() + ".\(send)(\(key(chord.key)))"
            + mods.reversed().map { ".\(up)(\($0))" }.joined()
    }

    private func key(_ name: String) -> String {
        if let constant = KeyNames.selenium[name] { return "Keys.\(constant)" }
        return literal(name)
    }

    func operations(_ op: Operation) -> [[String: Any]] {
        switch op {
        case .goto(let url):
            return [["goto": ["url": literal(url)]]]
        case .click(let p):
            return placed(p, "click", at: "clickAt")
        case .dblclick(let p):
            return placed(p, "dblclick", at: "dblclickAt")
        case .hover(let p):
            return placed(p, "hover", at: "hoverAt")
        case .fill(let p, let text):
            let sets = Self.setsValue(text)
            switch resolve(p) {
            case .locator(let l): return [["fill": withFallback(["locator": l, "value": value(text), "setsValue": sets], p)]]
            case .point(let pt): return [["fillAt": ["x": pt.x, "y": pt.y, "value": value(text), "setsValue": sets]]]
            case .none: return []
            }
        case .press(let chord, let on):
            if let l = locator(on) { return [["press": ["locator": l, "keys": keys(chord)]]] }
            return [["pressPage": ["chain": chain(chord)]]]
        case .type(let text, let on):
            if let l = locator(on) { return [["typeInto": ["locator": l, "text": literal(text)]]] }
            let send = language == .python ? "send_keys" : "sendKeys"
            return [["pressPage": ["chain": ".\(send)(\(literal(text)))"]]]
        case .select(let p, let option):
            switch resolve(p) {
            // (Falls back as in `PlaywrightDialect`: the `<select>` at the recorded point, else a click there.)
            case .locator(let l): return [["select": withFallback(["locator": l, "option": literal(option)], p)]]
            case .point(let pt):
                return [["clickAt": ["x": pt.x, "y": pt.y]],
                        ["note": ["text": comment("Choose \"\(option)\" in the list that opens: it could not be located.")]]]
            case .none: return []
            }
        case .check(let p, let checked, _):
            return placed(p, checked ? "check" : "uncheck", at: "clickAt")
        case .scroll(let dy, _):
            return [["scroll": ["dy": String(Int(dy.rounded()))]]]
        case .expectURL(let url):
            // As for Playwright: the address must start with what was read off the screen.
            return [["expectURL": ["url": literal(RegexPattern.prefix(url))]]]
        case .expectText(let text):
            let expression = helperCalls.expression(Self.visibleText(text))
            return [["expectText": ["locator": language == .python ? expression : "By.xpath(\(expression))"]]]
        case .note(let text):
            return [["note": ["text": comment(text)]]]
        }
    }

    /// An element operation (`{kind: {locator}}`), or the pointer's version at the recorded point.
    private func placed(_ p: Placement, _ kind: String, at: String) -> [[String: Any]] {
        switch resolve(p) {
        case .locator(let l): [[kind: withFallback(["locator": l], p)]]
        case .point(let pt): [[at: ["x": pt.x, "y": pt.y]]]
        case .none: []
        }
    }

    /// An element operation's values with `orAt: {x, y}` when it falls back to the recorded point
    /// (`PlacementResolving.fallback`).
    private func withFallback(_ values: [String: Any], _ p: Placement) -> [String: Any] {
        guard let pt = fallback(p) else { return values }
        return values.merging(["orAt": ["x": pt.x, "y": pt.y]]) { $1 }
    }
}

/// Java identifiers from free text.
enum JavaNames {
    /// `todo-add-items` → `TodoAddItemsTest`; never empty, never starting with a digit.
    static func className(_ title: String) -> String {
        var name = ""
        var upperNext = true
        for s in title.unicodeScalars {
            if s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) {
                name += upperNext ? String(s).uppercased() : String(s)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        if name.isEmpty { name = "RecordedSession" }
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "Recording" + name }
        if name.count > 60 { name = String(name.prefix(60)) }
        return name.hasSuffix("Test") ? name : name + "Test"
    }
}
