// Typing for `SegmentAnalyst`: the keystroke run going into one field (`TypingRun`), finding the
// field or text line a keystroke went into, keeping the clearest frame of the typed text, and
// ending the run by reading the field's final value, label and placeholder into a typing
// observation.

import Foundation
import ScreenCore

/// Keystrokes going into one field.
struct TypingRun {
    var field: PixelRect
    var start: Double
    var last: Double
    var keys: Int
    /// The plate before the first keystroke (for the label), and the frame itself (for the placeholder).
    var before: Image
    var beforeFrame: Image?
    /// The best frame so far to read the final value from, and its score (lower is better).
    var best: Image?
    var bestScore = Int.max
    /// Where the pointer was (and its pixels) when `best` was taken.
    var bestPointer: PixelRect?
    var bestMask: [Bool]?
    /// Where the pointer was when the first keystroke came.
    var startPointer: PixelRect?
    /// The frame after the latest keystroke and where the pointer was in it.
    var keyFrame: Image?
    var keyPointer: PixelRect?
    var label: String?
    var placeholder: String?
    /// The rightmost pixel any keystroke touched (typed text never reaches past it).
    var inkRight: Int
    /// Whether the first keystroke wiped a wide area (a placeholder disappearing).
    var wipedPlaceholder: Bool
    /// The tallest keystroke change so far (the typed line's height).
    var lineHeight = 0
}

extension SegmentAnalyst {
    // MARK: keystrokes

    func noteKeystroke(field: PixelRect, event e: ChangeEvent, after: Image) async throws {
        let right = e.boxes.map(\.maxX).max() ?? e.union.maxX
        // The pointer hidden while keys were typed shows again over the typed text: no keystroke.
        if let run = typing, run.field == field, tracker.seen, tracker.fix == nil, Self.pointerShowsAgain(e.union, run: run) {
            let (fix, mask) = Self.showingPointer(e.union, before: e.before, after: after)
            pointerShown(fix, silhouette: mask)
            Debug.log("seg \(span.index) the hidden pointer shows again at \(e.union) over the typed text: no keystroke")
            return
        }
        defer {
            if typing != nil, pointerHidByKeystroke(e, after: after, field: field) {
                Debug.log("seg \(span.index) the pointer \(tracker.fix.map { "\($0.box)" } ?? "-") is no longer drawn once keys are typed")
                letPointerGo()
                typing?.bestPointer = nil; typing?.bestMask = nil; typing?.keyPointer = nil
            }
        }
        // Typing moved on to another field (Tab, or focus moved by the page): the first one's value is final.
        if let run = typing, run.field != field, run.field.intersection(field).isEmpty {
            try await flushTyping(settled: after)
            // The hand never left the keyboard (the pointer, seen, has not moved since the typing
            // began): the focus moved with Tab.
            if tracker.seen, tracker.lastMove < run.start, span.owns(e.start) {
                let t = (run.last + e.start) / 2
                observations.append(Observation(kind: .press, time: t, endTime: t, segment: span.index, box: run.field, role: .textbox,
                                                label: run.label, placeholder: run.placeholder, value: .text("Tab"),
                                                confidence: 0.6, evidence: [run.last, e.start]))
            }
        }
        // The field's own frame redrawn after some typing (an editor closing into the button that
        // opened it, a composer dismissed): no keystroke — the value is what the field showed
        // before, and the field is gone.
        if let run = typing, run.field == field, run.keys >= 2, Self.frameRedrawn(field, before: e.before, after: after) {
            Debug.log("seg \(span.index) the typed field \(field)'s frame was redrawn: typing ends before it")
            try await typedFieldClosed(run, area: e.union, event: e, after: after, time: e.lastChange)
            return
        }
        if var run = typing, run.field == field {
            run.last = e.lastChange; run.keys += 1; run.best = after; run.bestScore = Int.max
            run.bestPointer = tracker.fix?.box; run.bestMask = tracker.silhouette
            run.keyFrame = after; run.keyPointer = tracker.fix?.box
            run.inkRight = max(run.inkRight, right)
            run.lineHeight = max(run.lineHeight, e.union.height)
            typing = run
        } else {
            let wide = e.union.width >= e.union.height * 3
            typing = TypingRun(field: field, start: e.start, last: e.lastChange, keys: 1, before: e.plate, beforeFrame: e.before, best: after,
                               bestPointer: tracker.fix?.box, bestMask: tracker.silhouette, startPointer: tracker.fix?.box, keyFrame: after, keyPointer: tracker.fix?.box, inkRight: right, wipedPlaceholder: wide,
                               lineHeight: e.union.height)
        }
    }

