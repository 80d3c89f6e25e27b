import Foundation
import ScreenCore

/// A recording that starts mid-session (no address bar, the first page already open) gives the
/// offline timeline no opening `goto`; the live stage loads the start URL (given or read) and
/// verifies it, and the script opens it as its first step. The grounded timeline says so: a
/// `goto` to that address at the recording's start, as every other grounded timeline begins.
/// Added to the live stage's result (`withOpeningGoto`), after the steps were grounded one to one.
extension LiveGrounder {
    /// The opening step to put before `actions` when they do not begin with a `goto`: the start
    /// URL the live page was loaded from, at time 0; nil when they do begin with one.
    public static func openingGoto(_ actions: [Action], startURL: String) -> Action? {
        guard actions.first?.kind != .goto, !startURL.isEmpty else { return nil }
        var a = Action(kind: .goto, time: 0, value: .text(startURL), confidence: 1)
        a.grounding = Grounding(status: .corrected, corrections: ["inserted: the recording does not show its first page's address; the live page was opened at the start URL, which loads"])
        return a
    }

    /// `result` with the opening `goto` (`openingGoto`) before its steps when they lack one and
    /// grounding loaded a start URL: counted as corrected, the kept screenshots moved one step on.
    public static func withOpeningGoto(_ result: LiveResult) -> LiveResult {
        guard let url = result.timeline.startURL, let open = openingGoto(result.timeline.actions, startURL: url) else { return result }
        var r = result
        r.timeline.actions.insert(open, at: 0)
        r.corrected += 1
        r.stoppedAt = r.stoppedAt.map { $0 + 1 }
        r.screenshots = Dictionary(uniqueKeysWithValues: result.screenshots.map { ($0.key + 1, $0.value) })
        return r
    }
}
