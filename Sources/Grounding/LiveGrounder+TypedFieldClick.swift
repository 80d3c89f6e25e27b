import Foundation
import ScreenCore

/// A "click" read in the text field the step before typed into, while that field still holds the
/// focus live: a person who typed and then pressed Tab (or an arrow) without moving the mouse
/// leaves the pointer over the field, and the focus ring moving on reads as a click where the
/// pointer rests (wizard-keyboard-enter's Tab from "Full name" at 16.9 s, read as a click on the
/// name field). A click there would only move the caret, so the keys are tried first, as for a
/// click that repeats the previous step's point (`Run.keyInsteadOfClick`).
extension Run {
    /// Whether step `i`'s point `p` lies in the text field that holds the focus live, and the last
    /// step kept (and the analysis's step before `i`) typed into a field: the pointer stayed where
    /// the person typed.
    mutating func clickInTypedField(_ i: Int, at p: Point) async throws -> Bool {
        guard i > 0, timeline.actions[i - 1].kind == .fill, let last = out.last, last.kind == .fill else { return false }
        guard let field = try await page.keyTargets().field else { return false }
        return Self.typedFieldHolds(p, field: field)
    }

    /// Whether `p` lies inside the focused field's `field` box (CSS pixels; no margin: a point
    /// just outside it is another element's).
    static func typedFieldHolds(_ p: Point, field: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        field.width > 0 && field.height > 0
            && p.x >= field.x && p.x <= field.x + field.width && p.y >= field.y && p.y <= field.y + field.height
    }
}
