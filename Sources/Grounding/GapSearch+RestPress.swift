import Foundation
import ScreenCore

/// A press during a rest. A person moves onto a control, rests there and clicks it (a copy button
/// turning into ✓ under the resting pointer): the next moment's change is the control's new look
/// with the pointer still drawn over it, a few pixels moved. `restingLean` leaves out the cells the
/// two frames share, but the pointer's own small shift is among the cells it keeps, and the live
/// page (no pointer, the old look) then leans to neither side: the change never counted as
/// unexplained and the click was never searched for. The frame before the pointer came (`prior`)
/// tells the two apart: the cells where the moment's frame differs from it while the frame the
/// pointer arrived in does not are what changed after the pointer came and outside where it was
/// drawn — the control's new look, not the pointer — and the area is judged there.
extension Run {
    /// Of the reduced grids of one area, `width` cells a row (`prior`: before the pointer came;
    /// `arrived`: the frame it arrived in; `after`: the moment's), the cells that changed after the
    /// pointer arrived and lie away from where it was drawn then: `after` differs from `prior`
    /// there, and `arrived` does not within `pointerDrift` cells (the resting pointer moves a few
    /// pixels between moments).
    static func pressCells(prior: [Double], arrived: [Double], after: [Double], width: Int) -> [Bool] {
        guard prior.count == arrived.count, prior.count == after.count, width > 0, prior.count % width == 0 else { return [] }
        let drawn = changedCells(prior, arrived), rows = prior.count / width
        return prior.indices.map { j in
            guard abs(after[j] - prior[j]) > sameCell else { return false }
            let x = j % width, y = j / width
            for dy in -pointerDrift...pointerDrift {
                for dx in -pointerDrift...pointerDrift {
                    let nx = x + dx, ny = y + dy
                    if nx >= 0, ny >= 0, nx < width, ny < rows, drawn[ny * width + nx] { return false }
                }
            }
            return true
        }
    }

    /// How many cells the resting pointer may have moved between two moments.
    static let pointerDrift = 2

    /// The lean of the live area `live` (a grid `width` cells a row) between the video's frames
    /// before the pointer came (-1) and after the change (1), over the cells `pressCells` picks. `registrations` holds the video
    /// area's reduced grids (before the pointer came, the frame it arrived in, after) at each
    /// one-pixel shift, unshifted first: the one whose unchanged cells best match the live area is
    /// taken for all three frames, since they are one video — a shift taken per frame lets a thin
    /// change (a button's 1 px border turning green) slip between pixels. Nil when fewer than
    /// `pressCellsMin` cells are picked (nothing changed beside the pointer) or a grid's size differs.
    static func pressCellsLean(live: [Double], width: Int, registrations: [(prior: [Double], arrived: [Double], after: [Double])]) -> Double? {
        var best: (fit: Double, lean: Double?)?
        for r in registrations {
            guard [r.prior, r.arrived, r.after].allSatisfy({ $0.count == live.count }) else { return nil }
            let fit = maskedDistance(r.prior, live, changedCells(r.prior, r.after).map { !$0 })
            guard best.map({ fit < $0.fit }) ?? true else { continue }
            let mask = pressCells(prior: r.prior, arrived: r.arrived, after: r.after, width: width)
            guard mask.filter({ $0 }).count >= pressCellsMin else { best = (fit, nil); continue }
            let d0 = maskedDistance(r.prior, live, mask), d1 = maskedDistance(r.after, live, mask)
            best = (fit, (d0 - d1) / (d0 + d1 + 1))
        }
        return best?.lean
    }

    /// The lean a click must bring such areas to (beside gaining `areaGain`): nearer the video's
    /// after look than its before. Only the control's changed cells are judged, and the video's
    /// compressed rendering of a thin new look (a 1 px border, a ✓) at half size stays far from
    /// the live one's even when the click made it, so `areaLike` is out of reach there.
    static let pressLike = 0.0

    /// Fewer changed cells than this outside the pointer say nothing about the control.
    static let pressCellsMin = 4

