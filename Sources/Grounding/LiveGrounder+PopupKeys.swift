import Browser
import Foundation
import ScreenCore

/// Keys in an open combobox read as a click on it. A person who types into a search box and
/// then picks a result with ArrowDown and Enter leaves the pointer resting on the box: the
/// analysis sees the page change (the result opened, the page jumping to its anchor) with the
/// pointer over the field and reads a click there. Live, a click on the field that already has the
/// focus only moves the caret; what changes a page from an open popup is its keys — the arrows
/// move the highlighted option, Enter opens it. So when a click step lands on the focused text
/// field whose popup is open (`PageCalls.openPopup`), and the video changes beyond a caret across
/// it (the whole page, or an address read that the live page is not at), the popup's keys are
/// tried instead: ArrowDown while it brings the popup's area nearer the video just before the
/// step (the highlight the video shows moved there), then Enter, kept when the live page reaches
/// the address the video read or looks clearly more like the video after the step. The arrows
/// are inserted before the step (dated where the video's popup first shows their highlight), the
/// step becomes `press Enter`.
extension Run {
    /// Below this similarity of the video's viewport before and after the step, the page changed
    /// beyond a caret and a popup's highlight (a result opened, an anchor jump).
    static let popupPageChange = 0.9
    /// Enter is kept when the page after it looks at least this much more like the video after
    /// the step than before it (when no address read confirms it).
    static let popupEnterGain = 0.1
    /// At most this many arrows are tried (a popup's options shown at once).
    static let popupMaxArrows = 8

    /// Whether the video's change across a click on the focused field with an open popup is one
    /// only the popup's keys make: the viewport changed beyond `popupPageChange`, or the analysis
    /// read an address (`read`, on the live origin) other than the live page's (`live`).
    static func popupKeysPlausible(pageSimilarity: Double, read: String?, live: String) -> Bool {
        if let read, read != live { return true }
        return pageSimilarity < popupPageChange
    }

    /// Whether Enter brought the live page in line with the video: it reached the address read
    /// (`read`, on the live origin), or the page after it is clearly nearer the video's frame after
    /// the step (`before` → `after` similarity, `popupEnterGain`).
    static func popupEnterKept(reached: String, read: String?, before: Double?, after: Double?) -> Bool {
        if let read, read == reached { return true }
        guard let before, let after else { return false }
        return after >= before + popupEnterGain
    }

