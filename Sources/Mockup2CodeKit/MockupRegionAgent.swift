import Foundation
import OCR
import DesignLayout
import ScreenCore
import Swarm

/// What one sub-agent analyses: a region of the design and the background it sits on.
struct RegionJob: Sendable {
    var rect: PixelRect
    var background: RGB
}

/// The reader of text crops a sub-agent uses (the Tesseract pool, or a fake in tests).
public protocol MockupTextReader: Sendable {
    /// Reads `image` (an OCR-ready crop) with a page-segmentation mode.
    func read(_ image: Image, mode: PageSegmentation) async throws -> OCRResult
}

extension TextReaderPool: MockupTextReader {}

/// One sub-agent: segments its region (XY-cut), groups text lines into paragraphs, reads each
/// paragraph through the OCR pool (tight crops, normalised to dark-on-white), measures typography
/// and colour, and classifies boxes into buttons, inputs and checkboxes. Returns the region as
/// UI nodes in design coordinates.
struct RegionAgent: Sendable {
    let raster: DesignRaster
    let reader: any MockupTextReader

    /// A text candidate: one or more ink lines on one background.
    struct TextCandidate: Sendable {
        var lines: [PixelRect]
        var background: RGB
        var rect: PixelRect { lines.dropFirst().reduce(lines[0]) { $0.union($1) } }
    }

    /// The region tree with text still to be read.
    indirect enum Draft: Sendable {
        case container(LayoutRegion, [Draft])
        case divider(LayoutRegion)
        case text(Int)          // index into the candidates
        case image(LayoutRegion)
    }

    func analyse(_ job: RegionJob, ctx: AgentContext) async throws -> [UINode] {
        let seg = LayoutSegmenter(raster: raster)
        ctx.step()
        guard let region = seg.segment(job.rect, background: job.background) else { return [] }
        if ProcessInfo.processInfo.environment["MOCKUP_DEBUG"] != nil { Self.dump(region) }
        var candidates: [TextCandidate] = []
        let draft = makeDraft(region, &candidates)
        // Read every candidate; the pool bounds concurrency to its engines.
        let reads = try await withThrowingTaskGroup(of: (Int, ReadText?).self) { g in
            for (i, c) in candidates.enumerated() {
                g.addTask { (i, try await self.read(c, ctx: ctx)) }
            }
            var out = [ReadText?](repeating: nil, count: candidates.count)
            for try await (i, r) in g { out[i] = r }
            return out
        }
        let node = build(draft, candidates, reads)
        // A region that is a plain stack hands its children to the page.
        if node.kind == .container, node.style.background == nil, node.style.border == nil, node.style.direction == .column {
            return node.children
        }
        return [node]
    }

    /// Prints a region tree to standard error (MOCKUP_DEBUG=1).
    static func dump(_ r: LayoutRegion, depth: Int = 0) {
        let line = String(repeating: "  ", count: depth) + "\(r.kind) \(r.rect) bg \(r.background.hex) in \(r.innerBackground.hex)\n"
        FileHandle.standardError.write(Data(line.utf8))
        for c in r.children { dump(c, depth: depth + 1) }
    }

    // MARK: - Draft

    func makeDraft(_ r: LayoutRegion, _ cands: inout [TextCandidate]) -> Draft {
        switch r.kind {
        case .divider: return .divider(r)
        case .leaf:
            if isPicture(r) { return .image(r) }
            cands.append(TextCandidate(lines: [r.rect], background: r.background))
            return .text(cands.count - 1)
        case .box, .stack:
            var kids: [Draft] = []
            var pending: [LayoutRegion] = []   // consecutive text-like leaves of a column
            let column = r.direction == .column
            func flush() {
                for group in paragraphs(pending) {
                    cands.append(TextCandidate(lines: group.map(\.rect), background: group[0].background))
                    kids.append(.text(cands.count - 1))
                }
                pending.removeAll()
            }
            for c in r.children {
                if column, case .leaf = c.kind, !isPicture(c) { pending.append(c); continue }
                flush()
                kids.append(makeDraft(c, &cands))
            }
            flush()
            return .container(r, kids)
        }
    }

    /// Photographs and illustrations: tall, little background, many colours.
    func isPicture(_ r: LayoutRegion) -> Bool {
        let rect = r.rect
        if rect.height < 24 && rect.width < 24 { return false }   // tiny: a glyph or icon, OCR decides
        let step = rect.area > 40_000 ? 3 : 1
        let bgShare = raster.backgroundShare(in: rect, background: r.background, step: step)
        if rect.height > 110 && bgShare < 0.6 { return true }
        let variety = raster.colorVariety(in: rect, step: max(1, step))
        if bgShare < 0.35 && variety >= 8 && rect.height > 40 { return true }
        return false
    }

