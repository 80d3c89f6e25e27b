// Whether a read ahead was taken: the analyst may go on with other work while a reading it will
// need runs on a spare core, but only then — without a spare core the reading is its own.

import ScreenCore

/// Agent tools that say whether a hinted reading (`AgentTools.readTextAhead`) is under way on a
/// core no agent holds. `SegmentAnalyst` leaves a button's section-heading band to that core and
/// goes on with the segment (`SegmentAnalyst+DeferredContext`) only when it is; tools that cannot
/// say (test fakes) get the plain hint, and the analyst waits for the reading as before.
public protocol ReadAheadReporting: AgentTools {
    /// As `readTextAhead`, and whether the reading is now under way or done: false when no core was
    /// spare (with `--agents 1`, or every core holding an agent), so `readText` would read it on the
    /// caller's core.
    @discardableResult
    func readTextAheadIfSpare(mode: TextReadMode, _ image: () -> Image) -> Bool
}
