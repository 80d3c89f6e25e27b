// The per-segment state machine behind `EmbeddedVisionModel`: its state (the change event being
// gathered, the settle left for later, what has focus, the open list, the last click), stepping
// through frames (telling the pointer's changes from the page's, keeping the clean plate and a
// short history), and closing each event by deciding what explains it — a keystroke, a scroll, a
// list, a click or a key press — and what appeared once the page settled. Clicks, typing, pointer
// handling and reading text live in the `SegmentAnalyst+…` files.

import Foundation
import ScreenCore

/// One run of frames with content change (no two consecutive quiet frames inside).
struct ChangeEvent {
    var start: Double
    var lastChange: Double
    /// The frame before the first change, and the clean plate (pointer removed) at that moment.
    var before: Image
    var plate: Image
    var boxes: [PixelRect]
    var union: PixelRect
    /// The pointer when the event began, and whether it was at rest.
    var pointer: PointerFix?
    var pointerResting: Bool
    /// Where the pointer was when the first change came (`pointer` is updated when the event ends).
    var startPointer: PixelRect?
    /// Frame-to-frame vertical shifts measured while the page moved (a smooth scroll), summed,
    /// and how many frames moved the page at all.
    var scrolled = 0
    var shiftedFrames = 0
    var movedFrames = 0
    /// Set when `plate` was swapped for a frame with the pointer in it (`elementAtRest`): the
    /// pointer's box there, to step over.
    var platePointer: PixelRect?
}

/// Work left for when the screen settles after a page-level change.
struct Settle {
    var time: Double
    var observation: Int?
    var region: PixelRect
    var big: Bool
    var exclude: PixelRect?
    /// The screen before the change, to keep only text that is new.
    var before: Image?
}

/// The per-segment state machine behind `EmbeddedVisionModel`. Lives inside one agent task.
final class SegmentAnalyst {
    let ctx: SegmentContext
    let tools: any AgentTools
    let reader: ToolsTextReader
    let layout: ScreenLayout
    var observations: [Observation] = []

    // Frame pipeline (one frame of look-ahead for telling the pointer from content).
    private var prev: Frame?
    private var pending: (frame: Frame, previous: Image, blobs: [ChangeBlob])?
    private var lastSmall: [PixelRect] = []
    var plate: Image?
    var pointerTrail: [PixelRect] = []
    private var pointerJustMoved = false
    private var latest: Image?
    private var latestTime = 0.0

    private(set) var tracker: PointerTracker
    private var event: ChangeEvent?
    var typing: TypingRun?
    var focused: PixelRect?
    private var caret: PixelRect?
    /// The list open now (`OpenList`), from the click that opened it until it closes.
    var popup: OpenList?
    /// The last click: its observation (when owned), element, text and label, time and pointer.
    var lastClick: (observation: Int?, box: PixelRect, text: String?, label: String?, time: Double, point: PixelPoint)?
    private var scroll: (start: Double, end: Double, pixels: Int, evidence: [Double])?
    private var url: String?
    private var pendingSettle: Settle?
    /// The last settle's reading of the text that appeared, not taken yet (`takeAppeared`).
    var pendingAppeared: PendingAppeared?
    private(set) var frameIndex = 0
    private var lastEffect = -Double.infinity
    /// The pointer rest (its `lastMove`) that already produced a click.
    var clickedRest = -Double.infinity
    /// The frame before the event being explained (what was on screen before its change).
    private var eventBefore: Image?
    /// The highlighted row of the open list (where the pointer hovers).
    var popupRow: PixelRect?
    /// The screen before the last click at rest (to tell a dialog closing back to it).
    var clickScreen: (time: Double, before: Image)?
    /// The click (its time) after which, the pointer still resting, keys moved the focus.
    var keyboardRest: Double?
    /// Where the keyboard's focus ring went with the last Tab in that rest.
    var keyFocus: PixelRect?
    /// Where the last Tab off a field put the focus (the ring drawn there) and when: a page change
    /// while the pointer stays put after it is that control pressed with Enter (`SegmentAnalyst+TabFocus`).
    var tabFocus: (box: PixelRect, time: Double)?
    /// Where the pointer pressed in the last few clicks.
    var clickPoints: [PixelPoint] = []
    /// Look-alike searches on the frames searched last (`CopySearches`).
    let copySearches = CopySearches()
    /// A rest the pointer left with nothing observed, its element not compared yet.
    var leftRest: LeftRest?
    /// Section headings a spare core is still reading, by the context that stands for each
    /// (`SegmentAnalyst+DeferredContext`).
    var deferredContexts: [String: Task<String?, any Error>] = [:]

    init(context: SegmentContext, tools: any AgentTools) {
        ctx = context; self.tools = tools; reader = ToolsTextReader(tools: tools); layout = context.layout
        tracker = PointerTracker(hint: context.segment.pointerHint)
        Debug.log("seg \(context.segment.index) \(String(format: "%.2f-%.2f", context.segment.start, context.segment.end)) decode from \(String(format: "%.2f", context.segment.decodeStart)) pointer hint \(context.segment.pointerHint.map { "\($0.x),\($0.y)" } ?? "-")")
    }

    var span: Segment { ctx.segment }

    // MARK: frames

