import Foundation
import ScreenCore

/// Gives the measured tree its meaning: headings ranked by font size (h1–h6), paragraphs, links
/// (blue or accent-coloured single lines, rows of short items), a header / main / footer split of
/// the page, navigation rows, labels tied to the controls they name, alt text of pictures,
/// bulleted lists, the page's logo as a link home, lines repeating a heading below (contents
/// entries, breadcrumbs), a footer's credit line, underlined lines, post titles standing at their
/// dates, and a title. Run before `LayoutFlow`.
public enum DesignSemantics {
    /// Applies every rule to `doc` in place.
    public static func apply(_ doc: inout UIDocument) {
        let texts = doc.allNodes.filter { $0.kind == .text }
        let body = bodyFontSize(texts)
        let levels = headingLevels(texts, body: body)
        let bodyInk = bodyColor(texts, body: body)
        splitLinkLists(&doc.root, body: body, bodyInk: bodyInk)
        splitSeparatedLinks(&doc.root)
        splitItemParagraphs(&doc.root, body: body)
        tagText(&doc.root, body: body, levels: levels, bodyInk: bodyInk)
        makeLists(&doc.root)
        markLinkGrids(&doc.root)
        markLinkRows(&doc.root)
        markLinkRuns(&doc.root)
        markCaptionLinks(&doc.root)
        markDateLinks(&doc.root, body: body, bodyInk: bodyInk)
        markCreditLinks(&doc.root, body: body)
        markUnderlinedLinks(&doc.root)
        markCapsHeadings(&doc.root, body: body, level: min(levels.count + 1, 6))
        markTitledBands(&doc.root, level: min(levels.count + 1, 6))
        markHeadingEchoes(&doc.root)
        mergeHeadingStacks(&doc.root, body: body)
        markDatedTitles(&doc.root, body: body, level: min(levels.count + 1, 6))
        markPostTitles(&doc.root, body: body)
        tieLabels(&doc.root)
        tieRowLabels(&doc.root)
        nameImages(&doc.root)
        sections(&doc)
        markLogoLink(&doc.root)
        doc.title = doc.allNodes.first { $0.tag == "h1" }.flatMap(headingText)?.replacingOccurrences(of: "\n", with: " ")
            ?? doc.allNodes.first { $0.kind == .text }?.text?.split(separator: "\n").first.map(String.init)
    }

    /// The font size carrying the most characters.
    public static func bodyFontSize(_ texts: [UINode]) -> Double {
        var weight: [Double: Int] = [:]
        for t in texts { if let f = t.style.fontSize { weight[(f).rounded(), default: 0] += t.text?.count ?? 0 } }
        return weight.max { $0.value < $1.value }?.key ?? 16
    }

    /// The ink colour carrying the most characters of body-size text.
    static func bodyColor(_ texts: [UINode], body: Double) -> RGB? {
        var weight: [RGB: Int] = [:]
        for t in texts where abs((t.style.fontSize ?? body) - body) <= 1.5 {
            if let c = t.style.color { weight[c, default: 0] += t.text?.count ?? 0 }
        }
        return weight.max { $0.value < $1.value }?.key
    }

    /// Whether a text reads as a heading: larger than body text (≥ 1.25×), or a short bold line
    /// a little larger (≥ 1.1×); at most 140 characters on at most three lines, naming something
    /// in words (`namesInWords`), not written as a sentence (`isSentence`), a price (`isPriceLine`) nor a
    /// row of items or icon glyphs (`readsAsItemsOrGlyphs`).
    static func isHeadingCandidate(_ t: UINode, body: Double) -> Bool {
        guard let f = t.style.fontSize, let s = t.text, s.count <= 140, s.split(separator: "\n").count <= 3,
              namesInWords(s), !isSentence(s), !isPriceLine(s), !readsAsItemsOrGlyphs(s) else { return false }
        if f >= body * 1.25 { return true }
        return f >= body * 1.1 && (t.style.fontWeight ?? 400) >= 700 && !s.contains("\n") && s.count <= 60
    }

