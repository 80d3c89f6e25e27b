import ScreenCore

/// Finds the pointer generically: a small region that differs from a reference frame in which the
/// pointer was elsewhere. Works for arrow, hand and I-beam shapes of any theme; the hot spot is
/// estimated from the shape (the tip of an arrow or finger, the middle of an I-beam).
public enum PointerLocator {
    /// Largest side, in pixels, of something that may be the pointer.
    public static let maxSide = 56

    /// The pointer in `image` near `near` (anywhere when nil), or nil when no small change is found.
    public static func locate(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix? {
        let full = PixelRect(x: 0, y: 0, width: image.width, height: image.height)
        let region = near.map { PixelRect(x: $0.x - 200, y: $0.y - 200, width: 400, height: 400).intersection(full) } ?? full
        let blobs = ChangeDetector.blobs(reference, image, threshold: 30, cell: 8, region: region)
            .filter { $0.box.width <= maxSide && $0.box.height <= maxSide && $0.pixels >= 6 }
        guard !blobs.isEmpty else { return nil }
        let pick = near.map { n in blobs.min { $0.box.distance(to: n) < $1.box.distance(to: n) }! } ?? blobs[0]
        return PointerFix(box: pick.box, hotSpot: hotSpot(of: pick.box, in: image, reference: reference))
    }

    /// The hot spot of a pointer occupying `box`: the middle of a narrow I-beam, else the topmost
    /// changed pixel (an arrow's or a finger's tip).
    public static func hotSpot(of box: PixelRect, in image: Image, reference: Image?) -> PixelPoint {
        if box.width * 2 <= box.height && box.width <= 12 { return box.center }
        guard let reference else { return PixelPoint(x: box.x + 1, y: box.y + 1) }
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where abs(Int(image.luma(x: x, y: y)) - Int(reference.luma(x: x, y: y))) > 30 {
                return PixelPoint(x: x, y: y)
            }
        }
        return PixelPoint(x: box.x + 1, y: box.y + 1)
    }
}

/// Follows the pointer through a segment from the small changes it leaves between frames: while
/// it moves, the newest position is the small change farthest from the last one; once it rests,
/// small changes elsewhere are content (a keystroke, a tick), not the pointer.
public struct PointerTracker: Sendable {
    /// The pointer's box and hot spot after the last update, when known.
    public private(set) var fix: PointerFix?
    /// When the pointer last moved.
    public private(set) var lastMove: Double = -.infinity
    /// When the pointer last travelled (moved more than a few pixels: not a jitter or a
    /// change under it mistaken for it).
    public private(set) var lastTravel: Double = -.infinity
    /// Whether the last travel began from rest (the pointer had not moved in the frames before it):
    /// a shape change or a first step, not the end of a move.
    public private(set) var travelLeftRest = false
    /// Whether a pointer has been seen at all.
    public private(set) var seen = false
    private var lastTime: Double?
    private var interval = 1.0 / 30
    /// Farthest the pointer is assumed to travel between two frames (pixels).
    public var maxStep = 400

    /// A tracker that starts from `hint` (a position from the motion signal) when given.
    public init(hint: PixelPoint? = nil) {
        if let h = hint { fix = PointerFix(box: PixelRect(x: h.x - 8, y: h.y - 8, width: 16, height: 16), hotSpot: h) }
    }

    /// Seconds between the frames fed so far.
    public var frameInterval: Double { interval }

    /// Whether the pointer moved within `window` seconds before `time`.
    public func moving(at time: Double, window: Double = 0.1) -> Bool { time - lastMove <= window }

