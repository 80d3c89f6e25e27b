import Browser
import Foundation
import ScreenCore

/// Toggles the analysis missed: a star, a switch or a checkbox clicked between two offline steps
/// changes only the control's own look — an area no bigger than the pointer, which the gap search
/// cannot tell from the pointer moving (`Run.pointerSized`). Toggles can be taken back (a second
/// click), so they are reconciled by state instead: before each step (and at the recording's end)
/// every toggle shown live is compared with the video from just before the previous offline step
/// to just before this one. A toggle whose place changed in the video while the live page still
/// looks as it did before is clicked; the click is kept, as an inserted step, when the toggle then
/// looks as the video shows it after (and the page as a whole did not move away from the video),
/// and undone by a second click otherwise.
extension Run {
    /// A toggle shown in the live page: its element, its box (viewport CSS pixels) and its state.
    struct LiveToggle {
        var element: ElementHandle
        var box: (x: Double, y: Double, width: Double, height: Double)
        var state: String
    }

    /// The mean luma difference (levels) of the video's area under a toggle between the two
    /// moments, at least this much: the video shows the toggle change there.
    static let toggleVideoChange = 6.0
    /// More toggles than this changed in the video while the live page did not follow: a list
    /// laid out or filtered differently (another search, another tab), not toggles clicked.
    static let maxToggleMismatches = 2

    /// The toggles shown in the live page (`aria-pressed`, switches, checkboxes), in view and not
    /// covered by anything else, with a visually hidden checkbox stood in for by its label.
    func liveToggles() async throws -> [LiveToggle] {
        let v = try await browser.execute("""
            var out = [];
            var all = document.querySelectorAll('[aria-pressed], [role=switch], [role=checkbox], input[type=checkbox]');
            for (var i = 0; i < all.length && out.length < 60; i++) {
              var e = all[i], r = e.getBoundingClientRect(), lab = null;
              if (e.tagName === 'INPUT' && (r.width < 6 || r.height < 6 || getComputedStyle(e).opacity === '0')) {
                lab = e.closest('label') || (e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null);
                if (!lab) continue;
                r = lab.getBoundingClientRect();
              }
              if (r.width < 6 || r.height < 6 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) continue;
              if (e.closest('[aria-hidden=true], [inert]')) continue;
              var c = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!c || !(c === e || e.contains(c) || (lab && lab.contains(c)))) continue;
              var st = e.getAttribute('aria-pressed') || e.getAttribute('aria-checked') || (e.checked ? 'true' : 'false');
              out.push([e, r.left, r.top, r.width, r.height, st]);
            }
            return out;
            """, [])
        return (v.array ?? []).compactMap { t in
            guard let a = t.array, a.count == 6, let e = ElementHandle(json: a[0]), let x = a[1].double, let y = a[2].double,
                  let w = a[3].double, let h = a[4].double else { return nil }
            return LiveToggle(element: e, box: (x, y, w, h), state: a[5].string ?? "")
        }
    }

    /// The box and state of a toggle now (a click may have moved it: a list re-sorted by it).
    func toggleNow(_ e: ElementHandle) async throws -> (box: (x: Double, y: Double, width: Double, height: Double), state: String)? {
        let v = try await browser.execute("""
            var e = arguments[0];
            if (!e || !document.documentElement.contains(e)) return null;
            var r = e.getBoundingClientRect();
            if (e.tagName === 'INPUT' && (r.width < 6 || r.height < 6 || getComputedStyle(e).opacity === '0')) {
              var lab = e.closest('label') || (e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null);
              if (lab) r = lab.getBoundingClientRect();
            }
            return [r.left, r.top, r.width, r.height, e.getAttribute('aria-pressed') || e.getAttribute('aria-checked') || (e.checked ? 'true' : 'false')];
            """, [JSONValue(element: e)])
        guard let a = v.array, a.count == 5, let x = a[0].double, let y = a[1].double, let w = a[2].double, let h = a[3].double else { return nil }
        return ((x, y, w, h), a[4].string ?? "")
    }

    /// The toggle `id` identified before a click, where it is now: by its element, else (an app
    /// that renders its list anew replaces the element) by its verified locator.
    func locate(_ id: Identified) async throws -> (box: (x: Double, y: Double, width: Double, height: Double), state: String)? {
        if let e = id.element, let now = try? await toggleNow(e) { return now }
        guard let loc = id.playwright, let r = try? await page.call("resolve", [loc]), let e = ElementHandle(json: r) else { return nil }
        return try? await toggleNow(e)
    }

