import Browser
import Foundation
import ScreenCore

/// An Enter read where the video changed, that changes nothing live: in a field outside a form
/// (a search box filtering as it is typed in) Enter does nothing, so the change the video shows
/// across the step is something else — most often a click the analysis missed while the focus
/// stayed in the field (a row's star after a search). The press is dropped and the gap search
/// before the next step starts from the press's own time, where that click happened.
extension Run {
    /// Whether Enter, just pressed for step `i` (the page's state `before` it), is refuted: the
    /// video changed across the step, the live page's digest did not (no navigation, no new text,
    /// no dialog), and the area that changed in the video looks unlike the live page now. When it
    /// is, the step's time is remembered for `gapBounds`.
    mutating func enterRefuted(_ i: Int, _ a: Action, before: PageState) async throws -> Bool {
        guard videoChanged(i, a) else { return false }
        let after = try await settle(from: before)
        guard !after.differs(from: before) else { return false }
        guard let region = videoChangeRegion(i, a) else {
            // The video changed over most of the viewport (a dialog's backdrop, a new page): the
            // whole live page, unchanged, still looks as the video did before the step.
            guard let sBefore = try await similarity(at: max(0, a.time - 0.2)), let sAfter = try await compare(i) else { return false }
            debug("live: step \(i + 1) Enter changed nothing live; the page looks \(Self.f2(sBefore)) like the video before it, \(Self.f2(sAfter)) after")
            guard Self.wholePageRefutes(before: sBefore, after: sAfter) else { return false }
            refutedKeyAt = (i, a.time)
            diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press Enter) dropped: it changes nothing live while the video's whole page changed there; the clicks the video suggests are searched from its time"))
            return true
        }
        guard let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              let s = try await fieldSimilarity(region, frame) else { return false }
        debug("live: step \(i + 1) Enter changed nothing live; the area that changed in the video looks \(Self.f2(s)) like it")
        guard s < Self.keyAreaUnlike else { return false }
        refutedKeyAt = (i, a.time)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press Enter) dropped: it changes nothing live while the video changed there (\(Self.f2(s))); the clicks the video suggests are searched from its time"))
        return true
    }

    /// Where the gap before action `i` starts when the step before it was a refuted key: a little
    /// before that key's time (the change it was read for may have begun as it was read). Nil otherwise.
    func refutedKeyStart(_ i: Int) -> Double? {
        guard let r = refutedKeyAt, r.step == i - 1 else { return nil }
        return max(0, r.time - Self.refutedKeyLead)
    }

    /// How long before a refuted key's time its gap search starts (seconds): two moments before
    /// it, so the pointer's arrival at what it then clicked is seen (`GapSearch+Resting.swift`).
    static let refutedKeyLead = 1.0

    /// Whether a live page an Enter left unchanged refutes it where the video's whole page
    /// changed: it looks clearly more like the video before the step than after it.
    static func wholePageRefutes(before: Double, after: Double) -> Bool {
        before > after + 0.05
    }
}
