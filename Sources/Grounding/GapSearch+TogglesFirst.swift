import Foundation
import ScreenCore

/// Toggles a gap's later change needs made first. A checkbox ticked inside a gap changes an area
/// no bigger than the pointer, which the gap search leaves alone; the toggles are reconciled only
/// after the whole gap was walked (`reconcileToggles`). When a later change in the same gap is a
/// press the tick allows — wizard-booking-keys-vp9: "I accept the house rules" ticked at 40.66 s,
/// Confirm booking pressed at 43.5 s —, the click tried for that change meets the page without the
/// tick: the app refuses it (an inline error), the click changes the page without explaining the
/// video, and the search stops there. So at a gap's change that needs clicks, the toggles the video
/// shows changed between the gap's first moment and the moment before that change are reconciled
/// first, as at a step boundary; a toggle inserted there is dated where the video shows it change,
/// and the change is then judged again on the page with it.
extension Run {
    /// Reconciles the toggles the video shows changed between `from` and `to` (the gap's first
    /// moment and the one before its change) for the gap before step `i`; see the extension's
    /// comment. `tried`: a toggle was clicked live; `inserted`: a toggle's click was kept.
    mutating func togglesBeforeChange(_ i: Int, from: Double, to: Double) async throws -> (tried: Bool, inserted: Bool) {
        guard Self.togglesFirstSpan(from: from, to: to) else { return (false, false) }
        let r = try await reconcileToggles(i, span: (from, to))
        if r.inserted { debug("live: gap before step \(i + 1): a toggle the video changed by \(Self.f2(to)) s inserted before any click is tried") }
        return r
    }

    /// When the video shows a toggle's area `r` (frame pixels) change between `from` and `to`: at
    /// a step boundary, a little before the first sampled frame leaning clearly (0.5) to the look at
    /// `to`; inside a gap (`inGap`), where the area took that look and kept it (`shownSince`) — the
    /// pointer rests on a control it has just clicked, and the tick under it leans only a little to
    /// the look without it until the pointer moves on (wizard-booking-keys-vp9's house rules,
    /// ticked at 40.66 s, lean past 0.5 only at 42.6 s when the pointer left for Confirm). Nil when
    /// neither finds a frame.
    static func toggleTime(_ r: PixelRect, frames: [(time: Double, image: Image)], from tA: Double, to tB: Double, inGap: Bool) -> Double? {
        if inGap, let t = shownSince(r, frames: frames, after: tA, before: tB) { return t }
        guard let fA = frames.min(by: { abs($0.time - tA) < abs($1.time - tA) })?.image,
              let fB = frames.min(by: { abs($0.time - tB) < abs($1.time - tB) })?.image else { return nil }
        for f in frames where f.time > tA && f.time <= tB + 1e-6 && videoLean(r, f.image, fA, fB) > 0.5 {
            return max(tA, f.time - 0.3)
        }
        return nil
    }

    /// Whether the gap's moments `from`…`to` span enough video to show a toggle change: at least
    /// one gap step apart (two moments), as `reconcileToggles` needs its two frames to differ.
    static func togglesFirstSpan(from: Double, to: Double) -> Bool {
        to - from >= gapStep - 1e-6
    }
}
