import Browser
import Foundation
import ScreenCore

/// Analysis by synthesis for steps the offline analysis never proposed: between two offline steps
/// (or after the last one) the video is walked in half-second moments beside the live page. Where
/// the video's screen changes and the live page does not follow, the clicks the video suggests —
/// the element under each area that changed (the pointer's resting place among them) — are tried
/// live in order of likelihood, and the first that brings the changed areas in line is kept as an
/// inserted `click` step.
extension Run {
    /// Moments sampled inside a gap, apart by this many seconds.
    static let gapStep = 0.5
    /// At most this many candidate clicks are tried per change in the video, and per gap.
    static let candidatesPerChange = 3, triesPerGap = 6
    /// Changes this close (seconds) before the next offline pointer step are left to it.
    static let nextStepLead = 0.7
    /// The pointer count given to the element the pointer rested on at the previous moment (its
    /// hover look explained that change): above any area's own count, so it is tried first.
    static let restedPointer = 100
    /// More unexplained areas than this are a re-layout rather than one control's new look.
    static let manyAreas = 6
    /// A changed area counts as unexplained when the live page's lean towards the video's after
    /// state is below this (`lean`: -1 = looks as before the change, 1 = as after)…
    static let areaUnlike = -0.3
    /// … and a click explains the change when the unexplained areas' lean gains this much, to at least `areaLike`.
    static let areaGain = 0.5, areaLike = 0.2

    /// The moments of the gap between `start` and `end` that `LiveGrounder.frameTimes` samples:
    /// every `gapStep` from 0.3 s in, and the end itself when the last falls more than 0.2 s before it.
    static func gapMoments(from start: Double, to end: Double) -> [Double] {
        guard end - start >= 0.6 else { return [] }
        var out: [Double] = []
        var t = start + 0.3
        while t <= end + 1e-6 && out.count < 120 { out.append(t); t += gapStep }
        // The gap's tail, when the last moment falls well before it (a key just before the next step).
        if let last = out.last, end - last > 0.2, out.count < 120 { out.append(end) }
        return out
    }

    /// The gap before action `i` (the recording's end when `i` is the number of actions): from the
    /// end of the previous offline step to just before the next one starts.
    func gapBounds(_ i: Int) -> (start: Double, end: Double)? {
        guard i > 0, i <= timeline.actions.count else { return nil }
        // The step as grounded (a select may have become a click).
        let offline = timeline.actions[i - 1]
        let start = refutedKeyStart(i) ?? Self.gapStart(out.last.flatMap { abs($0.time - offline.time) < 0.01 ? $0 : nil } ?? offline)
        let duration = timeline.source?.duration ?? .infinity
        let end = i < timeline.actions.count ? timeline.actions[i].time - 0.2 : min(duration - 0.1, start + 60)
        return end - start >= 0.6 ? (start, end) : nil
    }

    /// Where the gap after `a` starts: its end, but a click is instantaneous however long the
    /// reader's span for it (or for what it was mistaken for) ran; a hover likewise (the rest that
    /// opened a menu, read with the choice made in it).
    static func gapStart(_ a: Action) -> Double {
        [.click, .dblclick, .check, .hover].contains(a.kind) ? min(a.endTime, a.time + 0.8) : a.endTime
    }

