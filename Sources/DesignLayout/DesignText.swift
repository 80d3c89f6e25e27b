import Foundation
import ScreenCore

/// Font metrics of the font the generated code asks for (Arial, i.e. Liberation Sans where Arial is
/// not installed: the two share advance widths), used to turn measured text lines into a font size
/// that reproduces their width, and a line box that puts the glyphs where the design has them.
public enum DesignFontMetrics {
    /// Advance widths of ASCII 32…126 in 1/1000 em, regular.
    static let regular: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
        556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
        556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
        500, 500, 500, 334, 260, 334, 584]
    /// Advance widths of ASCII 32…126 in 1/1000 em, bold.
    static let bold: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722,
        611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556,
        611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778,
        556, 556, 500, 389, 280, 389, 584]
    /// Ascent and descent of the font's content area, in em (what a line box holds).
    public static let ascent = 0.905, descent = 0.212
    public static let capHeight = 0.716, xHeight = 0.519, ascenderHeight = 0.729, descenderDepth = 0.210

    /// Advance widths (regular, bold) in 1/1000 em of the punctuation and symbols outside ASCII
    /// that pages set most (Arial's and Liberation Sans's AFM widths): an em dash is a full em and an
    /// ellipsis too, where the old flat 0.56 em made "Join In—the audience is invited to participate"
    /// 8 px wider in the browser than its box, which wrapped it onto a second line (d2c/3747).
    static let symbols: [Unicode.Scalar: (regular: Int, bold: Int)] = [
        "\u{2014}": (1000, 1000), "\u{2013}": (556, 556), "\u{2018}": (222, 278), "\u{2019}": (222, 278),
        "\u{201C}": (333, 500), "\u{201D}": (333, 500), "\u{201A}": (222, 278), "\u{201E}": (333, 500),
        "\u{2022}": (350, 350), "\u{2026}": (1000, 1000), "\u{00A9}": (737, 737), "\u{00AE}": (737, 737),
        "\u{00B0}": (400, 400), "\u{00D7}": (584, 584), "\u{00B7}": (278, 278), "\u{00AB}": (556, 556),
        "\u{00BB}": (556, 556), "\u{2039}": (333, 333), "\u{203A}": (333, 333), "\u{00A3}": (556, 556),
        "\u{20AC}": (556, 556), "\u{00A2}": (556, 556), "\u{00A5}": (556, 556), "\u{2122}": (1000, 1000),
        "\u{00A0}": (278, 278), "\u{2212}": (584, 584), "\u{00A7}": (556, 556), "\u{00B6}": (537, 556),
        "\u{00BD}": (834, 834), "\u{00BC}": (834, 834), "\u{00BE}": (834, 834), "\u{00DF}": (611, 611),
    ]

    /// The advance width of `text` in em. Letters with diacritics ("é", "ñ", "Ü") have their base
    /// letter's advance, as in Arial; other characters outside ASCII and `symbols` count 0.56 em.
    public static func width(of text: String, bold: Bool) -> Double {
        let table = bold ? Self.bold : regular
        var w = 0
        for u in text.unicodeScalars {
            let v = Int(u.value)
            if (32...126).contains(v) {
                w += table[v - 32]
            } else if let s = symbols[u] {
                w += bold ? s.bold : s.regular
            } else if u.properties.isAlphabetic, let base = String(u).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                      (65...122).contains(Int(base.value)) {
                w += table[Int(base.value) - 32]
            } else {
                w += 560
            }
        }
        return Double(w) / 1000
    }

    /// The ink height of a line of `text` in em: from the top of its tallest glyph class to the
    /// bottom of its lowest.
    public static func inkExtent(of text: String) -> (top: Double, bottom: Double) {
        var top = 0.0, bottom = 0.0
        for ch in text {
            if ch.isUppercase || ch.isNumber || "bdfhklt!?/\\|()[]{}@#$%&'\"".contains(ch) {
                top = max(top, ch == "t" ? 0.66 : (ch.isUppercase || ch.isNumber ? capHeight : ascenderHeight))
            } else if ch.isLetter || "+=<>*~".contains(ch) {
                top = max(top, xHeight)
            } else if "-–—:;".contains(ch) {
                top = max(top, 0.3)
            }
            if "gjpqy,;()[]{}|@$Q".contains(ch) { bottom = max(bottom, ch == "," || ch == ";" ? 0.15 : descenderDepth) }
        }
        return (top == 0 ? xHeight : top, bottom)
    }
}

/// The measured appearance of one text line on the design.
public struct MeasuredLine: Sendable, Equatable {
    public var text: String
    /// The ink box (what the pixels cover).
    public var ink: PixelRect
    public init(text: String, ink: PixelRect) { self.text = text; self.ink = ink }
}

