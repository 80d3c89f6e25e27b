import Foundation
import ScreenCore

/// When a typing happened. The analysis dates a fill when it reads the field's value, which can
/// be seconds after the last key (contacts-tabs-star's "chen": typed 18.4–21.2 s, read at 23.4 s;
/// admin-search-delete-vp9's "ha": typed 2.6–3.3 s, read at 5.2 s), so the step lands outside its
/// moment in the video and the one after it in the script's order of time. The live field's area
/// is walked in the video's sampled frames from the step before it (`revealTime`, as for an
/// inserted hover or click): the fill is dated where the field took the look it has when the
/// value was read (much nearer to it than to the look before: `typedLean`) and kept it. Only ever
/// earlier; when the area looks the same at both ends, no frames cover the span, or every frame
/// from the first already leans to the typed look, the reading's time stands.
extension Run {
    /// A frame shows the typed look when it leans to it above this: much nearer the typed value
    /// than the field before. (Other text, as a value typed before and cleared, leans towards any
    /// text: contacts-retype-search-24fps's "ine" leaned to "holm", dating that fill 2 s early at 0.)
    static let typedLean = 0.5

    /// The time of fill `a`, performed on the live field whose box (CSS pixels) is `field`: where
    /// the video's field took its typed look, if that is earlier than the reading.
    func typedTime(_ a: Action, field: (x: Double, y: Double, width: Double, height: Double)?) -> Double {
        guard a.kind == .fill, field != nil else { return a.time }
        let from = out.last.map { Self.gapStart($0) } ?? 0
        let t = revealTime(of: field, before: a, fallback: a.time, lean: Self.typedLean)
        // The look already there at the walk's first frames (an editor a double click opened, its
        // old text selected, leans to the typed look): no moment of the typing was seen.
        if Self.typedFromStart(t, frames: frames.frames, after: from, before: a.time) { return a.time }
        if t < a.time - 0.05 { debug("live: fill dated \(Self.f2(a.time)) → \(Self.f2(t)) s: the video's field took its typed look there") }
        return t
    }

    /// Whether the time `t` the walk found is its first moment (halfway between the first two
    /// sampled frames from `from`): every frame leaned to the typed look, so none dates the typing.
    static func typedFromStart(_ t: Double, frames: [(time: Double, image: Image)], after from: Double, before to: Double) -> Bool {
        let span = frames.filter { $0.time >= from - 0.01 && $0.time <= to + 0.01 }
        guard span.count >= 2 else { return true }
        return t <= (span[0].time + span[1].time) / 2 + 1e-6
    }
}
