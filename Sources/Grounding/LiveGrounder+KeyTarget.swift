import Foundation
import ScreenCore

/// A key the live stage performed went to whatever had the focus there (`LiveBrowser.keys`), not
/// to the element the analysis named for it: that name was read off the pixels around the focus
/// (a placeholder read as "i", a caret's neighbour) and is unverified, so a script that pressed the
/// key on a locator built from it would wait for an element that does not exist. The grounded step
/// presses the key as the live stage did — on the focused element (`page.keyboard.press`,
/// Selenium's `ActionChains`).
extension Run {
    /// Drops the unverified element reading of a key step performed live (see the type).
    func dropKeyTarget(_ a: inout Action, _ corrections: inout [String]) {
        guard a.kind == .press, let t = a.target, a.grounding?.locator == nil else { return }
        if let n = t.name ?? t.label ?? t.placeholder ?? t.text, !n.isEmpty {
            corrections.append("pressed on the focused element: the element read as \"\(n)\" is not verified")
        }
        a.target = nil
    }
}
