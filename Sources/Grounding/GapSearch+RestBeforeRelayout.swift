import Foundation
import ScreenCore

/// Where the pointer came to rest just before a re-layout. A destructive control (Remove,
/// Delete) is tried in a change of many areas only where the pointer rested on it
/// (`destructiveTried`): "rested" means it arrived there at the previous moment, half a second
/// before the re-layout. A press that follows the pointer's arrival within that half second
/// (contacts-hidpi2x-1080: at 6.57 s the pointer is on Amara's row, at 6.83 s it rests on the
/// row's × in its round hover look, the press is at 6.96 s and at 7.07 s the list is laid out
/// anew) leaves no arrival at either sampled moment, so the Remove that made the change was
/// never tried, and another control under the moved rows (the row's star: un-favouriting also
/// takes a row off the Favourites tab) was kept in its place.
///
/// There one more frame is decoded (`LiveFrames.decode`), `restLead` before the re-layout's
/// moment: when it still shows the page before the re-layout and the change from the previous
/// moment to it lies on a destructive control (the pointer, or the control's own hover look,
/// arriving there) whose removal the re-layout shows (`removesAround`), the pointer rested on
/// it before the list moved, as an arrival at the previous moment would say: the control is
/// tried first, as a rested candidate. (Other controls keep the candidates they had: only the
/// destructive ones needed the rest.)
extension Run {
    /// How long before a re-layout's moment the extra frame is decoded (seconds): after the
    /// pointer's arrival, before the press's effect (a press lasts ~0.1 s, the re-layout's
    /// transition starts with it).
    static let restLead = 0.25

    /// Whether changed areas `blobs` (CSS pixels) between the moment before a re-layout and
    /// `restLead` before it show the pointer arriving on the control `box`: the frame is still
    /// the page before the re-layout (at most `manyAreas` areas changed), and an area touches the
    /// box grown by 4 px while being no bigger than the pointer or the box itself grown by the
    /// pointer's size (its hover look with the pointer on it), not a row or a list moving.
    static func arrivedBeforeRelayout(_ blobs: [(x: Double, y: Double, width: Double, height: Double)],
                                      on box: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        guard blobs.count <= manyAreas else { return false }
        let around = (x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8)
        return blobs.contains { b in
            overlaps(b, around) && (pointerSized(b) || (b.width <= box.width + 30 && b.height <= box.height + 36))
        }
    }

    /// Whether `areas` (CSS pixels) show the row of a destructive control in `box` go, when the
    /// control's own place does not change (the next row's control slides into it, drawn alike):
    /// the areas across the box's row (overlapping its height grown by 4 px), each under
    /// `wholePageShare` of the `viewport`, cover together at least 3 times the box (the row's
    /// name, picture and text replaced by the next row's). Said only of the control the pointer
    /// came to rest on just before (`arrivedBeforeRelayout`): in a re-layout every row changes.
    static func removesRow(_ box: (x: Double, y: Double, width: Double, height: Double),
                           areas: [(x: Double, y: Double, width: Double, height: Double)],
                           viewport: (width: Double, height: Double)) -> Bool {
        let top = box.y - 4, bottom = box.y + box.height + 4
        let page = viewport.width * viewport.height
        let row = areas.filter { a in a.y < bottom && top < a.y + a.height && (page <= 0 || a.width * a.height < wholePageShare * page) }
        return row.reduce(0) { $0 + $1.width * $1.height } >= 3 * box.width * box.height
    }

    /// The changed areas (CSS pixels) from the video's frame `f0` (the moment `t0`) to one decoded
    /// `restLead` before the re-layout's moment `t1`; nil when no frame can be decoded there (or
    /// it would not fall between the two).
    func changeBeforeRelayout(_ f0: Image, t0: Double, t1: Double, in whole: PixelRect) -> [(x: Double, y: Double, width: Double, height: Double)]? {
        let t = t1 - Self.restLead
        guard t > t0 + 0.1, let decode = frames.decode, let fq = decode(t), fq.width == f0.width, fq.height == f0.height else { return nil }
        let blobs = Self.changeBlobs(f0, fq, in: whole).map(cssBox)
        debug("live: gap \(Self.f2(t)) s (decoded before the re-layout): " + blobs.prefix(6).map { "\(Int($0.x)),\(Int($0.y)) \(Int($0.width))×\(Int($0.height))" }.joined(separator: "; "))
        return blobs
    }

    /// The destructive controls the pointer came to rest on just before the re-layout between
    /// `t0` (frame `f0`) and `t1`, whose `areas` (CSS pixels) show what they remove go: where
    /// each changed area of the decoded frame points (its middle, the pointer's hot spot), the
    /// element found live, kept when `arrivedBeforeRelayout` and `removesAround` hold for it.
    mutating func restedBeforeRelayout(_ f0: Image, t0: Double, t1: Double, in whole: PixelRect,
                                       areas: [(x: Double, y: Double, width: Double, height: Double)]) async throws -> [(point: Point, target: Identified)] {
        guard let blobs = changeBeforeRelayout(f0, t0: t0, t1: t1, in: whole), blobs.count <= Self.manyAreas else { return [] }
        var out: [(point: Point, target: Identified)] = []
        for b in blobs {
            for p in [Point(x: b.x + b.width / 2, y: b.y + b.height / 2), Point(x: b.x + min(6, b.width / 3), y: b.y + 4)] {
                guard p.x >= 0, p.y >= 0, p.x < cssViewport.width, p.y < cssViewport.height,
                      let t = try await page.identify(x: p.x, y: p.y), t.actionable, t.element != nil, !t.isTextField, let box = t.box,
                      Self.destructive([t.name, t.text, t.label]) else { continue }
                guard !out.contains(where: { Self.samePlace($0.target.box, box) }) else { break }
                let arrived = Self.arrivedBeforeRelayout(blobs, on: box), removes = Self.removesAround(box, areas: areas, viewport: cssViewport) || Self.removesRow(box, areas: areas, viewport: cssViewport)
                debug("live: gap \(Self.f2(t1)) s: the pointer came onto \(t.role ?? t.tag) \"\(t.name ?? "")\" at \(Int(box.x)),\(Int(box.y)) before the re-layout: arrived \(arrived), removes \(removes); areas " + areas.map { "\(Int($0.x)),\(Int($0.y)) \(Int($0.width))×\(Int($0.height))" }.joined(separator: "; "))
                if arrived && removes { out.append((p, t)) }
                break
            }
        }
        return out
    }

    /// Whether a second click may undo a tried click on `target`: not on a destructive control.
    /// What it removed is gone, and the control found again in its place (or the same point) is
    /// the next row's, which a second click removes too (contacts-hidpi2x-1080: the tried Remove
    /// on Amara's row, "undone" by a click that removed Bruno's, left the live list two rows short
    /// and every later moment unlike it).
    static func secondClickUndoes(_ target: Identified) -> Bool {
        !destructive([target.name, target.text, target.label])
    }
}
