// Clicks for `SegmentAnalyst`: explaining a change under a resting pointer as a click on a button,
// link, tab or field, a checkbox or radio toggling (and its label), a list or menu opening from
// what was clicked and closing on an option (or turning out to be no list), and a control that
// changed its look when no pointer is seen.

import Foundation
import ScreenCore

extension SegmentAnalyst {
    // MARK: clicks

    func click(at h: PixelPoint, event: ChangeEvent, after: Image, big: Bool, owned: Bool,
               pageBoxes: [PixelRect], time: Double) async throws {
        let vp = layout.viewport
        if popup == nil { try await flushTyping(settled: after) }
        var e = event
        var found = ElementFinder.element(at: h, in: e.plate, bounds: vp, avoid: plateAvoid(e))
        // The plate showing a piece of what was pressed (a ripple drawn from the tip): the frame
        // the pointer came to rest in shows it whole, and is read instead.
        if let rest = elementAtRest(at: h, found: found, event: e) {
            Debug.log("seg \(span.index) click at \(h.x),\(h.y): the plate's \(found.map { "\($0.box)" } ?? "-") is a piece of \(rest.element.box) as the pointer came to rest")
            found = rest.element
            e.plate = rest.frame
            e.platePointer = rest.pointer
        }
        // A small change inside what was just clicked, the pointer still where it clicked: the
        // click's own animation settling (a switch's knob easing into place, a ripple fading), not
        // a second press — a second press shows as much as the first. (The pointer may set off right
        // after: it did not move between the click and this change.)
        if !big, let c = lastClick, e.start - c.time <= 2.5, tracker.lastMove <= c.time || tracker.lastMove > e.start, !pageBoxes.isEmpty {
            let u = pageBoxes.dropFirst().reduce(pageBoxes[0]) { $0.union($1) }
            if c.box.expanded(4, 4).intersection(u) == u, u.area * 4 < c.box.area {
                Debug.log("seg \(span.index) change \(u) settles inside the clicked \(c.box): no second click")
                return
            }
        }
        let before = observations.count
        var flippedBox: PixelRect?
        // The glyph a "control" under the pointer turned out to be (an icon button's face).
        var controlGlyph: String?
        defer {
            if let box = flippedBox ?? found?.box {
                let i = observations.count > before ? observations.count - 1 : nil
                lastClick = (i, box, i.flatMap { observations[$0].text }, i.flatMap { observations[$0].label }, e.start, h)
            }
        }
        // A toggle switch flipped: its knob moved from one end of its pill to the other.
        let pointers = [e.startPointer, e.pointer?.box, tracker.fix?.box].compactMap { $0 }
        // (When the whole page changed with it — a dark-mode switch — the pill under the pointer
        // before is looked at in place.)
        if let sw = big ? found.flatMap({ SwitchFinder.flipped(pill: $0.box, before: e.before, after: after, avoid: pointers) })
                        : SwitchFinder.flipped(near: h, before: e.before, after: after, bounds: vp, avoid: pointers),
           big || Self.changeTouches(sw.box, pageBoxes) {
            let label = try await switchLabel(sw.box, in: e.plate, pointer: plateAvoid(e))
            Debug.log("seg \(span.index) switch \(sw.box) on \(sw.on) label \(label ?? "-")")
            flippedBox = sw.box
            if owned {
                observations.append(Observation(kind: .check, time: e.start, endTime: e.lastChange, segment: span.index, point: h,
                                                box: sw.box, role: .switch, text: label, label: label,
                                                value: .flag(sw.on), confidence: 0.75, evidence: [e.start, time]))
            }
            focused = nil
            return
        }
        // A checkbox or radio that changed state (clicked directly or through its label).
        // Its tick is part of this event's change (a look that changed as the pointer left it, while
        // the event's change is elsewhere, is no toggle).
        if !big, let control = changedControl(near: h, plate: e.plate, before: e.before, after: after, pointer: plateAvoid(e),
                                              pointers: [e.startPointer, tracker.fix?.box].compactMap { $0 }),
           Self.changeTouches(control, pageBoxes) {
            let fb = ElementFinder.fill(of: control, in: e.before), fa = ElementFinder.fill(of: control, in: after)
            // A control toggled before in this segment keeps the kind it was judged then (a focus
            // ring drawn around a checkbox can make it look round).
            let known = knownControls.first { $0.box.intersection(control).area * 2 >= min($0.box.area, control.area) }
            let round = known?.round ?? (ElementFinder.isRound(control, in: e.plate, avoid: e.pointer?.box)
                || ElementFinder.isRound(control, in: after, avoid: tracker.fix?.box))
            if known == nil { knownControls.append((control, round)) }
            // The label is the text right of the control: its first line when it wraps.
            var lines: [PixelRect] = []
            for dy in [-10, -4, 0, 6] {
                let at = PixelPoint(x: control.maxX + 14, y: control.center.y + dy)
                guard let lb = ElementFinder.textLine(near: at, in: e.plate, bounds: vp,
                                                      background: Int(e.plate.luma(x: control.maxX + 3, y: control.center.y)),
                                                      avoid: plateAvoid(e)), lb.maxX > control.maxX + 8,
                      lb.maxY >= control.y - 6, lb.y <= control.maxY + 6,
                      !lines.contains(where: { $0.intersection(lb).area > 0 }) else { continue }
                lines.append(lb)
            }
            var label: String?
            Debug.log("seg \(span.index) control \(control) label lines \(lines)")
            // No label beside it and a button around it: a glyph or icon of the button changing
            // under the press, not a checkbox.
            // Nor is an icon glyph (a ☆ that fills in, an arrow whose button darkens), label or not:
            // the "label" beside it is the next icon button.
            // Nor is a square whose inside holds ink both before and after (a copy button's ❐
            // turning into ✓, a "No" button filling in): a checkbox or radio is plain inside in
            // one of its two states.
            // (The pointer rests where it pressed: its place is left out of both pictures, as a
            // plate may still hold it.)
            let resting = [plateAvoid(e), e.pointer?.box, tracker.fix?.box, e.startPointer].compactMap { $0 }
            let inkBefore = ElementFinder.visibleFill(of: control, in: e.plate, avoid: resting)
            let inkAfter = ElementFinder.visibleFill(of: control, in: after, avoid: resting)
            let inkedBoth = Self.inkedInBothStates(before: inkBefore, after: inkAfter)
            Debug.log("seg \(span.index) control \(control) ink before \(inkBefore.map { String(format: "%.2f", $0) } ?? "-") after \(inkAfter.map { String(format: "%.2f", $0) } ?? "-")")
            // (With a label beside it, ink in both states is a box found a little off the control,
            // its border inside.)
            // (The copy square only inside the control's own box — then it is a button's outline
            // around a small square; around a bare checkbox its square would be the checkbox.)
            controlGlyph = iconGlyph(control.expanded(max(8, control.width), max(8, control.height)), in: e.plate, before: e.start,
                                     pointer: plateAvoid(e) ?? e.pointer?.box)
                ?? iconGlyph(control, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box, squares: true)
                    .flatMap { $0 == "\u{2750}" ? $0 : nil }
            let insideButton = (lines.isEmpty && (inkedBoth || (found.map { Self.holdsControl($0, control) } ?? false)))
                || controlGlyph != nil
            // A "control" inside a line of text, with letters on both sides of it (more than its own
            // border to its left), is a glyph's hole.
            let insideText = lines.contains { $0.x < control.x - 10 && $0.maxX > control.maxX + 4 && $0.y <= control.y && $0.maxY >= control.maxY }
            if !insideButton && !insideText {
            for lb in lines.sorted(by: { $0.y < $1.y }) where label == nil {
                let right = PixelRect(x: max(lb.x, control.maxX + 2), y: lb.y, width: lb.maxX - max(lb.x, control.maxX + 2), height: lb.height)
                if right.height > 24 {
                    // Two lines grown together (a name over a description): the first one.
                    label = try await TextRegions.readLines(right, in: e.plate, reader: reader, minConfidence: 40)
                        .min { $0.box.y < $1.box.y }?.text
                } else {
                    label = try await TextRegions.readLine(right, in: e.plate, reader: reader)
                }
            }
            if label == nil, let found, found.shape == .text { label = try await TextRegions.readLine(found.box, in: e.plate, reader: reader) }
            if owned {
                observations.append(Observation(kind: .check, time: e.start, endTime: e.lastChange, segment: span.index, point: h,
                                                box: control, role: round ? .radio : .checkbox, text: label, label: label,
                                                value: .flag(fa >= fb || round), confidence: 0.75, evidence: [e.start, time]))
            }
            focused = nil
            return
            }
            Debug.log("seg \(span.index) control \(control) is inside \(insideText ? "text" : "button \(found.map { "\($0.box)" } ?? "-")"): a click")
        }
        // Nothing changed but the pointer's own box: its shape changed (a hand turning back into
        // an arrow as what lay under it went away), which is no click.
        // (The event's boxes are one per frame and overlap: their union is what changed.)
        if !big, let p = e.pointer?.box, pageBoxes.allSatisfy({ p.expanded(16, 16).intersection($0) == $0 }),
           pageBoxes.dropFirst().reduce(pageBoxes[0], { $0.union($1) }).area <= p.expanded(6, 6).area {
            Debug.log("seg \(span.index) only the pointer's box changed at \(h): its shape, no click")
            return
        }
        // A pointer-wide strip running from the resting pointer (or a pointer-high one): the pointer
        // crept away slowly, its small steps too alike to its silhouette to count as moves — its
        // trail, not a click.
        if !big, let p = e.pointer?.box, Self.pointerTrail(pageBoxes.dropFirst().reduce(pageBoxes[0], { $0.union($1) }), pointer: p) {
            Debug.log("seg \(span.index) the change runs from the pointer \(p): it crept away, no click")
            return
        }
        Debug.log("seg \(span.index) click at \(h.x),\(h.y) element \(found.map { "\($0.box) \($0.shape)" } ?? "none") pointer \(e.pointer.map { "\($0.box)" } ?? "-")")
        let retried = found ?? ElementFinder.element(at: h, in: e.plate, bounds: vp, avoid: nil)
        guard var el = retried else {
            if owned {
                observations.append(Observation(kind: .click, time: e.start, segment: span.index, point: h,
                                                confidence: 0.3, evidence: [e.start]))
                if big { schedule(time: time, observation: observations.count - 1, region: vp, big: true) }
            }
            return
        }
        // A list opening under (or over) the element: a select or a menu.
        let changes = Self.clusters(pageBoxes, gap: 10)
        let listBox = changes.filter { b in
            b.area >= el.box.area * 2 && b.height >= 50 && b.intersection(el.box).area < b.area / 2
                && (abs(b.y - el.box.maxY) <= 40 || abs(b.maxY - el.box.y) <= 40 || b.contains(el.box.center))
                && b.x < el.box.maxX && b.maxX > el.box.x && Self.alignedWith(b, el.box)
                && !Self.changedElsewhere(changes, list: b, opener: el.box)
        }.max { $0.area < $1.area }
        Debug.log("seg \(span.index) clusters \(Self.clusters(pageBoxes, gap: 10)) list \(listBox.map { "\($0)" } ?? "nil") big \(big)")
        // A box is read inside its border; a line of text with a margin (its box hugs the ink,
        // and the faint tops of letters fall outside it).
        let textArea = el.shape == .text ? el.box.expanded(3, 3).intersection(vp) : el.box.insetBy(2)
        var text = try await readElementText(textArea, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box,
                                             framed: el.shape == .box)
        // A list drawn unlike a select's (not hung from the opener edge to edge): the page's own
        // menu. The opener is a plain button (named below like any other) and the list is still
        // followed, so that what is chosen in it becomes a click on the item.
        if let list = listBox, !big, el.shape != .text, !Self.nativeListShape(list, opener: el.box) {
            Debug.log("seg \(span.index) list \(list) from \(el.box) is a page's menu, no select")
            popup = (Self.trimmed(list, opener: el.box), el.box, text, nil, e.start, e.plate, true)
        } else if let list = listBox, !big, el.shape != .text {
            let label = try await labelFor(field: el.box, in: e.plate)
            popup = (Self.trimmed(list, opener: el.box), el.box, text, label, e.start, e.plate, false)
            if owned {
                // (The "list" may turn out to be none — a toast appearing under a button — and the
                // click a plain one: it keeps what tells its element apart from its copies.)
                var context: String?
                if let text { context = try await contextFor(element: el.box, text: text, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box) }
                observations.append(Observation(kind: .click, time: e.start, segment: span.index, point: h, box: el.box,
                                                role: .combobox, text: text, label: label, context: context, popup: list,
                                                confidence: 0.6, evidence: [e.start, time]))
            }
            return
        }
        // A text field taking focus: the change stays on the field (its ring, its caret). A focus
        // underline below the pointer tells the field's width when the flood could not.
        if el.shape != .field, !big,
           let line = pageBoxes.first(where: { $0.height <= 4 && $0.width >= 60 && $0.x <= h.x && $0.maxX >= h.x && $0.y >= h.y - 6 && $0.y <= h.y + 50 }) {
            let top = max(vp.y, min(h.y - 12, line.y - 40))
            el = FoundElement(box: PixelRect(x: line.x, y: top, width: line.width, height: line.maxY - top), shape: .field, background: 255)
        }
        let scope = ((typing?.field ?? focused).map { $0.union(el.box) } ?? el.box).expanded(8, 8)
        let local = pageBoxes.allSatisfy { scope.intersection($0) == $0 }
        if el.shape == .field && !big && local {
            focused = el.box
            var label = try await labelFor(field: el.box, in: e.plate)
            let placeholder = try await placeholderIn(field: el.box, frame: e.plate)
            // A field that shows no placeholder may have its label further left (see `farLabelReach`).
            if label == nil, placeholder == nil { label = try await labelFor(field: el.box, in: e.plate, reach: Self.farLabelReach) }
            if owned {
                observations.append(Observation(kind: .click, time: e.start, segment: span.index, point: h, box: el.box,
                                                role: .textbox, label: label, placeholder: placeholder,
                                                confidence: 0.7, evidence: [e.start, time]))
            }
            return
        }
        // Anything else: a button, a tab, a link, a menu item. A region much bigger than the
        // text under the pointer is a container, not the element: the text is.
        focused = nil
        if el.shape != .text, let line = ElementFinder.textLine(near: h, in: e.plate, bounds: el.box, background: Int(el.background),
                                                                 avoid: plateAvoid(e)),
           el.box.width > line.width * 3 + 60 || el.box.height > line.height * 3 + 24 {
            el = FoundElement(box: line, shape: ElementShape.text, background: el.background)
            text = try await readElementText(line.expanded(3, 3).intersection(vp), in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box)
        }
        // A menu button's chevron ("▾" read as "*" or "v") is no part of its name.
        text = text.map(Self.withoutChevron)
        // A lone x on something icon-sized is the multiplication sign of a close or delete button.
        if let t = text, ["x", "X", "✕", "✖"].contains(t), el.box.width <= 40, el.box.height <= 40 { text = "×" }
        // An icon-sized element OCR made nothing of (or a stray letter or two): its one glyph,
        // read from its shape (→ ← ✕ ✎ ☆ ★). A cross OCR did read keeps OCR's spelling.
        var glyph: String?
        if text.map({ $0.count <= 2 && !["x", "X", "×", "+"].contains($0) }) ?? true,
           let g = iconGlyph(el.box, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box, squares: el.shape != .text)
            ?? controlGlyph {
            Debug.log("seg \(span.index) glyph \(g) in \(el.box) (OCR read \(text ?? "-"))")
            text = g; glyph = g
        }
        let role: Role? = el.shape == ElementShape.text && glyph == nil ? nil : Role.button
        var context: String?
        if let text {
            context = try await contextFor(element: el.box, text: text, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box,
                                           sections: role == .button && glyph == nil, deferBand: true)
        }
        // Bare text that came out selected under the pointer: it was double-clicked (a word
        // selected, or an inline editor opened on it with its value selected). What is typed next
        // goes into the editor there.
        var kind = Observation.Kind.click
        if el.shape == .text, !big,
           let band = SelectionFinder.selection(at: h, before: e.before, after: after, bounds: vp, avoid: pointers) {
            Debug.log("seg \(span.index) text selected \(band) under the pointer: a double-click")
            kind = .dblclick
            // (The editor's inside surrounds the selection: grown from just right of it.)
            if let editor = ElementFinder.element(at: PixelPoint(x: band.maxX + 4, y: band.center.y), in: after, bounds: vp, avoid: nil),
               editor.shape != .text, editor.box.contains(band.center), editor.box.height <= 60 {
                // (Grown from beside the selection, its box may stop at the selection's edge:
                // the editor holds the selection, so the value read from it starts there.)
                let box = editor.box.union(band)
                Debug.log("seg \(span.index) editor \(box) opened")
                focused = box
            }
        } else if el.shape == .text, !big, case let pieces = Self.clusters(pageBoxes, gap: 6), pieces.count == 1,
                  Self.editorOpened(pieces[0], around: el.box, before: e.before, after: after) {
            // An outline appeared around the text under the pointer, the text staying inside: an
            // inline editor opened on it, which plain text does on a double-click.
            Debug.log("seg \(span.index) editor \(pieces[0]) opened around the text: a double-click")
            kind = .dblclick
            focused = pieces[0]
        }
        // Its first press was seen as a click of its own, the pointer still there: one double-click.
        if kind == .dblclick, let c = lastClick, let i = c.observation, i == observations.count - 1, observations[i].kind == .click,
           e.start - c.time <= 1.5, abs(c.point.x - h.x) + abs(c.point.y - h.y) <= 16, tracker.lastMove <= c.time {
            observations[i].kind = .dblclick
            return
        }
        if owned {
            observations.append(Observation(kind: kind, time: e.start, segment: span.index, point: h, box: el.box,
                                            role: role, text: text, context: context, confidence: text == nil ? 0.45 : 0.75,
                                            evidence: [e.start, time]))
            let changedArea = pageBoxes.reduce(0) { $0 + $1.area }
            if big || changedArea >= layout.viewport.area / 12 {
                let region = pageBoxes.filter { $0.distance(to: el.box) > 4 }.reduce(nil as PixelRect?) { acc, b in acc.map { $0.union(b) } ?? b }
                schedule(time: time, observation: observations.count - 1, region: region ?? vp, big: big)
            }
        }
    }

