import Foundation
import ScreenCore

/// Preparing crops for OCR and cleaning what comes back. Tesseract reads dark text on a light
/// background with some margin best, so crops are converted to gray, inverted when the
/// background is dark, and padded with their own background colour.
public enum TextRegions {
    /// The most common luma along the border of `image` (its background).
    public static func backgroundLuma(_ image: Image) -> UInt8 {
        var hist = [Int](repeating: 0, count: 256)
        let w = image.width, h = image.height
        guard w > 0, h > 0 else { return 255 }
        for x in 0..<w { hist[Int(image.luma(x: x, y: 0))] += 1; hist[Int(image.luma(x: x, y: h - 1))] += 1 }
        for y in 0..<h { hist[Int(image.luma(x: 0, y: y))] += 1; hist[Int(image.luma(x: w - 1, y: y))] += 1 }
        return UInt8(hist.indices.max { hist[$0] < hist[$1] }!)
    }

    /// `crop` as gray, dark text on light, with `margin` pixels of background around it.
    public static func prepare(_ crop: Image, margin: Int = 6) -> Image {
        let g = crop.grayscale()
        let bg = backgroundLuma(g)
        // Light text on a darker background (a coloured button) reads better inverted.
        var inkSum = 0, inkCount = 0
        for v in g.pixels where abs(Int(v) - Int(bg)) > 60 { inkSum += Int(v); inkCount += 1 }
        let invert = inkCount > 0 ? inkSum / inkCount > Int(bg) : bg < 110
        let w = g.width + 2 * margin, h = g.height + 2 * margin
        let fill = invert ? 255 - bg : bg
        var out = [UInt8](repeating: fill, count: w * h)
        for y in 0..<g.height {
            for x in 0..<g.width {
                let v = g.pixels[y * g.bytesPerRow + x]
                out[(y + margin) * w + x + margin] = invert ? 255 - v : v
            }
        }
        return Image(width: w, height: h, format: .gray8, pixels: out)
    }