    func feed(_ frame: Frame) async throws {
        let image = frame.images[0]
        frameIndex += 1
        announceAppeared()
        if plate == nil {
            plate = image
            // A pointer resting since before the segment: on a flat background its shape stands out.
            if let f = tracker.fix, tracker.silhouette == nil, let (fix, mask) = Self.pointerOnFlat(near: f.hotSpot, in: image) {
                tracker.refine(fix, silhouette: mask)
                Debug.log("seg \(span.index) pointer found on flat background: \(fix.box)")
            }
            if layout.addressBar != nil { url = try await readURL(image) }
        }
        if let p = prev {
            var blobs = ChangeDetector.blobs(p.images[0], image, threshold: 24, cell: 8, region: layout.window).filter { !$0.isNoise }
            blobs = Self.droppingKeyframeSpeckle(blobs)
            let nextSmall = blobs.filter(isSmall).map(\.box)
            if let pend = pending {
                try await step(pend.frame, previous: pend.previous, blobs: pend.blobs, before: lastSmall, after: nextSmall)
                lastSmall = pend.blobs.filter(isSmall).map(\.box)
            }
            pending = (frame, p.images[0], blobs)
        }
        prev = frame
    }

    func finish() async throws -> [Observation] {
        if let pend = pending {
            try await step(pend.frame, previous: pend.previous, blobs: pend.blobs, before: lastSmall, after: [])
            pending = nil
        }
        if let e = event, let last = latest { try await close(e, after: last, at: latestTime); event = nil }
        // (No frame came after the last one: the screen stayed as it shows.)
        if let rest = leftRest, let last = latest {
            try await checkLeftRest(last, time: max(latestTime, rest.left + Self.leftRestDelay), eventOpen: false, lastScroll: scroll?.end)
        }
        try await flushTyping()
        flushScroll()
        if let s = pendingSettle, let last = latest { try await settle(s, frame: last) }
        try await takeAppeared()
        try await resolveDeferredContexts()
        for o in observations {
            Debug.log("seg \(span.index) obs \(o.kind.rawValue) \(String(format: "%.2f", o.time)) box \(o.box.map { "\($0)" } ?? "-") role \(o.role?.rawValue ?? "-") text \(o.text ?? "-") label \(o.label ?? "-") ph \(o.placeholder ?? "-") value \(o.value.map { "\($0)" } ?? "-") ctx \(o.context ?? "-")")
        }
        return observations
    }

    /// A keyframe shifts faint detail everywhere at once: many weak changes, scattered. Real UI
    /// changes are few and strong (or large).
    static func droppingKeyframeSpeckle(_ blobs: [ChangeBlob]) -> [ChangeBlob] {
        let weak = blobs.filter { $0.maxDiff < 85 }.count
        if blobs.count >= 5, weak * 10 >= blobs.count * 8 { return blobs.filter { $0.maxDiff >= 110 } }
        return blobs.filter { $0.maxDiff >= 64 }
    }

    private func isSmall(_ b: ChangeBlob) -> Bool { b.box.width <= PointerLocator.maxSide && b.box.height <= PointerLocator.maxSide }

