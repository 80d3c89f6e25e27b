import Browser
import Foundation
import ScreenCore

/// A run performing an action live: clicks, fills read back and compared with the video, scrolls, page comparisons.
extension Run {
    // MARK: - Performing

    /// `read`: the step as the analysis gave it (what the video showed of its target).
    mutating func perform(_ a: inout Action, _ t: Identified, at p: (Double, Double), read: Action? = nil, corrections: inout [String]) async throws {
        guard let el = t.element else { return }
        switch a.kind {
        case .click:
            try await browser.pointerClick(at: p, count: 1)
        case .dblclick:
            try await browser.pointerClick(at: p, count: 2)
        case .hover:
            try await browser.pointer(move: p)
        case .check:
            var wanted: Bool = {
                if case .flag(let b)? = a.value { return b }
                return true
            }()
            // The person clicked it, and a click toggles a checkbox or switch (a radio ends on):
            // the state it ends in is the live state flipped, whatever the video's reading said.
            if let now = t.checked {
                let toggled = ["radio", "menuitemradio"].contains(t.role ?? "") ? true : !now
                if toggled != wanted {
                    corrections.append("\(wanted ? "check" : "uncheck") → \(toggled ? "check" : "uncheck"): the live \(t.role ?? "checkbox") is \(now ? "on" : "off") and the click toggles it")
                    wanted = toggled
                }
            }
            if t.checked != wanted { try await browser.pointerClick(at: p, count: 1) }
            a.value = .flag(wanted)
        case .select:
            let wanted = a.value?.text ?? ""
            // A value like no option: the list's shown text after the choice, and a press the
            // analysis folded into it (LiveGrounder+FoldedPress.swift).
            let shown = read?.target?.text
            guard let (option, fromShown) = Self.optionToPick(wanted, shown: shown, t.options) else {
                throw SkipStep(reason: "the live list has no option like \"\(wanted)\"")
            }
            if fromShown {
                corrections.append("option \"\(wanted)\" → \"\(option)\": the live list has no option like the value, and the list shows \"\(shown ?? "")\" after the choice")
                if let b = Self.foldedButton(wanted, try await page.buttons(near: Point(x: p.0, y: p.1), within: Self.foldedPressReach)) {
                    foldedPress = FoldedPress(name: b.name, point: b.point, time: a.endTime, value: wanted)
                }
            } else if option != wanted { corrections.append("option \"\(wanted)\" → \"\(option)\" (the list's own label)") }
            a.value = .text(option)
            _ = try await browser.execute("""
                var s = arguments[0], want = arguments[1];
                for (var i = 0; i < s.options.length; i++) {
                  if ((s.options[i].label || s.options[i].text).replace(/\\s+/g, ' ').trim() === want) { s.selectedIndex = i; break; }
                }
                s.dispatchEvent(new Event('input', {bubbles: true}));
                s.dispatchEvent(new Event('change', {bubbles: true}));
                return s.selectedIndex;
                """, [JSONValue(element: el), .string(option)])
        case .fill:
            let prior = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string ?? ""
            editedField = EditedField(index: out.count, prior: prior)
            let focusedBefore = try await browser.execute("return document.activeElement === arguments[0];", [JSONValue(element: el)]).bool == true
            lastFillField = (out.count, el, prior, focusedBefore, t.box)
            try await fill(&a, t, el, at: p, corrections: &corrections)
            try await compareValue(&a, t, el, prior: prior, corrections: &corrections)   // LiveValues.swift
            // A number or date field takes only its own characters: what it holds after the
            // typing is the value (a caret read as "I" after a number is not typed into it).
            if !a.secret, let kept = a.value?.text, let type = t.inputType, Self.sanitisingTypes.contains(type) {
                let held = try await browser.execute("""
                    var e = document.activeElement && document.activeElement.tagName === 'INPUT' ? document.activeElement : arguments[0];
                    return e.value;
                    """, [JSONValue(element: el)]).string ?? ""
                if !held.isEmpty, held != kept {
                    corrections.append("value \"\(kept)\" → \"\(held)\": the \(type) field holds that (it takes no other characters)")
                    a.value = .text(held)
                }
            }
        default:
            break
        }
    }

    /// Input types whose value the browser keeps to their own syntax.
    static let sanitisingTypes: Set<String> = ["number", "date", "time", "datetime-local", "month", "week"]

