import Browser
import Foundation
import ScreenCore

/// The fields reconcile on a page that looks unlike the video's (`Run.reconcileFields`). Typing
/// into a search field filters the list below it: a search the analysis missed leaves the whole
/// page unlike the video's (0.75–0.79 where fields were reconciled from 0.8), and the gap search
/// then looked for clicks to explain a list that typing had re-laid out. Such a page's fields are
/// read and typed as on a like page, and a value is kept only when the page, typed, is clearly
/// nearer the video's — typing explained the change; another step of a wizard (fields where the
/// video shows something else) is not explained by typing into them.
extension Run {
    /// How much nearer the video's the whole page must look once a field's reading is typed, on
    /// a page that looked unlike it.
    static let fieldsPageGain = 0.05

    /// Whether typing the value now in the focused field brought the live page nearer the video's
    /// frame (`rect` of `frame`) by `fieldsPageGain` from `before`: the page is let settle first.
    func typingExplainsPage(_ i: Int, before: Double, frame: Image, rect: PixelRect) async throws -> Bool {
        let state = try await page.state()
        _ = try await settle(from: state)
        let shot = try decodePNG(try await browser.screenshot())
        let after = Similarity.compare(shot, nil, frame, rect)
        let explains = Self.pageExplained(before: before, after: after)
        debug("live: before step \(i + 1), typed the page looks \(Self.f2(after)) like the video (\(Self.f2(before)) before): \(explains ? "the typing explains it" : "not explained")")
        return explains
    }

    /// Whether a page `before` → `after` alike to the video is explained by what was done.
    static func pageExplained(before: Double, after: Double) -> Bool { after >= before + fieldsPageGain }
}
