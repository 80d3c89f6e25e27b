import Foundation
import ScreenCore

/// The default `VisionModel`: classical computer vision over the segment's frames plus OCR
/// crops through the agent's tools. It follows the pointer, groups frame-to-frame changes into
/// events, and explains each event as a click, a keystroke run, a key press, a scroll, a
/// checkbox, a list choice or a page change.
public struct EmbeddedVisionModel: VisionModel {
    public let name = "embedded-cv"
    /// Frames per second analysed (the recording's own rate when lower).
    public var fps: Double
    public init(fps: Double = 15) { self.fps = fps }

    /// Decodes the segment once, in order, and reports what happened in the span it owns.
    public func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation] {
        let analyst = SegmentAnalyst(context: segment, tools: tools)
        try await tools.forEachFrame(from: segment.segment.decodeStart, to: segment.segment.decodeEnd, fps: fps) { frame in
            try await analyst.feed(frame)
        }
        return try await analyst.finish()
    }
}

/// Tracing for development: set `VID2AUTO_DEBUG=1` to print the analysts' reasoning on stderr.
enum Debug {
    static let enabled = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG"] != nil
    static func log(_ s: @autoclosure () -> String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data((s() + "\n").utf8))
    }
}

/// A `TextReader` that goes through the agent's tools (so every read is a counted step).
struct ToolsTextReader: TextReader {
    let tools: any AgentTools
    func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
        try await tools.readText(PixelRect(x: 0, y: 0, width: image.width, height: image.height), in: image, mode: mode)
    }
}

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
    private var plate: Image?
    private var pointerTrail: [PixelRect] = []
    private var pointerJustMoved = false
    private var latest: Image?
    private var latestTime = 0.0

    private var tracker: PointerTracker
    private var event: ChangeEvent?
    private var typing: TypingRun?
    private var focused: PixelRect?
    private var caret: PixelRect?
    private var popup: (box: PixelRect, owner: PixelRect, ownerText: String?, label: String?, time: Double, under: Image)?
    /// The last click: its observation (when owned), element, text and label, time and pointer.
    private var lastClick: (observation: Int?, box: PixelRect, text: String?, label: String?, time: Double, point: PixelPoint)?
    private var scroll: (start: Double, end: Double, pixels: Int, evidence: [Double])?
    private var url: String?
    private var pendingSettle: Settle?
    private var frameIndex = 0
    private var lastEffect = -Double.infinity
    /// The pointer rest (its `lastMove`) that already produced a click.
    private var clickedRest = -Double.infinity
    /// The frame before the event being explained (what was on screen before its change).
    private var eventBefore: Image?
    /// The highlighted row of the open list (where the pointer hovers).
    private var popupRow: PixelRect?

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
        try await flushTyping()
        flushScroll()
        if let s = pendingSettle, let last = latest { try await settle(s, frame: last) }
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
        let pointerBefore = tracker.fix
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
        var carets: [ChangeBlob] = blobs.filter(isCaret)
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
        var split = (pageMoving && !tracker.moving(at: t, window: tracker.frameInterval * 1.6)) || repainting ? (pointer: [ChangeBlob](), content: small)
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
        if split.pointer.isEmpty, pointerJustMoved, !pageMoving, let f = tracker.fix, let p = plate {
            pointerJustMoved = false
            if let (exact, mask) = restingPointer(around: f.box, image: image, plate: p) {
                tracker.refine(exact, silhouette: mask, plateIsClean: true)
            }
        }
        if !split.pointer.isEmpty {
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
    }

    /// Recent frames (a few seconds, thinned) with where the pointer was in each: text under a
    /// resting pointer is read from the last frame in which the pointer did not cover it.
    private var history: [(time: Double, image: Image, pointer: PixelRect?)] = []
    /// Checkboxes and radios seen toggling in this segment, and whether each is round.
    private var knownControls: [(box: PixelRect, round: Bool)] = []

    private func remember(_ image: Image, time: Double) {
        // (Full-size frames: a few seconds at five a second keep memory bounded.)
        if let last = history.last, time - last.time < 0.2 { return }
        history.append((time, image, tracker.seen ? tracker.fix?.box : nil))
        while let first = history.first, time - first.time > 3 { history.removeFirst() }
    }

    /// The last frame before `time` in which the pointer lay clear of `box` (and the screen
    /// there looked the same, text-wise, as in `reference`); nil when there is none.
    private func unobscured(_ box: PixelRect, before time: Double, like reference: Image) -> Image? {
        Debug.log("seg \(span.index) clear view of \(box) before \(time)? history \(history.map { "\(String(format: "%.2f", $0.time)) \($0.pointer.map { "\($0)" } ?? "-")" }.suffix(8))")
        for h in history.reversed() where h.time < time {
            guard let p = h.pointer, tracker.seen else { continue }
            if p.expanded(4, 4).intersection(box).area > 0 { continue }
            // The same element in the same place: its ink layout matches (a hover may recolour it).
            let a = InkAnalysis.textBand(in: h.image, region: box.insetBy(2))
            let b = InkAnalysis.textBand(in: reference, region: box.insetBy(2))
            // (A hover may also darken the element's border: then the band with the pointer holds
            // the clear one, a little wider on either side.)
            guard let a, let b, (abs(a.x - b.x) <= 6 && (abs(a.width - b.width) <= 12 || b.width > a.width))
                    || (b.x <= a.x + 2 && b.maxX >= a.maxX - 2 && b.width <= a.width + 24) else {
                Debug.log("seg \(span.index) no clear view of \(box) at \(String(format: "%.2f", h.time)): the text there differs (\(a.map { "\($0)" } ?? "-") vs \(b.map { "\($0)" } ?? "-"))")
                return nil
            }
            return h.image
        }
        return nil
    }

    /// Reads an element's text. With the pointer over it, other views compete with `image`: the
    /// last frame before the pointer covered it, and copies of it elsewhere on screen (a grid of
    /// the same button) that read much like it; the most confident reading wins.
    private func readElementText(_ box: PixelRect, in image: Image, before time: Double, pointer: PixelRect?) async throws -> String? {
        let seen = try await TextRegions.readLineScored(box, in: image, reader: reader)
        guard let p = pointer, p.expanded(2, 2).intersection(box).area > 0 else { return seen?.text }
        var best = seen
        if let clear = unobscured(box, before: time, like: image),
           let r = try await TextRegions.readLineScored(box, in: clear, reader: reader) {
            Debug.log("seg \(span.index) clear view of \(box) reads \(r.text) (\(Int(r.confidence))) vs \(seen.map { "\($0.text) (\(Int($0.confidence)))" } ?? "-")")
            if r.confidence > (best?.confidence ?? 0) { best = r }
        }
        if let anchor = best {
            for copy in Duplicates.find(box, in: image, within: layout.viewport, ignoring: p).prefix(3) {
                if let r = try await TextRegions.readLineScored(copy, in: image, reader: reader),
                   r.confidence > (best?.confidence ?? 0), TextSimilarity.ratio(r.text, anchor.text) >= 0.6 {
                    Debug.log("seg \(span.index) reading \(box) from its copy at \(copy): \(r.text) (\(Int(r.confidence)))")
                    best = r
                }
            }
        }
        return best?.text
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

    /// Keeps a pointer-free picture of the screen: every frame is copied in except where the
    /// pointer is now (its changes this frame and its known box), which keeps what was there
    /// before the pointer came. One consistent picture, even through hover animations.
    private func updatePlate(_ image: Image, content: [ChangeBlob], pointer: [PixelRect]) {
        defer { pointerTrail = pointer }
        guard var p = plate, p.bytesPerRow == image.bytesPerRow, p.height == image.height else { plate = image; return }
        let holes = (pointer.map { $0.expanded(3, 3) } + (tracker.fix.map { [$0.box.expanded(3, 3)] } ?? []))
            .map { $0.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height)) }.filter { !$0.isEmpty }
        if holes.isEmpty { plate = image; return }
        let bpr = image.bytesPerRow, w = image.width
        let top = holes.map(\.y).min()!, bottom = holes.map(\.maxY).max()!
        p.pixels.withUnsafeMutableBytes { dst in
            image.pixels.withUnsafeBytes { src in
                // Rows without a hole in one block copy; rows with one around it.
                dst.baseAddress!.copyMemory(from: src.baseAddress!, byteCount: top * bpr)
                (dst.baseAddress! + bottom * bpr).copyMemory(from: src.baseAddress! + bottom * bpr, byteCount: (image.height - bottom) * bpr)
                for y in top..<bottom {
                    let row = y * bpr
                    let cut = holes.filter { y >= $0.y && y < $0.maxY }.sorted { $0.x < $1.x }
                    var x = 0
                    for h in cut {
                        if h.x > x { (dst.baseAddress! + row + x).copyMemory(from: src.baseAddress! + row + x, byteCount: h.x - x) }
                        x = max(x, h.maxX)
                    }
                    if x < w { (dst.baseAddress! + row + x).copyMemory(from: src.baseAddress! + row + x, byteCount: w - x) }
                }
            }
        }
        plate = p
    }

    /// `image` with the resting pointer's own pixels painted over with the plate's (the text
    /// under a thin I-beam stays readable; a black bar would read as a letter).
    /// With `typedOver`, text may have been typed under the pointer since it came to rest (the
    /// plate predates it): a thin I-beam's pixels are then filled in from their left and right
    /// neighbours on each row, which keeps the strokes of the letters it crosses.
    private func erasingPointer(_ image: Image) -> Image {
        erasingPointer(image, at: tracker.fix?.box, mask: tracker.silhouette)
    }

    /// `image` with the pointer that was at `box` (its pixels `mask`) painted over.
    private func erasingPointer(_ image: Image, at box: PixelRect?, mask: [Bool]?, typedOver: Bool = false) -> Image {
        guard let fb = box, let mask, mask.count == fb.area else {
            Debug.log("seg \(span.index) no pointer silhouette to erase")
            return image
        }
        let f = PointerFix(box: fb, hotSpot: fb.center)
        Debug.log("seg \(span.index) erasing pointer \(f.box) (\(mask.filter { $0 }.count) px, typed over: \(typedOver))")
        let around = image.cropped(to: f.box.expanded(6, 6))
        let bg = Int(TextRegions.backgroundLuma(around))
        var out = image
        if typedOver, f.box.width <= 14, f.box.x > 0, f.box.maxX < image.width {
            for y in max(0, f.box.y)..<min(image.height, f.box.maxY) {
                var x = f.box.x
                while x < f.box.maxX {
                    guard mask[(y - f.box.y) * f.box.width + x - f.box.x] else { x += 1; continue }
                    var end = x
                    while end + 1 < f.box.maxX, mask[(y - f.box.y) * f.box.width + end + 1 - f.box.x] { end += 1 }
                    let l = Double(image.luma(x: x - 1, y: y)), r = Double(image.luma(x: min(image.width - 1, end + 1), y: y))
                    for xx in x...end {
                        let t = Double(xx - x + 1) / Double(end - x + 2)
                        out.pixels[y * out.bytesPerRow + xx] = UInt8((l + (r - l) * t).rounded())
                    }
                    x = end + 1
                }
            }
            return out
        }
        for y in f.box.y..<f.box.maxY {
            for x in f.box.x..<f.box.maxX where mask[(y - f.box.y) * f.box.width + x - f.box.x] {
                guard x >= 0, y >= 0, x < image.width, y < image.height else { continue }
                if tracker.plateIsClean, let p = plate {
                    // The plate saw this spot before the pointer came to rest on it.
                    out.pixels[y * out.bytesPerRow + x] = p.pixels[y * p.bytesPerRow + x]
                } else if abs(Int(image.luma(x: x, y: y)) - bg) > 100 {
                    // Only the pointer's contrasting core; its outline blends with the background.
                    out.pixels[y * out.bytesPerRow + x] = UInt8(bg)
                }
            }
        }
        return out
    }

    /// The pointer near `p` when it sits on a flat patch: the one compact shape that differs from
    /// the patch's colour, not touching the window's edge.
    static func pointerOnFlat(near p: PixelPoint, in image: Image) -> (PointerFix, [Bool])? {
        let win = PixelRect(x: p.x - 28, y: p.y - 28, width: 56, height: 56)
            .intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard win.width > 20, win.height > 20 else { return nil }
        var hist = [Int](repeating: 0, count: 256)
        for y in win.y..<win.maxY { for x in win.x..<win.maxX { hist[Int(image.luma(x: x, y: y))] += 1 } }
        let bg = hist.indices.max { hist[$0] < hist[$1] }!
        guard hist[bg] * 10 >= win.area * 6 else { return nil }   // not flat enough
        var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1
        for y in win.y..<win.maxY {
            for x in win.x..<win.maxX where abs(Int(image.luma(x: x, y: y)) - bg) > 40 {
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
            }
        }
        guard x1 >= 0, x0 > win.x, y0 > win.y, x1 < win.maxX - 1, y1 < win.maxY - 1,
              x1 - x0 >= 4, y1 - y0 >= 8, x1 - x0 < 40, y1 - y0 < 40 else { return nil }
        let box = PixelRect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        var mask = [Bool](repeating: false, count: box.area)
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where abs(Int(image.luma(x: x, y: y)) - bg) > 12 { mask[(y - box.y) * box.width + x - box.x] = true }
        }
        let hot = box.width * 2 <= box.height ? box.center : PixelPoint(x: box.x + 1, y: box.y + 1)
        return (PointerFix(box: box, hotSpot: hot), mask)
    }

    /// The resting pointer's exact box near `guess`: the pixels that differ from the clean plate.
    private func restingPointer(around guess: PixelRect, image: Image, plate: Image) -> (PointerFix, [Bool])? {
        let r = guess.expanded(16, 16).intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard !r.isEmpty else { return nil }
        var diff = [Bool](repeating: false, count: r.area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX where abs(Int(image.luma(x: x, y: y)) - Int(plate.luma(x: x, y: y))) > 30 {
                diff[(y - r.y) * r.width + x - r.x] = true
            }
        }
        guard let box = Self.pointerShape(in: diff, region: r) else { return nil }
        var mask = [Bool](repeating: false, count: box.area)
        var top: PixelPoint?
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where diff[(y - r.y) * r.width + x - r.x] {
                mask[(y - box.y) * box.width + x - box.x] = true
                if top == nil { top = PixelPoint(x: x, y: y) }
            }
        }
        // The middle of a narrow I-beam, else the topmost pixel (an arrow's or a finger's tip).
        let hot = box.width * 2 <= box.height && box.width <= 12 ? box.center : top ?? PixelPoint(x: box.x + 1, y: box.y + 1)
        return (PointerFix(box: box, hotSpot: hot), mask)
    }

    /// The pointer's box among the pixels of `region` that differ from the clean plate: the
    /// largest group of them (pixels a gap of one apart still belong together) that does not reach
    /// across the whole region, pointer-sized. Another change touching the area — a focus ring
    /// drawn a few pixels from the pointer — is no part of it.
    static func pointerShape(in diff: [Bool], region r: PixelRect) -> PixelRect? {
        var label = [Int32](repeating: -1, count: diff.count)
        var best: (box: PixelRect, pixels: Int)?
        var next: Int32 = 0
        for start in diff.indices where diff[start] && label[start] < 0 {
            var stack = [start], n = 0
            label[start] = next
            var x0 = Int.max, y0 = Int.max, x1 = -1, y1 = -1
            while let i = stack.popLast() {
                n += 1
                let x = i % r.width, y = i / r.width
                x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y)
                for dy in -2...2 {
                    for dx in -2...2 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < r.width, ny < r.height else { continue }
                        let j = ny * r.width + nx
                        if diff[j] && label[j] < 0 { label[j] = next; stack.append(j) }
                    }
                }
            }
            next += 1
            let spans = (x0 == 0 && x1 == r.width - 1) || (y0 == 0 && y1 == r.height - 1)
            guard !spans, x1 - x0 < PointerLocator.maxSide, y1 - y0 < PointerLocator.maxSide,
                  x1 - x0 >= 4, y1 - y0 >= 8 else { continue }   // a pointer is never a speck
            if n > best?.pixels ?? 0 { best = (PixelRect(x: r.x + x0, y: r.y + y0, width: x1 - x0 + 1, height: y1 - y0 + 1), n) }
        }
        return best?.box
    }

    /// A frame where nothing but (maybe) the pointer changed: a chance to see the typed value clearly.
    private func noteQuietFrame(_ image: Image, time: Double) {
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
        guard !pageBoxes.isEmpty else { return }
        let pageUnion = pageBoxes.dropFirst().reduce(pageBoxes[0]) { $0.union($1) }

        // 0. Only the focused field's border changed: it lost focus (or gained it without a click).
        if let f = focused, pageBoxes.allSatisfy({ $0.height <= 4 && $0.width >= 40 && f.expanded(6, 6).intersection($0) == $0 }) {
            try await flushTyping()
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
        // pointer still rests there.
        if let c = lastClick, popup == nil, time - c.time <= 2.5, tracker.lastMove <= c.time + 0.05,
           let list = Self.clusters(pageBoxes, gap: 10).filter({ Self.opensFrom($0, element: c.box) }).max(by: { $0.area < $1.area }) {
            popup = (Self.trimmed(list, opener: c.box), c.box, c.text, c.label, c.time, e.plate)
            if let i = c.observation, i < observations.count {
                observations[i].popup = list; observations[i].role = .combobox
            }
            Debug.log("seg \(span.index) popup \(list) from \(c.box)")
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
            try await click(at: h, event: e, after: after, big: big, owned: owned, pageBoxes: pageBoxes, time: time)
            return
        }
        // 4. Keystrokes into a field nobody saw focused (the segment began mid-typing).
        let pointerBusy = tracker.moving(at: e.start, window: 0.25) || (h.map { pageUnion.distance(to: $0) <= 40 } ?? false)
        if !big, !pointerBusy, pageUnion.height <= 48, let f = fieldAround(pageUnion, in: after) {
            focused = f
            try await noteKeystroke(field: f, event: e, after: after)
            return
        }
        // 5. A key press: the typed field was submitted (cleared, or the page changed).
        if let run = typing {
            let inkBefore = InkAnalysis.inkCount(in: e.before, region: run.field.insetBy(3), background: 255)
            let inkAfter = InkAnalysis.inkCount(in: after, region: run.field.insetBy(3), background: 255)
            let outside = pageBoxes.filter { $0.intersection(run.field).area == 0 }.reduce(0) { $0 + $1.area }
            _ = (inkBefore, inkAfter)
            if big || outside >= 2000 {
                let field = run.field
                try await flushTyping()
                if owned {
                    observations.append(Observation(kind: .press, time: e.start, endTime: time, segment: span.index,
                                                    box: field, role: .textbox, label: run.label, placeholder: run.placeholder,
                                                    value: .text("Enter"), confidence: big ? 0.8 : 0.65, evidence: [e.start]))
                    schedule(time: time, observation: observations.count - 1, region: pageUnion, big: big, exclude: field)
                }
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

    /// Whether the pointer drawn in `box` in `previous` (its pixels: what differs from the
    /// pointer-free `plate`) is still drawn there in `image`.
    static func pointerStayed(_ box: PixelRect, previous: Image, image: Image, plate: Image) -> Bool {
        let r = box.intersection(PixelRect(x: 0, y: 0, width: min(image.width, plate.width), height: min(image.height, plate.height)))
        guard !r.isEmpty else { return false }
        var n = 0, same = 0
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX where abs(Int(previous.luma(x: x, y: y)) - Int(plate.luma(x: x, y: y))) > 30 {
                n += 1
                if abs(Int(image.luma(x: x, y: y)) - Int(previous.luma(x: x, y: y))) <= 30 { same += 1 }
            }
        }
        return n >= 8 && same * 10 >= n * 7
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

    /// Whether one of an event's changed boxes touches `control`.
    static func changeTouches(_ control: PixelRect, _ boxes: [PixelRect]) -> Bool {
        boxes.contains { $0.intersection(control.expanded(4, 4)).area > 0 }
    }

    /// Whether `element` is a button holding the changed `control`: a box several times wider.
    static func holdsControl(_ element: FoundElement, _ control: PixelRect) -> Bool {
        element.shape == .box && element.box.contains(control.center) && element.box.width >= control.width * 3
            && element.box.height >= control.height + 8
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

    private func changedFraction(_ a: Image, _ b: Image, region: PixelRect) -> Double {
        let blobs = ChangeDetector.blobs(a, b, threshold: 24, cell: 16, region: region).filter { !$0.isNoise }
        let area = blobs.reduce(0) { $0 + $1.box.area }
        return min(1, Double(area) / Double(max(1, region.area)))
    }

    private func schedule(time: Double, observation: Int?, region: PixelRect, big: Bool, exclude: PixelRect? = nil) {
        pendingSettle = Settle(time: time + 0.5, observation: observation ?? pendingSettle?.observation, region: region,
                               big: big || (pendingSettle?.big ?? false), exclude: exclude ?? pendingSettle?.exclude,
                               before: pendingSettle?.before ?? eventBefore)
    }

    /// After a page-level change settles: read the URL (a navigation?) and the text that appeared.
    private func settle(_ s: Settle, frame: Image) async throws {
        if layout.addressBar != nil, s.big, let now = try await readURL(frame), now != url {
            url = now
            if span.owns(s.time - 0.5) {
                observations.append(Observation(kind: .navigation, time: s.time - 0.5, segment: span.index, url: now,
                                                confidence: 0.8, evidence: [s.time]))
            }
        }
        if let i = s.observation, i < observations.count, observations[i].appeared.isEmpty {
            let r = s.region.intersection(layout.viewport)
            let top = PixelRect(x: r.x, y: r.y, width: r.width, height: min(r.height, 260))
            if top.area >= 4000 {
                // An assertion on a misread word fails the replay: every word must be read surely.
                let lines = try await TextRegions.readLines(top, in: frame, reader: reader, minConfidence: 70, minWordConfidence: 80)
                let skip = s.exclude
                let old = s.before
                let crop = top.intersection(PixelRect(x: 0, y: 0, width: frame.width, height: frame.height))
                let sorted = lines.compactMap { l -> (text: String, box: PixelRect)? in
                    guard !(skip.map { $0.intersection(l.box).area > 0 } ?? false),
                          old.map({ ChangeDetector.meanDifference($0, frame, region: l.box) >= 10 }) ?? true,
                          let t = Self.assertable(l.text, box: l.box, crop: crop) else { return nil }
                    return (t, l.box)
                }
                    .sorted { $0.box.height > $1.box.height }
                observations[i].appeared = Array(sorted.prefix(3).map(\.text))
            }
        }
    }

    private func readURL(_ frame: Image) async throws -> String? {
        guard let bar = layout.addressBar else { return nil }
        let r = try await tools.readText(bar, in: frame, mode: .line)
        var tokens = r.lines.flatMap { l in l.words.map(\.text) }
        // A second reading at twice the size: small address-bar text loses a letter now and then
        // ("dashboard.htm"); the more URL-like (and so the longer) token of the two readings wins.
        let crop = frame.cropped(to: bar)
        if crop.height < 60 {
            let big = try await reader.read(TextRegions.prepare(TextRegions.upscaled(crop.grayscale()), margin: 12), mode: .line)
            tokens += big.lines.flatMap { l in l.words.map(\.text) }
        }
        guard let best = tokens.max(by: { (URLText.score($0), $0.count) < (URLText.score($1), $1.count) }), URLText.score(best) > 0 else { return nil }
        let scheme = r.text.lowercased().contains("not secure") ? "http" : nil
        return URLText.normalise(best, scheme: scheme)
    }

    // MARK: keystrokes

    private func noteKeystroke(field: PixelRect, event e: ChangeEvent, after: Image) async throws {
        let right = e.boxes.map(\.maxX).max() ?? e.union.maxX
        // Typing moved on to another field (Tab, or focus moved by the page): the first one's value is final.
        if let run = typing, run.field != field, run.field.intersection(field).isEmpty { try await flushTyping() }
        if var run = typing, run.field == field {
            run.last = e.lastChange; run.keys += 1; run.best = after; run.bestScore = Int.max
            run.bestPointer = tracker.fix?.box; run.bestMask = tracker.silhouette
            run.keyFrame = after; run.keyPointer = tracker.fix?.box
            run.inkRight = max(run.inkRight, right)
            typing = run
        } else {
            let wide = e.union.width >= e.union.height * 3
            typing = TypingRun(field: field, start: e.start, last: e.lastChange, keys: 1, before: e.plate, beforeFrame: e.before, best: after,
                               bestPointer: tracker.fix?.box, bestMask: tracker.silhouette, startPointer: tracker.fix?.box, keyFrame: after, keyPointer: tracker.fix?.box, inkRight: right, wipedPlaceholder: wide)
        }
    }

    /// Ends the keystroke run: reads the field's final value, label and placeholder.
    private func flushTyping() async throws {
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
        let band = InkAnalysis.textBand(in: frame, region: textArea.insetBy(3))
        let masked = band.map { InkAnalysis.looksMasked(frame, band: $0) } ?? false
        // A "keystroke" or two after which the field shows only light grey text: the field was
        // emptied (a submit) and its placeholder came back, or the caret blinked. Nothing was typed.
        if run.keys <= 2, (value?.count ?? 0) <= 3, let b = band, (Self.medianInk(frame.cropped(to: b)) ?? 255) > 120 {
            Debug.log("seg \(span.index) keystroke run at \(run.field) ends on a placeholder: no fill")
            return
        }
        let label = try await labelFor(field: run.field, in: run.before)
        // A placeholder under a pointer that was already resting when the segment began cannot be
        // read cleanly: leave it to the readings of other segments.
        let obscured = !tracker.plateIsClean && (tracker.fix.map { $0.box.intersection(textArea).area > 0 } ?? false)
        let placeholder = run.wipedPlaceholder && !obscured ? try await placeholderIn(field: textArea, frame: run.before) : nil
        let secret = masked || (label ?? "").lowercased().contains("password")
        if secret { value = nil }
        observations.append(Observation(kind: .typing, time: run.start, endTime: run.last, segment: span.index,
                                        box: run.field, role: .textbox, label: label, placeholder: placeholder,
                                        value: value.map { .text($0) } ?? (secret ? nil : .text("")), secret: secret,
                                        confidence: value == nil && !secret ? 0.3 : 0.8, evidence: [run.start, run.last]))
    }

    private func flushScroll() {
        guard let s = scroll else { return }
        scroll = nil
        guard span.owns(s.start), abs(s.pixels) >= 8 else { return }
        observations.append(Observation(kind: .scroll, time: s.start, endTime: s.end, segment: span.index,
                                        value: .pixels(Double(s.pixels)), confidence: 0.8, evidence: s.evidence))
    }

    /// The text field around a change (a keystroke), when the change sits in a field-shaped box.
    private func fieldAround(_ box: PixelRect, in image: Image) -> PixelRect? {
        let probe = PixelPoint(x: max(box.x - 3, layout.viewport.x + 1), y: box.center.y)
        guard let el = ElementFinder.element(at: probe, in: image, bounds: layout.viewport, avoid: tracker.fix?.box),
              el.shape == .field || el.shape == .box, el.box.height <= 90, el.box.contains(box.center) else { return nil }
        return el.box
    }

    // MARK: clicks

    private func click(at h: PixelPoint, event e: ChangeEvent, after: Image, big: Bool, owned: Bool,
                       pageBoxes: [PixelRect], time: Double) async throws {
        let vp = layout.viewport
        if popup == nil { try await flushTyping() }
        let found = ElementFinder.element(at: h, in: e.plate, bounds: vp, avoid: plateAvoid(e))
        let before = observations.count
        defer {
            if let f = found {
                let i = observations.count > before ? observations.count - 1 : nil
                lastClick = (i, f.box, i.flatMap { observations[$0].text }, i.flatMap { observations[$0].label }, e.start, h)
            }
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
            let insideButton = lines.isEmpty && (found.map { Self.holdsControl($0, control) } ?? false)
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
        if let dir = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_RAW"] {
            FileManager.default.createFile(atPath: "\(dir)/plate-\(String(format: "%.2f", e.start)).gray", contents: Data(e.plate.pixels))
            FileManager.default.createFile(atPath: "\(dir)/before-\(String(format: "%.2f", e.start)).gray", contents: Data(e.before.pixels))
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
        let listBox = Self.clusters(pageBoxes, gap: 10).filter { b in
            b.area >= el.box.area * 2 && b.height >= 50 && b.intersection(el.box).area < b.area / 2
                && (abs(b.y - el.box.maxY) <= 40 || abs(b.maxY - el.box.y) <= 40 || b.contains(el.box.center))
                && b.x < el.box.maxX && b.maxX > el.box.x && Self.alignedWith(b, el.box)
        }.max { $0.area < $1.area }
        Debug.log("seg \(span.index) clusters \(Self.clusters(pageBoxes, gap: 10)) list \(listBox.map { "\($0)" } ?? "nil") big \(big)")
        // A box is read inside its border; a line of text with a margin (its box hugs the ink,
        // and the faint tops of letters fall outside it).
        let textArea = el.shape == .text ? el.box.expanded(3, 3).intersection(vp) : el.box.insetBy(2)
        var text = try await readElementText(textArea, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box)
        if let list = listBox, !big, el.shape != .text {
            let label = try await labelFor(field: el.box, in: e.plate)
            popup = (Self.trimmed(list, opener: el.box), el.box, text, label, e.start, e.plate)
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
            let label = try await labelFor(field: el.box, in: e.plate)
            let placeholder = try await placeholderIn(field: el.box, frame: e.plate)
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
        let role: Role? = el.shape == ElementShape.text ? nil : Role.button
        var context: String?
        if let text {
            context = try await contextFor(element: el.box, text: text, in: e.plate, before: e.start, pointer: plateAvoid(e) ?? e.pointer?.box)
        }
        if owned {
            observations.append(Observation(kind: .click, time: e.start, segment: span.index, point: h, box: el.box,
                                            role: role, text: text, context: context, confidence: text == nil ? 0.45 : 0.75,
                                            evidence: [e.start, time]))
            let changedArea = pageBoxes.reduce(0) { $0 + $1.area }
            if big || changedArea >= layout.viewport.area / 12 {
                let region = pageBoxes.filter { $0.distance(to: el.box) > 4 }.reduce(nil as PixelRect?) { acc, b in acc.map { $0.union(b) } ?? b }
                schedule(time: time, observation: observations.count - 1, region: region ?? vp, big: big)
            }
        }
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
    private func chooseFromList(_ pop: (box: PixelRect, owner: PixelRect, ownerText: String?, label: String?, time: Double, under: Image),
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
        let isSelect = now != nil && now != pop.ownerText.map(Self.withoutChevron)
        Debug.log("seg \(span.index) list closed: option \(option ?? "nil") opener now \(now ?? "nil") was \(pop.ownerText ?? "nil")")
        guard isSelect || inList || popupRow != nil else { return false }
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

    /// Whether `b` looks like a list that opened from `element`: at least as wide, taller than
    /// a line, and attached below or above it (or over it).
    /// Without a pointer: a small changed region holding text that reads the same before and
    /// after (a tab turning active, a button pressed), topmost first. An underline that moved
    /// stands for the text right above it.
    private func controlChangedWithoutPointer(_ boxes: [PixelRect], before: Image, after: Image) async throws -> PixelRect? {
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
    private func noList(_ pop: (box: PixelRect, owner: PixelRect, ownerText: String?, label: String?, time: Double, under: Image)) async throws {
        guard let i = observations.lastIndex(where: { $0.kind == .click && $0.time == pop.time && $0.box == pop.owner }) else { return }
        observations[i].popup = nil
        if observations[i].role == .combobox, observations[i].label == nil {
            observations[i].role = observations[i].text == nil ? nil : .button
            // A plain button after all: it needs telling apart from its copies like any other.
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

    static func opensFrom(_ b: PixelRect, element: PixelRect) -> Bool {
        let overlapX = min(b.maxX, element.maxX) - max(b.x, element.x)
        guard overlapX >= element.width / 2, b.width >= element.width * 7 / 10, b.height >= 60,
              b.area >= element.area * 3, alignedWith(b, element) else { return false }
        return abs(b.y - element.maxY) <= 40 || abs(b.maxY - element.y) <= 40
            || (b.intersection(element).area > 0 && b.height > element.height * 3)
    }

    /// What to step over when growing regions on the event's plate: nothing when the plate saw
    /// under the pointer, else the pointer's box.
    private func plateAvoid(_ e: ChangeEvent) -> PixelRect? { tracker.plateIsClean ? nil : e.pointer?.box }

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

    /// The label of a field: the text just above it, else just left of it.
    private func labelFor(field f: PixelRect, in image: Image) async throws -> String? {
        let above = PixelRect(x: f.x - 2, y: f.y - 30, width: min(f.width, 420), height: 28).intersection(layout.viewport)
        // (Ink cut off by the top of the search area is the bottom of something bigger — a heading — not a label.)
        if let band = InkAnalysis.textBand(in: image, region: above), band.height >= 8, band.y > above.y,
           let t = try await TextRegions.readLine(InkAnalysis.leadingRun(of: band, in: image), in: image, reader: reader) {
            return t
        }
        let left = PixelRect(x: f.x - 240, y: f.y, width: 236, height: f.height).intersection(layout.viewport)
        if let band = InkAnalysis.textBand(in: image, region: left), band.height >= 8, band.maxX >= f.x - 48 {
            return try await TextRegions.readLine(band, in: image, reader: reader)
        }
        return nil
    }

    /// The median luma of the ink (pixels darker than 235) in `crop`; nil when there is hardly any.
    /// The share of `region`'s pixels within a few levels of its median: 1 for plain background.
    static func plainFraction(_ image: Image, region: PixelRect) -> Double {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard r.area > 0 else { return 1 }
        var histogram = [Int](repeating: 0, count: 256)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { histogram[Int(image.luma(x: x, y: y))] += 1 } }
        var seen = 0, median = 0
        for (v, n) in histogram.enumerated() { seen += n; if seen * 2 >= r.area { median = v; break } }
        let near = histogram[max(0, median - 6)...min(255, median + 6)].reduce(0, +)
        return Double(near) / Double(r.area)
    }

    static func medianInk(_ crop: Image) -> Int? {
        var inks: [Int] = []
        for y in 0..<crop.height { for x in 0..<crop.width { let v = Int(crop.luma(x: x, y: y)); if v < 235 { inks.append(v) } } }
        guard inks.count >= 20 else { return nil }
        inks.sort()
        return inks[inks.count / 2]
    }

    /// The grey hint text of an empty field, read before anything was typed.
    private func placeholderIn(field f: PixelRect, frame: Image) async throws -> String? {
        let inner = f.insetBy(3)
        guard let band = InkAnalysis.textBand(in: frame, region: inner) else { return nil }
        let crop = InkAnalysis.eraseCarets(frame.cropped(to: band))
        // Placeholders are light: most of their ink is far from black.
        guard let median = Self.medianInk(crop) else { return nil }
        Debug.log("placeholder band \(band) median ink \(median)")
        guard median > 120 else { return nil }
        return try await TextRegions.readLine(PixelRect(x: 0, y: 0, width: crop.width, height: crop.height), in: crop, reader: reader)
    }

    /// When the element's look repeats on screen (a grid of "Add to cart", a "Delete" per row),
    /// the nearest text that tells this one apart: the row's first cell, or the card's heading.
    private func contextFor(element box: PixelRect, text: String, in image: Image, before time: Double, pointer: PixelRect?) async throws -> String? {
        // (The box's inside: its corners show what is behind the element, which differs from copy to copy.)
        // Copies by look, confirmed by their text (a look alone matches any row of small text).
        var matches: [PixelRect] = []
        // A glyph (×, +) is compared with the patch around it; its copies are too small to read back.
        let glyph = box.width < 24 && box.height < 24
        let probe = glyph ? PixelRect(x: box.center.x - 14, y: box.center.y - 12, width: 28, height: 24) : box.insetBy(2)
        // The element as it looks hovered (under the pointer) matches no copy: its look from the
        // last frame the pointer left it alone is searched too.
        var views = [image]
        if let p = pointer, p.expanded(2, 2).intersection(box).area > 0, let clear = unobscured(box, before: time, like: image) { views.append(clear) }
        for (i, view) in views.enumerated() where matches.isEmpty {
            for m in Duplicates.find(probe, in: view, within: layout.viewport, ignoring: i == 0 ? pointer : nil).prefix(6) {
                if glyph { matches.append(m); continue }
                if let t = try await TextRegions.readLine(m, in: view, reader: reader), TextSimilarity.ratio(t, text) >= 0.8 { matches.append(m) }
                if matches.count >= 2 { break }
            }
        }
        // Copies the look search misses (small text a few pixels off its grid, a hovered link):
        // the same words read in the element's column or row.
        if matches.isEmpty, !glyph {
            let vp = layout.viewport
            let column = PixelRect(x: box.x - 24, y: vp.y, width: box.width + 48, height: vp.height).intersection(vp)
            let row = PixelRect(x: vp.x, y: box.y - 4, width: vp.width, height: box.height + 8).intersection(vp)
            for band in [column, row] where matches.isEmpty {
                let lines = try await TextRegions.readLines(band, in: image, reader: reader, minConfidence: 60)
                matches = lines.filter { $0.box.intersection(box.expanded(6, 6)).area == 0 && TextSimilarity.ratio($0.text, text) >= 0.8 }.map(\.box)
            }
        }
        Debug.log("seg \(span.index) copies of \(box): \(matches)")
        guard !matches.isEmpty || glyph else { return nil }
        // The card, row or panel holding the element: its heading tells this copy apart. (Text
        // outside it — a sticky header over a scrolled card, the next card — belongs to others.)
        for holder in ElementFinder.containers(of: box, in: image, bounds: layout.viewport, avoid: pointer).prefix(2) {
            let read = try await TextRegions.readLines(holder.insetBy(1), in: image, reader: reader, minConfidence: 60)
            Debug.log("seg \(span.index) context of \(box): in \(holder) lines \(read.map { "\($0.text) \($0.box)" })")
            if let heading = Self.heading(read, element: box, text: text, holder: holder) { return heading }
        }
        let stacked = matches.allSatisfy { abs($0.x - box.x) <= 12 }
        // (An icon button is told apart by its row even when its hovered look matched no copy:
        // a lone glyph says nothing by itself.)
        if stacked || (glyph && matches.isEmpty) {
            let row = PixelRect(x: layout.viewport.x + 4, y: box.y - 6, width: box.x - layout.viewport.x - 8, height: box.height + 12)
            let lines = try await TextRegions.readLines(row, in: image, reader: reader, minConfidence: 55)
            return lines.filter { TextRegions.clean($0.text) != text }.min { $0.box.x < $1.box.x }?.text
        }
        let above = PixelRect(x: box.x - 120, y: box.y - 240, width: box.width + 240, height: 236).intersection(layout.viewport)
        let read = try await TextRegions.readLines(above, in: image, reader: reader, minConfidence: 60)
        Debug.log("seg \(span.index) context of \(box): copies \(matches), lines above \(read.map { "\($0.text) \($0.box)" })")
        let lines = read
            .filter { $0.text != text && $0.text.count >= 3 && $0.box.x < box.maxX + 40 && $0.box.maxX > box.x - 40 }
        // The heading: the tallest line, the nearest among equals.
        return lines.max { a, b in
            a.box.height != b.box.height ? a.box.height < b.box.height : a.box.maxY < b.box.maxY
        }?.text
    }
}

extension SegmentAnalyst {
    /// The line that names a card or row, among the lines read inside it: not the element's own
    /// text, not cut by the holder's edges (a line half under a sticky header reads as something
    /// else), words before figures (a title before a price or a count), then the tallest, then the
    /// first (top, then left). A figure stands in when the title is out of view.
    static func heading(_ lines: [(text: String, box: PixelRect)], element box: PixelRect, text: String, holder: PixelRect) -> String? {
        let own = TextRegions.clean(text)
        let usable = lines.filter { l in
            TextRegions.clean(l.text) != own && l.text.count >= 3 && l.box.intersection(box.expanded(2, 2)).area * 2 < l.box.area
                && l.box.y > holder.y + 1 && l.box.maxY < holder.maxY - 1
        }
        let worded = usable.filter { $0.text.filter(\.isLetter).count >= 3 }
        let pool = worded.isEmpty ? usable : worded
        guard let tallest = pool.map(\.box.height).max() else { return nil }
        let tall = pool.filter { $0.box.height * 10 >= tallest * 9 }
        let top = tall.map(\.box.y).min()!
        return tall.filter { $0.box.y <= top + 6 }.min { $0.box.x < $1.box.x }?.text
    }
}

/// Finding other places on screen that look like a given element (same size, same pixels).
public enum Duplicates {
    /// Boxes elsewhere in `region` whose pixels match `box`'s (downsampled comparison). Each
    /// patch is compared after removing its mean brightness (a hovered copy is darker or lighter),
    /// and cells of `box` under `ignoring` (the pointer) do not count.
    public static func find(_ box: PixelRect, in image: Image, within region: PixelRect, ignoring: PixelRect? = nil) -> [PixelRect] {
        let s = 4
        let r = region.intersection(PixelRect(x: 0, y: 0, width: image.width, height: image.height))
        guard box.width >= 16, box.height >= 10, !r.isEmpty else { return [] }
        // Small gray copies.
        func small(_ rect: PixelRect) -> (w: Int, h: Int, px: [Int16]) {
            let w = rect.width / s, h = rect.height / s
            var px = [Int16](repeating: 0, count: max(0, w * h))
            for y in 0..<h {
                for x in 0..<w {
                    var sum = 0
                    for yy in 0..<s { for xx in 0..<s { sum += Int(image.luma(x: rect.x + x * s + xx, y: rect.y + y * s + yy)) } }
                    px[y * w + x] = Int16(sum / (s * s))
                }
            }
            return (w, h, px)
        }
        let t = small(box), m = small(r)
        guard t.w >= 3, t.h >= 2, m.w > t.w, m.h > t.h else { return [] }
        // Cells that count: not under the pointer.
        var use = [Bool](repeating: true, count: t.px.count)
        if let a = ignoring?.expanded(2, 2) {
            for y in 0..<t.h {
                for x in 0..<t.w where a.intersection(PixelRect(x: box.x + x * s, y: box.y + y * s, width: s, height: s)).area > 0 {
                    use[y * t.w + x] = false
                }
            }
        }
        let counted = use.filter { $0 }.count
        guard counted * 2 >= t.px.count else { return [] }
        var tMean = 0
        for (i, v) in t.px.enumerated() where use[i] { tMean += Int(v) }
        tMean /= counted
        var tVar = 0
        for (i, v) in t.px.enumerated() where use[i] { tVar += abs(Int(v) - tMean) }
        guard tVar / counted >= 6 else { return [] }   // a flat patch matches everywhere
        var hits: [PixelRect] = []
        let limit = counted * 7
        for y in 0...(m.h - t.h) {
            for x in 0...(m.w - t.w) {
                var mMean = 0
                for yy in 0..<t.h { let mr = (y + yy) * m.w + x; for xx in 0..<t.w where use[yy * t.w + xx] { mMean += Int(m.px[mr + xx]) } }
                mMean /= counted
                let shift = mMean - tMean
                guard abs(shift) <= 60 else { continue }
                var sad = 0
                var yy = 0
                while yy < t.h && sad <= limit {
                    let mr = (y + yy) * m.w + x, tr = yy * t.w
                    for xx in 0..<t.w where use[tr + xx] { sad += abs(Int(m.px[mr + xx]) - Int(t.px[tr + xx]) - shift) }
                    yy += 1
                }
                if sad <= limit {
                    let hit = PixelRect(x: r.x + x * s, y: r.y + y * s, width: box.width, height: box.height)
                    if hit.distance(to: box) > 0 || hit.intersection(box).area < box.area / 4,
                       !hits.contains(where: { $0.intersection(hit).area > 0 }) {
                        hits.append(hit)
                    }
                }
            }
        }
        return hits.filter { $0.intersection(box).area == 0 }
    }
}

/// How alike two readings are.
public enum TextSimilarity {
    /// 1 − edit distance / longer length, case-insensitive (1 = equal).
    public static func ratio(_ a: String, _ b: String) -> Double {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(1, x.count) where !x.isEmpty {
            cur[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        let d = x.isEmpty ? y.count : prev[y.count]
        return 1 - Double(d) / Double(max(x.count, y.count))
    }
}
