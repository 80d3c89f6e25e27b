import Foundation
import ScreenCore

/// A short line that says again, word for word, what a heading further down the page says points
/// at that heading: a table of contents' entry ("1. Idea" over the section "1. Idea"), a
/// breadcrumb's current page over the page's title, the site's name in a bar over its welcome
/// heading, a menu item naming the section shown below. On main's output of the 60 Design2Code
/// pages (session 23) six such lines were paragraphs, and all six are `<a>` in their sources
/// (17636's three contents entries, 12805's breadcrumb, 13737's brand, 15724's menu item).
extension DesignSemantics {
    /// The most words an echo line may have (a heading's words, not a sentence quoting them).
    static let echoMaxWords = 8

    /// The form texts are compared in: lower case, runs of white space as one space.
    static func echoKey(_ s: String) -> String {
        s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `t` may be an echo of a heading: one line of 3–60 characters, at most
    /// `echoMaxWords` words, with a letter, not a sentence.
    public static func isEchoLine(_ t: String) -> Bool {
        guard !t.contains("\n"), (3...60).contains(t.count), t.contains(where: \.isLetter),
              t.split(separator: " ").count <= echoMaxWords else { return false }
        return !isSentence(t)
    }

    /// Paragraphs (single short lines, see `isEchoLine`) whose text equals a heading's (h1–h6,
    /// compared by `echoKey`) that starts below the paragraph's bottom become links. Run after
    /// every rule that makes headings.
    static func markHeadingEchoes(_ root: inout UINode) {
        var headings: [String: Int] = [:]   // text → the top of the lowest heading saying it
        func collect(_ n: UINode) {
            if n.kind == .text, let tag = n.tag, tag.count == 2, tag.hasPrefix("h"), let t = n.text {
                let k = echoKey(t)
                headings[k] = max(headings[k] ?? Int.min, n.box.y)
            }
            n.children.forEach(collect)
        }
        collect(root)
        guard !headings.isEmpty else { return }
        func mark(_ n: inout UINode) {
            for i in n.children.indices { mark(&n.children[i]) }
            guard n.kind == .text, n.tag == "p", n.runs == nil, let t = n.text, isEchoLine(t),
                  let below = headings[echoKey(t)], below >= n.box.maxY else { return }
            n.tag = "a"
        }
        mark(&root)
    }
}
