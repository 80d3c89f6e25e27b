import Browser
import Foundation
import ScreenCore

/// Steps read off typing that change no field's value, which a script's `fill` makes redundant:
/// - an empty value "typed" into a field that is empty live (wizard-validation's Phone at 1.6 s:
///   the focus ring passing over the field read as a fill of nothing);
/// - a caret key (ArrowLeft, ArrowRight, Home, End) in the focused text field, when the next step
///   fills that same field: a fill sets the whole value, and the first keystrokes of the typing
///   moving the caret read as a key (wizard-full-booking's ArrowLeft at 7.6 s, as "ma" was typed
///   into the Email field). The truth's `fill` folds such keys into the typing (docs/timeline.md).
/// Both are dropped unperformed, each with a diagnostic. (A fill of the text the field holds is
/// LiveGrounder+HeldTextFill.swift's.)
/// And a fill of nothing where the live page has no actionable element at its point (the point
/// misread, or the field gone — wizard-fix-nights-60fps's `fill 'reckout' = ''` at 28.85 s, read
/// off the Dates step's "Check-out" text as the page turned): it types nothing anywhere, and left
/// offline the script's fallback clicks the point on whatever page is there — harmless at best.
/// It is dropped unperformed.
extension Run {
    /// Whether fill `a` types nothing (not masked), so a fill with no field at its point does nothing.
    static func emptyFillWithoutField(_ a: Action) -> Bool {
        a.kind == .fill && !a.secret && (a.value?.text ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Whether fill `a` types nothing into the live field `t` that already holds nothing.
    static func emptyFillIntoEmpty(_ a: Action, _ t: Identified) -> Bool {
        a.kind == .fill && !a.secret && (a.value?.text ?? "").isEmpty && t.isTextField && !t.isPassword && (t.value ?? "").isEmpty
    }

    /// The keys that only move the caret inside a text field.
    static let caretKeys: Set<Key> = [.arrowLeft, .arrowRight, .home, .end]

    /// Whether press step `i` of `key` is a caret key in the focused text field `field` (CSS
    /// pixels) that the next step fills within `focusClickSeconds`.
    func caretKeyBeforeFill(_ i: Int, key: Key, field: (x: Double, y: Double, width: Double, height: Double)?) -> Bool {
        guard Self.caretKeys.contains(key), let field, i + 1 < timeline.actions.count else { return false }
        let next = timeline.actions[i + 1]
        return Self.fillsField(next, field, after: timeline.actions[i].endTime)
    }

    /// Whether `next` is a fill (not masked or masked alike) whose point, else its box's centre,
    /// lies in `field` and which starts within `focusClickSeconds` of `time`.
    static func fillsField(_ next: Action, _ field: (x: Double, y: Double, width: Double, height: Double), after time: Double) -> Bool {
        guard next.kind == .fill, next.time - time < focusClickSeconds else { return false }
        let p = next.target?.point ?? next.target?.box.map { Point(x: $0.x + $0.width / 2, y: $0.y + $0.height / 2) }
        guard let p else { return false }
        return nearBox(p, field)
    }
}
