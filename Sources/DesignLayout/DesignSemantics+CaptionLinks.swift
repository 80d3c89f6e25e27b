import ScreenCore

/// A gallery's captions: a row of pictures with a row of short titles right under them, each
/// title under one picture ("Aubade Paean", "Matins i", a product's name), as XY-cut reads a grid
/// of picture cards row by row. Pages link each title (and usually the picture) to its page;
/// the title row's items sit too far apart for `markLinkRows`' menu rule.
extension DesignSemantics {
    /// The most a caption row may start below its pictures, in pixels.
    static let captionGap = 40

    /// In a column, a row of three or more pictures — or of captioned pictures: a column holding a
    /// picture with one short line under it (a picture drawn shorter than its neighbours, whose
    /// title XY-cut kept with it) — directly followed (within `captionGap`) by a row of two or more
    /// single-line texts of at most 48 characters, each lying under one of the pictures (see
    /// `isUnder`): the texts, and the captioned pictures' lines, become links.
    static func markCaptionLinks(_ n: inout UINode) {
        for i in n.children.indices { markCaptionLinks(&n.children[i]) }
        guard n.kind == .container, n.style.direction != .row, n.children.count >= 2 else { return }
        for i in n.children.indices.dropLast() {
            let pics = n.children[i], caps = n.children[i + 1]
            guard pics.kind == .container, pics.style.direction == .row, pics.children.count >= 3,
                  pics.children.allSatisfy({ $0.kind == .image || captionedPicture($0) != nil }),
                  caps.kind == .container, caps.style.direction == .row, caps.children.count >= 2,
                  caps.box.y >= pics.box.maxY - 2, caps.box.y - pics.box.maxY <= captionGap else { continue }
            let boxes = pics.children.map { $0.kind == .image ? $0.box : captionedPicture($0)!.picture }
            guard caps.children.allSatisfy({ c in isCaptionLine(c) && boxes.contains { isUnder(c.box, $0) } }) else { continue }
            for k in n.children[i + 1].children.indices { n.children[i + 1].children[k].tag = "a" }
            for k in n.children[i].children.indices {
                if let line = captionedPicture(n.children[i].children[k])?.line { n.children[i].children[k].children[line].tag = "a" }
            }
        }
    }

    /// Whether a node is one line of a caption: a single-line text of at most 48 characters with a
    /// letter, tagged a paragraph or a link.
    static func isCaptionLine(_ c: UINode) -> Bool {
        guard c.kind == .text, c.tag == "p" || c.tag == "a", let t = c.text, !t.contains("\n"), t.count <= 48 else { return false }
        return t.contains(where: \.isLetter)
    }

    /// A column holding a picture and, right under it (within `captionGap`, see `isUnder`), one
    /// caption line: the picture's box and the line's index; nil for anything else.
    static func captionedPicture(_ c: UINode) -> (picture: PixelRect, line: Int)? {
        guard c.kind == .container, c.style.direction != .row, c.style.background == nil, c.style.border == nil,
              c.children.count == 2, c.children[0].kind == .image, isCaptionLine(c.children[1]) else { return nil }
        let p = c.children[0].box, t = c.children[1].box
        guard t.y >= p.maxY - 2, t.y - p.maxY <= captionGap, isUnder(t, p) else { return nil }
        return (p, 1)
    }

    /// Whether a line's box sits under a picture as its caption: its centre within the picture's
    /// left and right edges, and at most 1.5 × the picture's width (a centred title may run a little
    /// past a narrow picture's sides).
    static func isUnder(_ t: PixelRect, _ p: PixelRect) -> Bool {
        let centre = t.x + t.width / 2
        return centre >= p.x && centre <= p.maxX && Double(t.width) <= Double(p.width) * 1.5
    }
}
