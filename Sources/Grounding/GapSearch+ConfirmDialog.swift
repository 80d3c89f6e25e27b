import Foundation
import ScreenCore

/// A destructive control that asks first. A row's icon-only Delete opens a confirmation dialog
/// over the page: the change the video shows is the backdrop over the whole viewport and the
/// dialog, with nothing actionable under their middles live (admin-search-delete-vp9's Delete at
/// 5.2 s). The gap search never offers a destructive control where the video shows nothing around
/// it go, nor under the pointer's trace (a tried click that does not explain the video could not
/// be undone), so the dialog's Delete user then hit nothing live. Where a dialog opened over the
/// whole page and no other candidate is left, the destructive control under an area of the
/// moment before that a pointer moving onto a small button leaves (`confirmTraceSized`) is tried:
/// a confirmation it opens is what the video shows, and one that does not explain it is closed by
/// Escape like any dialog a tried click opened.
extension Run {
    /// The previous moment's areas a pointer arriving on an icon button leaves: wider than a
    /// resting pointer (its old and new places joined), at most six 8-pixel cells either way.
    static func confirmTraceSized(_ b: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        b.width <= 48 && b.height <= 48
    }

    /// Whether the unexplained `areas` (CSS pixels) show a dialog opening over the whole page: one
    /// covers at least `wholePageShare` of the viewport (the backdrop).
    static func dialogOpened(_ areas: [(x: Double, y: Double, width: Double, height: Double)], viewport: (width: Double, height: Double)) -> Bool {
        let page = viewport.width * viewport.height
        return page > 0 && areas.contains { $0.width * $0.height >= wholePageShare * page }
    }

    /// The destructive controls under the areas of the moment before (`before`) that
    /// `confirmTraceSized` admits: the element at each one's middle, then its hot spot (top left,
    /// an arrow's); actionable, no text field, each element once; ranked as where the pointer rested.
    mutating func confirmCandidates(_ before: [(x: Double, y: Double, width: Double, height: Double)])
        async throws -> [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        var out: [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] = []
        for b in before where Self.confirmTraceSized(b) {
            for p in [Point(x: b.x + b.width / 2, y: b.y + b.height / 2), Point(x: b.x + min(6, b.width / 3), y: b.y + 4)] {
                guard p.x >= 0, p.y >= 0, p.x < cssViewport.width, p.y < cssViewport.height,
                      let t = try await page.identify(x: p.x, y: p.y), t.actionable, t.element != nil, !t.isTextField,
                      let box = t.box, Self.destructive([t.name, t.text, t.label]) else { continue }
                if out.contains(where: { Self.samePlace($0.target.box, box) }) { break }
                debug("live: gap: a dialog opened over the page and nothing else to try; the pointer came onto \(t.role ?? t.tag) \"\(t.name ?? "")\" at the moment before: tried (a confirmation it opens is closed by Escape)")
                out.append((p, t, 1, 0, box.width * box.height, true))
                break
            }
        }
        return out
    }
}
