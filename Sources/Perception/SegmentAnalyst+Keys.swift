// Keys for `SegmentAnalyst` that are not a typed field's submit: once the pointer has clicked and
// stays where it clicked, a later change elsewhere was made from the keyboard — a dialog closing
// back to the screen from before it opened (Escape), a focus ring appearing on another control
// (Tab), a control's content sliding sideways (an arrow key on a slider).

import Foundation
import ScreenCore

extension SegmentAnalyst {
    /// The key a change under a pointer still resting where it clicked was made with, or nil when
    /// the change does not look like one (then it is explained as before: a click, an effect).
    func keyPress(event e: ChangeEvent, after: Image, big: Bool, pageBoxes: [PixelRect]) -> String? {
        guard tracker.seen, e.pointerResting, typing == nil, popup == nil, let c = lastClick, let screen = clickScreen,
              screen.time == c.time, e.start - c.time >= 0.4,
              tracker.lastMove <= c.time || tracker.lastMove > e.start || stillAtClick(c), !pageBoxes.isEmpty else { return nil }
        let vp = layout.viewport
        let u = pageBoxes.dropFirst().reduce(pageBoxes[0]) { $0.union($1) }
        // An overlay the click opened went away and left the screen as it was before the click.
        if big || u.area >= vp.area / 4 {
            let opened = ChangeDetector.meanDifference(screen.before, e.before, region: vp, step: 3)
            let back = ChangeDetector.meanDifference(screen.before, after, region: vp, step: 3)
            Debug.log("seg \(span.index) after the click at \(String(format: "%.2f", c.time)): opened \(String(format: "%.1f", opened)) back \(String(format: "%.1f", back))")
            if opened >= 8 && back * 4 < opened { return "Escape" }
            // A modal opened before the click (the click was inside it) closed: its dimming
            // backdrop lifted from every corner of the page at once.
            if Self.backdropLifted(before: e.before, after: after, viewport: vp) { return "Escape" }
            // Tab has put the focus on a switch in this rest: the page changed because it was
            // toggled (a dark-mode switch), with Space.
            if keyboardRest == c.time, let f = keyFocus, Self.pillShaped(f) { return "Space" }
            return nil
        }
        // The focus moving from one control to the next (from the clicked one, too): a ring
        // removed here and drawn there.
        let pieces = Self.clusters(pageBoxes, gap: 4)
        if Self.focusMoved(pieces, before: e.before, after: after) {
            let was = keyboardRest == c.time ? keyFocus ?? c.box : c.box
            keyFocus = pieces.first { $0.intersection(was).isEmpty } ?? pieces.max { ($0.y, $0.x) < ($1.y, $1.x) }
            return "Tab"
        }
        // A switch the keyboard's focus is on flipped: Space.
        if keyboardRest == c.time, let f = keyFocus, let sw = SwitchFinder.flipped(near: f.center, before: e.before, after: after, bounds: vp),
           sw.box.intersection(f.expanded(6, 6)).area > 0 {
            return "Space"
        }
        // Elsewhere than what was clicked — unless what was clicked is no longer there: the click
        // opened something over it (a dialog), and the change is inside that.
        let covered = ChangeDetector.meanDifference(screen.before, e.before, region: c.box.intersection(vp), step: 2) >= 12
        guard covered || c.box.expanded(4, 4).intersection(u).isEmpty, u.height <= 60, u.width >= 16 else { return nil }
        // A ring drawn around a control: its edges changed, its inside did not.
        if Self.isRing(u, before: e.before, after: after) { keyFocus = u; return "Tab" }
        // A thin band whose content slid sideways (a slider's thumb and fill), once the keyboard
        // has taken over in this rest (a Tab moved the focus, or an arrow already went): text
        // that changes after a click (a total, a typed value) slides too.
        if u.height <= 30, keyboardRest == c.time {
            let m = Self.sideways(from: e.before, to: after, band: u.expanded(6, 2).intersection(vp))
            Debug.log("seg \(span.index) key? \(u) sideways \(m.shift) cost \(String(format: "%.2f of %.2f", m.cost, m.still))")
            if m.shift != 0, m.still >= 4, m.cost < m.still * 0.75 { return m.shift > 0 ? "ArrowRight" : "ArrowLeft" }
        }
        return nil
    }

    /// Whether the pointer has not travelled since the click `c` and still rests within a few
    /// pixels of where it pressed (a page changing under it jitters the tracked position).
    func stillAtClick(_ c: (observation: Int?, box: PixelRect, text: String?, label: String?, time: Double, point: PixelPoint)) -> Bool {
        guard tracker.lastTravel <= c.time, let f = tracker.fix else { return false }
        return abs(f.hotSpot.x - c.point.x) + abs(f.hotSpot.y - c.point.y) <= 16
    }

    /// Whether a dimming backdrop went away between `before` and `after`: the four corners of the
    /// viewport (where a dialog never is) all got brighter, by the same factor (the same content
    /// under a translucent dark layer, not another page).
    static func backdropLifted(before: Image, after: Image, viewport vp: PixelRect) -> Bool {
        let w = min(120, vp.width / 6), h = min(60, vp.height / 8)
        guard w >= 8, h >= 8 else { return false }
        let corners = [PixelRect(x: vp.x, y: vp.y + h, width: w, height: h), PixelRect(x: vp.maxX - w, y: vp.y + h, width: w, height: h),
                       PixelRect(x: vp.x, y: vp.maxY - 2 * h, width: w, height: h), PixelRect(x: vp.maxX - w, y: vp.maxY - 2 * h, width: w, height: h)]
        func mean(_ img: Image, _ r: PixelRect) -> Double {
            var sum = 0, n = 0
            for y in stride(from: r.y, to: r.maxY, by: 2) { for x in stride(from: r.x, to: r.maxX, by: 2) { sum += Int(img.luma(x: x, y: y)); n += 1 } }
            return Double(sum) / Double(max(1, n))
        }
        var ratios: [Double] = []
        for r in corners {
            let a = mean(before, r), b = mean(after, r)
            guard b - a >= 15, a >= 4 else { return false }
            ratios.append(b / a)
        }
        let lo = ratios.min()!, hi = ratios.max()!
        Debug.log("backdrop? corner ratios \(ratios.map { String(format: "%.2f", $0) })")
        return hi <= lo * 1.2
    }

