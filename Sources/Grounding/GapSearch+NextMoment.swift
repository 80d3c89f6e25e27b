import Foundation
import ScreenCore

/// A click tried a moment early. The gap search tries a candidate against the change between two
/// sampled moments; a press that came just after the later one (a menu item chosen while the
/// sampled frame still shows the menu open, its highlight moving onto the item) cannot explain
/// that change — it closes the menu the frame still shows — and a click that cannot be undone
/// (the menu it closed is gone, the row it changed stays changed) then left the live app a step
/// ahead of the timeline: the search stopped there, and the click was in the app but in no
/// script (admin-search-delete-vp9's "Make admin": tried at 10.87 s against the menu's
/// highlight moving, −0.72; the video's next moment, 11.37 s, shows the menu closed and the
/// role cell changed — what the click did live).
///
/// Before the search gives up on such a click, the live page as the failed undos left it is
/// compared with the video's next moment of the gap: when the areas that change between the two
/// moments come in line with it (the same gain and floor a click needs: `areaGain`, `areaLike`,
/// from the page before the click), the click happened between them. It is kept, dated there,
/// and the walk goes on from the next moment, which the live page now explains. Only a moment
/// the gap itself would walk counts (not one left to the next offline step, `nextStepLead`),
/// so no step's own click is taken twice.
extension Run {
    /// The next moment's changed areas (CSS pixels) and the lean of the live page `before` the
    /// click and `after` it (and its failed undos) towards that moment's video frame, when the
    /// click explains that moment's change; nil otherwise. `f1` is the frame of the moment the
    /// click was tried at, `f2` the next moment's.
    func explainsNextMoment(before: Image, after: Image, _ f1: Image, _ f2: Image, in whole: PixelRect)
        -> (areas: Int, before: Double, after: Double)? {
        let blobs = Self.changeBlobs(f1, f2, in: whole).map(cssBox)
        guard blobs.contains(where: { !Self.pointerSized($0) }) else { return nil }
        let areas = blobs.filter { !Self.pointerSized($0) }
        let s0 = Self.weighted(areas.map { ($0, lean($0, shot: before, f1, f2)) })
        let s1 = Self.weighted(areas.map { ($0, lean($0, shot: after, f1, f2)) })
        guard Self.nextMomentExplained(before: s0, after: s1) else { return nil }
        return (areas.count, s0, s1)
    }

    /// Whether a click that left the live page leaning `after` (from `before`) towards the next
    /// moment's video frame explains that moment's change: as a click explains its own moment's.
    static func nextMomentExplained(before s0: Double, after s1: Double) -> Bool {
        s1 >= s0 + areaGain && s1 >= areaLike
    }

    /// The moment after `k` that a click tried at `k` may be dated before: inside the walk and
    /// not within `nextStepLead` of the next offline pointer step at `next` (that change is the
    /// step's own); nil when there is none.
    static func nextMomentIndex(_ k: Int, moments: [Double], nextPointer next: Double?) -> Int? {
        let j = k + 1
        guard j < moments.count else { return nil }
        if let next, moments[j] > next - nextStepLead { return nil }
        return j
    }
}

extension Run {
    /// A tried click on `target` at `at` that changed the page and could not be undone: kept
    /// (appended as a `click` or `check`, dated `time`) when the live page as it is now explains
    /// the video's change from `f1` to `f2`, the gap's next moment (see above); true when kept.
    /// `pre` is the live page before the click, with the pointer already there.
    mutating func keepEarlyClick(_ i: Int, _ target: Identified, at: (Double, Double), pre: Image, f1: Image, f2: Image,
                                 whole: PixelRect, time: Double, navigated: String?) async throws -> Bool {
        let png = try await browser.screenshot()
        let now = try decodePNG(png)
        guard let m = explainsNextMoment(before: pre, after: now, f1, f2, in: whole) else {
            debug("live: gap before step \(i + 1): the click on \(target.role ?? target.tag) \"\(target.name ?? "")\" does not explain the next moment either")
            return false
        }
        var click = Action(kind: .click, time: time, endTime: time + 0.1, target: Target(point: Point(x: at.0, y: at.1)), confidence: 0.5)
        _ = correctTarget(&click, target)
        _ = correctKind(&click, target)
        if click.kind == .check { click.value = .flag(!(target.checked ?? false)) }
        click.target?.point = Point(x: at.0, y: at.1)
        if let navigated { click.navigatesTo = navigated }
        click.grounding?.status = .corrected
        click.grounding?.corrections = ["inserted: tried a moment early, this click cannot be undone, and it brings the video's next change in line (\(m.areas) area\(m.areas == 1 ? "" : "s"), \(Self.f2(m.before)) → \(Self.f2(m.after))): the press came between the two moments"]
        click.grounding?.similarity = (m.after * 1000).rounded() / 1000
        if options.keepScreenshots { shots[out.count] = png }
        debug("live: gap before step \(i + 1): the click on \(target.role ?? target.tag) \"\(target.name ?? "")\" explains the next moment (\(Self.f2(m.before)) → \(Self.f2(m.after))): kept at \(Self.f2(time)) s")
        out.append(click); counts.corrected += 1
        return true
    }
}