    /// Walks the gap before action `i` and inserts the clicks that explain the video's changes.
    /// `span`: the moments to walk instead of the gap's (a change left to step `i` that its click
    /// did not make, `GapSearch+Resting.swift`); nothing is then left to step `i`.
    mutating func synthesizeGap(_ i: Int, span: (start: Double, end: Double)? = nil) async throws {
        guard let (start, end) = span ?? gapBounds(i), let vp = timeline.viewport, !frames.frames.isEmpty else { return }
        // The element the next offline step acts on is left to that step (it may be dated late).
        var nextElement: LiveLocator?
        if span == nil, i < timeline.actions.count, let p = timeline.actions[i].target?.point,
           let t = try await page.identify(x: p.x, y: p.y), t.actionable {
            nextElement = t.playwright.flatMap { LiveLocator(json: $0) }
        }
        let nextPointer = span == nil && i < timeline.actions.count && [.click, .dblclick, .check, .select, .hover].contains(timeline.actions[i].kind)
            ? timeline.actions[i].time : nil
        let moments = Self.gapMoments(from: start, to: end)
        guard moments.count >= 2 else { return }
        var tries = 0
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        var k = 1
        // Where the pointer arrived at the previous moment: it may have pressed there since.
        var arrived: [(x: Double, y: Double, width: Double, height: Double)] = []
        // … and a little wider areas where it may have (GapSearch+PointerTrace.swift).
        var traced: [(x: Double, y: Double, width: Double, height: Double)] = []
        // Where the pointer still rests since it last arrived (GapSearch+PointerRest.swift).
        var rest: [(x: Double, y: Double, width: Double, height: Double)] = []
        // The element whose hover look explained the previous change (a menu item lit under the
        // resting pointer): the pointer is there, so a press that follows most likely hit it.
        var restedOn: (point: Point, target: Identified)?
        // The previous moment's changed areas (GapSearch+ConfirmDialog.swift).
        var lastBlobs: [(x: Double, y: Double, width: Double, height: Double)] = []
        let budget = Self.triesPerGap
        var fieldsTried = false
        // Toggles the video changed before a change are made first, until one is tried (GapSearch+TogglesFirst.swift).
        var togglesTried = false
        while k < moments.count && tries < budget {
            defer { k += 1 }
            // A change just before the next offline pointer step is that step's own effect, its
            // reading dated a little late: left to it (a click tried here would act twice).
            if let next = nextPointer, moments[k] > next - Self.nextStepLead { break }
            guard let f0 = frames.nearest(moments[k - 1]), let f1 = frames.nearest(moments[k]),
                  f0.width == f1.width, f0.height == f1.height else { continue }
            let blobs = Self.changeBlobs(f0, f1, in: whole).map(cssBox)
            let previous = arrived
            let restBefore = rest
            arrived = blobs.filter(Self.pointerSized)
            let tracedBefore = traced
            let blobsBefore = lastBlobs
            lastBlobs = blobs
            traced = blobs.filter(Self.pointerTraceSized)
            rest = Self.pointerRest(after: rest, blobs: blobs)
            if !blobs.isEmpty { debug("live: gap \(Self.f2(moments[k])) s: " + blobs.prefix(6).map { "\(Int($0.x)),\(Int($0.y)) \(Int($0.width))×\(Int($0.height))" }.joined(separator: "; ")) }
            // Only a change bigger than the pointer says something happened on the page.
            guard blobs.contains(where: { !Self.pointerSized($0) }) else { continue }
            var shot = try decodePNG(try await browser.screenshot())
            // An area where the pointer arrived at the previous moment may hold it resting, drawn
            // in both frames: judged by what changed only (GapSearch+RestingPointer.swift).
            let resting = blobs.map { Self.underRestingPointer($0, previous: previous) }
            // The frame before the pointer came: what changed under it since (GapSearch+RestPress.swift).
            let prior = k >= 2 ? frames.nearest(moments[k - 2]) : nil
            // (Taken only where it finds a change the changed cells missed: elsewhere as before.)
            var restPrior: [Image?] = blobs.indices.map { j in
                guard resting[j], !Self.pointerSized(blobs[j]), let prior,
                      restingLean(blobs[j], shot: shot, f0, f1) >= Self.areaUnlike,
                      let p = pressLean(blobs[j], shot: shot, prior: prior, f0, f1), p < Self.areaUnlike else { return nil }
                // (… and only where the new look outlasts the rest: no hover look or focus ring.)
                let (later, relaid) = Self.untilRelayout(moments[(k + 1)...].compactMap { frames.nearest($0) }, from: f1, in: whole)
                guard pressOutlasts(blobs[j], prior: prior, f0, f1, later: later, tail: !relaid && span == nil && i == timeline.actions.count) else {
                    debug("live: gap \(Self.f2(moments[k])) s: under the resting pointer \(Int(blobs[j].x)),\(Int(blobs[j].y)) a change since the pointer came (\(Self.f2(p))) does not outlast the rest")
                    return nil
                }
                return prior
            }
            var before = blobs.indices.map { areaLean(blobs[$0], shot: shot, f0, f1, resting: resting[$0], prior: restPrior[$0]) }
            var unexplained = blobs.indices.filter { before[$0] < Self.areaUnlike }
            // A press under the rest is searched only alone: beside other unexplained areas it
            // stays explained, as its changed cells say.
            if unexplained.contains(where: { restPrior[$0] == nil && !Self.pointerSized(blobs[$0]) }) && restPrior.contains(where: { $0 != nil }) {
                restPrior = blobs.map { _ in nil }
                before = blobs.indices.map { resting[$0] ? restingLean(blobs[$0], shot: shot, f0, f1) : lean(blobs[$0], shot: shot, f0, f1) }
                unexplained = blobs.indices.filter { before[$0] < Self.areaUnlike }
            }
            for j in blobs.indices where resting[j] && !Self.pointerSized(blobs[j]) {
                debug("live: gap \(Self.f2(moments[k])) s: under the resting pointer \(Int(blobs[j].x)),\(Int(blobs[j].y)) leans \(Self.f2(before[j])) by its changed cells\(restPrior[j] != nil ? " since the pointer came" : "") (\(Self.f2(lean(blobs[j], shot: shot, f0, f1))) whole)")
            }
            guard unexplained.contains(where: { !Self.pointerSized(blobs[$0]) }) else { continue }
            // A toggle the video changed earlier in the gap (a checkbox the press needs ticked):
            // made first, and the change judged again with it (GapSearch+TogglesFirst.swift).
            if !togglesTried, k >= 2 {
                let r = try await togglesBeforeChange(i, from: moments[0], to: moments[k - 1])
                togglesTried = r.tried
                if r.inserted {
                    shot = try decodePNG(try await browser.screenshot())
                    before = blobs.indices.map { areaLean(blobs[$0], shot: shot, f0, f1, resting: resting[$0], prior: restPrior[$0]) }
                    unexplained = blobs.indices.filter { before[$0] < Self.areaUnlike }
                    guard unexplained.contains(where: { !Self.pointerSized(blobs[$0]) }) else { continue }
                }
            }
            let s0 = Self.weighted(unexplained.map { (blobs[$0], before[$0]) })
            debug("live: gap before step \(i + 1) at \(Self.f2(moments[k])) s: \(unexplained.count) changed area(s) unlike live (\(Self.f2(s0)))")
            // Only a press under the resting pointer is unexplained: the click there is all that
            // is tried (no typing, arrow, hover or other element: GapSearch+RestPress.swift).
            let pressOnly = unexplained.filter { !Self.pointerSized(blobs[$0]) }.allSatisfy { restPrior[$0] != nil }
            if pressOnly {
                let press = restPrior
                guard try await pressUnderRest(i, at: max(moments[k - 1], moments[k] - 0.3), unexplained: unexplained.map { (blobs[$0], resting[$0], press[$0]) },
                                               previous: previous, avoid: nextElement, f0: f0, f1: f1, s0: s0, tries: &tries)
                else { return }
                continue
            }
            // The next step's typing read late: no click explains it (GapSearch+NextTyping.swift).
            if span == nil, try await nextFillTyping(i, areas: unexplained.map { blobs[$0] }, f0: f0, f1: f1) { break }
            // The focus is in a list-like control (a combobox's open results, a listbox, tabs):
            // the highlighted row moving is an arrow key's doing, no click's. Each arrow is tried
            // (undone by the opposite one) before any click.
            if try await arrowExplains(i, k: k, moments: moments, blobs: blobs, unexplained: unexplained, f0: f0, f1: f1, s0: s0, tries: &tries, budget: budget) { continue }
            // Typing the analysis missed may be the change (a search filtering a list): the
            // fields are reconciled first, once per gap before a step (GapSearch+FieldsFirst.swift).
            if span == nil, !fieldsTried, i < timeline.actions.count {
                fieldsTried = true
                if try await fieldsExplainGap(i, at: moments[k]) { continue }
            }
            // Candidates: the element under each unexplained area (the pointer's hot spot for one
            // of pointer size), most areas touched first.
            var candidates: [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] = []
            if let r = restedOn, let box = r.target.box {
                let grown = (x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8)
                let touches = unexplained.filter { Self.overlaps(blobs[$0], grown) }
                if !touches.isEmpty, !Self.destructive([r.target.name, r.target.text, r.target.label]) {
                    candidates.append((r.point, r.target, Self.restedPointer, touches.count, box.width * box.height, true))
                }
            }
            restedOn = nil
            let restedAreas = Self.restedAreas(previous: previous, rest: restBefore, areas: unexplained.count)
            if restedAreas.count > 0 && previous.isEmpty { debug("live: gap before step \(i + 1): the pointer still rests at " + restedAreas.map { "\(Int($0.x)),\(Int($0.y))" }.joined(separator: "; ")) }
            for (j, b) in unexplained.map({ ($0, blobs[$0]) }) + restedAreas.map({ (-1, $0) }) {
                // A pointer's area: its hot spot (near the top left), else — where it rested at the
                // moment before — its middle (the area spans where it was and where it went).
                var found: (Point, Identified)?
                for p in Self.pointerSized(b) ? [Point(x: b.x + min(6, b.width / 3), y: b.y + 4)] + (j < 0 ? [Point(x: b.x + b.width / 2, y: b.y + b.height / 2)] : [])
                                              : [Point(x: b.x + b.width / 2, y: b.y + b.height / 2)] {
                    guard p.x >= 0, p.y >= 0, p.x < cssViewport.width, p.y < cssViewport.height,
                          let t = try await page.identify(x: p.x, y: p.y), t.actionable, t.element != nil, !t.isTextField, t.box != nil else { continue }
                    // (The middle of where the pointer rested never names a destructive control.)
                    if p.x != b.x + min(6, b.width / 3), Self.destructive([t.name, t.text, t.label]) { continue }
                    found = (p, t)
                    break
                }
                guard let (p, t) = found, let box = t.box else { continue }
                let loc = t.playwright.flatMap { LiveLocator(json: $0) }
                if loc != nil && loc == nextElement { continue }
                // A destructive control (Delete, Remove, Discard…) is tried only where the video
                // shows more than its own look change around it (the row or card it removes
                // going): a tried click that does not explain the video could not be undone.
                let around = (x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8)
                // The pointer arrived there at the previous moment and rested: where a click comes from.
                let rested = j < 0 || previous.contains { Self.overlaps($0, around) }
                if Self.destructive([t.name, t.text, t.label]) {
                    let removes = Self.removesAround(box, areas: unexplained.map { blobs[$0] }, viewport: cssViewport)   // GapSearch+Destructive.swift
                    // (… and only where the pointer rested on it: a re-laid-out list changes
                    // around every row's button.)
                    if !Self.destructiveTried(removes: removes, rested: rested, relayout: unexplained.count > Self.manyAreas) {
                        debug("live: gap before step \(i + 1): \(t.role ?? t.tag) \"\(t.name ?? "")\" is destructive and the video shows nothing around it go: not tried")
                        continue
                    }
                }
                if candidates.contains(where: { c in c.target.box.map { abs($0.x - box.x) < 1 && abs($0.y - box.y) < 1 && abs($0.width - box.width) < 1 } ?? false }) { continue }
                let grown = (x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8)
                let touches = unexplained.filter { Self.overlaps(blobs[$0], grown) }
                let pointer = touches.filter { Self.pointerSized(blobs[$0]) }.count + (j < 0 ? 1 : 0)
                candidates.append((p, t, pointer, touches.count, b.width * b.height, rested))
            }
            // A re-layout the pointer's arrival just before explains: the destructive control it
            // came to rest on is tried first (GapSearch+RestBeforeRelayout.swift).
            if unexplained.count > Self.manyAreas {
                for (p, t) in try await restedBeforeRelayout(f0, t0: moments[k - 1], t1: moments[k], in: whole, areas: unexplained.map { blobs[$0] })
                where !candidates.contains(where: { Self.samePlace($0.target.box, t.box) }) {
                    candidates.append((p, t, Self.restedPointer, 1, t.box.map { $0.width * $0.height } ?? 0, true))
                }
            }
            // Nothing actionable under any of them (a menu opened over a table): the pointer's
            // place now, where what opened it is (GapSearch+HoverMenu.swift).
            let atPointer = candidates.isEmpty
            if atPointer { candidates = try await pointerCandidates(blobs, unexplained: unexplained) }
            // The pointer rests on what it clicked: elements under a pointer-sized change first. A
            // change of many areas (a list re-sorted, a new page) is only searched there.
            candidates.sort { ($0.pointer, $0.touches, $0.area) > ($1.pointer, $1.touches, $1.area) }
            if unexplained.count > Self.manyAreas { candidates = Self.relayoutCandidates(candidates) }
            if candidates.isEmpty { candidates = try await tracedCandidates(tracedBefore) }
            // A dialog opened over the whole page, and still nothing to try: the destructive
            // control the pointer came onto just before asks first (GapSearch+ConfirmDialog.swift).
            if candidates.isEmpty, Self.dialogOpened(unexplained.map { blobs[$0] }, viewport: cssViewport) {
                candidates = try await confirmCandidates(blobsBefore)
            }
            // Still nothing (no pointer drawn): a menu open live over the change, else a collapsed
            // opener beside it (GapSearch+Openers.swift).
            if candidates.isEmpty {
                let areas = unexplained.map { blobs[$0] }.filter { !Self.pointerSized($0) }
                candidates = try await openMenuCandidates(areas)
                if candidates.isEmpty, unexplained.count <= Self.manyAreas { candidates = try await collapsedOpenerCandidates(areas) }
            }
            // A change the resting pointer makes (a row's or a button's hover look) is no click:
            // the live pointer is rested on each candidate first, which changes nothing in the app.
            // A toggle under it (a star, a checkbox) may have been clicked as well: the click is
            // tried too and kept when its rendering is clearly nearer the video's, else undone.
            var hovered: (index: Int, distance: Double, lean: Double)?
            let restState = try await page.state()
            for (n, c) in candidates.prefix(Self.candidatesPerChange).enumerated() {
                let box = c.target.box!
                try await browser.pointer(move: (box.x + box.width / 2, box.y + box.height / 2))
                // (What opens under the pointer may wait for the pointer to rest: hover intent;
                // GapSearch+DisclosureRest.swift.)
                try await Task.sleep(nanoseconds: Self.candidateRest(atPointer: atPointer, expanded: try await ariaExpanded(c.target)))
                let now = try decodePNG(try await browser.screenshot())
                let sh = Self.weighted(unexplained.map { (blobs[$0], areaLean(blobs[$0], shot: now, f0, f1, resting: resting[$0], prior: restPrior[$0])) })
                debug("live: gap before step \(i + 1): pointer on \(c.target.role ?? c.target.tag) \"\(c.target.name ?? "")\" → \(Self.f2(sh))")
                if sh >= s0 + Self.areaGain && sh >= Self.areaLike {
                    hovered = (n, unexplained.reduce(0) { $0 + distance(blobs[$1], shot: now, f1) }, sh)
                    break
                }
            }
            // The hover's lean a click must beat, when a re-layout hid whether the change stayed.
            var hoverToBeat: Double?
            if let h = hovered {
                // A hover look goes when the pointer moves on; a toggle's new look stays: the
                // video's next moments of the gap say which.
                let c = candidates[h.index]
                let later = moments[(k + 1)..<min(moments.count, k + 2)].compactMap { frames.nearest($0) }
                let stays = !later.isEmpty && unexplained.filter { !Self.pointerSized(blobs[$0]) }.allSatisfy { j in
                    later.allSatisfy { Self.videoLean(videoRect(blobs[j]), $0, f0, f1) > 0 }
                }
                let relaid = !stays && Self.relaidOut(f1, later.first, in: whole)
                if relaid { hoverToBeat = h.lean }
                debug("live: gap before step \(i + 1): the change \(stays ? "stays" : relaid ? "goes with a re-layout" : "goes") in the video's next moments")
                // Resting there opened something in the app that stays in the video (a hover menu):
                // the rest is a step of its own (GapSearch+HoverMenu.swift).
                if stays, c.target.pressed == nil, c.target.checked == nil, !c.target.isCheckable,
                   Self.restOpened(before: restState, after: try await page.state()) {
                    insertGapHover(i, c.point, c.target, at: max(moments[k - 1], moments[k] - 0.3), lean: (before: s0, after: h.lean), areas: unexplained.count)
                    continue
                }
                guard stays || relaid, c.target.pressed != nil || c.target.checked != nil || c.target.isCheckable else {
                    restedOn = (c.point, c.target)
                    continue
                }
            }
            for c in (hovered.map { [candidates[$0.index]] } ?? Array(candidates.prefix(Self.candidatesPerChange))) where tries < budget {
                tries += 1
                let state0 = try await page.state()
                let box = c.target.box!
                let at = (box.x + box.width / 2, box.y + box.height / 2)
                // The page as it is with the pointer there: what a click changed is measured
                // against it (a checkbox's tick changes no digest, only pixels).
                try await browser.pointer(move: at)
                let pre = try decodePNG(try await browser.screenshot())
                try await browser.pointerClick(at: at, count: 1)
                let state1 = try await settle(from: state0)
                let png = try await browser.screenshot()
                let now = try decodePNG(png)
                let s1 = Self.weighted(unexplained.map { (blobs[$0], areaLean(blobs[$0], shot: now, f0, f1, resting: resting[$0], prior: restPrior[$0])) })
                debug("live: gap before step \(i + 1): click on \(c.target.role ?? c.target.tag) \"\(c.target.name ?? "")\" → \(Self.f2(s1))")
                if Self.clickKept(lean: s1, before: s0, hover: hoverToBeat) {
                    let t = max(moments[k - 1], moments[k] - 0.3)
                    var click = Action(kind: .click, time: t, endTime: t + 0.1, target: Target(point: Point(x: at.0, y: at.1)), confidence: 0.5)
                    _ = correctTarget(&click, c.target)
                    _ = correctKind(&click, c.target)
                    if click.kind == .check { click.value = .flag(!(c.target.checked ?? false)) }
                    click.target?.point = Point(x: at.0, y: at.1)
                    if state1.url != state0.url { click.navigatesTo = state1.url }
                    click.grounding?.status = .corrected
                    click.grounding?.corrections = ["inserted: the video changes here (\(unexplained.count) area\(unexplained.count == 1 ? "" : "s") unlike the live page, \(Self.f2(s0))) and this click brings them in line (\(Self.f2(s1)))"]
                    click.grounding?.similarity = (s1 * 1000).rounded() / 1000
                    if options.keepScreenshots { shots[out.count] = png }
                    out.append(click); counts.corrected += 1
                    break
                }
                if state1.differs(from: state0) || !Self.samePixels(pre, now) {
                    // It changed the page without explaining the video: it is undone — a second
                    // click (a toggle), else Escape (a dialog or menu it opened), else going back
                    // (an address it reached) — and the undo checked by the page's digest and
                    // pixels coming back; when none restores it, searching stops here (the page
                    // is no longer the one the video showed).
                    var restored = false
                    for undo in 0..<3 where !restored {
                        let s = try await page.state()
                        switch undo {
                        case 0:
                            // (Not a destructive control's: GapSearch+RestBeforeRelayout.swift.)
                            guard state1.url == state0.url, Self.secondClickUndoes(c.target) else { continue }
                            // Where the element is now: a list re-sorted by the click moved it.
                            let now = try await locate(c.target)
                            try await browser.pointerClick(at: now.map { ($0.box.x + $0.box.width / 2, $0.box.y + $0.box.height / 2) } ?? at, count: 1)
                        case 1:
                            // (Not the dialog the click was made in: GapSearch+DialogUndo.swift.)
                            guard try await escapeUndoesClick(at: at, before: state0, after: state1) else { continue }
                            try await browser.keys([.escape])
                        default:
                            guard s.url != state0.url else { continue }
                            _ = try await browser.execute("history.back(); return true;", [])
                        }
                        let back = try await settle(from: s)
                        try await browser.pointer(move: at)
                        let after = try decodePNG(try await browser.screenshot())
                        restored = !back.differs(from: state0) && Self.samePixels(pre, after)
                        debug("live: gap before step \(i + 1): undo \(["second click", "Escape", "back"][undo]) → \(restored ? "restored" : "not restored")")
                    }
                    if restored { continue }
                    // Tried a moment early: kept when it explains the gap's next moment (GapSearch+NextMoment.swift).
                    if let j = Self.nextMomentIndex(k, moments: moments, nextPointer: nextPointer),
                       let f2 = frames.nearest(moments[j]), f2.width == f1.width, f2.height == f1.height,
                       try await keepEarlyClick(i, c.target, at: at, pre: pre, f1: f1, f2: f2, whole: whole,
                                                time: max(moments[k], moments[j] - 0.3), navigated: state1.url != state0.url ? state1.url : nil) { break }
                    diagnostics.append(Diagnostic(.note, "live: before step \(i + 1), a tried click on \(c.target.role ?? c.target.tag) \"\(c.target.name ?? "")\" changed the page without bringing it in line with the video"))
                    return
                }
            }
        }
    }

