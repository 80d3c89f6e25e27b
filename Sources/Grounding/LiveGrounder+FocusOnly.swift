import Browser
import Foundation
import ScreenCore

/// A click that would only move the focus into a text field, where the video shows no focus move.
/// Such a click changes one thing a person sees: the focus look (the field's focus border or ring)
/// leaves the element that had it and appears on the field. The analysis reads "clicks" off a
/// pointer passing over a field (wizard-keyboard-enter at 8.1 s, on its way to the name field) or
/// off a change near a field the pointer happens to be over (the first letters typed into another,
/// focused field: wizard-validation-firefox at 18.6 s). Live, such a click focuses a field the
/// person never clicked, and the following typing goes by its own locator anyway: the step is extra.
/// As for a Tab (`Run.tabUnseen`, the same margin), the focus looks of the element that had the
/// focus and the field are compared with the video's frame after the step, with the click and
/// without it (`ringDistanceAtVideoScale`); when they look clearly less like the video with it, the
/// click is refuted: the focus goes back where it was and the step is dropped. A click that changed
/// anything else live (the page's state digest, the field's value: a spin button pressed) is not
/// judged here, nor a click on the field the next step types into (that step absorbs it). (The same
/// test for a fill of the value the field already holds was tried and left out: docs/accuracy.md,
/// "Live grounding after session 25 (wizard extras; branch live25a)".)
extension Run {
    /// What the check needs from before the step: the element holding the focus (nil: the body),
    /// its box, and the page's look.
    struct FocusOnlyProbe {
        var focused: ElementHandle?
        var box: (x: Double, y: Double, width: Double, height: Double)?
        var shot: Image
    }

    /// The probe before a step on `el`; nil when `el` holds the focus already.
    func focusOnlyProbe(_ el: ElementHandle) async throws -> FocusOnlyProbe? {
        let v = try await browser.execute("""
            var a = document.activeElement;
            if (a === arguments[0]) return false;
            return a && a !== document.body && a !== document.documentElement ? a : null;
            """, [JSONValue(element: el)])
        if v.bool == false { return nil }
        return FocusOnlyProbe(focused: ElementHandle(json: v), box: try await focusedBox(), shot: try decodePNG(try await browser.screenshot()))
    }

