import Foundation
import ScreenCore

/// Session 25 (issue 15, Text): the glyph Tesseract reads off an icon or a bullet before a paragraph
/// that forms no list.
extension DesignSemantics {
    /// Heads of a lone paragraph that are an icon or a bullet read as a glyph ("+ Sample", "* You might
    /// also like:", "° Raymond Frederick Surburg"): none of the 60 Design2Code pages' texts starts
    /// with one of them as a word of its own. "-", "·", "«" are left (pages write "- If your child…",
    /// "· Event ends", "« Back"), and "©" is taken only when no year or "Copyright" follows it
    /// ("© 2022 Verena Ortlieb" is a copyright line, "© Developing in Docker containers" a post icon).
    static let loneBulletGlyphs: Set<String> = ["*", "+", "°", "©"]

    /// `text` without the icon glyph heading its first line (see `loneBulletGlyphs`), or `text`.
    static func strippingLoneBullet(_ text: String) -> String {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, loneBulletGlyphs.contains(String(parts[0])), let next = parts[1].first,
              next.isLetter || next.isNumber || next == "(" || next == "\u{201C}" || next == "\"" else { return text }
        if parts[0] == "©", next.isNumber || parts[1].lowercased().hasPrefix("copyright") { return text }
        return String(text.dropFirst(parts[0].count + 1))
    }

    /// `node` without the glyph heading its text, its box starting where the text after it starts
    /// (the glyph's advance and a space later), so the text stays where the design draws it. A line
    /// centred in `parent` (`LayoutFlow.isCentred`) is left as drawn: without the glyph the browser
    /// would centre it half a glyph to the left, and a shifted box would no longer be centred at all
    /// (14328: SSIM\* 0.9053 → 0.8974 shifted, 0.9013 unshifted; Text +0.0004).
    static func strippingLoneBullet(_ node: UINode, in parent: UINode? = nil) -> UINode {
        // one line only: a paragraph of several lines whose later lines start with the glyph too is a
        // list the grouping did not split (14328's "+ Seeing …\n+ Letting …"), left as drawn
        guard let text = node.text, !text.contains("\n") else { return node }
        let stripped = strippingLoneBullet(text)
        guard stripped != text, let size = node.style.fontSize else { return node }
        let centred = parent.map { p -> Bool in
            let bw = Int(p.style.border?.width ?? 0)
            return LayoutFlow.isCentred(node.box, contentX: p.box.x + bw, contentWidth: p.box.width - 2 * bw)
        } ?? false
        if centred { return node }
        var n = node
        let head = String(text.dropLast(stripped.count))
        let shift = Int((size * DesignFontMetrics.width(of: head, bold: (node.style.fontWeight ?? 400) >= 600)).rounded())
        n.text = stripped
        // the paragraph's runs (links set apart in it) lose the same head, or are dropped if they do not start with it
        if var runs = n.runs {
            if let first = runs.first, first.tag == nil, first.text.hasPrefix(head) {
                runs[0].text = String(first.text.dropFirst(head.count))
                if runs[0].text.isEmpty { runs.removeFirst() }
                n.runs = runs.isEmpty ? nil : runs
            } else {
                n.runs = nil
            }
        }
        if shift < n.box.width { n.box = PixelRect(x: n.box.x + shift, y: n.box.y, width: n.box.width - shift, height: n.box.height) }
        return n
    }
}
