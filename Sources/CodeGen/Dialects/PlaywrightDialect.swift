/// Values for `playwright-python.mustache` and `playwright-ts.mustache`.
///
/// Playwright waits for elements itself, so no waits are emitted; after a navigation the script
/// waits with `expect(page).to_have_url(…)`, and texts that appeared are checked with
/// `expect(…).to_be_visible()`.
struct PlaywrightDialect: Dialect, PlacementResolving {
    let locators: PlaywrightLocators
    var language: PlaywrightLocators.Language { locators.language }

    init(_ language: PlaywrightLocators.Language) { locators = PlaywrightLocators(language: language) }

    func context(for plan: ScriptPlan, options: RenderOptions) -> [String: Any] {
        let steps = StepContexts(comment: comment, operations: operations).make(plan)
        var root: [String: Any] = [
            "title": comment(plan.title),
            "titleLiteral": locators.literal(plan.title),
            "steps": steps,
            "hasSecrets": !plan.secrets.isEmpty,
            "secrets": plan.secretEntries(comment: comment),
            "secretList": "[" + plan.secrets.map { locators.literal($0.name) }.joined(separator: ", ") + "]",
            "usesFallback": StepContexts.any(plan) { op in op.placement.map { fallback($0) != nil } ?? false },
            "usesRegex": plan.expectsURL || plan.elements.contains {
                guard $0.live == nil, let l = $0.offline else { return false }
                return PlaywrightLocators.needsRegex(l.query.match) || (l.context != nil && l.contextMatchesCase)
            },
        ]
        if let r = plan.recording { root["recording"] = comment(r) }
        if let v = plan.viewport, v.width > 0, v.height > 0 {
            root["viewport"] = ["width": v.width, "height": v.height]
            // Python's dict braces would sit against the template's `}}`, so the argument is built here.
            root["viewportArgument"] = "viewport={\"width\": \(v.width), \"height\": \(v.height)}"
        }
        return root
    }

    func comment(_ s: String) -> String {
        CommentText.make(s, for: language == .python ? .python : .javaScript)
    }

    /// The expression a fill types: a literal, or the secret's environment variable (checked to be
    /// set when the script starts).
    func value(_ text: FillText) -> String {
        switch (text, language) {
        case (.literal(let s), _): locators.literal(s)
        case (.secret(let name), .python): "os.environ[\(locators.literal(name))]"
        case (.secret(let name), .typeScript): "process.env.\(name) ?? ''"
        }
    }

    func isVerified(_ e: ElementRef) -> Bool { e.live != nil }

    /// Playwright's locator for an element: the live app's, else the video's.
    func locator(for e: ElementRef) -> String? {
        if let live = e.live { return locators.live(live) }
        return e.offline.map(locators.expression)
    }

    func operations(_ op: Operation) -> [[String: Any]] {
        let lit = locators.literal
        switch op {
        case .goto(let url):
            return [["goto": ["url": lit(url)]]]
        case .click(let p):
            return placed(p, "click", at: "clickAt")
        case .dblclick(let p):
            return placed(p, "dblclick", at: "dblclickAt")
        case .hover(let p):
            return placed(p, "hover", at: "hoverAt")
        case .fill(let p, let text):
            switch resolve(p) {
            case .locator(let l): return [["fill": withFallback(["locator": l, "value": value(text)], p)]]
            case .point(let pt): return [["fillAt": ["x": pt.x, "y": pt.y, "value": value(text)]]]
            case .none: return []
            }
        case .press(let chord, let on):
            if let l = locator(on) { return [["press": ["locator": l, "key": lit(chord.playwright)]]] }
            return [["pressPage": ["key": lit(chord.playwright)]]]
        case .type(let text, let on):
            if let l = locator(on) { return [["typeInto": ["locator": l, "text": lit(text)]]] }
            return [["typePage": ["text": lit(text)]]]
        case .select(let p, let option):
            switch resolve(p) {
            // (Falls back to the `<select>` at the recorded point, or a click there when what is
            // there is no `<select>`: a name misread, or a click on a button read as a choice.)
            case .locator(let l): return [["select": withFallback(["locator": l, "option": lit(option)], p)]]
            case .point(let pt):
                return [["clickAt": ["x": pt.x, "y": pt.y]],
                        ["note": ["text": comment("Choose \"\(option)\" in the list that opens: it could not be located.")]]]
            case .none: return []
            }
        case .check(let p, let checked, _):
            return placed(p, checked ? "check" : "uncheck", at: "clickAt")
        case .scroll(let dy, let at):
            var scroll: [String: Any] = ["dy": Describe.number(dy)]
            if let at { scroll["at"] = ["x": at.x, "y": at.y] }
            return [["scroll": scroll]]
        case .expectURL(let url):
            // The address was read off the screen, where its end can be cut or misread by a letter
            // ("confirm.htm"): the page's address must start with what was read.
            let pattern = language == .python ? "re.compile(\(lit(RegexPattern.prefix(url))))" : RegexPattern.javaScriptPrefixLiteral(url)
            return [["expectURL": ["url": pattern]]]
        case .expectText(let text):
            return [["expectText": ["locator": locators.visibleText(text)]]]
        case .note(let text):
            return [["note": ["text": comment(text)]]]
        }
    }

    /// An element operation (`{kind: {locator}}`), or the pointer's version at the recorded point
    /// (`{at: {x, y}}`).
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
