import Foundation
import ScreenCore

/// A key read for the change of a click the analysis missed. The offline reader sees no keys,
/// only changes: a change while the focus is in a field, with no press of the pointer seen, is
/// read as a key (most often Enter). When the gap search has since found the click that made that
/// change (a row's star clicked after a search, with the focus still in the search box:
/// contacts-search-escape-darkcursor's Favourite at 5.5 s, read as Enter at 6.27 s), the key is a
/// second reading of it: performed live it changes nothing — the page's state (address, scroll,
/// DOM, text, dialogs) and its pixels stay as they were — and the video shows no change across
/// it either, the change being the click's, before it. Such a key is dropped. (A key that does
/// something changes the live page; a key the video shows acting changes the video.)
extension Run {
    /// A key this many seconds or less after a click the gap search inserted may be read for
    /// that click's change (the reader dates a change where it settles, the search where it shows).
    static let echoWindow = 1.0

    /// Whether key step `a` may be a second reading of `last`, the step before it: a click (or
    /// tick, or double click) the gap search inserted, at most `echoWindow` before it.
    static func mayEchoInsertedClick(_ a: Action, last: Action?) -> Bool {
        guard a.kind == .press, let last, [.click, .check, .dblclick].contains(last.kind),
              last.grounding?.corrections.first?.hasPrefix("inserted:") == true else { return false }
        let gap = a.time - last.time
        return gap >= 0 && gap <= echoWindow
    }

    /// After key step `i` was pressed live (the page's state `before` and pixels `unpressed`
    /// before it): whether it changed nothing live, so it is dropped as a second reading of the
    /// inserted click before it (the caller has checked `mayEchoInsertedClick` and that the video
    /// shows no change across the step).
    mutating func keyEchoesClick(_ i: Int, _ a: Action, before: PageState, unpressed: Image) async throws -> Bool {
        let after = try await settle(from: before)
        guard !after.differs(from: before), Self.samePixels(unpressed, try decodePNG(try await browser.screenshot())) else { return false }
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press \(a.value?.text ?? "")) dropped: it changes nothing live and the video shows no change across it, just after the click inserted before it, whose change it was read for"))
        debug("live: step \(i + 1) (press) changes nothing live nor in the video, \(Self.f2(a.time - (out.last?.time ?? a.time))) s after an inserted click: dropped as its second reading")
        return true
    }
}