    mutating func fill(_ a: inout Action, _ t: Identified, _ element: ElementHandle, at p: (Double, Double), corrections: inout [String]) async throws {
        // Focus it as a person would, unless it has the focus already (a click may re-render an
        // inline editor, so the element is looked up again after it).
        var el = element
        if try await browser.execute("return document.activeElement === arguments[0];", [JSONValue(element: el)]).bool != true {
            try await browser.pointerClick(at: p, count: 1)
            if let again = try await page.identify(x: p.0, y: p.1), again.isTextField, let e = again.element { el = e }
        }
        if a.secret {
            // The variable the generated script will read; typed into this field and nowhere else.
            let names = options.secretNames(out + [a])
            let name = names.last ?? "SECRET"
            guard let value = options.environment[name] else {
                throw StopGrounding(reason: "$\(name) is not set (the masked field's value)")
            }
            try await type(value, el)
            return
        }
        let typed = a.value?.text ?? ""
        // What the field held before: an edit keeps parts of it, which the reader may have misread.
        let prior = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string ?? ""
        try await type(typed, el)
        // Render and compare: the live field with this value against the video's field at the end
        // of typing; other readings are tried when it does not look the same.
        // The video's field at the end of typing: the reader's end may already include what came
        // after (an Enter that closed an inline editor), so a moment before it is compared too.
        guard let box = t.box else { return }
        let shot = try decodePNG(try await browser.screenshot())
        var pick: (frame: Image, score: Double)?
        for time in LiveGrounder.fillTimes(a) {
            guard let f = frames.nearest(time), let s = fieldSimilarity(box, f, shot: shot) else { continue }
            if pick == nil || s > pick!.score + 0.05 { pick = (f, s) }
        }
        guard let (frame, base) = pick, base < 0.97 else { return }
        var best = (value: typed, score: base)
        var tried: Set<String> = [typed]
        var scores: [String: Double] = [typed: base]
        // The video's field read again inside the box the live page gives it: the reader's crop
        // was found by the pixels alone (and at a HiDPI scale its sizes are off).
        // Each moment of the end of typing is read (the field may already be closed at the
        // reader's end), each reading rendered and compared with its own moment's field.
        var reread: [String] = []
        // The text's own area: inside the field's border and padding (a floating label sits in
        // the padding above the text).
        let content = try await browser.execute("""
            var r = arguments[0].getBoundingClientRect(), c = getComputedStyle(arguments[0]);
            var l = parseFloat(c.borderLeftWidth) + parseFloat(c.paddingLeft), t = parseFloat(c.borderTopWidth) + parseFloat(c.paddingTop);
            var w = r.width - l - parseFloat(c.borderRightWidth) - parseFloat(c.paddingRight);
            var h = r.height - t - parseFloat(c.borderBottomWidth) - parseFloat(c.paddingBottom);
            return [r.left + l, r.top + t, w, h];
            """, [JSONValue(element: el)])
        var textBox: (x: Double, y: Double, width: Double, height: Double)?
        if let x = content[0]?.double, let y = content[1]?.double, let w = content[2]?.double, let h = content[3]?.double, w > 8, h > 6 {
            textBox = (x - 2, y - 3, w + 4, h + 6)
        }
        // (Inside the text area for read and compare; the box less a margin, as before, for the
        // renderings below.)
        let rereads = try await rereadField(box, times: LiveGrounder.fillTimes(a))
        let textReads = textBox == nil ? [] : try await rereadField(box, text: textBox, times: LiveGrounder.fillTimes(a))
        // An email address (an email field, or a value shaped like one) holds no space: where the
        // video's field, read again, shows the typed
        // address's local part with a gap in it, a narrow character (a dot) was lost there.
        if t.inputType == "email" || typed.wholeMatch(of: /[^@\s]+@[^@\s]+\.[A-Za-z]{2,}/) != nil,
           let fixed = Self.emailWithDots(typed, readings: (textReads + rereads).map(\.text)) {
            try await type(fixed, el)
            corrections.append("value \"\(typed)\" → \"\(fixed)\": an email address has no space, and the video's field read again shows a gap (a dot) there")
            a.value = .text(fixed)
            return
        }
        // Read and compare: each candidate typed live and its field read by the same reader as the
        // video's field at the end of typing; the reader's quirks with this font are the same on
        // both sides, so the candidate read exactly as the video is the value typed there.
        // (Only when an earlier moment's reading agrees with it — a prefix of it, give or take a
        // letter: the field was still open and being typed into, not closed or covered.)
        // Only where the reader's value is no near reading of the same text (three letters or
        // more apart: a label read into it, a word lost): a letter or two either way is as
        // likely the re-reading's own slip.
        if let textBox, let videoText = textReads.first?.text, Self.typingAgrees(videoText, textReads.dropFirst().map(\.text)),
           Self.distance(Self.readingKey(typed), Self.readingKey(videoText)) >= Self.readCompareApart,
           let read = try await readAndCompare(typed: typed, video: videoText, candidates: textReads.map(\.text) + a.alternatives, el, textBox),
           Self.caseAnomalies(read.value) <= Self.caseAnomalies(typed) {
            if read.value != typed {
                corrections.append("value \"\(typed)\" → \"\(read.value)\": typed live, it reads as the video's field does (\"\(videoText)\")")
                a.value = .text(read.value)
            }
            try await capitalise(&a, el, box, frame, corrections: &corrections)
            let kept = a.value?.text ?? read.value
            let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string
            if now != kept { try await type(kept, el) }
            return
        }
        for (text, at) in rereads where text != typed && tried.insert(text).inserted {
            reread.append(text)
            let typedThere = fieldSimilarity(box, at, shot: shot) ?? 0
            try await type(text, el)
            let s = try await fieldSimilarity(box, at)
            debug("live: value read again \"\(text)\" renders \(s.map(Self.f2) ?? "-") like the video there (typed \"\(typed)\": \(Self.f2(typedThere)))")
            // A shorter reading that shares a run of letters with the typed one is the field cut
            // or scrolled rather than a better reading (one sharing none is another text: the
            // reader's crop took in a neighbour); and a reading, unlike the reader's own
            // alternatives, needs a lead a blind swap would.
            if let s, text.count >= typed.count - 1 || !Self.sharesRun(text, typed, length: 3), s > max(best.score, typedThere) + 0.06 {
                scores[text] = s
                best = (text, s)
            }
        }
        // Two rounds: a reading can hold two independent misreadings (a letter and a caret).
        for round in 0..<2 {
            let from = best.value
            guard round == 0 || from != typed else { break }
            // Readings with evidence of their own (the reader's alternatives, a caret, the field's
            // previous letters) need less of a lead than a blind swap of confusable letters, which
            // a half-size video often cannot tell apart (e/c).
            let sub = Self.priorSubstitutions(from, prior)
            let evidenced = Set((round == 0 ? a.alternatives : []) + reread + [Self.withoutCaret(from), sub.count > 1 ? sub.all : nil].compactMap { $0 } + sub.single)
            for candidate in Self.readings(of: from, alternatives: round == 0 ? a.alternatives : [], prior: prior)
            where tried.insert(candidate).inserted {
                try await type(candidate, el)
                let s = try await fieldSimilarity(box, frame)
                debug("live: value \"\(candidate)\" renders \(s.map(Self.f2) ?? "-") like the video (typed \"\(typed)\": \(Self.f2(base)), field held \"\(prior)\")")
                if let s { scores[candidate] = s }
                if let s, s > best.score + (evidenced.contains(candidate) ? 0.03 : 0.06) { best = (candidate, s) }
            }
        }
        // A focused field shows its caret after the last letter, where it reads as "I" or "|":
        // when the rendering cannot tell the two apart, the caret explains it.
        if let bare = Self.withoutCaret(best.value), let s = scores[bare], s >= best.score - 0.02 { best = (bare, s) }
        // The readings of the same length voted letter by letter (the reader's, each reading of
        // the field again): a letter one reading alone gives is outvoted. When the rendering
        // cannot tell the vote from the best reading (within 0.02), the vote is kept.
        if let vote = Self.vote([typed] + rereads.map(\.text), prefer: best.value), vote != best.value {
            var sv = scores[vote]
            if sv == nil {
                try await type(vote, el)
                sv = try await fieldSimilarity(box, frame)
                if let v = sv { scores[vote] = v }
            }
            debug("live: value \"\(vote)\" (the readings' vote) renders \(sv.map(Self.f2) ?? "-") like the video (\"\(best.value)\": \(Self.f2(best.score)))")
            if let v = sv, v >= best.score - 0.02, best.value != typed || v >= Self.valueMatch { best = (vote, v) }
        }
        // Only a rendering that really looks like the video may overrule the reader — or one
        // that looks clearly more like it and puts back letters the field held before (the DOM's
        // word against the reader's).
        let fromPrior = Self.priorSubstitutions(typed, prior).count > 0
            && Self.distance(best.value, prior) < Self.distance(Self.withoutCaret(typed) ?? typed, prior)
        if best.value != typed && (best.score >= Self.valueMatch || fromPrior && best.score >= base + 0.04) {
            corrections.append("value \"\(typed)\" → \"\(best.value)\": its rendering matches the video (\(String(format: "%.2f", best.score)) against \(String(format: "%.2f", base)))")
            a.value = .text(best.value)
        }
        try await capitalise(&a, el, box, frame, corrections: &corrections)
        // The field ends holding the value kept (the last candidate tried may be another).
        let kept = a.value?.text ?? typed
        let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string
        if now != kept { try await type(kept, el) }
    }

