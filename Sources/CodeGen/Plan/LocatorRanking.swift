import ScreenCore

/// Chooses how to find an action's element from what the video shows, in the order Playwright's
/// code generator prefers (role + name, placeholder, label, text), with page coordinates only as a
/// last resort.
///
/// One deliberate difference: for text fields (`textbox`, `combobox`) the label and then the
/// placeholder come before role + name. The video cannot tell `<input type=text>` from `search` or
/// `number` (ARIA roles `searchbox`, `spinbutton`), nor see an `aria-label`, while a label or
/// placeholder is something the person saw and both locate a field whatever its role. The label
/// comes first, as codegen's role + name (whose name is the label) would: it is read outside the
/// field, where no caret, focus ring or typed text can garble it.
enum LocatorRanking {
    /// Where an action lands. A live session's locators, when it confirmed the element (status
    /// `verified` or `corrected`), come with the video's own locator, which a framework without a
    /// live locator still uses.
    static func place(_ target: Target?, grounding: Grounding? = nil) -> Placement {
        if let g = grounding, g.status == .verified || g.status == .corrected, g.locator != nil || g.selenium != nil {
            return .element(ElementRef(offline: target.flatMap(element), live: g.locator, selenium: g.selenium,
                                       point: target.flatMap(point)))
        }
        guard let target else { return .nowhere(why: "the timeline names no element for this action") }
        if let locator = element(target) {
            // The point stays beside the locator: text read off the video can be misread, or be a
            // glyph whose accessible name is never shown, and the script then acts where the
            // recording shows the element (see `PlacementResolving.fallback`).
            return .element(ElementRef(offline: locator, live: nil, selenium: nil, point: point(target)))
        }
        if let p = point(target) {
            return .point(p, why: "No role, name, placeholder, label or text could be read for this element, "
                          + "so it is clicked where the recording shows it.")
        }
        return .nowhere(why: "no text and no position could be read for this element")
    }

    /// The best user-facing query for `target`, narrowed by its context, or nil.
    static func element(_ target: Target) -> ElementLocator? {
        guard let query = query(target) else { return nil }
        var context = clean(target.context)
        if let c = context, c == queryText(query) { context = nil }
        return ElementLocator(query: query, context: context, role: target.role,
                              contextMatchesCase: context.map(showsSmallLetters) ?? false)
    }

    static func query(_ t: Target) -> ElementQuery? {
        let name = clean(t.name), text = clean(t.text), label = clean(t.label), placeholder = clean(t.placeholder)
        switch t.role {
        case let role? where role.isField:
            if let label { return .label(label, match: match(label)) }
            if let placeholder { return .placeholder(placeholder, match: match(placeholder)) }
            if let role = t.role, let name { return .role(role, name: name, match: match(name)) }
            return nil  // a field's own text is its value, which no locator matches
        case let role? where role.isToggle:
            // The text beside a checkbox is its label, whatever the timeline called it.
            if let role = t.role, let n = name ?? label ?? text { return .role(role, name: n, match: match(n)) }
            return nil
        case let role?:
            if let n = name ?? text {
                if iconRoles.contains(role), let q = iconGlyph(n) { return q }
                return .role(role, name: n, match: match(n))
            }
            if let label { return .label(label, match: match(label)) }
            return nil
        case nil:
            if let placeholder { return .placeholder(placeholder, match: match(placeholder)) }
            if let label { return .label(label, match: match(label)) }
            if let n = text ?? name { return iconGlyph(n) ?? .text(n, match: match(n)) }
            return nil
        }
    }

    /// Roles of the controls that are drawn as a bare glyph ("×", "+", "−").
    static let iconRoles: Set<Role> = [.button, .link, .menuitem, .tab]

    /// For a name that is one icon glyph (see `IconGlyphs`): its visible text, whole, in any
    /// spelling of the glyph. Not role + name, since the accessible name is the `aria-label` the
    /// video never shows, and not the glyph alone, since OCR reads "×" as "x".
    static func iconGlyph(_ n: String) -> ElementQuery? {
        guard let others = IconGlyphs.alternatives(for: n) else { return nil }
        return .text(n, match: TextMatch(whole: true, ignoringCase: false, alternatives: others))
    }

    /// Short names (up to three words) compare whole, long ones as substrings; text in capitals
    /// ignores case. See `TextMatch`.
    static func match(_ text: String) -> TextMatch {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let upper = letters.filter { $0.properties.isUppercase }.count
        let lower = letters.filter { $0.properties.isLowercase }.count
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        return TextMatch(whole: words <= 3, ignoringCase: upper >= 2 && lower == 0)
    }

    /// Whether text was shown with small letters (so its case is the page's own): a container's
    /// context is then matched with its case (see `ElementLocator.contextMatchesCase`).
    static func showsSmallLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isLowercase }
    }

    static func queryText(_ q: ElementQuery) -> String {
        switch q {
        case .role(_, let n, _), .placeholder(let n, _), .label(let n, _), .text(let n, _): n
        }
    }

    /// Where the pointer was, else the centre of the element's box, in whole pixels.
    static func point(_ t: Target) -> PagePoint? {
        if let p = t.point, p.x.isFinite, p.y.isFinite { return PagePoint(x: Int(p.x.rounded()), y: Int(p.y.rounded())) }
        if let b = t.box, b.x.isFinite, b.y.isFinite, b.width.isFinite, b.height.isFinite {
            return PagePoint(x: Int((b.x + b.width / 2).rounded()), y: Int((b.y + b.height / 2).rounded()))
        }
        return nil
    }

    /// Trimmed, with runs of space, tab, CR and LF collapsed to one space; nil when nothing is left.
    /// Only those four: they are what XPath's `normalize-space()` collapses, and Playwright collapses
    /// them too, so a name cleaned here compares equal in both. Other separators (no-break space,
    /// U+2028) are kept, since XPath keeps them in the page's text.
    static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let collapsed = XPathLiteral.normalizeSpace(s)
        return collapsed.isEmpty ? nil : collapsed
    }
}

extension Role {
    /// Fields a person types into or picks from: found by their label, then placeholder, then role
    /// and name (their own text is their value). Their XPath name is a label or a placeholder.
    var isField: Bool {
        switch self {
        case .textbox, .combobox, .searchbox, .spinbutton, .listbox, .slider: true
        default: false
        }
    }

    /// Controls ticked and unticked (their name is the label or the text beside them).
    var isToggle: Bool {
        switch self {
        case .checkbox, .radio, .switch: true
        default: false
        }
    }
}
