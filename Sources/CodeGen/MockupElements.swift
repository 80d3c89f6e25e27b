import Foundation
import ScreenCore

/// One element of the page to generate, target-neutral: tag, attributes (raw, unescaped values),
/// CSS declarations, text and children. Each target serialises the same tree its own way.
public struct MockupElement: Sendable, Equatable {
    public var tag: String
    /// The class naming the element's style rule (`text-3`, `box-12`…).
    public var className: String
    public var id: String?
    /// Attributes other than class and id, in output order; values are raw text.
    public var attributes: [Attribute]
    /// CSS declarations (property, value), in output order.
    public var declarations: [Declaration]
    public var text: String?
    public var children: [MockupElement]
    /// The content as inline pieces, in place of `text` when set: bare text (`tag` empty) and
    /// links set apart inside a paragraph (`a`, with their own class).
    public var inline: [MockupElement] = []
    /// One entry per "\n" of `text`: true where the line is broken by hand (written as `<br>`, so
    /// the next line is a text node of its own, as in the design's source), false where it wraps.
    public var hardBreaks: [Bool]? = nil

    /// An attribute; `name` is the HTML spelling (renderers translate `for` → `htmlFor` for JSX).
    public struct Attribute: Sendable, Equatable { public var name: String; public var value: String }
    /// A CSS declaration.
    public struct Declaration: Sendable, Equatable, Hashable { public var property: String; public var value: String }

    /// Elements that take no content and no closing tag.
    public var isVoid: Bool { ["input", "hr", "img", "br"].contains(tag) }
    /// Form controls a `<label for>` can name.
    public var isLabelable: Bool { ["input", "select", "textarea"].contains(tag) }
}

