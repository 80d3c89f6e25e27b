import Foundation
import ScreenCore

extension ControlShapes {
    /// The widest band, in pixels, between a button and a box around it that still reads as the
    /// button's own frame (a border or bevel drawn in another colour) rather than a panel holding it.
    public static let buttonFrameInset = 6

    /// Folds a frame drawn around a button into the button: a filled or bordered box whose only
    /// content is one button reaching within `buttonFrameInset` px of each of its sides is the
    /// button's border (a bevel, a two-tone edge), not a panel. The button takes the box's place,
    /// and the band becomes its border: in the box's fill, as wide as the band is on average, or the
    /// box's own border line when the box is only outlined; the box's corner radius goes with it. Without this the page holds a card around
    /// every such button, which the design does not have (main, session 25: four on d2c/6111, none
    /// matching a design container).
    public static func foldButtonFrames(_ n: inout UINode) {
        for i in n.children.indices { foldButtonFrames(&n.children[i]) }
        guard n.kind == .container, n.children.count == 1, n.children[0].kind == .button,
              n.tag == nil || n.tag == "div", let colour = n.style.background ?? n.style.border?.color else { return }
        let b = n.children[0].box, f = n.box
        let insets = [b.x - f.x, b.y - f.y, f.maxX - b.maxX, f.maxY - b.maxY]
        guard insets.allSatisfy({ $0 >= 0 && $0 <= buttonFrameInset }), insets.contains(where: { $0 > 0 }) else { return }
        var button = n.children[0]
        button.box = f
        // a label kept off centre keeps its place: its inset now counts from the frame's edge
        if var p = button.style.padding {
            if p.left > 0 { p.left += Double(insets[0]) }
            button.style.padding = p
        }
        // a filled frame is a band of its fill; an outline keeps its own line (the gap inside it takes the
        // button's fill)
        button.style.border = n.style.background == nil ? n.style.border
            : UIBorder(width: max(1, (Double(insets.reduce(0, +)) / 4).rounded()), color: colour)
        if button.style.radius == nil, let r = n.style.radius { button.style.radius = r }
        n = button
    }
}
