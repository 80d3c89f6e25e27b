import Foundation
import ScreenCore

/// Undoing a tried click in the gap search: Escape closes what the click opened (a menu, a
/// dialog). A click inside a dialog that was open before it, which opened no other dialog, did
/// not open that dialog, so Escape there closes the dialog the video may still need closing by a
/// step of its own (contacts-search-escape-darkcursor: the "Add to favourites" switch tried in the
/// Add contact dialog, undone by Escape; the dialog closed live and no Escape step was recorded).
extension Run {
    /// Whether Escape may undo a tried click at `point` (CSS pixels), the page's digest `before`
    /// and `after` it: not when a dialog was open before, the click opened none, and the point
    /// lies in the topmost open dialog. (A dialog the click opened may well cover its point: a
    /// card's Edit button under the dialog it opens.)
    func escapeUndoesClick(at point: (Double, Double), before: PageState, after: PageState) async throws -> Bool {
        guard !Self.clickOpenedDialog(before: before, after: after), let d = try await page.keyTargets().dialog else { return true }
        let within = Self.inside(Point(x: point.0, y: point.1), [d])
        if within { debug("live: the tried click lay inside the open dialog at \(Int(d.x)),\(Int(d.y)) \(Int(d.width))×\(Int(d.height)): Escape would close that dialog, not undo the click") }
        return !within
    }

    /// Whether a click may have opened the dialog open now: none was open before it, or it
    /// opened another.
    static func clickOpenedDialog(before: PageState, after: PageState) -> Bool {
        before.dialogs == 0 || after.dialogs > before.dialogs
    }
}