    /// Taken just before click step `i` on the text field `t` is performed live; nil for other
    /// steps, a field that already holds the focus, a field the next step acts on, or without a
    /// frame after the step.
    func clickFocusProbe(_ i: Int, _ a: Action, _ t: Identified) async throws -> FocusOnlyProbe? {
        guard a.kind == .click, t.isTextField, let el = t.element,
              frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) != nil else { return nil }
        // A click on the field the next step types into or chooses from is part of that step
        // (the step absorbs it and is dated from it): not judged here.
        if i + 1 < timeline.actions.count, Self.nextStepActsOn(t, timeline.actions[i + 1]) { return nil }
        return try await focusOnlyProbe(el)
    }

    /// Whether click step `i` on the text field `t`, just performed live (`before`, `after`), only
    /// moved the focus, and the video refutes that move (see the type). When it does, the focus is
    /// given back and the drop noted.
    mutating func clickFocusUnseen(_ i: Int, _ a: Action, _ t: Identified, probe: FocusOnlyProbe,
                                   before: PageState, after: PageState) async throws -> Bool {
        guard a.kind == .click, !after.differs(from: before), after.url == before.url, let el = t.element,
              let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        // Only the focus may have changed: a value stepped by a spin button is the click's too.
        if let old = t.value, let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string, now != old { return false }
        guard after.active != before.active, let d = try await focusLooks(probe, frame) else { return false }
        debug("live: step \(i + 1) click on a text field: the focus looks are \(Self.f2(d.without)) from the video's frame after it without the click, \(Self.f2(d.with)) with it")
        guard Self.tabRefuted(without: d.without, with: d.with) else { return false }
        try await giveFocusBack(probe)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: at its point is a text field the click only focuses, and the video shows no focus move there (the focus looks \(Self.f2(d.without)) from it without the click, \(Self.f2(d.with)) with it)"))
        return true
    }

    /// The focus looks (`ringDistanceAtVideoScale`, summed) of the element that had the focus in `probe` and the
    /// one that has it now, against the video's `frame`: without the step (`probe`'s look) and with
    /// it (the page now). Nil when the focus is on nothing now or no band fits the frame.
    func focusLooks(_ probe: FocusOnlyProbe, _ frame: Image) async throws -> (without: Double, with: Double)? {
        guard let now = try await focusedBox() else { return nil }
        let shot = try decodePNG(try await browser.screenshot())
        var d0 = 0.0, d1 = 0.0, n = 0
        for box in [probe.box, now].compactMap({ $0 }) {
            guard let x = ringDistanceAtVideoScale(box, shot: probe.shot, frame), let y = ringDistanceAtVideoScale(box, shot: shot, frame) else { continue }
            d0 += x; d1 += y; n += 1
        }
        return n > 0 ? (d0, d1) : nil
    }

    /// The focus back on the element `probe` found holding it (off any element when none did).
    func giveFocusBack(_ probe: FocusOnlyProbe) async throws {
        let undone = try await page.state()
        if let back = probe.focused {
            _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: back)])
        } else {
            _ = try await browser.execute("if (document.activeElement) document.activeElement.blur(); return true;", [])
        }
        _ = try await settle(from: undone)
    }

    /// Whether `next` is a fill or a choice whose point (else its box's centre) lies in `t`'s box,
    /// 4 px around: the field a click on `t` focuses for it.
    static func nextStepActsOn(_ t: Identified, _ next: Action) -> Bool {
        guard [.fill, .select].contains(next.kind), let b = t.box,
              let q = next.target?.point ?? next.target?.box.map({ Point(x: $0.x + $0.width / 2, y: $0.y + $0.height / 2) }) else { return false }
        return q.x >= b.x - 4 && q.x <= b.x + b.width + 4 && q.y >= b.y - 4 && q.y <= b.y + b.height + 4
    }

    /// The mean absolute luma difference between the live screenshot `shot` and the video's
    /// `frame` over an element's focus band (from 3 CSS pixels inside its border box to 4 outside
    /// it, as `ringDistance`), compared at the video's scale: each video pixel of the band against
    /// the mean of the live pixels it covers. The sampled frames are half-size, so a 2-pixel ring
    /// spreads over one or two video pixels by the recording's sub-pixel registration; compared
    /// pixel for pixel, a crisp live ring is farther from the video's blurred one than no ring at
    /// all (docs-tab-space's search box: 8.5 levels without the click, 38.4 with it, while the video
    /// shows it focused). The best of live shifts of up to 3 CSS pixels either way (the registration,
    /// at a finer step than the video's pixel). Nil when the band leaves the frame.
    func ringDistanceAtVideoScale(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ frame: Image) -> Double? {
        guard let vp = timeline.viewport, box.width >= 4, box.height >= 4 else { return nil }
        let out = 4.0, inside = 3.0
        let s = frames.scale * dpr
        let k = Double(shot.width) / max(1, cssViewport.width)
        // Video pixel (vx, vy) covers CSS [(vx / scale - vp.x) / dpr, …) — its footprint in the live shot.
        func css(_ v: Int, _ origin: Int) -> Double { (Double(v) / frames.scale - Double(origin)) / dpr }
        var pts: [(lx0: Int, lx1: Int, ly0: Int, ly1: Int, v: Int)] = []
        let vx0 = Int(((Double(vp.x) / dpr + box.x - out) * s).rounded(.down)), vx1 = Int(((Double(vp.x) / dpr + box.x + box.width + out) * s).rounded(.up))
        let vy0 = Int(((Double(vp.y) / dpr + box.y - out) * s).rounded(.down)), vy1 = Int(((Double(vp.y) / dpr + box.y + box.height + out) * s).rounded(.up))
        guard vx0 >= 0, vy0 >= 0, vx1 <= frame.width, vy1 <= frame.height else { return nil }
        for vy in vy0..<vy1 {
            let cy0 = css(vy, vp.y), cy1 = css(vy + 1, vp.y), cy = (cy0 + cy1) / 2
            guard cy >= box.y - out, cy < box.y + box.height + out else { continue }
            for vx in vx0..<vx1 {
                let cx0 = css(vx, vp.x), cx1 = css(vx + 1, vp.x), cx = (cx0 + cx1) / 2
                guard cx >= box.x - out, cx < box.x + box.width + out else { continue }
                if cx >= box.x + inside, cx < box.x + box.width - inside, cy >= box.y + inside, cy < box.y + box.height - inside { continue }
                let lx0 = Int(cx0 * k), ly0 = Int(cy0 * k)
                pts.append((lx0, max(lx0 + 1, Int(cx1 * k)), ly0, max(ly0 + 1, Int(cy1 * k)), Int(frame.luma(x: vx, y: vy))))
            }
        }
        guard !pts.isEmpty else { return nil }
        var best = Double.infinity
        let reach = Int((3 * k).rounded())
        for sy in -reach...reach {
            for sx in -reach...reach {
                var sum = 0.0
                var m = 0
                for p in pts {
                    let x0 = max(0, p.lx0 + sx), x1 = min(shot.width, p.lx1 + sx), y0 = max(0, p.ly0 + sy), y1 = min(shot.height, p.ly1 + sy)
                    guard x1 > x0, y1 > y0 else { continue }
                    var total = 0
                    for y in y0..<y1 { for x in x0..<x1 { total += Int(shot.luma(x: x, y: y)) } }
                    sum += abs(Double(total) / Double((x1 - x0) * (y1 - y0)) - Double(p.v))
                    m += 1
                }
                if m > 0 { best = min(best, sum / Double(m)) }
            }
        }
        return best.isFinite ? best : nil
    }
}