    /// A gray image at twice its size, interpolated (bilinear) so strokes stay smooth.
    public static func upscaled(_ g: Image) -> Image {
        let w = g.width * 2, h = g.height * 2
        guard g.width > 0, g.height > 0 else { return g }
        var out = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            let sy = max(0, Double(y) / 2 - 0.25), y0 = min(Int(sy), g.height - 1), y1 = min(y0 + 1, g.height - 1), fy = sy - Double(y0)
            for x in 0..<w {
                let sx = max(0, Double(x) / 2 - 0.25), x0 = min(Int(sx), g.width - 1), x1 = min(x0 + 1, g.width - 1), fx = sx - Double(x0)
                let a = Double(g.pixels[y0 * g.bytesPerRow + x0]), b = Double(g.pixels[y0 * g.bytesPerRow + x1])
                let c = Double(g.pixels[y1 * g.bytesPerRow + x0]), d = Double(g.pixels[y1 * g.bytesPerRow + x1])
                let v = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy
                out[y * w + x] = UInt8(max(0, min(255, v.rounded())))
            }
        }
        return Image(width: w, height: h, format: .gray8, pixels: out)
    }

    /// Reads one line of text in `region` of `image`; nil when nothing legible is there.
    public static func readLine(_ region: PixelRect, in image: Image, reader: any TextReader,
                                minConfidence: Double = 40) async throws -> String? {
        try await readLineScored(region, in: image, reader: reader, minConfidence: minConfidence)?.text
    }

    /// `readLine` with the reading's mean word confidence (0–100).
    public static func readLineScored(_ region: PixelRect, in image: Image, reader: any TextReader,
                                      minConfidence: Double = 40) async throws -> (text: String, confidence: Double)? {
        let crop = image.cropped(to: region)
        guard crop.width >= 6, crop.height >= 6 else { return nil }
        // (The larger reading below may follow: announced, so that an idle core can start it.)
        var big: Image?
        if crop.height < 40 { reader.readAhead(mode: .line) { big = prepare(upscaled(crop.grayscale()), margin: 12); return big! } }
        var words = withoutEdgeJunk(try await reader.read(prepare(crop), mode: .line).lines.flatMap(\.words))
        // Small screen text read without full confidence: a second reading at twice the size
        // (thin strokes and tight letter pairs come apart there); the more confident one wins.
        // Tesseract is most reliable with letters over ~20 px tall, so the larger reading is
        // preferred unless it is clearly less confident.
        if crop.height < 40, meanConfidence(words) < 92 {
            let large = big ?? prepare(upscaled(crop.grayscale()), margin: 12)
            let big = withoutEdgeJunk(try await reader.read(large, mode: .line).lines.flatMap(\.words))
            if !big.isEmpty, meanConfidence(big) + 8 >= meanConfidence(words) { words = big }
        }
        let text = balancingBrackets(clean(words.map(\.text).joined(separator: " ")))
        guard !text.isEmpty, meanConfidence(words) >= minConfidence, hasLetterOrDigit(text) || iconGlyphs.contains(text) else { return nil }
        return (text, meanConfidence(words))
    }

    /// `readLineScored` of a button's inside with its frame erased: ink connected to the edge of
    /// `region` (a pill's rounded ends, a border the inset did not clear, a neighbour) is painted
    /// over with the background first, so that OCR sees only the label in the middle (a pill's
    /// ends read as brackets or quotes, and the whole line then as nothing).
    public static func readFramelessLineScored(_ region: PixelRect, in image: Image, reader: any TextReader) async throws
        -> (text: String, confidence: Double)? {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.width >= 6, r.height >= 6 else { return nil }
        let crop = withoutFrame(image.cropped(to: r).grayscale())
        return try await readLineScored(PixelRect(x: 0, y: 0, width: crop.width, height: crop.height), in: crop, reader: reader)
    }

    /// A grayscale crop with every piece of ink that touches its edge painted as background.
    static func withoutFrame(_ crop: Image) -> Image {
        var out = crop
        let w = crop.width, h = crop.height
        let bg = backgroundLuma(crop)
        let ink = { (i: Int) in abs(Int(crop.pixels[i]) - Int(bg)) > InkAnalysis.inkContrast }
        var seen = [Bool](repeating: false, count: w * h)
        var stack: [Int] = []
        for x in 0..<w { stack.append(x); stack.append((h - 1) * w + x) }
        for y in 0..<h { stack.append(y * w); stack.append(y * w + w - 1) }
        while let i = stack.popLast() {
            guard !seen[i], ink(i) else { continue }
            seen[i] = true
            out.pixels[i] = bg
            let x = i % w, y = i / w
            for dy in -1...1 { for dx in -1...1 {
                let nx = x + dx, ny = y + dy
                if nx >= 0, ny >= 0, nx < w, ny < h, !seen[ny * w + nx] { stack.append(ny * w + nx) }
            } }
        }
        return out
    }

    /// OCR loses or invents a bracket at the edge of a line ("{Company name", "Company (optional"):
    /// an opening bracket that starts the text without ever being closed goes; a final group left
    /// open ("(optional") is closed.
    public static func balancingBrackets(_ s: String) -> String {
        var t = s
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
            let opens = t.filter { String($0) == open }.count, closes = t.filter { String($0) == close }.count
            if let f = t.first, String(f) == open, opens > closes { t.removeFirst(); continue }
            if let l = t.last, String(l) == close, closes > opens { t.removeLast(); continue }
            if opens == closes + 1, let i = t.lastIndex(where: { String($0) == open }),
               t[t.index(after: i)...].allSatisfy({ $0.isLetter || $0 == " " }), t.distance(from: i, to: t.endIndex) >= 3 {
                t += close
            }
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// Lone symbols that are the whole text of icon buttons (close, add, remove).
    static let iconGlyphs: Set<String> = ["+", "−", "-", "–", "×", "✕", "✖"]

    static func meanConfidence(_ words: [TextWord]) -> Double {
        words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count)
    }

    /// A line's words without the marks OCR makes of what borders text on screen: an icon, a
    /// button's rounded edge, a pointer. At either end, a word with no letter or digit goes, and
    /// so does a lone character standing apart from the text (farther than a word space) or
    /// read with low confidence — while at least one real word remains.
    public static func withoutEdgeJunk(_ words: [TextWord]) -> [TextWord] {
        var w = words
        func isWord(_ x: TextWord) -> Bool { x.text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.count >= 2 }
        guard w.contains(where: isWord) else { return w }
        let heights = w.filter(isWord).map(\.box.height).sorted()
        let height = heights[heights.count / 2]
        // "Apart" means farther than this line's own word spaces, when it has some to compare.
        let inner = w.count >= 4 ? Array(w[1..<(w.count - 1)]) : []
        let spaces = zip(inner, inner.dropFirst()).map { $1.box.x - $0.box.maxX }.sorted()
        let apart = spaces.isEmpty ? Double(max(height, 1)) * 0.8 : Double(spaces[spaces.count / 2]) * 1.8 + 2
        func junk(_ x: TextWord, gap: Int, next: TextWord?) -> Bool {
            // A bar is how OCR reads a border — or a capital I, the word, which starts a line and
            // is followed by a lower-case word ("I agree").
            if x.text == "|" {
                guard let n = next?.text.first, n.isLowercase else { return true }
                return Double(gap) > apart
            }
            // Marks without a letter or digit go — an icon, a badge read as "©" — except a currency
            // sign, "%", "&" or a required-field "*", which belong to labels ("Amount (€)").
            if !hasLetterOrDigit(x.text) {
                return !x.text.unicodeScalars.contains { $0.properties.generalCategory == .currencySymbol || "*%&".unicodeScalars.contains($0) }
            }
            // A short mark with at most one letter or digit, standing apart: an icon or a checkbox ("(1)").
            let alnum = x.text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.count
            if x.text.count <= 3, alnum <= 1, Double(gap) > apart, x.text.count > 1 { return true }
            // An icon read as a letter with brackets or an equals sign ("A=)" for a cart), before a word.
            if next != nil, x.text.count <= 3, alnum <= 1, x.text.contains(where: { "=()[]{}<>~^".contains($0) }),
               let n = next, isWord(n) { return true }
            // Two letters read far less surely than the words beside them: an icon (a cart read "vy").
            if x.text.count == 2, x.confidence < 45, w.contains(where: { isWord($0) && $0.confidence >= 75 }) { return true }
            guard x.text.count == 1 else { return false }
            // "I", "a" and "A" are words of their own.
            return (x.confidence < 60 && !["I", "a", "A"].contains(x.text)) || Double(gap) > apart
        }
        // Initials in an avatar before a name ("LV" read "tv" in front of "Lena Vogel"): two letters
        // at most, standing apart from two or more words.
        func initials(_ x: TextWord, gap: Int) -> Bool {
            x.text.count <= 2 && x.text.allSatisfy(\.isLetter) && Double(gap) > apart && w.dropFirst().filter(isWord).count >= 2
        }
        while w.count > 1, junk(w[0], gap: w[1].box.x - w[0].box.maxX, next: w[1]) || initials(w[0], gap: w[1].box.x - w[0].box.maxX) {
            w.removeFirst()
        }
        while w.count > 1, junk(w[w.count - 1], gap: w[w.count - 1].box.x - w[w.count - 2].box.maxX, next: nil) { w.removeLast() }
        return w
    }

    /// Reads the lines in `region` (sparse text), each with its box in `image` pixels.
    /// With `minWordConfidence`, a line with any word read less surely is left out.
    public static func readLines(_ region: PixelRect, in image: Image, reader: any TextReader,
                                 minConfidence: Double = 50, minWordConfidence: Double = 0) async throws -> [(text: String, box: PixelRect)] {
        let crop = image.cropped(to: region)
        guard crop.width >= 6, crop.height >= 6 else { return [] }
        let margin = 6
        let r = try await reader.read(prepare(crop, margin: margin), mode: .sparse)
        let clipped = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        return r.lines.compactMap { line in
            let l = TextLine(words: withoutEdgeJunk(line.words))
            let t = balancingBrackets(clean(l.text))
            guard l.confidence >= minConfidence, l.words.allSatisfy({ $0.confidence >= minWordConfidence }),
                  t.count >= 2, hasLetterOrDigit(t) else { return nil }
            let b = l.box
            return (t, PixelRect(x: b.x - margin + clipped.x, y: b.y - margin + clipped.y, width: b.width, height: b.height))
        }
    }

    /// Announces `readLines(region, in: image, …)`'s reading (`TextReader.readAhead`): a reading
    /// that may follow, which an idle core can start now. The crop is made only if it does.
    public static func readLinesAhead(_ region: PixelRect, in image: Image, reader: any TextReader) {
        readLinesAhead(region, in: image) { reader.readAhead(mode: .sparse, $0); return false }
    }

    /// The same announcement through `start` (given the mode's crop, it says whether the reading
    /// is under way); false when the region is too small to be read.
    static func readLinesAhead(_ region: PixelRect, in image: Image, start: (() -> Image) -> Bool) -> Bool {
        let clipped = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard clipped.width >= 6, clipped.height >= 6 else { return false }
        return start { prepare(image.cropped(to: region), margin: 6) }
    }

    /// The text typed in a field: the field's inner area read as one line, the caret and
    /// decorations stripped. Nil when the field looks empty.
    public static func readFieldText(_ field: PixelRect, in image: Image, reader: any TextReader) async throws -> String? {
        let inner = PixelRect(x: field.x + 3, y: field.y + 3, width: field.width - 6, height: field.height - 6)
        guard var band = InkAnalysis.textBand(in: image, region: inner) else { return nil }
        if let value = InkAnalysis.lineBelowFloatingLabel(in: image, band: band, field: field) { band = value }
        band = InkAnalysis.trimmingBorders(band, in: image)
        band = InkAnalysis.extendingLeft(band, in: image, from: inner.x, downTo: field.x - 3)
        var crop = image.cropped(to: band).grayscale()
        crop = InkAnalysis.normalisingSelection(crop)
        crop = InkAnalysis.droppingIsolatedTrailingMark(crop)
        crop = InkAnalysis.eraseCarets(crop)
        crop = InkAnalysis.erasingTouchingCaret(crop)
        // Small screen text: a second reading at twice the size (dots and thin letters come out
        // apart there); the more confident reading wins. (It always follows: announced first.)
        var big: Image?
        if crop.height < 40 { reader.readAhead(mode: .line) { [crop] in big = prepare(upscaled(crop), margin: 16); return big! } }
        var r = try await reader.read(prepare(crop, margin: 8), mode: .line)
        if crop.height < 40 {
            let r2 = try await reader.read(big ?? prepare(upscaled(crop), margin: 16), mode: .line)
            if r2.confidence > r.confidence + 5 {
                r = r2
            } else if let t2 = fieldText(r2), let t1 = fieldText(r),
                      keepsTheDots(t2, over: t1, dots: InkAnalysis.baselineDots(in: crop)) {
                // A full stop between letters is a speck of two pixels at the normal size, which
                // the reader drops ("knowak@…" for "k.nowak@…"); enlarged it is read, less surely.
                r = r2
            }
        }
        return fieldText(r)
    }

    /// A field's reading as text: marks at either end that are no text (a pointer's remains, a
    /// border, a stray) dropped as on any line, and a caret touching the last letter (read as a
    /// bar or a bracket) too. Nil when nothing is left.
    static func fieldText(_ r: TextReading) -> String? {
        var t = clean(withoutEdgeJunk(r.lines.flatMap(\.words)).map(\.text).joined(separator: " "))
        while let last = t.last, "|[]{}".contains(last) { t.removeLast(); t = t.trimmingCharacters(in: .whitespaces) }
        return t.isEmpty ? nil : t
    }

    /// Whether `enlarged`, a reading that differs from `normal` only by full stops, should win on
    /// them: it has exactly as many full stops inside the text as the line shows specks of ink
    /// on its baseline between letters (`dots`), and `normal` has fewer.
    static func keepsTheDots(_ enlarged: String, over normal: String, dots: Int) -> Bool {
        func inner(_ s: String) -> Int { s.count < 3 ? 0 : s.dropFirst().dropLast().filter { $0 == "." }.count }
        func letters(_ s: String) -> String { s.filter { $0 != "." } }
        return dots > 0 && inner(enlarged) == dots && inner(normal) < dots && letters(enlarged) == letters(normal)
    }

    /// Whitespace collapsed and trimmed, OCR quote variants made plain.
    public static func clean(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            .replacingOccurrences(of: "\u{2014}", with: "-")
        // A capital I alone reads as a bar.
        t = t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { $0 == "|" ? "I" : String($0) }.joined(separator: " ")
        // A bar glued to the start of a word is a caret or a border ("|Search"), never text.
        if t.count > 2, t.first == "|", let second = t.dropFirst().first, second.isLetter { t.removeFirst() }
        return t
    }

    static func hasLetterOrDigit(_ s: String) -> Bool { s.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) } }
}

