import Foundation
import ScreenCore

/// Typing the analysis missed, inside a gap: a search typed into a field filters the list under
/// it, and the gap search — which looks for clicks — saw the list change and clicked a row's
/// control on the live list, unfiltered (contacts-search-escape-darkcursor's Favourite at 4.30 s,
/// before the search "da" it needed was reconciled at the step boundary). At the gap's first
/// change no click explains by itself, the fields are reconciled first (`reconcileFields`, with the
/// video's fields at the boundary), keeping only typing the video shows done by that moment.
extension Run {
    /// Reconciles the text fields for the gap before step `i` at the gap's moment `time`: a field
    /// is typed only when the video shows its typing done by `time`. True when a fill was inserted
    /// (the change at that moment is then judged again at the next one).
    mutating func fieldsExplainGap(_ i: Int, at time: Double) async throws -> Bool {
        let before = out.count
        try await reconcileFields(i, typedBy: time)
        let inserted = out.count > before
        if inserted { debug("live: gap before step \(i + 1) at \(Self.f2(time)) s: a field's typing inserted before any click is tried") }
        return inserted
    }
}
