import Foundation
import ScreenCore

/// The analysis's own reading of a typed value given back when the value a re-reading put in its
/// place renders worse. `fill` may replace the reader's value before the ink compare runs (read and
/// compare: each candidate typed live and read by the same reader as the video's field), on the
/// reader's word alone. Where the ink compare then finds no clear winner, the replacement stood
/// although the analysis's own reading — rendered among the candidates — lines up with the video's
/// field better: board-add-escape-move's "Later" (64 ink pixels off) replaced by the re-reading
/// "Later in" (135: the resting I-beam read as letters), ledger-signout-menu's
/// "lena.vogel@acme.studio" (26) by "lena.voge[@acme.studiq," (37). The pixels are the better
/// witness of the two; a reading that never was the analysis's needs the clear win it always did.
/// When the replacement already matches the video's field (`ValueCompare.matches`: no other
/// candidate is rendered then), the reading is rendered as well and stands where it renders no
/// worse: the replacement was chosen by the coarser whole-field likeness
/// (contacts-tabs-star's "chen" → "chcn", 0.93 against 0.86), which the ink cannot confirm.
extension Run {
    /// The analysis's reading `offline` when an earlier step of the fill replaced it by `current`
    /// and, rendered, it is at least `ValueCompare.minGain` ink pixels nearer the video's field
    /// than `current` — or, when `current` matched the video's field (`matched`), no farther
    /// (`errors`: each rendered candidate's mismatch; `base`: `current`'s); else nil.
    static func restoredReading(offline: String?, current: String, errors: [String: Int], base: Int, matched: Bool = false) -> String? {
        guard let offline, !offline.isEmpty, offline != current, let e = errors[offline] else { return nil }
        return (matched ? e <= base : e + ValueCompare.minGain <= base) ? offline : nil
    }
}

extension Run {
    /// The value the analysis read for the fill step `a` (the offline timeline's fill at its time).
    func offlineReading(_ a: Action) -> String? {
        timeline.actions.first(where: { $0.kind == .fill && abs($0.time - a.time) < 0.001 })?.value?.text
    }
}