    /// Ends the keystroke run: reads the field's final value, label and placeholder. `settled` is
    /// a frame after the focus left the field (Tab, a click elsewhere), when there is one.
    func flushTyping(settled: Image? = nil) async throws {
        guard let run = typing else { return }
        typing = nil
        guard span.owns(run.last) || span.owns(run.start) else { return }
        var mask = run.bestMask
        // No measured silhouette: a pointer resting where it was when typing began shows itself as
        // what the frame before the first keystroke has and the pointer-free plate has not.
        if mask == nil, let p = run.bestPointer, p == run.startPointer, let bf = run.beforeFrame {
            var m = [Bool](repeating: false, count: p.area)
            for y in p.y..<p.maxY where y >= 0 && y < bf.height {
                for x in p.x..<p.maxX where x >= 0 && x < bf.width {
                    m[(y - p.y) * p.width + x - p.x] = abs(Int(bf.luma(x: x, y: y)) - Int(run.before.luma(x: x, y: y))) > 30
                }
            }
            let n = m.filter { $0 }.count
            if n >= 8, n * 10 <= p.area * 7 { mask = m }
        }
        Debug.log("seg \(span.index) typing pointer start \(run.startPointer.map { "\($0)" } ?? "-") best \(run.bestPointer.map { "\($0)" } ?? "-") mask \(mask != nil) before \(run.beforeFrame != nil)")
        // The pointer moved a little after the last keystroke: where it covers the text in the best
        // frame, the frame after the last keystroke (pointer elsewhere, text complete) shows it.
        var best = run.best
        if let b = best, let bp = run.bestPointer?.expanded(1, 1), let k = run.keyFrame, let kp = run.keyPointer,
           bp.intersection(kp.expanded(1, 1)).isEmpty, bp.intersection(run.field).area > 0 {
            var patched = b
            let r = bp.intersection(PixelRect(x: 0, y: 0, width: min(b.width, k.width), height: min(b.height, k.height)))
            for y in r.y..<r.maxY { for x in r.x..<r.maxX { patched.pixels[y * patched.bytesPerRow + x] = k.pixels[y * k.bytesPerRow + x] } }
            best = patched
            mask = nil
            Debug.log("seg \(span.index) typed value: pointer at \(bp) patched from the last keystroke's frame")
        }
        let frame = best.map { erasingPointer($0, at: run.bestPointer, mask: mask, typedOver: true) } ?? erasingPointer(run.before)
        // Typed text lies left of the last keystroke's right edge: a resting pointer further right is not text.
        let textArea = PixelRect(x: run.field.x, y: run.field.y, width: min(run.field.width, run.inkRight + 6 - run.field.x),
                                 height: run.field.height)
        var value = try await tools.readField(textArea, in: frame)
        let read = value
        Debug.log("seg \(span.index) typing run \(run.field) \(String(format: "%.2f-%.2f", run.start, run.last)): \(run.keys) keystroke changes, read \(value ?? "nil")")
        let band = InkAnalysis.textBand(in: frame, region: textArea.insetBy(3))
        let masked = band.map { InkAnalysis.looksMasked(frame, band: $0) } ?? false
        // A "keystroke" or two after which the field shows only light grey text: the field was
        // emptied (a submit) and its placeholder came back, or the caret blinked. Nothing was typed.
        if run.keys <= 2, (value?.count ?? 0) <= 3, let b = band, (Self.medianInk(frame.cropped(to: b)) ?? 255) > 120 {
            Debug.log("seg \(span.index) keystroke run at \(run.field) ends on a placeholder: no fill")
            return
        }
        // A date input shows its value as month/day/year and selects the part being typed (which
        // OCR misreads); once focus has left it, the whole date shows plainly. Its value is the ISO
        // date. (It is known by its empty look: a "mm/dd/yyyy" mask before the first keystroke.)
        if let s = settled, !masked,
           let shown = try await tools.readField(run.field, in: erasingPointer(s, at: tracker.fix?.box, mask: tracker.silhouette, typedOver: true)),
           case _ = Debug.log("seg \(span.index) field \(run.field) once left shows \(shown)"),
           let iso = Self.isoDate(shown),
           let empty = try await tools.readField(run.field, in: run.before), Self.showsDateMask(empty) {
            Debug.log("seg \(span.index) date input \(run.field) shows \(shown) once left: \(iso)")
            value = iso
        } else if !masked, let v = value, let iso = Self.isoDate(v),
                  let empty = try await tools.readField(run.field, in: run.before), Self.showsDateMask(empty) {
            // Read whole at the end of typing (its selected part made readable): the same ISO date.
            Debug.log("seg \(span.index) date input \(run.field) shows \(v) after typing: \(iso)")
            value = iso
        }
        // The pointer rested on the typed text (its pixels painted out of the frame read): the
        // words under it that nearly are words the field held before typing began are those.
        var prior = ""
        // What it held: the text of what was clicked there just before (a cell double-clicked
        // into an editor, read from a clear view) and the field as it looked before the first
        // keystroke.
        if !masked, mask != nil, let v = value, let b = band, let p = run.bestPointer, p.intersection(b).area > 0 {
            let clicked = observations.filter { ($0.kind == .click || $0.kind == .dblclick) && $0.time <= run.start && $0.time >= run.start - 3
                && ($0.box.map { $0.intersection(run.field).area > 0 } ?? false) }.compactMap(\.text)
            let before = (Self.medianInk(run.before.cropped(to: b)) ?? 255) <= 120 ? try await tools.readField(run.field, in: run.before) : nil
            prior = (clicked + [before].compactMap { $0 }).joined(separator: " ")
            Debug.log("seg \(span.index) typed value \(v) read with the pointer \(p) on it; the field held \(prior)")
        }
        if let v = value, let b = band, let p = run.bestPointer, !prior.isEmpty,
           let kept = Self.withPriorWordsUnderPointer(v, prior: prior, text: b, pointer: p) {
            Debug.log("seg \(span.index) typed value \(v) under the pointer \(p) keeps the old words of \(prior): \(kept)")
            value = kept
        }
        if let v = value, case let r = Self.repairedValue(v), r != v {
            Debug.log("seg \(span.index) typed value \(v) repaired to \(r)")
            value = r
        }
        var label = try await labelFor(field: run.field, in: run.before)
        // A label floating inside the field above its value is the field's own (what is above the
        // field is then a heading or another field).
        if let l = try await floatingLabel(of: run.field, in: frame) {
            Debug.log("seg \(span.index) field \(run.field) has the floating label \(l) (read above: \(label ?? "-"))")
            label = l
        }
        // A placeholder under a pointer that was already resting when the segment began cannot be
        // read cleanly: leave it to the readings of other segments.
        let obscured = !tracker.plateIsClean && (tracker.fix.map { $0.box.intersection(textArea).area > 0 } ?? false)
        var placeholder = run.wipedPlaceholder && !obscured ? try await placeholderIn(field: textArea, frame: run.before) : nil
        // A field with no label is known by its placeholder: the light text it showed before the
        // first keystroke, even when that keystroke changed too little to count as wiping it.
        if label == nil, placeholder == nil, !obscured { placeholder = try await placeholderIn(field: run.field, frame: run.before) }
        // Still nameless: its label may stand further left (a settings form's label column).
        if label == nil, placeholder == nil, !obscured {
            label = try await labelFor(field: run.field, in: run.before, reach: Self.farLabelReach)
            if let l = label { Debug.log("seg \(span.index) field \(run.field) shows no placeholder: label \(l) read further left") }
        }
        // A "placeholder" that starts the typed value is its first letters, already on screen in
        // the frame read as before the first keystroke (a browser that paints faster), not a hint.
        // (The value as read, before the field's old words were put back into it, starts with
        // the same misread letters.)
        if let p = placeholder, !p.isEmpty, [value, read].contains(where: { $0?.hasPrefix(p) ?? false }) {
            Debug.log("seg \(span.index) placeholder \(p) is the start of the value \(read ?? value ?? ""): dropped")
            placeholder = nil
        }
        let secret = masked || (label ?? "").lowercased().contains("password")
        if secret { value = nil }
        observations.append(Observation(kind: .typing, time: run.start, endTime: run.last, segment: span.index,
                                        box: run.field, role: .textbox, label: label, placeholder: placeholder,
                                        value: value.map { .text($0) } ?? (secret ? nil : .text("")), secret: secret,
                                        confidence: value == nil && !secret ? 0.3 : 0.8, evidence: [run.start, run.last]))
    }