    /// Splits consecutive leaves of a column into paragraphs: lines of similar height, aligned
    /// left, right or centred, close together, with the same ink colour.
    func paragraphs(_ leaves: [LayoutRegion]) -> [[LayoutRegion]] {
        var out: [[LayoutRegion]] = []
        var inks: [RGB?] = []
        for l in leaves {
            let ink = raster.inkColor(in: l.rect, background: l.background)
            if var last = out.last, let prev = last.last, let pInk = inks.last {
                let h0 = Double(prev.rect.height), h1 = Double(l.rect.height)
                let gap = Double(l.rect.y - prev.rect.maxY)
                let similar = max(h0, h1) / max(1, min(h0, h1)) <= 1.45 && max(h0, h1) <= 64
                let close = gap >= 0 && gap <= max(h0, h1) * 0.95
                let aligned = abs(prev.rect.x - l.rect.x) <= 3 || abs(prev.rect.maxX - l.rect.maxX) <= 3
                    || abs((prev.rect.x + prev.rect.maxX) - (l.rect.x + l.rect.maxX)) <= 6
                let sameInk: Bool = switch (pInk, ink) {
                case let (a?, b?): DesignRaster.distance(a, b) <= 60
                default: false
                }
                if similar && close && aligned && sameInk && prev.background == l.background {
                    last.append(l); out[out.count - 1] = last; inks[inks.count - 1] = ink; continue
                }
            }
            out.append([l]); inks.append(ink)
        }
        return out
    }

    // MARK: - Reading

    /// The text of a candidate, one entry per ink line.
    struct ReadText: Sendable {
        var lines: [MeasuredLine]
        var confidence: Double
        var ink: RGB?
        var bold: Bool
        /// The words of each line of `lines`, measured one by one (for inline links).
        var words: [[InlineRuns.Word]] = []
    }

