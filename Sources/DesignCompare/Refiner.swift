import CodeGen
import Foundation
import ScreenCore

/// The score of one render of a UI document against its design.
public struct RefinementScore: Sendable, Codable, Equatable {
    /// SSIM-style similarity of the screenshot to the design (`Pixels.visualSimilarity`).
    public var visual: Double
    /// Mean over measured elements of `exp(-d / 8)`, d = how far (px, |dx| + |dy|) the rendered
    /// element's ink or box is from the design's.
    public var position: Double
    /// Share of text elements that take as many lines as the design shows.
    public var wrapping: Double
    /// The combined score that refinement maximises: 0.5 visual + 0.35 position + 0.15 wrapping.
    public var total: Double

    public init(visual: Double, position: Double, wrapping: Double) {
        self.visual = visual; self.position = position; self.wrapping = wrapping
        total = 0.5 * visual + 0.35 * position + 0.15 * wrapping
    }
}

/// One round of refinement: the score of the document it rendered and what was changed to get it.
public struct RefinementRound: Sendable, Codable, Equatable {
    public var round: Int
    public var score: RefinementScore
    /// Corrections applied before this render (0 for the first render).
    public var corrections: Int
    /// Whether the round's document was kept (it scored better than the best so far).
    public var kept: Bool
}

/// What refinement did.
public struct RefinementOutcome: Sendable {
    /// The best document found (the input if no round improved on it).
    public var document: UIDocument
    public var rounds: [RefinementRound]
    public var seconds: Double
}

/// Render, compare, correct, repeat (issue 15's "visual debugging"): the generated page is rendered
/// at the design's width, every element's box, text lines, ink and colour are read back and
/// compared with the design's pixels under the UI node it came from, and the UI document is
/// corrected — margins for misplaced elements, font sizes for text drawn wider or narrower than
/// the design's, widths for text that wraps where the design does not, text colours whose ink
/// differs. Only flow properties change (margins, widths, font, colour): nothing is positioned.
/// Rounds stop when the score stops improving (or the page looks less like the design); the best
/// document wins.
public struct Refiner: Sendable {
    /// The design (RGB).
    public let design: Image
    /// Rounds of correction after the first render.
    public var rounds: Int

    public init(design: Image, rounds: Int = 3) { self.design = design; self.rounds = rounds }

    /// Refines `document`, rendering each candidate with `renderer` (as the `html` target).
    public func refine(_ document: UIDocument, renderer: PageRenderer, html: (UIDocument) throws -> String) async throws -> RefinementOutcome {
        let start = Date()
        var best = document
        var page = try await renderer.render(html: try html(best), expectedHeight: document.height)
        var (bestScore, measures) = score(best, page)
        var history = [RefinementRound(round: 0, score: bestScore, corrections: 0, kept: true)]
        var r = 0
        while r < rounds {
            r += 1
            try Task.checkCancellation()
            let (candidate, n) = Self.correct(best, measures: measures)
            if n == 0 { break }
            let candPage = try await renderer.render(html: try html(candidate), expectedHeight: document.height)
            let (s, m) = score(candidate, candPage)
            let better = Self.improves(s, on: bestScore)
            history.append(RefinementRound(round: r, score: s, corrections: n, kept: better))
            guard better else { break }
            best = candidate; bestScore = s; measures = m; page = candPage
        }
        return RefinementOutcome(document: best, rounds: history, seconds: Date().timeIntervalSince(start))
    }

    /// Whether a round's score is worth keeping over the best so far: a higher total, and a page
    /// that looks no less like the design (a round that moves elements nearer their measured places
    /// but makes the screenshot less alike is rolled back — the eye judges the look, not the ink
    /// boxes).
    public static func improves(_ s: RefinementScore, on best: RefinementScore) -> Bool {
        s.total > best.total + 0.0005 && s.visual >= best.visual - 0.001
    }

    // MARK: - Measuring