    /// Whether the change `u` is an editor's outline drawn around the text `text`: it holds the
    /// text, is a line high, and its edges changed more than its inside.
    static func editorOpened(_ u: PixelRect, around text: PixelRect, before: Image, after: Image) -> Bool {
        // (About the text's own width: an input far wider than the word clicked is a field that
        // was there, or one a button opened, not the text turned editable.)
        guard u.contains(text.center), u.height <= 60, u.height >= text.height + 4, u.width * 10 >= text.width * 9,
              u.width >= 40, u.width <= text.width * 3 + 40,
              let c = outlineChange(u, before: before, after: after) else { return false }
        Debug.log("editor? \(u) around \(text) edges \(String(format: "%.1f", c.edge)) inside \(String(format: "%.1f", c.inner))")
        return c.edge >= 6 && c.inner * 3 < c.edge * 2 && c.sidesChanged >= 3
    }

    /// A switch's label: the nearest line of text in its row to the left (settings lists put the
    /// label at the row's start and the switch at its end), else right beside it.
    func switchLabel(_ sw: PixelRect, in image: Image, pointer: PixelRect?) async throws -> String? {
        let vp = layout.viewport
        let y = sw.center.y
        let background = Int(image.luma(x: max(vp.x, sw.x - 4), y: y))
        let hidden = { (x: Int) in pointer.map { $0.expanded(2, 2).contains(PixelPoint(x: x, y: y)) } ?? false }
        let ink = { (x: Int) in (-3...3).contains { abs(Int(image.luma(x: x, y: y + $0)) - background) > 40 } }
        // Leftwards until the first ink (the label's end); a border running through the row (a
        // box's edge) ends the search.
        var x = sw.x - 6
        while x > max(vp.x, sw.x - 720), hidden(x) || !ink(x) { x -= 1 }
        // Each side is searched without the switch itself: its pill, taller than the text, would
        // widen the line's band and so the gap bridged, joining a label close beside it to it.
        let leftSide = PixelRect(x: vp.x, y: vp.y, width: sw.x - 2 - vp.x, height: vp.height)
        let rightSide = PixelRect(x: sw.maxX + 2, y: vp.y, width: vp.maxX - sw.maxX - 2, height: vp.height)
        var candidates: [(PixelPoint, PixelRect)] = []
        if x > max(vp.x, sw.x - 720) { candidates.append((PixelPoint(x: x - 2, y: y), leftSide)) }
        candidates.append((PixelPoint(x: sw.maxX + 14, y: y), rightSide))
        for (at, side) in candidates where vp.contains(at) && !side.isEmpty {
            guard let line = ElementFinder.textLine(near: at, in: image, bounds: side, background: background, avoid: pointer),
                  line.maxY >= sw.y - 6, line.y <= sw.maxY + 6, line.intersection(sw).area == 0,
                  line.height >= 8, line.width >= 16 else { continue }
            if let text = try await TextRegions.readLine(line, in: image, reader: reader), text.count >= 2,
               TextRegions.hasLetterOrDigit(text) {
                return text
            }
        }
        return nil
    }

