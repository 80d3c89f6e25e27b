import ScreenCore

/// Words for elements and numbers in step summaries.
enum Describe {
    /// "the "Sign in" button next to "Blue Mug"", as phrase parts. Fields are called by their label
    /// when the video shows one, even when the locator uses the placeholder.
    static func element(_ target: Target?, _ placement: Placement) -> [Phrase.Part] {
        switch placement {
        case .element(let e):
            guard let l = e.offline else { return live(target, e) }
            // The live app's own text, when it matched whole, is what the page says (a corrected
            // misreading included); else what the video showed.
            let name = liveName(e.live) ?? humanName(target) ?? LocatorRanking.queryText(l.query)
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

    /// The name a live locator matched whole, if it matches by text.
    static func liveName(_ l: LiveLocator?) -> String? {
        guard let l, l.exact else { return nil }
        switch l.kind {
        case .role: return LocatorRanking.clean(l.name)
        case .label, .placeholder, .altText, .title, .text: return LocatorRanking.clean(l.value)
        case .testId, .css: return nil
        }
    }

    /// An element known only from the live app's locators.
    static func live(_ target: Target?, _ e: ElementRef) -> [Phrase.Part] {
        if let l = e.live {
            switch l.kind {
            case .role:
                let word = Role(rawValue: l.value).flatMap { noun($0) } ?? "element"
                if let name = humanName(target) ?? LocatorRanking.clean(l.name) { return [.words("the "), .name(name), .words(" \(word)")] }
                return [.words("the "), .name(l.value), .words(" element")]
            case .label, .placeholder:
                return [.words("the "), .name(humanName(target) ?? l.value), .words(" field")]
            case .text, .title, .altText:
                return [.name(humanName(target) ?? l.value)]
            case .testId:
                return [.words("the element with test id "), .name(l.value)]
            case .css:
                return [.words("the element "), .name(l.value)]
            }
        }
        if let name = humanName(target) { return [.name(name)] }
        if let s = e.selenium { return [.words("the element found by \(s.by.rawValue) "), .name(s.value)] }
        return [.words("an element that could not be identified")]
    }

    /// What a person would call the element: a field's label, else its name or text.
    static func humanName(_ t: Target?) -> String? {
        guard let t else { return nil }
        let fieldFirst = t.role?.isField ?? false
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
        case .switch?: "switch"
        case .searchbox?: "search field"
        case .spinbutton?: "number field"
        case .slider?: "slider"
        case .listbox?: "list"
        case .menuitemcheckbox?, .menuitemradio?: "menu item"
        case .treeitem?: "tree item"
        case .gridcell?, .cell?: "cell"
        case .row?: "row"
        case .img?: "image"
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