    private func step(_ frame: Frame, previous: Image, blobs: [ChangeBlob], before: [PixelRect], after: [PixelRect]) async throws {
        let t = frame.time, image = frame.images[0]
        latest = image; latestTime = t
        // A thin upright mark is a caret (blinking or moving with the text), never the pointer.
        // (Antialiasing and scaling can spread a 1–2 px caret over 4 columns; an I-beam pointer, with
        // its serifs, is wider.)
        let isCaret = { (b: ChangeBlob) in b.box.width <= 4 && b.box.height >= max(8, b.box.width * 3) && b.box.height <= 48 }
        var small = blobs.filter { isSmall($0) && !isCaret($0) }
        let large = blobs.filter { !isSmall($0) }
        // The pointer moving onto something that changes as it arrives (a button's hover look): its
        // old and new places merge with that change into one large blob. The pointer's own pixels
        // contrast strongly with anything under them, a hover tint does not: the strong changes
        // inside, when they are a few pointer-sized pieces, are where it left and where it went.
        let wasMoving = tracker.moving(at: t, window: tracker.frameInterval * 1.6)
        let pointerBefore = tracker.fix, restSince = tracker.lastMove, plateBefore = plate
        // (Only when the pointer left its place: a list opening around a pointer that stopped
        // leaves the pointer's own pixels as they were.)
        var swallowing = wasMoving ? pointerBefore.map { f in
            large.filter { $0.box.distance(to: f.box) <= 24 } } ?? [] : []
        let left = !swallowing.isEmpty && pointerBefore.map { !Self.pointerStayed($0.box, previous: previous, image: image, plate: plate!) } ?? false
        if !left { swallowing.removeAll() }
        for b in swallowing {
            let parts = ChangeDetector.blobs(previous, image, threshold: 60, cell: 4, region: b.box).filter { $0.pixels >= 6 }
            if (1...3).contains(parts.count), parts.allSatisfy({ isSmall($0) && !isCaret($0) }) {
                Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) pointer inside the change \(b.box): \(parts.map { "\($0.box)" })")
                small += parts
            }
        }
        // Failing that, while nothing small shows it and the page itself stays put: the strong,
        // pointer-sized part of a change near where the pointer was (a card's shadow fading as the
        // pointer crosses it, farther from its last place).
        if let f = tracker.fix, small.isEmpty, !large.isEmpty, tracker.moving(at: t, window: tracker.frameInterval * 1.6),
           large.reduce(0, { $0 + $1.box.area }) < layout.viewport.area / 10 {
            let strong = large.filter { $0.box.distance(to: f.box) <= 160 }
                .flatMap { ChangeDetector.blobs(previous, image, threshold: 90, cell: 8, region: $0.box) }
            if strong.count == 1 || strong.count == 2,
               strong.allSatisfy({ isSmall($0) && !isCaret($0) && $0.box.width >= 5 && $0.box.height >= 8 && $0.box.distance(to: f.box) <= 160 }) {
                Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) pointer inside a larger change: \(strong.map { "\($0.box)" })")
                small = strong
            }
        }
        var content = large
        let carets: [ChangeBlob] = blobs.filter(isCaret)
        for b in carets {
            caret = b.box
            if focused == nil, typing == nil, let f = fieldAround(b.box, in: image) { focused = f }
        }
        // While the page itself moves (a scroll, a repaint), small changes are content unless the
        // pointer is already on the move.
        let pageMoving = large.reduce(0) { $0 + $1.box.area } >= layout.viewport.area / 10
        // Even when the pointer was moving, a repaint's small pieces far from it are the page's.
        let fix = tracker.fix
        let near = { (b: ChangeBlob) in fix.map { $0.box.distance(to: b.box) <= 16 } ?? true }
        // Nor is a pointer first found among the specks of a page repainting (a navigation).
        let repainting = tracker.fix == nil && (large.count >= 3 || large.reduce(0) { $0 + $1.box.area } >= layout.viewport.area / 20 || blobs.count >= 8)
        // Nor do the many specks of a page redrawn around a resting pointer move it.
        let redrawn = Self.redrawnUnderRest(small, pointer: tracker.fix?.box, moving: wasMoving,
                                             after: event.map(\.union), viewport: layout.viewport)
        if redrawn {
            Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) \(small.count) small changes around the resting pointer: the page's")
            // (What lies under the pointer changed: its old outline and the plate under it are stale,
            // and measuring it again against that plate would take the old button in.)
            tracker.pageRedrawnUnder()
            pointerJustMoved = false
        }
        var split = (pageMoving && !tracker.moving(at: t, window: tracker.frameInterval * 1.6)) || repainting || redrawn ? (pointer: [ChangeBlob](), content: small)
            : tracker.classify(time: t, small: pageMoving ? small.filter(near) : small, before: before, after: after, image: image,
                               previous: previous, plate: plate, typingIn: typing?.field ?? focused, bounds: layout.viewport)
        if pageMoving && tracker.moving(at: t - 0.001, window: tracker.frameInterval * 1.6) { split.content += small.filter { !near($0) } }
        content += split.content
        _ = carets.count
        // The pointer went into a larger change and could not be told from it: it is still on the
        // move (the next small change near it is the pointer, not content).
        if split.pointer.isEmpty, !swallowing.isEmpty, tracker.lastTravel >= t - 0.3 {
            tracker.hidden(at: t)
            Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) pointer hidden in \(swallowing.map { "\($0.box)" })")
        }
        // The pointer just stopped: find exactly where it rests (what differs from the clean plate).
        // (Not while the page changes as a whole: an overlay dimming everything differs from the
        // plate all around the pointer. The next still frame will do.)
        // (Nor while the page is redrawn around it: the plate under the pointer still shows what
        // was there before, a dialog's button, and the pointer's outline would take it in.)
        if split.pointer.isEmpty, pointerJustMoved, !pageMoving, !redrawn, let f = tracker.fix, let p = plate {
            pointerJustMoved = false
            if let (exact, mask) = restingPointer(around: f.box, image: image, plate: p) {
                tracker.refine(exact, silhouette: mask, plateIsClean: true)
            }
        }
        if !split.pointer.isEmpty, !wasMoving, focused != nil || typing != nil, let f = pointerBefore, let p = plateBefore,
           let now = tracker.fix, Self.pointerVanished(from: f.box, now: now.box, image: image, previous: previous, plate: p) {
            Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) the pointer at \(f.box) is no longer drawn (keys go to a field)")
            tracker.vanished()
        } else if !split.pointer.isEmpty {
            if let f = pointerBefore { noteLeftRest(from: f, restSince: restSince, at: t) }
            pointerJustMoved = true
            Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) pointer moved: \(split.pointer.map { "\($0.box)" }) -> \(tracker.fix.map { "\($0.box)" } ?? "-")")
        }
        let platePrior = plate!
        // (A pointer that moved a little leaves changes only where its old and new shapes differ:
        // its whole old box stays out of the plate too.)
        let moved = split.pointer.map(\.box) + (split.pointer.isEmpty ? [] : pointerBefore.map { [$0.box] } ?? [])
        updatePlate(image, content: content + carets, pointer: moved)
        remember(image, time: t)

        if !content.isEmpty {
            if event == nil {
                event = ChangeEvent(start: t, lastChange: t, before: previous, plate: platePrior, boxes: [], union: content[0].box,
                                    pointer: tracker.fix, pointerResting: tracker.seen && !tracker.moving(at: t - 0.001, window: 0.1))
                if tracker.fix != nil && !tracker.seen { event!.pointerResting = true }
                event!.startPointer = tracker.fix?.box
            }
            event!.lastChange = t
            // The page moving as a whole: measure this frame's shift (a smooth scroll is many small ones).
            // (A scrolled page changes in many fragments: flat areas stay the same.)
            let inPage = content.filter { $0.box.intersection(layout.viewport).area > 0 }
            let reach = inPage.dropFirst().reduce(inPage.first?.box ?? PixelRect(x: 0, y: 0, width: 0, height: 0)) { $0.union($1.box) }
            if reach.width >= layout.viewport.width / 2, reach.height >= layout.viewport.height / 3, inPage.count >= 3 {
                let m = (box: reach, 0)
                event!.movedFrames += 1
                let region = m.box.intersection(layout.viewport)
                let sh = ScrollEstimator.shift(from: previous, to: image, region: region, maxShift: 360)
                if let sh { event!.scrolled += sh.pixels; event!.shiftedFrames += 1 }
                Debug.log("seg \(span.index) t \(String(format: "%.2f", t)) page moved \(m.box) shift \(sh.map { "\($0.pixels) r\(String(format: "%.2f", $0.residual))" } ?? "none")")
            }
            for b in content { event!.boxes.append(b.box); event!.union = event!.union.union(b.box) }
            if t - event!.start > 6 {   // an endless animation: cut it into pieces
                try await close(event!, after: image, at: t); event = nil
            }
        } else if let e = event, t - e.lastChange >= quietGap(e, at: t) {
            event = nil
            try await close(e, after: image, at: t)
        } else if event == nil {
            noteQuietFrame(image, time: t)
            if let s = pendingSettle, t >= s.time { pendingSettle = nil; try await settle(s, frame: image) }
        }
        if leftRest != nil { try await checkLeftRest(image, time: t, eventOpen: event != nil, lastScroll: scroll?.end) }
    }

    /// The pointer stopped being drawn while keys were typed (`PointerTracker.vanished`).
    func letPointerGo() { tracker.vanished() }
    /// The hidden pointer showing again at `fix`, its pixels `silhouette`.
    func pointerShown(_ fix: PointerFix, silhouette: [Bool]) { tracker.refine(fix, silhouette: silhouette) }

    /// Recent frames (a few seconds, thinned) with where the pointer was in each: text under a
    /// resting pointer is read from the last frame in which the pointer did not cover it.
    private(set) var history: [(time: Double, image: Image, pointer: PixelRect?)] = []
    /// Checkboxes and radios seen toggling in this segment, and whether each is round.
    var knownControls: [(box: PixelRect, round: Bool)] = []

    private func remember(_ image: Image, time: Double) {
        // (Full-size frames: a few seconds at five a second keep memory bounded.)
        if let last = history.last, time - last.time < 0.2 { return }
        history.append((time, image, tracker.seen ? tracker.fix?.box : nil))
        while let first = history.first, time - first.time > 3 { history.removeFirst() }
    }

    /// How long the screen must stay still to end an event. One click shows twice — on press
    /// (a field losing focus, a pressed look) and on release (a tick, a page change) — a tenth of
    /// a second or more apart; while nobody types, those stay one event. Keystrokes end theirs
    /// after one quiet frame.
    private func quietGap(_ e: ChangeEvent, at t: Double) -> Double {
        let inField = (typing?.field ?? focused).map { $0.expanded(6, 6).intersection(e.union) == e.union } ?? false
        // (A change the size of a letter is a keystroke, even before a field is known to have focus.)
        let letterSized = e.union.width <= 40 && e.union.height <= 30
            && latest.map { fieldAround(e.union, in: $0) != nil } ?? false
        return typing == nil && !inField && !letterSized && tracker.seen
            && !tracker.moving(at: t, window: tracker.frameInterval * 1.6) ? 0.2 : 0.06
    }

    // MARK: events

    private func close(_ e: ChangeEvent, after: Image, at time: Double) async throws {
        var e = e
        eventBefore = e.before
        if let f = tracker.fix, tracker.silhouette == nil, !tracker.moving(at: time, window: 0.2),
           let (fix, mask) = Self.pointerOnFlat(near: f.hotSpot, in: after) {
            tracker.refine(fix, silhouette: mask)
            Debug.log("seg \(span.index) pointer found on flat background: \(fix.box)")
        }
        // The pointer rests for this event when it did not move after the event began.
        if tracker.seen {
            // (A pointer that arrived in the event's first frame and moved on after it was passing
            // through: the change was a hover it left behind, not a press.)
            e.pointerResting = tracker.lastTravel < e.start - 0.001
                || (tracker.lastTravel <= e.start + 0.001 && tracker.lastMove <= e.start + 0.001)
            // The pointer arrived (at the end of a move) in the very frame the change began, and the
            // change was over at once: the look of what it entered (a hover), not a click — a hand
            // needs longer to press. (A pointer that had rested and only changed its shape did not arrive.)
            if e.pointerResting, tracker.lastTravel >= e.start - 0.001, !tracker.travelLeftRest, e.lastChange - e.start < 0.1 {
                Debug.log("seg \(span.index) change at \(String(format: "%.2f", e.start)) came with the pointer: a hover")
                e.pointerResting = false
            }
            e.pointer = tracker.fix
        }
        if Debug.enabled {
            Debug.log("seg \(span.index) event \(String(format: "%.2f-%.2f", e.start, e.lastChange)) union \(e.union) n=\(e.boxes.count) pointer \(e.pointer.map { "\($0.box) hs \($0.hotSpot.x),\($0.hotSpot.y)" } ?? "nil") resting \(e.pointerResting) focused \(focused.map { "\($0)" } ?? "nil") typing \(typing != nil)")
        }
        let vp = layout.viewport
        // The browser's status bubble (a link's address, bottom left, on hover) is chrome, not page.
        let isStatusBubble = { (b: PixelRect) in b.x <= vp.x + 4 && b.maxY >= vp.maxY - 4 && b.height <= 30 && b.width <= vp.width / 2 }
        let pageBoxes = e.boxes.filter { $0.intersection(vp).area > 0 && !isStatusBubble($0) }
        let chromeBoxes = e.boxes.filter { $0.intersection(vp).area == 0 }
        let changed = changedFraction(e.before, after, region: vp)
        let big = changed >= 0.3
        let owned = span.owns(e.start)
        var h = e.pointer?.hotSpot
        // No pointer seen in this segment (a recording without one, or a pointer that never
        // moved): the control whose look changed while its text stayed is what was clicked.
        // (A whole-page change — an overlay dimming everything — says nothing about where.)
        if !tracker.seen, !big, typing == nil,
           let target = try await controlChangedWithoutPointer(pageBoxes, before: e.before, after: after) {
            if let c = lastClick, e.start - c.time <= 1.5, c.box.intersection(target).area > 0 || c.box.contains(target.center) {
                Debug.log("seg \(span.index) no pointer: \(target) changed again: the click's effect")
                return
            }
            Debug.log("seg \(span.index) no pointer: \(target) changed its look, keeping its text")
            h = target.center
            e.pointerResting = true
        }

        // The address bar changed (a typed URL, a navigation).
        if let bar = layout.addressBar, chromeBoxes.contains(where: { $0.intersection(bar).area > 0 }) {
            pendingSettle = Settle(time: time + 0.4, observation: pendingSettle?.observation, region: vp, big: true,
                                   exclude: pendingSettle?.exclude, before: pendingSettle?.before ?? e.before)
        }
        guard !pageBoxes.isEmpty else { Debug.log("seg \(span.index) only the browser's chrome changed"); return }
        let pageUnion = pageBoxes.dropFirst().reduce(pageBoxes[0]) { $0.union($1) }
        Debug.log("seg \(span.index) page changes \(pageBoxes.count) in \(pageUnion), changed \(String(format: "%.2f", changed))")

        // 0. Only the focused field's border changed: it lost focus (or gained it without a click).
        if let f = focused, pageBoxes.allSatisfy({ $0.height <= 4 && $0.width >= 40 && f.expanded(6, 6).intersection($0) == $0 }) {
            try await flushTyping(settled: after)
            focused = nil
            return
        }
        // 1. Keystrokes in the focused field.
        if let f = focused, pageBoxes.allSatisfy({ f.expanded(6, 6).intersection($0) == $0 }), !big {
            try await noteKeystroke(field: f, event: e, after: after)
            return
        }
        // 2. Scrolling: the page moved as a whole (frame by frame, or between before and after).
        if (changed >= 0.15 || pageUnion.height >= vp.height / 2) && pageUnion.width >= vp.width * 6 / 10 {
            let region = pageUnion.intersection(vp)
            let framewise = e.shiftedFrames * 10 >= e.movedFrames * 6 && e.scrolled != 0
                ? ScrollEstimator.Shift(pixels: e.scrolled, residual: 0) : nil
            if let s = framewise ?? ScrollEstimator.shift(from: e.before, to: after, region: region) {
                Debug.log("seg \(span.index) page shifted \(s.pixels) in \(region): a scroll")
                try await flushTyping()
                if scroll == nil || e.start - scroll!.end > 0.8 { flushScroll(); scroll = (e.start, time, 0, []) }
                scroll!.end = time; scroll!.pixels += s.pixels; scroll!.evidence.append(e.start)
                clickedRest = tracker.lastMove   // what changes under a resting pointer after a scroll is no click
                return
            }
        }
        flushScroll()
        // An open list: while it stays, changes in it are the highlight following the pointer;
        // once the page under it shows again it has closed — on an option, or dismissed.
        if let pop = popup {
            // (Strong differences only: the page under a closed list may have changed its tint —
            // the element under the pointer hovered — while a list's rows and text stand out.)
            let residue = min(ChangeDetector.meanDifference(after, pop.under, region: pop.box, step: 3),
                              Self.strongDifference(after, pop.under, region: pop.box, ignoring: tracker.fix?.box) * 250)
            // (The opener changes too while keys move the choice: a select shows the option.)
            let inside = pageBoxes.allSatisfy { pop.box.union(pop.owner).expanded(8, 8).intersection($0).area > 0 }
            if residue >= 10 && inside {
                let rows = Self.clusters(pageBoxes, gap: 2).filter { pop.box.contains($0.center) && $0.width >= pop.box.width / 2 }
                // The highlight moving in a list opened from the field being typed into, the pointer
                // resting away from the list: the arrow keys move it.
                if let run = typing, run.field.intersection(pop.owner).area > 0, !rows.isEmpty,
                   !(h.map { pop.box.expanded(4, 4).contains($0) } ?? false), e.pointerResting,
                   let key = Self.arrowKey(rows: rows, previous: popupRow, list: pop.box) {
                    Debug.log("seg \(span.index) highlight \(rows) in the list \(pop.box) (was \(popupRow.map { "\($0)" } ?? "-")): \(key)")
                    if owned {
                        observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                                        box: run.field, role: .textbox, label: run.label, placeholder: run.placeholder,
                                                        value: .text(key), confidence: 0.6, evidence: [e.start]))
                    }
                    let was = popupRow
                    popupRow = rows.first { r in was.map { r.intersection($0).area == 0 } ?? true }
                    return
                }
                if let row = pageBoxes.last(where: { pop.box.contains($0.center) && $0.width >= pop.box.width / 2 }) { popupRow = row }
                return
            }
            if residue >= 10 {
                // The "list" stays while the page changes elsewhere: it was no list (a toast, a
                // message), and this event is something else.
                Debug.log("seg \(span.index) \(pop.box) stays while the page changes elsewhere: no list")
                popup = nil; popupRow = nil
                try await noList(pop)
            } else if try await chooseFromList(pop, event: e, after: after, pointer: h, time: time) {
                return
            } else {
                try await noList(pop)
            }
        }
        // 1b. A list opening next to what was just clicked (a select's popup, a menu) while the
        // pointer still rests there. (Not half the page or more: that is the page itself changing.)
        if let c = lastClick, popup == nil, time - c.time <= 2.5, tracker.lastMove <= c.time + 0.05,
           case let changes = Self.clusters(pageBoxes, gap: 10),
           let list = changes.filter({ $0.area * 2 < vp.area && Self.opensFrom($0, element: c.box)
                                        && !Self.changedElsewhere(changes, list: $0, opener: c.box) })
               .max(by: { $0.area < $1.area }) {
            // (A page's own menu leaves its opener the button it was: only a select's list makes a combobox.)
            let menu = !Self.nativeListShape(list, opener: c.box)
            popup = (Self.trimmed(list, opener: c.box), c.box, c.text, c.label, c.time, e.plate, menu)
            if !menu, let i = c.observation, i < observations.count {
                observations[i].popup = list; observations[i].role = .combobox
            }
            Debug.log("seg \(span.index) popup \(list) from \(c.box)\(menu ? ": a page's menu" : "")")
            return
        }
        // 2b. The pointer still rests where it clicked and something else changed: a key (Escape
        // closing what the click opened, Tab moving focus, an arrow moving a slider).
        if let key = keyPress(event: e, after: after, big: big, pageBoxes: pageBoxes) {
            Debug.log("seg \(span.index) key \(key) at \(String(format: "%.2f", e.start))")
            if owned {
                observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                                value: .text(key), confidence: 0.6, evidence: [e.start]))
            }
            if key == "Escape" { clickScreen = nil } else { keyboardRest = clickScreen?.time }
            return
        }
        // 2c. A Tab off a field put the focus on a control, and the page changed while the pointer
        // stayed where it was (no click since): Enter on that control.
        if let tf = tabFocus, typing == nil, popup == nil, e.start > tf.time, e.start - tf.time <= 4,
           tracker.lastMove <= tf.time + 0.001, lastClick.map({ $0.time < tf.time }) ?? true,
           SwitchFinder.flipped(near: tf.box.center, before: e.before, after: after, bounds: vp) == nil,
           Self.enterOnTabbedControl(focus: tf.box, union: pageUnion, changed: changed, viewport: vp) {
            // (A ring's edge beside the text reads as a stray quote: '"Next'.)
            let text = Aggregator.withoutStrayQuote(try await readElementText(tf.box.insetBy(3), in: e.before, before: e.start, pointer: nil, framed: true))
            Debug.log("seg \(span.index) page changed after a Tab put the focus on \(tf.box) (\(text ?? "-")), the pointer still: Enter")
            tabFocus = nil
            if owned {
                observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                                box: tf.box, role: .button, text: text, value: .text("Enter"),
                                                confidence: 0.6, evidence: [e.start]))
                schedule(time: time, observation: observations.count - 1, region: pageUnion, big: big)
            }
            clickedRest = tracker.lastMove
            focused = nil
            return
        }
        // 3. A click where the pointer rests (after typing, only once the pointer has moved again:
        // a change while the hand is still on the keyboard is a key press).
        // A whole-page change with the pointer still on the field being typed into is a key too:
        // clicking into a text field does not change the page (the pointer's shape may change, though).
        let typingStill = typing.map { run in
            tracker.lastMove < run.start || (big && h.map { run.field.expanded(4, 4).contains($0) } ?? false)
        } ?? false
        // A change away from the pointer is its click's effect (a cart badge, a toast) when it is
        // the first change since the pointer came to rest there.
        // (The rest must have begun before the event: a move the event's closing frames saw is a new rest.)
        let firstSinceRest = tracker.lastMove > clickedRest && tracker.lastMove <= e.start + 0.001 && e.start - tracker.lastMove <= 3
        if let h, e.pointerResting, !typingStill,
           big || pageBoxes.contains(where: { $0.distance(to: h) <= 40 }) || popup != nil || firstSinceRest {
            // The pointer has not moved since it clicked here, and a glyph appeared on the line under
            // it: the click focused a field (one the finder did not see as a field) and this is typing.
            if let c = lastClick, !big, popup == nil, tracker.lastMove <= c.time, e.start - c.time <= 3,
               let f = Self.typedLine(at: h, change: pageUnion, plate: e.plate, after: after, bounds: vp, avoid: plateAvoid(e)) {
                Debug.log("seg \(span.index) keystroke at rest in \(f)")
                focused = f
                try await noteKeystroke(field: f, event: e, after: after)
                return
            }
            // Only a change far from the pointer, and all it did was erase something down to plain
            // background (no layout moved): a toast or tooltip timing out, not this rest's click.
            if !big, popup == nil, !pageBoxes.contains(where: { $0.distance(to: h) <= 40 }),
               Self.plainFraction(after, region: pageUnion) >= 0.985, Self.plainFraction(e.before, region: pageUnion) < 0.95 {
                Debug.log("seg \(span.index) far change \(pageUnion) only erased to background: something timing out, no click")
                lastEffect = time
                return
            }
            clickedRest = tracker.lastMove
            clickScreen = (e.start, e.before)
            clickPoints = Array((clickPoints + [h]).suffix(4))
            try await click(at: h, event: e, after: after, big: big, owned: owned, pageBoxes: pageBoxes, time: time)
            return
        }
        // 4. Keystrokes into a field nobody saw focused (the segment began mid-typing).
        let pointerBusy = tracker.moving(at: e.start, window: 0.25) || (h.map { pageUnion.distance(to: $0) <= 40 } ?? false)
        // (Not a pointer-sized change where the pointer clicked before it left: the ghost of its
        // rest, or the clicked element's hover look ending.)
        let ghost = pageUnion.width <= 32 && pageUnion.height <= 32 && clickPoints.contains { p in
            pageUnion.distance(to: p) <= 8 && (h.map { abs($0.x - p.x) + abs($0.y - p.y) > 24 } ?? true)
        }
        if !big, !pointerBusy, !ghost, pageUnion.height <= 48, let f = fieldAround(pageUnion, in: after) {
            focused = f
            try await noteKeystroke(field: f, event: e, after: after)
            return
        }
        // 4b. The focus ring leaving the field being typed into for another control while the hand
        // stays on the keyboard (the pointer, seen, has not moved since the typing began): Tab.
        // (The two rings can merge into one coarse change: split it at a finer grain.)
        if let run = typing, !big, tracker.seen, tracker.lastMove < run.start, pageUnion.height <= 160,
           case let fine = ChangeDetector.blobs(e.before, after, threshold: 24, cell: 4, region: pageUnion.expanded(4, 4).intersection(vp)),
           case let pieces = Self.clusters(fine.filter { !$0.isNoise }.map(\.box), gap: 4),
           Self.focusMoved(pieces, before: e.before, after: after),
           let next = pieces.first(where: { $0.intersection(run.field.expanded(6, 6)).isEmpty }),
           pieces.contains(where: { $0.intersection(run.field.expanded(6, 6)).area > 0 }) {
            Debug.log("seg \(span.index) focus ring left the typed field \(run.field) for \(next): Tab")
            try await flushTyping(settled: after)
            if owned {
                observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                                box: run.field, role: .textbox, label: run.label, placeholder: run.placeholder,
                                                value: .text("Tab"), confidence: 0.6, evidence: [e.start]))
            }
            focused = nil
            keyFocus = next
            tabFocus = (next, e.start)
            keyboardRest = clickScreen?.time
            return
        }
        // 5. A key press: the typed field was submitted (cleared, or the page changed).
        if let run = typing {
            // Unless inside the field only a glyph-sized change came at the text's right end (a
            // letter added or taken away) while the page did not re-render: a keystroke whose
            // effect shows elsewhere too (an inline error clearing as the value becomes valid, a
            // list filtering as you type).
            let inside = pageBoxes.filter { $0.intersection(run.field).area > 0 }
            if !big, !inside.isEmpty, inside.count < pageBoxes.count,
               case let u = inside.dropFirst().reduce(inside[0], { $0.union($1) }),
               run.field.expanded(2, 2).intersection(u) == u, u.width <= max(40, run.field.height),
               u.maxX >= run.inkRight - 12, u.x >= run.field.x + 4 {
                var k = e
                k.boxes = inside; k.union = u
                Debug.log("seg \(span.index) a keystroke at \(u) with changes elsewhere too: typing goes on")
                try await noteKeystroke(field: run.field, event: k, after: after)
                return
            }
            let inkBefore = InkAnalysis.inkCount(in: e.before, region: run.field.insetBy(3), background: 255)
            let inkAfter = InkAnalysis.inkCount(in: after, region: run.field.insetBy(3), background: 255)
            let outside = pageBoxes.filter { $0.intersection(run.field).area == 0 }.reduce(0) { $0 + $1.area }
            _ = (inkBefore, inkAfter)
            // The field's own frame redrawn, the change no wider than the editor around it (an
            // inline editor found narrower than it is, closing into its cell): a key closed it.
            if !big, outside == 0, pageUnion.contains(run.field.center), pageUnion.height <= run.field.height + 16,
               run.keys >= 2, Self.frameRedrawn(run.field, before: e.before, after: after) {
                Debug.log("seg \(span.index) the typed field \(run.field) was redrawn with its editor \(pageUnion)")
                try await typedFieldClosed(run, area: pageUnion, event: e, after: after, time: time)
                return
            }
            if big || outside >= 2000 {
                let field = run.field
                // Only a ring moved (off this field, around another one): Tab, not a submit.
                let others = pageBoxes.filter { $0.intersection(field.expanded(6, 6)).isEmpty }
                let tab = !big && !others.isEmpty
                    && Self.isRing(others.dropFirst().reduce(others[0]) { $0.union($1) }, before: e.before, after: after)
                try await flushTyping(settled: after)
                if owned {
                    observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                                    box: field, role: .textbox, label: run.label, placeholder: run.placeholder,
                                                    value: .text(tab ? "Tab" : "Enter"), confidence: big ? 0.8 : 0.65, evidence: [e.start]))
                    schedule(time: time, observation: observations.count - 1, region: pageUnion, big: big, exclude: field)
                }
                if tab { tabFocus = (others.dropFirst().reduce(others[0]) { $0.union($1) }, e.start) }
                if big { focused = nil }
                return
            }
        }
        // 5b. A change inside the field being typed into (select-all and delete, a paste) is typing.
        if let run = typing, pageBoxes.allSatisfy({ run.field.expanded(6, 6).intersection($0) == $0 }) {
            try await noteKeystroke(field: run.field, event: e, after: after)
            return
        }
        // 6. Nothing explains it: content that changed by itself (an effect, an animation).
        Debug.log("seg \(span.index) change \(pageUnion) unexplained (pointer resting \(e.pointerResting), typing still \(typingStill), first since rest \(firstSinceRest))")
        if time - lastEffect > 0.0 { lastEffect = time }
        if big { schedule(time: time, observation: nil, region: pageUnion, big: big) }
    }

    /// A line of appeared text fit for an assertion, or nil: not cut by the crop's edges (a clipped
    /// word reads as another word), icon marks at either end dropped (a logo letter, a "©)"), and
    /// only ordinary UI characters left.
    static func assertable(_ text: String, box: PixelRect, crop: PixelRect) -> String? {
        if box.x <= crop.x + 2 || box.maxX >= crop.maxX - 2 || box.y <= crop.y || box.maxY >= crop.maxY { return nil }
        var words = text.split(separator: " ").map(String.init)
        let junk = { (w: String) -> Bool in
            !w.contains { $0.isLetter || $0.isNumber } || (w.count == 1 && !w.allSatisfy(\.isNumber) && !["A", "a", "I"].contains(w))
                || (w.count == 2 && w.contains { "©®)(|".contains($0) })
        }
        while let f = words.first, junk(f) { words.removeFirst() }
        while let l = words.last, junk(l) { words.removeLast() }
        // Trailing punctuation is where OCR errs most ("Payments" read "Payment:"); the text
        // before it is still a substring of what the page shows.
        var t = words.joined(separator: " ")
        while let last = t.last, ":;,.".contains(last) { t.removeLast() }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?'’:-–—€$£%&@/()+#\"")
        guard t.count >= 3, t.allSatisfy({ allowed.contains($0) }),
              t.filter({ $0 == "(" }).count == t.filter({ $0 == ")" }).count else { return nil }
        return t
    }

    /// The fraction of `region` (sampled every other pixel, `ignoring` left out) where `a` and `b`
    /// differ by more than 40 levels of luma: what a tint (a hover) does not reach.
    static func strongDifference(_ a: Image, _ b: Image, region: PixelRect, ignoring: PixelRect?) -> Double {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: min(a.width, b.width), height: min(a.height, b.height)))
        guard !r.isEmpty else { return 0 }
        let skip = ignoring?.expanded(3, 3)
        var n = 0, strong = 0
        for y in stride(from: r.y, to: r.maxY, by: 2) {
            for x in stride(from: r.x, to: r.maxX, by: 2) {
                if let s = skip, s.contains(PixelPoint(x: x, y: y)) { continue }
                n += 1
                if abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))) > 40 { strong += 1 }
            }
        }
        return n == 0 ? 0 : Double(strong) / Double(n)
    }

    private func changedFraction(_ a: Image, _ b: Image, region: PixelRect) -> Double {
        let blobs = ChangeDetector.blobs(a, b, threshold: 24, cell: 16, region: region).filter { !$0.isNoise }
        let area = blobs.reduce(0) { $0 + $1.box.area }
        return min(1, Double(area) / Double(max(1, region.area)))
    }

    func schedule(time: Double, observation: Int?, region: PixelRect, big: Bool, exclude: PixelRect? = nil) {
        pendingSettle = Settle(time: time + 0.5, observation: observation ?? pendingSettle?.observation, region: region,
                               big: big || (pendingSettle?.big ?? false), exclude: exclude ?? pendingSettle?.exclude,
                               before: pendingSettle?.before ?? eventBefore)
    }

    /// After a page-level change settles: read the URL (a navigation?) and the text that appeared.
    private func settle(_ s: Settle, frame: Image) async throws {
        // (An earlier settle's reading first: its observation may be this one.)
        try await takeAppeared()
        // The text that appeared is read later (`deferAppeared`): announced before the URL is
        // read, so that an idle core starts it now and the agent goes on with its frames.
        var appeared: PendingAppeared?
        if let i = s.observation, i < observations.count, observations[i].appeared.isEmpty {
            let r = s.region.intersection(layout.viewport)
            let top = PixelRect(x: r.x, y: r.y, width: r.width, height: min(r.height, 260))
            if top.area >= 4000 { appeared = deferAppeared(observation: i, top: top, in: frame, exclude: s.exclude, before: s.before) }
        }
        if layout.addressBar != nil, s.big, let now = try await readURL(frame), now != url {
            url = now
            if span.owns(s.time - 0.5) {
                observations.append(Observation(kind: .navigation, time: s.time - 0.5, segment: span.index, url: now,
                                                confidence: 0.8, evidence: [s.time]))
            }
        }
        pendingAppeared = appeared
    }

    private func readURL(_ frame: Image) async throws -> String? {
        guard let bar = layout.addressBar else { return nil }
        // A second reading at twice the size: small address-bar text loses a letter now and then
        // ("dashboard.htm"); the more URL-like (and so the longer) token of the two readings wins.
        // (It always follows: announced first, so that an idle core can start it.)
        let crop = frame.cropped(to: bar)
        var large: Image?
        if crop.height < 60 {
            reader.readAhead(mode: .line) { large = TextRegions.prepare(TextRegions.upscaled(crop.grayscale()), margin: 12); return large! }
        }
        let r = try await tools.readText(bar, in: frame, mode: .line)
        var tokens = r.lines.flatMap { l in l.words.map(\.text) }
        if crop.height < 60 {
            let big = try await reader.read(large ?? TextRegions.prepare(TextRegions.upscaled(crop.grayscale()), margin: 12), mode: .line)
            tokens += big.lines.flatMap { l in l.words.map(\.text) }
        }
        guard let best = tokens.max(by: { (URLText.score($0), $0.count) < (URLText.score($1), $1.count) }), URLText.score(best) > 0 else { return nil }
        let scheme = r.text.lowercased().contains("not secure") ? "http" : nil
        return URLText.normalise(best, scheme: scheme)
    }

    private func flushScroll() {
        guard let s = scroll else { return }
        scroll = nil
        guard span.owns(s.start), abs(s.pixels) >= 8 else { return }
        observations.append(Observation(kind: .scroll, time: s.start, endTime: s.end, segment: span.index,
                                        value: .pixels(Double(s.pixels)), confidence: 0.8, evidence: s.evidence))
    }
}
