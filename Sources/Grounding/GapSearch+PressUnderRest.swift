import Browser
import Foundation
import ScreenCore

/// The search for a press under the resting pointer (GapSearch+RestPress.swift). When that is the
/// only change at a moment the live page does not show, the element under the pointer's hot spot
/// is the only candidate: clicking it is tried, kept when it brings the areas in line, else undone
/// (a second click, Escape). Nothing else of the gap search runs for such a change — no typing
/// reconciled, no arrow keys, no hover inserted, no other element clicked — since a hover look
/// that fooled the press test would otherwise draw in steps the person never took.
extension Run {
    /// Tries the click under the resting pointer for the areas `unexplained` (each with whether it
    /// lies under the resting pointer and the frame before the pointer came, nil for a
    /// pointer-sized area), the pointer having arrived at `previous`'s areas. `avoid`: the next
    /// offline step's element (left to that step). Inserts the click dated `time` when it brings
    /// the areas' lean from `s0` up by `areaGain` to at least `pressLike`. False when a tried click
    /// changed the page without explaining the video and could not be undone (the search stops).
    mutating func pressUnderRest(_ i: Int, at time: Double,
                                 unexplained: [((x: Double, y: Double, width: Double, height: Double), Bool, Image?)],
                                 previous: [(x: Double, y: Double, width: Double, height: Double)], avoid: LiveLocator?,
                                 f0: Image, f1: Image, s0: Double, tries: inout Int) async throws -> Bool {
        func leanNow(_ shot: Image) -> Double {
            Self.weighted(unexplained.map { ($0.0, areaLean($0.0, shot: shot, f0, f1, resting: $0.1, prior: $0.2)) })
        }
        // The pointer's hot spot where it arrived on a press area (near the pointer image's top left).
        var found: Identified?
        for (b, _, prior) in unexplained where prior != nil {
            for p in previous where Self.overlaps(p, b) {
                let hot = Point(x: p.x + min(6, p.width / 3), y: p.y + 4)
                guard hot.x >= 0, hot.y >= 0, hot.x < cssViewport.width, hot.y < cssViewport.height,
                      let t = try await page.identify(x: hot.x, y: hot.y), t.actionable, t.element != nil, !t.isTextField, t.box != nil,
                      !Self.destructive([t.name, t.text, t.label]) else { continue }
                if let loc = t.playwright.flatMap({ LiveLocator(json: $0) }), loc == avoid { continue }
                found = t
                break
            }
            if found != nil { break }
        }
        guard let t = found, let box = t.box, tries < Self.triesPerGap else {
            debug("live: gap before step \(i + 1): a press under the resting pointer, but nothing to press there")
            return true
        }
        tries += 1
        let at = (box.x + box.width / 2, box.y + box.height / 2)
        let state0 = try await page.state()
        try await browser.pointer(move: at)
        let pre = try decodePNG(try await browser.screenshot())
        try await browser.pointerClick(at: at, count: 1)
        let state1 = try await settle(from: state0)
        let png = try await browser.screenshot()
        let s1 = leanNow(try decodePNG(png))
        debug("live: gap before step \(i + 1): press under the resting pointer, click on \(t.role ?? t.tag) \"\(t.name ?? "")\" → \(Self.f2(s1))")
        if Self.clickKept(lean: s1, before: s0, hover: nil, like: Self.pressLike) {
            var click = Action(kind: .click, time: time, endTime: time + 0.1, target: Target(point: Point(x: at.0, y: at.1)), confidence: 0.5)
            _ = correctTarget(&click, t)
            _ = correctKind(&click, t)
            if click.kind == .check { click.value = .flag(!(t.checked ?? false)) }
            click.target?.point = Point(x: at.0, y: at.1)
            if state1.url != state0.url { click.navigatesTo = state1.url }
            click.grounding?.status = .corrected
            click.grounding?.corrections = ["inserted: under the resting pointer the video's control takes a new look that outlasts the rest (\(Self.f2(s0)) unlike the live page) and this click brings it in line (\(Self.f2(s1)))"]
            click.grounding?.similarity = (s1 * 1000).rounded() / 1000
            if options.keepScreenshots { shots[out.count] = png }
            out.append(click); counts.corrected += 1
            return true
        }
        let after0 = try decodePNG(png)
        guard state1.differs(from: state0) || !Self.samePixels(pre, after0) else { return true }
        // Undone as the gap search undoes a tried click: a second click, else Escape.
        for undo in 0..<2 {
            let s = try await page.state()
            if undo == 0 {
                guard state1.url == state0.url else { continue }
                try await browser.pointerClick(at: at, count: 1)
            } else {
                guard try await escapeUndoesClick(at: at, before: state0, after: state1) else { continue }
                try await browser.keys([.escape])
            }
            let back = try await settle(from: s)
            try await browser.pointer(move: at)
            let now = try decodePNG(try await browser.screenshot())
            let restored = !back.differs(from: state0) && Self.samePixels(pre, now)
            debug("live: gap before step \(i + 1): undo \(["second click", "Escape"][undo]) → \(restored ? "restored" : "not restored")")
            if restored { return true }
        }
        diagnostics.append(Diagnostic(.note, "live: before step \(i + 1), a tried click on \(t.role ?? t.tag) \"\(t.name ?? "")\" under the resting pointer changed the page without bringing it in line with the video"))
        return false
    }
}
