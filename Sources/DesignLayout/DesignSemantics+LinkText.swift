import Foundation
import ScreenCore

/// What a link in an accent colour says: words, not a figure or glyphs OCR read as letters.
extension DesignSemantics {
    /// Whether a line set in an accent colour (not link blue) may be a link: it holds no percentage,
    /// and if it holds a run of three letters or more, one of them is a word (`namesInWords`: three
    /// letters of which three differ, or an acronym). A row of star glyphs reads as "kkk 64" and a
    /// chart legend's swatches as "——EEEee" — coloured ink, but no word; a KPI's trend line ("▲ 12.4%
    /// vs last month") is a statistic drawn green or red. Of the 1,626 `<a>` in the Design2Code
    /// sources two hold a percentage, and every one with a run of three letters has a word; figures
    /// and short words ("2021 5", "of") are left as they were.
    public static func readsAsAccentLink(_ text: String) -> Bool {
        !hasPercentFigure(text) && !isLetterNoise(text)
    }

    /// Whether `text` has runs of three letters or more but none is a word (`namesInWords`): glyphs
    /// OCR read as letters ("kkk", "EEEEEEee", a legend's swatches in link blue), not a link's name in
    /// any colour. Figures and short words ("2021 5", "of") are not noise.
    public static func isLetterNoise(_ text: String) -> Bool {
        hasLetterRun(text) && !namesInWords(text)
    }

    /// Whether `text` holds three letters in a row.
    static func hasLetterRun(_ text: String) -> Bool {
        var run = 0
        for ch in text { run = ch.isLetter ? run + 1 : 0; if run >= 3 { return true } }
        return false
    }

    /// Whether `text` holds a figure followed by a percent sign ("12.4%", "8 %").
    static func hasPercentFigure(_ text: String) -> Bool {
        let chars = Array(text)
        for (i, ch) in chars.enumerated() where ch == "%" {
            var j = i - 1
            while j >= 0, chars[j] == " " { j -= 1 }
            if j >= 0, chars[j].isNumber { return true }
        }
        return false
    }
}

extension DesignSemantics {
    /// Two short items in link blue on one line, split by " / " or " | " ("harbor / api", "Sign in |
    /// Register"): a repository's owner and name, or two actions, each a link of its own. Each
    /// item at most three words with two letters or more; the line drawn in link blue (a plain
    /// "Pros / Cons" or "and / or" in body ink stays text).
    public static func linkPair(_ text: String, color: RGB?) -> (items: [String], glyph: String)? {
        guard let color, isLinkColor(color), !text.contains("\n") else { return nil }
        for sep in [" / ", " | "] {
            let parts = text.components(separatedBy: sep).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            guard parts.allSatisfy({ $0.split(separator: " ").count <= 3 && $0.filter(\.isLetter).count >= 2 && $0.count <= 32 })
            else { return nil }
            return (parts, sep.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
