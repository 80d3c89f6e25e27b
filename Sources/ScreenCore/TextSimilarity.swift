import Foundation

/// How alike two readings are.
public enum TextSimilarity {
    /// 1 − edit distance / longer length, case-insensitive (1 = equal).
    public static func ratio(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return 1 - Double(distance(x, y)) / Double(max(x.count, y.count))
    }

    /// Levenshtein distance between two character arrays (case as given).
    public static func distance(_ x: [Character], _ y: [Character]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
