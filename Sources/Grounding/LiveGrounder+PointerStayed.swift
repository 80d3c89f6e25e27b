import Foundation
import ScreenCore

/// A press dated early at the place the pointer stayed. A person who pressed a button that the app
/// refused (a wizard's Next: an inline error, the focus put in the bad field) fixes the field with
/// the keyboard — retyping it, Tab, an arrow key on the next field — while the pointer rests on the
/// button, and presses it again. The analysis reads a "click" where the pointer rests whenever the
/// page changes under it (wizard-fix-nights-60fps at 25.03 s: the error going as Nights is
/// retyped), well before the second press (27.34 s); performed live, that click moves the wizard
/// on before the Tab and the ArrowDown the video shows next, and nothing can bring it back. A click
/// at the point the previous step left the pointer is already judged by the keys first
/// (`keyInsteadOfClick`: Tab and the arrows, each undone when it does not bring the video's changed
/// area in line); the point the pointer stayed at is now the last pointer step's when every step
/// since is a key or typing read without a point of its own — none of them moves the pointer.
extension Run {
    /// The last step before step `i` that put the pointer somewhere (a click or a check with a
    /// point), when every step after it up to `i` is a key press or typing without a point; nil
    /// when another step came between (a pointer step elsewhere, a scroll, a choice) or none has a point.
    static func pointerStayed(before i: Int, _ actions: [Action]) -> Action? {
        var j = i - 1
        while j >= 0 {
            let a = actions[j]
            if a.target?.point != nil { return [.click, .check].contains(a.kind) ? a : nil }
            guard a.kind == .press || a.kind == .fill else { return nil }
            j -= 1
        }
        return nil
    }
}
