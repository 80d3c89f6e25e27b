import ScreenCore

/// The orchestrator's cheap motion signal: fed one small gray frame at a time, it tells content
/// changes apart from the pointer (a small region that keeps moving) and from a blinking caret (a
/// thin mark that toggles in place), so the planner can cut where nothing happens.
///
/// Classification needs one frame of look-ahead (is a small change the start of a pointer path?),
/// so each `feed` returns the sample of the *previous* frame; `finish` returns the last one.
public struct MotionAnalyzer: Sendable {
    /// Full-size pixels per small-rendition pixel.
    public let scale: Double
    /// Largest side (full-size pixels) of a change that may be the pointer.
    public var pointerMaxSide = 56
    /// Farthest (full-size pixels) the pointer is assumed to travel between two frames.
    public var pointerMaxStep = 160
    /// Luma difference that counts as a change.
    public var threshold = 20

    private var prev: Image?
    private var pending: (time: Double, blobs: [ChangeBlob])?
    private var pendingPrevSmall: [PixelRect] = []
    private var blinks: [(box: PixelRect, time: Double)] = []
    private var pointerBox: PixelRect?
    private var lastMove = -Double.infinity
    private var lastTime: Double?
    private var dt = 1.0 / 30

    /// `scale`: full-size pixels per pixel of the frames that will be fed.
    public init(scale: Double) { self.scale = scale }

    /// Feeds the next small gray frame; returns the finished sample of the frame before it.
    public mutating func feed(time: Double, image: Image) -> MotionSample? {
        defer { prev = image }
        guard let p = prev else {
            pending = (time, [])
            return nil
        }
        let cell = 4
        let blobs = ChangeDetector.blobs(p, image, threshold: threshold, cell: cell)
            .filter { $0.maxDiff >= 40 || $0.pixels >= 6 }   // a keyframe's faint speckle is not a change
            .map { b in
            ChangeBlob(box: b.box.scaled(scale), pixels: Int(Double(b.pixels) * scale * scale))
        }
        let out = settle(next: blobs)
        pending = (time, blobs)
        return out
    }

    /// The sample of the last frame fed.
    public mutating func finish() -> MotionSample? {
        let out = settle(next: [])
        pending = nil
        return out
    }

    private func isSmall(_ b: ChangeBlob) -> Bool { b.box.width <= pointerMaxSide && b.box.height <= pointerMaxSide }

    /// Classifies the pending frame's blobs now that the next frame's are known.
    ///
    /// A small change is the pointer when it continues the pointer's path (the pointer moved in
    /// the frame before), when it starts at the resting pointer and goes on in the next frame, or
    /// — to find a pointer not yet seen, or lost — when small changes before and after it travel
    /// farther than text grows (keystrokes stay put; a pointer sweeps).
    private mutating func settle(next: [ChangeBlob]) -> MotionSample? {
        guard let (time, blobs) = pending else { return nil }
        let prevSmall = pendingPrevSmall
        let nextSmall = next.filter(isSmall).map(\.box)
        let small = blobs.filter(isSmall)
        pendingPrevSmall = small.map(\.box)
        if let last = lastTime { dt = max(0.005, min(0.2, time - last)) }
        lastTime = time
        let moving = time - lastMove <= dt * 1.6
        var content = 0
        var box: PixelRect?
        var pointerBoxes: [PixelRect] = []
        // Two similar small changes, one where the resting pointer was: it jumped.
        let jump = !moving && blobs.count == 2 && small.count == 2 && Self.similar(small[0].box, small[1].box)
            && pointerBox.map { p in small.contains { $0.box.intersection(p).area > 0 } } ?? false
        for b in blobs {
            if isSmall(b) {
                let step = pointerMaxStep
                let near = { (r: PixelRect) in r.distance(to: b.box) <= step }
                var isPointer = jump
                if let p = pointerBox {
                    if moving && p.distance(to: b.box) <= pointerMaxStep { isPointer = true }
                    let overlap = p.intersection(b.box.expanded(Int(scale), Int(scale))).area * 10 >= p.area * 3
                    if !moving && overlap && nextSmall.contains(where: near) { isPointer = true }
                } else {
                    // (Keystrokes side by side on one line, or a spinner turning in place, are no pointer appearing.)
                    let slack = Int(scale.rounded(.up)) + 1
                    if prevSmall.contains(where: { PointerTracker.movedTo($0, b.box, within: step, slack: slack) })
                        || nextSmall.contains(where: { PointerTracker.movedTo(b.box, $0, within: step, slack: slack) }) { isPointer = true }
                }
                // Recovery: a sweep through this frame (before and after it, far apart).
                if !isPointer, let a = prevSmall.first(where: near), let c = nextSmall.first(where: near),
                   Self.dist(a.center, c.center) >= 30,
                   !(PointerTracker.sameTextLine(a, b.box, slack: Int(scale.rounded(.up)) + 1)
                     && PointerTracker.sameTextLine(b.box, c, slack: Int(scale.rounded(.up)) + 1)),
                   Self.dist(a.center, b.box.center) + Self.dist(b.box.center, c.center) <= Self.dist(a.center, c.center) * 13 / 10 + 10 {
                    isPointer = true
                }
                if isPointer { pointerBoxes.append(b.box); continue }
                if isBlink(b.box, time: time) { continue }
            }
            content += b.pixels
            box = box.map { $0.union(b.box) } ?? b.box
        }
        if !pointerBoxes.isEmpty {
            lastMove = time
            let far: PixelRect
            if let last = pointerBox?.center {
                // The newest position: the farthest of the changes within one step of the last one.
                let step = pointerMaxStep
                let reachable = pointerBoxes.filter { Self.dist($0.center, last) <= step * 2 }
                far = (reachable.isEmpty ? pointerBoxes : reachable).max { Self.dist($0.center, last) < Self.dist($1.center, last) }!
            } else {
                far = pointerBoxes.last!
            }
            pointerBox = far
        }
        return MotionSample(time: time, contentPixels: content, contentBox: box, pointer: pointerBox?.center,
                            pointerMoved: !pointerBoxes.isEmpty)
    }

    private static func similar(_ a: PixelRect, _ b: PixelRect) -> Bool {
        let ra = Double(a.area), rb = Double(b.area)
        return min(ra, rb) / max(ra, rb, 1) > 0.4
    }

    private static func dist(_ a: PixelPoint, _ b: PixelPoint) -> Int { abs(a.x - b.x) + abs(a.y - b.y) }

    /// A thin isolated mark that toggles in place (a caret) is not activity once it has blinked.
    private mutating func isBlink(_ box: PixelRect, time: Double) -> Bool {
        guard box.width <= Int(3 * scale), box.height <= 48 else { return false }
        blinks.removeAll { time - $0.time > 2.5 }
        let seen = blinks.contains { abs($0.box.x - box.x) <= Int(scale) + 1 && abs($0.box.y - box.y) <= Int(scale) + 1 }
        blinks.append((box, time))
        return seen
    }
}
