import Foundation
import ScreenCore

/// A change under the resting pointer. When the pointer arrived on a control at the previous
/// moment and stays there while the control changes (a copy button turning into ✓, a star filling
/// in), the video draws the pointer over the changed area in both frames while the live
/// screenshot has no pointer at all: in `lean` the pointer's pixels weigh the same against both
/// frames and pull the area's lean towards 0, so the change never counts as unexplained (below
/// `areaUnlike`) and the click that made it is never searched for. For such an area the lean
/// leaves out the cells both video frames share (`sameCell`) — the pointer resting there among
/// them — and judges only what changed.
extension Run {
    /// A cell of the reduced grid whose luma differs by at most this much between the two video
    /// frames is the same in both (the resting pointer, the untouched background).
    static let sameCell = 10.0

    /// Whether the changed area `b` is where the pointer arrived at the previous moment (`previous`,
    /// the pointer-sized areas there) and so may hold the resting pointer.
    static func underRestingPointer(_ b: (x: Double, y: Double, width: Double, height: Double),
                                    previous: [(x: Double, y: Double, width: Double, height: Double)]) -> Bool {
        previous.contains { overlaps($0, b) }
    }

    /// The lean of one registration of the live area `live` between the video's `before` and
    /// `after` (reduced grids of one size), over the cells the two frames differ in only; nil
    /// when fewer than two cells differ.
    static func changedCellsLean(live: [Double], before: [Double], after: [Double]) -> Double? {
        changedCellsLean(live: live, before: [before], after: [after])
    }

    /// The lean of the live area `live` between the video's frames, each given as its
    /// registrations (reduced grids of one size; the first is the unshifted one, whose changed
    /// cells make the mask), each frame's distance the best of its registrations over that mask —
    /// a video area a pixel off the live one must not read as a change. Nil when fewer than two
    /// cells differ or a grid's size differs. `restingLean` is this over the one-pixel shifts.
    static func changedCellsLean(live: [Double], before: [[Double]], after: [[Double]]) -> Double? {
        guard let a = before.first, let b = after.first,
              (before + after).allSatisfy({ $0.count == live.count }) else { return nil }
        let mask = changedCells(a, b)
        guard mask.filter({ $0 }).count >= 2 else { return nil }
        let d0 = before.map { maskedDistance($0, live, mask) }.min()!
        let d1 = after.map { maskedDistance($0, live, mask) }.min()!
        return (d0 - d1) / (d0 + d1 + 1)
    }

    /// The cells where two reduced grids of one size differ by more than `sameCell`.
    static func changedCells(_ a: [Double], _ b: [Double]) -> [Bool] {
        a.indices.map { abs(a[$0] - b[$0]) > sameCell }
    }

    /// The mean absolute difference of two reduced grids over the cells `mask` marks.
    static func maskedDistance(_ v: [Double], _ l: [Double], _ mask: [Bool]) -> Double {
        var sum = 0.0, n = 0
        for j in v.indices where j < l.count && j < mask.count && mask[j] { sum += abs(v[j] - l[j]); n += 1 }
        return sum / Double(max(1, n))
    }

    /// `lean` of the area `box` (CSS pixels) over the cells where the video's frames `f0` and `f1`
    /// differ (see the type); each frame's best one-pixel registration as `lean` takes it. Falls
    /// back to `lean` when the frames differ in fewer than two cells there.
    func restingLean(_ box: (x: Double, y: Double, width: Double, height: Double), shot: Image, _ f0: Image, _ f1: Image) -> Double {
        guard let video = videoRect(box) else { return lean(box, shot: shot, f0, f1) }
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(box.x * k), y: Int(box.y * k), width: Int(box.width * k), height: Int(box.height * k))
        guard live.width > 1, live.height > 1, video.width > 1, video.height > 1,
              video.x >= 0, video.y >= 0, video.x + video.width <= min(f0.width, f1.width), video.y + video.height <= min(f0.height, f1.height)
        else { return lean(box, shot: shot, f0, f1) }
        let w = max(4, min(64, video.width)), h = max(4, Int((Double(w) * Double(video.height) / Double(video.width)).rounded()))
        let l = Similarity.reduce(shot, live, w, h)
        // Each frame's registrations: the unshifted area first (it makes the mask), then every
        // one-pixel shift that stays inside the frame.
        let grids = [f0, f1].map { f -> [[Double]] in
            var out = [Similarity.reduce(f, video, w, h)]
            for dy in -1...1 {
                for dx in -1...1 where dx != 0 || dy != 0 {
                    let r = PixelRect(x: video.x + dx, y: video.y + dy, width: video.width, height: video.height)
                    guard r.x >= 0, r.y >= 0, r.x + r.width <= f.width, r.y + r.height <= f.height else { continue }
                    out.append(Similarity.reduce(f, r, w, h))
                }
            }
            return out
        }
        return Self.changedCellsLean(live: l, before: grids[0], after: grids[1]) ?? lean(box, shot: shot, f0, f1)
    }
}
