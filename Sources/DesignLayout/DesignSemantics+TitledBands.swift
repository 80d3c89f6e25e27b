import ScreenCore

/// A filled or outlined band holding one short line at its left, the rest of the band empty: a
/// section's title drawn on a strip ("TRACKBACK", "POST A COMMENT" over a blog post's comment
/// blocks, a sidebar's title strip). `classifyBox` read such a box as a button with an off-centre
/// label; a button's label is centred in a box sized to it, and the sources draw these strips as a
/// heading with a background (`h2`/`h3` with padding), so the band becomes that heading.
extension ControlShapes {
    /// The narrowest titled band, in pixels: narrower boxes with a label at their left are a menu's
    /// selected item or a button drawn left-aligned (a sample dashboard's 200 px "Overview").
    public static let titledBandMinWidth = 300

    /// Whether a box of `box` holding one line whose text box is `text` is a titled band: at least
    /// `titledBandMinWidth` wide and three times the line's width, the line at its left (within
    /// 24 px, further from the right edge than from the left by more than a twelfth of the width,
    /// as `offCentreLabel` reads it), the band at most half again the line's height and 4 px: a strip
    /// drawn tight around its title (d2c/723's 21 px strips round 14–15 px lines). A roomier box
    /// with a label at its left is a control (d2c/6111's 54 px accordion rows round 25–27 px lines
    /// are `<button>`s in the source, and their 1 px frames fold into the button, not into a band).
    public static func isTitledBand(box: PixelRect, text: PixelRect) -> Bool {
        let leftPad = text.x - box.x, rightPad = box.maxX - text.maxX
        return box.width >= titledBandMinWidth && box.width >= 3 * text.width && text.width > 0
            && leftPad >= 0 && leftPad <= 24 && rightPad - leftPad > max(6, box.width / 12)
            && 2 * box.height <= 3 * text.height + 8 && text.y >= box.y && text.maxY <= box.maxY
    }
}

extension DesignSemantics {
    /// A band (a container with its own fill: a box only outlined, holding one line at its left, is a
    /// field showing its query — a sample issue list's "is:issue is:open" box) whose only content is one line of words at
    /// its left (`ControlShapes.isTitledBand`) is a heading: the container takes the line's heading
    /// tag, or `level` when the line is a paragraph, and the line becomes its block `span` (phrasing
    /// content), so the page draws as before. A line already a link (a bar holding one link) or a
    /// label stays as it is.
    static func markTitledBands(_ n: inout UINode, level: Int) {
        for i in n.children.indices { markTitledBands(&n.children[i], level: level) }
        guard n.kind == .container, n.tag == nil, n.style.background != nil,
              n.children.count == 1, n.children[0].kind == .text, n.children[0].runs == nil else { return }
        let line = n.children[0]
        guard line.tag == "p" || isHeadingTag(line.tag), let t = line.text, !t.contains("\n"), t.count <= 60,
              namesInWords(t), ControlShapes.isTitledBand(box: n.box, text: line.box) else { return }
        n.tag = isHeadingTag(line.tag) ? line.tag : "h\(level)"
        n.children[0].tag = "span"
    }
}
