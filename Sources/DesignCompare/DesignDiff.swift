import Foundation
import ScreenCore

/// One thing on a page or design that `diff` compares: a run of text (placed by its ink) or a
/// visible block (a filled box, a picture, a control).
public struct DiffElement: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case text, block }
    public var kind: Kind
    public var text: String?
    /// Text: the ink's tight box; block: the element's box.
    public var box: Box
    /// Text: the ink colour; block: the fill colour.
    public var color: RGB?
    /// Rendered font size (page side) or the analyser's estimate (design side), px.
    public var fontSize: Double?
    /// A CSS selector naming the page element (HTML pages only).
    public var selector: String?
    /// Current computed values the fixes start from (HTML pages only).
    public var marginTop: Double?
    public var marginLeft: Double?
    public var cssColor: RGB?
    /// A block told apart by its outline (a border all round), not by a fill: `color` is the
    /// outline's. Blocks match only blocks of the same sort.
    public var outlined: Bool?
    /// A design text's lines as the analyser read them (nil: one line), so a page text that is
    /// part of it — an inline link, one line of a paragraph — can be found inside it.
    public var lines: [String]?
    public init(kind: Kind, text: String? = nil, box: Box, color: RGB? = nil, fontSize: Double? = nil, selector: String? = nil,
                marginTop: Double? = nil, marginLeft: Double? = nil, cssColor: RGB? = nil, outlined: Bool? = nil,
                lines: [String]? = nil) {
        self.kind = kind; self.text = text; self.box = box; self.color = color; self.fontSize = fontSize
        self.selector = selector; self.marginTop = marginTop; self.marginLeft = marginLeft; self.cssColor = cssColor
        self.outlined = outlined; self.lines = lines
    }
    var isOutlined: Bool { outlined ?? false }
}

/// A CSS change that would bring a page element back to the design.
public struct CSSFix: Sendable, Codable, Equatable {
    public var selector: String
    public var property: String
    public var value: String
    public var css: String { "\(selector) { \(property): \(value); }" }
}

/// One difference between the design and the page.
public struct ElementDifference: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case changed, missing, extra }
    public var status: Status
    public var kind: DiffElement.Kind
    public var text: String?
    /// Where the element is on the design / on the page (nil for extra / missing).
    public var designBox: Box?
    public var pageBox: Box?
    /// Page minus design: position of the top-left corner and size, px.
    public var dx: Double?, dy: Double?, dWidth: Double?, dHeight: Double?
    /// ΔE*76 between the design's and the page's colour.
    public var colorDeltaE: Double?
    public var designColor: String?, pageColor: String?
    /// The page's font size and the one that would match the design's text height.
    public var fontSize: Double?, designFontSize: Double?
    /// What differs: `position`, `size`, `color`, `font-size`.
    public var aspects: [String]
    public var selector: String?
    public var fixes: [CSSFix]
}

/// The whole comparison.
public struct DiffReport: Sendable, Codable, Equatable {
    public var design: String
    public var page: String
    public var width: Int
    /// Elements compared (design side) and how many matched a page element.
    public var designElements: Int, pageElements: Int, matched: Int
    /// SSIM-style similarity of the two pictures.
    public var visualSimilarity: Double
    public var differences: [ElementDifference]
    public init(design: String, page: String, width: Int, designElements: Int, pageElements: Int, matched: Int,
                visualSimilarity: Double, differences: [ElementDifference]) {
        self.design = design; self.page = page; self.width = width; self.designElements = designElements
        self.pageElements = pageElements; self.matched = matched; self.visualSimilarity = visualSimilarity
        self.differences = differences
    }
}

/// Thresholds below which a difference is measurement noise, not drift.
public struct DiffThresholds: Sendable {
    public var position: Double = 3
    public var size: Double = 4
    public var deltaE: Double = 6
    /// Relative change of the text's ink height that counts as a font-size change.
    public var fontRatio: Double = 0.08
    public init() {}
}

