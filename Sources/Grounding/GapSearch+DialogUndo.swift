import Foundation
import ScreenCore

/// Undoing a tried click in the gap search: Escape closes what the click opened (a menu, a
/// dialog). A click on an element inside an open dialog did not open that dialog — it was open
/// before the click —, so Escape there closes the dialog the video may still need closing by a
/// step of its own (contacts-search-escape-darkcursor: the "Add to favourites" switch tried in the
/// Add contact dialog, undone by Escape; the dialog closed live and no Escape step was recorded).
extension Run {
    /// Whether Escape may undo a tried click at `point` (CSS pixels): not when the point lies in
    /// the topmost open dialog.
    func escapeUndoesClick(at point: (Double, Double)) async throws -> Bool {
        guard let d = try await page.keyTargets().dialog else { return true }
        let inside = Self.dialogContains(d, point)
        if inside { debug("live: the tried click lay inside the open dialog at \(Int(d.x)),\(Int(d.y)) \(Int(d.width))×\(Int(d.height)): Escape would close that dialog, not undo the click") }
        return !inside
    }

    /// Whether `box` contains `point`.
    static func dialogContains(_ box: (x: Double, y: Double, width: Double, height: Double), _ point: (Double, Double)) -> Bool {
        point.0 >= box.x && point.0 <= box.x + box.width && point.1 >= box.y && point.1 <= box.y + box.height
    }
}
