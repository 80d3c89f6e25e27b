import ScreenCore

/// Words for elements and numbers in step summaries.
enum Describe {
    /// "the "Sign in" button next to "Blue Mug"", as phrase parts. Fields are called by their label
    /// when the video shows one, even when the locator uses the placeholder.
    static func element(_ target: Target?, _ placement: Placement) -> [Phrase.Part] {
        switch placement {
        case .element(let l):
            let name = humanName(target) ?? LocatorRanking.queryText(l.query)
            var parts: [Phrase.Part]
            if let noun = noun(l.role ?? role(of: l.query)) {
                parts = [.words("the "), .name(name), .words(" \(noun)")]
            } else {
                parts = [.name(name)]
            }
            if let c = l.context { parts += [.words(" next to "), .name(c)] }
            return parts
        case .point(let p, _):
            return [.words("the element at (\(p.x), \(p.y))")]
        case .nowhere:
            if let name = humanName(target) { return [.name(name)] }
            return [.words("an element that could not be identified")]
        }
    }

    /// What a person would call the element: a field's label, else its name or text.
    static func humanName(_ t: Target?) -> String? {
        guard let t else { return nil }
        let fieldFirst = t.role == .textbox || t.role == .combobox
        let order = fieldFirst ? [t.label, t.name, t.placeholder, t.text] : [t.name, t.text, t.label, t.placeholder]
        return order.lazy.compactMap(LocatorRanking.clean).first
    }

    static func role(of q: ElementQuery) -> Role? {
        switch q {
        case .role(let r, _, _): r
        case .placeholder, .label: .textbox
        case .text: nil
        }
    }

    static func noun(_ role: Role?) -> String? {
        switch role {
        case .button?: "button"
        case .link?: "link"
        case .textbox?: "field"
        case .combobox?: "list"
        case .checkbox?: "checkbox"
        case .radio?: "option"
        case .tab?: "tab"
        case .menuitem?: "menu item"
        case .heading?: "heading"
        case .option?: "option"
        case let r?: r.rawValue
        case nil: nil
        }
    }

    /// A number as code: whole numbers without a fraction, others as Swift prints them.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}
