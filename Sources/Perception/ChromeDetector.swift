import Foundation
import ScreenCore

/// Finds the browser on screen: the window (when it does not fill the screen), the address bar
/// (by reading URL-like text in the band above the page) and the viewport (below the first
/// full-width edge under the address bar). With no URL in sight the page fills the window.
public enum ChromeDetector {
    /// The layout of `frame` (full size), reading text with `reader`.
    public static func detect(_ frame: Image, reader: any TextReader) async throws -> ScreenLayout {
        let gray = frame.grayscale()
        let window = windowBounds(gray)
        var layout = ScreenLayout(frameWidth: frame.width, frameHeight: frame.height, window: window, viewport: window)
        // The chrome lives in the top of the window; read it line by line.
        let bandHeight = min(window.height / 4, 160)
        let band = PixelRect(x: window.x, y: window.y, width: window.width, height: bandHeight)
        let lines = try await TextRegions.readLines(band, in: gray, reader: reader, minConfidence: 30)
        // The band read as a page can miss a low-contrast bar (Firefox greys the scheme, port and
        // path): then each strip of text in it is read again as one line at twice the size.
        var found = bestURL(lines.map { ($0.text, $0.box) })
        if found == nil { found = try await urlInStrips(gray, band: band, reader: reader) }
        guard let (url, box) = found else { return layout }
        let edges = fullWidthEdges(gray, in: window, from: box.maxY + 2, to: window.y + min(window.height / 3, 260))
        let top = edges.first ?? box.maxY + 12
        layout.viewport = PixelRect(x: window.x, y: top, width: window.width, height: window.maxY - top)
        layout.addressBar = PixelRect(x: max(window.x, box.x - 8), y: box.y - 6,
                                      width: min(window.maxX - box.x - 60, max(box.width + 400, window.width * 6 / 10)),
                                      height: box.height + 12)
        let scheme = lines.contains { $0.text.lowercased().contains("not secure") } ? "http" : nil
        var best = url
        // The band is read sparsely, and a browser that greys the scheme, the port and the path
        // (Firefox) loses them there ("127.0.0.1."). The bar's own line read again, as a line and
        // at twice the size, keeps the low-contrast parts; the longer reading of the same host wins.
        // (Read as the segment analysts read the bar after a navigation: the crop as it is, and
        // gray at twice the size.)
        if let bar = layout.addressBar {
            let crop = frame.cropped(to: bar)
            if crop.width >= 6, crop.height >= 6 {
                var tokens = try await reader.read(crop, mode: .line).lines.flatMap { $0.words.map(\.text) }
                if crop.height < 60 {
                    let big = try await reader.read(TextRegions.prepare(TextRegions.upscaled(crop.grayscale()), margin: 12), mode: .line)
                    tokens += big.lines.flatMap { $0.words.map(\.text) }
                }
                best = URLText.extending(url, with: tokens)
            }
        }
        layout.startURL = URLText.normalise(best, scheme: scheme)
        return layout
    }

    /// The bounding box of everything that is not a flat border colour (the desktop around a
    /// window that does not fill the screen); the whole frame otherwise.
    public static func windowBounds(_ g: Image) -> PixelRect {
        let w = g.width, h = g.height
        let corner = Int(g.luma(x: 0, y: 0))
        func rowFlat(_ y: Int) -> Bool { stride(from: 0, to: w, by: 2).allSatisfy { abs(Int(g.luma(x: $0, y: y)) - corner) <= 4 } }
        func colFlat(_ x: Int, _ y0: Int, _ y1: Int) -> Bool { stride(from: y0, to: y1, by: 2).allSatisfy { abs(Int(g.luma(x: x, y: $0)) - corner) <= 4 } }
        var top = 0, bottom = h - 1
        while top < h - 1 && rowFlat(top) { top += 1 }
        while bottom > top && rowFlat(bottom) { bottom -= 1 }
        var left = 0, right = w - 1
        while left < w - 1 && colFlat(left, top, bottom + 1) { left += 1 }
        while right > left && colFlat(right, top, bottom + 1) { right -= 1 }
        let r = PixelRect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
        // Only believe it when a real margin was found and the window is still big.
        if r.area > w * h * 97 / 100 || r.width < w / 4 || r.height < h / 4 { return PixelRect(x: 0, y: 0, width: w, height: h) }
        return r
    }

