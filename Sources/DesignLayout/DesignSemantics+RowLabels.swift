import Foundation
import ScreenCore

/// Labels over fields side by side: a form's two-column rows ("First name" / "Last name" over their
/// two fields) are laid out as a row of texts above a row of fields, so no label is the field's own
/// neighbour in one container (`tieLabels` looks there).
extension DesignSemantics {
    /// The largest horizontal offset, in pixels, between a label's left edge and its field's.
    static let rowLabelAlignment = 16

    /// A row of two or more short texts right above a row of as many fields (text fields and
    /// selects), each text starting where a field starts: each text is the label of the field below
    /// it. A text set at 1.4× the field's type size or more is a title, and the pair is left alone.
    static func tieRowLabels(_ n: inout UINode) {
        for i in n.children.indices { tieRowLabels(&n.children[i]) }
        guard n.kind == .container, n.style.direction != .row, n.children.count >= 2 else { return }
        for i in 0..<(n.children.count - 1) {
            let texts = n.children[i], fields = n.children[i + 1]
            guard texts.kind == .container, texts.style.direction == .row, fields.kind == .container, fields.style.direction == .row,
                  texts.children.count >= 2, texts.children.count == fields.children.count,
                  texts.children.allSatisfy({ $0.kind == .text && !($0.text ?? "").isEmpty && ($0.text ?? "").count <= 60
                                              && !($0.text ?? "").contains("\n") && $0.tag != "a" }),
                  fields.children.allSatisfy({ $0.kind == .input }) else { continue }
            let gap = fields.box.y - texts.box.maxY
            guard gap >= -2, gap <= 40 else { continue }
            let order = texts.children.indices.sorted { texts.children[$0].box.x < texts.children[$1].box.x }
            let fieldOrder = fields.children.indices.sorted { fields.children[$0].box.x < fields.children[$1].box.x }
            let fits = zip(order, fieldOrder).allSatisfy { t, f in
                let tn = texts.children[t], fn = fields.children[f]
                return abs(tn.box.x - fn.box.x) <= rowLabelAlignment
                    && (tn.style.fontSize ?? 0) < (fn.style.fontSize ?? 16) * 1.4
            }
            guard fits else { continue }
            for (t, f) in zip(order, fieldOrder) {
                n.children[i].children[t].tag = "label"
                n.children[i + 1].children[f].label = texts.children[t].text
            }
        }
    }
}