    func read(_ c: TextCandidate, ctx: AgentContext) async throws -> ReadText? {
        let rect = c.rect
        guard rect.width >= 3, rect.height >= 4 else { return nil }
        let ink = raster.inkColor(in: rect, background: c.background)
        // Very small text reads better enlarged.
        let lineH = c.lines.map(\.height).max() ?? rect.height
        let scale = lineH < 11 ? 2 : 1
        let pad = 6
        let crop = raster.ocrCrop(rect, background: c.background, ink: ink, pad: pad, scale: scale)
        ctx.step()
        let mode: PageSegmentation = c.lines.count == 1 && rect.height < 40 ? .singleLine : .block
        let result = try await reader.read(crop, mode: mode)
        func toDesign(_ b: PixelRect) -> PixelRect {
            PixelRect(x: rect.x - pad + b.x / scale, y: rect.y - pad + b.y / scale, width: b.width / scale, height: b.height / scale)
        }
        var inkLines = c.lines
        // One ink rectangle holding several lines (their gutters touch): take OCR's line boxes.
        if c.lines.count == 1 {
            let boxes = result.lines.filter { !$0.words.isEmpty }.map { toDesign($0.box).intersection(rect) }.filter { !$0.isEmpty }
            if boxes.count >= 2 { inkLines = boxes.sorted { $0.y < $1.y } }
        }
        // Assign OCR lines to ink lines by vertical overlap (crop → design coordinates).
        var texts = [[OCRWord]](repeating: [], count: inkLines.count)
        var confs: [Double] = []
        for line in result.lines {
            let words = line.words.filter { $0.confidence >= 20 || $0.text.count > 2 }
            guard !words.isEmpty else { continue }
            let b = toDesign(line.box)
            var best = -1, bestOverlap = 0
            for (i, l) in inkLines.enumerated() {
                let o = min(b.maxY, l.maxY) - max(b.y, l.y)
                if o > bestOverlap { bestOverlap = o; best = i }
            }
            if best < 0 { best = inkLines.count == 1 ? 0 : -1 }
            guard best >= 0 else { continue }
            texts[best] += words
            confs += words.map(\.confidence)
        }
        // Lines the block read missed: read them alone.
        if c.lines.count > 1 {
            for (i, l) in inkLines.enumerated() where texts[i].isEmpty {
                let sub = raster.ocrCrop(l, background: c.background, ink: ink, pad: pad, scale: scale)
                ctx.step()
                let r = try await reader.read(sub, mode: .singleLine)
                let words = r.lines.flatMap(\.words).filter { $0.confidence >= 20 || $0.text.count > 2 }
                texts[i] = words
                confs += words.map(\.confidence)
            }
        }
        var measured: [MeasuredLine] = []
        var words: [[InlineRuns.Word]] = []
        var fills: [[RGB?]] = []
        for (i, inkLine) in inkLines.enumerated() {
            var l = inkLine
            // word by word, so a line keeps its words (and the links set apart among them)
            let unquoted = TextCase.droppingStrayOpeningQuotes(words: texts[i].map(\.text))
            for k in texts[i].indices { texts[i][k].text = unquoted[k] }
            texts[i].removeAll { $0.text.isEmpty }
            // an icon read as a glyph beside the text: neither its text nor its ink (the font size is fitted to the ink's width)
            let kept = TextCase.textRange(ofLine: texts[i].map(\.text))
            if kept.count < texts[i].count {
                let boxes = texts[i][kept].map { toDesign($0.box) }
                let x0 = max(l.x, boxes.map(\.x).min() ?? l.x), x1 = min(l.maxX, boxes.map(\.maxX).max() ?? l.maxX)
                if x1 > x0 { l = PixelRect(x: x0, y: l.y, width: x1 - x0, height: l.height) }
                texts[i] = Array(texts[i][kept])
            }
            // the pronoun "I" read as "|" likewise (a changed line would lose "I agree to the Terms"' links)
            let fixed = TextCase.pronounI(texts[i].map(\.text).joined(separator: " ")).split(separator: " ", omittingEmptySubsequences: false)
            if fixed.count == texts[i].count { for k in texts[i].indices { texts[i][k].text = String(fixed[k]) } }
            let joined = texts[i].map(\.text).joined(separator: " ")
            let t = clean(joined)
            guard !t.isEmpty else { continue }
            measured.append(MeasuredLine(text: t, ink: l))
            // each word's own ink and underline, for links set apart inside the paragraph; a line the
            // cleaning changed stays one plain piece
            if t == joined {
                let boxes = texts[i].map { toDesign($0.box) }
                fills.append(boxes.map { raster.ownFill($0, background: c.background) })
                words.append(zip(texts[i], boxes).map { w, box in
                    let inside = PixelRect(x: box.x, y: l.y, width: box.width, height: l.height).intersection(rect)
                    let wordInk = inside.isEmpty ? nil : raster.inkColor(in: inside, background: c.background)
                    return InlineRuns.Word(text: w.text, ink: wordInk,
                                           underline: raster.underlined(box.intersection(raster.bounds), background: c.background, ink: wordInk))
                })
            } else {
                words.append([InlineRuns.Word(text: t, ink: nil)])
                fills.append([nil])
            }
        }
        InlineRuns.dropBadges(&words, fills: fills)
        guard !measured.isEmpty else { return nil }
        let conf = confs.isEmpty ? 0 : confs.reduce(0, +) / Double(confs.count)
        let f0 = DesignTypography.fit(measured, bold: false)?.fontSize ?? Double(lineH)
        let stroke = ink.map { raster.strokeWidth(in: rect, background: c.background, ink: $0) } ?? 0
        let bold = DesignTypography.isBold(stroke: stroke, fontSize: f0)
        // the declared colour, not the anti-aliased cores the crop and the stroke width are measured against
        let color = raster.textColor(in: rect, background: c.background) ?? ink
        return ReadText(lines: measured, confidence: conf, ink: color, bold: bold, words: words)
    }

    /// Drops the stray marks Tesseract reads off rules and specks.
    func clean(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        // Straight quotes Tesseract reads as doubled ticks.
        t = t.replacingOccurrences(of: "’’", with: "”").replacingOccurrences(of: "‘‘", with: "“")
        if t.allSatisfy({ "|_-~.,'`:;".contains($0) || $0 == " " }) { return "" }
        return TextCase.pronounI(t)
    }

    // MARK: - Nodes

