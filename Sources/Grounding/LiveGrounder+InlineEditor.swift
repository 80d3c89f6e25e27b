import Browser
import Foundation
import ScreenCore

/// How an inline edit ended. A text field outside a form that opened in place of something (a
/// card's title turned into a field by a double click) closes on Enter — the value typed is kept —
/// or on Escape — the old text comes back. The analysis reads the key from a glimpse of the
/// keyboard's effect and may take one for the other; the video says which it was: after the key,
/// the field's place shows either the old text as before the editor opened (cancelled) or
/// something else (the new text kept). Neither key can be taken back live, so the decision is made
/// from the video before the key is pressed: first by the text read at the field's place after the
/// key (the typed value = Enter, an old text = Escape: `ClosingKey`, the judgement the offline
/// analysis writes the key by), else by the place's ink against before the editor opened.
extension Run {
    /// The field a fill typed into: its step's index in `out`, and the value it held before.
    struct EditedField: Equatable {
        var index: Int
        var prior: String
    }

    /// The key that ended the inline edit at step `i` (a press of `key`, Enter or Escape, read
    /// right after a fill that changed the focused field's value), when the video says it was the
    /// other one (`editEnding`). Nil: the key read stands (or the case does not apply).
    func inlineEditEnding(_ i: Int, _ a: Action, key: Key) async throws -> (key: Key, why: String)? {
        guard key == .enter || key == .escape, let edit = editedField, edit.index == out.count - 1,
              let fill = out.last, fill.kind == .fill, !fill.secret, let typed = fill.value?.text,
              Self.norm(typed) != Self.norm(edit.prior) else { return nil }
        let k = try await page.keyTargets()
        guard let f = k.field, !k.submits, k.dialog == nil else { return nil }
        let region = (x: f.x - 4, y: f.y - 4, width: f.width + 8, height: f.height + 8)
        let duration = timeline.source?.duration ?? .infinity
        guard let now = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: duration)),
              let r = videoRect(region), r.x >= 0, r.y >= 0, r.x + r.width <= now.width, r.y + r.height <= now.height else { return nil }
        // The editor as typed in (the end of the typing): the place must look otherwise after the
        // key, else nothing closed in the video and the key cannot be told from it.
        var open: Double?
        if let typing = frames.nearest(max(fill.time, fill.endTime - 0.1)), typing.width == now.width, typing.height == now.height {
            open = Similarity.compare(typing, r, now, r, width: min(128, r.width))
        }
        // First the text shown at the field's place once it closed, read in the video: the typed
        // value (kept) or an old text (the value it replaced, the control that opened it). When
        // it tells, it decides (the ink below compares the old place inside the live field's box,
        // which an editor wider or taller than what it replaced misplaces).
        if let open, open < Self.editorStillOpen {
            let readings = try await closedPlaceReadings(i, field: (f.x, f.y, f.width, f.height))
            let old = openerTexts(prior: edit.prior)
            let byText = Self.editEnding(typed: typed, readings: readings, old: old, asWhileTyping: open)
            if !readings.isEmpty {
                debug("live: step \(i + 1) (\(Self.keyName(key)) after an edit): the closed field's place reads \(readings) (typed \"\(typed)\", old \(old)): \(byText.map(Self.keyName) ?? "cannot tell")")
            }
            if let byText {
                guard byText != key else { return nil }
                let why = byText == .escape
                    ? "after it the video shows the old text \(old) at the field's place, not the typed value: the edit was cancelled"
                    : "after it the video shows the typed value \"\(typed)\" at the field's place: the value was kept"
                return (byText, why)
            }
        }
        guard let opened = openingMoment(), let then = frames.nearest(opened), then.width == now.width, then.height == now.height else { return nil }
        // The text there, by its ink (a hover's tint and the drawn pointer say nothing about it).
        let a0 = ValueCompare.inkMap(then, r, width: r.width, height: r.height)
        let a1 = ValueCompare.inkMap(withoutPointer(now, from: then), r, width: r.width, height: r.height)
        let same = ValueCompare.mismatch(a1, a0)
        debug("live: step \(i + 1) (\(Self.keyName(key)) after an edit): the field's place is \(same.error) ink pixels off as before it opened (\(same.ink) ink), \(open.map(Self.f2) ?? "-") alike as while typed in")
        let decided = Self.editEnding(inkError: same.error, ink: same.ink, asWhileTyping: open)
        guard let decided, decided != key else { return nil }
        let why = decided == .escape
            ? "after it the video shows the same text in the field's place as before the editor opened (\(same.error) ink pixels off of \(same.ink)): the edit was cancelled"
            : "after it the video shows other text in the field's place than before the editor opened (\(same.error) ink pixels off of \(same.ink)) and the editor closed: the value was kept"
        return (decided, why)
    }

    /// The key an inline edit ended with, from the field's place after it in the video against
    /// before the editor opened, by the text's ink (`inkError` mismatched pixels of `ink`, as
    /// typed values are judged): the same text (`ValueCompare.matches`) → Escape; other text (a
    /// fifth of the ink or more) while the editor no longer looks as it did while typed in
    /// (`asWhileTyping` below `editorStillOpen`) → Enter; nil when the video cannot tell.
    static func editEnding(inkError: Int, ink: Int, asWhileTyping open: Double?) -> Key? {
        guard let open, open < editorStillOpen else { return nil }
        if ValueCompare.matches(inkError, ink: ink) { return .escape }
        if Double(inkError) >= otherText * Double(max(1, ink)) { return .enter }
        return nil
    }

    /// The key an inline edit ended with, from `readings` of the field's place after it in the
    /// video (each line read there, and all of them): Enter when one is the typed value (`typed`)
    /// — after Escape the value shows nowhere, while after Enter the old text may still show
    /// beside it (a composer's "+ Add card" below the card it added) — else Escape when one is an
    /// old text (`old`: the value the editor replaced, the control that opened it); nil when none
    /// tells (`ClosingKey.judge`; a reading that is only "not the value" is not enough here, where
    /// the place may take in a neighbour's text), or while the editor still looks as it did while
    /// typed in (`asWhileTyping` at `editorStillOpen` or more: nothing closed, a search field
    /// showing its value after an Escape that only shut its results).
    static func editEnding(typed: String, readings: [String], old: [String], asWhileTyping open: Double?) -> Key? {
        guard let open, open < editorStillOpen else { return nil }
        let shown = readings.map { ClosingKey.judge(typed: typed, shown: $0, old: old) }
        if shown.contains(.typedValue) { return .enter }
        if shown.contains(.oldText) { return .escape }
        return nil
    }

    /// The texts an inline editor replaced: the value its field held before the fill (`prior`)
    /// and the text of the click that opened it (a cell double-clicked, a "+ Add card" button),
    /// when that click was the step just before the fill.
    func openerTexts(prior: String) -> [String] {
        var old: [String] = []
        if !prior.trimmingCharacters(in: .whitespaces).isEmpty { old.append(prior) }
        if let k = out.lastIndex(where: { $0.kind == .fill }), k > 0, [.click, .dblclick].contains(out[k - 1].kind),
           out[k].time - out[k - 1].time < 6, let t = out[k - 1].target?.text ?? out[k - 1].target?.name, !t.isEmpty, !old.contains(t) {
            old.append(t)
        }
        return old
    }

    /// The video's text at the place of the live field `box` (CSS pixels) once the key of step
    /// `i` closed it: the full-size frame after the step (`LiveFrames.closings`), the field's box
    /// with a margin, the resting pointer painted over; each line read, then all of them. Empty
    /// without a reader or that frame.
    func closedPlaceReadings(_ i: Int, field box: (x: Double, y: Double, width: Double, height: Double)) async throws -> [String] {
        guard let reader = options.reader else { return [] }
        let duration = timeline.source?.duration ?? .infinity
        let t = LiveGrounder.afterTime(timeline.actions, i, duration: duration)
        guard let f = frames.closings.min(by: { abs($0.time - t) < abs($1.time - t) }), abs(f.time - t) <= 0.2,
              let whole = fieldVideoRect((box.x - 4, box.y - 4, box.width + 8, box.height + 8)) else { return [] }
        let r = whole.intersection(PixelRect(x: 0, y: 0, width: f.image.width, height: f.image.height))
        guard r.width > 8, r.height > 6 else { return [] }
        var crop = f.image.cropped(to: r)
        if let p = out.last(where: { $0.target?.point != nil && [.click, .dblclick, .hover, .check].contains($0.kind) })?.target?.point,
           let b = pointerBox(p, in: r) {
            crop = Self.paintedOver(crop, b)
        }
        let lines = try await reader.read(crop, mode: .block).lines.map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
        return lines.count > 1 ? lines + [lines.joined(separator: " ")] : lines
    }

    /// At least this share of the ink mismatched, the place shows other text.
    static let otherText = 0.2
    /// At least this alike to the editor while typed in, the editor is still open in the video.
    static let editorStillOpen = 0.9

    /// The moment of the video just before the field typed into last was opened: a little after
    /// the step before its opening click (the click's own time is read from the pointer's press and
    /// can be late by the double click's length; an inserted opener's time is a guess), else just
    /// before the opening click or the fill itself. Nil without a fill.
    func openingMoment() -> Double? {
        guard let k = out.lastIndex(where: { $0.kind == .fill }) else { return nil }
        let fill = out[k]
        var opener = k
        if k > 0, [.click, .dblclick].contains(out[k - 1].kind), fill.time - out[k - 1].time < 6 { opener = k - 1 }
        let openedAt = out[opener].time
        // The step before the opening: the video settles after it, before the editor opens.
        if opener > 0 {
            let prev = out[opener - 1]
            let t = prev.endTime + Self.afterPrevious
            if t < openedAt - 0.2 { return t }
        }
        return max(0, openedAt - 0.2)
    }

    /// How long after the step before an editor's opening its place is looked at (seconds).
    static let afterPrevious = 0.6

    /// `now` with the place of the video's pointer painted from `then` (same size): the pointer
    /// drawn over a field's place after a double click says nothing about what the place shows.
    /// Its place: where the last pointer step of `out` pressed (the arrow's tip), a generous
    /// arrow's box (`pointerBox` CSS pixels) down and right of it. `now` unchanged without one.
    func withoutPointer(_ now: Image, from then: Image) -> Image {
        guard now.width == then.width, now.height == then.height, now.format == then.format, now.bytesPerRow == then.bytesPerRow,
              let vp = timeline.viewport, let p = out.last(where: { $0.target?.point != nil && [.click, .dblclick, .hover, .check].contains($0.kind) })?.target?.point
        else { return now }
        let s = frames.scale
        let x0 = max(0, Int((Double(vp.x) + (p.x - 3) * dpr) * s)), y0 = max(0, Int((Double(vp.y) + (p.y - 3) * dpr) * s))
        let x1 = min(now.width, Int((Double(vp.x) + (p.x + Self.pointerBox.width) * dpr) * s))
        let y1 = min(now.height, Int((Double(vp.y) + (p.y + Self.pointerBox.height) * dpr) * s))
        guard x1 > x0, y1 > y0 else { return now }
        var out = now
        let bpp = now.format.bytesPerPixel
        for y in y0..<y1 {
            let o = now.offset(x: x0, y: y)
            for k in 0..<((x1 - x0) * bpp) { out.pixels[o + k] = then.pixels[o + k] }
        }
        return out
    }

    /// The box a drawn pointer may cover from its tip, in CSS pixels (large cursor themes too).
    static let pointerBox = (width: 32.0, height: 40.0)
}