    /// How one node rendered compared with the design.
    public struct Measure: Sendable, Equatable {
        /// Rendered minus design position of the node's ink (text) or box (everything else).
        public var dx: Double, dy: Double
        /// Whether dx is meaningful (not for centred text, whose box spans its container).
        public var horizontal: Bool
        /// Design ink width / rendered ink width, for text that wraps the same way.
        public var widthRatio: Double?
        /// Rendered line count minus the design's.
        public var extraLines: Int
        /// Design text colour where the rendered ink's differs noticeably (ΔE ≥ 3).
        public var designColor: RGB?
        public var renderedColor: RGB?
    }

    /// Class name of every node (index path → the element's class), as `MockupElementBuilder` names them.
    static func classNames(_ doc: UIDocument) -> [[Int]: String] {
        var out: [[Int]: String] = [:]
        func walk(_ e: MockupElement, _ path: [Int]) {
            out[path] = e.className
            for (i, c) in e.children.enumerated() { walk(c, path + [i]) }
        }
        walk(MockupElementBuilder.build(doc), [])
        return out
    }

    func score(_ doc: UIDocument, _ page: RenderedPage) -> (RefinementScore, [[Int]: Measure]) {
        let m = measure(doc, page)
        let visual = page.screenshot.map { Pixels.visualSimilarity(design, $0) } ?? 0
        let pos = m.isEmpty ? 1 : m.values.map { exp(-(($0.horizontal ? abs($0.dx) : 0) + abs($0.dy)) / 8) }.reduce(0, +) / Double(m.count)
        var texts = 0, same = 0
        walkNodes(doc.root) { n, path in
            guard Self.isText(n), let mm = m[path] else { return }
            texts += 1
            if mm.extraLines == 0 { same += 1 }
        }
        return (RefinementScore(visual: visual, position: pos, wrapping: texts == 0 ? 1 : Double(same) / Double(texts)), m)
    }