    func build(_ d: Draft, _ cands: [TextCandidate], _ reads: [ReadText?]) -> UINode {
        switch d {
        case .divider(let r):
            let col: RGB = if case .divider(let c) = r.kind { c } else { RGB(0, 0, 0) }
            return UINode(kind: .divider, tag: "hr", box: r.rect, style: UIStyle(background: col))
        case .image(let r):
            let mean = raster.meanColor(in: r.rect, step: max(1, Int(Double(r.rect.area).squareRoot() / 64)))
            let small = r.rect.width <= 64 && r.rect.height <= 64
            return UINode(kind: small ? .icon : .image, box: r.rect, style: UIStyle(background: mean),
                          label: small ? "icon" : "image")
        case .text(let i):
            return textNode(cands[i], reads[i])
        case .container(let r, let kids):
            var style = UIStyle(direction: r.direction)
            if case .box(let fill, let border, let radius) = r.kind {
                style.background = fill; style.border = border; style.radius = radius > 0 ? radius : nil
            }
            var node = UINode(kind: .container, box: r.rect, style: style,
                              children: kids.map { build($0, cands, reads) })
            if r.direction == .row { Self.keepChartBars(&node.children) }
            if case .box = r.kind { classifyBox(&node, r) }
            // An empty filled box of some size is a picture placeholder (as mockups draw pictures).
            if node.kind == .container, node.children.isEmpty, node.style.background != nil,
               r.rect.width >= 24, r.rect.height >= 24 {
                let small = r.rect.width <= 64 && r.rect.height <= 64
                node.kind = small ? .icon : .image
                node.label = small ? "icon" : "image"
                node.style.direction = nil
            }
            return node
        }
    }

    func textNode(_ c: TextCandidate, _ r: ReadText?) -> UINode {
        let rect = c.rect
        let chars = r?.lines.map(\.text.count).reduce(0, +) ?? 0
        // a switch drawn as one piece of ink (no box found in it): OCR reads nothing, or its knob as a glyph
        if chars <= 2, let sw = ControlShapes.drawnSwitch(raster, rect, background: c.background) {
            var node = UINode(kind: .checkbox, tag: "switch", box: rect, style: UIStyle(color: sw.track), label: "switch")
            node.checked = sw.on
            return node
        }
        guard let r, r.confidence >= (chars <= 2 ? 75 : 35) || chars >= 6,
              let fit = DesignTypography.fit(r.lines, bold: r.bold) else {
            // Nothing legible: an icon or a small picture.
            let mean = raster.meanColor(in: rect)
            let kind: UINodeKind = rect.width <= 64 && rect.height <= 64 ? .icon : .image
            return UINode(kind: kind, box: rect, style: UIStyle(background: kind == .icon ? raster.inkColor(in: rect, background: c.background) ?? mean : mean),
                          label: kind == .icon ? "icon" : "image")
        }
        var style = UIStyle(color: r.ink, fontSize: fit.fontSize, fontWeight: r.bold ? 700 : 400,
                            lineHeight: fit.lineHeight, fontFamily: .sans)
        var text = r.lines.map(\.text).joined(separator: "\n")
        var runs = InlineRuns.runs(r.words)
        if let recased = TextCase.ordinary(text) { text = recased; style.uppercase = true; runs = nil }
        var node = UINode(kind: .text, box: fit.box, style: style, text: text, confidence: r.confidence)
        if let runs, runs.map(\.text).joined() == text { node.runs = runs }
        let breaks = DesignTypography.hardBreaks(r.lines, fontSize: fit.fontSize, bold: r.bold)
        if breaks.contains(true) { node.hardBreaks = breaks }
        return node
    }

    /// A box that shows only a hint at its left becomes a text field whose placeholder (and
    /// label, until one is found beside it) is that hint, drawn in the hint's colour and size.
    static func makeHintedField(_ node: inout UINode, hint t: UINode) {
        node.kind = .input
        node.placeholder = t.text
        node.label = t.text
        node.style.color = t.style.color
        node.style.fontSize = t.style.fontSize
        node.children = []
    }

