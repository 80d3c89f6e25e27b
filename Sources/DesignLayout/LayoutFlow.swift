import ScreenCore

/// Turns a tree of measured boxes into flow layout: every container lays its children out along
/// its direction; the measured offsets become padding, a uniform gap where the gaps agree, and
/// per-child margins for the rest. Centred text spans its container with `textAlign: center`, so
/// it stays centred whatever font renders it. Run after the semantic pass.
public enum LayoutFlow {
    /// Lays out the whole document in place.
    public static func apply(_ doc: inout UIDocument) {
        doc.root.box = PixelRect(x: 0, y: 0, width: doc.width, height: doc.height)
        doc.root.style.direction = .column
        layout(&doc.root, isRoot: true)
    }

    /// Whether a container draws anything itself (and so keeps its measured size).
    static func isVisual(_ n: UINode) -> Bool {
        n.style.background != nil || n.style.border != nil || n.kind != .container
    }

    static func layout(_ n: inout UINode, isRoot: Bool = false) {
        guard !n.children.isEmpty else { return }
        for i in n.children.indices { layout(&n.children[i]) }
        // Flatten plain single-child wrappers.
        n.children = n.children.map { c in
            if c.kind == .container, c.tag == nil, !isVisual(c), c.children.count == 1, c.style.positioned != true {
                var only = c.children[0]
                only.style.margin = nil
                return only
            }
            return c
        }
        let dir = n.style.direction ?? .column
        n.children.sort { dir == .column ? ($0.box.y, $0.box.x) < ($1.box.y, $1.box.x) : ($0.box.x, $0.box.y) < ($1.box.x, $1.box.y) }
        if !isRoot && !isVisual(n) && n.kind == .container {
            n.box = n.children.map(\.box).reduce(n.box) { $0.union($1) }
        }
        let bw = Int(n.style.border?.width ?? 0)
        let cx = n.box.x + bw, cy = n.box.y + bw
        let cw = n.box.width - 2 * bw
        let ch = n.box.height - 2 * bw

        // Centred text in a column: span the container and centre the text.
        if dir == .column {
            for i in n.children.indices where n.children[i].kind == .text {
                let c = n.children[i].box
                if isCentred(c, contentX: cx, contentWidth: cw) {
                    n.children[i].style.textAlign = .center
                    n.children[i].box = PixelRect(x: cx, y: c.y, width: cw, height: c.height)
                }
            }
        }

        var margins: [UIInsets] = []
        switch dir {
        case .column:
            var cursor = cy
            for c in n.children {
                margins.append(UIInsets(top: Double(c.box.y - cursor), left: Double(c.box.x - cx)))
                cursor = c.box.maxY
            }
        case .row:
            var cursor = cx
            for c in n.children {
                margins.append(UIInsets(top: Double(c.box.y - cy), left: Double(c.box.x - cursor)))
                cursor = c.box.maxX
            }
        }
        var padding = UIInsets()
        switch dir {
        case .column:
            if let first = margins.first, first.top > 0 { padding.top = first.top; margins[0].top = 0 }
            // A uniform gap between rows.
            if margins.count >= 3 {
                let rest = margins.dropFirst().map(\.top)
                if let lo = rest.min(), let hi = rest.max(), lo >= 1, hi - lo <= 1 {
                    n.style.gap = lo
                    for i in 1..<margins.count { margins[i].top -= lo }
                }
            }
        case .row:
            let centres = n.children.map { Double($0.box.y) + Double($0.box.height) / 2 }
            let aligned = n.children.count >= 2 && (centres.max()! - centres.min()!) <= 2
            if aligned {
                n.style.align = .center
                let top = n.children.map(\.box.y).min()! - cy
                let boxCentre = Double(cy) + Double(ch) / 2
                if isVisual(n) && abs(centres[0] - boxCentre) <= 2 { padding.top = 0 } else { padding.top = Double(max(0, top)) }
                for i in margins.indices { margins[i].top = 0 }
            } else if let lo = margins.map(\.top).min(), lo > 0 {
                padding.top = lo
                for i in margins.indices { margins[i].top -= lo }
            }
        }
        n.style.padding = padding.isZero ? nil : padding
        for i in n.children.indices {
            let m = margins[i]
            n.children[i].style.margin = (m.top == 0 && m.left == 0) ? nil : m
        }
    }
}