    /// A capital I read as a small l at the start of a word of a capitalised value ("llse Berg"):
    /// the two are drawn alike in most sans-serif fonts, so the rendering cannot decide — the
    /// other words' capitals do, unless the rendering with the I looks clearly less like the video.
    mutating func capitalise(_ a: inout Action, _ el: ElementHandle, _ box: (x: Double, y: Double, width: Double, height: Double),
                             _ frame: Image, corrections: inout [String]) async throws {
        guard let value = a.value?.text, let cap = Self.capitalised(value) else { return }
        try await type(value, el)
        let s0 = try await fieldSimilarity(box, frame) ?? 0
        try await type(cap, el)
        let s1 = try await fieldSimilarity(box, frame) ?? 0
        debug("live: value \"\(cap)\" renders \(Self.f2(s1)) like the video (\"\(value)\": \(Self.f2(s0)))")
        if s1 >= s0 - 0.02 {
            corrections.append("value \"\(value)\" → \"\(cap)\": a word of a capitalised value starts with I, not l (drawn alike)")
            a.value = .text(cap)
        } else {
            try await type(value, el)
        }
    }

    /// `value` with a word's leading small l (before a consonant) made a capital I, when every
    /// other word of it starts with a capital letter; nil when there is no such word.
    static func capitalised(_ value: String) -> String? {
        var words = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let lettered = words.indices.filter { words[$0].first?.isLetter == true }
        guard lettered.count >= 2 else { return nil }
        func misread(_ w: String) -> Bool {
            let c = Array(w)
            return c.count >= 3 && c[0] == "l" && c[1].isLetter && c[1].isLowercase && !"aeiouy".contains(c[1])
        }
        let suspects = lettered.filter { misread(words[$0]) }
        guard !suspects.isEmpty, lettered.allSatisfy({ suspects.contains($0) || words[$0].first!.isUppercase }),
              suspects.count < lettered.count else { return nil }
        for k in suspects { words[k] = "I" + words[k].dropFirst() }
        return words.joined(separator: " ")
    }