/// A text block's typography, fitted so that the generated Arial text covers the same pixels.
public struct FittedText: Sendable, Equatable {
    public var fontSize: Double
    public var lineHeight: Double
    public var bold: Bool
    /// The line boxes' union: where the generated element must be.
    public var box: PixelRect
}

/// Fits a font size and line height to measured lines.
public enum DesignTypography {
    /// Which line breaks of a paragraph the design makes by hand, one entry per break: true when the
    /// next line's first word (and a space) would have fitted after the line, within the widest
    /// line's width — text that wraps fills its lines; an address, a list of credits or a poem's
    /// lines do not. The source of such a page breaks them with `<br>` or separate elements, the
    /// wrapped lines of a paragraph are one run of text. `fontSize` is the fitted size the widths are
    /// measured at (Arial advances, as the generated text is drawn).
    public static func hardBreaks(_ lines: [MeasuredLine], fontSize: Double, bold: Bool) -> [Bool] {
        guard lines.count >= 2, fontSize > 0 else { return [] }
        let widths = lines.map { Double($0.ink.width) }
        let wrapWidth = widths.max() ?? 0
        let space = DesignFontMetrics.width(of: " ", bold: bold) * fontSize
        return (0..<(lines.count - 1)).map { i in
            guard let word = lines[i + 1].text.split(separator: " ").first else { return false }
            let need = space + DesignFontMetrics.width(of: String(word), bold: bold) * fontSize
            return wrapWidth - widths[i] >= need + 2
        }
    }

    /// Font size from ink heights, font size from widths (more precise, the line's text known),
    /// reconciled; line height from the baseline pitch; the element box from the first baseline.
    public static func fit(_ lines: [MeasuredLine], bold: Bool) -> FittedText? {
        let usable = lines.filter { !$0.text.isEmpty && $0.ink.height > 0 }
        guard !usable.isEmpty else { return nil }
        // Height-based estimate per line.
        var byHeight: [Double] = []
        var baselines: [Double] = []
        for l in usable {
            let e = DesignFontMetrics.inkExtent(of: l.text)
            byHeight.append(Double(l.ink.height) / max(0.3, e.top + e.bottom))
        }
        let fH = median(byHeight)
        // Width-based estimate on lines long enough to average glyph noise out.
        var byWidth: [Double] = []
        for l in usable where l.text.count >= 4 {
            let em = DesignFontMetrics.width(of: l.text, bold: bold)
            guard em > 0.5 else { continue }
            let fw = Double(l.ink.width) / (em - 0.06)
            // Short words measure the font poorly: lean on the height for them.
            byWidth.append(l.text.count >= 8 ? fw : (fw + fH) / 2)
        }
        var f = fH
        if !byWidth.isEmpty {
            let fW = median(byWidth)
            f = min(max(fW, fH * 0.78), fH * 1.3)
        }
        f = max(6, (f * 2).rounded() / 2)
        for l in usable {
            let e = DesignFontMetrics.inkExtent(of: l.text)
            baselines.append(Double(l.ink.maxY) - e.bottom * f)
        }
        var pitch = f * 1.2
        if baselines.count >= 2 {
            let diffs = zip(baselines.dropFirst(), baselines).map { $0 - $1 }.filter { $0 > f * 0.8 }
            if !diffs.isEmpty { pitch = median(diffs) }
        }
        let lh = max((f * 1.05).rounded(), pitch.rounded())
        // Line box: baseline at top + half-leading + ascent.
        let halfLeading = (lh - (DesignFontMetrics.ascent + DesignFontMetrics.descent) * f) / 2
        let top = baselines[0] - halfLeading - DesignFontMetrics.ascent * f
        let x0 = usable.map(\.ink.x).min()!
        // Wide enough for every line at the chosen size, so none wraps at the design width.
        let rendered = usable.map { Double($0.ink.x) + f * DesignFontMetrics.width(of: $0.text, bold: bold) }
        let x1 = max(usable.map(\.ink.maxX).max()!, Int(rendered.max()!.rounded(.up)))
        let lineCount = max(usable.count, Int((Double(usable.last!.ink.maxY - usable[0].ink.y) / lh).rounded()))
        let box = PixelRect(x: x0 - Int((f * 0.05).rounded()), y: Int(top.rounded()),
                            width: x1 - x0 + Int((f * 0.1).rounded()) + 2, height: Int((lh * Double(lineCount)).rounded()))
        return FittedText(fontSize: f, lineHeight: lh, bold: bold, box: box)
    }

    /// Whether text of `fontSize` px with a median stroke of `stroke` px is bold (Arial's regular
    /// stems are ~0.09 em, bold ~0.15 em).
    public static func isBold(stroke: Double, fontSize: Double) -> Bool {
        guard fontSize > 0 else { return false }
        return stroke / fontSize >= 0.118
    }

    static func median(_ v: [Double]) -> Double {
        let s = v.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
}
