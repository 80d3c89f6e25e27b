import ScreenCore

/// Inline runs: words of a paragraph set apart from the rest of it — drawn in an accent colour
/// or underlined while the paragraph's own words are not (a link inside a sentence: "Read the
/// *documentation* first"). The paragraph stays one text node; its `runs` mark those words.
public enum InlineRuns {
    /// One word as read and measured: its text, the colour of its ink (nil: none found), whether a
    /// line is drawn under it.
    public struct Word: Sendable, Equatable {
        public var text: String
        public var ink: RGB?
        public var underline: Bool
        public init(text: String, ink: RGB?, underline: Bool = false) {
            self.text = text; self.ink = ink; self.underline = underline
        }
    }

    /// Chroma (max − min channel) under which an ink counts as grey or black: body text.
    static let greyChroma = 40
    /// Chroma from which a word's ink counts as a colour of its own.
    static let accentChroma = 60
    /// Distance (sum of channel differences) an accent must keep from the body text's colour.
    static let accentDistance = 60
    /// How much more chroma than the body's an accent has.
    static let accentChromaGain = 50

    static func chroma(_ c: RGB) -> Int { Int(max(c.r, c.g, c.b)) - Int(min(c.r, c.g, c.b)) }

    /// The runs of a paragraph whose lines are `lines` (each line's words in reading order; the
    /// line's text is its words joined by single spaces), or nil when nothing is set apart.
    ///
    /// A word is set apart when the paragraph also has body words — grey or black, not underlined,
    /// with a letter — and the word is coloured (chroma ≥ 60, ≥ 50 above the body's) at least 60
    /// away from the body's colour, or underlined. Consecutive set-apart words of a similar colour
    /// are one link, across a line break too; a link has at least three letters (a coloured price is
    /// not one). Nothing is set apart when the set-apart words would hold most of the text (the
    /// paragraph is then a link of its own, which the semantics stage decides).
    public static func runs(_ lines: [[Word]]) -> [UITextRun]? {
        let words = lines.flatMap { $0 }
        let body = words.filter { w in
            guard let ink = w.ink, !w.underline, !w.text.contains(where: { "gjpqy".contains($0) }) else { return false }
            return chroma(ink) < greyChroma && w.text.contains(where: \.isLetter)
        }
        // the body's colour: that of its longest word
        guard let bodyInk = body.max(by: { $0.text.count < $1.text.count })?.ink else { return nil }
        func apart(_ w: Word) -> Bool {
            guard w.text.contains(where: { $0.isLetter || $0.isNumber }) else { return false }
            if w.underline { return true }
            guard let ink = w.ink else { return false }
            // coloured where the body is grey: a dark blue beside dark grey is only ~60–90 apart in
            // channel sums, yet plainly another colour
            return chroma(ink) >= accentChroma && chroma(ink) - chroma(bodyInk) >= accentChromaGain
                && DesignRaster.distance(ink, bodyInk) >= accentDistance
        }
        var flags = lines.map { $0.map(apart) }
        // an underline is drawn with gaps at descenders: a word with one, next to an underlined
        // link, is taken as part of that link
        func dropsUnderline(_ w: Word) -> Bool { !w.underline && w.text.contains(where: { "gjpqy".contains($0) }) }
        var changed = true
        while changed {
            changed = false
            for li in lines.indices {
                for wi in lines[li].indices where !flags[li][wi] && dropsUnderline(lines[li][wi]) {
                    let near = [wi > 0 ? (li, wi - 1) : nil, wi + 1 < lines[li].count ? (li, wi + 1) : nil].compactMap { $0 }
                    if near.contains(where: { flags[$0.0][$0.1] && lines[$0.0][$0.1].underline }) {
                        flags[li][wi] = true; changed = true
                    }
                }
            }
        }
        let apartChars = zip(lines.flatMap { $0 }, flags.flatMap { $0 }).filter(\.1).map(\.0.text.count).reduce(0, +)
        let allChars = words.map(\.text.count).reduce(0, +)
        guard apartChars > 0, apartChars * 10 <= allChars * 8 else { return nil }

        var out: [UITextRun] = []
        func append(_ text: String, link: Word?) {
            if let last = out.last, (last.tag == "a") == (link != nil), link.map({ sameLink(last, $0) }) ?? true {
                out[out.count - 1].text += text
                if link?.underline == true { out[out.count - 1].underline = true }
            } else if let link {
                out.append(UITextRun(text: text, tag: "a", color: link.ink.flatMap { chroma($0) >= accentChroma ? $0 : nil },
                                     underline: link.underline))
            } else {
                out.append(UITextRun(text: text))
            }
        }
        func sameLink(_ run: UITextRun, _ w: Word) -> Bool {
            switch (run.color, w.ink.flatMap { chroma($0) >= accentChroma ? $0 : nil }) {
            case (nil, nil): return true
            case let (a?, b?): return DesignRaster.distance(a, b) <= accentDistance
            default: return false
            }
        }
        for (li, line) in lines.enumerated() {
            for (wi, w) in line.enumerated() {
                let isApart = flags[li][wi]
                // the separator before a word belongs to a link only when the words on both sides do
                if li > 0 || wi > 0 {
                    let prevApart = wi > 0 ? flags[li][wi - 1] : (flags[li - 1].last ?? false)
                    let sep = wi > 0 ? " " : "\n"
                    if isApart && prevApart, let last = out.last, last.tag == "a", sameLink(last, w) {
                        out[out.count - 1].text += sep
                    } else {
                        append(sep, link: nil)
                    }
                }
                append(w.text, link: isApart ? w : nil)
            }
        }
        // a coloured number (a price, a rate) or a stray glyph is not a link: a link has a word in it
        for i in out.indices where out[i].tag == "a" && out[i].text.filter(\.isLetter).count < 3 {
            out[i].tag = nil; out[i].color = nil; out[i].underline = nil
        }
        // plain runs made neighbours by that are one run again
        var merged: [UITextRun] = []
        for r in out {
            if let last = merged.last, last.tag == nil, r.tag == nil { merged[merged.count - 1].text += r.text } else { merged.append(r) }
        }
        return merged.contains(where: { $0.tag == "a" }) ? merged : nil
    }
}