    /// Boxes merged while they overlap or lie within `gap` pixels (the fragments of one change).
    static func clusters(_ boxes: [PixelRect], gap: Int) -> [PixelRect] {
        var out: [PixelRect] = []
        for b in boxes {
            var merged = b
            var changed = true
            while changed {
                changed = false
                if let i = out.firstIndex(where: { $0.distance(to: merged) <= gap }) {
                    merged = merged.union(out.remove(at: i)); changed = true
                }
            }
            out.append(merged)
        }
        return out
    }

    /// The list closed: a select shows the option now (a `select`); a menu does not (a click on
    /// the highlighted item). Returns false when the list was dismissed by a click elsewhere.
    func chooseFromList(_ pop: OpenList,
                        event e: ChangeEvent, after: Image, pointer h: PixelPoint?, time: Double) async throws -> Bool {
        popup = nil
        defer { popupRow = nil }
        let inList = h.map { pop.box.expanded(4, 4).contains($0) } ?? false
        var row = popupRow
        if inList, let h, let line = ElementFinder.textLine(near: h, in: e.before, bounds: pop.box,
                                                            background: Int(e.before.luma(x: max(pop.box.x + 2, h.x - 12), y: h.y)),
                                                            avoid: e.pointer?.box) {
            row = line
        }
        var option: String?
        if let r = row { option = try await TextRegions.readLine(r.intersection(pop.box), in: e.before, reader: reader) }
        let now = try await TextRegions.readLine(pop.owner.insetBy(2), in: after, reader: reader).map(Self.withoutChevron)
        let changed = now != nil && now != pop.ownerText.map(Self.withoutChevron)
        // (A page's menu may show the item chosen on its opener too — a version switcher — yet it
        // is no select: its item is clicked, and the opener's new text names it when the row
        // under the pointer was not read.)
        let isSelect = changed && !pop.menu
        if pop.menu, changed, option == nil { option = now }
        Debug.log("seg \(span.index) list closed: option \(option ?? "nil") opener now \(now ?? "nil") was \(pop.ownerText ?? "nil")\(pop.menu ? " (a page's menu)" : "")")
        guard isSelect || inList || popupRow != nil || (pop.menu && changed) else { return false }
        try await flushTyping()
        if span.owns(e.start) || span.owns(pop.time) {
            if isSelect {
                let value = now ?? option
                observations.append(Observation(kind: .select, time: pop.time, endTime: e.start, segment: span.index,
                                                point: h, box: pop.owner, role: .combobox, text: pop.ownerText, label: pop.label,
                                                value: value.map { .text($0) }, confidence: value == nil ? 0.4 : 0.8,
                                                evidence: [pop.time, e.start]))
            } else {
                observations.append(Observation(kind: .click, time: e.start, segment: span.index, point: h,
                                                box: row ?? pop.box, role: .menuitem, text: option,
                                                confidence: option == nil ? 0.4 : 0.7, evidence: [e.start]))
            }
        }
        clickedRest = tracker.lastMove
        return true
    }

    /// A select's shown text without the drop-down arrow OCR reads as a trailing mark.
    static func withoutChevron(_ s: String) -> String {
        var words = s.split(separator: " ")
        if words.count > 1, let last = words.last, last.count == 1,
           !(last.first!.isLetter || last.first!.isNumber) || "vV".contains(last.first!) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A list's box without the opener when one change covered both: the larger side of it.
    static func trimmed(_ list: PixelRect, opener: PixelRect) -> PixelRect {
        var list = list
        // A change that merged with something far to one side (a neighbour losing focus).
        if opener.x - list.x > 200 { list = PixelRect(x: opener.x - 8, y: list.y, width: list.maxX - opener.x + 8, height: list.height) }
        if list.maxX - opener.maxX > 200 { list = PixelRect(x: list.x, y: list.y, width: opener.maxX + 8 - list.x, height: list.height) }
        guard list.intersection(opener).area > 0 else { return list }
        let above = PixelRect(x: list.x, y: list.y, width: list.width, height: max(0, opener.y - list.y))
        let below = PixelRect(x: list.x, y: opener.maxY, width: list.width, height: max(0, list.maxY - opener.maxY))
        let side = above.height >= below.height ? above : below
        return side.height >= 40 ? side : list
    }

    /// Without a pointer: a small changed region holding text that reads the same before and
    /// after (a tab turning active, a button pressed), topmost first. An underline that moved
    /// stands for the text right above it.
    func controlChangedWithoutPointer(_ boxes: [PixelRect], before: Image, after: Image) async throws -> PixelRect? {
        let vp = layout.viewport
        var candidates: [PixelRect] = []
        for b in Self.clusters(boxes, gap: 4) where b.width >= 12 && b.width <= 400 {
            if b.height <= 4, b.width >= 20 {
                candidates.append(PixelRect(x: b.x, y: b.y - 30, width: b.width, height: 30).intersection(vp))
            } else if b.height >= 10, b.height <= 60 {
                candidates.append(b)
            }
        }
        for c in candidates.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }).prefix(6) {
            guard let band = InkAnalysis.textBand(in: after, region: c.expanded(6, 6).intersection(vp)), band.height <= 40,
                  let now = try await TextRegions.readLine(band, in: after, reader: reader), now.count >= 2,
                  let was = try await TextRegions.readLine(band, in: before, reader: reader),
                  TextSimilarity.ratio(now, was) >= 0.8 else { continue }
            return band
        }
        return nil
    }

    /// What seemed to open a list did not: its click is a plain click again.
    func noList(_ pop: OpenList) async throws {
        guard let i = observations.lastIndex(where: { $0.kind == .click && $0.time == pop.time && $0.box == pop.owner }) else { return }
        observations[i].popup = nil
        if observations[i].role == .combobox, observations[i].label == nil {
            observations[i].role = observations[i].text == nil ? nil : .button
            // A plain button after all: it needs telling apart from its copies like any other.
            observations[i].context = try await resolvedContext(observations[i].context)
            if let text = observations[i].text, observations[i].context == nil {
                observations[i].context = try await contextFor(element: pop.owner, text: text, in: pop.under, before: pop.time, pointer: nil)
            }
        }
    }

    /// A list opens lined up with what opened it (a select's options under it, a menu under its
    /// button's left or right edge); a toast or a message merely near it does not.
    static func alignedWith(_ b: PixelRect, _ element: PixelRect) -> Bool {
        abs(b.x - element.x) <= 24 || abs(b.maxX - element.maxX) <= 24 || b.contains(element.center)
    }

    /// Whether the page changed away from a list and its opener as much as the list itself: a
    /// list opens over a page that stays, while a page re-rendering (the next step of a form, a
    /// view replaced) changes in many places at once, one of which may sit under the button.
    static func changedElsewhere(_ changes: [PixelRect], list: PixelRect, opener: PixelRect) -> Bool {
        let others = changes.filter { $0.intersection(list.expanded(10, 10)).isEmpty && $0.intersection(opener.expanded(10, 10)).isEmpty }
        return others.reduce(0) { $0 + $1.area } * 2 >= list.area
    }

    /// Whether `b` looks like a list that opened from `element`: at least as wide, taller than
    /// a line, and attached below or above it (or over it).
    static func opensFrom(_ b: PixelRect, element: PixelRect) -> Bool {
        let overlapX = min(b.maxX, element.maxX) - max(b.x, element.x)
        guard overlapX >= element.width / 2, b.width >= element.width * 7 / 10, b.height >= 60,
              b.area >= element.area * 3, alignedWith(b, element) else { return false }
        return abs(b.y - element.maxY) <= 40 || abs(b.maxY - element.y) <= 40
            || (b.intersection(element).area > 0 && b.height > element.height * 3)
    }


    /// A small square that changed near the click (the pointer's row), when there is one.
    private func changedControl(near h: PixelPoint, plate: Image, before: Image, after: Image, pointer: PixelRect?,
                                pointers: [PixelRect]) -> PixelRect? {
        // Probe for a small bordered square or circle under the pointer, then along its row to
        // the left (a click on a label ticks the control before it); it must look different after.
        var probes: [PixelPoint] = []
        for dy in stride(from: -8, through: 8, by: 4) { for dx in stride(from: -8, through: 8, by: 4) { probes.append(PixelPoint(x: h.x + dx, y: h.y + dy)) } }
        for dx in stride(from: 14, through: 420, by: 6) { probes.append(PixelPoint(x: h.x - dx, y: h.y)); probes.append(PixelPoint(x: h.x - dx, y: h.y + 6)) }
        var tried: [PixelRect] = []
        for p in probes where layout.viewport.contains(p) {
            if tried.contains(where: { $0.contains(p) }) { continue }
            let window = PixelRect(x: p.x - 24, y: p.y - 24, width: 48, height: 48).intersection(layout.viewport)
            for frame in [plate, after] {
                guard let box = ElementFinder.control(at: p, in: frame, bounds: window, avoid: pointer) else { continue }
                tried.append(box)
                // The inside of the pointer's own outline (a hand that changed shape) is no control:
                // a control holds at most the pointer's tip, never all of it.
                if pointers.contains(where: { box.intersection($0).area * 10 >= $0.area * 9 }) { continue }
                // A tick or a radio's dot fills the middle: a change there counts even when the
                // box around it (border, background) hardly changed.
                let d = ChangeDetector.meanDifference(before, after, region: box.expanded(2, 2))
                let middle = ChangeDetector.meanDifference(before, after, region: box.insetBy(max(2, box.width / 4)))
                Debug.log("seg \(span.index) control candidate \(box) at \(p) change \(String(format: "%.1f middle %.1f", d, middle))")
                if d >= 12 || middle >= 30 { return box }
            }
        }
        return nil
    }

    /// Whether one of an event's changed boxes touches `control`.
    static func changeTouches(_ control: PixelRect, _ boxes: [PixelRect]) -> Bool {
        boxes.contains { $0.intersection(control.expanded(4, 4)).area > 0 }
    }

    /// Whether `u` is a strip as wide as the pointer `p` (or as high) and at least 2.5 times as
    /// long, starting where the pointer is: the trail of a pointer moving slowly along it.
    static func pointerTrail(_ u: PixelRect, pointer p: PixelRect) -> Bool {
        guard u.intersection(p.expanded(4, 4)).area > 0 else { return false }
        let vertical = u.width <= p.width + 10 && u.height * 2 >= p.height * 5
            && (abs(u.y - p.y) <= 6 || abs(u.maxY - p.maxY) <= 6)
        let horizontal = u.height <= p.height + 10 && u.width * 2 >= p.width * 5
            && (abs(u.x - p.x) <= 6 || abs(u.maxX - p.maxX) <= 6)
        return vertical || horizontal
    }

    /// Whether `element` is a button holding the changed `control`: a box several times wider.
    /// Whether a "control" had ink inside in both states (`ElementFinder.visibleFill`, nil when
    /// the pointer hid it): then it is a button whose face changed, since a checkbox or radio is
    /// plain inside when it is off.
    static func inkedInBothStates(before: Double?, after: Double?) -> Bool {
        guard let b = before, let a = after else { return false }
        return min(a, b) >= 0.02
    }

    static func holdsControl(_ element: FoundElement, _ control: PixelRect) -> Bool {
        element.shape == .box && element.box.contains(control.center) && element.box.width >= control.width * 3
            && element.box.height >= control.height + 8
    }
}
