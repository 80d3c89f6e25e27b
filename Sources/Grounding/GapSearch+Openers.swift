import Browser
import Foundation
import ScreenCore

/// A popup the video shows opening or being used with no pointer to say where the click came from
/// (a recording without a pointer drawn: ledger-tabs-profile-nopointer). When the video's change
/// has no candidate at all — nothing actionable under its areas live, no pointer place, no trace —
/// two more places are asked, in this order:
///
/// - **An open menu's items.** The live page still shows a menu (`role=menuitem…` visible) where
///   the video's change is (the menu closing as a dialog opens over the page): the click was most
///   likely on one of its items. The items over the changed areas are tried top-down, never a
///   destructive one (`restCandidate`).
/// - **A collapsed opener beside the opened area.** A popup (a user menu, a disclosure's panel)
///   opens below or beside what opened it, and the opener's own look barely changes (a pale
///   hover background under the luma threshold): nothing actionable is under the popup's text
///   live, because it is still `hidden` there. The visible controls with `aria-expanded="false"`
///   whose box lies within `openerReach` of a changed area below or above it (and under none) are tried, nearest
///   first, in a change of at most `manyAreas` areas (a popup, not a list laid out anew); a click
///   that opens the wrong one is undone by a second click like any toggle.
///
/// Both are tried by the gap search like any candidate (rest, then click, kept only when the
/// video's areas come in line), so they only widen where it looks.
extension Run {
    /// How far (CSS pixels) a popup's changed areas may lie from its opener: the popup's offset
    /// from the opener plus its padding above its first line of text (a menu 8 px below a 38 px
    /// button, its first text 20 px further in).
    static let openerReach = 40.0

    /// The bounding box of `areas` (nil when there are none).
    static func union(_ areas: [(x: Double, y: Double, width: Double, height: Double)])
        -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let first = areas.first else { return nil }
        var x0 = first.x, y0 = first.y, x1 = first.x + first.width, y1 = first.y + first.height
        for a in areas.dropFirst() {
            x0 = min(x0, a.x); y0 = min(y0, a.y); x1 = max(x1, a.x + a.width); y1 = max(y1, a.y + a.height)
        }
        return (x0, y0, x1 - x0, y1 - y0)
    }

    /// The gap between two boxes (0 when they overlap): the larger of the horizontal and vertical gaps.
    static func gap(_ a: (x: Double, y: Double, width: Double, height: Double), _ b: (x: Double, y: Double, width: Double, height: Double)) -> Double {
        let dx = max(0, max(a.x - (b.x + b.width), b.x - (a.x + a.width)))
        let dy = max(0, max(a.y - (b.y + b.height), b.y - (a.y + a.height)))
        return max(dx, dy)
    }

    /// The openers among `boxes` (collapsed disclosures, CSS pixels) that may have opened the
    /// popup whose changed areas are `areas`: within `openerReach` of an area wholly below or
    /// above it (a menu opens under its opener, or over it near the viewport's bottom) and under
    /// none of them (an opener inside the change is a row's own control in a list laid out anew —
    /// admin-search-delete-vp9's rows filtered as a search is typed); their indices, nearest first.
    static func openersNear(_ boxes: [(x: Double, y: Double, width: Double, height: Double)],
                            areas: [(x: Double, y: Double, width: Double, height: Double)]) -> [Int] {
        let near = boxes.indices.compactMap { j -> (Int, Double)? in
            let b = boxes[j]
            // (Below or above it: an area at the opener's own height is something beside it — a
            // search field's focus ring beside a version menu's button — not its popup.)
            let popup = areas.filter { $0.y >= b.y + b.height || $0.y + $0.height <= b.y }
            guard let d = popup.map({ gap(b, $0) }).min(), d <= openerReach,
                  !areas.contains(where: { overlaps($0, b) }) else { return nil }
            return (j, d)
        }
        return near.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The menu items among `boxes` (CSS pixels) that lie over the changed `areas`: their indices
    /// in the order given (the page's, top-down).
    static func itemsOver(_ boxes: [(x: Double, y: Double, width: Double, height: Double)],
                          areas: [(x: Double, y: Double, width: Double, height: Double)]) -> [Int] {
        boxes.indices.filter { j in areas.contains { overlaps($0, boxes[j]) } }
    }

    /// The viewport boxes of the visible elements matching `selector`, in document order.
    func visibleBoxes(_ selector: String) async throws -> [(x: Double, y: Double, width: Double, height: Double)] {
        let v = try await browser.execute("""
            var out = [];
            document.querySelectorAll(arguments[0]).forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.width < 1 || r.height < 1 || getComputedStyle(e).visibility === 'hidden') return;
              out.push([r.x, r.y, r.width, r.height]);
            });
            return out;
            """, [.string(selector)])
        return (v.array ?? []).compactMap { b in
            guard let n = b.array?.compactMap(\.double), n.count == 4 else { return nil }
            return (n[0], n[1], n[2], n[3])
        }
    }

    /// The candidates (as `synthesizeGap` ranks them) at the middles of `boxes`' elements taken in
    /// `order`: actionable, no text field, nothing destructive, each element once.
    private mutating func candidates(at boxes: [(x: Double, y: Double, width: Double, height: Double)], order: [Int], why: String)
        async throws -> [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        var out: [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] = []
        for j in order where out.count < Self.candidatesPerChange {
            let b = boxes[j]
            guard let t = try await restCandidate(at: Point(x: b.x + b.width / 2, y: b.y + b.height / 2)), let box = t.box else { continue }   // GapSearch+HoverMenu.swift
            if out.contains(where: { Self.samePlace($0.target.box, box) }) { continue }
            debug("live: gap: nothing else to try; \(why): \(t.role ?? t.tag) \"\(t.name ?? "")\"")
            out.append((Point(x: box.x + box.width / 2, y: box.y + box.height / 2), t, 1, 0, box.width * box.height, true))
        }
        return out
    }

    /// The items of a menu open live over the changed `areas` (see the type).
    mutating func openMenuCandidates(_ areas: [(x: Double, y: Double, width: Double, height: Double)])
        async throws -> [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        let boxes = try await visibleBoxes("[role=menuitem], [role=menuitemradio], [role=menuitemcheckbox]")
        return try await candidates(at: boxes, order: Self.itemsOver(boxes, areas: areas), why: "an item of the menu open live over the change")
    }

    /// The collapsed openers beside the changed `areas` (see the type).
    mutating func collapsedOpenerCandidates(_ areas: [(x: Double, y: Double, width: Double, height: Double)])
        async throws -> [(point: Point, target: Identified, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        let boxes = try await visibleBoxes("[aria-expanded=false]")
        return try await candidates(at: boxes, order: Self.openersNear(boxes, areas: areas), why: "a collapsed opener beside the change")
    }
}
