import ScreenCore

/// XPath 1.0 equivalents of Playwright's user-facing locators, for Selenium.
///
/// Text is compared through `normalize-space()` against the value with its whitespace collapsed the
/// same way; values are quoted with `XPathLiteral` (the caller then wraps the whole expression in
/// the host language's string literal). Ids are never guessed: labels are followed through `for`,
/// wrapping `<label>`s and `aria-label`.
enum SeleniumXPath {
    /// The full expression for an element, narrowed to the innermost container holding the
    /// context text when there is one.
    static func locate(_ l: ElementLocator) -> String {
        let step = self.step(l.query, role: l.role)
        if let context = l.context {
            let holds = l.contextMatchesCase ? containsWithCase(context) : compare("", context, .substring)
            return "//*[\(holds)][.//\(step)][not(.//*[\(holds)][.//\(step)])]//\(step)"
        }
        if case .label(let text, let match) = l.query, l.role?.isField ?? true {
            // A label shown beside a field but not tied to it by `for`: take the next field after it.
            let next = "//label[\(compare("", text, match))]/following::*[\(fieldTest)][1]"
            return "(//\(step) | \(next))[1]"
        }
        return "//\(step)"
    }

    /// `contains(normalize-space(), 'text')`: the context node's text holds `text` with its case
    /// (a container's context shown in small letters; see `ElementLocator.contextMatchesCase`).
    static func containsWithCase(_ text: String) -> String {
        "contains(normalize-space(), \(XPathLiteral.string(XPathLiteral.normalizeSpace(text))))"
    }

    /// The innermost elements holding `text` (substring, ignoring case, as Playwright's
    /// `get_by_text` does), for waiting until it is visible.
    static func visibleText(_ text: String) -> String {
        let c = compare("", text, TextMatch(whole: false, ignoringCase: true))
        return "//*[\(c)][not(.//*[\(c)])]"
    }

    /// One location step (`*[…][…]`) matching the query.
    static func step(_ q: ElementQuery, role: Role?) -> String {
        switch q {
        case .role(let r, let name, let match):
            return "*[\(roleTest(r))][\(nameTest(r, name, match))]"
        case .placeholder(let text, let match):
            return "*[\(compare("@placeholder", text, match))]"
        case .label(let text, let match):
            let test = role.map(roleTest) ?? fieldTest
            return "*[\(test)][\(labelled(text, match))]"
        case .text(let text, let match):
            let c = compare("", text, match)
            return "*[\(c)][not(.//*[\(c)])]"
        }
    }

    static let fieldTest = "self::input[not(@type='hidden')] or self::textarea or self::select"

    /// Elements that have the role, natively or through `role=`.
    static func roleTest(_ role: Role) -> String {
        switch role {
        case .button:
            "self::button or @role='button' or @type='submit' or @type='button'"
        case .link: "self::a or @role='link'"
        case .textbox:
            "self::textarea or @role='textbox' or @role='searchbox' or @contenteditable='true' or self::input[not(@type) or "
                + "@type='text' or @type='email' or @type='password' or @type='search' or @type='tel' or @type='url' or @type='number']"
        // A small toggle in the video may be either kind (see `PlaywrightLocators.lookAlike`).
        case .checkbox, .radio:
            "self::input[@type='checkbox'] or @role='checkbox' or @role='switch' or self::input[@type='radio'] or @role='radio'"
        // A switch is often a checkbox drawn as a pill.
        case .switch: "@role='switch' or self::input[@type='checkbox'] or @role='checkbox'"
        case .combobox: "self::select or @role='combobox' or self::input[@list]"
        case .tab: "@role='tab'"
        case .menuitem: "@role='menuitem' or @role='menuitemcheckbox' or @role='menuitemradio'"
        case .heading: "self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading'"
        case .option: "self::option or @role='option'"
        case .searchbox: "@role='searchbox' or self::input[@type='search']"
        case .spinbutton: "@role='spinbutton' or self::input[@type='number']"
        case .slider: "@role='slider' or self::input[@type='range']"
        case .listbox: "@role='listbox' or self::select[@multiple or @size>1] or self::datalist"
        case .menuitemcheckbox: "@role='menuitemcheckbox'"
        case .menuitemradio: "@role='menuitemradio'"
        case .treeitem: "@role='treeitem'"
        case .gridcell: "@role='gridcell' or self::td"
        case .cell: "@role='cell' or @role='gridcell' or self::td"
        case .row: "@role='row' or self::tr"
        case .img: "@role='img' or self::img"
        }
    }

    /// How an element of the role gets its accessible name: its text, `aria-label`, a `value`
    /// (input buttons), or a label (fields).
    ///
    /// XPath cannot leave out `aria-hidden` text, so `<button>Cart<span aria-hidden="true">2</span>`
    /// reads "Cart2": an element whose text node alone equals the name is accepted as well, but only
    /// when no element of the role matches exactly (so "Delete" never picks "Delete account" over a
    /// real "Delete").
    static func nameTest(_ role: Role, _ name: String, _ match: TextMatch) -> String {
        let text = compare("", name, match), aria = compare("@aria-label", name, match)
        if role.isField { return labelled(name, match) + " or " + compare("@placeholder", name, match) }
        if role.isToggle { return labelled(name, match) + " or " + text }
        let exact = switch role {
        case .button: [text, compare("@value", name, match), aria].joined(separator: " or ")
        case .img: [compare("@alt", name, match), aria].joined(separator: " or ")
        default: "\(text) or \(aria)"
        }
        guard match.whole else { return exact }
        return "\(exact) or (.//text()[\(text)] and not(//*[\(roleTest(role))][\(exact)]))"
    }

    /// A field labelled `text`: `aria-label`, `<label for=…>`, a wrapping `<label>` holding the text
    /// (compared per text node: the label's full text also holds the field's own, e.g. a select's
    /// options, or a hint), or `aria-labelledby` naming one element with the text.
    static func labelled(_ text: String, _ match: TextMatch) -> String {
        let c = compare("", text, match)
        return "\(compare("@aria-label", text, match)) or @id=//label[\(c)]/@for or ancestor::label[\(c) or .//text()[\(c)]] "
            + "or @aria-labelledby=//*[\(c)]/@id"
    }

    /// `normalize-space(expr)` compared with `value` as `match` says: `expr` is "" for the context
    /// node's text, or `@attr`. With alternative spellings, one comparison per spelling joined by
    /// `or`, in parentheses so the result stays one operand wherever it is placed.
    static func compare(_ expr: String, _ value: String, _ match: TextMatch) -> String {
        guard match.alternatives.isEmpty else {
            let one = TextMatch(whole: match.whole, ignoringCase: match.ignoringCase)
            return "(" + match.spellings(value).map { compare(expr, $0, one) }.joined(separator: " or ") + ")"
        }
        var normal = XPathLiteral.normalizeSpace(value)
        var node = "normalize-space(\(expr))"
        if !match.whole {
            // A substring ignores case (ASCII letters), as Playwright's non-exact matching does,
            // whether or not it was shown in capitals; the value stays as read and is lowered
            // inside the expression.
            let lower = { (e: String) in "translate(\(e), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')" }
            return "contains(\(lower(node)), \(lower(XPathLiteral.string(normal))))"
        }
        if match.ignoringCase {
            node = "translate(\(node), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"
            normal = XPathLiteral.upperASCII(normal)
        }
        return "\(node)=\(XPathLiteral.string(normal))"
    }
}
