import Browser
import Foundation
import ScreenCore

/// Render and compare of typed values by their ink (`ValueCompare`): after `fill` has typed the
/// value it settled on, the live field's text is compared pixel by pixel with the video's field at
/// the end of typing; when they differ, the reader's other hypotheses are typed and the one whose
/// text renders as the video shows it is kept — only when it beats the reading clearly.
extension Run {
    /// At most this many candidates are rendered per field: the bound that decides the outcome.
    static let valueCandidates = 24
    /// A guard against a browser that has stopped answering, not a budget: a bound in seconds made
    /// the kept value depend on the machine's load (4 s ran out at load 30 and kept the reading;
    /// 20 s cut the search after 10–14 of its 24 candidates at load 20–27).
    static let valueSeconds = 60.0
    /// How many pixels worse on the whole field a candidate one span away from a clear winner may
    /// render and still go to a duel with it.
    static let winnerDuelSlack = 8

    /// A value's rendering against the video's: the mismatched ink pixels at each compared moment.
    struct InkScore { var error: Int; var ink: Int; var moment: Int
        var ratio: Double { Double(error) / Double(max(1, ink)) }
    }

    /// `VID2AUTO_DEBUG_VALUES_DIR` (development): where the compared crops' gray levels are kept.
    static var valuesDebugDir: String? { ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_VALUES_DIR"] }

    /// Writes a crop's gray levels (`size`'s width × height) as a PGM file, for reading by eye.
    static func writeGray(_ gray: [Double], _ size: PixelRect, to path: String) {
        var d = Data("P5\n\(size.width) \(size.height)\n255\n".utf8)
        d.append(contentsOf: gray.map { UInt8(max(0, min(255, $0))) })
        try? d.write(to: URL(fileURLWithPath: path))
    }

    /// Whether `candidate` is `reading` with one more bar-like mark after its end (`l`, `I`, `1`,
    /// `|`, `!`, `J`, a bracket): what a text caret there reads as ("Ferreira1").
    static func addsCaret(_ candidate: String, to reading: String) -> Bool {
        guard let last = candidate.last, "lI1|!J[]".contains(last) else { return false }
        return String(candidate.dropLast()).trimmingCharacters(in: .whitespaces) == reading
    }

    /// Compares the value the fill step typed (`a.value`) with the video by ink, tries the other
    /// hypotheses when it differs, and keeps the one that renders clearly more like the video.
    /// The field is left holding the value kept.
    mutating func compareValue(_ a: inout Action, _ t: Identified, _ element: ElementHandle, prior: String, corrections: inout [String]) async throws {
        guard !a.secret, let value = a.value?.text, timeline.viewport != nil, !frames.fields.isEmpty else { return }
        var started = Date()
        // The field being typed into (a click may have re-rendered an inline editor).
        var el = element
        if let focused = try await browser.execute("""
            var e = document.activeElement;
            return e && (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') ? e : null;
            """, []).element { el = focused }
        let info = try await browser.execute("""
            var e = arguments[0], r = e.getBoundingClientRect(), c = getComputedStyle(e);
            var l = parseFloat(c.borderLeftWidth) + parseFloat(c.paddingLeft), t = parseFloat(c.borderTopWidth) + parseFloat(c.paddingTop);
            var w = r.width - l - parseFloat(c.borderRightWidth) - parseFloat(c.paddingRight);
            var h = r.height - t - parseFloat(c.borderBottomWidth) - parseFloat(c.paddingBottom);
            return [r.left + l, r.top + t, w, h, (e.type || '').toLowerCase(), e.value, parseFloat(c.fontSize)];
            """, [JSONValue(element: el)])
        guard let x = info[0]?.double, let y = info[1]?.double, let w = info[2]?.double, let h = info[3]?.double, w > 8, h > 6 else { return }
        let type = info[4]?.string ?? ""
        let dated = ["date"].contains(type)
        guard !Self.sanitisingTypes.contains(type) || dated else { return }
        // The text's own area, a little taller than the line box (descenders, the reader's crop).
        let area = (x: x, y: y - 2, width: w, height: h + 4)
        // Where the field really is in the video (the viewport's origin may be pixels off).
        if let first = LiveGrounder.fillTimes(a).first { try await registerField(el, time: first) }
        guard let video = fieldVideoRect(area) else { return }
        guard video.width > 8, video.height > 6 else { return }
        // The video's caret and a resting I-beam's stem are no glyphs: bars as tall as the line
        // box, left out of both sides' ink in a second count (ValueCompare+Caret.swift).
        let caretRun = ValueCompare.caretMinRun(fontSize: info[6]?.double, scale: dpr)
        var moments: [InkMap] = []
        var caretless: [InkMap] = []
        var videoGrays: [[Double]] = []
        for time in LiveGrounder.fillTimes(a) {
            guard let f = frames.fields.min(by: { abs($0.time - time) < abs($1.time - time) }), abs(f.time - time) <= 0.2,
                  video.x >= 0, video.y >= 0, video.maxX <= f.image.width, video.y + video.height <= f.image.height else { continue }
            let gray = ValueCompare.resample(f.image, video, video.width, video.height)
            videoGrays.append(gray)
            let map = ValueCompare.binarise(gray, width: video.width, height: video.height)
            let bars = ValueCompare.caretBars(map, minRun: caretRun)
            if !bars.isEmpty { debug("live: the video's field at \(Self.f2(f.time)) s shows \(bars.count) bar(s) of a caret's height (≥ \(caretRun) px) at columns \(bars.map { "\($0.columns)" }.joined(separator: ", ")): left out of its ink") }
            moments.append(map)
            caretless.append(ValueCompare.erasingCarets(map, minRun: caretRun))
        }
        guard !moments.isEmpty else { return }
        // Where the video's pointer rests over the field's text (LiveValues+Pointer.swift).
        let pointer = restingPointer(for: a).flatMap { pointerBox($0, in: video) }
        if let pointer { debug("live: the pointer rests over the field's text at \(pointer.x),\(pointer.y) (\(pointer.width)×\(pointer.height)): its ink is left out of the compare") }
        if let dir = Self.valuesDebugDir {
            for (m, time) in LiveGrounder.fillTimes(a).enumerated() {
                guard let f = frames.fields.min(by: { abs($0.time - time) < abs($1.time - time) }) else { continue }
                Self.writeGray(ValueCompare.resample(f.image, video, video.width, video.height), video,
                               to: dir + "/video-\(Int(a.time * 10))-\(m).pgm")
            }
        }

        // The live caret is hidden while comparing (the video's blinks).
        _ = try await browser.execute("arguments[0].style.caretColor = 'transparent'; return true;", [JSONValue(element: el)])
        func put(_ v: String) async throws {
            if dated {
                _ = try await browser.execute("""
                    var e = arguments[0]; e.value = arguments[1];
                    e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));
                    e.blur(); e.focus();
                    return e.value;
                    """, [JSONValue(element: el), .string(v)])
                // As after typing a date: the focus on its last part (the year), drawn selected.
                try await browser.keys([.arrowRight, .arrowRight])
            } else {
                try await self.type(v, el)
            }
        }
        // Each rendering's gray levels (for a glyph's duel, ValueCompare+Glyph.swift).
        var lastGray: [Double] = []
        // Each rendering's mismatch with the caret left out of both sides (at its best moment).
        var lastCaretless = 0
        var withoutCarets: [String: Int] = [:]
        var grays: [String: [Double]] = [:]
        func score(_ only: Int? = nil) async throws -> InkScore? {
            try await Task.sleep(nanoseconds: 40_000_000)
            let shot = try await areaShot((area.x, area.y, area.width, area.height))
            let k = Double(shot.width) / max(1, cssViewport.width)
            let live = PixelRect(x: Int(area.x * k), y: Int(area.y * k), width: Int(area.width * k), height: Int(area.height * k))
            guard live.x >= 0, live.y >= 0, live.maxX <= shot.width, live.y + live.height <= shot.height else { return nil }
            lastGray = ValueCompare.resample(shot, live, video.width, video.height)
            let map = ValueCompare.binarise(lastGray, width: video.width, height: video.height)
            if let dir = Self.valuesDebugDir {
                let n = (try? FileManager.default.contentsOfDirectory(atPath: dir).count) ?? 0
                Self.writeGray(ValueCompare.resample(shot, live, video.width, video.height), video,
                               to: dir + String(format: "/%04d-live.pgm", n))
            }
            var best: InkScore?
            for (m, v) in moments.enumerated() where only == nil || only == m {
                let r = ValueCompare.mismatch(map, v, pointer: pointer)
                let s = InkScore(error: r.error, ink: r.ink, moment: m)
                if best == nil || s.ratio < best!.ratio { best = s }
            }
            if let b = best { lastCaretless = ValueCompare.mismatch(ValueCompare.erasingCarets(map, minRun: caretRun), caretless[b.moment], pointer: pointer).error }
            return best
        }

        // The value as kept: its rendering, and the moment of the video it fits best (the field
        // as typed; a later moment may show it closed).
        let current = dated ? (info[5]?.string ?? "") : value
        if dated { try await put(current) }
        guard let base = try await score() else {
            _ = try? await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: el)])
            return
        }
        grays[current] = lastGray
        withoutCarets[current] = lastCaretless
        debug("live: value \"\(value)\" renders \(base.error) ink pixels off the video's (\(base.ink) ink)")
        let email = type == "email" || value.contains("@")
        var kept = (value: current, score: base)
        var completions: [String] = []
        var fromPrior: [String] = []
        var errors: [String: Int] = [current: base.error]
        var scores: [String: InkScore] = [:]
        // A value `fill` put in place of the analysis's reading that already matches: the reading
        // is rendered too, and stands where it renders as well (LiveValues+RestoredReading.swift).
        let baseMatched = ValueCompare.matches(base.error, ink: base.ink)
        if baseMatched, !dated, let o = offlineReading(a), !o.isEmpty, o != current {
            try await put(o)
            if let s = try await score() {
                errors[o] = s.error
                debug("live: the analysis's reading \"\(o)\" renders \(s.error) ink pixels off (\"\(current)\", which replaced it: \(base.error))")
            }
            try await put(current)
        }
        if !ValueCompare.matches(base.error, ink: base.ink) {
            var candidates: [String] = []
            let rereads = try await rereadField((x, y, w, h), text: (area.x, area.y, area.width, area.height), times: LiveGrounder.fillTimes(a))
                + (try await rereadField((x, y, w, h), text: (area.x, area.y, area.width, area.height), times: Array(LiveGrounder.fillTimes(a).dropFirst(3))))
            if dated {
                let year = Calendar(identifier: .gregorian).component(.year, from: Date())
                for r in [value] + a.alternatives + rereads.map(\.text) {
                    candidates += ValueCompare.dateValues(r, years: Array((year - 1)...(year + 3)))
                }
            } else {
                // The letters the field held before, where the reading substitutes others (an edit
                // keeps most of what was there); the reader's alternatives; the field read again
                // (carets dropped; an address has no spaces).
                let sub = Self.priorSubstitutions(value, prior)
                candidates = (sub.count > 1 ? [sub.all] : []) + sub.single
                // The old value's words put back where the reading (or a re-reading) nearly has
                // them (ValueCompare+PriorWords.swift).
                fromPrior = ([value] + rereads.map(\.text)).compactMap { ValueCompare.priorWords(Self.readingKey($0), prior: prior) }
                candidates = fromPrior + candidates
                // The analysis's own reading, when an earlier compare replaced it (the readings'
                // vote by likeness: "kofi@mensah.gh" → "…gl", the ink never judged "gh").
                if let offline = offlineReading(a), offline != value, !offline.isEmpty {
                    candidates.insert(offline, at: fromPrior.count)
                }
                // A field scrolled at the end of typing shows only the value's end: its start
                // from the field's old value or an earlier moment's reading.
                completions = ValueCompare.scrolledCompletions(of: value, sources: [prior] + rereads.map(\.text))
                candidates += completions
                candidates += a.alternatives.map(Self.readingKey)
                candidates += ValueCompare.variants(of: value, email: email)
                // (A reading is cut at a bar: the caret, whatever the reader made of what follows it.)
                candidates += rereads.map(\.text).map { String($0.split(separator: "|", omittingEmptySubsequences: false).first ?? "") }
                    .map(Self.readingKey).map { email ? $0.replacingOccurrences(of: " ", with: "") : $0 }
            }
            started = Date()
            var seen: Set<String> = [current]
            var tried = 0
            var round = candidates
            for pass in 0..<2 {
                // (Each pass ranks its own variants: the second one's are the best candidate's,
                // "bram@quillstone.iq" → "…io" before the doubled letters of its start.)
                let ranked = Set(pass == 0 ? ValueCompare.variants(of: value, email: email) : round)
                // Never a reading with a caret's junk after it, nor the reading with one more bar
                // or l after its end: the video's caret explains such ink.
                // (An email field's candidates are addresses: the DOM says what the field holds.)
                var queue: [String] = []
                for c in round where !c.isEmpty && !c.contains("|") && Self.withoutCaret(c) == nil && !Self.addsCaret(c, to: current)
                    && (type != "email" || ValueCompare.isAddress(c)) && !seen.contains(c) && !queue.contains(c) { queue.append(c) }
                // The second pass renders a few more, at least (a second misreading's variants).
                // (A second round with its own 16 made todo-add-items-firefox render "CaIl", which
                // beats "Call" and cannot win: the reading "Cal" stood. Both rounds share the 24.)
                let budget = Self.valueCandidates
                // More than the budget takes: the confusable variants first where the rendering
                // disagrees with the video (ValueCompare+Ranking.swift), in the variants' own places.
                if queue.count > budget - tried, !dated, let order = rankVariants(queue.filter(ranked.contains), of: kept.value,
                                                                                   grays: grays, moments: moments, moment: kept.score.moment,
                                                                                   width: video.width, height: video.height, pointer: pointer) {
                    var next = order.makeIterator()
                    queue = queue.map { ranked.contains($0) ? next.next() ?? $0 : $0 }
                }
                for c in queue where seen.insert(c).inserted {
                    // (A date's few years are all tried: the first alone would win against an empty field.)
                    guard tried < budget, dated || Date().timeIntervalSince(started) < Self.valueSeconds else { break }
                    tried += 1
                    try await put(c)
                    // Every moment for a value as long as the reading (the reader's end may show
                    // the field closed, the text moved), only the reading's own moment for a
                    // shorter one (an earlier moment shows the value half typed).
                    let long = c.count >= Self.readingKey(current).count
                    guard let s = try await score(long ? nil : base.moment) else { continue }
                    debug("live: value \"\(c)\" renders \(s.error) ink pixels off (\"\(kept.value)\": \(kept.score.error))")
                    errors[c] = s.error
                    grays[c] = lastGray
                    withoutCarets[c] = lastCaretless
                    scores[c] = s
                    if s.error < kept.score.error { kept = (c, s) }
                }
                // The best rendering may be one that cannot replace the reading (another length
                // without a caret's gain, a capital inside a word: "CaIl" beside "Call"): then the
                // best one that can is kept, and the second round starts from it.
                if let w = bestWinning(scores, unless: kept, over: base, current: current, caret: Int(h * dpr), email: type == "email") {
                    debug("live: value \"\(kept.value)\" renders best but cannot replace the reading; \"\(w.value)\" (\(w.score.error) off) can")
                    kept = w
                }
                // A second misreading in the same value: the best one's own variants.
                guard pass == 0, kept.value != current, !dated else { break }
                round = ValueCompare.variants(of: kept.value, email: email)
            }
        }
        // Between renderings equally like the video (a glyph's worth of pixels apart), the one
        // that keeps the field's old words is the likelier edit (the pointer's I-beam over a word
        // reads as letters it does not hold).
        for c in fromPrior where c != kept.value {
            guard let e = errors[c], e <= kept.score.error + ValueCompare.minGain, ValueCompare.matches(e, ink: base.ink) else { continue }
            debug("live: value \"\(c)\" keeps the field's old words and renders as \"\(kept.value)\" does (\(e) against \(kept.score.error))")
            kept = (c, InkScore(error: e, ink: base.ink, moment: base.moment))
            break
        }
        // No clear winner on the whole field: a candidate one glyph away may still win on that
        // glyph alone (a serif "b" read "o": its ascender is a few pixels).
        let caret = Int(h * dpr)
        var finer: String?
        if !wins(kept, over: base, current: current, caret: caret, email: type == "email"), !dated, base.moment < videoGrays.count,
           let win = glyphWinner(current, errors: errors, base: base, grays: grays, video: videoGrays[base.moment], width: video.width, height: video.height) {
            kept = (win.value, InkScore(error: errors[win.value] ?? base.error, ink: base.ink, moment: base.moment))
            finer = win.why
        }
        // A clear winner's own duel: a candidate one span away from it ("m" for its "rn") that
        // renders about as well on the whole field may still win on that span alone.
        if finer == nil, wins(kept, over: base, current: current, caret: caret, email: type == "email"), !dated,
           kept.score.moment < videoGrays.count,
           let win = glyphWinner(kept.value, errors: errors, base: kept.score, grays: grays, video: videoGrays[kept.score.moment],
                                 width: video.width, height: video.height, slack: Self.winnerDuelSlack),
           Self.caseAnomalies(win.value) <= Self.caseAnomalies(kept.value) {
            let e = errors[win.value] ?? kept.score.error
            let duelled = (value: win.value, score: InkScore(error: e, ink: base.ink, moment: kept.score.moment))
            if wins(duelled, over: base, current: current, caret: caret, email: type == "email") {
                finer = "\(win.why), against \"\(kept.value)\" (the whole field \(e) against the reading's \(base.error))"
                kept = duelled
            }
        }
        // A completion of a scrolled field's reading renders its visible end as the reading does
        // (the start is out of sight either way): kept when it renders no worse and the live
        // field, holding it, is scrolled too — the reading was only what the field showed.
        if finer == nil, !wins(kept, over: base, current: current, caret: caret, email: type == "email") {
            for c in completions where (errors[c] ?? .max) <= base.error {
                try await put(c)
                guard try await fieldScrolled(el) else { continue }
                kept = (c, InkScore(error: errors[c] ?? base.error, ink: base.ink, moment: base.moment))
                finer = "the field scrolls its start out of sight holding it, and its visible end renders as the video's field shows it (\(errors[c] ?? 0) ink pixels off against \(base.error)): the reading was the field's visible part"
                break
            }
        }
        _ = try await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: el)])
        // The last glyph of the value kept made by the video's caret ("iq" for "io|"): the
        // candidate with another last glyph that renders clearly better with the caret left out
        // (ValueCompare+Caret.swift).
        if finer == nil, kept.value == current || wins(kept, over: base, current: current, caret: caret, email: type == "email"), !dated,
           let swap = ValueCompare.caretSwap(kept.value, errors: errors, caretless: withoutCarets, caret: caret) {
            finer = "its last glyph renders as the video's field shows it with the caret after it left out (\(withoutCarets[swap] ?? 0) ink pixels off against \(withoutCarets[kept.value] ?? 0) for \"\(kept.value)\"; with it \(errors[swap] ?? 0) against \(kept.score.error))"
            kept = (swap, InkScore(error: errors[swap] ?? kept.score.error, ink: kept.score.ink, moment: kept.score.moment))
        }
        // The best with one more letter than a value tried (l, I, |): the video's caret.
        var byCaret = false
        let top = kept.value.count == current.count - 1 && current.hasPrefix(kept.value) ? (value: current, score: base) : kept
        for (bare, e) in errors where ValueCompare.caretExplains(top.value, bare: bare, error: top.score.error, bareError: e, caret: caret) {
            kept = (bare, InkScore(error: e, ink: kept.score.ink, moment: kept.score.moment))
            byCaret = true
            break
        }
        if let why = finer, !byCaret {
            corrections.append("value \"\(value)\" → \"\(kept.value)\": \(why)")
            a.value = .text(kept.value)
            try await put(kept.value)
        } else if byCaret {
            corrections.append("value \"\(value)\" → \"\(kept.value)\": the last letter is the field's text caret (the rendering without it is within a caret's pixels of the video's)")
            a.value = .text(kept.value)
            try await put(kept.value)
        } else if wins(kept, over: base, current: current, caret: caret, email: type == "email") {
            if kept.value != value { corrections.append("value \"\(value)\" → \"\(kept.value)\": its text renders as the video's field shows it (\(kept.score.error) ink pixels off against \(base.error))") }
            a.value = .text(kept.value)
            try await put(kept.value)
        } else if let o = Self.restoredReading(offline: offlineReading(a), current: current, errors: errors, base: base.error, matched: baseMatched) {
            // (LiveValues+RestoredReading.swift)
            corrections.append("value \"\(value)\" → \"\(o)\": the analysis's own reading renders nearer the video's field (\(errors[o] ?? 0) ink pixels off against \(base.error)) than the re-reading that replaced it")
            a.value = .text(o)
            try await put(o)
        } else {
            try await put(current)
        }
    }

    /// The best-rendering candidate of `scores` that replaces the reading `current` (as `wins`
    /// judges it) when `best` does not; nil when `best` does, or none does. Between equal
    /// renderings, the first in value order (a stable choice).
    func bestWinning(_ scores: [String: InkScore], unless best: (value: String, score: InkScore), over base: InkScore,
                     current: String, caret: Int, email: Bool) -> (value: String, score: InkScore)? {
        guard !wins(best, over: base, current: current, caret: caret, email: email) else { return nil }
        return scores.filter { wins(($0.key, $0.value), over: base, current: current, caret: caret, email: email) }
            .min { $0.value.error != $1.value.error ? $0.value.error < $1.value.error : $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// Whether the best candidate `kept` replaces the value `current` (rendered `base`): clearly
    /// better (`ValueCompare.clearlyBetter`), no capital added inside a word, a value of another
    /// length better by a caret's pixels too (it moves the text's end, where the video's caret
    /// is: "Ferreira" → "Ferreirra", 54 → 35), and itself looking like the video.
    /// (An address where the reading in an email field is none needs no caret's pixels more: the
    /// field's type is the evidence, as a date field's is.)
    func wins(_ kept: (value: String, score: InkScore), over base: InkScore, current: String, caret: Int, email: Bool = false) -> Bool {
        kept.value != current && ValueCompare.clearlyBetter(kept.score.error, than: base.error, ink: base.ink)
            && Self.caseAnomalies(kept.value) <= Self.caseAnomalies(current)
            && (kept.value.count == current.count || base.error - kept.score.error >= caret + ValueCompare.clearGain
                || email && ValueCompare.isAddress(kept.value) && !ValueCompare.isAddress(current))
            && kept.score.ratio <= ValueCompare.looksAlike
    }
}
