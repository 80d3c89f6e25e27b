import Foundation
import Mustache
import ScreenCore

/// What `mockup2code` can generate.
public enum MockupTarget: String, Sendable, CaseIterable {
    /// One self-contained HTML file, CSS in a `<style>`.
    case html
    /// HTML with Tailwind utility classes (arbitrary values such as `w-[25%]`), plus the compiled
    /// CSS of exactly those utilities in a `<style>`, so the page renders offline without Tailwind.
    case tailwind
    /// A React function component (`export default function Design()`), CSS in a sibling file.
    case react
    /// A Vue single-file component.
    case vue

    /// The usual extension of the main file.
    public var fileExtension: String {
        switch self {
        case .html, .tailwind: "html"
        case .react: "jsx"
        case .vue: "vue"
        }
    }
}

/// Generated code: the main file, and for React with an output file, the sibling stylesheet.
public struct MockupArtifact: Sendable, Equatable {
    public var text: String
    /// CSS for a sibling `<stem>.css` (React with `-o`); nil when the CSS is inside `text`.
    public var stylesheet: String?
}

/// Template files are missing or do not parse.
public struct MockupTemplateError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { "templates: \(reason)" }
}

/// Finds and loads the `mockup-*.mustache` templates: `--templates DIR`, then
/// `$SCREENWRIGHT_TEMPLATES`, then `templates/` beside the executable (or `../share/screenwright/`),
/// then the source tree.
public enum MockupTemplates {
    /// The template names this renderer needs.
    public static let names = ["mockup-node", "mockup-html", "mockup-tailwind", "mockup-react", "mockup-vue"]

    /// The first directory holding every template.
    public static func locate(_ explicit: String? = nil) -> String? {
        var dirs: [String] = []
        if let explicit { dirs.append(explicit) }
        if let env = ProcessInfo.processInfo.environment["SCREENWRIGHT_TEMPLATES"] { dirs.append(env) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        let procExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [exe, procExe] {
            dirs.append(base.appendingPathComponent("templates").path)
            dirs.append(base.appendingPathComponent("../share/screenwright/templates").standardized.path)
        }
        // Sources/CodeGen/MockupRenderer.swift → repository root.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        dirs.append(source.path)
        let fm = FileManager.default
        return dirs.first { d in names.allSatisfy { fm.fileExists(atPath: "\(d)/\($0).mustache") } }
    }

    /// Loads the templates into a library (explicit directory first; see `locate`).
    public static func load(_ explicit: String? = nil) throws -> MustacheLibrary {
        guard let dir = locate(explicit) else {
            throw MockupTemplateError(reason: "mockup-*.mustache not found (use --templates DIR)")
        }
        var lib = MustacheLibrary()
        for n in names {
            let path = "\(dir)/\(n).mustache"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw MockupTemplateError(reason: "cannot read \(path)")
            }
            do { try lib.register(text, named: n) }
            catch { throw MockupTemplateError(reason: "\(path) does not parse: \(error)") }
        }
        return lib
    }
}

