import Foundation
import ScreenCore

/// A field reconciled at a gap's moment (GapSearch+FieldsFirst.swift) is typed only when the video
/// shows its typing done by that moment; the typing is dated where the video's field first looks
/// as it does before the next step (`videoLean` over 0.5 between the field before and after). A
/// short value in a wide field barely changes the field's look as a whole: the lean stays under
/// 0.5 while the text caret blinks beside it (wizard-validation-firefox's Guests "9" → "4", typed
/// at 25.72–26.01 s: 0.50 from 26.13 s to 27.33 s, 0.69 only at 27.43 s), so the "4" was dated
/// 26.83 s, after the gap's moment (26.37 s), and left to the step boundary — after a click on Back
/// had explained the page the "4" changed (its error message going). The question at the gap's
/// moment is whether the field had changed by then: when the video's field at that moment is
/// nearer its look before the next step than its look before the typing (a lean above 0), the
/// typing is in time, dated where the field first leaned so (half a second before that frame,
/// as the lean's own date is).
extension Run {
    /// The lean above which a field at the gap's moment counts as typed by then.
    static let typedByLean = 0.0

    /// When the video's field `area` (CSS pixels), looking at `tB` otherwise than at `tA`, already
    /// leans to its `tB` look at `moment`: the date of its typing (half a second before the first
    /// sampled frame after `tA` that leans so, not before `tA`). Nil when it does not lean so.
    func typedByMoment(_ area: (x: Double, y: Double, width: Double, height: Double), from tA: Double, to tB: Double, moment: Double) -> Double? {
        guard let r = videoRect(area), let fA = frames.nearest(tA), let fB = frames.nearest(tB), let fM = frames.nearest(moment),
              Self.videoLean(r, fM, fA, fB) > Self.typedByLean else { return nil }
        for fr in frames.frames where fr.time > tA && fr.time <= moment + 1e-6 && Self.videoLean(r, fr.image, fA, fB) > Self.typedByLean {
            return max(tA, fr.time - 0.5)
        }
        return nil
    }
}