    /// The ISO date (`YYYY-MM-DD`) a date input's month/day/year text shows, or nil. (Its
    /// calendar button reads as a mark or two after it.)
    static func isoDate(_ shown: String) -> String? {
        let t = Array(shown.replacingOccurrences(of: " ", with: ""))
        let digit = { (c: Character) in c.isASCII && c.isNumber }
        guard t.count >= 10 else { return nil }
        for i in 0...(t.count - 10) {
            let w = t[i..<(i + 10)]
            let shape = w.enumerated().allSatisfy { k, c in k == 2 || k == 5 ? c == "/" : digit(c) }
            guard shape, i == 0 || !digit(t[i - 1]), i + 10 == t.count || !digit(t[i + 10]) else { continue }
            let s = String(w)
            guard let m = Int(s.prefix(2)), let d = Int(s.dropFirst(3).prefix(2)), (1...12).contains(m), (1...31).contains(d) else { return nil }
            return "\(s.suffix(4))-\(s.prefix(2))-\(s.dropFirst(3).prefix(2))"
        }
        return nil
    }

    /// The label floating inside a field above its value (`InkAnalysis.lineBelowFloatingLabel`),
    /// read; nil when there is none or it reads as no plausible label.
    func floatingLabel(of field: PixelRect, in frame: Image) async throws -> String? {
        let inner = field.insetBy(3)
        guard let band = InkAnalysis.textBand(in: frame, region: inner),
              let value = InkAnalysis.lineBelowFloatingLabel(in: frame, band: band, field: field) else { return nil }
        let line = PixelRect(x: band.x, y: band.y, width: band.width, height: value.y - band.y)
        guard line.height >= 6,
              let t = try await TextRegions.readLineScored(InkAnalysis.leadingRun(of: line, in: frame), in: frame, reader: reader),
              Self.plausibleLabel(t.text, confidence: t.confidence) else { return nil }
        return t.text
    }