    /// Step `i`, a click on the live element `t`: when it is the focused text field whose popup is
    /// open and the video's change across the step is one only the popup's keys make, the keys
    /// are tried (see the type). Returns the `press Enter` step that replaces the click (the arrows
    /// kept are appended to `out` before it), or nil (the click is grounded as before; arrows
    /// kept without the Enter are still appended, since they were performed).
    mutating func popupKeysInsteadOfClick(_ i: Int, _ a: Action, _ t: Identified) async throws -> Action? {
        guard a.kind == .click, t.isTextField, let el = t.element, let vp = timeline.viewport,
              let f0 = frames.nearest(max(0, a.time - 0.2)),
              let f1 = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              f0.width == f1.width, f0.height == f1.height else { return nil }
        let focused = try await browser.execute("return document.activeElement === arguments[0];", [JSONValue(element: el)]).bool ?? false
        guard focused, let popup = try await page.openPopup() else { return nil }
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        let pageSimilarity = Similarity.compare(f0, whole, f1, whole)
        let state0 = try await page.state()
        let read = a.navigatesTo.map(mapped)
        debug("live: step \(i + 1) clicks the focused field with its popup open; the video's page across it \(Self.f2(pageSimilarity)), address read \(read ?? "-")")
        guard Self.popupKeysPlausible(pageSimilarity: pageSimilarity, read: read, live: state0.url) else { return nil }

        // The arrows: while one brings the popup's area nearer the video just before the step.
        let region = (x: popup.x - 4, y: popup.y + 2, width: popup.width + 8, height: popup.height + 2)
        var arrows = 0
        var shot = try decodePNG(try await browser.screenshot())
        let asTyped = shot
        if var sim = fieldSimilarity(region, f0, shot: shot) {
            while arrows < Self.popupMaxArrows {
                let st = try await page.state()
                try await browser.keys([.arrowDown])
                _ = try await settle(from: st)
                let now = try decodePNG(try await browser.screenshot())
                let s1 = fieldSimilarity(region, f0, shot: now) ?? 0
                debug("live: step \(i + 1), ArrowDown \(arrows + 1) in the popup → \(Self.f2(sim)) → \(Self.f2(s1))")
                if s1 >= sim + Self.keyGain { arrows += 1; sim = s1; shot = now; continue }
                // Not nearer: undone (the opposite arrow; a list that had no highlight keeps its first).
                let st1 = try await page.state()
                try await browser.keys([.arrowUp])
                _ = try await settle(from: st1)
                break
            }
        }
        if arrows > 0 {
            let at = arrowMoment(i, region: region, shot: shot, asTyped: asTyped, fallback: max(0, a.time - 0.3))
            for n in 0..<arrows {
                let t = max(0, at - 0.15 * Double(arrows - 1 - n))
                var press = Action(kind: .press, time: t, endTime: t + 0.06, value: .text("ArrowDown"), confidence: a.confidence)
                press.grounding = Grounding(status: .corrected)
                press.grounding?.corrections = ["inserted: the video's open popup shows its highlight moved before the click read on its field; ArrowDown brings it in line"]
                out.append(press); counts.corrected += 1
            }
        }

        // Enter: kept when the page reaches what the video shows.
        let s0 = try await compare(i)
        let st = try await page.state()
        try await browser.keys([.enter])
        let after = try await settle(from: st)
        let (s1, png) = try await compareKeeping(i)
        debug("live: step \(i + 1), Enter in the popup → \(after.url) (read \(read ?? "-")), \(Self.f2(s0 ?? 0)) → \(Self.f2(s1 ?? 0))")
        guard Self.popupEnterKept(reached: after.url, read: read, before: s0, after: s1) else {
            if after.url != st.url { _ = try await browser.execute("history.back(); return true;", []); _ = try await settle(from: after) }
            return nil
        }
        if options.keepScreenshots, let png { shots[out.count] = png }
        var press = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text("Enter"), confidence: a.confidence)
        press.grounding = Grounding(status: .corrected)
        press.grounding?.corrections = ["click → press Enter: the click lands on the focused field whose popup is open, which a click only puts the caret in; Enter opens the \(arrows > 0 ? "highlighted" : "first") option and the page reaches what the video shows (\(after.url != st.url ? after.url : Self.f2(s1 ?? 0)))"]
        press.grounding?.similarity = s1.map { ($0 * 1000).rounded() / 1000 }
        if after.url != st.url { press.navigatesTo = after.url }
        return press
    }

    /// When the arrows were pressed: the first sampled moment after the previous step where the
    /// video's popup area looks more like the live page with them (`shot`) than as typed
    /// (`asTyped`); `fallback` when none does.
    func arrowMoment(_ i: Int, region: (x: Double, y: Double, width: Double, height: Double), shot: Image, asTyped: Image,
                     fallback: Double) -> Double {
        // (After the step grounded last: a field typed just before is inserted with its own end.)
        let start = max(i > 0 ? timeline.actions[i - 1].endTime : 0, out.last?.endTime ?? 0)
        let end = timeline.actions[i].time
        for (t, f) in frames.frames where t > start && t < end {
            guard let withArrows = fieldSimilarity(region, f, shot: shot), let without = fieldSimilarity(region, f, shot: asTyped) else { continue }
            if withArrows > without + 0.05 { return max(start, t - 0.1) }
        }
        return fallback
    }
}