    /// Rows between `from` and `to` where at least 85% of the window's columns change luma sharply.
    static func fullWidthEdges(_ g: Image, in window: PixelRect, from: Int, to: Int) -> [Int] {
        var out: [Int] = []
        let y0 = max(window.y + 1, from), y1 = min(window.maxY - 1, to)
        guard y0 < y1 else { return [] }
        for y in y0..<y1 {
            var n = 0, total = 0
            var x = window.x
            while x < window.maxX {
                if abs(Int(g.luma(x: x, y: y)) - Int(g.luma(x: x, y: y - 1))) >= 6 { n += 1 }
                total += 1; x += 3
            }
            if n * 100 >= total * 85 { out.append(y) }
        }
        return out
    }

    /// The rows of `band` holding text or icons (a few pixels off their row's median), grouped
    /// into strips 8–40 px high (gaps of up to two rows bridged).
    static func textStrips(_ g: Image, band: PixelRect) -> [PixelRect] {
        var inked: [Bool] = []
        for y in band.y..<band.maxY {
            var row: [Int] = []
            var x = band.x
            while x < band.maxX { row.append(Int(g.luma(x: x, y: y))); x += 2 }
            let median = row.sorted()[row.count / 2]
            inked.append(row.filter { abs($0 - median) > 40 }.count >= 3)
        }
        var strips: [PixelRect] = []
        var start: Int?, gap = 0
        for (i, ink) in (inked + [false, false, false]).enumerated() {
            if ink { if start == nil { start = i }; gap = 0; continue }
            guard let s = start else { continue }
            gap += 1
            if gap > 2 {
                let h = i - gap + 1 - s
                if h >= 8, h <= 40 { strips.append(PixelRect(x: band.x, y: band.y + s, width: band.width, height: h)) }
                start = nil; gap = 0
            }
        }
        return strips
    }

    /// The most URL-like token of the band's strips, each read as one line at twice the size,
    /// with its box mapped back to the frame.
    static func urlInStrips(_ g: Image, band: PixelRect, reader: any TextReader) async throws -> (String, PixelRect)? {
        var words: [(String, PixelRect)] = []
        let margin = 12
        for strip in textStrips(g, band: band) {
            let r = strip.expanded(0, 3).intersection(band)
            let reading = try await reader.read(TextRegions.prepare(TextRegions.upscaled(g.cropped(to: r)), margin: margin), mode: .line)
            for w in reading.lines.flatMap(\.words) {
                let b = PixelRect(x: r.x + (w.box.x - margin) / 2, y: r.y + (w.box.y - margin) / 2,
                                  width: max(1, w.box.width / 2), height: max(1, w.box.height / 2)).intersection(r)
                words.append((w.text, b.isEmpty ? r : b))
            }
        }
        return bestURL(words)
    }

    /// The most URL-like text among OCR lines (with its box).
    static func bestURL(_ lines: [(String, PixelRect)]) -> (String, PixelRect)? {
        var best: (String, PixelRect, Int)?
        for (text, box) in lines {
            for token in text.split(separator: " ").map(String.init) {
                let s = URLText.score(token)
                if s > 0, s > (best?.2 ?? 0) { best = (token, box, s) }
            }
        }
        return best.map { ($0.0, $0.1) }
    }
}