    /// The mean absolute luma difference of two frames in `r` (frame pixels), on one small grid.
    static func meanDelta(_ a: Image, _ b: Image, _ r: PixelRect) -> Double {
        guard r.width > 1, r.height > 1, r.x >= 0, r.y >= 0, r.x + r.width <= min(a.width, b.width), r.y + r.height <= min(a.height, b.height) else { return 0 }
        let w = max(4, min(64, r.width)), h = max(4, Int((Double(w) * Double(r.height) / Double(r.width)).rounded()))
        let x = Similarity.reduce(a, r, w, h), y = Similarity.reduce(b, r, w, h)
        var d = 0.0
        for j in x.indices { d += abs(x[j] - y[j]) }
        return d / Double(max(1, x.count))
    }

    /// Whether a toggle the video changed should be tried: the video's area changed enough, and
    /// the live page there still leans towards the video's look before the change.
    static func toggleMismatch(videoChange: Double, lean: Double) -> Bool {
        videoChange >= toggleVideoChange && lean < areaUnlike
    }

    /// Whether a tried toggle click is kept: the toggle now leans to the video's look after the
    /// change, and the whole page did not move away from the video (by more than a little).
    static func toggleClickKept(lean: Double, page before: Double, after: Double) -> Bool {
        lean >= areaLike && after >= before - 0.02
    }

