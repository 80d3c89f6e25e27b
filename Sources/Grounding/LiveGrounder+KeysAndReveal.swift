import Browser
import Foundation
import ScreenCore

/// A run's key steps tried in place of clicks, hovers that reveal a target, and repeated toggles.
extension Run {
    /// Step `i`, read as a click, repeats the previous step's point (the pointer stayed where it
    /// was) and the video changed across it: a key sent to the focused element may explain the
    /// change better. Tab and the arrow keys are tried in turn, each undone when it does not bring
    /// the changed area of the video in line (Shift+Tab, the opposite arrow); the first that does
    /// replaces the click. Nil: the click stands (and is performed as usual).
    /// `resolved`: the point the live element was found at (the recorded one, else the box's centre).
    mutating func keyInsteadOfClick(_ i: Int, _ a: Action, resolved: Point? = nil) async throws -> Action? {
        guard i > 0, let p = a.target?.point else { return nil }
        // The pointer stayed where the previous step put it, or where the person typed
        // (LiveGrounder+TypedFieldClick.swift).
        let q = timeline.actions[i - 1].target?.point
        var samePoint = q.map { abs(p.x - $0.x) < 4 && abs(p.y - $0.y) < 4 } == true
            && [.click, .check, .press].contains(timeline.actions[i - 1].kind)
        // … or where the last pointer step put it, only keys and typing since (LiveGrounder+PointerStayed.swift).
        if !samePoint, let r = Self.pointerStayed(before: i, timeline.actions), let rp = r.target?.point {
            samePoint = abs(p.x - rp.x) < 4 && abs(p.y - rp.y) < 4
        }
        var inTypedField = false
        if !samePoint { inTypedField = try await clickInTypedField(i, at: resolved ?? p) }
        guard samePoint || inTypedField else { return nil }
        guard let region = videoChangeRegion(i, a),
              let after = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              let s0 = try await fieldSimilarity(region, after) else { return nil }
        debug("live: step \(i + 1) repeats the previous point\(samePoint ? "" : " (in the field just typed into)"); the changed area looks \(Self.f2(s0)) like the video")
        guard s0 < 0.9 else { return nil }
        let tries: [(key: Key, name: String, undo: Key)] = [
            (.tab, "Tab", Key.parse("Shift+Tab") ?? .tab), (.arrowRight, "ArrowRight", .arrowLeft), (.arrowLeft, "ArrowLeft", .arrowRight),
            (.arrowDown, "ArrowDown", .arrowUp), (.arrowUp, "ArrowUp", .arrowDown),
        ]
        for k in tries {
            let before = try await page.state()
            try await browser.keys([k.key])
            _ = try await settle(from: before)
            let s1 = try await fieldSimilarity(region, after) ?? 0
            debug("live: step \(i + 1), \(k.name) → \(Self.f2(s1))")
            if s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike {
                var press = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text(k.name), confidence: a.confidence)
                press.grounding = Grounding(status: .corrected)
                press.grounding?.corrections = ["click → press \(k.name): the pointer did not move since the previous step, and the key brings the area that changed in the video in line (\(Self.f2(s0)) → \(Self.f2(s1)))"]
                let (similarity, png) = try await compareKeeping(i)
                if options.keepScreenshots, let png { shots[out.count] = png }
                press.grounding?.similarity = similarity.map { ($0 * 1000).rounded() / 1000 }
                return press
            }
            try await browser.keys([k.undo])
            _ = try await settle(from: before)
        }
        return nil
    }

    /// The key that activates the focused control as a click would (Enter on a button, link, tab
    /// or menu item; Space on a checkbox, switch or radio); nil when the focus is on no such control.
    /// `refocus`: an element (still in the page) to give the focus back to first.
    func activationKey(refocus: JSONValue = .null) async throws -> (key: Key, name: String, role: String)? {
        // The element to give the focus back to may have left the page since (a row the click
        // removed): its reference is then stale and the focus is asked for as it is.
        if refocus != .null, !((try? await browser.execute("return !!arguments[0] && arguments[0].isConnected;", [refocus]))?.bool ?? false) {
            return try await activationKey()
        }
        let role = try await browser.execute("""
            if (arguments[0] && arguments[0].isConnected && document.activeElement !== arguments[0]) arguments[0].focus();
            var a = document.activeElement;
            if (!a || a === document.body || a === document.documentElement) return '';
            var r = (a.getAttribute('role') || '').toLowerCase(), tag = a.tagName.toLowerCase(), type = (a.getAttribute('type') || '').toLowerCase();
            if (r) return r;
            if (tag === 'a' && a.hasAttribute('href')) return 'link';
            if (tag === 'button' || tag === 'summary' || (tag === 'input' && ['submit', 'button', 'reset'].indexOf(type) >= 0)) return 'button';
            if (tag === 'input' && (type === 'checkbox' || type === 'radio')) return type;
            return '';
            """, [refocus]).string ?? ""
        switch role {
        case "button", "link", "tab", "menuitem": return (.enter, "Enter", role)
        case "checkbox", "switch", "radio": return (.space, "Space", role)
        default: return nil
        }
    }

    /// Step `i`, a click that hit nothing and changed nothing live while the video changed: the
    /// focused control's activation key is pressed, and kept as a `press` step when the live page
    /// then looks more like the video after the step. Nil (nothing pressed) without a focused
    /// control or a frame to compare with.
    mutating func keyOnFocused(_ i: Int, _ a: Action, refocus: JSONValue = .null, undo: Bool = false) async throws -> Action? {
        guard let k = try await activationKey(refocus: refocus), let s0 = try await compare(i) else { return nil }
        let before = try await page.state()
        try await browser.keys([k.key])
        _ = try await settle(from: before)
        let (s1, png) = try await compareKeeping(i)
        debug("live: step \(i + 1) hit nothing; \(k.name) on the focused \(k.role) → \(Self.f2(s0)) → \(Self.f2(s1 ?? 0))")
        // Not undone when it does not help unless `undo` (a toggle's second press): a second
        // Enter would repeat the action, not undo it.
        guard let s1, s1 >= s0 + Self.focusedKeyGain else {
            if undo {
                let now = try await page.state()
                try await browser.keys([k.key])
                _ = try await settle(from: now)
            }
            return nil
        }
        var press = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text(k.name), confidence: a.confidence)
        press.grounding = Grounding(status: .corrected)
        press.grounding?.corrections = ["click → press \(k.name): nothing actionable at the point and the click changed nothing live, while the video changed; \(k.name) on the focused \(k.role) brings the page in line (\(Self.f2(s0)) → \(Self.f2(s1)))"]
        press.grounding?.similarity = (s1 * 1000).rounded() / 1000
        if options.keepScreenshots, let png { shots[out.count] = png }
        return press
    }

    /// After a key step whose live page looks unlike the video after it (the video changed
    /// further), a second key the analysis missed may have acted on the control the first one
    /// focused (Tab to a switch, then Space): its activation key is tried and inserted when it
    /// brings the page in line; a Space that does not is undone by a second Space, and an Enter is
    /// tried only where grounding would otherwise stop (the page already unlike the video).
    mutating func keyAfterKey(_ i: Int, _ a: Action) async throws {
        guard a.kind == .press, stoppedAt == nil, let s = a.grounding?.similarity, s < Self.keyAfterKeyUnlike, videoChanged(i, a),
              let k = try await activationKey(), k.key == .space ? k.role != "radio" : s < Self.unlikeThreshold else { return }
        let t = (a.endTime + LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) / 2
        var at = a
        at.time = t; at.endTime = t + 0.06
        guard var press = try await keyOnFocused(i, at, undo: k.key == .space) else { return }
        let s1 = press.grounding?.similarity ?? 0
        press.grounding?.corrections = ["inserted: after \(a.value?.text ?? "the key") the live page looks unlike the video (\(Self.f2(s))), and \(k.name) on the focused \(k.role) brings it in line (→ \(Self.f2(s1)))"]
        out.append(press); counts.corrected += 1
        // The step before is now in line: its similarity is the page's after both keys.
        if unlike > 0 { unlike -= 1 }
    }

    /// Below this similarity after a key step, a second key is looked for (`keyAfterKey`).
    static let keyAfterKeyUnlike = 0.5

    /// The whole page's gain a focused control's key must bring to replace a click that did nothing.
    static let focusedKeyGain = 0.03

    /// Presses `key` and keeps it when it brings the area that changed in the video across step
    /// `i` in line with the video's frame after the step (by `keyGain`, to at least
    /// `keyAreaLike`): returns the similarities ("0.42 → 0.81"); else presses `undo` and returns nil.
    mutating func keyExplainsChange(_ i: Int, _ a: Action, _ key: Key, undo: Key) async throws -> String? {
        guard let region = videoChangeRegion(i, a),
              let after = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              let s0 = try await fieldSimilarity(region, after) else { return nil }
        let before = try await page.state()
        try await browser.keys([key])
        _ = try await settle(from: before)
        let s1 = try await fieldSimilarity(region, after) ?? 0
        debug("live: step \(i + 1), \(Self.keyName(key)) → \(Self.f2(s0)) → \(Self.f2(s1))")
        if s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike { return "\(Self.f2(s0)) → \(Self.f2(s1))" }
        try await browser.keys([undo])
        _ = try await settle(from: before)
        return nil
    }

    /// Where the video changed across action `i` (its frame before against after), in viewport
    /// CSS pixels; nil when nothing changed or most of the viewport did (a new page, not a key).
    func videoChangeRegion(_ i: Int, _ a: Action) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let vp = timeline.viewport, let f0 = frames.nearest(max(0, a.time - 0.2)),
              let f1 = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              f0.width == f1.width, f0.height == f1.height else { return nil }
        let s = frames.scale
        let x0 = max(0, Int(Double(vp.x) * s)), y0 = max(0, Int(Double(vp.y) * s))
        let x1 = min(f0.width, Int(Double(vp.x + vp.width) * s)), y1 = min(f0.height, Int(Double(vp.y + vp.height) * s))
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1, n = 0
        for y in y0..<max(y0, y1) {
            for x in x0..<max(x0, x1) where abs(Int(f0.luma(x: x, y: y)) - Int(f1.luma(x: x, y: y))) > 24 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y); n += 1
            }
        }
        guard n >= 4 else { return nil }
        let w = Double(maxX - minX + 1) / s / dpr, h = Double(maxY - minY + 1) / s / dpr
        guard w * h < 0.5 * cssViewport.width * cssViewport.height else { return nil }
        let pad = 6.0
        return ((Double(minX) / s - Double(vp.x)) / dpr - pad, (Double(minY) / s - Double(vp.y)) / dpr - pad, w + 2 * pad, h + 2 * pad)
    }

    /// Below this similarity the area a key acts on (focused field, open dialog) disagrees with the video.
    static let keyAreaUnlike = 0.8
    /// … and at least this similar after it.
    static let keyAreaLike = 0.5
    /// A key is kept when it raises that area's similarity by at least this much.
    static let keyGain = 0.1

    static func f2(_ x: Double) -> String { String(format: "%.2f", x) }

    static func keyName(_ key: Key) -> String {
        switch key {
        case .enter: "Enter"
        case .tab: "Tab"
        case .escape: "Escape"
        default: "\(key)"
        }
    }

    /// A field's rendering at least this similar to the video's confirms a value.
    static let valueMatch = 0.8

    /// Below this similarity the live page and the video disagree about what is on screen.
    static let unlikeThreshold = 0.25

    /// A script clicks an element at its centre: when the person clicked the element's own
    /// surface and its centre holds something else (a dialog inside its backdrop, another
    /// control), the locator would not repeat this click, so the step keeps the recorded point.
    mutating func keepPointIfCentreDiffers(_ a: inout Action, _ t: Identified, at p: Point, corrections: inout [String]) async throws {
        guard [.click, .dblclick, .hover].contains(a.kind), a.grounding?.locator != nil, let b = t.box, let el = t.element else { return }
        let centre = Point(x: b.x + b.width / 2, y: b.y + b.height / 2)
        guard abs(centre.x - p.x) > 4 || abs(centre.y - p.y) > 4 else { return }
        // What is hit at each point: [the element's own surface at the point, its own surface at
        // the centre, the centre still acts on it (a plain child of it, or it is the control there)].
        // (The click may have taken the element out of the page — a menu item, a removed row: its
        // reference is stale then, and the locator chosen before the click stands.)
        guard let hits = try? await browser.execute("""
            var el = arguments[0], p = document.elementFromPoint(arguments[1], arguments[2]), c = document.elementFromPoint(arguments[3], arguments[4]);
            var controls = 'a, button, input, select, textarea, [role=button], [role=link], [onclick]';
            // (After a double click, an editor it opened inside the element is the element's own.)
            var editor = arguments[5] && !!c && el.contains(c) && c.matches('input, textarea, [contenteditable]');
            return [p === el, c === el, !!c && (c === el || editor || (el.contains(c) && !c.closest(controls)) || c.closest(controls) === el), el.matches(controls)];
            """, [JSONValue(element: el), .number(p.x), .number(p.y), .number(centre.x), .number(centre.y), .bool(a.kind == .dblclick)]) else { return }
        let surfaceAtPoint = hits[0]?.bool ?? false, surfaceAtCentre = hits[1]?.bool ?? true, sameAtCentre = hits[2]?.bool ?? true
        guard Self.pointKept(surfaceAtPoint: surfaceAtPoint, surfaceAtCentre: surfaceAtCentre, sameAtCentre: sameAtCentre,
                             control: hits[3]?.bool ?? false) else { return }   // LiveGrounder+CentreChild.swift
        let there = try await page.identify(x: centre.x, y: centre.y)
        a.grounding?.locator = nil
        a.grounding?.selenium = nil
        a.grounding?.matchCount = nil
        a.target = Target(box: a.target?.box, point: p)
        corrections.append("clicked at its point: the centre of \(t.role ?? t.tag) holds something else (\(there?.name ?? there?.role ?? there?.tag ?? "another element"))")
    }

    /// The words the video gives the action's element.
    static func videoNames(_ a: Action) -> [String] {
        [a.target?.name, a.target?.text, a.target?.label, a.target?.placeholder].compactMap { $0 }.map(norm).filter { $0.count >= 2 }
    }

    /// Whether the live element answers to what the video read.
    static func answers(_ t: Identified, to names: [String]) -> Bool {
        let live = [t.name, t.text, t.label, t.placeholder].compactMap { $0 }.map(norm).filter { !$0.isEmpty }
        return names.contains { n in live.contains { $0 == n || $0.contains(n) || n.contains($0) } }
    }

    /// Appends a `hover` on `element` at `point` before `a`, as a correction saying why: dated where
    /// the video shows the area it revealed (`revealed`, CSS pixels) appear, else just before `a`.
    mutating func insertHover(before a: Action, at point: Point, on element: Identified, revealed: (x: Double, y: Double, width: Double, height: Double)?, because why: String) {
        var hover = Action(kind: .hover, time: revealTime(of: revealed, before: a, fallback: max(0, a.time - 0.3)), endTime: a.time - 0.05,
                           target: Target(point: point), confidence: a.confidence)
        _ = correctTarget(&hover, element)
        hover.target?.point = point
        hover.grounding?.status = .corrected
        hover.grounding?.corrections = ["inserted: " + why]
        out.append(hover); counts.corrected += 1
    }

    /// Whether the element at a step's point, once a rest revealed what the step acts on, is that
    /// element: an actionable element other than the opener rested on, answering to one of the
    /// names the video read for the step (`videoNames`). A menu's items are read with the
    /// neighbouring items' text and the label of the list around them, so the first name read
    /// may be another item's; the point where the press was seen is surer than that name.
    static func revealedAtPoint(_ t: Identified?, names: [String], opener: Identified) -> Bool {
        guard let t, t.actionable, t.element != nil, answers(t, to: names) else { return false }
        if let a = t.box, let b = opener.box, abs(a.x - b.x) < 1, abs(a.y - b.y) < 1, abs(a.width - b.width) < 1, abs(a.height - b.height) < 1 { return false }
        return true
    }

    /// Makes the action's element appear when the live page hides it: a hidden element named as the
    /// video names it is shown by resting the pointer on one of its containers (a `hover` step is
    /// inserted before the action); a fill whose point holds no field gets one by a click or a
    /// double click there (that step is inserted, or the click before it becomes a double click).
    mutating func reveal(_ i: Int, _ a: Action, at p: Point, found: Identified?) async throws -> (point: Point, target: Identified)? {
        let names = Self.videoNames(a)
        if [.click, .dblclick, .check, .hover].contains(a.kind), !names.isEmpty, found.map({ !Self.answers($0, to: names) }) ?? true {
            // The rests already made for a name with nothing opening (RevealPass).
            var fruitless: Set<RevealPass> = []
            for name in names where name.count >= 3 {
                guard try await page.shown(named: name, near: p, within: 150) == nil else { continue }
                // Hidden in the page (a CSS hover menu): its shown containers; else nothing by
                // that name exists yet (a menu built on mouseenter): the controls around the point.
                let hidden = try await page.hidden(named: name, near: p)
                var points = hidden?.points ?? []
                if hidden == nil { points = try await page.openers(near: p) }
                let pass = RevealPass(name: name, element: hidden?.element, points: points)
                if fruitless.contains(pass) {
                    debug("live: step \(i + 1): \"\(name)\" was looked for by the same rests at the same \(points.count) points just before, with nothing opening: not again")
                    continue
                }
                var opened = false
                for q in points {
                    try await browser.pointer(move: (q.x, q.y))
                    try await Task.sleep(nanoseconds: 350_000_000)   // a menu may wait for the pointer to rest
                    var open = false
                    // (A rest that re-renders the menu leaves the hidden item's handle stale: the
                    // item is then looked for by its name, LiveGrounder+StaleElement.swift.)
                    if let h = hidden, try await attached(h.element) { open = try await page.isVisible(h.element) } else { open = try await page.shown(named: name, near: p) != nil }
                    guard open else { continue }
                    opened = true
                    // Open: the element under the resting pointer is what was hovered.
                    guard let opener = try await page.identify(x: q.x, y: q.y) else { break }
                    // The step acts on what the hover showed: the element at the step's own point
                    // when it answers to a name the video read there (the reader may have taken a
                    // neighbouring item's name, the pointer still moving onto its pick), else the
                    // shown element of that name nearest the point.
                    let atPoint = try await page.identify(x: p.x, y: p.y)
                    let pointed = Self.revealedAtPoint(atPoint, names: names, opener: opener)
                    let c = pointed ? p : try await page.shown(named: name, near: p) ?? p
                    let t = pointed ? atPoint : try await page.identify(x: c.x, y: c.y)
                    insertHover(before: a, at: Point(x: q.x, y: q.y), on: opener, revealed: t?.box,
                                because: "resting the pointer here shows \"\(name)\", which the next step uses")
                    guard let t, t.actionable else { return nil }
                    return (c, t)
                }
                if !opened { fruitless.insert(pass) }
            }
        }
        if [.click, .dblclick, .check].contains(a.kind), found == nil, (0..<cssViewport.width).contains(p.x), (0..<cssViewport.height).contains(p.y),
           let under = try await page.identify(x: p.x, y: p.y), !under.actionable {
            // Nothing to act on at the point until the pointer rests there (a card's delete
            // button shown on hover): rest it there, and when a control appears under it, that
            // is what the step acts on, after a hover on what was there.
            try await browser.pointer(move: (p.x, p.y))
            try await Task.sleep(nanoseconds: 350_000_000)
            if let shown = try await page.identify(x: p.x, y: p.y), shown.actionable, shown.element != nil {
                insertHover(before: a, at: p, on: under, revealed: shown.box,
                            because: "resting the pointer here shows \(shown.role ?? shown.tag) \"\(shown.name ?? "")\", which the next step acts on")
                return (p, shown)
            }
        }
        if a.kind == .fill, !(found?.isTextField ?? false) {
            var t = found
            if t == nil { t = try await page.identify(x: p.x, y: p.y) }
            // A control that does something of its own when clicked (a button, a link, a switch)
            // is not clicked to look for a field: that would perform it.
            guard let t, !["button", "link", "menuitem", "checkbox", "switch", "radio", "tab", "option"].contains(t.role ?? "") else { return nil }
            for count in [1, 2] {
                let before = try await page.state()
                try await browser.pointerClick(at: (p.x, p.y), count: count)
                _ = try await settle(from: before)
                guard let now = try await page.identify(x: p.x, y: p.y), now.isTextField, now.actionable else { continue }
                let kind: ActionKind = count == 2 ? .dblclick : .click
                // The clicks just before on the same element (at the point, or named by the same
                // locator) were this opening click, read as one or two single clicks.
                let opened = t.playwright.flatMap { LiveLocator(json: $0) }
                var same: [Int] = []
                for k in out.indices.reversed() {
                    let last = out[k]
                    guard [.click, .dblclick].contains(last.kind), a.time - last.endTime < 4 else { break }
                    let near = last.target?.point.map { abs($0.x - p.x) < 12 && abs($0.y - p.y) < 12 } ?? false
                    guard near || (opened != nil && last.grounding?.locator == opened) else { break }
                    same.insert(k, at: 0)
                }
                if let k = same.first {
                    let last = out[k]
                    if last.kind != kind || same.count > 1 {
                        if last.grounding?.status == .verified { counts.verified -= 1; counts.corrected += 1 }
                        out[k].kind = kind
                        out[k].grounding?.status = .corrected
                        out[k].grounding?.corrections.append("\(same.count > 1 ? "\(same.count) clicks" : last.kind.rawValue) → \(kind.rawValue): the field to type into opens on a \(kind == .dblclick ? "double " : "")click")
                    }
                    for extra in same.dropFirst().reversed() {
                        if out[extra].grounding?.status == .corrected { counts.corrected -= 1 } else { counts.verified -= 1 }
                        counts.dropped += 1
                        out.remove(at: extra)
                    }
                } else {
                    // Dated where the video shows the field open (LiveGrounder+ShownTime.swift).
                    let at = revealTime(of: now.box, before: a, fallback: max(0, a.time - 0.3))
                    var opener = Action(kind: kind, time: at, endTime: max(at, min(a.time - 0.05, at + 0.3)), target: a.target, confidence: a.confidence)
                    opener.value = nil
                    _ = correctTarget(&opener, t)
                    opener.target?.point = p
                    opener.grounding?.status = .corrected
                    opener.grounding?.corrections = ["inserted: the field to type into opens on a \(kind == .dblclick ? "double " : "")click here"]
                    out.append(opener); counts.corrected += 1
                }
                return (p, now)
            }
        }
        return nil
    }

    /// A check step that repeats the previous one on the same control, with no change in the
    /// video across it: the control is clicked live and its look compared with the video's later
    /// frame (before the next step, or the recording's end). The click is kept — the control's
    /// new checked state returned — when the control now looks clearly more like that frame
    /// (`toggleGain`); else it is undone by a second click and nil is returned.
    mutating func repeatedToggleKept(_ i: Int, _ t: Identified, at p: Point) async throws -> Bool? {
        guard let box = t.box, let el = t.element else { return nil }
        let duration = timeline.source?.duration ?? .infinity
        let later = i + 1 < timeline.actions.count ? max(0, timeline.actions[i + 1].time - 0.2) : duration - 0.1
        guard later.isFinite, let frame = frames.nearest(later) else { return nil }
        let pad = 3.0
        let region = (x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad)
        let area = max(1, region.width * region.height)
        let d0 = distance(region, shot: try decodePNG(try await browser.screenshot()), frame) / area
        let before = try await page.state()
        try await browser.pointerClick(at: (p.x, p.y), count: 1)
        _ = try await settle(from: before)
        let d1 = distance(region, shot: try decodePNG(try await browser.screenshot()), frame) / area
        debug("live: step \(i + 1) repeats the previous check: the control is \(Self.f2(d0)) from the video's later frame, \(Self.f2(d1)) after a second click")
        if Self.toggleExplains(before: d0, after: d1) {
            let now = try await browser.execute("var e = arguments[0], s = e.getAttribute('aria-checked') || e.getAttribute('aria-pressed'); return s === null ? !!e.checked : s === 'true';",
                                                [JSONValue(element: el)])
            return now.bool ?? !(t.checked ?? false)
        }
        let s = try await page.state()
        try await browser.pointerClick(at: (p.x, p.y), count: 1)
        _ = try await settle(from: s)
        return nil
    }

    /// Whether a click that moved a control's look from `before` to `after` (its mean absolute
    /// luma difference to the video's frame, as `distance` measures it) explains the video: it
    /// must come clearly nearer, by a share and by a few levels.
    static func toggleExplains(before d0: Double, after d1: Double) -> Bool {
        d1 < d0 * (1 - toggleGain) && d0 - d1 >= 3
    }

    /// The share of its distance to the video a repeated toggle's click must remove to be kept.
    static let toggleGain = 0.3

    /// Where to look for the action's element: the recorded point and the centre of the element's
    /// box (the centre first for a select, whose option is clicked in a popup).
    static func points(for a: Action) -> [Point] {
        let point = a.target?.point
        let centre = a.target?.box.map { Point(x: $0.x + $0.width / 2, y: $0.y + $0.height / 2) }
        let ordered = a.kind == .select ? [centre, point] : [point, centre]
        var out: [Point] = []
        for p in ordered.compactMap({ $0 }) where !out.contains(where: { abs($0.x - p.x) < 2 && abs($0.y - p.y) < 2 }) { out.append(p) }
        return out
    }

    /// Whether the live element is the kind the action acts on.
    static func fits(_ kind: ActionKind, _ t: Identified) -> Bool {
        switch kind {
        case .fill: t.isTextField
        case .select: t.isSelect || t.role == "combobox" || t.role == "listbox"
        case .check: t.isCheckable
        default: true
        }
    }
}

/// One search of `Run.reveal` for a hidden name: the rests it makes (350 ms at each point, in
/// order) and what it looks for after each (the hidden element shown, or the name shown near the
/// step's point). A search that opened nothing is not made again for the same step: the video
/// often gives an element one name as both its name and its text (`videoNames`), and each
/// repeat rested at the same points, at ~0.35 s a point, to the same answer (board-hidpi2x-1080:
/// 5 points × 2 for "maya chen", 1.75 s). The pointer ends where the first search left it.
struct RevealPass: Hashable {
    var name: String
    var element: ElementHandle?
    var points: [Point]
}
