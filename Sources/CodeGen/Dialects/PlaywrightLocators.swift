import ScreenCore

/// Playwright locator expressions in Python or TypeScript syntax.
struct PlaywrightLocators {
    enum Language { case python, typeScript }
    let language: Language

    func literal(_ s: String) -> String {
        language == .python ? PythonLiteral.string(s) : JavaScriptLiteral.string(s)
    }

    /// `page.get_by_role("button", name="Sign in", exact=True)`, narrowed to the innermost element
    /// holding the context text when there is one:
    /// `page.locator("*").filter(has_text=re.compile("Blue Mug")).filter(has=page.get_by_role(…)).last.get_by_role(…)`.
    /// `*` rather than a list of container tags keeps rows, cards, cells and custom elements alike;
    /// every match lies on the chain of ancestors of the context text, so `.last` (document order)
    /// is the innermost.
    func expression(_ l: ElementLocator) -> String {
        // Text also matches hidden copies (a closed dialog's title): only what is shown counts,
        // as in the recording.
        var visible = ""
        if case .text = l.query { visible = language == .python ? ".filter(visible=True)" : ".filter({ visible: true })" }
        guard let context = l.context else { return on("page", l.query) + visible }
        // (Inside a card or a row a button is a button: tabs and menu items come without context,
        // so only a toggle keeps its look-alike there — and the line stays readable.)
        let inside = Self.lookAlikeInContainer
        let holds = contextText(context, matchingCase: l.contextMatchesCase)
        let container = switch language {
        case .python: "page.locator(\"*\").filter(has_text=\(holds)).filter(has=\(on("page", l.query, lookAlike: inside))).last"
        case .typeScript: "page.locator('*').filter({ hasText: \(holds) }).filter({ has: \(on("page", l.query, lookAlike: inside)) }).last()"
        }
        return on(container, l.query, lookAlike: inside) + visible
    }

    /// The `has_text` argument for a container's context: a string (substring, any case), or with
    /// its case a pattern (`re.compile("Caching")`, `/Caching/`), so that prose elsewhere
    /// ("routing and caching") holding the same word in small letters does not hold it.
    func contextText(_ context: String, matchingCase: Bool) -> String {
        guard matchingCase else { return literal(context) }
        switch language {
        case .python: return "re.compile(\(literal(RegexPattern.substring(context))))"
        case .typeScript: return RegexPattern.javaScriptSubstringLiteral(context)
        }
    }

    /// The query called on `receiver`. A video shows that something looks like a button, not
    /// whether the page calls it a button or a tab (a segmented control, a tab strip): a button
    /// is found under either role, `get_by_role("button", …).or_(get_by_role("tab", …))`.
    /// Likewise a small toggle is a checkbox or a radio: rounded squares and circles are hard to
    /// tell apart at screen size, so each is found under either role.
    func on(_ receiver: String, _ q: ElementQuery, lookAlike: [Role: [Role]] = Self.lookAlike) -> String {
        guard case .role(let role, let name, let match) = q, let others = lookAlike[role] else { return "\(receiver).\(query(q))" }
        let or = language == .python ? "or_" : "or"
        return others.reduce("\(receiver).\(query(q))") { expr, other in
            "\(expr).\(or)(\(receiver).\(query(.role(other, name: name, match: match))))"
        }
    }

    /// Roles a video cannot tell apart, each with those it is also looked for as (a button may be
    /// a tab or a menu's item; a ticked control a checkbox or a radio).
    /// A switch is often a checkbox drawn as a pill, so it is also looked for as a checkbox.
    static let lookAlike: [Role: [Role]] = [.button: [.tab, .menuitem], .checkbox: [.radio], .radio: [.checkbox],
                                            .switch: [.checkbox]]
    /// The look-alikes still looked for inside a container (a card, a row): toggles only.
    static let lookAlikeInContainer: [Role: [Role]] = [.checkbox: [.radio], .radio: [.checkbox], .switch: [.checkbox]]