/// Reading URLs from an address bar: scoring OCR tokens and repairing the usual misreads.
public enum URLText {
    /// How URL-like `token` is (0 = not at all).
    public static func score(_ token: String) -> Int {
        let t = token.trimmingCharacters(in: CharacterSet(charactersIn: "©@®()[]{}<>|\"'"))
        guard t.count >= 4 else { return 0 }
        var s = 0
        if t.contains("://") { s += 5 }
        if t.contains("/") { s += 2 }
        if t.contains(":") { s += 1 }
        let host = hostPart(t)
        if host.contains(".") && host.split(separator: ".").count >= 2 { s += 2 }
        if host.hasPrefix("localhost") { s += 3 }
        if host.range(of: #"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}"#, options: .regularExpression) != nil { s += 3 }
        if t.contains(" ") { s -= 5 }
        return s >= 3 ? s + t.count / 10 : 0
    }

    /// `first`, or the most URL-like of `tokens` when it reads the same host and says more (a
    /// port or a path that `first` lost). Hosts are compared without the dots and colons OCR adds
    /// or drops at their ends.
    public static func extending(_ first: String, with tokens: [String]) -> String {
        func key(_ t: String) -> String {
            let h = hostPart(stripLostScheme(t.trimmingCharacters(in: CharacterSet(charactersIn: "©@®()[]{}<>|\"' "))))
            return h.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
                .split(separator: ":").first.map(String.init) ?? ""
        }
        let host = key(first)
        guard !host.isEmpty else { return first }
        let candidates = tokens.filter { score($0) > 0 && key($0) == host && $0.count > first.count }
        return candidates.max { (score($0), $0.count) < (score($1), $1.count) } ?? first
    }

    /// A token whose scheme OCR lost in part ("ttp://", "://", "///127.0.0.1/…" when a grey
    /// "http:" faded out) starts at its host instead.
    static func stripLostScheme(_ t: String) -> String {
        if let r = t.range(of: "://") {
            let scheme = t[..<r.lowerBound].lowercased()
            if ["http", "https", "file"].contains(scheme) { return t }
            return String(t[r.upperBound...].drop { $0 == "/" })
        }
        return String(t.drop { $0 == "/" || $0 == ":" })
    }

    static func hostPart(_ t: String) -> String {
        var s = Substring(t)
        if let r = s.range(of: "://") { s = s[r.upperBound...] }
        return String(s.prefix { $0 != "/" })
    }

    /// A full URL from what the address bar shows: scheme added (http for local hosts or when the
    /// bar says "Not secure", https otherwise), decoration stripped.
    public static func normalise(_ raw: String, scheme: String? = nil) -> String? {
        var t = stripLostScheme(raw.trimmingCharacters(in: CharacterSet(charactersIn: "©@®()[]{}<>|\"' ")))
        guard !t.isEmpty else { return nil }
        t = t.replacingOccurrences(of: ",", with: ".")
        // Letters OCR confuses with punctuation that URLs rarely hold.
        t = t.replacingOccurrences(of: "!", with: "l").replacingOccurrences(of: "|", with: "l")
        // A dot or comma after the address is a speck beside it: URLs do not end in one.
        while t.count > 1, let last = t.last, last == "." || last == "," { t.removeLast() }
        if !t.contains("://") {
            let host = hostPart(t).lowercased()
            let local = host.hasPrefix("localhost") || host.range(of: #"^\d{1,3}(\.\d{1,3}){3}"#, options: .regularExpression) != nil
            t = (scheme ?? (local ? "http" : "https")) + "://" + t
        }
        // OCR often reads the digit 0 as O and 1 as l inside a numeric host or port.
        if let r = t.range(of: "://") {
            let rest = t[r.upperBound...]
            let host = rest.prefix { $0 != "/" }
            let fixed = host.split(separator: ":", omittingEmptySubsequences: false).enumerated().map { i, part -> String in
                let p = String(part)
                let digitsLike = p.allSatisfy { "0123456789.OolIS".contains($0) } && p.contains(where: \.isNumber)
                guard digitsLike || i > 0 else { return p }
                return String(p.map { c -> Character in
                    switch c { case "O", "o": "0"; case "l", "I": "1"; case "S": "5"; default: c }
                })
            }.joined(separator: ":")
            t = String(t[..<r.upperBound]) + fixed + rest.dropFirst(host.count)
        }
        return t
    }
}
