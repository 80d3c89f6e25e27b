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

    /// A one-line paragraph of at most 60 characters directly followed by its underline (see
    /// `underlines`) spanning at least 70 % of its box is a link. The rule stays, so the page draws as
    /// before.
    static func markUnderlinedLinks(_ n: inout UINode) {
        for i in n.children.indices { markUnderlinedLinks(&n.children[i]) }
        for i in n.children.indices.dropLast() {
            let t = n.children[i], rule = n.children[i + 1]
            guard t.kind == .text, t.tag == "p", t.runs == nil, let text = t.text, !text.contains("\n"), text.count <= 60,
                  text.contains(where: \.isLetter), underlines(rule, t) else { continue }
            // the rule spans the line (a rule under a few of its words would make an inline link; on
            // d2c/14026 such a run inside a paragraph lost its page's refinement round, SSIM* 0.87 → 0.70)
            guard rule.box.width * 10 >= t.box.width * 7 else { continue }
            n.children[i].tag = "a"
        }
    }
}
