import Browser
import Foundation
import ScreenCore

/// A run's helpers: value readings and substitutions, string distances, small conversions.
extension Run {
    // MARK: - Helpers

    /// Other readings of a typed value worth rendering: the reader's alternatives, then single
    /// swaps of letters OCR confuses.
    static func readings(of value: String, alternatives: [String], prior: String = "") -> [String] {
        var out: [String] = []
        func add(_ s: String) { if s != value && !s.isEmpty && !out.contains(s) { out.append(s) } }
        alternatives.forEach(add)
        // A text caret caught after the last letter ("name|", "name I").
        if let bare = withoutCaret(value) { add(bare) }
        // Letters the field already held where the reading differs from it by a substitution.
        let fromPrior = priorSubstitutions(value, prior)
        if fromPrior.count > 1 { add(fromPrior.all) }
        fromPrior.single.forEach(add)
        // Only swaps that keep the length: the video's text may be drawn a little wider or
        // narrower than the live page's, and a longer reading (m → rn) would then line up better.
        let confusable: [(String, String)] = [("l", "I"), ("I", "l"), ("1", "l"), ("l", "1"), ("O", "0"), ("0", "O"),
                                              ("5", "S"), ("S", "5"), ("8", "B"), ("B", "8"), ("e", "c"), ("c", "e")]
        for (from, to) in confusable {
            var search = value.startIndex..<value.endIndex
            while let r = value.range(of: from, range: search) {
                add(value.replacingCharacters(in: r, with: to))
                search = r.upperBound..<value.endIndex
                if out.count >= 10 { return out }
            }
        }
        return out
    }

    /// The reading without a trailing text caret read as a letter ("name|", "name I"), if it has
    /// one — also a caret read as a bracket with a stroke or two after it ("slides] J", "name[ |"):
    /// a bar-like mark (`|`, `[`, `]`) followed by one to three more bar-like marks or spaces.
    static func withoutCaret(_ value: String) -> String? {
        let chars = Array(value)
        var k = chars.count
        var tail = 0
        while k > 0, tail < 4, " |[]IlJ1!".contains(chars[k - 1]) { k -= 1; tail += 1 }
        // The junk starts at its first bracket or bar (a letter alone after a space is no caret),
        // and a lone closing bracket may be the value's own ("[draft]"): junk is two marks or more.
        while k < chars.count, !"|[]".contains(chars[k]) { k += 1 }
        if k >= 2, chars.count - k >= 2 {
            let bare = String(chars[..<k]).trimmingCharacters(in: .whitespaces)
            if bare.count >= 2 { return bare }
        }
        for caret in [" |", "|", " I", " l"] where value.hasSuffix(caret) && value.count > caret.count + 1 {
            return String(value.dropLast(caret.count))
        }
        return nil
    }

    /// The reading with letters of the field's previous value put back where an edit-distance
    /// alignment of the two substitutes one letter for another (an edit keeps most of what was
    /// there): all of them, and each alone. None when the two share too little to be an edit.
    static func priorSubstitutions(_ value: String, _ prior: String) -> (all: String, single: [String], count: Int) {
        let a = Array(value), b = Array(prior)
        guard !a.isEmpty, !b.isEmpty, a.count <= 200, b.count <= 200 else { return (value, [], 0) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        var subs: [(Int, Character)] = []
        var matched = 0
        var i = a.count, j = b.count
        while i > 0 && j > 0 {
            if d[i][j] == d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                if a[i - 1] == b[j - 1] { matched += 1 } else { subs.append((i - 1, b[j - 1])) }
                i -= 1; j -= 1
            } else if d[i][j] == d[i - 1][j] + 1 { i -= 1 } else { j -= 1 }
        }
        // A substitution is only believable between letters that keep the same shape class
        // (letter for letter, digit for digit) inside a mostly shared text.
        subs = subs.filter { a[$0.0].isLetter == $0.1.isLetter && a[$0.0].isNumber == $0.1.isNumber }
        guard !subs.isEmpty, subs.count <= 3, matched * 2 >= a.count else { return (value, [], 0) }
        var all = a
        var single: [String] = []
        for (k, c) in subs {
            all[k] = c
            var one = a; one[k] = c
            single.append(String(one))
        }
        return (String(all), single, subs.count)
    }

    /// Whether `a` and `b` have `length` consecutive characters in common (ignoring case and spaces).
    static func sharesRun(_ a: String, _ b: String, length: Int) -> Bool {
        let x = Array(a.lowercased().filter { !$0.isWhitespace }), y = b.lowercased().filter { !$0.isWhitespace }
        guard x.count >= length else { return !x.isEmpty && y.contains(String(x)) }
        for k in 0...(x.count - length) where y.contains(String(x[k..<(k + length)])) { return true }
        return false
    }

    /// The option whose label is the wanted text, else the nearest by edit distance.
    static func bestOption(_ wanted: String, _ options: [String]) -> String? {
        if options.contains(wanted) { return wanted }
        let w = norm(wanted)
        if let o = options.first(where: { norm($0) == w }) { return o }
        let scored = options.map { ($0, distance(norm($0), w)) }.min { $0.1 < $1.1 }
        guard let (o, d) = scored, d <= max(2, w.count / 3) else { return nil }
        return o
    }

    /// Levenshtein distance between two strings (case as given).
    static func distance(_ a: String, _ b: String) -> Int { TextSimilarity.distance(Array(a), Array(b)) }

    static func norm(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }

    static func pixels(_ v: ActionValue?) -> Double? {
        switch v {
        case .pixels(let d)?: d
        case .text(let s)?: Double(s)
        default: nil
        }
    }

    static func short(_ error: any Error) -> String {
        let s = "\(error)"
        return String(s.split(separator: "\n").first ?? "")
    }
}