    /// A locator the live app verified, exactly as it was verified: no look-alike roles, no
    /// patterns, no visibility filter. `page.get_by_role("button", name="Sign in", exact=True)`,
    /// scoped as `page.locator("li").filter(has_text="Buy milk").get_by_role(…)`, then `.nth(n)`.
    func live(_ l: LiveLocator) -> String {
        let py = language == .python
        var receiver = "page"
        if let scope = l.scope {
            receiver = "page.locator(\(literal(scope.css)))"
            receiver += py ? ".filter(has_text=\(literal(scope.hasText)))" : ".filter({ hasText: \(literal(scope.hasText)) })"
        }
        let exact: String? = l.exact ? (py ? "exact=True" : "exact: true") : nil
        func call(_ pyName: String, _ tsName: String, _ value: String, exact: String?) -> String {
            guard let exact else { return "\(py ? pyName : tsName)(\(literal(value)))" }
            return py ? "\(pyName)(\(literal(value)), \(exact))" : "\(tsName)(\(literal(value)), { \(exact) })"
        }
        let query: String
        switch l.kind {
        case .testId: query = call("get_by_test_id", "getByTestId", l.value, exact: nil)
        case .role:
            if let name = l.name {
                let options = [py ? "name=\(literal(name))" : "name: \(literal(name))"] + (exact.map { [$0] } ?? [])
                query = py ? "get_by_role(\(literal(l.value)), \(options.joined(separator: ", ")))"
                    : "getByRole(\(literal(l.value)), { \(options.joined(separator: ", ")) })"
            } else {
                query = call("get_by_role", "getByRole", l.value, exact: nil)
            }
        case .label: query = call("get_by_label", "getByLabel", l.value, exact: exact)
        case .placeholder: query = call("get_by_placeholder", "getByPlaceholder", l.value, exact: exact)
        case .altText: query = call("get_by_alt_text", "getByAltText", l.value, exact: exact)
        case .title: query = call("get_by_title", "getByTitle", l.value, exact: exact)
        case .text: query = call("get_by_text", "getByText", l.value, exact: exact)
        case .css: query = call("locator", "locator", l.value, exact: nil)
        }
        var expression = "\(receiver).\(query)"
        if let n = l.nth { expression += ".nth(\(n))" }
        return expression
    }

    /// The query method call, without the `page.` receiver.
    func query(_ q: ElementQuery) -> String {
        switch q {
        case .role(let role, let name, let match):
            return call("get_by_role", "getByRole", literal(role.rawValue), name: (name, match))
        case .placeholder(let text, let match):
            return call("get_by_placeholder", "getByPlaceholder", text: (text, match))
        case .label(let text, let match):
            return call("get_by_label", "getByLabel", text: (text, match))
        case .text(let text, let match):
            // Text also matches hidden copies (a closed dialog's title): only what is shown counts,
            // as in the recording.
            return call("get_by_text", "getByText", text: (text, match))
        }
    }

    /// `get_by_text(...)` for a visibility check: substring, ignoring case, first visible match.
    func visibleText(_ text: String) -> String {
        switch language {
        case .python: "page.get_by_text(\(literal(text))).filter(visible=True).first"
        case .typeScript: "page.getByText(\(literal(text))).filter({ visible: true }).first()"
        }
    }

    /// Whether a query needs a regular expression: a whole text ignoring case, or several spellings.
    static func needsRegex(_ match: TextMatch) -> Bool {
        (match.whole && match.ignoringCase) || !match.alternatives.isEmpty
    }

    /// A text argument: a literal, a case-insensitive whole-text pattern, or a pattern matching
    /// any spelling (`re.compile("^\\s*(?:×|✕|✖|x|X)\\s*$")`, `/^\s*(?:×|✕|✖|x|X)\s*$/`).
    private func text(_ value: String, _ match: TextMatch) -> String {
        guard Self.needsRegex(match) else { return literal(value) }
        if !match.alternatives.isEmpty {
            let spellings = match.spellings(value)
            switch language {
            case .python:
                let pattern = literal(RegexPattern.anyOf(spellings, whole: match.whole))
                return match.ignoringCase ? "re.compile(\(pattern), re.IGNORECASE)" : "re.compile(\(pattern))"
            case .typeScript:
                return RegexPattern.javaScriptLiteral(anyOf: spellings, whole: match.whole, ignoringCase: match.ignoringCase)
            }
        }
        switch language {
        case .python: return "re.compile(\(literal(RegexPattern.wholeText(value))), re.IGNORECASE)"
        case .typeScript: return RegexPattern.javaScriptLiteralIgnoringCase(value)
        }
    }

    private func call(_ py: String, _ ts: String, _ first: String? = nil, name: (String, TextMatch)? = nil,
                      text positional: (String, TextMatch)? = nil) -> String {
        let match = name?.1 ?? positional?.1 ?? .substring
        let exact = match.whole && !Self.needsRegex(match)
        var args: [String] = []
        if let first { args.append(first) }
        if let (value, m) = positional { args.append(text(value, m)) }
        switch language {
        case .python:
            if let (value, m) = name { args.append("name=\(text(value, m))") }
            if exact { args.append("exact=True") }
            return "\(py)(\(args.joined(separator: ", ")))"
        case .typeScript:
            var options: [String] = []
            if let (value, m) = name { options.append("name: \(text(value, m))") }
            if exact { options.append("exact: true") }
            if !options.isEmpty { args.append("{ \(options.joined(separator: ", ")) }") }
            return "\(ts)(\(args.joined(separator: ", ")))"
        }
    }
}
