import Browser
import Foundation
import ScreenCore

/// Typing the analysis missed or put elsewhere: a number retyped after a select-all and read as a
/// click on the field, typing merged with the key that followed it, a value typed into a search
/// field read off the wrong element. The gap search looks for clicks; typed text is reconciled by
/// value instead, as toggles are by state: before each step (and at the recording's end) every text
/// field shown live is compared, by its text's ink (`ValueCompare`), with the video's field just
/// before the step. A field whose live text looks unlike the video's is read in the video (the
/// reader, inside the box the live page gives it); that reading is typed live and kept, as an
/// inserted `fill` step, only when the field then renders as the video shows it — else the field
/// gets its old value back.
extension Run {
    /// A text field shown in the live page.
    struct LiveField {
        var element: ElementHandle
        /// The field's border box and its text's own area (inside border and padding), viewport CSS pixels.
        var box: (x: Double, y: Double, width: Double, height: Double)
        var text: (x: Double, y: Double, width: Double, height: Double)
        var value: String
        var type: String
        var placeholder: String
        /// A number field's `min`…`max`, when both are set.
        var range: ClosedRange<Int>?
        /// Its font size (CSS pixels), when known: the height a caret or I-beam bar reaches.
        var fontSize: Double? = nil
    }

    /// A number field whose reading gives no number is tried with each whole number of its range,
    /// when it holds at most this many (a digit alone is too little for the reader).
    static let numberCandidates = 15

    /// More fields unlike the video than this: a form laid out or filled otherwise (another step of
    /// a wizard, a dialog over it), not typing the analysis missed.
    static let maxFieldMismatches = 2
    /// The least similarity of the whole live page to the video's before fields are reconciled.
    static let fieldsPageLike = 0.8
    /// Field types whose typed text is reconciled (not passwords). A date field's parts are drawn
    /// by the browser, the same way live as in a recording of the same browser: it is reconciled
    /// too, but only a reading that is a whole date (its year read) is typed, in the field's own
    /// syntax (`fieldReading`; GapSearch+DateFields.swift).
    static let reconciledFieldTypes: Set<String> = ["text", "search", "email", "tel", "url", "number", "date", ""]

    /// The text fields in view in the live page, not covered by anything else, enabled and editable.
    func liveFields() async throws -> [LiveField] {
        let v = try await browser.execute("""
            var out = [], all = document.querySelectorAll('input, textarea');
            for (var i = 0; i < all.length && out.length < 40; i++) {
              var e = all[i], t = e.tagName === 'TEXTAREA' ? 'textarea' : (e.getAttribute('type') || 'text').toLowerCase();
              if (e.disabled || e.readOnly) continue;
              var r = e.getBoundingClientRect();
              if (r.width < 16 || r.height < 10 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) continue;
              if (e.closest('[aria-hidden=true], [inert]')) continue;
              var c = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!c || !(c === e || e.contains(c))) continue;
              var s = getComputedStyle(e);
              if (s.visibility === 'hidden' || s.opacity === '0') continue;
              var l = parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft), tp = parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop);
              var w = r.width - l - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight);
              var h = r.height - tp - parseFloat(s.borderBottomWidth) - parseFloat(s.paddingBottom);
              // What an empty field draws: its placeholder, or else a label laid over its box (a
              // floating label, drawn where the placeholder would be until the field holds text).
              var ph = (e.placeholder || '').trim();
              for (var j = 0; !ph && !e.value && e.labels && j < e.labels.length; j++) {
                var lr = e.labels[j].getBoundingClientRect();
                if (lr.width > 0 && lr.height > 0 && lr.left >= r.left - 1 && lr.right <= r.right + 1 && lr.top >= r.top - 1 && lr.bottom <= r.bottom + 1)
                  ph = (e.labels[j].innerText || '').trim();
              }
              out.push([e, r.left, r.top, r.width, r.height, r.left + l, r.top + tp, w, h, e.value, t, ph, e.min || '', e.max || '', parseFloat(s.fontSize) || 0]);
            }
            return out;
            """, [])
        return (v.array ?? []).compactMap { f in
            guard let a = f.array, a.count == 15, let e = ElementHandle(json: a[0]),
                  let x = a[1].double, let y = a[2].double, let w = a[3].double, let h = a[4].double,
                  let tx = a[5].double, let ty = a[6].double, let tw = a[7].double, let th = a[8].double, tw > 8, th > 6 else { return nil }
            let type = a[10].string ?? "text"
            guard type == "textarea" || Self.reconciledFieldTypes.contains(type) else { return nil }
            var range: ClosedRange<Int>?
            // (Chromium draws a number field's spin buttons inside its text area, at its right end,
            // while the pointer rests on it or it has the focus: not the value's ink.)
            let spin = type == "number" ? min(16, tw / 3) : 0
            if type == "number", let lo = Int(a[12].string ?? ""), let hi = Int(a[13].string ?? ""), lo <= hi { range = lo...hi }
            return LiveField(element: e, box: (x, y, w, h), text: (tx, ty - 2, tw - spin, th + 4), value: a[9].string ?? "",
                             type: type, placeholder: a[11].string ?? "", range: range, fontSize: a[14].double)
        }
    }