/// Renders a laid-out UI document to one of the targets through the Mustache templates. Markup
/// strings (tags, escaped text, attributes) are built here per target; the templates arrange them.
public struct MockupRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads the templates (see `MockupTemplates.load`).
    public init(templatesDirectory: String? = nil) throws { library = try MockupTemplates.load(templatesDirectory) }
    /// Uses an already loaded library (tests).
    public init(library: MustacheLibrary) { self.library = library }

    /// Renders `doc`. `stem` names the React stylesheet (`<stem>.css`, imported by the component);
    /// without it the CSS is inlined in the component. `source` is the design's file name.
    public func render(_ doc: UIDocument, target: MockupTarget, stem: String? = nil, source: String = "design") throws -> MockupArtifact {
        let root = MockupElementBuilder.build(doc)
        let title = doc.title ?? "Design"
        var ctx: [String: Any] = ["source": source, "width": doc.width, "height": doc.height]
        var stylesheet: String? = nil
        let css: String
        switch target {
        case .html, .vue, .react:
            css = Self.stylesheet(root, doc: doc, source: source)
        case .tailwind:
            css = Self.tailwindStylesheet(root, doc: doc, source: source)
        }
        switch target {
        case .html, .tailwind:
            ctx["title"] = MockupEscaping.htmlText(title)
            ctx["sourceAttr"] = MockupEscaping.htmlAttribute(source)
            ctx["css"] = css
            ctx["root"] = node(root, target: target, depth: 0, isRoot: true)
        case .vue:
            ctx["css"] = css
            ctx["sourceComment"] = MockupEscaping.cssComment(source)
            ctx["root"] = node(root, target: target, depth: 1, isRoot: true)
        case .react:
            ctx["sourceComment"] = MockupEscaping.cssComment(source)
            if let stem {
                ctx["cssImport"] = MockupEscaping.jsString("./\(stem).css")
                ctx["root"] = node(root, target: target, depth: 2, isRoot: true)
                stylesheet = css
            } else {
                ctx["inlineCSS"] = MockupEscaping.jsxText(css)
                ctx["root"] = node(root, target: target, depth: 3, isRoot: true)
            }
        }
        guard let text = library.render(ctx, withTemplate: "mockup-\(target.rawValue)") else {
            throw MockupTemplateError(reason: "template mockup-\(target.rawValue) is not loaded")
        }
        return MockupArtifact(text: text, stylesheet: stylesheet)
    }

    // MARK: - Markup

    func node(_ e: MockupElement, target: MockupTarget, depth: Int, isRoot: Bool = false) -> [String: Any] {
        let jsx = target == .react
        let (open, close) = tags(e, target: target, isRoot: isRoot)
        var text = ""
        if !e.inline.isEmpty {
            // inline pieces on one line: whitespace between them would show (white-space: pre-line)
            text = e.inline.map { piece in
                let t = jsx ? MockupEscaping.jsxText(piece.text ?? "") : MockupEscaping.htmlText(piece.text ?? "")
                guard !piece.tag.isEmpty else { return t }
                let (o, c) = tags(piece, target: target, isRoot: false)
                return o + t + c
            }.joined()
        } else if let t = e.text, !t.isEmpty {
            text = Self.brokenAtHand(t, e.hardBreaks).map { jsx ? MockupEscaping.jsxText($0) : MockupEscaping.htmlText($0) }
                .joined(separator: jsx ? "<br />" : "<br>")
        }
        let kids = e.children.map { node($0, target: target, depth: depth + 1) }
        return ["indent": String(repeating: "  ", count: depth), "open": open, "close": close, "text": text,
                "leaf": kids.isEmpty, "children": kids]
    }

    /// `text` cut where it is broken by hand (`hardBreaks`, one flag per "\n"); the wrapped line breaks
    /// stay inside the pieces. The whole text when the flags do not fit its breaks.
    public static func brokenAtHand(_ text: String, _ hardBreaks: [Bool]?) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let hardBreaks, hardBreaks.count == lines.count - 1, hardBreaks.contains(true) else { return [text] }
        var pieces: [String] = [String(lines[0])]
        for (k, line) in lines.dropFirst().enumerated() {
            if hardBreaks[k] { pieces.append(String(line)) } else { pieces[pieces.count - 1] += "\n" + line }
        }
        return pieces
    }

    /// The opening and closing tag of an element, attributes escaped for the target.
    func tags(_ e: MockupElement, target: MockupTarget, isRoot: Bool) -> (open: String, close: String) {
        let jsx = target == .react
        var attrs = ""
        func attr(_ name: String, _ value: String) {
            attrs += " \(name)=" + (jsx ? MockupEscaping.jsxAttribute(value) : "\"\(MockupEscaping.htmlAttribute(value))\"")
        }
        let classValue = target == .tailwind ? Self.tailwindClasses(e.declarations).joined(separator: " ") : e.className
        if !classValue.isEmpty {
            attrs += jsx ? " className=\"\(MockupEscaping.htmlAttribute(classValue))\"" : " class=\"\(MockupEscaping.htmlAttribute(classValue))\""
        }
        if let id = e.id { attr("id", id) }
        for a in e.attributes {
            // boolean attributes: bare in HTML and Vue, `defaultChecked` in JSX (an uncontrolled input)
            if a.name == "checked" { attrs += jsx ? " defaultChecked" : " checked"; continue }
            attr(jsx && a.name == "for" ? "htmlFor" : a.name, a.value)
        }
        if isRoot && target == .vue { attrs += " v-pre" }
        if e.isVoid { return ("<\(e.tag)\(attrs)\(jsx ? " />" : ">")", "") }
        return ("<\(e.tag)\(attrs)>", "</\(e.tag)>")
    }

    // MARK: - CSS

    /// Reset, page defaults, then one rule per element.
    static func stylesheet(_ root: MockupElement, doc: UIDocument, source: String) -> String {
        var out = base(doc: doc, source: source)
        func walk(_ e: MockupElement) {
            if !e.declarations.isEmpty {
                out += ".\(e.className) { " + e.declarations.map { "\($0.property): \($0.value);" }.joined(separator: " ") + " }\n"
            }
            e.inline.forEach(walk)
            e.children.forEach(walk)
        }
        walk(root)
        return out
    }

    static func base(doc: UIDocument, source: String) -> String {
        """
        /* Generated by mockup2code from \(MockupEscaping.cssComment(source)) (\(doc.width)x\(doc.height) px). */
        *, *::before, *::after { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: Arial, Helvetica, "Liberation Sans", sans-serif; background: \(doc.background.hex); color: #111111; }
        h1, h2, h3, h4, h5, h6, p, ul, li, label, button, input, select, textarea, hr { margin: 0; padding: 0; font: inherit; }
        a { color: inherit; }

        """
    }

    // MARK: - Tailwind

    /// Tailwind utility classes for declarations: named utilities where Tailwind has them,
    /// arbitrary values (`w-[25%]`, `bg-[#1e3a8a]`) or arbitrary properties (`[overflow-wrap:anywhere]`) otherwise.
    public static func tailwindClasses(_ decls: [MockupElement.Declaration]) -> [String] {
        decls.map(tailwindClass)
    }

    static func tailwindClass(_ d: MockupElement.Declaration) -> String {
        let v = d.value.replacingOccurrences(of: " ", with: "_")
        switch (d.property, d.value) {
        case ("display", "flex"): return "flex"
        case ("display", "list-item"): return "list-item"
        case ("flex-direction", "column"): return "flex-col"
        case ("flex-direction", "row"): return "flex-row"
        case ("align-items", "flex-start"): return "items-start"
        case ("align-items", "center"): return "items-center"
        case ("justify-content", "center"): return "justify-center"
        case ("justify-content", "flex-start"): return "justify-start"
        case ("flex-wrap", "wrap"): return "flex-wrap"
        case ("flex-shrink", "0"): return "shrink-0"
        case ("white-space", "pre-line"): return "whitespace-pre-line"
        case ("white-space", "nowrap"): return "whitespace-nowrap"
        case ("text-align", "center"): return "text-center"
        case ("text-align", "right"): return "text-right"
        case ("font-weight", "700"): return "font-bold"
        case ("font-style", "italic"): return "italic"
        case ("text-transform", "uppercase"): return "uppercase"
        case ("position", "relative"): return "relative"
        case ("position", "absolute"): return "absolute"
        case ("max-width", "100%"): return "max-w-full"
        case ("width", "100%"): return "w-full"
        case ("border", "0"): return "border-0"
        case ("border-style", "solid"): return "border-solid"
        case ("padding", "0"): return "p-0"
        case ("text-decoration", "none"): return "no-underline"
        case ("text-decoration", "underline"): return "underline"
        case ("background", "transparent"): return "bg-transparent"
        case ("margin-top", _): return "mt-[\(v)]"
        case ("margin-left", _): return "ml-[\(v)]"
        case ("padding-top", _): return "pt-[\(v)]"
        case ("padding-left", _): return "pl-[\(v)]"
        case ("width", _): return "w-[\(v)]"
        case ("height", _): return "h-[\(v)]"
        case ("min-height", _): return "min-h-[\(v)]"
        case ("gap", _): return "gap-[\(v)]"
        case ("left", _): return "left-[\(v)]"
        case ("top", _): return "top-[\(v)]"
        case ("background", _) where v.hasPrefix("#"): return "bg-[\(v)]"
        case ("color", _) where v.hasPrefix("#"): return "text-[\(v)]"
        case ("border-color", _) where v.hasPrefix("#"): return "border-[\(v)]"
        case ("border-width", _): return "border-[length:\(v)]"
        case ("border-radius", _): return "rounded-[\(v)]"
        case ("font-size", _): return "text-[length:\(v)]"
        case ("line-height", _): return "leading-[\(v)]"
        default: return "[\(d.property):\(v)]"
        }
    }

    /// What Tailwind would compile for the classes the page uses (each class is exactly one
    /// declaration), after a minimal preflight.
    /// The reset goes in `@layer base` and the utilities in `@layer utilities`, in Tailwind's own layer
    /// order, so a page that also loads Tailwind gets the same cascade (unlayered rules would beat
    /// every Tailwind utility).
    static func tailwindStylesheet(_ root: MockupElement, doc: UIDocument, source: String) -> String {
        var out = "@layer theme, base, components, utilities;\n@layer base {\n" + base(doc: doc, source: source) + "}\n"
        out += "/* Tailwind utilities used by this page, compiled (the page needs no Tailwind build to render). */\n"
        out += "@layer utilities {\n"
        var seen = Set<String>()
        func walk(_ e: MockupElement) {
            for d in e.declarations {
                let cls = tailwindClass(d)
                if seen.insert(cls).inserted {
                    out += "\(MockupEscaping.cssClassSelector(cls)) { \(d.property): \(d.value); }\n"
                }
            }
            e.inline.forEach(walk)
            e.children.forEach(walk)
        }
        walk(root)
        return out + "}\n"
    }
}
