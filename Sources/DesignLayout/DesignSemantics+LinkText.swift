import Foundation
import ScreenCore

/// What a link in an accent colour says: words, not a figure or glyphs OCR read as letters.
extension DesignSemantics {
    /// Whether a line set in an accent colour (not link blue) may be a link: it holds no percentage,
    /// and if it holds a run of three letters or more, one of them is a word (`namesInWords`: three
    /// letters in a row, not all one letter). A row of star glyphs reads as "kkk 64" and a
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