    /// Whether a field's frame (a 4-pixel ring around its edge) changed between two frames over a
    /// quarter of its pixels or more: keystrokes change the text inside, not the field's outline.
    static func frameRedrawn(_ field: PixelRect, before: Image, after: Image) -> Bool {
        let outer = field.expanded(2, 2).intersection(PixelRect(x: 0, y: 0, width: min(before.width, after.width), height: min(before.height, after.height)))
        let inner = field.insetBy(2)
        guard outer.width > 8, outer.height > 8 else { return false }
        var n = 0, changed = 0
        for y in outer.y..<outer.maxY {
            for x in outer.x..<outer.maxX where !inner.contains(PixelPoint(x: x, y: y)) {
                n += 1
                if abs(Int(before.luma(x: x, y: y)) - Int(after.luma(x: x, y: y))) > 40 { changed += 1 }
            }
        }
        return n > 0 && changed * 4 >= n
    }

    /// A typed value with the slips OCR makes in it undone where the value's own shape says so:
    /// an e-mail address (one "@", no space before it) has no spaces in its domain — a dot read
    /// as a space ("kofi@mensah gh"); a first word that starts with a lower-case "l" followed by
    /// lower-case letters, before words that all start with a capital, starts with a capital I
    /// ("llse Berg", "lan Smith": sans-serif I and l are one shape; "Tablet layout" stays).
    static func repairedValue(_ value: String) -> String {
        var v = value
        let parts = v.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, !parts[0].contains(" "), parts[1].contains(" ") {
            let domain = parts[1].split(separator: " ").joined(separator: ".")
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            let dnsLetter = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-") }
            if labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(dnsLetter) }),
               labels.last!.allSatisfy(\.isLetter) {
                v = String(parts[0]) + "@" + domain
            }
        }
        var words = v.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let lettered = words.indices.filter { words[$0].contains(where: \.isLetter) }
        for i in lettered.prefix(1) {
            let w = Array(words[i])
            guard w.count >= 3, w[0] == "l", w.dropFirst().allSatisfy({ $0.isLetter && $0.isLowercase }) else { continue }
            let others = lettered.filter { $0 != i }
            guard !others.isEmpty, others.allSatisfy({ words[$0].first.map { $0.isUppercase } ?? false }) else { continue }
            words[i] = "I" + String(w.dropFirst())
        }
        return words.joined(separator: " ")
    }

    /// Whether a field's text is an empty date input's mask ("mm/dd/yyyy", a part of it selected
    /// and misread): the year's four letters, or month and day.
    static func showsDateMask(_ text: String) -> Bool {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        return t.contains("yyyy") || t.contains("mm/dd") || t.contains("dd/yy")
    }

    /// A frame where nothing but (maybe) the pointer changed: a chance to see the typed value clearly.
    func noteQuietFrame(_ image: Image, time: Double) {
        guard var run = typing, frameIndex % 2 == 0 else { return }
        let area = PixelRect(x: run.field.x, y: run.field.y, width: min(run.field.width, run.inkRight + 6 - run.field.x),
                             height: run.field.height)
        let over = tracker.fix.map { $0.box.intersection(area).area > 0 } ?? false
        let ink = InkAnalysis.inkCount(in: image, region: area.insetBy(3), background: 255)
        let score = (over ? 1_000_000 : 0) + ink
        if score <= run.bestScore {
            run.best = image; run.bestScore = score; run.bestPointer = tracker.fix?.box; run.bestMask = tracker.silhouette
        }
        typing = run
    }

    /// The text field around a change (a keystroke), when the change sits in a field-shaped box.
    func fieldAround(_ box: PixelRect, in image: Image) -> PixelRect? {
        let probe = PixelPoint(x: max(box.x - 3, layout.viewport.x + 1), y: box.center.y)
        guard let el = ElementFinder.element(at: probe, in: image, bounds: layout.viewport, avoid: tracker.fix?.box),
              el.shape == .field || el.shape == .box, el.box.height <= 90, el.box.contains(box.center) else { return nil }
        return el.box
    }

    /// The line a keystroke typed into, when `change` is one glyph-sized mark on the text line (or
    /// inside the field) under the pointer at `h`: that element grown to hold the change.
    static func typedLine(at h: PixelPoint, change: PixelRect, plate: Image, after: Image, bounds: PixelRect,
                          avoid: PixelRect?) -> PixelRect? {
        // One glyph, or the first keystroke wiping a placeholder off the line.
        guard change.height >= 6, change.height <= 30 else { return nil }
        if let el = ElementFinder.element(at: PixelPoint(x: max(change.x - 3, bounds.x + 1), y: change.center.y), in: after,
                                          bounds: bounds, avoid: avoid),
           el.shape == .field, el.box.height <= 90, el.box.contains(change.center) {
            return el.box
        }
        guard let el = ElementFinder.element(at: h, in: plate, bounds: bounds, avoid: avoid),
              el.shape == .text || el.shape == .field, el.box.width >= max(change.width * 2, 120),
              el.box.expanded(4, 14).intersection(change) == change else { return nil }
        return el.box.union(change).expanded(2, 4)
    }
}
