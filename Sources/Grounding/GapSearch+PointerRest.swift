import Foundation
import ScreenCore

/// Where the pointer still rests, moments after it arrived. The gap search's `rested` candidates
/// come from the pointer-sized areas of the moment just before a change; a person who moves onto a
/// tab, waits a second and clicks leaves no such area there (the pointer stood still, or only the
/// tab's hover look changed around it), so a re-layout that follows (the tab's list drawn again)
/// offered the rows' icons and never the tab. The place the pointer last arrived at is carried
/// over the moments that change nothing, or only around it, and stands in for the previous
/// moment's pointer when that moment had none.
extension Run {
    /// The pointer's resting place after a moment whose changed areas are `blobs` (CSS pixels),
    /// given where it rested before (`rest`): the moment's pointer-sized areas when it has any
    /// (the pointer arrived there), else the rest carried on when every change lies around it
    /// (none at all, or its own hover look), else nowhere (the pointer moved off unseen).
    static func pointerRest(after rest: [(x: Double, y: Double, width: Double, height: Double)],
                            blobs: [(x: Double, y: Double, width: Double, height: Double)]) -> [(x: Double, y: Double, width: Double, height: Double)] {
        let pointers = blobs.filter(pointerSized)
        if !pointers.isEmpty { return pointers }
        return blobs.allSatisfy { b in rest.contains { overlaps($0, b) } } ? rest : []
    }

    /// The pointer areas whose elements are tried as where the pointer rested, for a change of
    /// `areas` unexplained areas: the previous moment's pointer-sized areas (`previous`), else —
    /// in a re-layout only (`manyAreas`), where the changed areas do not point at the click — the
    /// rest carried from earlier moments (`rest`).
    static func restedAreas(previous: [(x: Double, y: Double, width: Double, height: Double)],
                            rest: [(x: Double, y: Double, width: Double, height: Double)],
                            areas: Int) -> [(x: Double, y: Double, width: Double, height: Double)] {
        previous.isEmpty && areas > manyAreas ? rest : previous
    }
}
