import Foundation
import ScreenCore

/// Reads `DiffElement`s from either side of a comparison: an analysed picture (a design, or a
/// page given as a screenshot) or a rendered HTML page (DOM + screenshot). Text is placed by its
/// ink measured on the pixels the same way on both sides, so the two agree to a pixel.
public enum DiffElements {
    /// Text nodes (and button labels) placed by their ink on `image`; filled boxes whose colour
    /// differs from the page background (blocks).
    public static func from(document doc: UIDocument, image: Image) -> [DiffElement] {
        var out: [DiffElement] = []
        func walk(_ n: UINode, isRoot: Bool) {
            let text = (n.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty, [.text, .listItem, .button].contains(n.kind) {
                let b = n.box
                // A button's label: inside its fill (the rim of the inset box is the fill).
                let r = n.kind == .button ? PixelRect(x: b.x + 3, y: b.y + 3, width: b.width - 6, height: b.height - 6)
                                          : PixelRect(x: b.x - 2, y: b.y - 2, width: b.width + 4, height: b.height + 4)
                if let ink = Pixels.ink(image, in: r) {
                    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    out.append(DiffElement(kind: .text, text: text.replacingOccurrences(of: "\n", with: " "), box: Box(ink.box),
                                           color: ink.color, fontSize: n.style.fontSize, lines: lines.count > 1 ? lines : nil))
                }
            }
            // An outlined block (a card, a field: a border all round in a colour of its own), placed
            // by its outline whatever its fill; else a filled block: its colour as drawn (the rim
            // just inside it), when that is the fill. A control's placeholder or value goes with its
            // block (no text element carries it), so a missing field is named by what it showed.
            let held = [.text, .listItem, .button].contains(n.kind) ? nil
                : (n.placeholder ?? n.text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            if !isRoot, n.style.border != nil, n.kind != .text, let o = Pixels.outlineBox(image, near: n.box) {
                out.append(DiffElement(kind: .block, text: held, box: Box(o.box), color: o.color, outlined: true))
            } else if !isRoot, let bg = n.style.background, n.kind != .text, Self.blockSized(n.box),
               n.box.width * n.box.height >= 200,
               let fill = Pixels.rimColor(image, Self.fillRim(n.box)),
               Pixels.deltaE(fill, bg) < 10, Pixels.deltaE(fill, doc.background) >= 3 {
                let box = Pixels.fillBox(image, in: n.box, fill: fill).map(Box.init) ?? Box(n.box)
                out.append(DiffElement(kind: .block, text: held, box: box, color: fill))
            }
            n.children.forEach { walk($0, isRoot: false) }
        }
        walk(doc.root, isRoot: true)
        return out
    }

    /// Whether a box is large enough to compare as a block: 200 px² and over 10 px one way, at
    /// least 4 px the other (a progress bar or a slim track is a block; a 1–3 px rule is not).
    static func blockSized(_ r: PixelRect) -> Bool {
        max(r.width, r.height) > 10 && min(r.width, r.height) >= 4 && r.area >= 200
    }

    /// Where a block's fill colour is read: its rim 2 px inside (1 px inside a slim block), clear of
    /// anti-aliased edges.
    static func fillRim(_ r: PixelRect) -> PixelRect {
        let k = min(2, (min(r.width, r.height) - 2) / 2)
        return PixelRect(x: r.x + k, y: r.y + k, width: r.width - 2 * k, height: r.height - 2 * k)
    }

    /// The page's own-text elements (placed by their ink on the screenshot) and its filled boxes
    /// whose colour differs from the page background.
    public static func from(page: RenderedPage) -> [DiffElement] {
        guard let shot = page.screenshot else { return [] }
        let pageBG = page.elements.first.flatMap { _ in Pixels.rimColor(shot, PixelRect(x: 0, y: 0, width: shot.width, height: shot.height)) }
        var out: [DiffElement] = []
        // Text boxes, for telling whose glyphs a pixel is where two texts overlap (a text moved
        // onto its neighbour): the box whose centre is nearest, relative to its size.
        // A pixel inside another visible element that does not hold the text (a checkbox beside
        // a label) is not the text's either.
        let textBoxes = page.elements.compactMap { e in e.text == nil ? nil : e.textBox }
        let drawn = page.elements.filter { $0.backgroundColor != nil || ($0.borderWidth ?? 0) >= 1 }
        let byIndex = Dictionary(page.elements.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        for e in page.elements {
            if let text = e.text, let tb = e.textBox {
                let r = tb.pixelRect
                let rect = PixelRect(x: r.x - 1, y: r.y - 1, width: r.width + 2, height: r.height + 2)
                let others = textBoxes.filter { $0 != tb && !$0.pixelRect.intersection(rect).isEmpty }
                // the element and its ancestors hold the text, even where it overflows them
                var holders: Set<Int> = [e.index]
                var up = e.parent
                while let k = up, holders.insert(k).inserted { up = byIndex[k]?.parent }
                let beside = drawn.filter { d in
                    let b = d.box
                    return !holders.contains(d.index) && !b.pixelRect.intersection(rect).isEmpty
                        && !(b.x <= tb.x + 0.5 && b.y <= tb.y + 0.5 && b.maxX >= tb.maxX - 0.5 && b.maxY >= tb.maxY - 0.5)
                }.map(\.box)
                func inside(_ b: Box, _ x: Int, _ y: Int, margin m: Double) -> Bool {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    return px >= b.x - m && px <= b.maxX + m && py >= b.y - m && py <= b.maxY + m
                }
                func closeness(_ b: Box, _ x: Int, _ y: Int) -> Double {
                    max(abs(Double(x) + 0.5 - b.centerX) / max(1, b.width / 2), abs(Double(y) + 0.5 - b.centerY) / max(1, b.height / 2))
                }
                let own: ((Int, Int) -> Bool)? = others.isEmpty && beside.isEmpty ? nil : { x, y in
                    if beside.contains(where: { inside($0, x, y, margin: 0) }) { return false }
                    let mine = closeness(tb, x, y)
                    return !others.contains { b in inside(b, x, y, margin: 1) && closeness(b, x, y) < mine }
                }
                if let ink = Pixels.ink(shot, in: rect, background: e.backgroundColor, owns: own, follow: false) {
                    out.append(DiffElement(kind: .text, text: text, box: Box(ink.box), color: ink.color, fontSize: e.fontSize,
                                           selector: e.selector, marginTop: e.marginTop, marginLeft: e.marginLeft, cssColor: e.textColor))
                }
            }
            let r = e.box.pixelRect
            if (e.borderWidth ?? 0) >= 1, e.tag != "body", e.tag != "html", let o = Pixels.outlineBox(shot, near: r, sides: 3) {
                out.append(DiffElement(kind: .block, box: Box(o.box), color: o.color, selector: e.selector,
                                       marginTop: e.marginTop, marginLeft: e.marginLeft, outlined: true))
            } else if let bg = e.backgroundColor, Self.blockSized(r), e.tag != "body", e.tag != "html",
               let fill = Pixels.rimColor(shot, Self.fillRim(r)),
               Pixels.deltaE(fill, bg) < 10, pageBG.map({ Pixels.deltaE(fill, $0) >= 3 }) ?? true {
                let box = Pixels.fillBox(shot, in: r, fill: fill).map(Box.init) ?? e.box
                out.append(DiffElement(kind: .block, box: box, color: fill, selector: e.selector,
                                       marginTop: e.marginTop, marginLeft: e.marginLeft, cssColor: bg))
            }
        }
        return out
    }
}

/// The annotated side-by-side picture of a diff: the design on the left, the page on the right;
/// changed elements outlined in orange on both, missing ones red on the design, extra ones blue on
/// the page.
public enum DiffPicture {
    public static func draw(design: Image, page: Image, differences: [ElementDifference]) -> Image {
        let gap = 16
        let h = max(design.height, page.height), w = design.width + gap + page.width
        var out = Image(width: w, height: h, format: .rgb24, filledWith: 255)
        func blit(_ img: Image, atX ox: Int) {
            for y in 0..<img.height {
                for x in 0..<img.width {
                    let p = img.rgb(x: x, y: y)
                    let o = out.offset(x: ox + x, y: y)
                    out.pixels[o] = p.r; out.pixels[o + 1] = p.g; out.pixels[o + 2] = p.b
                }
            }
        }
        blit(design, atX: 0)
        blit(page, atX: design.width + gap)
        func rect(_ b: Box, dx: Int, _ c: RGB) {
            let r = b.pixelRect
            let x0 = max(0, r.x - 2 + dx), y0 = max(0, r.y - 2), x1 = min(w - 1, r.maxX + 1 + dx), y1 = min(h - 1, r.maxY + 1)
            guard x0 < x1, y0 < y1 else { return }
            for t in 0..<2 {
                for x in x0...x1 { set(x, min(h - 1, y0 + t), c); set(x, max(0, y1 - t), c) }
                for y in y0...y1 { set(min(w - 1, x0 + t), y, c); set(max(0, x1 - t), y, c) }
            }
        }
        func set(_ x: Int, _ y: Int, _ c: RGB) {
            let o = out.offset(x: x, y: y)
            out.pixels[o] = c.r; out.pixels[o + 1] = c.g; out.pixels[o + 2] = c.b
        }
        let orange = RGB(255, 140, 0), red = RGB(220, 30, 30), blue = RGB(30, 90, 230)
        for d in differences {
            switch d.status {
            case .changed:
                if let b = d.designBox { rect(b, dx: 0, orange) }
                if let b = d.pageBox { rect(b, dx: design.width + gap, orange) }
            case .missing: if let b = d.designBox { rect(b, dx: 0, red) }
            case .extra: if let b = d.pageBox { rect(b, dx: design.width + gap, blue) }
            }
        }
        return out
    }
}