    /// The value among `typed` and `candidates` (with trailing carets dropped) whose live field,
    /// read in `textBox` by the same reader, reads as the video's field did (`video`): nil when
    /// no candidate reads nearer the video than the typed value does, or the nearest is still
    /// more than a letter in eight away. The field is left holding the last candidate tried.
    func readAndCompare(typed: String, video: String, candidates: [String], _ el: ElementHandle,
                        _ textBox: (x: Double, y: Double, width: Double, height: Double)) async throws -> (value: String, distance: Int)? {
        guard let reader = options.reader else { return nil }
        let want = Self.readingKey(video)
        guard want.count >= 2 else { return nil }
        var list: [String] = []
        for c in [typed] + candidates.map(Self.readingKey) where !c.isEmpty && !list.contains(c) && list.count < 8 { list.append(c) }
        // The live caret is hidden while reading (the video's is left out of its reading).
        _ = try await browser.execute("arguments[0].style.caretColor = 'transparent'; return true;", [JSONValue(element: el)])
        let scored: [(value: String, distance: Int)]
        do {
            scored = try await readEach(list, want: want, reader: reader, el, textBox)
        } catch {
            _ = try? await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: el)])
            throw error
        }
        _ = try await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: el)])
        guard let typedD = scored.first?.distance, let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance < typedD, best.distance <= max(1, want.count / 8) else { return nil }
        return best
    }

    /// Read and compare replaces the reader's value only when it is this many letters off the
    /// video's field as read again.
    static let readCompareApart = 3

    /// Capitals between two small letters of a word ("QuillwBrks"): a reading that adds one the
    /// reader's value does not have is a misread glyph, not the text.
    static func caseAnomalies(_ s: String) -> Int {
        let c = Array(s)
        guard c.count >= 3 else { return 0 }
        return (1..<(c.count - 1)).filter { c[$0].isUppercase && c[$0 - 1].isLowercase && c[$0 + 1].isLowercase }.count
    }

    /// Each candidate typed into the field and read there: its distance from `want`, in order,
    /// stopping at the first that reads exactly so; empty when the text area is too small.
    func readEach(_ list: [String], want: String, reader: any TextReader, _ el: ElementHandle,
                  _ textBox: (x: Double, y: Double, width: Double, height: Double)) async throws -> [(value: String, distance: Int)] {
        var scored: [(value: String, distance: Int)] = []
        for c in list {
            try await type(c, el)
            try await Task.sleep(nanoseconds: 60_000_000)
            let shot = try decodePNG(try await browser.screenshot())
            let k = Double(shot.width) / max(1, cssViewport.width)
            let r = PixelRect(x: Int(textBox.x * k), y: Int(textBox.y * k), width: Int(textBox.width * k), height: Int(textBox.height * k))
            guard r.width > 8, r.height > 6 else { return [] }
            let live = try await reader.read(shot.cropped(to: r), mode: .line).text
            let d = Self.distance(Self.readingKey(live), want)
            debug("live: value \"\(c)\" typed live reads \"\(Self.readingKey(live))\" (the video's field: \"\(want)\"): \(d) apart")
            scored.append((c, d))
            if d == 0 { break }
        }
        return scored
    }

    /// Whether one of the `earlier` readings of a field is the start of the `last` one (give or
    /// take a letter): the same text as it was being typed.
    static func typingAgrees(_ last: String, _ earlier: [String]) -> Bool {
        let l = Array(readingKey(last))
        return earlier.contains { e in
            let e = readingKey(e)
            guard e.count >= 2, e.count <= l.count else { return false }
            return distance(e, String(l.prefix(e.count))) <= 1
        }
    }

    /// The letter-by-letter majority of the readings (carets dropped) that have the length of
    /// `prefer` (itself one of the votes); a tie goes to `prefer`'s letter. Nil with fewer than
    /// three such readings.
    static func vote(_ readings: [String], prefer: String) -> String? {
        let p = Array(readingKey(prefer))
        var same = readings.map { Array(readingKey($0)) }.filter { $0.count == p.count }
        if !same.contains(p) { same.append(p) }
        guard same.count >= 3, !p.isEmpty else { return nil }
        var out = p
        for k in p.indices {
            var count: [Character: Int] = [:]
            for r in same { count[r[k], default: 0] += 1 }
            let top = count.values.max() ?? 0
            if count[p[k]] != top, let winner = count.first(where: { $0.value == top && $0.value > 1 })?.key { out[k] = winner }
        }
        return String(out)
    }

    /// A field's reading without what is not its text: whitespace runs as one space, a trailing
    /// caret (`|`, `]`, `[`, or a lone `I`/`l` after a space).
    static func readingKey(_ s: String) -> String {
        var t = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while true {
            while let last = t.last, "|[]".contains(last) { t.removeLast(); t = t.trimmingCharacters(in: .whitespaces) }
            guard let bare = withoutCaret(t) else { return t }
            t = bare
        }
    }

    /// The text of the video's field at the end of typing, read in the full-size frame inside the
    /// live field's box (its border and padding left out); nil without a reader, a frame or a reading.
    /// `pointer` (CSS pixels): where the video's pointer rests; its box is painted over with the
    /// crop's background before reading (GapSearch+FieldPointer.swift).
    func rereadField(_ box: (x: Double, y: Double, width: Double, height: Double), text textBox: (x: Double, y: Double, width: Double, height: Double)? = nil,
                     times: [Double], pointer: Point? = nil) async throws -> [(text: String, frame: Image)] {
        guard let reader = options.reader, timeline.viewport != nil else { return [] }
        var out: [(text: String, frame: Image)] = []
        // The text's own area when the page gives it (inside the border and padding), else the
        // box less a margin.
        let inset = (x: min(8, box.width / 8), y: min(6, box.height / 5))
        let area = textBox ?? (box.x + inset.x, box.y + inset.y, box.width - 2 * inset.x, box.height - 2 * inset.y)
        for t in times.prefix(3) {
            guard let full = frames.fields.min(by: { abs($0.time - t) < abs($1.time - t) }), abs(full.time - t) <= 0.2,
                  let small = frames.nearest(t) else { continue }
            guard let r = fieldVideoRect(area), r.x >= 0, r.y >= 0, r.width > 8, r.height > 6, r.x + r.width <= full.image.width, r.y + r.height <= full.image.height else { continue }
            var crop = full.image.cropped(to: r)
            if let pointer {
                guard let b = pointerBox(pointer, in: r) else { continue }
                crop = Self.paintedOver(crop, b)
            }
            let text = try await reader.read(crop, mode: .line).text
            let clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !clean.isEmpty, !out.contains(where: { $0.text == clean }) { out.append((clean, small)) }
        }
        return out
    }

    /// Replaces the field's text by typing, as a person does: focus, select all, erase, type.
    /// (WebDriver's clear would blur the field, and an inline editor commits and re-renders on blur.)
    /// `typed` with dots put into its local part where one of `readings` shows the same letters
    /// with a space between them ("k nowak@…" for "knowak@…"); nil when none does.
    static func emailWithDots(_ typed: String, readings: [String]) -> String? {
        guard let at = typed.firstIndex(of: "@"), !typed.contains(" ") else { return nil }
        let local = typed[..<at]
        for r in readings {
            guard let rat = r.firstIndex(of: "@") else { continue }
            let words = r[..<rat].split(separator: " ", omittingEmptySubsequences: true)
            guard words.count > 1, words.joined() == local else { continue }
            // A gap beside a dot already there ("jonas. becker") is the reader's spacing, not a lost dot.
            var fixed = String(words[0])
            for w in words.dropFirst() {
                if !fixed.hasSuffix("."), !w.hasPrefix(".") { fixed += "." }
                fixed += w
            }
            guard fixed != local else { continue }
            return fixed + typed[at...]
        }
        return nil
    }

    func type(_ text: String, _ el: ElementHandle) async throws {
        // (A picker left open swallows the keys: closed first, LiveGrounder+OpenPicker.swift.)
        let kind = try await browser.execute(Self.closeOpenPickers + "if (document.activeElement !== arguments[0]) arguments[0].focus(); return (arguments[0].type || '').toLowerCase();",
                                             [JSONValue(element: el)]).string ?? ""
        // A date's or a time's parts take keys one at a time (LiveGrounder+DateField.swift).
        if Self.segmentedTypes.contains(kind) { return try await fillSegmented(text, type: kind, el) }
        try await browser.keys(Self.replacingKeys(text))
    }

    /// The keys that replace a focused field's text with `text`: select all, delete, then the
    /// characters — one key command, so a value search's few dozen renders per field each pay
    /// one driver round trip (and its end-of-command navigation wait) instead of two; the app
    /// gets the same key events in the same order.
    static func replacingKeys(_ text: String) -> [Key] {
        [.chord(modifiers: [.control], key: "a"), .backspace] + (text.isEmpty ? [] : [.text(text)])
    }

    /// Similarity of the field's box in the live screenshot and in the video frame.
    func fieldSimilarity(_ box: (x: Double, y: Double, width: Double, height: Double), _ frame: Image) async throws -> Double? {
        fieldSimilarity(box, frame, shot: try decodePNG(try await browser.screenshot()))
    }

    /// The same on a screenshot already taken.
    func fieldSimilarity(_ box: (x: Double, y: Double, width: Double, height: Double), _ frame: Image, shot: Image) -> Double? {
        guard let video = videoRect(box) else { return nil }
        // The screenshot is in device pixels.
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(box.x * k), y: Int(box.y * k), width: Int(box.width * k), height: Int(box.height * k))
        guard live.width > 4, live.height > 4, video.width > 4, video.height > 4 else { return nil }
        // A field is a few video pixels tall: a pixel of misregistration (the recording's scaling,
        // the box's rounding) would decide the score, so the best of small shifts counts (less
        // sideways, where a shift would let a longer reading line up with the text).
        var best = 0.0
        for dy in -2...2 {
            for dx in -1...1 {
                let r = PixelRect(x: video.x + dx, y: video.y + dy, width: video.width, height: video.height)
                guard r.x >= 0, r.y >= 0, r.x + r.width <= frame.width, r.y + r.height <= frame.height else { continue }
                best = max(best, Similarity.compare(shot, live, frame, r, width: min(128, video.width)))
            }
        }
        return best
    }

    /// A better scroll amount for scroll action `i`, when the page as scrolled looks unlike the
    /// video (similarity below 0.85) and another position nearby looks clearly more like it; the
    /// page is left there. Nil when the read amount stands.
    func alignScroll(_ i: Int, _ a: Action, from before: PageState, read dy: Double) async throws -> Double? {
        guard let s0 = try await compare(i), s0 < 0.85 else { return nil }
        func score(_ y: Double) async throws -> (Double, Double) {
            let at = try await browser.execute("window.scrollTo(arguments[0], arguments[1]); return window.scrollY;",
                                               [.number(before.scrollX), .number(max(0, y))]).double ?? y
            try await Task.sleep(nanoseconds: 60_000_000)
            return (at, try await compare(i) ?? 0)
        }
        var best = (y: before.scrollY + dy, s: s0)
        var tried = Set<Int>()
        for step in [40.0, 10.0] {
            let centre = best.y
            for k in -6...6 where k != 0 {
                let (at, s) = try await score(centre + Double(k) * step)
                guard tried.insert(Int(at)).inserted else { continue }
                if s > best.s { best = (at, s) }
            }
        }
        _ = try await score(best.y)
        guard best.s > s0 + 0.05 else {
            _ = try await score(before.scrollY + dy)
            return nil
        }
        return best.y - before.scrollY
    }

    /// Whether the video's viewport changed across action `i` (its frame before against after).
    func videoChanged(_ i: Int, _ a: Action) -> Bool {
        guard let vp = timeline.viewport, let before = frames.nearest(max(0, a.time - 0.2)) else { return false }
        let t = LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)
        guard let after = frames.nearest(t) else { return false }
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        if Similarity.compare(before, whole, after, whole) < 0.97 { return true }
        // A small change (a cell turning into a field, a tick) shows around the point.
        guard let p = a.target?.point ?? a.target?.box.map({ Point(x: $0.x + $0.width / 2, y: $0.y + $0.height / 2) }) else { return false }
        let w = 320.0, h = 120.0
        let x0 = max(0, min(cssViewport.width - w, p.x - w / 2)), y0 = max(0, min(cssViewport.height - h, p.y - h / 2))
        guard let near = videoRect((x0, y0, w, h)) else { return false }
        return Similarity.compare(before, near, after, near, width: near.width) < 0.9
    }

    /// Below this whole-viewport similarity the live page is out of line with the video.
    static let pageUnlike = 0.85

    /// The live viewport now against the video's frame at `t`.
    func similarity(at t: Double) async throws -> Double? {
        guard let vp = timeline.viewport, let frame = frames.nearest(t) else { return nil }
        let shot = try decodePNG(try await browser.screenshot())
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        return Similarity.compare(shot, nil, frame, video)
    }

    /// Live viewport against the video after step `i`.
    func compare(_ i: Int) async throws -> Double? {
        try await compareKeeping(i).similarity
    }

    /// The similarity after step `i` and the screenshot it was measured on.
    func compareKeeping(_ i: Int) async throws -> (similarity: Double?, png: Data?) {
        guard let vp = timeline.viewport, !frames.frames.isEmpty else {
            return (nil, options.keepScreenshots ? try await browser.screenshot() : nil)
        }
        let t = LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)
        guard let frame = frames.nearest(t) else { return (nil, nil) }
        let png = try await browser.screenshot()
        let shot = try decodePNG(png)
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        return (Similarity.compare(shot, nil, frame, video), png)
    }

    /// Waits until two digests 150 ms apart agree (or the settle time runs out).
    func settle(from before: PageState) async throws -> PageState {
        try await settle()
    }

    /// `settle(from:)` for a caller that has no state of the page before its action: the wait
    /// reads only the digests it polls itself, so no `page.state()` call is needed first.
    func settle() async throws -> PageState {
        let deadline = Date().addingTimeInterval(options.settleSeconds)
        try await Task.sleep(nanoseconds: 120_000_000)
        var last = try await page.state()
        while Date() < deadline {
            try await Task.sleep(nanoseconds: 150_000_000)
            let now = try await page.state()
            if now == last { return now }
            last = now
        }
        return last
    }
}
