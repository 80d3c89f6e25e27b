import ScreenCore

/// Named XPath builders a Selenium script defines at its top, so that each step is one readable
/// line (`wait.until(shown(by_role("button", "Sign in"))).click()`) instead of a 300-character
/// expression.
///
/// The helpers build, at run time, exactly the string `SeleniumXPath.locate` builds for the same
/// query (the tests run them and compare), so a script with helpers matches the same elements as
/// one with the XPath inlined. A query the helpers cannot express (spellings of a glyph on a role
/// query) is inlined as before.
indirect enum XPathCall: Equatable {
    case role(Role, name: String, match: TextMatch)
    case placeholder(String, match: TextMatch)
    /// A label, for an element of `role` (any form field when nil).
    case label(String, role: Role?, match: TextMatch)
    /// A label, or a field right after a `<label>` with the text that is not tied to it.
    case fieldLabelled(String, role: Role?, match: TextMatch)
    case text(String, match: TextMatch)
    /// Text that is, whole, any of these spellings (an icon glyph).
    case anyText([String])
    /// `inner`, inside the innermost element holding the context text (with its case when `matchCase`).
    case inContainer(String, XPathCall, matchCase: Bool)

    /// The helper call for an element query, or nil when it must be inlined.
    static func make(_ l: ElementLocator) -> XPathCall? {
        guard let inner = query(l) else { return nil }
        if let context = l.context {
            let matchCase = l.contextMatchesCase
            if case .fieldLabelled(let t, let r, let m) = inner {
                return .inContainer(context, .label(t, role: r, match: m), matchCase: matchCase)
            }
            return .inContainer(context, inner, matchCase: matchCase)
        }
        return inner
    }

    private static func query(_ l: ElementLocator) -> XPathCall? {
        let simple = { (m: TextMatch) in m.alternatives.isEmpty }
        switch l.query {
        case .role(let r, let name, let m): return simple(m) ? .role(r, name: name, match: m) : nil
        case .placeholder(let t, let m): return simple(m) ? .placeholder(t, match: m) : nil
        case .label(let t, let m):
            guard simple(m) else { return nil }
            return (l.role?.isField ?? true) ? .fieldLabelled(t, role: l.role, match: m) : .label(t, role: l.role, match: m)
        case .text(let t, let m):
            if simple(m) { return .text(t, match: m) }
            return m.whole && !m.ignoringCase ? .anyText(m.spellings(t)) : nil
        }
    }

    /// The helpers this call needs, itself included.
    var helpers: Set<SeleniumHelper> {
        switch self {
        // (by_role names fields and toggles by their labels.)
        case .role: return [.core, .roles, .byRole, .labelled]
        case .placeholder: return [.core, .byPlaceholder]
        // (by_label reads the role table or the field test, so both are defined.)
        case .label: return [.core, .labelled, .byLabel, .fields, .roles]
        case .fieldLabelled: return [.core, .labelled, .byLabel, .fieldLabelled, .fields, .roles]
        case .text: return [.core, .byText]
        case .anyText: return [.core, .anyText]
        case .inContainer(_, let inner, _): return inner.helpers.union([.core, .inContainer])
        }
    }

    /// Roles whose tests the call reads from the role table.
    var roles: Set<Role> {
        switch self {
        case .role(let r, _, _): [r]
        case .label(_, let r?, _), .fieldLabelled(_, let r?, _): [r]
        case .inContainer(_, let inner, _): inner.roles
        default: []
        }
    }
}

/// One helper (or shared piece) of the generated Selenium script.
enum SeleniumHelper: String, CaseIterable, Hashable {
    case core, roles, fields, labelled, byRole, byPlaceholder, byLabel, fieldLabelled, byText, anyText, inContainer
}

/// The helper calls in Python and Java syntax, and the template values that switch each helper on.
struct SeleniumHelperCalls {
    let language: SeleniumDialect.Language

    func literal(_ s: String) -> String {
        language == .python ? PythonLiteral.string(s) : JavaLiteral.string(s)
    }

    /// `by_role("button", "Sign in")` / `byRole("button", "Sign in")`.
    func expression(_ call: XPathCall) -> String {
        let py = language == .python
        func name(_ snake: String, _ camel: String) -> String { py ? snake : camel }
        switch call {
        case .role(let r, let n, let m):
            return "\(name("by_role", "byRole"))(\(literal(r.rawValue)), \(literal(n))\(match(m)))"
        case .placeholder(let t, let m):
            return "\(name("by_placeholder", "byPlaceholder"))(\(literal(t))\(match(m)))"
        case .label(let t, let r, let m):
            return "\(name("by_label", "byLabel"))(\(literal(t))\(role(r, m))\(match(m)))"
        case .fieldLabelled(let t, let r, let m):
            return "\(name("field_labelled", "fieldLabelled"))(\(literal(t))\(role(r, m))\(match(m)))"
        case .text(let t, let m):
            return "\(name("by_text", "byText"))(\(literal(t))\(match(m)))"
        case .anyText(let spellings):
            return "\(name("any_text", "anyText"))(\(spellings.map(literal).joined(separator: ", ")))"
        case .inContainer(let context, let inner, let matchCase):
            let withCase = matchCase ? (py ? ", match_case=True" : ", true") : ""
            return "\(name("in_container", "inContainer"))(\(literal(context)), \(expression(inner))\(withCase))"
        }
    }

    /// The role argument of a label helper: left out for any field (in Java only when the match is
    /// the default, since Java has no keyword arguments).
    private func role(_ r: Role?, _ m: TextMatch) -> String {
        if let r { return ", " + literal(r.rawValue) }
        return language == .java && !(m.whole && !m.ignoringCase) ? ", null" : ""
    }

    /// Trailing match arguments: none for the default (whole text, with its case).
    private func match(_ m: TextMatch) -> String {
        switch (m.whole, m.ignoringCase, language) {
        case (true, false, _): ""
        case (false, _, .python): ", exact=False"
        case (true, true, .python): ", ignore_case=True"
        case (false, _, .java): ", Match.SUBSTRING"
        case (true, true, .java): ", Match.ANY_CASE"
        }
    }

    /// `{"role": …, "test": …}` rows of the role table, for the roles the script uses, in a stable order.
    func roleTable(_ roles: Set<Role>) -> [[String: String]] {
        Role.allCases.filter(roles.contains).map { ["role": literal($0.rawValue), "test": literal(SeleniumXPath.roleTest($0))] }
    }

    /// Template values: `helpers` (a flag per helper) and `roleTable`, or nothing when no helper is used.
    func context(_ calls: [XPathCall]) -> [String: Any] {
        let used = calls.reduce(into: Set<SeleniumHelper>()) { $0.formUnion($1.helpers) }
        guard !used.isEmpty else { return [:] }
        var flags: [String: Any] = [:]
        for h in used { flags[h.rawValue] = true }
        return [
            "helpers": flags,
            "roleTable": roleTable(calls.reduce(into: Set<Role>()) { $0.formUnion($1.roles) }),
            "fieldTest": literal(SeleniumXPath.fieldTest),
            "fieldRoles": Role.allCases.filter(\.isField).map { literal($0.rawValue) }.joined(separator: ", "),
            "toggleRoles": Role.allCases.filter(\.isToggle).map { literal($0.rawValue) }.joined(separator: ", "),
        ]
    }
}