    /// Roles of a focused control whose highlighted item the arrow keys move.
    /// (Tabs and radio groups are left out: a click on one leaves the focus there, and their
    /// arrows would switch the page rather than move a highlight.)
    static let arrowRoles: Set<String> = ["combobox", "listbox", "menu", "grid", "tree", "treegrid", "option", "menuitem", "treeitem"]

    /// With the focus in a list-like control (`arrowRoles`, or an element with `aria-expanded=true`)
    /// and no pointer-sized area among the change's, ArrowDown and ArrowUp are tried on the change at moment `k`; the first that brings the
    /// unexplained areas in line is inserted as a `press` step, the others are undone by the
    /// opposite arrow. True when one was inserted.
    mutating func arrowExplains(_ i: Int, k: Int, moments: [Double], blobs: [(x: Double, y: Double, width: Double, height: Double)],
                                unexplained: [Int], f0: Image, f1: Image, s0: Double, tries: inout Int, budget: Int) async throws -> Bool {
        let focus = try await browser.execute("""
            var a = document.activeElement;
            if (!a || a === document.body || a === document.documentElement) return '';
            return (a.getAttribute('role') || '').toLowerCase() + '|' + (a.getAttribute('aria-expanded') || '');
            """, []).string ?? ""
        let parts = focus.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Self.arrowRoles.contains(parts[0]) || parts[1] == "true" && !["tab", "radio"].contains(parts[0]),
              // The pointer moving in the change is a mouse's doing.
              !unexplained.contains(where: { Self.pointerSized(blobs[$0]) }) else { return false }
        for (key, name, undo) in [(Key.arrowDown, "ArrowDown", Key.arrowUp), (.arrowUp, "ArrowUp", .arrowDown)] where tries < budget {
            tries += 1
            let state0 = try await page.state()
            try await browser.keys([key])
            _ = try await settle(from: state0)
            let png = try await browser.screenshot()
            let now = try decodePNG(png)
            let s1 = Self.weighted(unexplained.map { (blobs[$0], lean(blobs[$0], shot: now, f0, f1)) })
            debug("live: gap before step \(i + 1): \(name) → \(Self.f2(s1))")
            if s1 >= s0 + Self.areaGain && s1 >= Self.areaLike {
                let t = max(moments[k - 1], moments[k] - 0.3)
                var press = Action(kind: .press, time: t, endTime: t + 0.06, value: .text(name), confidence: 0.5)
                press.grounding = Grounding(status: .corrected)
                press.grounding?.corrections = ["inserted: the video changes here (\(unexplained.count) area\(unexplained.count == 1 ? "" : "s") unlike the live page, \(Self.f2(s0))) in the focused \(parts[0].isEmpty ? "list" : parts[0]), and \(name) brings them in line (\(Self.f2(s1)))"]
                press.grounding?.similarity = (s1 * 1000).rounded() / 1000
                if options.keepScreenshots { shots[out.count] = png }
                out.append(press); counts.corrected += 1
                return true
            }
            let state1 = try await page.state()
            try await browser.keys([undo])
            _ = try await settle(from: state1)
        }
        return false
    }

