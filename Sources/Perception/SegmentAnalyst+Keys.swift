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
              tracker.lastMove <= c.time || tracker.lastMove > e.start, !pageBoxes.isEmpty else { return nil }
        let vp = layout.viewport
        let u = pageBoxes.dropFirst().reduce(pageBoxes[0]) { $0.union($1) }
        // An overlay the click opened went away and left the screen as it was before the click.
        if big || u.area >= vp.area / 4 {
            let opened = ChangeDetector.meanDifference(screen.before, e.before, region: vp, step: 3)
            let back = ChangeDetector.meanDifference(screen.before, after, region: vp, step: 3)
            Debug.log("seg \(span.index) after the click at \(String(format: "%.2f", c.time)): opened \(String(format: "%.1f", opened)) back \(String(format: "%.1f", back))")
            return opened >= 8 && back * 4 < opened ? "Escape" : nil
        }
        // Elsewhere than what was clicked.
        guard c.box.expanded(4, 4).intersection(u).isEmpty, u.height <= 60, u.width >= 16 else { return nil }
        // A ring drawn around a control: its edges changed, its inside did not.
        if Self.isRing(u, before: e.before, after: after) { return "Tab" }
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

    /// Whether the change `u` is a ring drawn (or removed) around a control: its edges changed,
    /// its inside did not.
    static func isRing(_ u: PixelRect, before: Image, after: Image) -> Bool {
        let inside = u.insetBy(5)
        guard inside.width >= 6, inside.height >= 4, u.height <= 80 else { return false }
        let inner = ChangeDetector.meanDifference(before, after, region: inside)
        let edges = [PixelRect(x: u.x, y: u.y, width: u.width, height: 4), PixelRect(x: u.x, y: u.maxY - 4, width: u.width, height: 4),
                     PixelRect(x: u.x, y: u.y, width: 4, height: u.height), PixelRect(x: u.maxX - 4, y: u.y, width: 4, height: u.height)]
            .map { ChangeDetector.meanDifference(before, after, region: $0) }
        let edge = edges.reduce(0, +) / Double(edges.count)
        Debug.log("ring? \(u) edges \(String(format: "%.1f", edge)) inside \(String(format: "%.1f", inner))")
        return edge >= 6 && inner * 3 < edge && edges.filter({ $0 >= 3 }).count >= 3
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
