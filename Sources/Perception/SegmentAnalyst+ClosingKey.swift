// The key that closed a field typed into, for `SegmentAnalyst`: an inline editor or a composer
// whose own frame is redrawn after typing, with no click and the hand still on the keyboard, was
// closed by a key. Enter commits (the typed value is what shows where the field was), Escape
// cancels (the old text comes back, or the button that opened the field, or anything but the value).
// `ClosingKey` (ScreenCore) judges the reading, as the live stage does (LiveGrounder+InlineEditor).

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// Ends the typing run `run`, whose field closed in this event (its frame redrawn, `area`
    /// the change that took its place), and writes the key that closed it when the hand stayed on
    /// the keyboard (the pointer has not moved since the typing began: no click closed it — a
    /// pointer that went on to a button while the page turned makes the field's frame change too).
    func typedFieldClosed(_ run: TypingRun, area: PixelRect, event e: ChangeEvent, after: Image, time: Double) async throws {
        let before = observations.count
        try await flushTyping()
        focused = nil
        guard tracker.lastMove < run.start, span.owns(e.start) else { return }
        let typed = observations[before...].last { $0.kind == .typing }
        var value: String?
        if case let .text(v)? = typed?.value { value = v }
        // The typing began in the segment before this one (which wrote its fill): read it here.
        if typed == nil, let b = run.best {
            value = try await tools.readField(run.field, in: erasingPointer(b, at: run.bestPointer, mask: run.bestMask, typedOver: true))
        }
        // What the field replaced: the text clicked there just before the typing (a cell
        // double-clicked into an editor, a button that opened a composer).
        let near = { (t: Double, box: PixelRect?) in
            t <= run.start && t >= run.start - 4 && (box.map { $0.intersection(area.expanded(0, 8)).area > 0 } ?? false)
        }
        var old = observations.filter { ($0.kind == .click || $0.kind == .dblclick) && near($0.time, $0.box) }.compactMap(\.text)
        if let c = lastClick, c.observation == nil, near(c.time, c.box), let t = c.text { old.append(t) }
        let place = area.union(run.field).intersection(layout.viewport)
        let shown = try await tools.readField(place, in: erasingPointer(after, at: tracker.fix?.box, mask: tracker.silhouette, typedOver: true))
        let key = ClosingKey.key(typed: value, shown: shown, old: old)
        Debug.log("seg \(span.index) typed field \(run.field) closed without a click; \(place) shows \(shown ?? "nothing") (typed \(value ?? "-"), old \(old)): \(key ?? "no key")")
        guard let key else { return }
        // (No target: the key goes where the focus is, the field the fill before it typed into —
        // which its fill may reach only by its point, a misread placeholder naming nothing.)
        observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                        value: .text(key), confidence: 0.65, evidence: [e.start]))
    }
}
