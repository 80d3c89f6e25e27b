import Foundation
import ScreenCore

/// Where the pointer rested decides, when the video changes in many places at once. A click that
/// re-lays out a list (a tab switched, a row taken back by Undo, a dialog's backdrop) changes
/// every row: each row's icons are pointer-sized changes, so "the element under a pointer-sized
/// change" no longer points at the click. The pointer's own trace does: it arrived at the control
/// at the previous moment and rested there (`rested`). In such a change the rested candidates are
/// tried first, and a destructive control (Delete, Remove) is tried only where the pointer rested.
///
/// A step the live page refutes while the video changed across it (a scroll where nothing
/// scrolls: a list re-laid out by a click read as a scroll) leaves that change unexplained: the
/// gap search before the next step starts a little before the dropped step, as after a refuted
/// Enter (`refutedKeyAt`), so the click that made the change is searched for.
extension Run {
    /// The candidates of a change of many areas (`manyAreas`): only those the pointer touched,
    /// the ones where it rested first (in their order otherwise).
    static func relayoutCandidates<C>(_ candidates: [(point: Point, target: C, pointer: Int, touches: Int, area: Double, rested: Bool)])
        -> [(point: Point, target: C, pointer: Int, touches: Int, area: Double, rested: Bool)] {
        let touched = candidates.filter { $0.pointer > 0 || $0.rested }
        return touched.filter { $0.rested } + touched.filter { !$0.rested }
    }

    /// Whether a destructive control is tried: the video shows what it removes go around it and,
    /// in a change of many areas (a re-layout, where every row's surroundings change), the
    /// pointer rested on it.
    static func destructiveTried(removes: Bool, rested: Bool, relayout: Bool) -> Bool {
        removes && (rested || !relayout)
    }

    /// After step `i` was dropped: when the video changed across it, the gap search before the
    /// next step starts before it (`refutedKeyStart`).
    mutating func noteDropped(_ i: Int, _ a: Action) {
        // (Not when the change was searched again around it and a step inserted that made it:
        // the next gap then starts after it, or it walks that change again from a live page
        // that has already made it.)
        guard a.kind != .goto, leftChangeExplained != i, videoChanged(i, a) else { return }
        refutedKeyAt = (i, a.time)
        debug("live: step \(i + 1) (\(a.kind.rawValue)) dropped while the video changed across it: the next gap search starts before it")
    }
}

extension Run {
    /// Step `i`, a click that hit nothing actionable and changed nothing live while the video
    /// changed across it: the gap search left that change to the step (it came within
    /// `nextStepLead` of it), but the click did not make it. The change is searched again around
    /// the step — from `refutedKeyLead` before it to the video's settled moment after it — with
    /// nothing left to the step; true when a step was inserted (the click is then dropped: the
    /// inserted one made the change).
    mutating func changeLeftToStep(_ i: Int, _ a: Action) async throws -> Bool {
        let after = LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)
        let n = out.count
        let start = Self.leftChangeStart(a.time)
        debug("live: step \(i + 1) hit nothing while the video changed: its change is searched again (\(Self.f2(start)) – \(Self.f2(after)) s)")
        try await synthesizeGap(i, span: (start, after))
        if Self.changeMade(by: out[n...]) { leftChangeExplained = i }
        return out.count > n
    }

    /// Whether steps inserted by a change's search again made that change: one acts on the page (a
    /// hover alone only opens what the change's own step then acts in — admin-search-delete-vp9's
    /// "More actions" menu, whose "Make admin" the next gap must still search from before).
    static func changeMade(by inserted: ArraySlice<Action>) -> Bool {
        inserted.contains { $0.kind != .hover }
    }

    /// Where the search again of a change left to the step at `time` starts. The gap before the
    /// step compared its moments up to `nextStepLead` before it, the last of them up to a
    /// `gapStep` earlier still; the span's first moment (`gapMoments`: 0.3 s in) must not come
    /// later than that one, or a change between the two is compared by neither walk
    /// (admin-search-delete-vp9: the row menu opening on hover between 9.57 and 9.87 s, while the
    /// gap before the click at 10.57 s stopped at 9.57 s and a walk from 9.57 s began at 9.87 s);
    /// and one moment more, so the pointer's arrival at what opened it is seen before it (the
    /// walk's first pair has no moment before it).
    static func leftChangeStart(_ time: Double) -> Double {
        max(0, time - nextStepLead - 2 * gapStep - 0.3)
    }
}
