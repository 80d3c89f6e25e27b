import Foundation
import ScreenCore

/// Form controls recognised by their drawn shape, for a box the segmenter found (its fill, border,
/// radius and what it holds): checkboxes (a small square, bordered or filled), radios (a small
/// circle), switches (a pill holding a round knob), text fields and textareas (a bordered light box,
/// empty or with a hint at its top left), selects (a field ending in a chevron) and masked
/// password fields. Pure rules over the node, so they are testable without pixels.
public enum ControlShapes {
    /// Characters OCR makes of a password's mask dots.
    static let maskGlyphs: Set<Character> = ["•", "·", "*", "●", "e", "o", "O", "0", "°", ".", "n", "a", "c"]
    /// Characters OCR makes of a chevron (▾ ⌄ ›).
    static let chevronGlyphs: Set<String> = ["v", "V", "y", "Y", "~", "▾", "▼", "⌄", "›", ">", "<", "^", "A", "="]

    /// Four or more glyphs, at least 80 % of them mask dots as OCR reads them, no digits but 0.
    public static func isMasked(_ text: String) -> Bool {
        let chars = text.filter { $0 != " " }
        guard chars.count >= 4 else { return false }
        let dots = chars.filter { maskGlyphs.contains($0) }.count
        let strong = chars.filter { "•·*●".contains($0) }.count
        // "eoeeeeeeneeee": OCR's reading of dots; a real word has more letter variety
        return Double(dots) >= 0.8 * Double(chars.count) && (strong > 0 || Set(chars).count <= 4)
    }

    /// Whether a single line inside a box reads as a field's hint rather than a button's label:
    /// it starts as hints do ("Search…", "Enter your email", "Type a message") or ends in an
    /// ellipsis ("Search for articles..."). Buttons say what they do ("Search", "Subscribe").
    public static func readsAsHint(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard t.count >= 4, t.count <= 48, t.contains(where: \.isLetter) else { return false }
        if t.hasSuffix("...") || t.hasSuffix("…") { return true }
        let words = t.split(separator: " ")
        guard words.count >= 2 else { return false }   // one word ("Search") is a button's label
        let starts = ["search", "enter", "type", "your", "e-mail", "email", "find", "write", "ask a", "filter", "what are you", "add a"]
        return starts.contains { t.hasPrefix($0) }
    }

    /// Where a button's label sits when it is not centred in its box: a title drawn on a filled band
    /// ("Table Of Contents" at the band's left, a sidebar's heading strip) keeps its offset rather than
    /// being centred, which moves a whole word's ink by half the band's spare width. Returns the
    /// alignment (`.start`) and the inset from the box's outer edge (`left`); nil when the label is
    /// centred (within 6 px or a twelfth of the width, as `classifyBox` reads a button) or nearer the
    /// right (measured on the six Design2Code pages that have such buttons, right-aligning them moved
    /// the screenshot similarity by −0.0002: the fitted text box's right end is not its ink's). The
    /// inset counts from the border box; the renderer subtracts the border's width.
    public static func offCentreLabel(box: PixelRect, text: PixelRect) -> (align: UIAlign, inset: UIInsets)? {
        let leftPad = text.x - box.x, rightPad = box.maxX - text.maxX
        guard leftPad >= 0, rightPad >= 0, rightPad - leftPad > max(6, box.width / 12) else { return nil }
        return (.start, UIInsets(left: Double(leftPad)))
    }

    /// A box holding one short line of text at its left, in a box at least four times as wide as
    /// high whose right part is empty, the line reading as a hint: a text field showing its
    /// placeholder (on dark headers these are filled, without a border, so the bordered-field rule
    /// cannot see them). `leftPad`/`textWidth` are the line's offset from the box's left and its width.
    public static func isHintedField(width w: Int, height h: Int, leftPad: Int, textWidth: Int, text: String) -> Bool {
        h >= 20 && h <= 64 && w >= 4 * h && leftPad >= 0 && leftPad <= max(24, h)
            && Double(textWidth) <= 0.6 * Double(w) && !text.contains("\n") && readsAsHint(text)
    }

    /// A placeholder's ink: a low-saturation grey clearly lighter than body text, on a light field.
    public static func isHintGrey(_ ink: RGB, on field: RGB) -> Bool {
        let hi = max(ink.r, ink.g, ink.b), lo = min(ink.r, ink.g, ink.b)
        return Int(hi) - Int(lo) <= 40 && ink.luma >= 95 && field.luma - ink.luma >= 40
    }