    /// Splits the small blobs of one frame into pointer and content. `before` and `after` are
    /// the small blobs of the frames just before and after (a moving pointer leaves a trail).
    /// `plate` is a pointer-free picture of the screen: a change at the resting pointer that leaves
    /// as much difference from it as before is the pointer moving, not something new under it.
    /// `typingIn` is the field being typed into: without motion going on, a change there is a keystroke.
    public mutating func classify(time: Double, small: [ChangeBlob], before: [PixelRect], after: [PixelRect],
                                  image: Image, previous: Image, plate: Image? = nil,
                                  typingIn field: PixelRect? = nil, bounds: PixelRect? = nil) -> (pointer: [ChangeBlob], content: [ChangeBlob]) {
        var pointer: [ChangeBlob] = [], content: [ChangeBlob] = []
        if let last = lastTime, time > last { interval = min(0.2, time - last) }
        lastTime = time
        // Moving: it moved in the frame before this one (whatever the frame rate).
        let moving = self.moving(at: time, window: interval * 1.6)
        for b in small {
            let step = maxStep
            let near = { (r: PixelRect) in r.distance(to: b.box) <= step }
            var isPointer = false
            // Keystrokes in the field being typed into come frame after frame along the line, like
            // a pointer's path: there only a pointer already seen nearby is the pointer.
            let inField = field.map { $0.expanded(4, 4).intersection(b.box) == b.box } ?? false
            if let f = fix {
                if moving && f.box.distance(to: b.box) <= maxStep { isPointer = true }
                // Leaving a resting position: the change covers where the pointer was.
                let overlap = f.box.intersection(b.box.expanded(2, 2)).area * 10 >= f.box.area * 3
                if !moving && overlap {
                    if let mask = silhouette, mask.count == f.box.area {
                        // The pointer is drawn over everything: while its own pixels stay put, it has not moved.
                        isPointer = Self.changedFraction(of: mask, in: f.box, image, previous) > 0.3
                    } else if after.contains(where: near) {
                        isPointer = true
                    } else if let field, field.expanded(4, 4).intersection(b.box) == b.box {
                        isPointer = false
                    } else if let plate {
                        let area = b.box.union(f.box).expanded(4, 4)
                        let now = Self.differing(image, plate, area), then = Self.differing(previous, plate, area)
                        isPointer = Double(now) <= Double(then) * 1.15 + 6
                    }
                }
            } else if !inField, bounds.map({ $0.intersection(b.box) == b.box }) ?? true,   // (the browser's own spinners are no pointer)
                      before.contains(where: { Self.movedTo($0, b.box, within: step) })
                        || after.contains(where: { Self.movedTo(b.box, $0, within: step) }) {
                isPointer = true
            }
            // Recovery: a sweep through this frame (small changes before and after it, far apart).
            if !isPointer, !inField, bounds.map({ $0.intersection(b.box) == b.box }) ?? true,
               let a = before.first(where: near), let c = after.first(where: near),
               Self.dist(a.center, c.center) >= 30, !(Self.sameTextLine(a, b.box) && Self.sameTextLine(b.box, c)),
               Self.dist(a.center, b.box.center) + Self.dist(b.box.center, c.center) <= Self.dist(a.center, c.center) * 13 / 10 + 10 {
                isPointer = true
            }
            if isPointer { pointer.append(b) } else { content.append(b) }
        }
        // Two similar small changes and nothing else, one where the pointer was: it jumped. Its
        // new place is pointer-sized and in the page: a speck of a page being repainted is not
        // the pointer, nor an animation in the browser's own bar (a sign-in chip folding up while
        // a button under the resting pointer changes), where new pointers are never found either.
        if pointer.isEmpty, content.count == 2, small.count == 2,
           min(content[0].pixels, content[1].pixels) * 3 > max(content[0].pixels, content[1].pixels),
           content[0].box.distance(to: content[1].box) > 20,
           let f = fix, content.contains(where: { $0.box.distance(to: f.box) <= 12 }),
           content.allSatisfy({ $0.box.distance(to: f.box) <= 12 || Self.canBeJumpedTo($0.box, from: f.box, bounds: bounds) }) {
            pointer = content; content = []
        }
        if !pointer.isEmpty { update(time: time, blobs: pointer, image: image, previous: previous) }
        return (pointer, content)
    }

    static func dist(_ a: PixelPoint, _ b: PixelPoint) -> Int { abs(a.x - b.x) + abs(a.y - b.y) }

    /// Whether a change at `box` can be the pointer that rested at `from` and jumped there: at
    /// least half the pointer's width and height, and inside `bounds` (the page) when given.
    static func canBeJumpedTo(_ box: PixelRect, from: PixelRect, bounds: PixelRect?) -> Bool {
        box.width * 2 >= from.width && box.height * 2 >= from.height
            && (bounds.map { $0.intersection(box) == box } ?? true)
    }

    /// Whether a small change at `b` next to one at `a` a frame apart can be a pointer first seen
    /// moving: within a step, not in place (a spinner, a blinking mark) and not the next keystroke
    /// on a line of text.
    static func movedTo(_ a: PixelRect, _ b: PixelRect, within step: Int, slack: Int = 1) -> Bool {
        a.distance(to: b) <= step && dist(a.center, b.center) >= 4 && !sameTextLine(a, b, slack: slack)
    }

    /// Whether two small changes sit side by side on one line of text, the way keystrokes follow
    /// each other: text-high, overlapping on one line (their middles within a few pixels, more
    /// `slack` for scaled frames), and touching or a glyph apart. A pointer drifting exactly along a line is rare; typing always does.
    static func sameTextLine(_ a: PixelRect, _ b: PixelRect, slack: Int = 1) -> Bool {
        let overlap = min(a.maxY, b.maxY) - max(a.y, b.y)
        return max(a.height, b.height) <= 40 && overlap * 10 >= min(a.height, b.height) * 6
            && abs(a.center.y - b.center.y) <= 4 + slack && max(a.x, b.x) - min(a.maxX, b.maxX) <= 8 + slack
    }

