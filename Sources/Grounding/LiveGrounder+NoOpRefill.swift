import Browser
import Foundation
import ScreenCore

/// A fill that typed into the focused field the very value it held, before the field is typed
/// again. A person who fixes a refused value selects the old one and types over it; the analysis
/// reads the selected old value as typed (wizard-fix-nights-60fps's `fill 'Nights' = '20'` at
/// 22.8 s: the refused Next had put the focus in Nights, holding "20"). The rule for a fill of the
/// held text before the next fill (LiveGrounder+HeldText.swift) looks ahead in the offline steps,
/// where the new value was not read at all: the fields' reconcile finds it later ("6", inserted
/// before the next pointer step) and only keys lie between. Such a fill changed nothing live — not
/// the value, not the focus — so dropping it changes nothing the steps after it meet; the script
/// keeps the typing that follows. It is dropped when the reconcile types the same field, with only
/// key presses after it. (A fill of the held value into a field without the focus is left: it
/// moves the focus, which a later key may need — docs/accuracy.md, session 25's live25a.)
extension Run {
    /// Whether the fill at `steps[index]`, which found the field holding `prior` and already
    /// focused (`focused`), changed nothing (its value is `prior`: in a number field as the field
    /// takes it, else exactly), with only key presses after it.
    static func noOpFillBeforeRetyping(_ steps: [Action], index: Int, prior: String, focused: Bool, number: Bool) -> Bool {
        guard focused, index >= 0, index < steps.count, steps[index].kind == .fill, !steps[index].secret,
              let typed = steps[index].value?.text else { return false }
        let same = number ? sameAsHeld(typed, held: prior, number: true) : typed == prior
        return same && steps[(index + 1)...].allSatisfy { $0.kind == .press }
    }

    /// Drops the last fill performed when it changed nothing (`noOpFillBeforeRetyping`) and was
    /// typed into `element`, which the fields' reconcile now types again.
    mutating func dropNoOpFill(before element: ElementHandle, number: Bool) async throws {
        guard let f = lastFillField,
              Self.noOpFillBeforeRetyping(out, index: f.index, prior: f.prior, focused: f.focused, number: number),
              try await browser.execute("return arguments[0] === arguments[1];", [JSONValue(element: f.element), JSONValue(element: element)]).bool == true
        else { return }
        let dropped = out.remove(at: f.index)
        switch dropped.grounding?.status {
        case .verified?: counts.verified -= 1
        case .corrected?: counts.corrected -= 1
        default: counts.offline -= 1
        }
        counts.dropped += 1
        // (The screenshots kept per step and the edited field's index follow the steps after it.)
        shots = Dictionary(uniqueKeysWithValues: shots.compactMap { k, v in k == f.index ? nil : (k > f.index ? k - 1 : k, v) })
        if let e = editedField { editedField = e.index == f.index ? nil : EditedField(index: e.index > f.index ? e.index - 1 : e.index, prior: e.prior) }
        lastFillField = nil
        diagnostics.append(Diagnostic(.note, "live: the fill of \"\(dropped.value?.text ?? "")\" at \(Self.f2(dropped.time)) s dropped: the focused field held that value already, and it is typed again after it with only keys between"))
        debug("live: the no-op fill at \(Self.f2(dropped.time)) s dropped before the field is typed again")
    }
}
