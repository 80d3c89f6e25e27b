import Foundation
import ScreenCore

/// Offline clicks the video does not bear out, decided before they are performed live.
///
/// - A click on a destructive control (Delete, Remove, Discard…, `Run.destructive`) cannot be
///   taken back. The analysis reads such phantoms where the pointer only passed (a row's ✕ under
///   the pointer's path after a dialog closed): when the video shows no change across the step
///   and its frame after the step still shows the control's surroundings — the row or card it
///   would remove — as the live page shows them now, the click is refuted and dropped, not
///   performed (the gap search's rule for destructive candidates, applied to the analysis's own
///   steps).
/// - A click on a toggle (a star with `aria-pressed`, a checkbox, a switch) right after a click or
///   check on the same toggle is most often a second reading of one press (the press read once as
///   a check and again as a click): it is decided by the video's later frames
///   (`repeatedToggleKept`), as a repeated check with no change in the video is, also when the
///   video changed across it (the pointer leaving the row) as long as it follows within
///   `repeatWindow`.
/// - A press at the point of the previous one, within `repeatWindow`, on the same control of
///   another row or card (the same role and name, another container or index) is a second
///   reading of that press: the first removed or moved its row and the next one slid under the
///   pointer live, which a second click would act on (`repeatsOnNextRow`). It is dropped.
extension Run {
    /// A toggle click this soon (seconds) after one on the same toggle is judged by the video's
    /// later frames whatever the video shows across it (a person does not undo a toggle that fast).
    static let repeatWindow = 0.6

    /// The share of the control's surroundings' look (`fieldSimilarity`) at or above which the
    /// video after the step still shows them as the live page does before the click.
    static let surroundingsKept = 0.8

    /// The area a destructive control's click would change: its box grown by its own size on
    /// every side (the row or card it removes), in viewport CSS pixels, kept inside the viewport.
    static func surroundings(of box: (x: Double, y: Double, width: Double, height: Double),
                             viewport: (width: Double, height: Double)) -> (x: Double, y: Double, width: Double, height: Double) {
        let x0 = max(0, box.x - box.width), y0 = max(0, box.y - box.height)
        let x1 = min(viewport.width, box.x + 2 * box.width), y1 = min(viewport.height, box.y + 2 * box.height)
        return (x0, y0, max(0, x1 - x0), max(0, y1 - y0))
    }

    /// Whether step `i`, a click on the live element `t`, is a destructive control's phantom
    /// click (see the type): true when it is to be dropped unperformed.
    func destructiveClickRefuted(_ i: Int, _ a: Action, _ t: Identified) async throws -> Bool {
        guard [.click, .dblclick].contains(a.kind), Self.destructive([t.name, t.text, t.label]), let box = t.box,
              !videoChanged(i, a),
              let after = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        // A change too small for `videoChanged` elsewhere in the page (a Discard that set two
        // switches back) is the control's effect: not refuted.
        if let before = frames.nearest(max(0, a.time - 0.2)), let far = changedAway(from: a.target?.point, before, after) {
            debug("live: step \(i + 1) clicks the destructive \(t.role ?? t.tag) \"\(t.name ?? "")\"; the video changed at \(Int(far.x)),\(Int(far.y)) \(Int(far.width))×\(Int(far.height)) across it: not refuted")
            return false
        }
        let region = Self.surroundings(of: box, viewport: (cssViewport.width, cssViewport.height))
        guard region.width > 4, region.height > 4, let s = try await fieldSimilarity(region, after) else { return false }
        debug("live: step \(i + 1) clicks the destructive \(t.role ?? t.tag) \"\(t.name ?? "")\"; the video shows no change across it, and its surroundings after it look \(Self.f2(s)) as live now")
        return s >= Self.surroundingsKept
    }

    /// The shorter side (CSS pixels) of a changed area that counts as a control's effect: a
    /// scroll bar fading in or out at the viewport's edge (8 px wide) is none.
    static let minEffectSide = 12.0

    /// An area (viewport CSS pixels) that changed between the video's frames `f0` and `f1`, larger
    /// than a mouse pointer, at least `minEffectSide` on both sides, and not over the pointer's
    /// point `p` (the control's own hover look): the first such, or nil.
    func changedAway(from p: Point?, _ f0: Image, _ f1: Image) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let vp = timeline.viewport, f0.width == f1.width, f0.height == f1.height else { return nil }
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        return Self.changeBlobs(f0, f1, in: whole).map(cssBox).first { b in
            !Self.pointerSized(b) && min(b.width, b.height) >= Self.minEffectSide
                && !(p.map { Self.covers(b, $0, margin: Self.samePoint) } ?? false)
        }
    }

    /// Whether box `b` holds point `p`, `margin` pixels around it counted in.
    static func covers(_ b: (x: Double, y: Double, width: Double, height: Double), _ p: Point, margin: Double) -> Bool {
        p.x >= b.x - margin && p.x <= b.x + b.width + margin && p.y >= b.y - margin && p.y <= b.y + b.height + margin
    }

    /// Whether action `a` on the live element `t` repeats the step before it (`last`) on the same
    /// toggle: both clicks or checks, the same verified locator, and either no change in the
    /// video across `a` (`videoChanged`) or `a` within `repeatWindow` of `last`.
    /// How far apart (CSS pixels, each axis) two presses count as at the same point.
    static let samePoint = 8.0

    /// Whether action `a`, at `p`, repeats the pointer press before it (`last`) on the same control
    /// of another row (see the type): both clicks or checks within `repeatWindow`, at the same point,
    /// their verified locators alike but for the container or index that tells the rows apart.
    static func repeatsOnNextRow(_ a: Action, at p: Point, last: Action?) -> Bool {
        guard let last, [.click, .check].contains(a.kind), [.click, .check].contains(last.kind),
              a.time - last.time < repeatWindow, let q = last.target?.point,
              abs(q.x - p.x) <= samePoint, abs(q.y - p.y) <= samePoint,
              let l0 = last.grounding?.locator, let l1 = a.grounding?.locator,
              l0.kind == l1.kind, l0.value == l1.value, l0.name == l1.name,
              l0.scope != nil || l0.nth != nil, l1.scope != nil || l1.nth != nil else { return false }
        return l0.scope != l1.scope || l0.nth != l1.nth
    }

    static func repeatsToggle(_ a: Action, last: Action?, _ t: Identified, videoChanged: Bool) -> Bool {
        guard let last, [.click, .check].contains(a.kind), [.click, .check].contains(last.kind),
              a.kind == .check || t.pressed != nil || t.isCheckable,
              let loc = a.grounding?.locator, last.grounding?.locator == loc else { return false }
        return !videoChanged || a.time - last.time < repeatWindow
    }
}
