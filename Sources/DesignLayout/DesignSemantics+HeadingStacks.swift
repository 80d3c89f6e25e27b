import Foundation
import ScreenCore

/// Lines of one heading that the text grouping left apart.
extension DesignSemantics {
    /// Whether `next` continues the heading `line` on the line below: the same heading tag, size
    /// (within 10 %), weight and ink, starting at most 0.6 of a line below it, and aligned with it
    /// on the left, the centre or the right (within half the type size).
    static func continuesHeading(_ line: UINode, _ next: UINode) -> Bool {
        guard next.kind == .text, next.tag == line.tag, let f = line.style.fontSize, let g = next.style.fontSize,
              abs(f - g) <= 0.1 * max(f, g), (line.style.fontWeight ?? 400) == (next.style.fontWeight ?? 400) else { return false }
        if let a = line.style.color, let b = next.style.color, DesignRaster.distance(a, b) > 60 { return false }
        let lines = max(1, (line.text ?? "").split(separator: "\n").count)
        let pitch = line.style.lineHeight ?? Double(line.box.height) / Double(lines)
        let gap = Double(next.box.y - line.box.maxY)
        guard gap >= -2, gap <= 0.6 * pitch else { return false }
        let a = line.box, b = next.box, tol = max(6, Int(f / 2))
        return abs(a.x - b.x) <= tol || abs((a.x + a.maxX) - (b.x + b.maxX)) <= 2 * tol || abs(a.maxX - b.maxX) <= tol
    }

    /// Consecutive heading lines of one style stacked in a column (see `continuesHeading`) are one
    /// heading or one paragraph: when their text joined still reads as a heading
    /// (`isHeadingCandidate`: at most three lines and 140 characters, no sentence…) they become one
    /// heading element holding each line as a block (`span`), laid out as before; otherwise (prose
    /// set larger than the body, wrapped line by line) each line is a paragraph. Main, session 25:
    /// nine such stacks on the 70 designs, a title and its second line ("Hamlet Analysis of Act IV,
    /// Scene 5" / "by William Shakespeare") each a heading where the design has one, a post's large
    /// prose one heading per line.
    static func mergeHeadingStacks(_ n: inout UINode, body: Double) {
        for i in n.children.indices { mergeHeadingStacks(&n.children[i], body: body) }
        guard n.kind == .container, n.style.direction != .row, n.children.count >= 2 else { return }
        var out: [UINode] = []
        var i = 0
        let kids = n.children
        while i < kids.count {
            var run = [kids[i]]
            if kids[i].kind == .text, isHeadingTag(kids[i].tag) {
                while i + run.count < kids.count, continuesHeading(run[run.count - 1], kids[i + run.count]) {
                    run.append(kids[i + run.count])
                }
            }
            i += run.count
            guard run.count >= 2 else { out += run; continue }
            var joined = run[0]
            joined.text = run.compactMap(\.text).joined(separator: "\n")
            if isHeadingCandidate(joined, body: body) {
                let box = run.map(\.box).reduce(run[0].box) { $0.union($1) }
                out.append(UINode(kind: .container, tag: run[0].tag, box: box, style: UIStyle(direction: .column),
                                  children: run.map { var line = $0; line.tag = "span"; return line }))
            } else {
                out += run.map { var line = $0; line.tag = "p"; return line }
            }
        }
        n.children = out
    }

    /// The text of a heading: its own, or its lines' (a heading holding stacked lines, directly or
    /// inside the link `markPostTitles` puts around them).
    public static func headingText(_ n: UINode) -> String? {
        n.text ?? (n.children.isEmpty ? nil : n.children.compactMap(headingText).joined(separator: " "))
    }
}
