import Foundation
import ScreenCore

/// The pointer's trace when it moved a little as it arrived: the gap search takes the areas of
/// pointer size (`pointerSized`, three 8-pixel cells wide at most) at the previous moment as where
/// the pointer rested, but an arrow that moved a few pixels onto a button (or was drawn over the
/// button's hover look) changes an area of four cells (wizard-validation's last Next: 32×24 at
/// 30.70 s; wizard-validation-firefox's second Next: 40×40 at 17.23 s). When the change that
/// follows (a wizard's next step, laid out otherwise) has no candidate left — nothing actionable
/// under its areas or the pointer's place now, or, in a re-layout, nothing the pointer touched —
/// the element under such a slightly wider area of the previous moment is where the click came from.
extension Run {
    /// An area the pointer makes when it moves a few pixels, wider than `pointerSized`: at most
    /// five 8-pixel cells either way.
    static func pointerTraceSized(_ b: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        !pointerSized(b) && b.width <= 40 && b.height <= 40
    }

    /// The candidates (as `synthesizeGap` ranks them) under the pointer-trace areas of the previous
    /// moment (`traced`): the element at each one's hot spot (top left, as an arrow's), else its
    /// middle; actionable, no text field, nothing destructive, each element once.
    mutating func tracedCandidates(_ traced: [(x: Double, y: Double, width: Double, height: Double)])
        async throws -> [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        var out: [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] = []
        for b in traced {
            for p in [Point(x: b.x + min(6, b.width / 3), y: b.y + 4), Point(x: b.x + b.width / 2, y: b.y + b.height / 2)] {
                guard let t = try await restCandidate(at: p), let box = t.box else { continue }   // GapSearch+HoverMenu.swift
                if out.contains(where: { Self.samePlace($0.target.box, box) }) { break }
                debug("live: gap: nothing actionable under the change; the pointer arrived at the moment before on \(t.role ?? t.tag) \"\(t.name ?? "")\"")
                out.append((p, t, 1, 0, box.width * box.height, true))
                break
            }
        }
        return out
    }
}