    /// `pressCellsLean` of the area `box` (CSS pixels) in the live screenshot, between the video's
    /// frame before the pointer came (`prior`) and the moment's (`f1`), with `f0` the frame the
    /// pointer arrived in; all three at the one-pixel registration that fits the live area best. Nil when
    /// the area leaves a frame or too few cells changed outside the pointer.
    func pressLean(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, prior: Image, _ f0: Image, _ f1: Image) -> Double? {
        guard let video = videoRect(box), [prior, f0, f1].allSatisfy({ $0.width == f1.width && $0.height == f1.height }) else { return nil }
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(box.x * k), y: Int(box.y * k), width: Int(box.width * k), height: Int(box.height * k))
        guard live.width > 1, live.height > 1, video.width > 1, video.height > 1,
              video.x >= 0, video.y >= 0, video.x + video.width <= f1.width, video.y + video.height <= f1.height else { return nil }
        let w = max(4, min(64, video.width)), h = max(4, Int((Double(w) * Double(video.height) / Double(video.width)).rounded()))
        let l = Similarity.reduce(shot, live, w, h)
        // The three frames at each one-pixel shift that stays inside them, unshifted first.
        var registrations: [(prior: [Double], arrived: [Double], after: [Double])] = []
        for (dx, dy) in [(0, 0)] + (-1...1).flatMap({ dy in (-1...1).map { ($0, dy) } }).filter({ $0 != (0, 0) }) {
            let r = PixelRect(x: video.x + dx, y: video.y + dy, width: video.width, height: video.height)
            guard r.x >= 0, r.y >= 0, r.x + r.width <= f1.width, r.y + r.height <= f1.height else { continue }
            registrations.append((Similarity.reduce(prior, r, w, h), Similarity.reduce(f0, r, w, h), Similarity.reduce(f1, r, w, h)))
        }
        return Self.pressCellsLean(live: l, width: w, registrations: registrations)
    }

    /// The lean of a changed area as the gap search judges it: over what changed outside the
    /// pointer since it came when the area holds a resting pointer and the frame before it came is
    /// known (`prior`), else over the changed cells (`resting`), else whole.
    func areaLean(_ b: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ f0: Image, _ f1: Image,
                  resting: Bool, prior: Image?) -> Double {
        if resting, let prior, let p = pressLean(b, shot: shot, prior: prior, f0, f1) { return p }
        return resting ? restingLean(b, shot: shot, f0, f1) : lean(b, shot: shot, f0, f1)
    }
}

/// A press look outlasts the rest. A hover look, or a focus ring that grows after the pointer
/// arrives, is "a change since the pointer came" too, but it goes when the pointer leaves; a
/// press's new look (a copy button's ✓) stays. So the press is believed only when the video's
/// area, at the first later moment of the gap that changes it again (the pointer leaving or
/// moving), still looks as the changed frame does over the press cells (within `sameCell`); or when nothing changes it
/// up to the recording's end (the pointer rests there to the last frame).
extension Run {
    /// Of the video area's reduced grids (`prior`, `arrived`, `after` as `pressCells` takes them,
    /// `later`: the gap's later moments in order), whether the look the press cells took at
    /// `after` is still there when the area next changes (at least `pressCellsMin` cells differ
    /// from `after`); when it never does, `tail` (the gap runs to the recording's end) decides.
    static func pressOutlasts(prior: [Double], arrived: [Double], after: [Double], later: [[Double]], width: Int, tail: Bool) -> Bool {
        let mask = pressCells(prior: prior, arrived: arrived, after: after, width: width)
        guard mask.filter({ $0 }).count >= pressCellsMin else { return false }
        for g in later where g.count == after.count {
            guard changedCells(after, g).filter({ $0 }).count >= pressCellsMin else { continue }
            // (The pointer left and the new look stayed as it was: another change of it — a tab
            // rested on, then pressed and drawn selected — is no look outlasting the rest.)
            let d1 = maskedDistance(after, g, mask)
            return d1 <= sameCell && d1 < maskedDistance(prior, g, mask)
        }
        return tail
    }

    /// The video's frames `later` (after `f1`, in order) up to the first that re-lays the page out
    /// (`relaidOut`: another step's doing, which says nothing of the rest), and whether one did.
    static func untilRelayout(_ later: [Image], from f1: Image, in whole: PixelRect) -> (frames: [Image], relaid: Bool) {
        var out: [Image] = [], last = f1
        for g in later {
            if relaidOut(last, g, in: whole) { return (out, true) }
            out.append(g); last = g
        }
        return (out, false)
    }

    /// `pressOutlasts` of the area `box` (CSS pixels) in the video's frames: before the pointer
    /// came (`prior`), the frame it arrived in (`f0`), the moment's (`f1`) and the gap's later
    /// moments (`later`). False when the area leaves a frame.
    func pressOutlasts(_ box: (x: Double, y: Double, width: Double, height: Double), prior: Image, _ f0: Image, _ f1: Image,
                       later: [Image], tail: Bool) -> Bool {
        guard let video = videoRect(box), video.width > 1, video.height > 1, video.x >= 0, video.y >= 0,
              ([prior, f0, f1] + later).allSatisfy({ video.x + video.width <= $0.width && video.y + video.height <= $0.height }) else { return false }
        let w = max(4, min(64, video.width)), h = max(4, Int((Double(w) * Double(video.height) / Double(video.width)).rounded()))
        return Self.pressOutlasts(prior: Similarity.reduce(prior, video, w, h), arrived: Similarity.reduce(f0, video, w, h),
                                  after: Similarity.reduce(f1, video, w, h), later: later.map { Similarity.reduce($0, video, w, h) },
                                  width: w, tail: tail)
    }
}