    /// Buttons (a small box holding one line of text), inputs (a bordered light box, empty or
    /// with a left-aligned hint), textareas (the same, taller), selects (a field ending in a
    /// chevron), checkboxes (a small square, bordered or filled), radios (a small circle) and
    /// switches (a pill holding a round knob).
    func classifyBox(_ node: inout UINode, _ r: LayoutRegion) {
        if let control = ControlShapes.classify(node, background: r.background) {
            node = control; return
        }
        let w = r.rect.width, h = r.rect.height
        let texts = node.children.filter { $0.kind == .text }
        // a thin rule inside a small box is part of its drawing (a bevel, an inner shadow), not content
        let content = r.rect.height <= 80 ? node.children.filter { $0.kind != .divider } : node.children
        let onlyText = texts.count == content.count
        if node.children.isEmpty { return }
        guard onlyText, texts.count == 1, let t = texts.first, let text = t.text, !text.contains("\n") else { return }
        let leftPad = t.box.x - r.rect.x, rightPad = r.rect.maxX - t.box.maxX
        // A wide box, filled or bordered, showing a hint at its left: a text field.
        if ControlShapes.isHintedField(width: w, height: h, leftPad: leftPad, textWidth: t.box.width, text: text) {
            Self.makeHintedField(&node, hint: t)
            return
        }
        guard h >= 14 && h <= 80 && w <= 640 else { return }
        // A row of dots in a bordered field: a password.
        if ControlShapes.isMasked(text) && node.style.border != nil && w >= 3 * h {
            node.kind = .input; node.secret = true; node.label = "password"; node.children = []
            return
        }
        let centred = abs(leftPad - rightPad) <= max(6, w / 12)
        let lightInside = (node.style.background ?? r.background).luma >= 235
        if node.style.border != nil && lightInside && !centred && leftPad <= 24 && w >= 3 * h {
            Self.makeHintedField(&node, hint: t)
            return
        }
        // A number in a small box is a badge or a list marker, not a button.
        if w <= 48, !text.contains(where: \.isLetter) { return }
        // A title at the left of a wide strip is a heading drawn on a band (`markTitledBands`), not a button.
        if node.style.background != nil, ControlShapes.isTitledBand(box: r.rect, text: t.box) { return }
        node.kind = .button
        node.text = text
        node.style.color = t.style.color
        node.style.fontSize = t.style.fontSize
        node.style.fontWeight = t.style.fontWeight
        node.style.lineHeight = t.style.lineHeight
        node.style.uppercase = t.style.uppercase
        node.confidence = t.confidence
        node.children = []
        if !centred, let label = ControlShapes.offCentreLabel(box: r.rect, text: t.box) {
            node.style.textAlign = label.align
            node.style.padding = label.inset
        }
    }
}

/// Capitals on a design are usually styling (`text-transform: uppercase`) over ordinary text.
enum TextCase {
    /// Words that follow the pronoun "I" in running text; Tesseract often reads that "I" as "|".
    static let afterI: Set<String> = [
        "am", "was", "have", "had", "do", "did", "don't", "didn't", "can", "can't", "could", "will", "would", "should",
        "think", "thought", "like", "liked", "love", "loved", "know", "knew", "want", "wanted", "need", "needed",
        "just", "really", "still", "also", "never", "always", "only", "came", "come", "made", "make", "put", "got",
        "get", "went", "go", "see", "saw", "found", "find", "finished", "started", "tried", "try", "hope", "wish",
        "believe", "mean", "guess", "feel", "felt", "remember", "said", "say", "wrote", "write", "read", "learned",
        "use", "used", "took", "take", "called", "decided", "realized", "noticed", "must", "may", "might",
    ]

    /// The line without the opening single quotes Tesseract reads off a speck or an icon's edge before
    /// a word ("‘Saturday", "relax in ‘our comfortable chairs"): a "‘" starting a word (or standing
    /// alone) with no "’" after it on the line opens no quotation. The 60 Design2Code pages' text holds
    /// no "‘" at all, while main's OCR wrote 15 such strays on 13 of them.
    static func droppingStrayOpeningQuotes(_ line: String) -> String {
        droppingStrayOpeningQuotes(words: line.split(separator: " ").map(String.init)).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The words of a line (see `droppingStrayOpeningQuotes(_:)`), one for one: a word that was only
    /// a stray quote becomes empty.
    static func droppingStrayOpeningQuotes(words: [String]) -> [String] {
        var out = words
        for k in out.indices where out[k].first == "‘" {
            let rest = out[k].dropFirst()
            if rest.contains("’") || out[(k + 1)...].contains(where: { $0.contains("’") }) { continue }
            out[k] = String(rest)
        }
        return out
    }

    /// "|" read for the pronoun "I": a bar standing alone before a word that follows "I" in prose
    /// ("before | finished", "| am not sure"), or fused with a contraction ("|'m", "|’ve").
    ///
    /// Also a prose line's one lone bar between lower-case words ("the steep slopes | climbed, and",
    /// "When | pay attention", "| offer fine art prints"): a line of nine words or more (the bar
    /// counted) with no other bar, the bar at its start or after a word ending in a lower-case letter
    /// or a comma, and followed by a lower-case word. Separators stand between short items ("Home |
    /// browse padas | search sutras", "posted in news | leave a comment").
    static func pronounI(_ line: String) -> String {
        guard line.contains("|") else { return line }
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count >= 9, words.filter({ $0.contains("|") }).count == 1, let i = words.firstIndex(of: "|"), i + 1 < words.count,
           let next = words[i + 1].first, next.isLetter, next.isLowercase,
           i == 0 || words[i - 1].last.map({ ($0.isLetter && $0.isLowercase) || $0 == "," }) == true {
            words[i] = "I"
            return words.joined(separator: " ")
        }
        for i in words.indices {
            let w = words[i]
            if w == "|", i + 1 < words.count,
               afterI.contains(words[i + 1].lowercased().replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: .punctuationCharacters)) {
                words[i] = "I"
            } else if w.hasPrefix("|"), w.count >= 3, ["'", "’"].contains(w.dropFirst().first!),
                      ["m", "ve", "ll", "d"].contains(w.dropFirst(2).lowercased().trimmingCharacters(in: .punctuationCharacters)) {
                words[i] = "I" + w.dropFirst()
            }
        }
        return words.joined(separator: " ")
    }

