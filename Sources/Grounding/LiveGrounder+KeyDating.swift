import Foundation
import ScreenCore

/// When a key `agreeBefore` inserts was pressed: the first moment of the gap where the video's area
/// has taken the look the key gives it live. The pointer often rests on that very area just after
/// the key (the person moves on to the next control, which a closed editor or popup uncovered),
/// and its arrow and the hover look it gives a button keep the video's area from matching the live
/// page closely, so the key was dated a moment or two late (board-add-cards-window-vp9's Escape,
/// 1.2 s after the truth's). A moment also counts when the area there has left its look at the
/// gap's start (the field or popup still open) and looks more like the live page now than like
/// that start.
extension Run {
    /// The time to date a key inserted in the gap after step `i - 1` (see the type): `region` the
    /// area it acted on (CSS pixels), `shot` the live page after it, `like` that area's similarity
    /// to the video before the next step. Nil when no moment of the gap qualifies.
    func keyMoment(_ i: Int, region: (x: Double, y: Double, width: Double, height: Double), shot: Image, like s1: Double) -> Double? {
        let duration = timeline.source?.duration ?? .infinity
        let gap = LiveGrounder.gapTimes(timeline.actions, i - 1, duration: duration)
        let start = timeline.actions[i - 1].endTime
        guard let first = gap.first.flatMap({ frames.nearest($0) }), let r = videoRect(region),
              r.x >= 0, r.y >= 0, r.x + r.width <= first.width, r.y + r.height <= first.height else { return nil }
        for g in gap {
            guard let f = frames.nearest(g), let live = fieldSimilarity(region, f, shot: shot) else { continue }
            var moved = false
            if g > gap[0], f.width == first.width, f.height == first.height {
                let asStart = Similarity.compare(f, r, first, r, width: min(128, r.width))
                moved = asStart < Self.keyAreaUnlike && live > asStart
                debug("live: before step \(i + 1), at \(Self.f2(g)) s the area looks \(Self.f2(live)) like the live page, \(Self.f2(asStart)) like the gap's start")
            }
            if live >= s1 - 0.05 || moved { return max(start - 0.5, g - 0.15) }
        }
        return nil
    }
}