    /// Words naming a control whose click destroys something (no second click undoes it).
    static let destructiveWords = ["delete", "remove", "discard", "erase", "trash", "clear", "reset", "sign out", "log out", "unsubscribe"]

    /// Whether an element of these names (accessible name, text, label) is a destructive control.
    static func destructive(_ names: [String?]) -> Bool {
        let words = names.compactMap { $0?.lowercased().trimmingCharacters(in: .whitespaces) }
        return words.contains { w in destructiveWords.contains { w == $0 || w.hasPrefix($0 + " ") || w.hasPrefix($0) && w.count <= $0.count + 1 } }
    }

    /// Whether the live page's area `box` (CSS pixels) looks like the video's frame before a
    /// change (`f0`, -1) or after it (`f1`, 1): mean absolute luma differences on one small grid,
    /// each the best of a few pixels' shift (registration), as (d0 - d1) / (d0 + d1 + 1). Unlike
    /// SSIM it does not call a pale change (a yellow star filled in) alike.
    func lean(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ f0: Image, _ f1: Image) -> Double {
        guard let d = differences(box, shot: shot, [f0, f1]) else { return 0 }
        return (d[0] - d[1]) / (d[0] + d[1] + 1)
    }

    /// How far the live page's area is from the video frame `f` there (mean absolute luma
    /// difference, as `lean` measures it), times the area.
    func distance(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ f: Image) -> Double {
        guard let d = differences(box, shot: shot, [f]) else { return 0 }
        return d[0] * box.width * box.height
    }