/// Builds the target-neutral element tree and its CSS from a laid-out UI document.
public enum MockupElementBuilder {
    /// The page element (a flex column as large as the design) with every node below it.
    public static func build(_ doc: UIDocument) -> MockupElement {
        var counter: [String: Int] = [:]
        var ids = 0
        func name(_ base: String) -> String {
            counter[base, default: 0] += 1
            return "\(base)-\(counter[base]!)"
        }
        func element(_ n: UINode, parent: UINode?) -> MockupElement {
            let (tag, base) = tagAndClass(n)
            var e = MockupElement(tag: tag, className: parent == nil ? "page" : name(base), id: nil,
                                  attributes: [], declarations: [], text: nil, children: [])
            e.declarations = placement(n, in: parent) + ownStyle(n, isRoot: parent == nil, doc: doc)
            switch n.kind {
            case .text, .listItem:
                e.text = n.text ?? ""
                if let b = n.hardBreaks, b.count == (n.text ?? "").filter({ $0 == "\n" }).count { e.hardBreaks = b }
                if tag == "a" { e.attributes.append(.init(name: "href", value: "#")) }
                else if let runs = alignedRuns(n.runs, to: n.text ?? "") {
                    e.inline = runs.map { r in
                        guard r.tag == "a" else {
                            return MockupElement(tag: "", className: "", id: nil, attributes: [], declarations: [], text: r.text, children: [])
                        }
                        var d: [MockupElement.Declaration] = []
                        if let c = r.color ?? n.style.color { d.append(.init(property: "color", value: c.hex)) }
                        // underlined whether or not the design draws it: a link inside text must not be
                        // told apart by its colour alone (WCAG 1.4.1, axe's link-in-text-block); a link
                        // holding all of its element's text (a post title's `<h3><a>`) has no text around
                        // it to be told apart from, and is drawn as the design draws it. Said, not left
                        // to the browser's default: Tailwind's preflight takes links' underline away.
                        let whole = runs.count == 1 && r.underline != true
                        d.append(.init(property: "text-decoration", value: whole ? "none" : "underline"))
                        return MockupElement(tag: "a", className: name("link"), id: nil, attributes: [.init(name: "href", value: "#")],
                                             declarations: d, text: r.text, children: [])
                    }
                    e.text = nil
                }
            case .button:
                e.attributes.append(.init(name: "type", value: "button"))
                e.text = n.text ?? ""
                if (n.text ?? "").isEmpty { e.attributes.append(.init(name: "aria-label", value: n.label ?? "button")) }
            case .input:
                ids += 1
                e.id = "field-\(ids)"
                switch n.tag {
                case "select":
                    // the option the design shows; the list of others is not on the image
                    e.children = [MockupElement(tag: "option", className: name("option"), id: nil, attributes: [],
                                                declarations: [], text: n.text ?? "", children: [])]
                case "textarea":
                    if let p = n.placeholder { e.attributes.append(.init(name: "placeholder", value: p)) }
                default:
                    e.attributes.append(.init(name: "type", value: n.secret == true ? "password" : "text"))
                    if let p = n.placeholder { e.attributes.append(.init(name: "placeholder", value: p)) }
                }
                e.attributes.append(.init(name: "aria-label", value: n.label ?? n.placeholder ?? "text field"))
            case .checkbox:
                ids += 1
                e.id = "field-\(ids)"
                e.attributes.append(.init(name: "type", value: n.tag == "radio" ? "radio" : "checkbox"))
                if n.tag == "switch" { e.attributes.append(.init(name: "role", value: "switch")) }
                if n.tag == "radio" { e.attributes.append(.init(name: "name", value: "choice")) }
                if n.checked == true { e.attributes.append(.init(name: "checked", value: "")) }
                e.attributes.append(.init(name: "aria-label", value: n.label ?? n.tag ?? "checkbox"))
            case .icon where isMark(n), .image where isMark(n):
                // a mark (✓, •, ★, an icon-font glyph, a strip; see `isMark`) is type or decoration, not a
                // picture: hidden from assistive tech
                e.attributes.append(.init(name: "aria-hidden", value: "true"))
            case .image where n.tag == "a", .icon where n.tag == "a":
                // a picture that links (the page's logo): the link takes the picture's place and look,
                // the picture fills it and names it
                e.tag = "a"
                e.attributes.append(.init(name: "href", value: "#"))
                e.children = [linkedPicture(n, name: name("image"))]
            case .image, .icon:
                // a placeholder picture: a transparent pixel over the design's mean colour, with alt text
                // (icons are decorative: empty alt)
                e.attributes.append(.init(name: "src", value: MockupElementBuilder.placeholderPixel))
                e.attributes.append(.init(name: "alt", value: n.kind == .icon ? "" : (n.label ?? "image")))
            case .container where n.tag == "a":
                // a link around a heading's stacked lines (`DesignSemantics.markPostTitles`)
                e.attributes.append(.init(name: "href", value: "#"))
            case .container where n.tag == "button":
                // a box holding an icon and its label (`ControlShapes.foldIconButtons`): laid out as a box
                e.attributes.append(.init(name: "type", value: "button"))
            case .divider, .container, .list:
                break
            }
            if e.children.isEmpty { e.children = n.children.map { element($0, parent: n) } }
            // A row of labels names the row of fields below it, one by one (a form's two-column rows).
            for i in e.children.indices.dropLast() {
                let labels = e.children[i].children, fields = e.children[i + 1].children
                guard labels.count >= 2, labels.count == fields.count, labels.allSatisfy({ $0.tag == "label" }),
                      fields.allSatisfy({ $0.isLabelable && $0.id != nil }) else { continue }
                for k in labels.indices where !labels[k].attributes.contains(where: { $0.name == "for" }) {
                    e.children[i].children[k].attributes.append(.init(name: "for", value: fields[k].id!))
                }
            }
            // A label names the control beside it (before a field, after a checkbox).
            for i in e.children.indices where e.children[i].tag == "label" {
                let next = i + 1 < e.children.count ? e.children[i + 1] : nil
                let prev = i > 0 ? e.children[i - 1] : nil
                guard let id = [next, prev].compactMap({ $0 }).first(where: { $0.isLabelable && $0.id != nil })?.id,
                      !e.children.contains(where: { $0.attributes.contains(.init(name: "for", value: id)) }) else { continue }
                e.children[i].attributes.append(.init(name: "for", value: id))
            }
            return e
        }
        return element(doc.root, parent: nil)
    }

