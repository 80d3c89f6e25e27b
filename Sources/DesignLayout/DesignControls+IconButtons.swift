import Foundation
import ScreenCore

extension ControlShapes {
    /// The tallest box, in pixels, read as a button holding an icon and a label.
    public static let iconButtonMaxHeight = 64

    /// Whether `n` is a button drawn as a box holding an icon and a short label to its right (a
    /// "Share on Facebook" or "Download" button with its pictogram): a filled or outlined box 24–64 px
    /// high whose only content is one icon or small picture (no larger than the box is high, at most
    /// 40 px) followed on the same line by one line of at most three words and 24 characters, not
    /// already a link or heading, the pair hugging the box (at most 48 px of room on either end).
    /// `classifyBox` makes a box holding one line a `<button>`; with an icon in it, it stayed a card,
    /// which the design's sources do not have there (main, session 25: 13737's five social buttons).
    public static func isIconButton(_ n: UINode) -> Bool {
        guard n.kind == .container, n.tag == nil || n.tag == "div", n.children.count == 2,
              n.style.background != nil || n.style.border != nil else { return false }
        let b = n.box
        guard b.height >= 24, b.height <= iconButtonMaxHeight, b.width >= 2 * b.height, b.width <= 360 else { return false }
        let icon = n.children[0], label = n.children[1]
        guard icon.kind == .icon || icon.kind == .image, icon.tag == nil,
              icon.box.width <= min(40, b.height), icon.box.height <= min(40, b.height),
              icon.box.width >= 8, icon.box.height >= 8 else { return false }
        guard label.kind == .text, label.tag == nil || label.tag == "p", let text = label.text,
              !text.contains("\n"), text.count <= 24, text.split(separator: " ").count <= 3,
              text.contains(where: \.isLetter) else { return false }
        // the icon before the label on one line, both inside the box
        let gap = label.box.x - icon.box.maxX
        guard gap >= 0, gap <= 24,
              abs((icon.box.y + icon.box.maxY) - (label.box.y + label.box.maxY)) <= max(8, b.height / 3),
              holds(b, icon.box), holds(b, label.box) else { return false }
        return icon.box.x - b.x <= 48 && b.maxX - label.box.maxX <= 48
    }

    static func holds(_ outer: PixelRect, _ inner: PixelRect) -> Bool {
        inner.x >= outer.x && inner.y >= outer.y && inner.maxX <= outer.maxX && inner.maxY <= outer.maxY
    }

    /// Boxes holding an icon and a short label (see `isIconButton`) become buttons: the box keeps its
    /// layout (a row holding the icon, then the label as a `span`) under the tag `button`, so the
    /// page draws as before; the label is the button's name.
    public static func foldIconButtons(_ n: inout UINode) {
        for i in n.children.indices { foldIconButtons(&n.children[i]) }
        guard isIconButton(n) else { return }
        n.tag = "button"
        n.label = n.children[1].text
        n.children[1].tag = "span"
    }
}