    static func isText(_ n: UINode) -> Bool {
        (n.kind == .text || n.kind == .listItem) && !(n.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    func walkNodes(_ n: UINode, _ path: [Int] = [], _ body: (UINode, [Int]) -> Void) {
        body(n, path)
        for (i, c) in n.children.enumerated() { walkNodes(c, path + [i], body) }
    }

    /// Whether the ink measured on the render differs from the design's by a drift worth correcting
    /// (ΔE 3–20) and both inks are the text's own colour (within ΔE 25 of the colour the node
    /// declares, which was read off the same design pixels). A larger difference means one of the
    /// two measurements caught something else — a bubble's fill, a neighbour's ink — and "correcting"
    /// it would paint white text blue.
    public static func isColourDrift(design: RGB, rendered: RGB, declared: RGB?) -> Bool {
        let d = Pixels.deltaE(design, rendered)
        guard d >= 3, d <= 20 else { return false }
        guard let own = declared else { return true }
        return Pixels.deltaE(own, design) <= 25 && Pixels.deltaE(own, rendered) <= 25
    }

    /// Measures every node that has a rendered element and something to compare on the design.
    public func measure(_ doc: UIDocument, _ page: RenderedPage) -> [[Int]: Measure] {
        let names = Self.classNames(doc)
        var byClass: [String: RenderedElement] = [:]
        for e in page.elements { for c in e.classes where byClass[c] == nil { byClass[c] = e } }
        var out: [[Int]: Measure] = [:]
        walkNodes(doc.root) { n, path in
            guard !path.isEmpty, let name = names[path], let e = byClass[name] else { return }
            if Self.isText(n) {
                let designLines = max(1, (n.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).count)
                let dBox = n.box
                let rBox = (e.textBox ?? e.box).pixelRect
                let pad = 2
                guard let shot = page.screenshot,
                      let di = Pixels.ink(design, in: PixelRect(x: dBox.x - pad, y: dBox.y - pad, width: dBox.width + 2 * pad, height: dBox.height + 2 * pad)),
                      let ri = Pixels.ink(shot, in: PixelRect(x: rBox.x - pad, y: rBox.y - pad, width: rBox.width + 2 * pad, height: rBox.height + 2 * pad))
                else { return }
                let centred = n.style.textAlign == .center || n.style.textAlign == .end
                var m = Measure(dx: Double(ri.box.x - di.box.x), dy: Double(ri.box.y - di.box.y), horizontal: !centred,
                                widthRatio: nil, extraLines: e.lines - designLines, designColor: nil, renderedColor: nil)
                if e.lines == designLines, ri.box.width >= 12, di.box.width >= 12,
                   abs(Double(ri.box.height - di.box.height)) <= 0.3 * Double(di.box.height) + 2 {
                    m.widthRatio = Double(di.box.width) / Double(ri.box.width)
                }
                if Self.isColourDrift(design: di.color, rendered: ri.color, declared: n.style.color) {
                    m.designColor = di.color; m.renderedColor = ri.color
                }
                out[path] = m
            } else if n.kind != .container || n.style.background != nil || n.style.border != nil {
                let rb = e.box
                out[path] = Measure(dx: rb.x - Double(n.box.x), dy: rb.y - Double(n.box.y), horizontal: true,
                                    widthRatio: nil, extraLines: 0, designColor: nil, renderedColor: nil)
            }
        }
        return out
    }

    // MARK: - Correcting

    /// The corrected document and how many corrections were made.
    public static func correct(_ doc: UIDocument, measures: [[Int]: Measure]) -> (UIDocument, Int) {
        var count = 0
        // A plain container's offset is its first measured descendant's.
        func offset(_ n: UINode, _ path: [Int]) -> Measure? {
            if let m = measures[path] { return m }
            for (i, c) in n.children.enumerated() { if let m = offset(c, path + [i]) { return m } }
            return nil
        }
        func fix(_ n: UINode, _ path: [Int], parentOffset: (dx: Double, dy: Double), on parentBackground: RGB) -> UINode {
            var n = n
            let background = n.style.background ?? parentBackground
            if let m = measures[path], isText(n) {
                if m.extraLines > 0 {
                    count += 1
                    n.style.fontSize = n.style.fontSize.map { ($0 * 0.97 * 4).rounded() / 4 }
                } else if let r = m.widthRatio, abs(1 - r) >= 0.025, let f = n.style.fontSize {
                    count += 1
                    n.style.fontSize = ((f * min(1.15, max(0.87, r))) * 4).rounded() / 4
                }
                if let want = m.designColor, let got = m.renderedColor,
                   !Self.isCoverageDrift(design: want, rendered: got, ink: n.style.color ?? got, background: background) {
                    let base = n.style.color ?? got
                    func adj(_ b: UInt8, _ w: UInt8, _ g: UInt8) -> UInt8 { UInt8(max(0, min(255, Int(b) + Int(w) - Int(g)))) }
                    let c = RGB(adj(base.r, want.r, got.r), adj(base.g, want.g, got.g), adj(base.b, want.b, got.b))
                    if c != n.style.color, Self.keepsContrast(c, was: base, on: background, n.style) { n.style.color = c; count += 1 }
                }
            }
            // The container's own error (what its own margin was corrected for one level up); the
            // page itself sits at 0, 0.
            let mine = path.isEmpty ? (dx: 0.0, dy: 0.0)
                : offset(n, path).map { (dx: $0.horizontal ? $0.dx : parentOffset.dx, dy: $0.dy) } ?? parentOffset
            var prev = mine
            let row = n.style.direction == .row
            let centred = n.style.align == .center
            var kids: [UINode] = []
            for (i, c) in n.children.enumerated() {
                var c = c
                let cp = path + [i]
                if c.style.positioned != true, let m = offset(c, cp) {
                    let dy = row ? (m.dy - mine.dy) * (centred ? 2 : 1) : m.dy - prev.dy
                    let dx = m.horizontal ? (row ? m.dx - prev.dx : m.dx - mine.dx) : 0
                    var margin = c.style.margin ?? .zero
                    if abs(dy) >= 1 { margin.top -= max(-40, min(40, dy.rounded())); count += 1 }
                    if abs(dx) >= 1 { margin.left -= max(-40, min(40, dx.rounded())); count += 1 }
                    c.style.margin = margin.isZero ? nil : margin
                    prev = (m.horizontal ? m.dx : prev.dx, m.dy)
                }
                kids.append(fix(c, cp, parentOffset: offset(c, cp).map { ($0.horizontal ? $0.dx : mine.dx, $0.dy) } ?? mine, on: background))
            }
            // Text that wraps where the design does not gets the room up to its right neighbour
            // (or its parent's content edge).
            for i in kids.indices {
                guard let m = measures[path + [i]], m.extraLines > 0, isText(kids[i]) else { continue }
                let k = kids[i]
                let limit: Int
                if row, i + 1 < kids.count { limit = kids[i + 1].box.x - Int(n.style.gap ?? 0) }
                else { limit = n.box.maxX - Int(n.style.border?.width ?? 0) }
                if limit > k.box.maxX {
                    kids[i].box.width = limit - k.box.x
                    if k.style.textAlign == .center { kids[i].box.width = k.box.width + (limit - k.box.maxX) }
                    count += 1
                }
            }
            n.children = kids
            return n
        }
        var out = doc
        out.root = fix(doc.root, [], parentOffset: (0, 0), on: doc.background)
        return (out, count)
    }

    /// Whether the design's and the render's measured inks differ only by how much of the glyphs'
    /// area is ink — both lie on the line from the text's colour to its background, the render's
    /// strokes heavier or lighter than the design's face — rather than by hue. Moving the declared
    /// colour by such a difference recolours right text to match a stroke weight; it is skipped.
    public static func isCoverageDrift(design: RGB, rendered: RGB, ink: RGB, background: RGB) -> Bool {
        func v(_ c: RGB) -> (Double, Double, Double) { (Double(c.r), Double(c.g), Double(c.b)) }
        let (ir, ig, ib) = v(ink), (br, bg, bb) = v(background)
        let axis = (br - ir, bg - ig, bb - ib)
        let axisLength2 = axis.0 * axis.0 + axis.1 * axis.1 + axis.2 * axis.2
        // Text barely distinct from its background has no line to speak of.
        guard axisLength2 >= 24 * 24 else { return false }
        let (wr, wg, wb) = v(design), (gr, gg, gb) = v(rendered)
        let d = (wr - gr, wg - gg, wb - gb)
        let dLength = (d.0 * d.0 + d.1 * d.1 + d.2 * d.2).squareRoot()
        guard dLength > 0 else { return false }
        let t = (d.0 * axis.0 + d.1 * axis.1 + d.2 * axis.2) / axisLength2
        let p = (d.0 - t * axis.0, d.1 - t * axis.1, d.2 - t * axis.2)
        let across = (p.0 * p.0 + p.1 * p.1 + p.2 * p.2).squareRoot()
        return across <= max(3, 0.3 * dLength)
    }

    /// Whether a corrected text colour keeps WCAG AA contrast with its background where the colour
    /// before it had it (or loses none where it had not). Thin text is drawn lighter than its colour
    /// by anti-aliasing: matching the measured ink of a render whose strokes are heavier than the
    /// design's would lighten the colour itself, into a contrast failure the design does not have.
    public static func keepsContrast(_ c: RGB, was base: RGB, on background: RGB, _ style: UIStyle) -> Bool {
        let need = WCAGContrast.required(fontSize: style.fontSize, weight: style.fontWeight)
        let now = WCAGContrast.ratio(c, background)
        return now >= need || now >= WCAGContrast.ratio(base, background)
    }
}
