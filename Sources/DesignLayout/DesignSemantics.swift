import Foundation
import ScreenCore

/// Gives the measured tree its meaning: headings ranked by font size (h1–h3), paragraphs, links
/// (blue single lines), a header / main / footer split of the page, navigation rows, labels tied
/// to the inputs they precede, bulleted lists, and a title. Run before `LayoutFlow`.
public enum DesignSemantics {
    /// Applies every rule to `doc` in place.
    public static func apply(_ doc: inout UIDocument) {
        let texts = doc.allNodes.filter { $0.kind == .text }
        let body = bodyFontSize(texts)
        let levels = headingLevels(texts, body: body)
        tagText(&doc.root, body: body, levels: levels)
        makeLists(&doc.root)
        tieLabels(&doc.root)
        sections(&doc)
        doc.title = doc.allNodes.first { $0.tag == "h1" }?.text?.replacingOccurrences(of: "\n", with: " ")
            ?? doc.allNodes.first { $0.kind == .text }?.text?.split(separator: "\n").first.map(String.init)
    }

    /// The font size carrying the most characters.
    public static func bodyFontSize(_ texts: [UINode]) -> Double {
        var weight: [Double: Int] = [:]
        for t in texts { if let f = t.style.fontSize { weight[(f).rounded(), default: 0] += t.text?.count ?? 0 } }
        return weight.max { $0.value < $1.value }?.key ?? 16
    }

    /// Distinct heading sizes, largest first (at most three), each at least 1.25× body text.
    static func headingLevels(_ texts: [UINode], body: Double) -> [Double] {
        let sizes = texts.compactMap { t -> Double? in
            guard let f = t.style.fontSize, f >= body * 1.25, let s = t.text, s.count <= 140,
                  s.split(separator: "\n").count <= 3 else { return nil }
            return f
        }.sorted(by: >)
        var levels: [Double] = []
        for s in sizes where levels.last.map({ s < $0 * 0.9 }) ?? true {
            levels.append(s)
            if levels.count == 3 { break }
        }
        return levels
    }

    static func tagText(_ n: inout UINode, body: Double, levels: [Double]) {
        for i in n.children.indices { tagText(&n.children[i], body: body, levels: levels) }
        guard n.kind == .text, n.tag == nil else { return }
        let f = n.style.fontSize ?? body
        let text = n.text ?? ""
        if let l = levels.firstIndex(where: { f >= $0 * 0.9 }), f >= body * 1.25, text.count <= 140 {
            n.tag = "h\(l + 1)"
        } else if let c = n.style.color, isLinkColor(c), !text.contains("\n"), text.count <= 60 {
            n.tag = "a"
        } else {
            n.tag = "p"
        }
    }

    /// Saturated blue: the usual colour of links.
    public static func isLinkColor(_ c: RGB) -> Bool {
        let r = Int(c.r), g = Int(c.g), b = Int(c.b)
        return b >= 120 && b - r >= 60 && b - g >= 30
    }

    /// Characters OCR makes of list bullets.
    static let bullets: Set<String> = ["•", "·", "◦", "▪", "■", "●", "○", "-", "–", "*", "e", "«", "°", "o", "©", "¢"]

    /// Consecutive text nodes, each starting with a bullet, become a list.
    static func makeLists(_ n: inout UINode) {
        for i in n.children.indices { makeLists(&n.children[i]) }
        guard n.kind == .container, n.style.direction != .row else { return }
        var out: [UINode] = []
        var run: [UINode] = []
        func flush() {
            if run.count >= 2 {
                let items = run.map { t -> UINode in
                    var item = t
                    item.kind = .listItem; item.tag = "li"
                    item.text = t.text.map(stripBullets)
                    return item
                }
                out.append(UINode(kind: .list, tag: "ul", box: items.map(\.box).reduce(items[0].box) { $0.union($1) },
                                  style: UIStyle(direction: .column), children: items))
            } else { out += run }
            run.removeAll()
        }
        for c in n.children {
            if c.kind == .text, c.tag == "p", let t = c.text, hasBullet(t) { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        n.children = out
    }

    static func hasBullet(_ t: String) -> Bool {
        let lines = t.split(separator: "\n")
        guard let first = lines.first, let head = first.split(separator: " ").first, first.count > 2 else { return false }
        return bullets.contains(String(head))
    }

    static func stripBullets(_ t: String) -> String {
        t.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, bullets.contains(String(parts[0])) { return String(parts[1]) }
            return String(line)
        }.joined(separator: "\n")
    }

    /// A text right before an input (left of it in a row, above it in a column) is its label.
    static func tieLabels(_ n: inout UINode) {
        for i in n.children.indices { tieLabels(&n.children[i]) }
        for i in n.children.indices where n.children[i].kind == .input && i > 0 {
            let prev = n.children[i - 1], inp = n.children[i]
            guard prev.kind == .text, let t = prev.text, !t.isEmpty, t.count <= 60 else { continue }
            let near = (prev.box.maxX <= inp.box.x + 4 && inp.box.x - prev.box.maxX <= 80) ||
                (prev.box.maxY <= inp.box.y + 4 && inp.box.y - prev.box.maxY <= 40)
            guard near else { continue }
            n.children[i - 1].tag = "label"
            n.children[i].label = t.replacingOccurrences(of: "\n", with: " ")
        }
    }

    /// Header (a band at the top), footer (a band at the bottom) and main around the rest; a row of
    /// short links inside the header becomes navigation.
    static func sections(_ doc: inout UIDocument) {
        var kids = doc.root.children.sorted { $0.box.y < $1.box.y }
        guard kids.count >= 3 else { return }
        let h = doc.height
        var header: UINode? = nil, footer: UINode? = nil
        if let f = kids.first, f.box.y < h / 6, f.box.height < max(240, h / 4), f.kind == .container || kids[1].box.y - f.box.maxY > 0 {
            header = wrap(f, tag: "header")
            kids.removeFirst()
        }
        if kids.count >= 2, let l = kids.last, l.box.maxY > h * 5 / 6, l.box.height < max(240, h / 4) {
            footer = wrap(l, tag: "footer")
            kids.removeLast()
        }
        guard header != nil || footer != nil else { return }
        if var hd = header { markNav(&hd); header = hd }
        var out: [UINode] = []
        if let header { out.append(header) }
        if !kids.isEmpty {
            out.append(UINode(kind: .container, tag: "main", box: kids.map(\.box).reduce(kids[0].box) { $0.union($1) },
                              style: UIStyle(direction: .column), children: kids))
        }
        if let footer { out.append(footer) }
        doc.root.children = out
    }

    static func wrap(_ n: UINode, tag: String) -> UINode {
        if n.kind == .container, n.tag == nil { var m = n; m.tag = tag; return m }
        return UINode(kind: .container, tag: tag, box: n.box, style: UIStyle(direction: .column), children: [n])
    }

    /// The first row (depth first) holding three or more short single-line texts.
    static func markNav(_ n: inout UINode) {
        func visit(_ m: inout UINode) -> Bool {
            if m.kind == .container, m.style.direction == .row {
                let links = m.children.filter { $0.kind == .text && ($0.text?.count ?? 99) <= 30 && !($0.text ?? "").contains("\n") }
                if links.count >= 3 {
                    if m.tag == nil { m.tag = "nav" }
                    for i in m.children.indices where m.children[i].kind == .text && m.children[i].tag == "p" { m.children[i].tag = "a" }
                    return true
                }
            }
            for i in m.children.indices where visit(&m.children[i]) { return true }
            return false
        }
        _ = visit(&n)
    }
}
