import Foundation
import ScreenCore

/// A click read where nothing actionable is: it is kept only when it changes the app. It was
/// kept also when it changed nothing live while the video changed across it and no click
/// around explained that change (the pointer crossing rows that light up under it,
/// contacts-tabs-star's clicks on a contact's row and avatar): the change was not the click's.
/// Now such a click is dropped when the live page — its state digest and its pixels, with the
/// pointer resting at the point before and after, so a hover look counts on both sides — is the
/// same after the click as before it. A click that changes only a look (a row selected by a
/// class, a focus ring taken away) changes pixels and stays.
extension Run {
    /// The live viewport with the pointer resting at `p`, before a click there.
    func pointerRestedLook(at p: Point) async throws -> Image {
        try await browser.pointer(move: (p.x, p.y))
        return try decodePNG(try await browser.screenshot())
    }

    /// Whether a click changed nothing live: the page's state digest as before and its pixels
    /// as `unclicked` (the look with the pointer at the point before the click).
    func clickChangedNothing(_ unclicked: Image, before: PageState, after: PageState) async throws -> Bool {
        guard !after.differs(from: before) else { return false }
        return Self.samePixels(unclicked, try decodePNG(try await browser.screenshot()))
    }
}
