import Foundation
import ScreenCore

/// A site's credit line ("Powered by Blogger", "Designed by Janzen Designs | Powered by Shopify",
/// "Theme images by richcano") names the platform, theme or designer it credits, and that name is a
/// link: every one of the 17 credit lines in the 60 Design2Code sources holds an `<a>` (the whole line,
/// as Blogger and Ghost write it, or the name alone, as GoDaddy and Adobe Portfolio do). The line is
/// drawn in the footer's own ink, so the colour rules cannot see it.
extension DesignSemantics {
    /// How a credit line starts (lower case, followed by the credited name).
    static let creditPhrases = [
        "proudly powered by", "powered by", "designed by", "design by", "web design by", "website design by",
        "website by", "site by", "theme by", "theme images by", "template by",
    ]

    /// Whether `line` is a credit line: one line of at most 80 characters that starts with a credit
    /// phrase (see `creditPhrases`) followed by a name — a word of two letters or more — not ending
    /// in a full stop (a sentence that credits someone is prose).
    public static func isCreditLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.contains("\n"), t.count <= 80, !t.hasSuffix(".") else { return false }
        guard let phrase = creditPhrases.first(where: { t.hasPrefix($0 + " ") }) else { return false }
        let name = t.dropFirst(phrase.count)
        return name.split(separator: " ").contains { $0.filter(\.isLetter).count >= 2 }
    }

    /// A paragraph that is a credit line (see `isCreditLine`), in body-size type (at most 1.25×),
    /// becomes a link; its box and style are kept, so the page draws as before.
    static func markCreditLinks(_ n: inout UINode, body: Double) {
        for i in n.children.indices { markCreditLinks(&n.children[i], body: body) }
        guard n.kind == .text, n.tag == "p", n.runs == nil, let t = n.text, isCreditLine(t),
              (n.style.fontSize ?? body) <= body * 1.25 else { return }
        n.tag = "a"
    }
}