    /// The video's field `area` (CSS pixels) in the full-size frame nearest `time` (within 0.2 s):
    /// its gray levels and size in video pixels.
    func videoFieldGray(_ area: (x: Double, y: Double, width: Double, height: Double), at time: Double) -> (gray: [Double], size: PixelRect)? {
        guard let f = frames.fields.min(by: { abs($0.time - time) < abs($1.time - time) }),
              abs(f.time - time) <= 0.2, let r = fieldVideoRect(area) else { return nil }
        guard r.width > 8, r.height > 6, r.x >= 0, r.y >= 0, r.maxX <= f.image.width, r.y + r.height <= f.image.height else { return nil }
        return (ValueCompare.resample(f.image, r, r.width, r.height), r)
    }

    /// How the live field's text (in the screenshot `shot`) disagrees with the video's (`video`):
    /// mismatched ink pixels and the ink, as `ValueCompare.mismatch` counts them.
    /// `pointer`: the video's resting pointer's box in the crop, left out as `mismatch` does.
    /// `fontSize` (CSS pixels): when known, bars of a caret's height (the caret, a resting I-beam
    /// the last step's point does not place) are left out of both sides (`ValueCompare.erasingBars`).
    func fieldInk(_ area: (x: Double, y: Double, width: Double, height: Double), shot: Image,
                  video: (gray: [Double], size: PixelRect), pointer: PixelRect? = nil, fontSize: Double? = nil) -> (error: Int, ink: Int)? {
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(area.x * k), y: Int(area.y * k), width: Int(area.width * k), height: Int(area.height * k))
        guard live.x >= 0, live.y >= 0, live.maxX <= shot.width, live.y + live.height <= shot.height else { return nil }
        let w = video.size.width, h = video.size.height
        var l = ValueCompare.binarise(ValueCompare.resample(shot, live, w, h), width: w, height: h)
        var v = ValueCompare.binarise(video.gray, width: w, height: h)
        let run = ValueCompare.caretMinRun(fontSize: fontSize, scale: dpr)
        if run > 0 {
            let serif = Int((Self.iBeamSerif * dpr).rounded(.up))
            l = ValueCompare.erasingBars(l, minRun: run, serif: serif)
            v = ValueCompare.erasingBars(v, minRun: run, serif: serif)
        }
        return ValueCompare.mismatch(l, v, pointer: pointer)
    }

    /// Whether a live field's text looks unlike the video's: no match (`ValueCompare.matches`), or,
    /// for a short value, a glyph's worth of its ink off (a digit for another: "1" against "3" is
    /// fewer pixels than a caret's tolerance, but a third of the ink).
    static func fieldUnlike(_ s: (error: Int, ink: Int)) -> Bool {
        !ValueCompare.matches(s.error, ink: s.ink) || s.error >= shortValueError && Double(s.error) > shortValueShare * Double(max(1, s.ink))
    }
    static let shortValueError = 12, shortValueShare = 0.25
    /// How far (CSS pixels) an I-beam's serifs reach either side of its stem.
    static let iBeamSerif = 3.0

    /// Whether a value typed live into a field is kept: the field then renders as the video's does
    /// (`ValueCompare.matches`), or clearly more like it than before and itself alike
    /// (`ValueCompare.clearlyBetter`, `looksAlike`).
    static func typedFieldKept(before: (error: Int, ink: Int), after: (error: Int, ink: Int)) -> Bool {
        if ValueCompare.matches(after.error, ink: after.ink) { return true }
        return ValueCompare.clearlyBetter(after.error, than: before.error, ink: max(before.ink, after.ink))
            && Double(after.error) / Double(max(1, after.ink)) <= ValueCompare.looksAlike
    }

    /// The fewest letters of a reading that, found inside an empty field's placeholder, make it part of it.
    static let placeholderPartMin = 5

    /// A reading of a video's field made a value to type: whitespace normalised, the text caret
    /// and bars dropped (`readingKey`); for a number field only a number. Nil when nothing is left,
    /// or when it is what the field holds already, or its placeholder (or, the field empty, a part of
    /// it: the crop or the pointer cut it).
    static func fieldReading(_ text: String, type: String, current: String, placeholder: String) -> String? {
        // (A date field: only a whole date, GapSearch+DateFields.swift.)
        if type == "date" { return dateFieldReading(text, current: current) }
        var v = readingKey(text)
        if type == "number" {
            // (O and l read for 0 and 1 beside digits.)
            let mapped = String(v.map { $0 == "O" || $0 == "o" ? "0" : ($0 == "l" || $0 == "I" || $0 == "|" ? "1" : $0) })
            guard mapped.wholeMatch(of: /-?[0-9]+([.,][0-9]+)?/) != nil else { return nil }
            v = mapped.replacingOccurrences(of: ",", with: ".")
        }
        guard !v.isEmpty, v != current, norm(v) != norm(placeholder) else { return nil }
        // Part of what an empty field draws (its placeholder or floating label, cut by the crop or
        // the pointer) is no typed text either.
        if current.isEmpty, norm(v).count >= Self.placeholderPartMin, norm(placeholder).contains(norm(v)) { return nil }
        // A lone bar in a field that held nothing is its text caret.
        if current.isEmpty, type != "number", v.count == 1, "Il|1!".contains(v) { return nil }
        return v
    }

    /// Reconciles the live text fields with the video before step `i` (the recording's end when
    /// `i` is the number of actions): see the type's comment. Inserts a `fill` step per field kept.
    /// `typedBy` (the gap search's moment, GapSearch+FieldsFirst.swift): only typing the video
    /// shows done by then is inserted; a field whose typing is dated later gets its old value back.
    mutating func reconcileFields(_ i: Int, typedBy: Double? = nil) async throws {
        guard i > 0, i <= timeline.actions.count, stoppedAt == nil, options.reader != nil else { return }
        let duration = timeline.source?.duration ?? .infinity
        let tA = max(0, timeline.actions[i - 1].time - 0.2)
        let tB = i < timeline.actions.count ? max(0, timeline.actions[i].time - 0.2) : duration - 0.1
        guard tB.isFinite, tB > tA + 0.3 else { return }
        let fields = try await liveFields()
        guard !fields.isEmpty else { return }
        // The fields the steps around act on are left to them: the next step's own (its typing may
        // be read late), and the one the previous step typed into (its value was compared already)
        // — unless that is a number field, whose values are not compared by ink (`compareValue`
        // leaves sanitised types to the browser): its reading is corrected here instead.
        func near(_ p: Point?, _ f: LiveField) -> Bool {
            guard let p else { return false }
            return p.x >= f.box.x - 4 && p.x <= f.box.x + f.box.width + 4 && p.y >= f.box.y - 4 && p.y <= f.box.y + f.box.height + 4
        }
        // (A fill read without a point is placed by its box.)
        let nextPoint = i < timeline.actions.count ? Self.points(for: timeline.actions[i]).first : nil
        // A key pressed in a field that holds no text live types none into it: the typing before
        // the key was missed, and the field is reconciled before it (contacts-search-escape-darkcursor's
        // search "da", read as the Enter after it). One that holds text is left to the key: typed
        // back, it would lose what the keys act on (docs-search-arrows' highlighted result).
        let nextPress = i < timeline.actions.count && timeline.actions[i].kind == .press
        let lastFill = out.last.flatMap { $0.kind == .fill ? $0.target?.point : nil }
        let shot = try decodePNG(try await browser.screenshot())
        // Only a page that as a whole looks like the video's there: fields differ in small areas,
        // while another step of a wizard (its fields where the video shows a list) does not.
        guard let vp = timeline.viewport, let frame = frames.nearest(tB) else { return }
        let k = frames.scale
        let pageLike = Similarity.compare(shot, nil, frame, PixelRect(x: Int(Double(vp.x) * k), y: Int(Double(vp.y) * k),
                                                                       width: Int(Double(vp.width) * k), height: Int(Double(vp.height) * k)))
        // A page unlike the video's may be the typing's own effect (a search field filtering the
        // list below it): its fields are still reconciled, and a value is kept only when typing it
        // brings the page clearly nearer the video (GapSearch+FieldsPage.swift).
        let pageRect = PixelRect(x: Int(Double(vp.x) * k), y: Int(Double(vp.y) * k), width: Int(Double(vp.width) * k), height: Int(Double(vp.height) * k))
        let pageUnlike = pageLike < Self.fieldsPageLike
        if pageUnlike { debug("live: before step \(i + 1), the page looks \(Self.f2(pageLike)) like the video: a field is kept only where typing it explains the page") }
        // The pointer the last pointer step left over a field: out of the compare, and read both
        // with and without it (GapSearch+FieldPointer.swift).
        let resting = restingPointerAfterLastStep(before: i)
        var unlike: [(field: LiveField, video: (gray: [Double], size: PixelRect), score: (error: Int, ink: Int))] = []
        // A field the last step clicked into is reconciled though the next step's point lies in it,
        // unless that step types (GapSearch+ClickedField.swift).
        let nextKind = i < timeline.actions.count ? timeline.actions[i].kind : nil
        // The field the next step fills is compared too (GapSearch+ReplacedTyping.swift).
        func nextFills(_ f: LiveField) -> Bool { nextKind == .fill && near(nextPoint, f) }
        // (A number field the next key leaves as it is — Enter, Tab, Escape — is compared: GapSearch+DateFields.swift.)
        let nextKeepsNumber = nextPress && Self.keyKeepsNumber(timeline.actions[i].value?.text)
        for f in fields where (!near(nextPoint, f) || nextPress && f.value.isEmpty || nextKeepsNumber && f.type == "number"
                               || Self.clickedFieldReconciled(clickedInto: lastClickedInto(f.box), next: nextKind)
                               || nextFills(f))
            && (!near(lastFill, f) || f.type == "number") {
            guard let video = videoFieldGray(f.text, at: tB),
                  let s = fieldInk(f.text, shot: shot, video: video, pointer: resting.flatMap { pointerBox($0, in: video.size) }, fontSize: f.fontSize) else { continue }
            debug("live: before step \(i + 1), the field \"\(f.value)\" at \(Int(f.box.x)),\(Int(f.box.y)) renders \(s.error) ink pixels off the video's (\(s.ink) ink)")
            if Self.fieldUnlike(s) || f.type == "number" && numberUnlike(f, shot: shot, video: video, error: s.error) {
                unlike.append((f, video, s))
            } else if try await numberReadsOtherwise(f, error: s.error, at: tB) {   // GapSearch+NumberReading.swift
                unlike.append((f, video, s))
            }
        }
        guard !unlike.isEmpty else { return }
        // (The next fill's own field is not counted: GapSearch+ReplacedTyping.swift.)
        guard unlike.filter({ !nextFills($0.field) }).count <= Self.maxFieldMismatches else {
            debug("live: before step \(i + 1), \(unlike.count) text fields unlike the video: a form laid out or filled otherwise, none typed")
            return
        }
        for u in unlike {
            let f = u.field
            let pbox = resting.flatMap { pointerBox($0, in: u.video.size) }
            let reading = try await rereadField(f.box, text: f.text, times: [tB]).first?.text
            var values = reading.flatMap { Self.fieldReading($0, type: f.type, current: f.value, placeholder: f.placeholder) }.map { [$0] } ?? []
            // (The field read again with the resting pointer painted over: an I-beam beside the
            // text reads as letters; over the text it hides some, so both readings are rendered.)
            if let p = resting, pbox != nil, let masked = try await rereadField(f.box, text: f.text, times: [tB], pointer: p).first?.text,
               let v = Self.fieldReading(masked, type: f.type, current: f.value, placeholder: f.placeholder), !values.contains(v) {
                debug("live: before step \(i + 1), the field read with the pointer painted over: \"\(masked)\"")
                values.append(v)
            }
            // (A date read without its year — the year drawn selected where the typing left the
            // focus: the years around this one, each rendered, as the value compare does.
            // GapSearch+DateFields.swift.)
            if values.isEmpty, f.type == "date", let r = reading {
                values = Self.yearlessDateCandidates(r, current: f.value, year: Calendar(identifier: .gregorian).component(.year, from: Date()))
                debug("live: before step \(i + 1), the date field reads \"\(r)\": \(values.count) dates with the years around rendered")
            }
            // (A number field the reader gives no number for: each number of its range, rendered.)
            let ranged = values.isEmpty
            if values.isEmpty, let r = f.range, r.count <= Self.numberCandidates { values = r.map(String.init).filter { $0 != f.value } }
            // (A one-glyph reading: each letter and digit as well; the next fill's own field: only
            // other text it replaced, read there. GapSearch+ReplacedTyping.swift.)
            values = Self.fieldCandidates(values, type: f.type, current: f.value, ranged: ranged,
                                          nextFill: nextFills(f) ? timeline.actions[i].value?.text : nil)
            guard !values.isEmpty else { continue }
            // Typing a step ahead performs anyway (the analysis dated it late, or read it off
            // another element): not inserted twice (GapSearch+FieldPointer.swift).
            if let ahead = upcomingFill(after: i, matching: values, until: tB + Self.aheadFillSeconds,
                                         elsewhere: fields.filter { $0.element != f.element }.map(\.box)) {
                debug("live: before step \(i + 1), the field's reading \"\(ahead)\" is typed by a step ahead: not inserted")
                continue
            }
            let focused = try await browser.execute("var a = document.activeElement; return a && a !== document.body ? a : null;", [])
            let fieldFocused = try await browser.execute("return arguments[0] === arguments[1];", [focused, JSONValue(element: f.element)]).bool == true
            _ = try await browser.execute("arguments[0].style.caretColor = 'transparent'; return true;", [JSONValue(element: f.element)])
            var best: (value: String, score: (error: Int, ink: Int), left: Bool)?
            // (A date is rendered as typed and as left: GapSearch+DateFields.swift.)
            let looks = Self.typedLooks(f.type)
            typing: for v in values {
                for left in looks {
                    try await typeIntoField(v, f, left: left)
                    _ = try await settle()
                    let after = try await areaShot(f.text)
                    if let s = fieldInk(f.text, shot: after, video: u.video, pointer: pbox, fontSize: f.fontSize), best == nil || s.error < best!.score.error { best = (v, s, left) }
                    // (No rendering beats one that matches the video's to the pixel: the first such stays.)
                    if best?.score.error == 0 { break typing }
                }
            }
            if let b = best, b.value != values.last || b.left != looks.last { try await typeIntoField(b.value, f, left: b.left) }
            let value = best?.value ?? values[0]
            let s1 = best?.score
            _ = try await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: f.element)])
            // (A field only the number rule found unlike may already be within the match threshold:
            // its replacement must render clearly better, not merely less unlike.)
            let numberOnly = !Self.fieldUnlike(u.score)
            let kept = s1.map { Self.typedFieldKept(before: u.score, after: $0)
                && (!numberOnly || Self.numberValueKept(before: u.score, after: $0)) } ?? false
            var explains = true
            if pageUnlike { explains = try await typingExplainsPage(i, before: pageLike, frame: frame, rect: pageRect) }
            debug("live: before step \(i + 1), the field \"\(f.value)\" renders \(u.score.error) ink pixels off the video's (\(u.score.ink) ink); typed as read there, \"\(value)\": \(s1.map { String($0.error) } ?? "-")")
            if typedBy == nil, explains, kept, let s1, near(lastFill, f), var last = out.last, last.kind == .fill {
                // The number the previous step typed, read wrong: corrected in place.
                last.grounding?.corrections.append("value \"\(last.value?.text ?? "")\" → \"\(value)\": the video's field reads so before the next step, and typed it renders as the video's (\(s1.error) ink pixels off against \(u.score.error))")
                if last.grounding?.status == .verified { last.grounding?.status = .corrected; counts.verified -= 1; counts.corrected += 1 }
                last.value = .text(value)
                out[out.count - 1] = last
                continue
            }
            // When: where the video's field first looks as it does before the step.
            var t = (tA + tB) / 2
            if let r = videoRect(f.text), let fA = frames.nearest(tA), let fB = frames.nearest(tB) {
                for fr in frames.frames where fr.time > tA && fr.time <= tB + 1e-6 && Self.videoLean(r, fr.image, fA, fB) > 0.5 {
                    t = max(tA, fr.time - 0.5)
                    break
                }
            }
            if let last = out.last { t = max(t, last.time + 0.01) }
            var inTime = typedBy.map { t <= $0 } ?? true
            // (A short value in a wide field: typed by the moment when the field leans to its new
            // look there, GapSearch+TypedByMoment.swift.)
            if !inTime, let by = typedBy, let early = typedByMoment(f.text, from: tA, to: tB, moment: by) {
                debug("live: before step \(i + 1), the field leans to its new look by the gap's moment: its typing is dated \(Self.f2(early)) s (\(Self.f2(t)) s by its whole look)")
                t = max(early, (out.last?.time ?? early) + 0.01)
                inTime = t <= by
            }
            if !inTime { debug("live: before step \(i + 1), the field's typing is dated \(Self.f2(t)) s, after the gap's moment: left to the step boundary") }
            if explains, kept, inTime, let s1,
               let id = try await page.identify(x: f.box.x + f.box.width / 2, y: f.box.y + f.box.height / 2), id.isTextField {
                let centre = Point(x: f.box.x + f.box.width / 2, y: f.box.y + f.box.height / 2)
                var fill = Action(kind: .fill, time: t, endTime: min(tB, t + 0.5), target: Target(point: centre), value: .text(value), confidence: 0.5)
                _ = correctTarget(&fill, id)
                fill.target?.point = centre
                fill.grounding?.status = .corrected
                fill.grounding?.corrections = ["inserted: the video's field shows \"\(value)\" here (\(ranged ? "the best of the number field's range, each rendered" : "read there")) while the live one held \"\(f.value)\" (\(u.score.error) ink pixels off); typed, it renders as the video's (\(s1.error) off)"]
                fill.grounding?.similarity = try await similarity(at: tB).map { ($0 * 1000).rounded() / 1000 }
                // A fill of the held text before it, retyped here after keys (LiveGrounder+HeldTextFill.swift).
                try await dropHeldTextFill(before: f.element, number: f.type == "number")
                // A number stepped with arrow keys (LiveGrounder+SteppedNumber.swift).
                if let keys = try await steppedNumberKeys(fill, f.element, prior: f.value, focusedBefore: fieldFocused, box: f.box) {
                    out += keys; counts.corrected += keys.count
                    continue
                }
                _ = absorbFocusingClicks(&fill, box: f.box)   // GapSearch+ClickedField.swift
                out.append(fill); counts.corrected += 1
                continue
            }
            // Not what the video shows: the old value back, the focus where it was.
            let state1 = try await page.state()
            try await type(f.value, f.element)
            if let el = focused.element {
                _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: el)])
            } else {
                _ = try await browser.execute("if (document.activeElement) document.activeElement.blur(); return true;", [])
            }
            _ = try await settle(from: state1)
        }
    }
}

extension LiveGrounder {
    /// The moments the live text fields are reconciled with the video at (`Run.reconcileFields`):
    /// just before each step after the first, and the recording's end — where full-size frames
    /// are needed to read a field.
    public static func boundaryTimes(for timeline: ActionTimeline) -> [Double] {
        let duration = timeline.source?.duration ?? .infinity
        var times = timeline.actions.dropFirst().map { max(0, $0.time - 0.2) }
        if duration.isFinite { times.append(max(0, duration - 0.1)) }
        return times.map { min($0, duration.isFinite ? duration - 0.05 : $0) }
    }
}
