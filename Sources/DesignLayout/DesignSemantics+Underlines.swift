import ScreenCore

/// Underlined text on its own line: the layout reads the underline as a thin rule directly under
/// the line (d2c/17636's page-tools row "Discuss", "Cite", "Print", each drawn underlined in its
/// own grey). A rule in the text's own ink crossing the foot of its line box is the text's
/// underline, and underlined text is a link. A rule in another colour (a row separator, a
/// header's border) or a few pixels below the line is not.
extension DesignSemantics {
    /// Whether `rule` is drawn as the underline of the one-line text `t`: at most 2 px thick, its top
    /// between 5 px above the line box's foot and 1 px below it, lying within the text's box (2 px
    /// of slack each side) over at least a fifth of its width, in the text's ink (colour distance
    /// ≤ 40).
    static func underlines(_ rule: UINode, _ t: UINode) -> Bool {
        guard rule.kind == .divider, rule.box.height <= 2, rule.box.width >= 4, let ink = t.style.color,
              let line = rule.style.background, DesignRaster.distance(ink, line) <= 40 else { return false }
        let dy = rule.box.y - t.box.maxY
        guard dy >= -5, dy <= 1 else { return false }
        return rule.box.x >= t.box.x - 2 && rule.box.maxX <= t.box.maxX + 2 && rule.box.width * 5 >= t.box.width
    }

    /// The words of `text` drawn over `span` when the line is drawn across `box` (Arial advance
    /// widths scaled to the box): the word runs from the first word whose middle lies in the span to
    /// the last, as `(before, words, after)`; nil when no word's middle does.
    static func wordsOver(_ span: (Int, Int), text: String, box: PixelRect, bold: Bool) -> (String, String, String)? {
        let total = DesignFontMetrics.width(of: text, bold: bold)
        guard total > 0 else { return nil }
        let scale = Double(box.width) / total
        var inside: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard let start = text[i...].firstIndex(where: { $0 != " " }) else { break }
            let end = text[start...].firstIndex(of: " ") ?? text.endIndex
            let a = DesignFontMetrics.width(of: String(text[..<start]), bold: bold) * scale
            let b = DesignFontMetrics.width(of: String(text[..<end]), bold: bold) * scale
            let mid = Double(box.x) + (a + b) / 2
            if mid >= Double(span.0), mid <= Double(span.1) { inside.append(start..<end) }
            i = end
        }
        guard let first = inside.first, let last = inside.last else { return nil }
        return (String(text[..<first.lowerBound]), String(text[first.lowerBound..<last.upperBound]), String(text[last.upperBound...]))
    }

    /// A one-line paragraph of at most 60 characters directly followed by its underline (see
    /// `underlines`) is a link: the whole line when every word is drawn over the rule (`wordsOver`),
    /// else the words over it as an inline link ("-- <u>Tom Friedman</u>"). The rule stays, so a
    /// whole-line link draws as before.
    static func markUnderlinedLinks(_ n: inout UINode) {
        for i in n.children.indices { markUnderlinedLinks(&n.children[i]) }
        for i in n.children.indices.dropLast() {
            let t = n.children[i], rule = n.children[i + 1]
            guard t.kind == .text, t.tag == "p", t.runs == nil, let text = t.text, !text.contains("\n"), text.count <= 60,
                  text.contains(where: \.isLetter), underlines(rule, t) else { continue }
            guard let (before, words, after) = wordsOver((rule.box.x, rule.box.maxX), text: text, box: t.box,
                                                         bold: (t.style.fontWeight ?? 400) >= 600),
                  words.contains(where: \.isLetter) else { continue }
            if before.allSatisfy({ $0 == " " }), after.allSatisfy({ $0 == " " }) {
                n.children[i].tag = "a"
            } else {
                n.children[i].runs = [UITextRun(text: before), UITextRun(text: words, tag: "a", underline: true), UITextRun(text: after)]
                    .filter { !$0.text.isEmpty }
            }
        }
    }
}