    /// A switch drawn as one piece of ink (the segmenter finds no box in it: a filled pill with a
    /// knob inside, on the page's background): a pill 12–40 px high and 1.5–3 × as wide, its four
    /// corners the background, a round knob at one end unlike the track showing at the other end,
    /// the track unlike the background. Returns whether it is on (the knob at the right) and the
    /// track's colour, or nil.
    public static func drawnSwitch(_ raster: DesignRaster, _ r: PixelRect, background bg: RGB) -> (on: Bool, track: RGB)? {
        let w = r.width, h = r.height
        guard h >= 12, h <= 40, w * 2 >= h * 3, w <= h * 3, r.x >= 0, r.y >= 0, r.maxX <= raster.width, r.maxY <= raster.height
        else { return nil }
        // rounded ends: the corners show the background, the middle of each end does not
        for (x, y) in [(r.x, r.y), (r.maxX - 1, r.y), (r.x, r.maxY - 1), (r.maxX - 1, r.maxY - 1)] {
            guard raster.same(raster.color(x, y), bg) else { return nil }
        }
        let cy = r.y + h / 2, k = max(2, h / 5)
        // a small patch's mean at the centre of each end's circle, and just inside each end
        func mean(_ x: Int, _ y: Int) -> RGB { raster.meanColor(in: PixelRect(x: x - k / 2, y: y - k / 2, width: k, height: k)) }
        let leftKnob = mean(r.x + h / 2, cy), rightKnob = mean(r.maxX - 1 - h / 2, cy)
        // the track: the pill's most common colour other than the background; the knob: the end
        // whose centre is unlike it, the other end showing the track
        let track = raster.dominantColor(in: r, excluding: bg).color
        guard DesignRaster.distance(track, bg) > 40 else { return nil }
        let dl = DesignRaster.distance(leftKnob, track), dr = DesignRaster.distance(rightKnob, track)
        guard max(dl, dr) >= 60, min(dl, dr) <= 40 else { return nil }
        let knobRight = dr > dl
        return (knobRight, track)
    }

    /// The control `node` (a box on `background`) draws, or nil.
    public static func classify(_ node: UINode, background: RGB) -> UINode? {
        let b = node.box, w = b.width, h = b.height, s = node.style
        let fill = s.background.flatMap { DesignRaster.distance($0, background) > 30 ? $0 : nil }
        let bordered = s.border != nil
        guard bordered || fill != nil else { return nil }
        let radius = s.radius ?? 0
        let inside = fill ?? background
        var out = node
        func control(_ kind: UINodeKind, tag: String?, label: String) -> UINode {
            out.kind = kind; out.tag = tag; out.label = label; out.children = []
            return out
        }
        // a knob or a tick: one roughly square child (or nothing)
        let mark = node.children.count == 1 ? node.children[0] : nil
        let onlyMark = node.children.isEmpty || (mark.map { abs($0.box.width - $0.box.height) <= max(4, $0.box.height / 3) } ?? false)
        // checkbox or radio: a small square or circle
        if w >= 10, h >= 10, w <= 30, h <= 30, abs(w - h) <= 3, onlyMark, mark?.kind != .text || (mark?.text?.count ?? 0) <= 1,
           bordered || (w <= 22 && radius <= Double(w) * 0.3) {
            // a filled square without a border is a checked box; a circle needs its ring (else: a dot, an avatar)
            let round = radius >= Double(min(w, h)) * 0.4
            var c = control(.checkbox, tag: round ? "radio" : nil, label: round ? "option" : "checkbox")
            // filled with a colour unlike a field's white, or holding a mark: checked
            if (fill != nil && inside.luma < 200) || mark != nil { c.checked = true; c.style.color = fill ?? mark?.style.background }
            return c
        }
        // switch: a pill (height 12–40, 1.5–3 × as wide) with a round knob or nothing
        if h >= 12, h <= 40, w * 2 >= h * 3, w <= h * 3, radius >= Double(h) * 0.4, onlyMark,
           mark.map({ $0.box.height * 2 >= h && $0.kind != .text || ($0.text?.count ?? 0) <= 1 }) ?? true {
            var c = control(.checkbox, tag: "switch", label: "switch")
            if let m = mark { c.checked = m.box.x + m.box.maxX > b.x + b.maxX }
            else { c.checked = fill.map { $0.luma < 200 } ?? false }
            c.style.color = fill
            return c
        }
        guard bordered, inside.luma >= 225 else { return nil }
        // an empty field: a text field, or a textarea when tall
        if node.children.isEmpty, h >= 14, w >= 2 * h || (h > 64 && w >= 120) {
            return h > 64 ? control(.input, tag: "textarea", label: "text area") : control(.input, tag: nil, label: "text field")
        }
        let texts = node.children.filter { $0.kind == .text }
        guard let first = texts.first, let text = first.text, h >= 14 else { return nil }
        let leftPad = first.box.x - b.x, topPad = first.box.y - b.y
        // select: one line of text at the left and a chevron at the right end
        if node.children.count == 2, h <= 64, w >= 3 * h, leftPad <= 24, node.children[0].kind == .text, !text.contains("\n") {
            let last = node.children[1]
            let glyph = last.kind == .text ? (last.text ?? "") : ""
            let chevron = (last.kind == .icon || last.kind == .image || chevronGlyphs.contains(glyph))
                && last.box.width <= 28 && last.box.height <= max(24, h * 2 / 3) && b.maxX - last.box.maxX <= 28
            if chevron {
                var c = control(.input, tag: "select", label: text)
                c.text = text
                c.style.color = first.style.color; c.style.fontSize = first.style.fontSize
                return c
            }
        }
        // textarea: a tall field holding one hint at its top left, in a placeholder's grey (a box
        // of several texts is a card; dark text is content, kept as text)
        if h > 64, w >= 120, node.children.count == 1, leftPad <= 24, topPad <= 24,
           let ink = first.style.color, isHintGrey(ink, on: inside) {
            var c = control(.input, tag: "textarea", label: text.split(separator: "\n").first.map(String.init) ?? "text area")
            c.placeholder = texts.compactMap(\.text).joined(separator: "\n")
            c.style.color = first.style.color; c.style.fontSize = first.style.fontSize; c.style.lineHeight = first.style.lineHeight
            return c
        }
        return nil
    }
}
