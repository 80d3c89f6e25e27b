import Foundation
import ScreenCore

/// A menu that opens where the pointer rests. The change the video shows is the menu's area,
/// drawn over a table or a list where nothing under its middle is actionable live; what opened it
/// is under the pointer, which rests on the opener (a row's "⋯"). When no changed area names an
/// actionable element, the elements under the pointer's places at that moment are the
/// candidates. When resting the live pointer on one opens something in the app (its DOM or its
/// visible text changes) and the video's change stays, the rest is inserted as a `hover` step, so
/// the script opens the menu before it picks from it.
extension Run {
    /// How long (ns) the live pointer rests on a candidate at the pointer's place before the page
    /// is compared: a menu that opens on hover often waits for the pointer to rest (hover intent,
    /// a few hundred milliseconds), as `opensOnRest` waits.
    static let restIntent: UInt64 = 500_000_000

    /// Whether resting the pointer opened something in the app: the same address, and the DOM's
    /// size, its visible text or its dialogs changed (a hover look changes none of them).
    static func restOpened(before: PageState, after: PageState) -> Bool {
        before.url == after.url && (before.domSize != after.domSize || before.textHash != after.textHash || before.dialogs != after.dialogs)
    }

    /// The actionable elements under the pointer-sized areas of the change that are not among the
    /// unexplained ones (the pointer's own trace), at the pointer's hot spot: neither text fields
    /// nor destructive controls (a rest on them is never tried as a click).
    mutating func pointerCandidates(_ blobs: [(x: Double, y: Double, width: Double, height: Double)], unexplained: [Int])
        async throws -> [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        var out: [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] = []
        for (j, b) in blobs.enumerated() where Self.pointerSized(b) && !unexplained.contains(j) {
            let p = Point(x: b.x + min(6, b.width / 3), y: b.y + 4)
            guard let t = try await restCandidate(at: p), let box = t.box else { continue }
            if out.contains(where: { Self.samePlace($0.target.box, box) }) { continue }
            debug("live: gap: nothing actionable under the change; the pointer is on \(t.role ?? t.tag) \"\(t.name ?? "")\"")
            out.append((p, t, 1, 0, box.width * box.height, false))
        }
        return out
    }

    /// The element at `p` a rest of the pointer may be tried on as a click: inside the viewport,
    /// actionable, with a box, neither a text field nor a destructive control (nil otherwise).
    mutating func restCandidate(at p: Point) async throws -> Identified? {
        guard p.x >= 0, p.y >= 0, p.x < cssViewport.width, p.y < cssViewport.height,
              let t = try await page.identify(x: p.x, y: p.y), t.actionable, t.element != nil, !t.isTextField,
              t.box != nil, !Self.destructive([t.name, t.text, t.label]) else { return nil }
        return t
    }

    /// Appends a `hover` on `target` at `point`, dated `time`, found by the gap search before step
    /// `i` (the live pointer stays there, so what it opened stays open) — unless the step before
    /// already rests on the same element.
    mutating func insertGapHover(_ i: Int, _ point: Point, _ target: Identified, at time: Double,
                                 lean: (before: Double, after: Double), areas: Int) {
        var hover = Action(kind: .hover, time: time, endTime: time + 0.3, target: Target(point: point), confidence: 0.5)
        _ = correctTarget(&hover, target)
        hover.target?.point = point
        if let last = out.last, last.kind == .hover, let loc = last.grounding?.locator, loc == hover.grounding?.locator { return }
        hover.grounding?.status = .corrected
        hover.grounding?.corrections = ["inserted: the video changes here (\(areas) area\(areas == 1 ? "" : "s") unlike the live page, \(Self.f2(lean.before))), and resting the pointer on it opens what the video shows (\(Self.f2(lean.after)))"]
        hover.grounding?.similarity = (lean.after * 1000).rounded() / 1000
        debug("live: gap before step \(i + 1): hover on \(target.role ?? target.tag) \"\(target.name ?? "")\" inserted")
        out.append(hover); counts.corrected += 1
    }
}