extension DesignRaster {
    /// Whether a line is drawn under a word: a row at the bottom of the word's box (or just below
    /// it) drawn in strong ink across ≥ 97 % of the word's width — letters leave gaps between
    /// them and anti-aliased edges at their feet, an underline does not.
    public func underlined(_ word: PixelRect, background: RGB, ink: RGB?) -> Bool {
        guard let ink, word.width >= 20, word.height >= 6 else { return false }
        let strong = Self.distance(ink, background) * 6 / 10
        guard strong > tolerance else { return false }
        let x0 = word.x + 1, x1 = word.maxX - 1
        let top = max(0, word.maxY - 2)
        let bottom = min(height, word.maxY + 3)
        guard x0 >= 0, x1 <= width, top < bottom else { return false }
        for y in top..<bottom {
            var n = 0
            for x in x0..<x1 where Self.distance(color(x, y), background) >= strong { n += 1 }
            if n * 100 >= (x1 - x0) * 97 { return true }
        }
        return false
    }

    /// The fill a word sits on when it is not the paragraph's measured background (a badge or tag
    /// pill, often a pale tint closer to the background than the usual colour tolerance): the four
    /// points just outside it — left and right at mid-height, above and below it — all show one
    /// colour that is not the background (a neighbour's ink or an underline is not one fill on
    /// every side). Nil: the word is on the background.
    public func ownFill(_ word: PixelRect, background: RGB) -> RGB? {
        let midY = word.y + word.height / 2, midX = word.x + word.width / 2
        let points = [(word.x - 3, midY), (word.maxX + 2, midY), (midX, word.y - 2), (midX, word.maxY + 1)]
        guard points.allSatisfy({ $0.0 >= 0 && $0.1 >= 0 && $0.0 < width && $0.1 < height }) else { return nil }
        let colours = points.map { color($0.0, $0.1) }
        let one = colours.allSatisfy { Self.distance($0, background) > 12 && Self.distance($0, colours[0]) <= 24 }
        return one ? colours[0] : nil
    }
}

extension InlineRuns {
    /// Words on a fill of their own — unlike the fill most of the paragraph's words sit on — are
    /// badges: neither body text nor links (their ink and underline are forgotten). When most words
    /// share one fill, that fill is the paragraph's real background (a box too pale to be segmented).
    public static func dropBadges(_ words: inout [[Word]], fills: [[RGB?]]) {
        let all = fills.flatMap { $0 }
        guard all.count == words.flatMap({ $0 }).count else { return }
        let filled = all.compactMap { $0 }
        // the fill most words share (nil: the measured background)
        let common: RGB? = filled.count * 2 > all.count ? filled[filled.count / 2] : nil
        for li in words.indices {
            for wi in words[li].indices {
                let f = fills[li][wi]
                let badge: Bool = switch (f, common) {
                case (nil, _): false
                case (_?, nil): true
                case let (a?, b?): DesignRaster.distance(a, b) > 24
                }
                if badge { words[li][wi].ink = nil; words[li][wi].underline = false }
            }
        }
    }
}