/// Matches the design's elements to the page's by text and geometry and reports what differs.
public enum DesignDiff {
    /// Text similarity 0–1 (1 − normalised Levenshtein distance over lower-cased, space-collapsed
    /// text); also taken with the symbols the OCR has no letters for (★, ▮, arrows, icon-font
    /// glyphs: Unicode symbol and private-use characters) left out of both sides, and the higher
    /// of the two kept — a page's "★★★★★ 128" is the design's "128", while a "▾" the OCR read as
    /// "¥" still counts as one character.
    public static func textSimilarity(_ a: String, _ b: String) -> Double {
        func norm(_ s: String) -> [Character] { Array(s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")) }
        func stripped(_ s: String) -> String {
            let kept = String(String.UnicodeScalarView(s.unicodeScalars.filter { !isSymbol($0) }))
            return kept.contains(where: { $0.isLetter || $0.isNumber }) ? kept : s
        }
        let plain = levenshteinSimilarity(norm(a), norm(b))
        let sa = stripped(a), sb = stripped(b)
        guard sa != a || sb != b else { return plain }
        return max(plain, levenshteinSimilarity(norm(sa), norm(sb)))
    }

    static func levenshteinSimilarity(_ x: [Character], _ y: [Character]) -> Double {
        if x.isEmpty && y.isEmpty { return 1 }
        if x.isEmpty || y.isEmpty { return 0 }
        return 1 - Double(TextSimilarity.distance(x, y)) / Double(max(x.count, y.count))
    }

    /// A character no OCR of Latin text reads as itself: other and math symbols, private use
    /// (icon fonts), geometric shapes and dingbats.
    static func isSymbol(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .otherSymbol, .mathSymbol, .privateUse: return !"+=<>|~".unicodeScalars.contains(u)
        default: return (0x2190...0x21FF).contains(u.value) || (0x25A0...0x27BF).contains(u.value)
        }
    }

    /// Pairs (design index, page index) by lowest cost: text dissimilarity plus distance (per 300 px),
    /// among pairs of the same kind whose text is at least 50 % alike (blocks: whose boxes overlap or
    /// lie within 60 px and have similar size).
    public static func match(_ design: [DiffElement], _ page: [DiffElement]) -> [(Int, Int)] {
        var cands: [(Double, Int, Int)] = []
        for (i, d) in design.enumerated() {
            for (j, p) in page.enumerated() where p.kind == d.kind && p.isOutlined == d.isOutlined {
                let dist = abs(d.box.centerX - p.box.centerX) + abs(d.box.centerY - p.box.centerY)
                if d.kind == .text {
                    let s = textSimilarity(d.text ?? "", p.text ?? "")
                    guard s >= 0.5, dist < 600 else { continue }
                    cands.append(((1 - s) + dist / 300, i, j))
                } else {
                    let sizeRatio = min(d.box.width, p.box.width) / max(d.box.width, p.box.width, 1)
                        * min(d.box.height, p.box.height) / max(d.box.height, p.box.height, 1)
                    guard dist < 120, sizeRatio > 0.4 || d.box.iou(p.box) > 0.5 || resizedInPlace(d, p) else { continue }
                    cands.append(((1 - sizeRatio) + dist / 300, i, j))
                }
            }
        }
        cands.sort { $0.0 < $1.0 }
        var usedD = Set<Int>(), usedP = Set<Int>(), out: [(Int, Int)] = []
        for (_, i, j) in cands where !usedD.contains(i) && !usedP.contains(j) {
            usedD.insert(i); usedP.insert(j); out.append((i, j))
        }
        // Second pass: text the OCR misread (glyphs such as ★ or icons) still pairs with the page
        // text at nearly the same place and size.
        var near: [(Double, Int, Int)] = []
        for (i, d) in design.enumerated() where d.kind == .text && !usedD.contains(i) {
            for (j, p) in page.enumerated() where p.kind == .text && !usedP.contains(j) {
                let dist = abs(d.box.centerX - p.box.centerX) + abs(d.box.centerY - p.box.centerY)
                let size = min(d.box.width, p.box.width) / max(d.box.width, p.box.width, 1)
                    * min(d.box.height, p.box.height) / max(d.box.height, p.box.height, 1)
                guard dist < 24, size > 0.6 else { continue }
                near.append((dist / 24 + (1 - size), i, j))
            }
        }
        near.sort { $0.0 < $1.0 }
        for (_, i, j) in near where !usedD.contains(i) && !usedP.contains(j) {
            usedD.insert(i); usedP.insert(j); out.append((i, j))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    static func r1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    /// Whether two blocks of one colour that overlap keep their anchor: a left edge, right edge or
    /// centre line within 2 px, and a top edge, bottom edge or middle line — one block resized,
    /// however much (a chart's bar half as wide and taller, standing on its foot; a button
    /// narrower and lower, centred in its row).
    static func resizedInPlace(_ d: DiffElement, _ p: DiffElement) -> Bool {
        guard let a = d.color, let b = p.color, Pixels.deltaE(a, b) < 10, d.box.iou(p.box) > 0 else { return false }
        let x = abs(d.box.x - p.box.x) <= 2 || abs(d.box.maxX - p.box.maxX) <= 2 || abs(d.box.centerX - p.box.centerX) <= 2
        let y = abs(d.box.y - p.box.y) <= 2 || abs(d.box.maxY - p.box.maxY) <= 2 || abs(d.box.centerY - p.box.centerY) <= 2
        return x && y
    }

    /// Compares matched pairs and lists unmatched elements. With the two pictures, colours and
    /// fonts of matched text are measured again in equally padded boxes, and an element is only
    /// called missing (extra) when the other picture does not show it at the same place either —
    /// so a paragraph the analyser cut differently from the DOM is not reported as drift.
    public static func compare(design: [DiffElement], page: [DiffElement], designImage: Image? = nil, pageImage: Image? = nil,
                               thresholds t: DiffThresholds = DiffThresholds()) -> [ElementDifference] {
        let pairs = match(design, page)
        var out: [ElementDifference] = []
        // Page texts matched to a differently cut design text (a line against the paragraph holding it).
        var uncompared = Set<Int>()
        for (i, j) in pairs {
            let d = design[i], p = page[j]
            if d.kind == .text, !comparable(d, p) { uncompared.insert(j) }
            if let diff = comparePair(d, p, designImage: designImage, pageImage: pageImage, t) { out.append(diff) }
        }
        let md = Set(pairs.map(\.0)), mp = Set(pairs.map(\.1))
        for (i, d) in design.enumerated() where !md.contains(i) {
            if let img = pageImage, let di = designImage, !Pixels.regionDiffers(di, img, in: d.box.pixelRect) || shows(img, d) { continue }
            out.append(ElementDifference(status: .missing, kind: d.kind, text: d.text, designBox: d.box, pageBox: nil,
                                         designColor: d.color?.hex, fontSize: nil, designFontSize: d.fontSize, aspects: [],
                                         selector: nil, fixes: []))
        }
        // A page text that is part of a design text (an inline link of a line, one line of a
        // paragraph), placed by that part's own words on the design.
        func part(_ p: DiffElement) -> ElementDifference?? {
            guard p.kind == .text, let img = designImage, let sub = subSpan(of: p, in: design, image: img) else { return nil }
            return .some(comparePair(sub, p, designImage: designImage, pageImage: pageImage, t))
        }
        for j in uncompared.sorted() {
            if case .some(.some(let diff)) = part(page[j]) { out.append(diff) }
        }
        for (j, p) in page.enumerated() where !mp.contains(j) {
            if let img = designImage, let pi = pageImage, !Pixels.regionDiffers(img, pi, in: p.box.pixelRect) || shows(img, p) { continue }
            // Text the design draws at the same place in another colour (the analyser cut it into
            // a longer line, so it did not match): a recoloured text, not an extra one.
            if p.kind == .text, let img = designImage, let pi = pageImage,
               let a = Pixels.ink(img, in: padded(p.box)), let b = Pixels.ink(pi, in: padded(p.box)),
               Box(a.box).iou(Box(b.box)) >= 0.8, Pixels.deltaE(a.color, b.color) >= t.deltaE {
                var diff = ElementDifference(status: .changed, kind: .text, text: p.text, designBox: Box(a.box), pageBox: p.box,
                                             designColor: a.color.hex, pageColor: b.color.hex, fontSize: p.fontSize, designFontSize: nil,
                                             aspects: ["color"], selector: p.selector, fixes: [])
                diff.dx = 0; diff.dy = 0; diff.dWidth = 0; diff.dHeight = 0
                diff.colorDeltaE = r1(Pixels.deltaE(a.color, b.color))
                if let s = p.selector {
                    diff.fixes.append(CSSFix(selector: s, property: "color", value: colorFix(css: p.cssColor, page: b.color, design: a.color).hex))
                }
                out.append(diff)
                continue
            }
            if let found = part(p) {
                if let diff = found { out.append(diff) }
                continue
            }
            out.append(ElementDifference(status: .extra, kind: p.kind, text: p.text, designBox: nil, pageBox: p.box,
                                         pageColor: p.color?.hex, fontSize: p.fontSize, aspects: [], selector: p.selector, fixes: []))
        }
        return out
    }

    static func padded(_ b: Box, _ p: Int = 3) -> PixelRect {
        let r = b.pixelRect
        return PixelRect(x: r.x - p, y: r.y - p, width: r.width + 2 * p, height: r.height + 2 * p)
    }

    /// Whether a matched pair can be compared: blocks, texts ≥ 75 % alike, and — on position
    /// only — texts misread but at the same place and size (the second matching pass, < 50 %
    /// alike) or misread and as large as the page's text (the same ink: "5G un" for "5G ▮▮▮").
    /// A line matched to the paragraph holding it (cut differently) is not.
    static func comparable(_ d: DiffElement, _ p: DiffElement) -> Bool {
        guard d.kind == .text else { return true }
        let sim = textSimilarity(d.text ?? "", p.text ?? "")
        let sameSize = min(d.box.width, p.box.width) >= 0.85 * max(d.box.width, p.box.width)
            && min(d.box.height, p.box.height) >= 0.85 * max(d.box.height, p.box.height)
        return sim >= 0.75 || sim < 0.5 || sameSize
    }

    /// What differs between a design element and the page element matched to it (nil: nothing,
    /// or not comparable). With the two pictures, colours of text are measured again in equally
    /// padded boxes, and a difference counts only where the pictures differ.
    static func comparePair(_ design: DiffElement, _ page: DiffElement, designImage: Image?, pageImage: Image?,
                            _ t: DiffThresholds) -> ElementDifference? {
        var d = design, p = page
        guard comparable(d, p) else { return nil }
        let positionOnly = d.kind == .text && textSimilarity(d.text ?? "", p.text ?? "") < 0.75
        if d.kind == .text, let di = designImage, let pi = pageImage,
           let a = Pixels.ink(di, in: padded(d.box)), let b = Pixels.ink(pi, in: padded(p.box)) {
            d.color = a.color; p.color = b.color
        }
        var diff = ElementDifference(status: .changed, kind: d.kind, text: p.text ?? d.text, designBox: d.box, pageBox: p.box,
                                     dx: r1(p.box.x - d.box.x), dy: r1(p.box.y - d.box.y),
                                     dWidth: r1(p.box.width - d.box.width), dHeight: r1(p.box.height - d.box.height),
                                     colorDeltaE: nil, designColor: d.color?.hex, pageColor: p.color?.hex,
                                     fontSize: p.fontSize, designFontSize: nil, aspects: [], selector: p.selector, fixes: [])
        // Text: a different ink height of a single line is a font-size change (its width and
        // position follow from it). The ratio is taken on the width, which has more pixels,
        // when the two heights agree with it.
        var fontChanged = false
        let oneLine = !positionOnly && d.kind == .text && p.box.height < 1.9 * (p.fontSize ?? 1000) && d.box.height < 1.9 * (p.fontSize ?? 1000)
        if oneLine, d.box.height >= 4, p.box.height >= 4 {
            let hr = d.box.height / p.box.height, wr = d.box.width / max(1, p.box.width)
            let ratio = abs(hr - wr) < 0.12 ? wr : hr
            if abs(1 - hr) >= t.fontRatio, let f = p.fontSize {
                let want = (f * ratio * 2).rounded() / 2
                if abs(want - f) >= 1 {
                    fontChanged = true
                    diff.designFontSize = want
                    diff.aspects.append("font-size")
                    if let s = p.selector { diff.fixes.append(CSSFix(selector: s, property: "font-size", value: "\(MockupNumber.format(want))px")) }
                }
            }
        }
        let dx = p.box.x - d.box.x, dy = p.box.y - d.box.y
        // Text whose font changed: compare baselines (bottoms) instead of tops.
        let ddy = fontChanged ? p.box.maxY - d.box.maxY : dy
        if abs(dx) >= t.position || abs(ddy) >= t.position {
            diff.aspects.append("position")
            diff.dy = r1(ddy)
            if let s = p.selector {
                if abs(ddy) >= t.position, let m = p.marginTop {
                    diff.fixes.append(CSSFix(selector: s, property: "margin-top", value: "\(MockupNumber.format((m - ddy).rounded()))px"))
                }
                if abs(dx) >= t.position, let m = p.marginLeft {
                    diff.fixes.append(CSSFix(selector: s, property: "margin-left", value: "\(MockupNumber.format((m - dx).rounded()))px"))
                }
            }
        }
        if d.kind == .block, abs(p.box.width - d.box.width) >= t.size || abs(p.box.height - d.box.height) >= t.size {
            diff.aspects.append("size")
            if let s = p.selector {
                diff.fixes.append(CSSFix(selector: s, property: "width", value: "\(MockupNumber.format(d.box.width.rounded()))px"))
                diff.fixes.append(CSSFix(selector: s, property: "height", value: "\(MockupNumber.format(d.box.height.rounded()))px"))
            }
        }
        if !positionOnly, let dc = d.color, let pc = p.color {
            let e = Pixels.deltaE(dc, pc)
            diff.colorDeltaE = r1(e)
            if e >= t.deltaE {
                diff.aspects.append("color")
                if let s = p.selector {
                    diff.fixes.append(CSSFix(selector: s, property: d.kind == .text ? "color" : d.isOutlined ? "border-color" : "background-color",
                                             value: colorFix(css: p.cssColor, page: pc, design: dc).hex))
                }
            }
        }
        guard !diff.aspects.isEmpty else { return nil }
        // Report only what the pixels confirm: where the two pictures are the same around both
        // boxes, the measured difference is the analyser's, not the page's.
        // A block's move or resize must show where its edges are: a large block whose one
        // edge moved changes too small a share of the whole area to count.
        if let di = designImage, let pi = pageImage,
           !Pixels.regionDiffers(di, pi, in: d.box.pixelRect.union(p.box.pixelRect)),
           d.kind == .text || !edgesDiffer(di, pi, d.box, p.box, threshold: min(t.position, t.size)) { return nil }
        return diff
    }

    /// The part of a design text that a page text is — words of one of its lines (an inline link
    /// the analyser read into its sentence, one line of a paragraph the page sets apart), within
    /// 120 px — as a design element placed by those words' own ink: the design text's ink is cut
    /// into its lines (rows of ink) and a line into its words (its widest column gaps, which must
    /// stand clearly apart from the gaps between letters). Nil when no line holds the page text
    /// (≥ 80 % alike) or the ink does not divide into as many lines and words as were read.
    static func subSpan(of p: DiffElement, in design: [DiffElement], image: Image) -> DiffElement? {
        let want = (p.text ?? "").split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !want.isEmpty, (p.text ?? "").count >= 2 else { return nil }
        var best: (sim: Double, dist: Double, d: DiffElement, line: Int, start: Int)?
        for d in design where d.kind == .text {
            let near = p.box.centerX > d.box.x - 120 && p.box.centerX < d.box.maxX + 120
                && p.box.centerY > d.box.y - 120 && p.box.centerY < d.box.maxY + 120
            guard near else { continue }
            let lines = d.lines ?? [d.text ?? ""]
            for (li, line) in lines.enumerated() {
                let words = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                guard words.count >= want.count else { continue }
                for s in 0...(words.count - want.count) {
                    let sim = textSimilarity(words[s..<s + want.count].joined(separator: " "), want.joined(separator: " "))
                    let dist = abs(d.box.centerX - p.box.centerX) + abs(d.box.centerY - p.box.centerY)
                    guard sim >= 0.8 else { continue }
                    if best == nil || sim > best!.sim + 1e-9 || (abs(sim - best!.sim) < 1e-9 && dist < best!.dist) {
                        best = (sim, dist, d, li, s)
                    }
                }
            }
        }
        guard let b = best else { return nil }
        let lines = b.d.lines ?? [b.d.text ?? ""]
        let rows = Pixels.inkRows(image, in: padded(b.d.box, 2), count: lines.count)
        guard rows.count == lines.count else { return nil }
        let row = rows[b.line]
        let words = lines[b.line].split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var r = row
        if want.count < words.count {
            guard let boxes = Pixels.inkWords(image, in: row, count: words.count) else { return nil }
            let part = boxes[b.start..<b.start + want.count]
            r = part.dropFirst().reduce(part.first!) { $0.union($1) }
        }
        guard let ink = Pixels.ink(image, in: PixelRect(x: r.x - 3, y: r.y - 3, width: r.width + 6, height: r.height + 6)) else { return nil }
        return DiffElement(kind: .text, text: words[b.start..<b.start + want.count].joined(separator: " "), box: Box(ink.box),
                           color: ink.color, fontSize: b.d.fontSize)
    }

    /// The CSS colour that draws the design's colour: the current value (`css`, else what the page
    /// shows) moved by what separates the two measured colours.
    static func colorFix(css: RGB?, page pc: RGB, design dc: RGB) -> RGB {
        let base = css ?? pc
        func adj(_ b: UInt8, _ w: UInt8, _ g: UInt8) -> UInt8 { UInt8(max(0, min(255, Int(b) + Int(w) - Int(g)))) }
        return RGB(adj(base.r, dc.r, pc.r), adj(base.g, dc.g, pc.g), adj(base.b, dc.b, pc.b))
    }

    /// Whether the two pictures differ along the edges that moved between box `a` (on `ia`) and
    /// box `b` (on `ib`): the strip between the two positions of each edge that moved ≥ `threshold`.
    static func edgesDiffer(_ ia: Image, _ ib: Image, _ a: Box, _ b: Box, threshold: Double) -> Bool {
        let x0 = min(a.x, b.x), x1 = max(a.maxX, b.maxX), y0 = min(a.y, b.y), y1 = max(a.maxY, b.maxY)
        var strips: [Box] = []
        if abs(a.y - b.y) >= threshold { strips.append(Box(x: x0, y: min(a.y, b.y), width: x1 - x0, height: abs(a.y - b.y))) }
        if abs(a.maxY - b.maxY) >= threshold { strips.append(Box(x: x0, y: min(a.maxY, b.maxY), width: x1 - x0, height: abs(a.maxY - b.maxY))) }
        if abs(a.x - b.x) >= threshold { strips.append(Box(x: min(a.x, b.x), y: y0, width: abs(a.x - b.x), height: y1 - y0)) }
        if abs(a.maxX - b.maxX) >= threshold { strips.append(Box(x: min(a.maxX, b.maxX), y: y0, width: abs(a.maxX - b.maxX), height: y1 - y0)) }
        // An edge where the shorter (narrower) picture has no pixels differs by that alone.
        let w = Double(min(ia.width, ib.width)), h = Double(min(ia.height, ib.height))
        return strips.contains { $0.maxY > h + 1 || $0.maxX > w + 1 || Pixels.regionDiffers(ia, ib, in: $0.pixelRect) }
    }

    /// Whether `img` shows `e` where it is: text — ink of a similar colour covering most of the
    /// same box; a block — its colour filling the box.
    static func shows(_ img: Image, _ e: DiffElement) -> Bool {
        let r = e.box.pixelRect
        switch e.kind {
        case .text:
            guard let ink = Pixels.ink(img, in: PixelRect(x: r.x - 3, y: r.y - 3, width: r.width + 6, height: r.height + 6)) else { return false }
            let colourOK = e.color.map { Pixels.deltaE($0, ink.color) < 12 } ?? true
            return colourOK && Box(ink.box).iou(e.box) >= 0.6
        case .block where e.isOutlined:
            guard let o = Pixels.outlineBox(img, near: r) else { return false }
            return Box(o.box).iou(e.box) >= 0.85
        case .block:
            guard let c = e.color, min(r.width, r.height) >= 4, let rim = Pixels.rimColor(img, DiffElements.fillRim(r)) else { return false }
            return Pixels.deltaE(c, rim) < 6
        }
    }
}

/// Number formatting for CSS values: integers bare, else one decimal.
enum MockupNumber {
    static func format(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }
}

extension ElementDifference {
    init(status: Status, kind: DiffElement.Kind, text: String?, designBox: Box?, pageBox: Box?, designColor: String? = nil,
         pageColor: String? = nil, fontSize: Double?, designFontSize: Double?, aspects: [String], selector: String?, fixes: [CSSFix]) {
        self.init(status: status, kind: kind, text: text, designBox: designBox, pageBox: pageBox, dx: nil, dy: nil, dWidth: nil,
                  dHeight: nil, colorDeltaE: nil, designColor: designColor, pageColor: pageColor, fontSize: fontSize,
                  designFontSize: designFontSize, aspects: aspects, selector: selector, fixes: fixes)
    }
}
