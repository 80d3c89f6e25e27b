/// Values for `selenium-python.mustache` and `selenium-java.mustache`.
///
/// Selenium does not wait by itself, so every element is fetched through `WebDriverWait` with
/// `expected_conditions` (clickable before clicks and fills, URL after navigations, visible for
/// texts that appeared); there are no fixed sleeps. Locators are XPath (`SeleniumXPath`).
struct SeleniumDialect: Dialect {
    enum Language { case python, java }
    let language: Language

    func literal(_ s: String) -> String {
        language == .python ? PythonLiteral.string(s) : JavaLiteral.string(s)
    }

    func comment(_ s: String) -> String { CommentText.make(s, for: language == .python ? .python : .java) }

    func context(for plan: ScriptPlan, options: RenderOptions) -> [String: Any] {
        let steps = StepContexts(comment: comment, operations: operations).make(plan)
        var root: [String: Any] = [
            "title": comment(plan.title),
            "className": JavaNames.className(plan.title),
            "steps": steps,
            "timeout": max(1, options.timeoutSeconds),
            "hasSecrets": !plan.secrets.isEmpty,
            "secrets": plan.secretEntries(comment: comment),
            "secretList": plan.secrets.map { literal($0.name) }.joined(separator: ", "),
            "usesKeys": StepContexts.any(plan) {
                if case .press = $0 { return true }
                return false
            },
            "usesSelect": StepContexts.any(plan) {
                if case .select(.element, _) = $0 { return true }
                return false
            },
            "usesActionChains": StepContexts.any(plan) {
                switch $0 {
                case .press(_, nil), .type(_, nil): return true
                default: return false
                }
            },
            "usesPointer": StepContexts.any(plan) { $0.usesPoint },
        ]
        if let r = plan.recording { root["recording"] = comment(r) }
        return root
    }

    func value(_ text: FillText) -> String {
        switch (text, language) {
        case (.literal(let s), _): literal(s)
        case (.secret(let name), .python): "os.environ[\(literal(name))]"
        case (.secret(let name), .java): "System.getenv(\(literal(name)))"
        }
    }

    func xpath(_ l: ElementLocator) -> String { literal(SeleniumXPath.locate(l)) }

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
            return placed(p) { ["click": ["xpath": $0]] }
        case .fill(let p, let text):
            switch p {
            case .element(let l): return [["fill": ["xpath": xpath(l), "value": value(text)]]]
            case .point(let pt, _): return [["fillAt": ["x": pt.x, "y": pt.y, "value": value(text)]]]
            case .nowhere: return []
            }
        case .press(let chord, let on):
            if let on { return [["press": ["xpath": xpath(on), "keys": keys(chord)]]] }
            return [["pressPage": ["chain": chain(chord)]]]
        case .type(let text, let on):
            if let on { return [["typeInto": ["xpath": xpath(on), "text": literal(text)]]] }
            let send = language == .python ? "send_keys" : "sendKeys"
            return [["pressPage": ["chain": ".\(send)(\(literal(text)))"]]]
        case .select(let p, let option):
            switch p {
            case .element(let l): return [["select": ["xpath": xpath(l), "option": literal(option)]]]
            case .point(let pt, _):
                return [["clickAt": ["x": pt.x, "y": pt.y]],
                        ["note": ["text": comment("Choose \"\(option)\" in the list that opens: it could not be located.")]]]
            case .nowhere: return []
            }
        case .check(let p, let checked, _):
            return placed(p) { [checked ? "check" : "uncheck": ["xpath": $0]] }
        case .scroll(let dy, _):
            return [["scroll": ["dy": String(Int(dy.rounded()))]]]
        case .expectURL(let url):
            // As for Playwright: the address must start with what was read off the screen.
            return [["expectURL": ["url": literal(RegexPattern.prefix(url))]]]
        case .expectText(let text):
            return [["expectText": ["xpath": literal(SeleniumXPath.visibleText(text))]]]
        case .note(let text):
            return [["note": ["text": comment(text)]]]
        }
    }

    private func placed(_ p: Placement, _ make: (String) -> [String: Any]) -> [[String: Any]] {
        switch p {
        case .element(let l): [make(xpath(l))]
        case .point(let pt, _): [["clickAt": ["x": pt.x, "y": pt.y]]]
        case .nowhere: []
        }
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