    /// The fraction of the pointer's own pixels that changed between two frames.
    static func changedFraction(of mask: [Bool], in box: PixelRect, _ a: Image, _ b: Image) -> Double {
        var n = 0, changed = 0
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where mask[(y - box.y) * box.width + x - box.x] {
                guard x >= 0, y >= 0, x < a.width, y < a.height else { continue }
                n += 1
                if abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))) > 30 { changed += 1 }
            }
        }
        return n == 0 ? 0 : Double(changed) / Double(n)
    }

    /// Pixels of `region` where `a` and `b` differ clearly.
    static func differing(_ a: Image, _ b: Image, _ region: PixelRect) -> Int {
        let r = region.intersection(PixelRect(x: 0, y: 0, width: min(a.width, b.width), height: min(a.height, b.height)))
        guard !r.isEmpty else { return 0 }
        var n = 0
        for y in r.y..<r.maxY { for x in r.x..<r.maxX where abs(Int(a.luma(x: x, y: y)) - Int(b.luma(x: x, y: y))) > 30 { n += 1 } }
        return n
    }

    mutating func update(time: Double, blobs: [ChangeBlob], image: Image, previous: Image) {
        seen = true
        silhouette = nil
        plateIsClean = false
        let previousMove = lastMove
        lastMove = time
        let last = fix?.hotSpot
        // Where the pointer is now: the blob part present in `image` but not in `previous` is
        // unknown, so take the blob farthest from the last position, and within a merged trail
        // the end in the direction of travel.
        let step = maxStep
        // Specks (a pixel or two of antialiasing) are never where the pointer is.
        let blobs = blobs.filter { $0.box.width >= 4 && $0.box.height >= 6 }.isEmpty ? blobs : blobs.filter { $0.box.width >= 4 && $0.box.height >= 6 }
        let reachable = last.map { l in blobs.filter { $0.box.distance(to: l) <= step } } ?? blobs
        let pool = reachable.isEmpty ? blobs : reachable
        let pick = last.map { l in pool.max { $0.box.distance(to: l) < $1.box.distance(to: l) }! } ?? pool[0]
        var box = pick.box
        if let old = fix?.box, box.intersection(old).area > 0, box.area > old.area {
            // A merged trail: keep the old size at the far end.
            let w = min(old.width, box.width), h = min(old.height, box.height)
            let x = pick.box.center.x >= old.center.x ? box.maxX - w : box.x
            let y = pick.box.center.y >= old.center.y ? box.maxY - h : box.y
            box = PixelRect(x: x, y: y, width: w, height: h)
        }
        let newFix = PointerFix(box: box, hotSpot: PointerLocator.hotSpot(of: box, in: image, reference: previous))
        if let l = last, abs(l.x - newFix.hotSpot.x) + abs(l.y - newFix.hotSpot.y) <= 14 {} else {
            lastTravel = time
            travelLeftRest = time - previousMove > interval * 1.6 + 0.001
        }
        fix = newFix
    }

    /// The pointer vanished into a larger change at `time` (its old and new places merged with
    /// what changed around them): it counts as still moving, its position unknown until seen again.
    public mutating func hidden(at time: Double) {
        lastMove = time
        silhouette = nil
        plateIsClean = false
    }

    /// The pointer stopped being drawn (a browser hides it while keys are typed): where it is is
    /// unknown until it shows again, and changes where it was are the page's.
    public mutating func vanished() {
        fix = nil
        silhouette = nil
        plateIsClean = false
    }

    /// The page was redrawn around the resting pointer (`SegmentAnalyst.redrawnUnderRest`): what
    /// lies under it changed, so its measured pixels may no longer be its own (a browser swaps a
    /// hand for an arrow once the button under it is gone) and the plate under it is stale. It
    /// stays where it was; its next small change there is judged without the old silhouette.
    public mutating func pageRedrawnUnder() {
        silhouette = nil
        plateIsClean = false
    }

    /// The resting pointer's own pixels (true = pointer) inside `fix.box`, when measured.
    public private(set) var silhouette: [Bool]?

    /// Re-centres the pointer box on what `image` shows where it rests (after it stops), with
    /// the mask of its pixels when known.
    public mutating func refine(_ f: PointerFix, silhouette mask: [Bool]? = nil, plateIsClean: Bool = false) {
        fix = f; seen = true; silhouette = mask; self.plateIsClean = plateIsClean
    }
    /// Whether the clean plate holds what is under the resting pointer (it arrived in view of this tracker).
    public private(set) var plateIsClean = false
}