    /// The picture inside a linked picture's `<a>` (see `DesignSemantics.markLogoLink`): a transparent
    /// pixel filling the link, which carries the picture's place, size and colour. Its alt text names
    /// the link (an icon's too: a link needs a name).
    static func linkedPicture(_ n: UINode, name: String) -> MockupElement {
        MockupElement(tag: "img", className: name, id: nil,
                      attributes: [.init(name: "src", value: placeholderPixel), .init(name: "alt", value: n.label.flatMap { $0 == "icon" ? nil : $0 } ?? "image")],
                      declarations: [.init(property: "display", value: "block"), .init(property: "width", value: "100%"),
                                     .init(property: "height", value: "100%")],
                      text: nil, children: [])
    }

    /// A node's inline runs made to spell exactly its text: as they are, or without the characters
    /// a later stage cut from the front (a list item's bullet); nil when they no longer match (the
    /// text was split or replaced after reading) or hold no link.
    static func alignedRuns(_ runs: [UITextRun]?, to text: String) -> [UITextRun]? {
        guard var runs, runs.contains(where: { $0.tag == "a" }), !text.isEmpty else { return nil }
        let joined = runs.map(\.text).joined()
        guard joined.hasSuffix(text) else { return nil }
        var drop = joined.count - text.count
        while drop > 0, !runs.isEmpty {
            let n = min(drop, runs[0].text.count)
            runs[0].text.removeFirst(n)
            drop -= n
            if runs[0].text.isEmpty { runs.removeFirst() }
        }
        return runs.contains(where: { $0.tag == "a" && !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) ? runs : nil
    }

    static func tagAndClass(_ n: UINode) -> (String, String) {
        switch n.kind {
        case .container: (n.tag ?? "div", n.tag.map { $0 == "div" ? "box" : $0 } ?? (n.style.background != nil || n.style.border != nil ? "box" : n.style.direction == .row ? "row" : "col"))
        case .text: (n.tag ?? "p", n.tag.map { ["h1", "h2", "h3", "h4", "h5", "h6"].contains($0) ? $0 : $0 == "a" ? "link" : $0 == "label" ? "label" : "text" } ?? "text")
        case .button: ("button", "button")
        case .input:
            switch n.tag {
            case "select": ("select", "select")
            case "textarea": ("textarea", "textarea")
            default: ("input", "input")
            }
        case .checkbox: ("input", n.tag == "radio" ? "radio" : n.tag == "switch" ? "switch" : "checkbox")
        case .image: isMark(n) ? ("span", "mark") : ("img", "image")
        case .icon: isMark(n) ? ("span", "mark") : ("img", "icon")
        case .divider: ("hr", "rule")
        case .list: ("ul", "list")
        case .listItem: ("li", "item")
        }
    }

    /// The largest side, in pixels, of a mark drawn at the size of a letter of body text.
    public static let glyphMarkSide = 14

    /// Whether an icon is a mark the size of a letter (a list's ✓ or •, a ★): in a page's source
    /// such a mark is a character or a pseudo-element, so it is drawn as an empty `<span>` in the
    /// icon's colour (laid out exactly as the `<img>` would be), not as a picture. No icon this small
    /// matched an image of the sample mockups' or Design2Code pages' sources.
    public static func isGlyphMark(_ n: UINode) -> Bool {
        n.kind == .icon && n.box.width <= glyphMarkSide && n.box.height <= glyphMarkSide
    }

    /// A 1×1 transparent GIF: the source of placeholder pictures (their colour is the CSS background).
    public static let placeholderPixel = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

    /// Formats a length: integers without decimals, else up to 3 decimals.
    static func num(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format: "%.3f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
    static func px(_ v: Double) -> String { v == 0 ? "0" : num(v) + "px" }
    static func pct(_ v: Double) -> String { v == 0 ? "0" : num(v) + "%" }

    /// The width children's percentages refer to: the parent's content box.
    static func contentWidth(_ p: UINode) -> Double {
        let bw = p.style.border?.width ?? 0
        let pad = p.style.padding?.left ?? 0
        return max(1, Double(p.box.width) - 2 * bw - pad)
    }

    /// Where the node sits in its parent's flow: margins (vertical in px, horizontal in % of the
    /// parent's content width) and width in %, so the page scales down without overflowing.
    static func placement(_ n: UINode, in parent: UINode?) -> [MockupElement.Declaration] {
        guard let p = parent else { return [] }
        var d: [MockupElement.Declaration] = []
        let cw = contentWidth(p)
        let m = n.style.margin ?? .zero
        if n.style.positioned == true {
            d.append(.init(property: "position", value: "absolute"))
            d.append(.init(property: "left", value: pct(Double(n.box.x - p.box.x) / cw * 100)))
            d.append(.init(property: "top", value: px(Double(n.box.y - p.box.y))))
        } else {
            if m.top != 0 { d.append(.init(property: "margin-top", value: px(m.top))) }
            if m.left != 0 { d.append(.init(property: "margin-left", value: pct(m.left / cw * 100))) }
        }
        switch n.kind {
        case .checkbox, .icon:
            d.append(.init(property: "width", value: px(Double(n.box.width))))
            d.append(.init(property: "max-width", value: "100%"))
        default:
            // in a column, a box never reaches past its parent's content edge (a left margin that
            // refinement moved must not push the page wider than its viewport)
            let left = n.style.positioned == true || p.style.direction == .row ? 0 : max(0, m.left / cw * 100)
            d.append(.init(property: "width", value: pct(min(100 - left, Double(n.box.width) / cw * 100))))
        }
        if p.style.direction == .row { d.append(.init(property: "flex-shrink", value: "0")) }
        return d
    }

    static func border(_ b: UIBorder?) -> [MockupElement.Declaration] {
        guard let b else { return [] }
        return [.init(property: "border-width", value: px(b.width)), .init(property: "border-style", value: "solid"),
                .init(property: "border-color", value: b.color.hex)]
    }

    static func font(_ s: UIStyle) -> [MockupElement.Declaration] {
        var d: [MockupElement.Declaration] = []
        if let f = s.fontSize { d.append(.init(property: "font-size", value: px(f))) }
        if let l = s.lineHeight { d.append(.init(property: "line-height", value: px(l))) }
        if let w = s.fontWeight, w != 400 { d.append(.init(property: "font-weight", value: String(w))) }
        if let c = s.color { d.append(.init(property: "color", value: c.hex)) }
        if s.italic == true { d.append(.init(property: "font-style", value: "italic")) }
        if s.uppercase == true { d.append(.init(property: "text-transform", value: "uppercase")) }
        if s.fontFamily == .serif { d.append(.init(property: "font-family", value: "\"Times New Roman\", Times, serif")) }
        if s.fontFamily == .mono { d.append(.init(property: "font-family", value: "\"Courier New\", monospace")) }
        return d
    }

    /// The node's own appearance (and, for containers, how its children flow).
    static func ownStyle(_ n: UINode, isRoot: Bool, doc: UIDocument) -> [MockupElement.Declaration] {
        var d: [MockupElement.Declaration] = []
        let s = n.style
        switch n.kind {
        case .container, .list:
            d.append(.init(property: "display", value: "flex"))
            d.append(.init(property: "flex-direction", value: s.direction == .row ? "row" : "column"))
            d.append(.init(property: "align-items", value: s.align == .center ? "center" : "flex-start"))
            if s.direction == .row { d.append(.init(property: "flex-wrap", value: "wrap")) }
            if let g = s.gap, g > 0 { d.append(.init(property: "gap", value: px(g))) }
            if let p = s.padding {
                if p.top != 0 { d.append(.init(property: "padding-top", value: px(p.top))) }
                if p.left != 0 { d.append(.init(property: "padding-left", value: px(p.left))) }
            }
            if isRoot {
                d.append(.init(property: "width", value: "100%"))
                d.append(.init(property: "min-height", value: px(Double(doc.height))))
            } else if s.background != nil || s.border != nil {
                d.append(.init(property: "min-height", value: px(Double(n.box.height))))
            }
            if let b = s.background { d.append(.init(property: "background", value: b.hex)) }
            d += border(s.border)
            // a link around stacked lines: drawn as the lines are (an underline would reach every line)
            if n.tag == "a" { d.append(.init(property: "text-decoration", value: "none")) }
            if n.tag == "button" {
                // a box drawn as a button: none of the browser's own button look
                if s.background == nil { d.append(.init(property: "background", value: "transparent")) }
                if s.border == nil { d.append(.init(property: "border", value: "0")) }
                d.append(.init(property: "text-align", value: "left"))
            }
            if let r = s.radius, r > 0 { d.append(.init(property: "border-radius", value: px(r))) }
            if n.children.contains(where: { $0.style.positioned == true }) { d.append(.init(property: "position", value: "relative")) }
            if n.kind == .list { d.append(.init(property: "list-style", value: "disc outside")) }
        case .text, .listItem:
            d += font(s)
            if s.textAlign == .center { d.append(.init(property: "text-align", value: "center")) }
            if s.textAlign == .end { d.append(.init(property: "text-align", value: "right")) }
            d.append(.init(property: "white-space", value: "pre-line"))
            d.append(.init(property: "overflow-wrap", value: "anywhere"))
            if n.tag == "a" { d.append(.init(property: "text-decoration", value: "none")) }
            if n.kind == .listItem { d.append(.init(property: "display", value: "list-item")) }
            // a button's label (phrasing content) laid out as the block it was
            if n.tag == "span" { d.append(.init(property: "display", value: "block")) }
        case .button:
            d.append(.init(property: "height", value: px(Double(n.box.height))))
            d.append(.init(property: "display", value: "flex"))
            d.append(.init(property: "align-items", value: "center"))
            // a label drawn off centre (a title at a band's left) keeps its inset inside the border
            let bw = s.border?.width ?? 0
            switch (s.textAlign, s.padding) {
            case (.start?, let p?) where p.left > bw:
                d.append(.init(property: "justify-content", value: "flex-start"))
                d.append(.init(property: "padding", value: "0 0 0 " + px(p.left - bw)))
            default:
                d.append(.init(property: "justify-content", value: "center"))
                d.append(.init(property: "padding", value: "0"))
            }
            d.append(.init(property: "background", value: s.background?.hex ?? "transparent"))
            d += s.border == nil ? [.init(property: "border", value: "0")] : border(s.border)
            if let r = s.radius, r > 0 { d.append(.init(property: "border-radius", value: px(r))) }
            d += font(s)
            d.append(.init(property: "font-family", value: "inherit"))
            d.append(.init(property: "white-space", value: "nowrap"))
        case .input:
            d.append(.init(property: "height", value: px(Double(n.box.height))))
            d.append(.init(property: "padding", value: n.tag == "textarea" ? "8px" : "0 8px"))
            if n.tag == "textarea" { d.append(.init(property: "resize", value: "vertical")) }
            if let c = s.color, n.tag == "select" { d.append(.init(property: "color", value: c.hex)) }
            if let l = s.lineHeight, n.tag == "textarea" { d.append(.init(property: "line-height", value: px(l))) }
            d.append(.init(property: "background", value: s.background?.hex ?? "transparent"))
            d += s.border == nil ? [.init(property: "border", value: "0")] : border(s.border)
            if let r = s.radius, r > 0 { d.append(.init(property: "border-radius", value: px(r))) }
            if let f = s.fontSize { d.append(.init(property: "font-size", value: px(f))) }
            d.append(.init(property: "font-family", value: "inherit"))
        case .checkbox:
            d.append(.init(property: "height", value: px(Double(n.box.height))))
            if let c = s.color { d.append(.init(property: "accent-color", value: c.hex)) }
        case .image, .icon:
            d.append(.init(property: "display", value: "block"))
            d.append(.init(property: "height", value: px(Double(n.box.height))))
            if let b = s.background { d.append(.init(property: "background", value: b.hex)) }
            if let r = s.radius, r > 0 { d.append(.init(property: "border-radius", value: px(r))) }
        case .divider:
            d.append(.init(property: "height", value: px(Double(n.box.height))))
            d.append(.init(property: "border", value: "0"))
            d.append(.init(property: "background", value: (s.background ?? RGB(204, 204, 204)).hex))
        }
        return d
    }
}