    /// The ordinary-case form of all-capital `text` (title case for short labels, sentence case
    /// for longer runs), or nil when the text is not all capitals.
    static func ordinary(_ text: String) -> String? {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 2, letters.allSatisfy({ !$0.isLowercase }), letters.contains(where: \.isUppercase) else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        if words.count <= 4 {
            let titled = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: " ", omittingEmptySubsequences: false).enumerated().map { k, w in
                    titleCased(w, first: k == 0)
                }.joined(separator: " ")
            }.joined(separator: "\n")
            return keepingAcronyms(titled, from: text)
        }
        var out = ""
        var capitalise = true
        for ch in text.lowercased() {
            if capitalise && ch.isLetter { out += String(ch).uppercased(); capitalise = false; continue }
            if ch.isNumber { capitalise = false }   // "3RD GRADE" is "3rd grade", not "3Rd grade"
            out.append(ch)
            if ".!?".contains(ch) { capitalise = true }
        }
        return keepingAcronyms(out.replacingOccurrences(of: " i ", with: " I "), from: text)
    }

    /// Acronyms a line set in capitals keeps as they are drawn: "FAQ" is written "FAQ" in the
    /// markup of a page, not "Faq" under `text-transform` (the Design2Code pages' sources hold
    /// "URL:", "RSS", "CDFW Q&A", "DMCA" where their other capitals are styling).
    static let vowelAcronyms: Set<String> = [
        "FAQ", "FAQS", "API", "APIS", "CEO", "URL", "URLS", "USA", "SEO", "UI", "UX", "AI", "IOS", "EU", "UK",
        "NASA", "OK", "PM", "ID", "IDS", "DIY", "ETA", "FIFA", "NATO", "UNESCO", "UFO", "CIA", "FBI", "IBM", "Q&A",
    ]

    /// Whether a word drawn in capitals is an acronym: two to six capitals (digits and `&`, `.`
    /// allowed) with no vowel (RSS, HTML, CDFW, Q&A, TV), or a common acronym that has one.
    static func isAcronym(_ word: Substring) -> Bool {
        let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:!?()[]\"'“”‘’"))
        let letters = core.filter(\.isLetter)
        guard (2...6).contains(letters.count), letters.allSatisfy(\.isUppercase), !isOrdinal(word),
              core.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "&" || $0 == "." }) else { return false }
        if !letters.contains(where: { "AEIOUY".contains($0) }) { return true }
        return vowelAcronyms.contains(core.replacingOccurrences(of: ".", with: ""))
    }

    /// `recased` (the ordinary-case form of `original`, word for word) with the acronyms of
    /// `original` put back.
    static func keepingAcronyms(_ recased: String, from original: String) -> String {
        let a = original.split(separator: "\n", omittingEmptySubsequences: false)
        let b = recased.split(separator: "\n", omittingEmptySubsequences: false)
        guard a.count == b.count else { return recased }
        return zip(a, b).map { lo, lr -> String in
            let wo = lo.split(separator: " ", omittingEmptySubsequences: false)
            let wr = lr.split(separator: " ", omittingEmptySubsequences: false)
            guard wo.count == wr.count else { return String(lr) }
            return zip(wo, wr).map { o, r in isAcronym(o) ? String(o) : String(r) }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}
