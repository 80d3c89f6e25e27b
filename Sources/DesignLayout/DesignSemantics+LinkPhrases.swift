import Foundation
import ScreenCore

/// Short lines whose words say they are links, beyond the fixed calls to action of `actionPhrases`:
/// a "Go to <site>" line. In the 60 Design2Code sources all 4 "Go to …" lines are `<a>`.
///
/// Tried and left out (docs/mockup2code.md, Session 22): a post's comment count ("14 comments",
/// "Comments (0)") — 11 of the 12 in the Design2Code sources are links, but the sample mockups' issue
/// tracker and feed draw 9 counts that are not (samples precision 0.7269 → 0.6992); a footer's credit
/// line ("Powered by Blogger", all 17 of them links in the sources) and "Report abuse" — right, but the
/// generated footers sit 20–180 px below the design's, so the links matched 2 of 9 by place and
/// Design2Code's precision fell.
extension DesignSemantics {
    /// Whether `line` sends the reader to a named place: "Go to" and a name starting with a capital
    /// ("Go to Socrative", "Go to EnGenius Technologies"), at most five words, no full stop.
    public static func isGoToLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("Go to "), !t.hasSuffix("."), t.split(separator: " ").count <= 5 else { return false }
        return t.dropFirst(6).first?.isUppercase == true
    }
}
