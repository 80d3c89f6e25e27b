import Foundation
import ScreenCore

/// A key read where the video shows new text appear (a "Settings saved" notice), that changes
/// nothing live: the text is the effect of something else — most often a click on a Save button
/// the analysis read as the Enter typing ended with (the focus still in the field just typed in).
/// The key is refuted and dropped, and the gap search before the next step (or at the recording's
/// end) starts from its time (`refutedKeyAt`), where the click that made the text appear is then
/// searched for. This is the Enter's counterpart of a click refuted by the texts the video shows
/// (`clickMissedItsMark`); it catches what `enterRefuted` cannot, where the video's change spans
/// most of the viewport (a field and a notice far apart) while the page as a whole barely moved.
extension Run {
    /// Whether key step `i`, just pressed live (the page's state `before` it), is refuted by the
    /// texts the analysis saw appear across it: the live page did not change (no address, text,
    /// dialog or scroll change), the video did, and none of those texts is shown live.
    mutating func keyLacksAppearedText(_ i: Int, _ a: Action, before: PageState) async throws -> Bool {
        guard a.kind == .press, !a.appeared.isEmpty, videoChanged(i, a) else { return false }
        let after = try await settle(from: before)
        guard !after.differs(from: before) else { return false }
        for text in a.appeared where try await page.visible(text) { return false }
        refutedKeyAt = (i, a.time)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press \(a.value?.text ?? "")) dropped: it changes nothing live, while the video shows \(Self.quotedList(a.appeared)) appear there; the clicks the video suggests are searched from its time"))
        debug("live: step \(i + 1) \(a.value?.text ?? "key") changed nothing live; the video shows \(Self.quotedList(a.appeared)) appear, which the live page lacks")
        return true
    }

    /// "a", "b" and "c" — texts for a diagnostic, at most three.
    static func quotedList(_ texts: [String]) -> String {
        let q = texts.prefix(3).map { "\"\($0)\"" }
        guard q.count > 1 else { return q.first ?? "" }
        return q.dropLast().joined(separator: ", ") + " and " + q.last!
    }
}