    /// Distinct heading sizes, largest first (at most six, one per heading level).
    static func headingLevels(_ texts: [UINode], body: Double) -> [Double] {
        let sizes = texts.filter { isHeadingCandidate($0, body: body) }.compactMap(\.style.fontSize).sorted(by: >)
        var levels: [Double] = []
        for s in sizes where levels.last.map({ s < $0 * 0.9 }) ?? true {
            levels.append(s)
            if levels.count == 6 { break }
        }
        return levels
    }

    static func tagText(_ n: inout UINode, body: Double, levels: [Double], bodyInk: RGB? = nil) {
        for i in n.children.indices { tagText(&n.children[i], body: body, levels: levels, bodyInk: bodyInk) }
        guard n.kind == .text, n.tag == nil else { return }
        let text = n.text ?? ""
        if isHeadingCandidate(n, body: body), let f = n.style.fontSize, let l = levels.firstIndex(where: { f >= $0 * 0.9 }) {
            n.tag = "h\(l + 1)"
        } else if let c = n.style.color, (isLinkColor(c) && !isLetterNoise(text)) || (isAccent(c, body: bodyInk) && readsAsAccentLink(text)),
                  !text.contains("\n"),
                  text.count <= 60, (n.style.fontSize ?? body) <= body * 1.25 {
            n.tag = "a"
        } else if isActionPhrase(text), (n.style.fontSize ?? body) <= body * 1.25 {
            n.tag = "a"
        } else {
            n.tag = "p"
        }
    }

    /// What a link, not a sentence, says on its own line: "Learn more", "View all", "Contact us",
    /// "Privacy policy", "Forgot password?", or any short line ending in an arrow ("Full details ›").
    static let actionPhrases: Set<String> = [
        "learn more", "read more", "see more", "view more", "show more", "find out more", "more info", "more information",
        "more", "view all", "see all", "show all", "view details", "see details", "full details", "details", "view",
        "register", "register here", "register now", "join", "join now", "join us", "browse", "contact", "contact us",
        "sign in", "sign up", "log in", "login", "log out", "logout", "subscribe", "get started", "shop now", "buy now",
        "order now", "book now", "download", "forgot password", "forgot your password", "reset password",
        "privacy policy", "privacy", "terms", "terms of use", "terms of service", "terms and conditions", "cookie policy",
        "cookies", "back to top", "skip to content", "skip to main content", "help", "faq", "faqs", "sitemap",
        "site map", "accessibility", "careers", "create account", "create an account", "ask online", "see more reviews",
        "read the docs", "documentation", "edit", "remove", "cancel", "back", "next", "previous", "prev", "home",
        "click here",
    ]

    /// Whether a single line is a call to action written as a link (see `actionPhrases`) or a "Go to
    /// <site>" line (`isGoToLine`).
    public static func isActionPhrase(_ text: String) -> Bool {
        guard !text.contains("\n"), text.count <= 40 else { return false }
        if isGoToLine(text) { return true }
        var t = text.lowercased().trimmingCharacters(in: .whitespaces)
        let arrows: Set<Character> = ["›", "»", ">", "→", "⟶", "❯"]
        if let last = t.last, arrows.contains(last) {
            t.removeLast()
            let words = t.split(separator: " ")
            return !words.isEmpty && words.count <= 4 && t.contains(where: \.isLetter)
        }
        while let last = t.last, "?!.:".contains(last) { t.removeLast() }
        return actionPhrases.contains(t.trimmingCharacters(in: .whitespaces))
    }