    /// For each frame, the mean absolute luma difference between the live page's area `box` (CSS
    /// pixels, in `shot`) and the video's same area, both reduced to at most 64 columns, the best
    /// of a one-pixel shift either way (255 when no shift fits); nil when either area is empty.
    private func differences(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ frames: [Image]) -> [Double]? {
        guard let video = videoRect(box) else { return nil }
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(box.x * k), y: Int(box.y * k), width: Int(box.width * k), height: Int(box.height * k))
        guard live.width > 1, live.height > 1, video.width > 1, video.height > 1 else { return nil }
        let w = max(4, min(64, video.width)), h = max(4, Int((Double(w) * Double(video.height) / Double(video.width)).rounded()))
        let l = Similarity.reduce(shot, live, w, h)
        return frames.map { f in
            var best = Double.infinity
            for dy in -1...1 {
                for dx in -1...1 {
                    let r = PixelRect(x: video.x + dx, y: video.y + dy, width: video.width, height: video.height)
                    guard r.x >= 0, r.y >= 0, r.x + r.width <= f.width, r.y + r.height <= f.height else { continue }
                    let v = Similarity.reduce(f, r, w, h)
                    var sum = 0.0
                    for j in v.indices { sum += abs(v[j] - l[j]) }
                    best = min(best, sum / Double(v.count))
                }
            }
            return best.isFinite ? best : 255
        }
    }

    /// Whether the video frame `f` looks, in `r` (frame pixels), like `f0` (-1) or like `f1` (1).
    static func videoLean(_ r: PixelRect?, _ f: Image, _ f0: Image, _ f1: Image) -> Double {
        guard let r, r.width > 1, r.height > 1, r.x >= 0, r.y >= 0, r.x + r.width <= f.width, r.y + r.height <= f.height else { return 0 }
        let w = max(4, min(64, r.width)), h = max(4, Int((Double(w) * Double(r.height) / Double(r.width)).rounded()))
        let v = Similarity.reduce(f, r, w, h), a = Similarity.reduce(f0, r, w, h), b = Similarity.reduce(f1, r, w, h)
        var d0 = 0.0, d1 = 0.0
        for j in v.indices { d0 += abs(v[j] - a[j]); d1 += abs(v[j] - b[j]) }
        d0 /= Double(v.count); d1 /= Double(v.count)
        return (d0 - d1) / (d0 + d1 + 1)
    }

    /// Whether two screenshots are the same page (no changed area).
    static func samePixels(_ a: Image, _ b: Image) -> Bool {
        a.width == b.width && a.height == b.height && changeBlobs(a, b, in: PixelRect(x: 0, y: 0, width: a.width, height: a.height)).isEmpty
    }

    /// A CSS box of the viewport from a rectangle of the video frame's pixels.
    func cssBox(_ r: PixelRect) -> (x: Double, y: Double, width: Double, height: Double) {
        let s = frames.scale
        let vp = timeline.viewport ?? Viewport(x: 0, y: 0, width: 0, height: 0)
        return ((Double(r.x) / s - Double(vp.x)) / dpr, (Double(r.y) / s - Double(vp.y)) / dpr,
                Double(r.width) / s / dpr, Double(r.height) / s / dpr)
    }

    /// Whether a changed area is no bigger than a mouse pointer (in CSS pixels).
    static func pointerSized(_ b: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        b.width <= 30 && b.height <= 36
    }

    /// Whether two element boxes start at the same place (within a pixel): one element found twice
    /// as a candidate. False when either is unknown.
    static func samePlace(_ a: (x: Double, y: Double, width: Double, height: Double)?, _ b: (x: Double, y: Double, width: Double, height: Double)?) -> Bool {
        guard let a, let b else { return false }
        return abs(a.x - b.x) < 1 && abs(a.y - b.y) < 1
    }

    static func overlaps(_ a: (x: Double, y: Double, width: Double, height: Double), _ b: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    /// Area-weighted mean of the areas' similarities.
    static func weighted(_ xs: [((x: Double, y: Double, width: Double, height: Double), Double)]) -> Double {
        let total = xs.reduce(0) { $0 + $1.0.width * $1.0.height }
        guard total > 0 else { return 1 }
        return xs.reduce(0) { $0 + $1.0.width * $1.0.height * $1.1 } / total
    }

    /// The areas where two frames differ, inside `rect` (frame pixels): cells of `cell`×`cell`
    /// pixels with a luma difference above `threshold`, joined with their neighbours (one cell
    /// apart) into rectangles; single stray cells are left out. At most 24, largest first.
    static func changeBlobs(_ a: Image, _ b: Image, in rect: PixelRect, threshold: Int = 24, cell: Int = 4) -> [PixelRect] {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(a.width, b.width, rect.x + rect.width), y1 = min(a.height, b.height, rect.y + rect.height)
        guard x1 > x0, y1 > y0 else { return [] }
        let cw = (x1 - x0 + cell - 1) / cell, ch = (y1 - y0 + cell - 1) / cell
        var on = [Bool](repeating: false, count: cw * ch)
        var count = 0
        for cy in 0..<ch {
            for cx in 0..<cw {
                var hit = false
                var y = y0 + cy * cell
                while y < min(y1, y0 + (cy + 1) * cell) && !hit {
                    var x = x0 + cx * cell
                    while x < min(x1, x0 + (cx + 1) * cell) {
                        if abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))) > threshold { hit = true; break }
                        x += 1
                    }
                    y += 1
                }
                if hit { on[cy * cw + cx] = true; count += 1 }
            }
        }
        guard count > 0 else { return [] }
        var seen = [Bool](repeating: false, count: cw * ch)
        var blobs: [(rect: PixelRect, cells: Int)] = []
        for start in on.indices where on[start] && !seen[start] {
            var stack = [start]
            seen[start] = true
            var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1, n = 0
            while let c = stack.popLast() {
                let cx = c % cw, cy = c / cw
                n += 1
                minX = min(minX, cx); maxX = max(maxX, cx); minY = min(minY, cy); maxY = max(maxY, cy)
                for dy in -2...2 {
                    for dx in -2...2 {
                        let nx = cx + dx, ny = cy + dy
                        guard nx >= 0, ny >= 0, nx < cw, ny < ch else { continue }
                        let q = ny * cw + nx
                        if on[q] && !seen[q] { seen[q] = true; stack.append(q) }
                    }
                }
            }
            guard n >= 2 else { continue }
            let r = PixelRect(x: x0 + minX * cell, y: y0 + minY * cell,
                              width: min(x1, x0 + (maxX + 1) * cell) - (x0 + minX * cell), height: min(y1, y0 + (maxY + 1) * cell) - (y0 + minY * cell))
            blobs.append((r, n))
        }
        return blobs.sorted { $0.rect.width * $0.rect.height > $1.rect.width * $1.rect.height }.prefix(24).map(\.rect)
    }
}