/// Where the ink (text) is inside a region, and small clean-ups before reading it.
public enum InkAnalysis {
    /// Pixels that differ from the background by more than this are ink.
    static let inkContrast = 45

    /// The rows and columns of `region` that hold ink, as a rectangle padded by 3 pixels;
    /// nil when the region is blank.
    public static func textBand(in image: Image, region: PixelRect) -> PixelRect? {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.width > 2, r.height > 2 else { return nil }
        let crop = image.cropped(to: r).grayscale()
        let bg = Int(TextRegions.backgroundLuma(crop))
        var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1, count = 0
        for y in 0..<crop.height {
            for x in 0..<crop.width where abs(Int(crop.pixels[y * crop.width + x]) - bg) > inkContrast {
                count += 1
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard count >= 4 else { return nil }
        return PixelRect(x: r.x + minX - 3, y: r.y + minY - 3, width: maxX - minX + 7, height: maxY - minY + 7)
            .intersection(r)
    }

    /// `region` below a thin edge along its top — at most `maxEdge` rows of ink from the first row
    /// on (the bottom border of a field or a rule just above), then at least 3 blank rows — when
    /// ink follows; nil when the top is not such an edge (blank, or taller ink: a heading's letters).
    public static func belowTopEdge(in image: Image, region: PixelRect, maxEdge: Int = 4) -> PixelRect? {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.width > 2, r.height > 8 else { return nil }
        let crop = image.cropped(to: r).grayscale()
        let bg = Int(TextRegions.backgroundLuma(crop))
        let inkRow = (0..<crop.height).map { y in
            (0..<crop.width).contains { x in abs(Int(crop.pixels[y * crop.width + x]) - bg) > inkContrast }
        }
        guard inkRow[0] else { return nil }
        let edge = inkRow.firstIndex(of: false) ?? crop.height
        guard edge <= maxEdge, edge + 3 < crop.height, !inkRow[edge..<(edge + 3)].contains(true),
              inkRow[(edge + 3)...].contains(true) else { return nil }
        return PixelRect(x: r.x, y: r.y + edge + 1, width: r.width, height: r.height - edge - 1)
    }

    /// The first run of ink in `band` from the left, ending where a blank gap much wider than a word
    /// space (`gapFactor` × the band's height) begins: a label without the link or hint that sits
    /// further along the same line ("Password … Forgot password?").
    public static func leadingRun(of band: PixelRect, in image: Image, gapFactor: Double = 1.5) -> PixelRect {
        let crop = image.cropped(to: band).grayscale()
        guard crop.width > 0, crop.height > 0 else { return band }
        let bg = Int(TextRegions.backgroundLuma(crop))
        let maxGap = max(12, Int(Double(band.height) * gapFactor))
        var lastInk = -1, gap = 0
        for x in 0..<crop.width {
            var ink = false
            for y in 0..<crop.height where abs(Int(crop.pixels[y * crop.width + x]) - bg) > inkContrast { ink = true; break }
            if ink { lastInk = x; gap = 0 } else if lastInk >= 0 { gap += 1; if gap > maxGap { break } }
        }
        guard lastInk >= 0 else { return band }
        return PixelRect(x: band.x, y: band.y, width: min(band.width, lastInk + 4), height: band.height)
    }

    /// How many pixels of `region` are ink.
    public static func inkCount(in image: Image, region: PixelRect, background: Int? = nil) -> Int {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard !r.isEmpty else { return 0 }
        let bg = background ?? Int(TextRegions.backgroundLuma(image.cropped(to: r)))
        var n = 0
        for y in r.y..<r.maxY { for x in r.x..<r.maxX where abs(Int(image.luma(x: x, y: y)) - bg) > inkContrast { n += 1 } }
        return n
    }

    /// The value's line of a field whose label floats inside it above the value (a material
    /// field: "Phone" small at the top, "+233 30 555 0190" below): the band from the second line
    /// of ink down, when the first is a line of text (three times as wide as tall or more) at most
    /// 0.8 of the next line's height, ending above the field's middle. Nil when the band is one
    /// line (or two alike, a wrapped value).
    public static func lineBelowFloatingLabel(in image: Image, band: PixelRect, field: PixelRect) -> PixelRect? {
        let g = image.cropped(to: band).grayscale()
        let w = g.width, h = g.height
        guard w > 8, h > 12 else { return nil }
        let bg = Int(TextRegions.backgroundLuma(g))
        let inkRow = (0..<h).map { y in (0..<w).contains { x in abs(Int(g.pixels[y * g.bytesPerRow + x]) - bg) > inkContrast } }
        var lines: [(top: Int, bottom: Int)] = []
        var y = 0
        while y < h {
            guard inkRow[y] else { y += 1; continue }
            let s = y
            while y < h, inkRow[y] { y += 1 }
            lines.append((s, y - 1))
        }
        guard lines.count >= 2 else { return nil }
        let first = lines[0], next = lines[1]
        let firstHeight = first.bottom - first.top + 1, nextHeight = next.bottom - next.top + 1
        var left = w, right = -1
        for y in first.top...first.bottom { for x in 0..<w where abs(Int(g.pixels[y * g.bytesPerRow + x]) - bg) > inkContrast { left = min(left, x); right = max(right, x) } }
        guard firstHeight >= 4, firstHeight * 10 <= nextHeight * 8, right - left + 1 >= firstHeight * 3,
              band.y + first.bottom < field.center.y else { return nil }
        let top = band.y + max(first.bottom + 1, next.top - 3)
        return PixelRect(x: band.x, y: top, width: band.width, height: band.maxY - top)
    }

    /// A band without the field's own border at either end (the box found can include a focus
    /// ring, and its inset then still holds the border): a run of at most 3 inked columns at
    /// the band's first (or last) ink, inked over 80 % of its height, with 2 blank columns or more
    /// between it and the text. A glyph is never that tall inside its band (the band has 3
    /// pixels of margin above and below the text).
    public static func trimmingBorders(_ band: PixelRect, in image: Image) -> PixelRect {
        let r = band.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.width > 12, r.height > 6 else { return band }
        let bg = Int(TextRegions.backgroundLuma(image.cropped(to: r)))
        let ink = (r.x..<r.maxX).map { x in (r.y..<r.maxY).filter { abs(Int(image.luma(x: x, y: $0)) - bg) > inkContrast }.count }
        func border(_ cols: [Int]) -> Int? {
            guard let first = cols.firstIndex(where: { $0 > 0 }) else { return nil }
            var end = first
            while end < cols.count, cols[end] > 0 { end += 1 }
            guard end - first <= 3, cols[first..<end].max()! * 10 >= r.height * 8,
                  end + 2 <= cols.count, cols[end] == 0, cols[end + 1] == 0, cols[end...].contains(where: { $0 > 0 }) else { return nil }
            return end
        }
        var out = r
        if let cut = border(ink) { out = PixelRect(x: r.x + cut, y: r.y, width: r.width - cut, height: r.height) }
        if let cut = border(Array(ink.reversed())), r.maxX - cut > out.x { out = PixelRect(x: out.x, y: r.y, width: r.maxX - cut - out.x, height: r.height) }
        return out
    }

    /// A band whose ink starts at the left edge it was searched from (`from`: a tight inline
    /// editor's text begins a pixel or two inside its border, and the field's box found can sit
    /// inside that border) grown left over the rest of the cut glyph: up to the first blank column,
    /// or to just right of a border (a column inked over 80 % of the band's height), never past
    /// `downTo`. Unchanged when the ink starts clear of the edge or no such column is found.
    public static func extendingLeft(_ band: PixelRect, in image: Image, from edge: Int, downTo limit: Int) -> PixelRect {
        let rows = band.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard band.x <= edge, rows.height > 4, limit < edge else { return band }
        let bg = Int(TextRegions.backgroundLuma(image.cropped(to: rows)))
        let ink = { (x: Int) in (rows.y..<rows.maxY).filter { abs(Int(image.luma(x: x, y: $0)) - bg) > inkContrast }.count }
        // (Ink in the first two columns searched: a glyph touching the edge.)
        guard ink(edge) > 0 || ink(edge + 1) > 0 else { return band }
        var x = edge - 1
        while x >= max(0, limit) {
            let n = ink(x)
            if n == 0 { return PixelRect(x: x, y: band.y, width: band.maxX - x, height: band.height) }
            if n * 10 >= rows.height * 8 { return PixelRect(x: x + 1, y: band.y, width: band.maxX - x - 1, height: band.height) }
            x -= 1
        }
        return band
    }

    /// A selected part of the text drawn light on a dark highlight (a date input's month, day or
    /// year being typed; text selected with Ctrl+A) made dark on the field's own background, so
    /// that the whole line reads with one polarity. A highlight is a box: a run of at least
    /// `max(8, height / 2)` adjacent columns, each dark from near the crop's top to near its
    /// bottom, whose top and bottom rows are dark across (nearly) the whole run — dark-on-light
    /// glyphs that touch never make such rows, an underline makes only one. It must sit on a light
    /// field; inside the rows it spans, its colour becomes the field's background and its light
    /// letters dark.
    public static func normalisingSelection(_ crop: Image) -> Image {
        let g = crop.grayscale()
        let w = g.width, h = g.height, stride = g.bytesPerRow
        guard w >= 8, h >= 6 else { return g }
        let bg = Int(TextRegions.backgroundLuma(g))
        guard bg >= 160 else { return g }
        let darkBelow = bg - 60
        let isDark = { (x: Int, y: Int) in Int(g.pixels[y * stride + x]) < darkBelow }
        var tall = [Bool](repeating: false, count: w)
        for x in 0..<w {
            guard let top = (0..<h).first(where: { isDark(x, $0) }), let bottom = (0..<h).last(where: { isDark(x, $0) }) else { continue }
            tall[x] = (bottom - top + 1) * 10 >= h * 6
        }
        let minRun = max(8, h / 2)
        var runs: [(Int, Int)] = []
        var x = 0
        while x < w {
            guard tall[x] else { x += 1; continue }
            let s = x
            while x < w, tall[x] { x += 1 }
            if x - s >= minRun { runs.append((s, x)) }
        }
        guard !runs.isEmpty else { return g }
        var out = g
        for (s, e) in runs {
            // The box's edges: rows dark across 90 % of the run, one in its top third and one in its
            // bottom third.
            let full = (0..<h).filter { y in (s..<e).filter { isDark($0, y) }.count * 10 >= (e - s) * 9 }
            guard let top = full.first, let bottom = full.last, top * 3 <= h, bottom * 3 >= h * 2 else { continue }
            var values: [Int] = []
            for y in top...bottom { for x in s..<e where isDark(x, y) { values.append(Int(g.pixels[y * stride + x])) } }
            values.sort()
            let hl = values[values.count / 2]
            let span = max(1, 255 - hl)
            for y in top...bottom {
                for x in s..<e {
                    let v = Int(g.pixels[y * stride + x])
                    out.pixels[y * stride + x] = UInt8(max(0, min(bg, bg - (v - hl) * bg / span)))
                }
            }
        }
        return out
    }

    /// Removes a caret at either end of the text (see `eraseTrailingCaret`).
    public static func eraseCarets(_ crop: Image) -> Image {
        let once = eraseTrailingCaret(crop.grayscale())
        return eraseTrailingCaret(once.rotated(clockwiseQuarterTurns: 2)).rotated(clockwiseQuarterTurns: 2)
    }

    /// Removes a caret: a 1–2 pixel wide vertical stroke, alone at the right end of the text,
    /// at least as tall as the tallest other ink.
    public static func eraseTrailingCaret(_ crop: Image) -> Image {
        let g = crop.grayscale()
        let w = g.width, h = g.height
        guard w > 6, h > 6 else { return g }
        let bg = Int(TextRegions.backgroundLuma(g))
        var colInk = [Int](repeating: 0, count: w)
        var colTop = [Int](repeating: h, count: w), colBottom = [Int](repeating: -1, count: w)
        for x in 0..<w {
            for y in 0..<h where abs(Int(g.pixels[y * w + x]) - bg) > inkContrast {
                colInk[x] += 1; colTop[x] = min(colTop[x], y); colBottom[x] = max(colBottom[x], y)
            }
        }
        guard let last = colInk.lastIndex(where: { $0 > 0 }) else { return g }
        var first = last
        while first > 0 && colInk[first - 1] > 0 { first -= 1 }
        guard last - first <= 1 else { return g }                      // a stroke 1–2 px wide
        var prev = first - 1
        while prev >= 0 && colInk[prev] == 0 { prev -= 1 }
        guard prev >= 0, first - prev >= 2 else { return g }          // alone, after a gap
        let strokeHeight = colBottom[first...last].max()! - colTop[first...last].min()! + 1
        let others = (0...prev).filter { colInk[$0] > 0 }
        let otherHeight = (others.map { colBottom[$0] }.max() ?? 0) - (others.map { colTop[$0] }.min() ?? 0) + 1
        guard strokeHeight >= otherHeight else { return g }
        var px = g.pixels
        for x in first...last { for y in 0..<h { px[y * w + x] = UInt8(bg) } }
        return Image(width: w, height: h, format: .gray8, pixels: px)
    }

    /// A narrow mark far right of the text (a resting I-beam pointer, a stray) is not text.
    ///
    /// The gap before the mark is compared with the gaps between the text's own runs of ink; when
    /// the text is a single run (one digit or glyph, "1", where the letters leave no gap to compare
    /// with) the line's height stands for it: a space between words is well under the height of
    /// the line, and a pointer resting at least twice that far right of a one-run value is no part
    /// of it (the pointer passing over a prefilled number field read "1 I").
    public static func droppingIsolatedTrailingMark(_ g: Image) -> Image {
        let w = g.width, h = g.height
        guard w > 20 else { return g }
        let bg = Int(TextRegions.backgroundLuma(g))
        var ink = [Bool](repeating: false, count: w)
        for x in 0..<w { for y in 0..<h where abs(Int(g.pixels[y * g.bytesPerRow + x]) - bg) > inkContrast { ink[x] = true; break } }
        var runs: [(Int, Int)] = []
        var x = 0
        while x < w { if ink[x] { let s = x; while x < w && ink[x] { x += 1 }; runs.append((s, x)) } else { x += 1 } }
        guard runs.count >= 2, let last = runs.last else { return g }
        let prev = runs[runs.count - 2]
        let gap = last.0 - prev.1
        guard last.1 - last.0 <= 12, gap >= 16 else { return g }
        if runs.count == 2 {
            // As tall as the text at least (an I-beam is taller than the letters): a short
            // right-aligned value with the pointer resting left of it is not dropped.
            let height = { (r: (Int, Int)) -> Int in
                var top = h, bottom = -1
                for x in r.0..<r.1 { for y in 0..<h where abs(Int(g.pixels[y * g.bytesPerRow + x]) - bg) > inkContrast { top = min(top, y); bottom = max(bottom, y) } }
                return bottom - top + 1
            }
            guard gap >= 2 * h, height(last) >= height(prev) else { return g }
        } else {
            let gaps = zip(runs.dropFirst(), runs).map { $0.0 - $1.1 }.dropLast().sorted()
            let typical = gaps.isEmpty ? 4 : gaps[gaps.count / 2]
            guard gap > typical * 3 else { return g }
        }
        return g.cropped(to: PixelRect(x: 0, y: 0, width: prev.1 + 3, height: h))
    }

    /// Removes a caret touching the last letter: a 1–2 pixel stroke at the right end that reaches
    /// below the baseline and as high as the tallest letters (no letter's last stroke does both).
    public static func erasingTouchingCaret(_ g: Image) -> Image {
        let w = g.width, h = g.height
        guard w > 8, h > 8 else { return g }
        let bg = Int(TextRegions.backgroundLuma(g))
        var top = [Int](repeating: h, count: w), bottom = [Int](repeating: -1, count: w)
        for x in 0..<w {
            for y in 0..<h where abs(Int(g.pixels[y * g.bytesPerRow + x]) - bg) > inkContrast {
                top[x] = min(top[x], y); bottom[x] = max(bottom[x], y)
            }
        }
        guard let right = (0..<w).last(where: { bottom[$0] >= 0 }) else { return g }
        var bottoms: [Int: Int] = [:]
        for x in 0..<max(0, right - 3) where bottom[x] >= 0 { bottoms[bottom[x], default: 0] += 1 }
        guard let baseline = bottoms.max(by: { $0.value < $1.value })?.key else { return g }
        let highest = (0..<max(0, right - 3)).filter { bottom[$0] >= 0 }.map { top[$0] }.min() ?? h
        var stroke = [right]
        if right > 0, bottom[right - 1] >= 0, bottom[right - 1] >= baseline + 2 { stroke.append(right - 1) }
        let reachesBelow = stroke.allSatisfy { bottom[$0] >= baseline + 2 }
        let reachesUp = stroke.contains { top[$0] <= highest + 1 }
        // A caret is thin: the column just before the stroke must not also be that tall.
        let before = right - stroke.count
        let thin = before < 0 || bottom[before] < baseline + 2
        if !(reachesBelow && reachesUp && thin) {
            // A caret caught mid-blink (or half covered): a 1 px stroke at the right end that
            // starts as high as the tallest letters and stops well above the baseline, sticking
            // out above the letter it touches. A letter's last stroke reaching the ascender line
            // (d, l) runs down to the baseline; an apostrophe is far shorter.
            let lineHeight = baseline - highest
            let column = (top[right]...max(top[right], bottom[right])).filter { abs(Int(g.pixels[$0 * g.bytesPerRow + right]) - bg) > inkContrast }
            let floating = lineHeight >= 8 && top[right] <= highest + 1 && bottom[right] <= baseline - max(3, lineHeight / 4)
                && bottom[right] - top[right] + 1 >= lineHeight * 4 / 10 && column.count >= bottom[right] - top[right] - 1
                && right > 0 && (bottom[right - 1] < 0 || top[right - 1] >= top[right] + 3)
            guard floating else { return g }
            stroke = [right]
        }
        var px = g.pixels
        for x in stroke { for y in 0..<h { px[y * g.bytesPerRow + x] = UInt8(bg) } }
        return Image(width: w, height: h, format: .gray8, bytesPerRow: g.bytesPerRow, pixels: px)
    }

    /// How many full stops a line of dark-on-light text shows between letters: specks of ink
    /// (at most a quarter of the line's tallest glyph a side, two pixels or more) whose bottom is
    /// on the baseline (the commonest bottom of the letters, within a pixel), with a letter left
    /// and right of them and nothing else in their columns — a colon's, a semicolon's, an
    /// exclamation or question mark's lower dot has a mark above it; an i's dot is above the
    /// baseline; a comma reaches below it.
    public static func baselineDots(in crop: Image) -> Int {
        let g = crop.grayscale()
        let w = g.width, h = g.height
        guard w > 6, h > 6 else { return 0 }
        let bg = Int(TextRegions.backgroundLuma(g))
        var label = [Int](repeating: -1, count: w * h)
        var boxes: [(x0: Int, y0: Int, x1: Int, y1: Int, n: Int)] = []
        for start in 0..<(w * h) where label[start] < 0 && abs(Int(g.pixels[(start / w) * g.bytesPerRow + start % w]) - bg) > inkContrast {
            let id = boxes.count
            var b = (x0: w, y0: h, x1: -1, y1: -1, n: 0)
            var stack = [start]
            label[start] = id
            while let i = stack.popLast() {
                let x = i % w, y = i / w
                b.x0 = min(b.x0, x); b.x1 = max(b.x1, x); b.y0 = min(b.y0, y); b.y1 = max(b.y1, y); b.n += 1
                for dy in -1...1 { for dx in -1...1 {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < w, ny < h, label[ny * w + nx] < 0,
                          abs(Int(g.pixels[ny * g.bytesPerRow + nx]) - bg) > inkContrast else { continue }
                    label[ny * w + nx] = id
                    stack.append(ny * w + nx)
                } }
            }
            boxes.append(b)
        }
        guard let tallest = boxes.map({ $0.y1 - $0.y0 + 1 }).max(), tallest >= 6 else { return 0 }
        let letters = boxes.filter { ($0.y1 - $0.y0 + 1) * 2 >= tallest }
        var bottoms: [Int: Int] = [:]
        for b in letters { bottoms[b.y1, default: 0] += 1 }
        guard let baseline = bottoms.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { return 0 }
        let side = max(2, tallest / 4)
        return boxes.indices.filter { i in
            let d = boxes[i]
            guard d.x1 - d.x0 + 1 <= side, d.y1 - d.y0 + 1 <= side, d.n >= 2, abs(d.y1 - baseline) <= 1 else { return false }
            let alone = boxes.indices.allSatisfy { j in j == i || boxes[j].x1 < d.x0 || boxes[j].x0 > d.x1 }
            return alone && letters.contains { $0.x1 < d.x0 } && letters.contains { $0.x0 > d.x1 }
        }.count
    }

    /// Whether the text in `band` looks masked: a row of identical dots (a password field).
    public static func looksMasked(_ image: Image, band: PixelRect) -> Bool {
        let g = image.cropped(to: band).grayscale()
        let w = g.width, h = g.height
        guard w > 8, h > 4 else { return false }
        let bg = Int(TextRegions.backgroundLuma(g))
        var colInk = [Int](repeating: 0, count: w)
        var top = h, bottom = -1
        for x in 0..<w {
            for y in 0..<h where abs(Int(g.pixels[y * w + x]) - bg) > inkContrast {
                colInk[x] += 1; top = min(top, y); bottom = max(bottom, y)
            }
        }
        // Runs of inked columns: glyphs.
        var runs: [(start: Int, width: Int, ink: Int)] = []
        var x = 0
        while x < w {
            if colInk[x] > 0 {
                let s = x; var ink = 0
                while x < w && colInk[x] > 0 { ink += colInk[x]; x += 1 }
                runs.append((s, x - s, ink))
            } else { x += 1 }
        }
        // Drop a trailing caret-like stroke.
        if let l = runs.last, l.width <= 2, runs.count > 1 { runs.removeLast() }
        guard runs.count >= 3 else { return false }
        let widths = runs.map(\.width), inks = runs.map(\.ink)
        let wSpread = widths.max()! - widths.min()!
        let iMean = Double(inks.reduce(0, +)) / Double(inks.count)
        let iSpread = Double(inks.max()! - inks.min()!) / max(1, iMean)
        let gaps = zip(runs.dropFirst(), runs).map { $0.start - ($1.start + $1.width) }
        let gSpread = (gaps.max() ?? 0) - (gaps.min() ?? 0)
        let inkHeight = bottom - top + 1
        // Dots are about as wide as tall.
        return wSpread <= 2 && iSpread < 0.35 && gSpread <= 2 && widths.max()! >= 3 && inkHeight <= widths.max()! + 3
    }
}