    /// A paragraph of two or more short lines in a link colour (a list of links the paragraph
    /// grouping joined: "Release notes / Plugins / Support") becomes one link per line, in a column.
    static func splitLinkLists(_ n: inout UINode, body: Double, bodyInk: RGB?) {
        for i in n.children.indices { splitLinkLists(&n.children[i], body: body, bodyInk: bodyInk) }
        guard n.kind == .container, n.style.direction != .row else { return }
        var out: [UINode] = []
        for c in n.children {
            guard c.kind == .text, c.tag == nil, let t = c.text, let color = c.style.color,
                  isLinkColor(color) || isAccent(color, body: bodyInk), (c.style.fontSize ?? body) <= body * 1.25 else { out.append(c); continue }
            let lines = t.split(separator: "\n").map(String.init)
            // every line a few words with at least three letters (not a glyph OCR misread), none a sentence's end
            guard lines.count >= 2, (c.confidence ?? 100) >= 60,
                  lines.allSatisfy({ $0.count <= 40 && $0.split(separator: " ").count <= 5 && !$0.hasSuffix(".")
                      && $0.filter(\.isLetter).count >= 3 }) else {
                out.append(c); continue
            }
            let pitch = c.style.lineHeight ?? Double(c.box.height) / Double(lines.count)
            for (k, line) in lines.enumerated() {
                var item = c
                item.text = line
                item.runs = nil
                item.tag = "a"
                item.box = PixelRect(x: c.box.x, y: c.box.y + Int((Double(k) * pitch).rounded()), width: c.box.width,
                                     height: max(1, Int(pitch.rounded())))
                out.append(item)
            }
        }
        n.children = out
    }

    /// The items of a line of three or more short items separated by " | " ("Contact Us | Sitemap |
    /// Copyright Policy", "« Older | Main | Newer »"), or by a breadcrumb's " / ", " > ", " › ", " » "
    /// ("Home / Extend / Plugins", "Home › Lifestyle ›"), or nil. Each item at most seven words and
    /// 48 characters with a letter in it, none ending in a comma (parts of a sentence are not items).
    public static func separatedItems(_ text: String) -> [String]? {
        separated(text)?.items
    }