    /// Reconciles the live toggles with the video before step `i` (the recording's end when `i`
    /// is the number of actions): see the type's comment. Inserts a `click` (or `check`) step per
    /// toggle kept. `span`: the two moments to compare instead of just before the previous and
    /// the next step (a gap's toggles before a later change in it, `togglesBeforeChange`).
    /// `tried`: whether a toggle was clicked live (kept or taken back); `inserted`: whether a step
    /// was inserted.
    @discardableResult
    mutating func reconcileToggles(_ i: Int, span: (from: Double, to: Double)? = nil) async throws -> (tried: Bool, inserted: Bool) {
        guard i > 0, i <= timeline.actions.count, stoppedAt == nil, let vp = timeline.viewport else { return (false, false) }
        let duration = timeline.source?.duration ?? .infinity
        let tA = span?.from ?? max(0, timeline.actions[i - 1].time - 0.2)
        let tB = span?.to ?? (i < timeline.actions.count ? max(0, timeline.actions[i].time - 0.2) : duration - 0.1)
        guard tB.isFinite, tB > tA + 0.3, let fA = frames.nearest(tA), let fB = frames.nearest(tB),
              fA.width == fB.width, fA.height == fB.height else { return (false, false) }
        let toggles = try await liveToggles()
        guard !toggles.isEmpty else { return (false, false) }
        let inserted = out.count
        // The next step's own element is left to it (its reading may be dated late).
        let nextPoint = i < timeline.actions.count ? timeline.actions[i].target?.point : nil
        // (The video's side first: a screenshot only when some toggle changed there.)
        var changed: [(toggle: LiveToggle, change: Double)] = []
        for t in toggles {
            let region = (x: t.box.x - 3, y: t.box.y - 3, width: t.box.width + 6, height: t.box.height + 6)
            if let p = nextPoint, p.x >= region.x - 4, p.x <= region.x + region.width + 4, p.y >= region.y - 4, p.y <= region.y + region.height + 4 { continue }
            guard let r = videoRect(region) else { continue }
            let change = Self.meanDelta(fA, fB, r)
            if change >= Self.toggleVideoChange { changed.append((t, change)) }
        }
        guard !changed.isEmpty else { return (false, false) }
        let shot = try decodePNG(try await browser.screenshot())
        var mismatched: [(toggle: LiveToggle, change: Double, lean: Double)] = []
        for (t, change) in changed {
            let region = (x: t.box.x - 3, y: t.box.y - 3, width: t.box.width + 6, height: t.box.height + 6)
            let l = lean(region, shot: shot, fA, fB)
            debug("live: before step \(i + 1) the toggle at \(Int(t.box.x)),\(Int(t.box.y)) (\(t.state)) changed \(Self.f2(change)) in the video; live leans \(Self.f2(l))")
            if Self.toggleMismatch(videoChange: change, lean: l) { mismatched.append((t, change, l)) }
        }
        guard !mismatched.isEmpty, mismatched.count <= Self.maxToggleMismatches else {
            if mismatched.count > Self.maxToggleMismatches { debug("live: before step \(i + 1), \(mismatched.count) toggles unlike the video: a list laid out otherwise, none tried") }
            return (false, false)
        }
        let whole = PixelRect(x: Int(Double(vp.x) * frames.scale), y: Int(Double(vp.y) * frames.scale),
                              width: Int(Double(vp.width) * frames.scale), height: Int(Double(vp.height) * frames.scale))
        for m in mismatched.sorted(by: { $0.change > $1.change }) {
            let b = m.toggle.box
            let centre = (b.x + b.width / 2, b.y + b.height / 2)
            guard let id = try await page.identify(x: centre.0, y: centre.1), id.actionable, id.element != nil,
                  !Self.destructive([id.name, id.text, id.label]) else { continue }
            // A look the resting pointer gives (a row's hover under the pointer) is no click: the
            // click must beat the pointer's rest there.
            try await browser.pointer(move: centre)
            try await Task.sleep(nanoseconds: 150_000_000)
            let now0 = try decodePNG(try await browser.screenshot())
            let lh = lean((x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6), shot: now0, fA, fB)
            let s0 = Similarity.compare(now0, nil, fB, whole)
            let state0 = try await page.state()
            try await browser.pointerClick(at: centre, count: 1)
            _ = try await settle(from: state0)
            guard let moved = try await locate(id) else {
                diagnostics.append(Diagnostic(.note, "live: before step \(i + 1), a tried click on a toggle took it out of the page"))
                return (true, out.count > inserted)
            }
            let png = try await browser.screenshot()
            let after = try decodePNG(png)
            let region = (x: moved.box.x - 3, y: moved.box.y - 3, width: moved.box.width + 6, height: moved.box.height + 6)
            let l1 = lean(region, shot: after, fA, fB)
            let s1 = Similarity.compare(after, nil, fB, whole)
            debug("live: before step \(i + 1), click on the toggle \(id.role ?? id.tag) \"\(id.name ?? "")\": it leans \(Self.f2(m.lean)) (pointer on it \(Self.f2(lh))) → \(Self.f2(l1)), the page \(Self.f2(s0)) → \(Self.f2(s1))")
            if Self.toggleClickKept(lean: l1, page: s0, after: s1), l1 >= lh + Self.toggleOverHover, moved.state != m.toggle.state {
                // When: where the video's area first looks as after the change, a little before
                // (inside a gap, where it took that look and kept it: GapSearch+TogglesFirst.swift).
                var t = (tA + tB) / 2
                if let r = videoRect((x: b.x - 3, y: b.y - 3, width: b.width + 6, height: b.height + 6)) {
                    t = Self.toggleTime(r, frames: frames.frames, from: tA, to: tB, inGap: span != nil) ?? t
                }
                if let last = out.last { t = max(t, last.time + 0.01) }
                var click = Action(kind: .click, time: t, endTime: t + 0.1, target: Target(point: Point(x: centre.0, y: centre.1)), confidence: 0.5)
                _ = correctTarget(&click, id)
                _ = correctKind(&click, id)
                click.target?.point = Point(x: centre.0, y: centre.1)
                click.grounding?.status = .corrected
                click.grounding?.corrections = ["inserted: the video shows this \(id.role ?? "toggle") change (\(Self.f2(m.change)) levels) while the live one stayed as before (\(Self.f2(m.lean))); a click brings it in line (\(Self.f2(l1)))"]
                click.grounding?.similarity = (s1 * 1000).rounded() / 1000
                if options.keepScreenshots { shots[out.count] = png }
                out.append(click); counts.corrected += 1
                continue
            }
            // Not the change the video shows: taken back by a second click where it is now.
            let state1 = try await page.state()
            try await browser.pointerClick(at: (moved.box.x + moved.box.width / 2, moved.box.y + moved.box.height / 2), count: 1)
            _ = try await settle(from: state1)
            if let back = try await locate(id), back.state != m.toggle.state {
                diagnostics.append(Diagnostic(.note, "live: before step \(i + 1), a tried toggle click could not be taken back"))
                return (true, out.count > inserted)
            }
        }
        return (true, out.count > inserted)
    }
}
