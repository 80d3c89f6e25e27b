import Foundation
import ScreenCore

/// The accessibility stage, run on the named document after `DesignSemantics`: landmarks (all
/// content inside `header` / `main` / `footer`), heading order (levels without gaps, starting at
/// `h1`, never more than one deeper than the heading before), names (every control, picture and
/// button has one), and text contrast that the measurement — not the design — lost (anti-aliased
/// ink read a little lighter than drawn: within 10 % of WCAG AA, the colour is moved just far
/// enough to pass; a design's own low contrast is kept).
public enum DesignAccessibility {
    /// What the stage changed, one line per kind of fix (for `-v` and the UI document's diagnostics).
    public struct Report: Sendable, Equatable {
        public var landmarks = 0
        public var headings = 0
        public var names = 0
        public var contrast = 0
        public init(landmarks: Int = 0, headings: Int = 0, names: Int = 0, contrast: Int = 0) {
            self.landmarks = landmarks; self.headings = headings; self.names = names; self.contrast = contrast
        }
        public var lines: [String] {
            [(landmarks, "landmark"), (headings, "heading level"), (names, "accessible name"), (contrast, "text colour for contrast")]
                .filter { $0.0 > 0 }.map { "accessibility: \($0.0) \($0.1) fix\($0.0 == 1 ? "" : "es")" }
        }
    }

    /// Applies every rule to `doc` in place.
    @discardableResult
    public static func apply(_ doc: inout UIDocument) -> Report {
        var report = Report()
        landmarks(&doc, &report)
        headingOrder(&doc.root, &report)
        names(&doc.root, &report)
        contrast(&doc.root, background: doc.background, &report)
        if doc.title == nil || doc.title?.isEmpty == true {
            doc.title = doc.allNodes.first { $0.tag == "h1" }.flatMap(DesignSemantics.headingText)?.replacingOccurrences(of: "\n", with: " ")
        }
        return report
    }

    static let landmarkTags: Set<String> = ["header", "main", "footer", "nav", "aside"]

    /// Content outside a landmark goes into `main` (one `main` per page).
    static func landmarks(_ doc: inout UIDocument, _ report: inout Report) {
        let kids = doc.root.children
        if kids.contains(where: { $0.tag == "main" }) { return }
        guard !kids.isEmpty else { return }
        var out: [UINode] = [], loose: [UINode] = []
        var mainAt: Int? = nil
        for k in kids {
            if let t = k.tag, landmarkTags.contains(t) { out.append(k); continue }
            if mainAt == nil { mainAt = out.count }
            loose.append(k)
        }
        guard let at = mainAt else { return }
        let main = UINode(kind: .container, tag: "main", box: loose.map(\.box).reduce(loose[0].box) { $0.union($1) },
                          style: UIStyle(direction: .column), children: loose)
        out.insert(main, at: at)
        doc.root.children = out
        report.landmarks += 1
    }

    static func level(_ n: UINode) -> Int? {
        guard let t = n.tag, t.count == 2, t.first == "h", let l = Int(String(t.last!)), (1...6).contains(l) else { return nil }
        return l
    }

    /// Heading levels in document order: the distinct levels renumbered from 1 without gaps, then
    /// each heading at most one level deeper than the one before it.
    static func headingOrder(_ root: inout UINode, _ report: inout Report) {
        var used = Set<Int>()
        func collect(_ n: UINode) { if let l = level(n) { used.insert(l) }; n.children.forEach(collect) }
        collect(root)
        let rank = Dictionary(uniqueKeysWithValues: used.sorted().enumerated().map { ($1, $0 + 1) })
        var previous = 0
        func visit(_ n: inout UINode) {
            if let l = level(n), let r = rank[l] {
                let fixed = min(r, previous + 1)
                if fixed != l { n.tag = "h\(fixed)"; report.headings += 1 }
                previous = fixed
            }
            for i in n.children.indices { visit(&n.children[i]) }
        }
        visit(&root)
    }

    /// Every control, picture and button gets a name.
    static func names(_ n: inout UINode, _ report: inout Report) {
        for i in n.children.indices { names(&n.children[i], &report) }
        func missing(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        switch n.kind {
        case .input where missing(n.label):
            n.label = n.placeholder ?? (n.tag == "select" ? n.text : nil) ?? (n.tag == "textarea" ? "text area" : "text field")
            report.names += 1
        case .checkbox where missing(n.label):
            n.label = n.tag ?? "checkbox"; report.names += 1
        case .image where missing(n.label):
            n.label = "image"; report.names += 1
        case .button where missing(n.text) && missing(n.label):
            n.label = "button"; report.names += 1
        default: break
        }
    }

    /// WCAG relative luminance of an sRGB colour.
    public static func luminance(_ c: RGB) -> Double { WCAGContrast.luminance(c) }

    /// WCAG contrast ratio of two colours (1–21).
    public static func contrastRatio(_ a: RGB, _ b: RGB) -> Double { WCAGContrast.ratio(a, b) }

    /// WCAG AA's minimum for text: 3 for large text (24 px, or 18.66 px bold), else 4.5.
    public static func requiredRatio(fontSize: Double?, weight: Int?) -> Double {
        WCAGContrast.required(fontSize: fontSize, weight: weight)
    }

    /// `color` moved towards black or white (whichever side of `background` it is on) just far
    /// enough to reach `ratio`, when it is within 10 % of it; nil when it passes or is far off.
    public static func nudged(_ color: RGB, on background: RGB, to ratio: Double) -> RGB? {
        let now = contrastRatio(color, background)
        guard now < ratio, now >= ratio * 0.9 else { return nil }
        let darker = luminance(color) <= luminance(background)
        let target: Double = darker ? 0 : 255
        for step in 1...40 {
            let t = Double(step) / 40
            func mix(_ v: UInt8) -> UInt8 { UInt8(max(0, min(255, (Double(v) + (target - Double(v)) * t).rounded()))) }
            let c = RGB(mix(color.r), mix(color.g), mix(color.b))
            if contrastRatio(c, background) >= ratio + 0.05 { return c }
        }
        return nil
    }

    static func contrast(_ n: inout UINode, background: RGB, _ report: inout Report) {
        let bg = n.style.background ?? background
        if n.kind == .text || n.kind == .listItem || n.kind == .button, let c = n.style.color,
           let fixed = nudged(c, on: bg, to: requiredRatio(fontSize: n.style.fontSize, weight: n.style.fontWeight)) {
            n.style.color = fixed
            report.contrast += 1
        }
        // links set apart inside the text: the same rule for their own colour
        for i in (n.runs ?? []).indices {
            guard let c = n.runs?[i].color,
                  let fixed = nudged(c, on: bg, to: requiredRatio(fontSize: n.style.fontSize, weight: n.style.fontWeight)) else { continue }
            n.runs?[i].color = fixed
            report.contrast += 1
        }
        for i in n.children.indices { contrast(&n.children[i], background: bg, &report) }
    }
}