    /// The items of a separated line (see `separatedItems`) and the separator glyph between them.
    static func separated(_ text: String) -> (items: [String], glyph: String)? {
        guard !text.contains("\n") else { return nil }
        guard let sep = [" | ", " / ", " > ", " › ", " » "].first(where: { text.contains($0) }) else { return nil }
        let glyph = sep.trimmingCharacters(in: .whitespaces)
        var line = text.trimmingCharacters(in: .whitespaces)
        // a breadcrumb may end in its separator ("Home › Lifestyle ›"); a bar row may not
        if glyph != "|", line.hasSuffix(glyph) { line = String(line.dropLast()).trimmingCharacters(in: .whitespaces) }
        let parts = line.components(separatedBy: sep).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 48 && $0.split(separator: " ").filter({ $0.contains(where: \.isLetter) }).count <= 7
            && $0.contains(where: \.isLetter) && !$0.contains(glyph) && !$0.hasSuffix(",") }) else { return nil }
        return (parts, glyph)
    }

    /// A single line of items separated by bars (see `separatedItems`) becomes a row of links with
    /// the bars between them, each placed where its characters are drawn (Arial advance widths
    /// scaled to the line's measured width), so the row draws as the line did.
    static func splitSeparatedLinks(_ n: inout UINode) {
        for i in n.children.indices { splitSeparatedLinks(&n.children[i]) }
        guard n.kind == .container || n.kind == .list else { return }
        for i in n.children.indices {
            let c = n.children[i]
            guard c.kind == .text, c.tag == nil, let text = c.text else { continue }
            var pieces: [(String, Bool)] = []
            if let (items, glyph) = separated(text) {
                for (k, item) in items.enumerated() {
                    if k > 0 { pieces.append((glyph, false)) }
                    pieces.append((item, true))
                }
                if glyph != "|", text.trimmingCharacters(in: .whitespaces).hasSuffix(glyph) { pieces.append((glyph, false)) }
            } else if let (items, glyphs) = mixedSeparated(text) {
                for (k, item) in items.enumerated() {
                    if k > 0 { pieces.append((glyphs[k - 1], false)) }
                    pieces.append((item, true))
                }
            } else { continue }
            // capitals drawn by `text-transform` over a short label: each item is written as a title
            if c.style.uppercase == true { pieces = pieces.map { ($1 ? titleCased($0) : $0, $1) } }
            let bold = (c.style.fontWeight ?? 400) >= 700
            // measured as drawn: capitals styled by `text-transform` are wider than the letters kept
            let drawn: (String) -> String = { c.style.uppercase == true ? $0.uppercased() : $0 }
            let total = DesignFontMetrics.width(of: drawn(text), bold: bold)
            guard total > 0 else { continue }
            let scale = Double(c.box.width) / total
            var x = Double(c.box.x)
            var kids: [UINode] = []
            let space = DesignFontMetrics.width(of: " ", bold: bold) * scale
            for (piece, isLink) in pieces {
                let w = DesignFontMetrics.width(of: drawn(piece), bold: bold) * scale
                var t = c
                t.text = piece
                t.runs = nil
                t.tag = isLink ? "a" : "p"
                // each piece's box holds the space after it: room for a font drawn a little wider; the
                // boxes meet edge to edge (a pixel lost to rounding between two would become a margin
                // that, added to the widths, wraps the row's last item onto a line of its own)
                let x0 = Int(x.rounded()), x1 = Int((x + w + space).rounded())
                t.box = PixelRect(x: x0, y: c.box.y, width: max(1, x1 - x0), height: c.box.height)
                kids.append(t)
                x += w + space
            }
            n.children[i] = UINode(kind: .container, box: c.box, style: UIStyle(direction: .row), children: kids)
        }
    }

    /// Saturated blue: the usual colour of links.
    public static func isLinkColor(_ c: RGB) -> Bool {
        let r = Int(c.r), g = Int(c.g), b = Int(c.b)
        return b >= 120 && b - r >= 60 && b - g >= 30
    }

    /// A saturated ink unlike the body text's (an accent colour, as links are drawn on a page whose
    /// text is grey or black).
    static func isAccent(_ c: RGB, body: RGB?) -> Bool {
        let hi = max(c.r, c.g, c.b), lo = min(c.r, c.g, c.b)
        guard Int(hi) - Int(lo) >= 90, hi >= 100 else { return false }
        guard let body else { return false }
        let bhi = max(body.r, body.g, body.b), blo = min(body.r, body.g, body.b)
        return Int(bhi) - Int(blo) < 40 && DesignRaster.distance(c, body) >= 120
    }

    /// A row of three or more short single-line texts with similar type, close together (a menu,
    /// a footer's link row, breadcrumbs), or an evenly spaced column of four or more (a footer's
    /// link column): links.
    static func markLinkRows(_ n: inout UINode) {
        for i in n.children.indices { markLinkRows(&n.children[i]) }
        guard n.kind == .container else { return }
        let items = n.children.indices.filter { i in
            let c = n.children[i]
            // a menu set in large type is read as headings: in a row they may be its items too
            let tagOK = c.tag == "p" || c.tag == "a" || (n.style.direction == .row && isHeadingTag(c.tag))
            guard c.kind == .text, tagOK, let t = c.text, !t.contains("\n"), t.count <= 32 else { return false }
            return t.split(separator: " ").count <= 4 && t.contains(where: \.isLetter)
        }
        let need = n.style.direction == .row ? 3 : 4
        guard items.count >= need, items.count * 2 >= n.children.count + 1 else { return }
        if n.style.direction == .row, isLetterSpacedWord(items.map { n.children[$0].text ?? "" }) { return }
        let sizes = items.compactMap { n.children[$0].style.fontSize }
        guard let lo = sizes.min(), let hi = sizes.max(), hi - lo <= max(1.5, hi * 0.12) else { return }
        if n.style.direction == .row {
            // a menu's items sit close together (a table's cells and a grid's cards do not)
            let xs = items.map { n.children[$0].box }.sorted { $0.x < $1.x }
            guard zip(xs, xs.dropFirst()).allSatisfy({ Double($1.x - $0.maxX) <= 4 * hi }) else { return }
        } else {
            // a column of links: evenly spaced short lines, none ending like a sentence
            guard items.allSatisfy({ !(n.children[$0].text ?? "").hasSuffix(".") }) else { return }
            let ys = items.map { n.children[$0].box.y }
            let steps = zip(ys, ys.dropFirst()).map { $1 - $0 }
            guard let smin = steps.min(), let smax = steps.max(), smax - smin <= max(4, smin / 4) else { return }
        }
        for i in items { n.children[i].tag = "a" }
    }

    /// Whether a line reads as a section's title set in capitals ("WATERFALL DETAILS", "CATEGORY"):
    /// one line of at most five words and 40 characters, at least three letters and every letter a
    /// capital, fewer digits than letters, not a call to action ("READ MORE"), and at least 0.9 × the
    /// body size.
    public static func isCapsTitle(_ text: String, fontSize: Double, body: Double) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.contains("\n"), t.count <= 40, t.split(separator: " ").count <= 5, !readsAsItemsOrGlyphs(t) else { return false }
        let letters = t.filter(\.isLetter)
        guard letters.count >= 3, letters.allSatisfy(\.isUppercase), t.filter(\.isNumber).count * 2 < letters.count else { return false }
        // letter-spaced capitals at body size are titles as often as bold ones; a call to action is a link
        return fontSize >= body * 0.9 && !isActionPhrase(t)
    }

    /// A capitals title (see `isCapsTitle`) above the content it names, in a column, is a heading;
    /// a run of such lines one after another (a menu, a link column) is not. Lines count as a run
    /// when each starts within two of its lines' heights of the one before: two section titles far
    /// apart (a section left empty between them) are two titles. The title's size is compared with
    /// the text it names as well as with the page's body (`titleBody`): a sidebar's small titles on a
    /// page whose prose is set large are titles of their sidebar's text. A row of capitals titles set
    /// far apart over the rows they head (a footer's column titles) is a row of headings
    /// (`markCapsTitleRows`).
    static func markCapsHeadings(_ n: inout UINode, body: Double, level: Int) {
        for i in n.children.indices { markCapsHeadings(&n.children[i], body: body, level: level) }
        guard n.kind == .container || n.kind == .list, n.style.direction != .row else { return }
        func caps(_ c: UINode, _ ref: Double) -> Bool {
            // capitals the analyser keeps as lower case under `text-transform: uppercase` count as drawn
            c.kind == .text && isCapsTitle(c.style.uppercase == true ? (c.text ?? "").uppercased() : c.text ?? "", fontSize: c.style.fontSize ?? body, body: ref)
        }
        func adjacent(_ a: UINode, _ b: UINode) -> Bool { b.box.y - a.box.maxY < 2 * max(a.box.height, b.box.height) }
        // a line already a link is what a title may head ("POST A COMMENT" under "COMMENTS"), not a menu's next item
        func runs(_ a: UINode, _ b: UINode, _ other: UINode, _ ref: Double) -> Bool { other.tag != "a" && caps(other, ref) && adjacent(a, b) }
        for i in n.children.indices where n.children[i].tag == "p" && i + 1 < n.children.count {
            let next = n.children[i + 1]
            let ref = titleBody(body, next)
            guard caps(n.children[i], ref), !runs(n.children[i], next, next, ref),
                  next.box.y >= n.children[i].box.maxY - 2 else { continue }
            if i > 0, runs(n.children[i - 1], n.children[i], n.children[i - 1], ref) { continue }
            n.children[i].tag = "h\(level)"
        }
        markCapsTitleRows(&n, body: body, level: level)
    }

    /// Whether `tag` is one of h1–h6.
    public static func isHeadingTag(_ tag: String?) -> Bool {
        guard let t = tag, t.count == 2, t.hasPrefix("h"), let l = t.last?.wholeNumberValue else { return false }
        return (1...6).contains(l)
    }

    /// Pictures are named by the text that captions them (the next text of their container),
    /// icons are decorative (an empty name).
    static func nameImages(_ n: inout UINode) {
        for i in n.children.indices { nameImages(&n.children[i]) }
        for i in n.children.indices where n.children[i].kind == .image {
            guard n.children[i].label == nil || n.children[i].label == "image" else { continue }
            let caption = n.children[(i + 1)...].first { $0.kind == .text }?.text ?? n.children[..<i].last { $0.kind == .text }?.text
            if let c = caption?.split(separator: "\n").first, c.count <= 80 {
                n.children[i].label = String(c)
            } else {
                n.children[i].label = "image"
            }
        }
    }

    /// Characters OCR makes of list bullets.
    /// ("+" is how Tesseract reads a hollow "◦" or a small square bullet: consecutive items mixing "*" and
    /// "+" heads, or all "+", are one list.)
    static let bullets: Set<String> = ["•", "·", "◦", "▪", "■", "●", "○", "-", "–", "*", "+", "e", "«", "°", "o", "©", "¢"]

    /// Consecutive text nodes, each starting with a bullet, become a list.
    static func makeLists(_ n: inout UINode) {
        for i in n.children.indices { makeLists(&n.children[i]) }
        guard n.kind == .container, n.style.direction != .row else { return }
        var out: [UINode] = []
        var run: [UINode] = []
        func flush() {
            if run.count >= 2 {
                let items = run.map { t -> UINode in
                    var item = t
                    item.kind = .listItem; item.tag = "li"
                    item.text = t.text.map(stripBullets)
                    return item
                }
                out.append(UINode(kind: .list, tag: "ul", box: items.map(\.box).reduce(items[0].box) { $0.union($1) },
                                  style: UIStyle(direction: .column), children: items))
            } else {
                // one bulleted paragraph forms no list: its head is an icon or a bullet read as a glyph
                out += run.map { strippingLoneBullet($0, in: n) }
            }
            run.removeAll()
        }
        for c in n.children {
            if c.kind == .text, c.tag == "p", let t = c.text, hasBullet(t) { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        n.children = out
    }

    static func hasBullet(_ t: String) -> Bool {
        let lines = t.split(separator: "\n")
        guard let first = lines.first, let head = first.split(separator: " ").first, first.count > 2 else { return false }
        return bullets.contains(String(head))
    }

    static func stripBullets(_ t: String) -> String {
        t.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, bullets.contains(String(parts[0])) { return String(parts[1]) }
            return String(line)
        }.joined(separator: "\n")
    }

    /// A text right before an input (left of it in a row, above it in a column) is its label, unless
    /// it is a heading set at 1.4× the field's type size or more, or a bold one at 1.1× (a form's or
    /// a section's title); a
    /// text right after a checkbox, radio or switch in a row is its label.
    static func tieLabels(_ n: inout UINode) {
        for i in n.children.indices { tieLabels(&n.children[i]) }
        for i in n.children.indices where n.children[i].kind == .checkbox {
            let box = n.children[i].box
            func near(_ t: UINode) -> Bool {
                t.kind == .text && !(t.text ?? "").isEmpty && (t.text ?? "").count <= 120 && t.tag != "a"
                    && abs((t.box.y + t.box.maxY) - (box.y + box.maxY)) <= max(12, box.height)
                    && (t.box.x - box.maxX >= -2 && t.box.x - box.maxX <= 40)
            }
            if i + 1 < n.children.count, near(n.children[i + 1]) {
                n.children[i + 1].tag = "label"
                n.children[i].label = n.children[i + 1].text?.replacingOccurrences(of: "\n", with: " ")
            } else if i > 0, n.children[i].tag == "switch", let t = n.children[i - 1].text, n.children[i - 1].kind == .text,
                      n.children[i - 1].box.maxX <= box.x, t.count <= 80 {
                // a settings row: the label on the left, the switch at the right end
                n.children[i - 1].tag = "label"
                n.children[i].label = t.replacingOccurrences(of: "\n", with: " ")
            }
        }
        for i in n.children.indices where n.children[i].kind == .input && i > 0 {
            let prev = n.children[i - 1], inp = n.children[i]
            guard prev.kind == .text, let t = prev.text, !t.isEmpty, t.count <= 60 else { continue }
            // a heading set well above the field's own type size titles the form; it is not the field's label
            // (or a bold one a little larger: a section's title, "Contact" over its e-mail field)
            if isHeadingTag(prev.tag), let f = prev.style.fontSize,
               f >= (inp.style.fontSize ?? 16) * 1.4 || (f >= (inp.style.fontSize ?? 16) * 1.1 && (prev.style.fontWeight ?? 400) >= 700) { continue }
            let near = (prev.box.maxX <= inp.box.x + 4 && inp.box.x - prev.box.maxX <= 80) ||
                (prev.box.maxY <= inp.box.y + 4 && inp.box.y - prev.box.maxY <= 40)
            guard near else { continue }
            n.children[i - 1].tag = "label"
            n.children[i].label = t.replacingOccurrences(of: "\n", with: " ")
        }
    }

    /// Header (a band at the top), footer (a band at the bottom) and main around the rest; a row of
    /// short links inside the header becomes navigation.
    static func sections(_ doc: inout UIDocument) {
        var kids = doc.root.children.sorted { $0.box.y < $1.box.y }
        guard kids.count >= 3 else { return }
        let h = doc.height
        var header: UINode? = nil, footer: UINode? = nil
        if let f = kids.first, f.box.y < h / 6, f.box.height < max(240, h / 4), f.kind == .container || kids[1].box.y - f.box.maxY > 0 {
            header = wrap(f, tag: "header")
            kids.removeFirst()
        }
        if kids.count >= 2, let l = kids.last, l.box.maxY > h * 5 / 6, l.box.height < max(240, h / 4) {
            footer = wrap(l, tag: "footer")
            kids.removeLast()
        }
        guard header != nil || footer != nil else { return }
        if var hd = header { markNav(&hd); markBrand(&hd, pageWidth: doc.width); header = hd }
        var out: [UINode] = []
        if let header { out.append(header) }
        if !kids.isEmpty {
            out.append(UINode(kind: .container, tag: "main", box: kids.map(\.box).reduce(kids[0].box) { $0.union($1) },
                              style: UIStyle(direction: .column), children: kids))
        }
        if let footer { out.append(footer) }
        doc.root.children = out
    }

    static func wrap(_ n: UINode, tag: String) -> UINode {
        if n.kind == .container, n.tag == nil { var m = n; m.tag = tag; return m }
        return UINode(kind: .container, tag: tag, box: n.box, style: UIStyle(direction: .column), children: [n])
    }

    /// The first row (depth first) holding three or more short single-line texts.
    static func markNav(_ n: inout UINode) {
        func visit(_ m: inout UINode) -> Bool {
            if m.kind == .container, m.style.direction == .row {
                let links = m.children.filter { $0.kind == .text && ($0.text?.count ?? 99) <= 30 && !($0.text ?? "").contains("\n") }
                if links.count >= 3, !isLetterSpacedWord(links.map { $0.text ?? "" }) {
                    if m.tag == nil { m.tag = "nav" }
                    // menu items set as large as headings are items too; a larger title (the site's name) stays
                    let sizes = links.compactMap(\.style.fontSize).sorted()
                    let typical = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
                    for i in m.children.indices where m.children[i].kind == .text
                        && (m.children[i].tag == "p" || (isHeadingTag(m.children[i].tag) && links.count >= 3
                            && abs((m.children[i].style.fontSize ?? 0) - typical) <= typical * 0.12
                            && (m.children[i].text?.count ?? 99) <= 30 && !(m.children[i].text ?? "").contains("\n")))
                        && (m.children[i].text ?? "").contains(where: \.isLetter) { m.children[i].tag = "a" }
                    return true
                }
            }
            for i in m.children.indices where visit(&m.children[i]) { return true }
            return false
        }
        _ = visit(&n)
    }
}
