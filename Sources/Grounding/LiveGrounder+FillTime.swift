import Foundation
import ScreenCore

/// When a typing happened. The analysis dates a fill when it reads the field's value, which can
/// be seconds after the last key (contacts-tabs-star's "chen": typed 18.4–21.2 s, read at 23.4 s;
/// admin-search-delete-vp9's "ha": typed 2.6–3.3 s, read at 5.2 s), so the step lands outside its
/// moment in the video and the one after it in the script's order of time. The live field's area
/// is walked in the video's sampled frames from the step before it (`revealTime`, as for an
/// inserted hover or click): the fill is dated where the field took the look it has when the
/// value was read, and kept it. Only ever earlier; when the area looks the same at both ends, or no
/// frames cover the span, the reading's time stands.
extension Run {
    /// The time of fill `a`, performed on the live field whose box (CSS pixels) is `field`: where
    /// the video's field took its typed look, if that is earlier than the reading.
    func typedTime(_ a: Action, field: (x: Double, y: Double, width: Double, height: Double)?) -> Double {
        guard a.kind == .fill, field != nil else { return a.time }
        let t = revealTime(of: field, before: a, fallback: a.time)
        if t < a.time - 0.05 { debug("live: fill dated \(Self.f2(a.time)) → \(Self.f2(t)) s: the video's field took its typed look there") }
        return t
    }
}
