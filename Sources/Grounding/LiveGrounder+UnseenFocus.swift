import Browser
import Foundation
import ScreenCore

/// A Tab out of a text field that the analysis read where the video shows no focus move. Tab does
/// one visible thing: the
/// focus ring (or a field's focus border) leaves the focused element and appears on the next one.
/// Live, the focus ring is drawn exactly as the recorded browser drew it, so the Tab is pressed
/// and the rings of both elements — the one that had the focus and the one that has it now — are
/// compared with the video's frame after the step, against the same rings before the key. When
/// the rings look clearly less like the video with the Tab than without it (the video keeps the
/// old element's focus look and never gives the next one its ring), the reading is refuted: the
/// Tab is undone (Shift+Tab) and the step dropped. The usual cause is a field whose caret or
/// selection changed while the person moved the pointer on (contacts-retype-search-24fps) or
/// retyped a number (board-dialog-escape).
extension Run {
    /// The focused element's border box (viewport CSS pixels); nil when the focus is on the body.
    func focusedBox() async throws -> (x: Double, y: Double, width: Double, height: Double)? {
        let v = try await browser.execute("""
            var a = document.activeElement;
            if (!a || a === document.body || a === document.documentElement) return null;
            var r = a.getBoundingClientRect();
            return r.width > 0 && r.height > 0 ? [r.left, r.top, r.width, r.height] : null;
            """, [])
        guard let a = v.array, a.count == 4, let x = a[0].double, let y = a[1].double, let w = a[2].double, let h = a[3].double else { return nil }
        return (x, y, w, h)
    }

    /// What a Tab's check needs from before the key: the focused element's box and the page's look.
    struct FocusProbe {
        var box: (x: Double, y: Double, width: Double, height: Double)?
        var shot: Image
    }

    /// Taken just before a Tab step is pressed live; nil for other keys or without a frame after the step.
    func focusProbe(_ i: Int, key: Key) async throws -> FocusProbe? {
        guard key == .tab, frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) != nil,
              // Only a Tab out of a text field: its caret and selection are what the analysis
              // misreads as a key, and its focus look (the field's border) is what the video
              // shows. A Tab from a radio or a button stays as read (settings-keyboard-60fps:
              // the radio the person clicked has no focus ring in the video, one live).
              try await page.keyTargets().field != nil else { return nil }
        return FocusProbe(box: try await focusedBox(), shot: try decodePNG(try await browser.screenshot()))
    }

    /// Whether Tab step `i`, just pressed live, is refuted by the video (see the type). When it
    /// is, the Tab is undone and the drop noted.
    mutating func tabUnseen(_ i: Int, _ a: Action, probe: FocusProbe, before: PageState) async throws -> Bool {
        let afterState = try await settle(from: before)
        guard afterState.url == before.url,
              let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        let now = try await focusedBox()
        // The focus must have moved live: else the Tab showed nothing here either, but for the
        // focus look of the field it stayed in (LiveGrounder+TabInsideField.swift).
        let moved = afterState.active != before.active || (now.map { n in probe.box.map { abs($0.x - n.x) + abs($0.y - n.y) > 1 } ?? true } ?? (probe.box != nil))
        guard moved else {
            guard now != nil, probe.box != nil else { return false }
            return try await tabInsideFieldUnseen(i, frame: frame)
        }
        let shot = try decodePNG(try await browser.screenshot())
        var d0 = 0.0, d1 = 0.0, n = 0
        for box in [probe.box, now].compactMap({ $0 }) {
            guard let x = ringDistance(box, shot: probe.shot, frame), let y = ringDistance(box, shot: shot, frame) else { continue }
            d0 += x; d1 += y; n += 1
        }
        guard n > 0 else { return false }
        debug("live: step \(i + 1) Tab: the focus rings are \(Self.f2(d0)) from the video's frame after it without the key, \(Self.f2(d1)) with it (\(n) elements)")
        guard Self.tabRefuted(without: d0, with: d1) else { return false }
        let undone = try await page.state()
        try await browser.keys([Key.parse("Shift+Tab") ?? .tab])
        _ = try await settle(from: undone)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press Tab) dropped: the video shows no focus move there (the focus rings look \(Self.f2(d0)) from it without the key, \(Self.f2(d1)) with it)"))
        return true
    }

    /// Whether the rings' distance to the video with the Tab (`with`) against without it
    /// (`without`), mean luma levels summed over the elements, refutes the Tab: clearly farther,
    /// by a share and by some levels (a focus ring is a few pixels wide: its whole change is a
    /// few levels of the band's mean).
    static func tabRefuted(without d0: Double, with d1: Double) -> Bool {
        d1 >= d0 * (1 + tabRingShare) && d1 - d0 >= tabRingLevels
    }

    /// The share of the rings' distance a Tab must add to be refuted.
    static let tabRingShare = 0.25
    /// … and at least these luma levels.
    static let tabRingLevels = 2.0

    /// The mean absolute luma difference between the live screenshot `shot` and the video's
    /// `frame` over the band where an element's focus look is drawn: from 3 CSS pixels inside
    /// its border box to 4 outside it (outline, box-shadow, border colour), at full resolution
    /// (a ring is too thin to survive the similarity's reduction). The best of shifts up to two
    /// video pixels either way (the recording's registration); nil when the band leaves the frame.
    func ringDistance(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ frame: Image) -> Double? {
        guard let vp = timeline.viewport, box.width >= 4, box.height >= 4 else { return nil }
        let out = 4.0, inside = 3.0
        let s = frames.scale
        let k = Double(shot.width) / max(1, cssViewport.width)
        var pts: [(lx: Int, ly: Int, vx: Int, vy: Int)] = []
        var y = box.y - out
        while y < box.y + box.height + out {
            var x = box.x - out
            while x < box.x + box.width + out {
                let inner = x >= box.x + inside && x < box.x + box.width - inside && y >= box.y + inside && y < box.y + box.height - inside
                if !inner {
                    pts.append((Int(x * k), Int(y * k), Int((Double(vp.x) + x * dpr) * s), Int((Double(vp.y) + y * dpr) * s)))
                }
                x += 1
            }
            y += 1
        }
        guard !pts.isEmpty else { return nil }
        var best = Double.infinity
        for dy in -2...2 {
            for dx in -2...2 {
                var sum = 0, m = 0
                var fits = true
                for p in pts {
                    let vx = p.vx + dx, vy = p.vy + dy
                    guard vx >= 0, vy >= 0, vx < frame.width, vy < frame.height else { fits = false; break }
                    guard p.lx >= 0, p.ly >= 0, p.lx < shot.width, p.ly < shot.height else { continue }
                    sum += abs(Int(shot.luma(x: p.lx, y: p.ly)) - Int(frame.luma(x: vx, y: vy)))
                    m += 1
                }
                if fits, m > 0 { best = min(best, Double(sum) / Double(m)) }
            }
        }
        return best.isFinite ? best : nil
    }
}