    /// The arrow key that moved a list's highlight, from the rows that changed (`rows`: the one
    /// it left, `previous`, and the one it reached): down when it went down, up when it went up —
    /// and the other way round when it wrapped from one end of the list to the other. A first
    /// highlight near the top came down from the field; one at the bottom came up (wrapping).
    /// A highlight gone from the top row went up to the field. Nil when it is not clear.
    static func arrowKey(rows: [PixelRect], previous: PixelRect?, list: PixelRect) -> String? {
        let atTop = { (r: PixelRect) in r.y - list.y < r.height / 2 }
        let atBottom = { (r: PixelRect) in list.maxY - r.maxY < r.height / 2 }
        let fresh = rows.filter { r in previous.map { r.intersection($0).area * 2 < min(r.area, $0.area) } ?? true }
        guard fresh.count <= 1 else { return nil }
        guard let new = fresh.first else {
            // Only the old highlight changed: it went away, back into the field.
            guard let old = previous, rows.count == 1 else { return nil }
            return atTop(old) ? "ArrowUp" : atBottom(old) ? "ArrowDown" : nil
        }
        guard let old = previous else { return atTop(new) ? "ArrowDown" : atBottom(new) ? "ArrowUp" : nil }
        if atTop(old) && atBottom(new) && new.y > old.maxY + old.height { return "ArrowUp" }
        if atBottom(old) && atTop(new) && old.y > new.maxY + new.height { return "ArrowDown" }
        return new.y > old.y ? "ArrowDown" : "ArrowUp"
    }

    /// Whether a focus ring's box has a toggle switch's shape (a short pill, ring included).
    static func pillShaped(_ r: PixelRect) -> Bool {
        let aspect = Double(r.width) / Double(max(1, r.height))
        return r.height >= 12 && r.height <= 48 && r.width <= 100 && aspect >= 1.2 && aspect <= 3.6
    }

    /// Whether the changes are two rings at most 60 px high (the focus left one control and
    /// reached another), and nothing else.
    static func focusMoved(_ pieces: [PixelRect], before: Image, after: Image) -> Bool {
        pieces.count == 2 && pieces.allSatisfy { $0.height <= 60 && $0.width >= 16 && isRing($0, before: before, after: after) }
    }

    /// Whether the change `u` is a ring drawn (or removed) around a control: its edges changed,
    /// its inside did not.
    static func isRing(_ u: PixelRect, before: Image, after: Image) -> Bool {
        guard u.height <= 80, let c = outlineChange(u, before: before, after: after) else { return false }
        Debug.log("ring? \(u) edges \(String(format: "%.1f", c.edge)) inside \(String(format: "%.1f", c.inner))")
        return c.edge >= 6 && c.inner * 3 < c.edge && c.sidesChanged >= 3
    }

    /// How much the change `u` changed along its four 4-px edges (their mean, and how many of
    /// them changed by 3 or more) and inside them; nil when `u` is too small to have an inside.
    static func outlineChange(_ u: PixelRect, before: Image, after: Image) -> (edge: Double, inner: Double, sidesChanged: Int)? {
        let inside = u.insetBy(5)
        guard inside.width >= 6, inside.height >= 4 else { return nil }
        let inner = ChangeDetector.meanDifference(before, after, region: inside)
        let edges = [PixelRect(x: u.x, y: u.y, width: u.width, height: 4), PixelRect(x: u.x, y: u.maxY - 4, width: u.width, height: 4),
                     PixelRect(x: u.x, y: u.y, width: 4, height: u.height), PixelRect(x: u.maxX - 4, y: u.y, width: 4, height: u.height)]
            .map { ChangeDetector.meanDifference(before, after, region: $0) }
        return (edges.reduce(0, +) / Double(edges.count), inner, edges.filter { $0 >= 3 }.count)
    }

    /// The sideways shift that best maps the band's column profile before onto after, its mean
    /// cost, and the cost of no shift.
    static func sideways(from before: Image, to after: Image, band r: PixelRect) -> (shift: Int, cost: Double, still: Double) {
        guard r.width >= 24, r.height >= 4 else { return (0, 0, 0) }
        func profile(_ img: Image) -> [Double] {
            (r.x..<r.maxX).map { x in Double((r.y..<r.maxY).reduce(0) { $0 + Int(img.luma(x: x, y: $1)) }) / Double(r.height) }
        }
        let a = profile(before), b = profile(after)
        func cost(_ s: Int) -> Double {
            // after(x) ≈ before(x - s)
            var sum = 0.0, n = 0
            for x in max(0, s)..<min(a.count, a.count + s) { sum += abs(b[x] - a[x - s]); n += 1 }
            return n >= a.count / 2 ? sum / Double(n) : .infinity
        }
        let still = cost(0)
        let limit = min(48, r.width / 3)
        var best = 0, bestCost = still
        for s in -limit...limit where s != 0 {
            let c = cost(s)
            if c < bestCost { best = s; bestCost = c }
        }
        return (best, bestCost, still)
    }
}
