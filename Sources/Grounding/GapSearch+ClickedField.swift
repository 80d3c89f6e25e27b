import Foundation
import ScreenCore

/// A click into a text field whose typing the analysis missed: the person clicked the field and
/// typed, and the offline timeline kept only the click (wizard-window-24fps's Nights, clicked at
/// 17.5 s and retyped "5"; wizard-validation-firefox's Guests "9"). The fields reconcile before the
/// next step types the field's reading (`Run.reconcileFields`) — also when the next step's point
/// lies in that field (a click on its spin buttons, read off the same spot), which would otherwise
/// leave the field to that step — and the inserted fill takes in the clicks that only focused its
/// field, as a fill step does (`LiveGrounder.swift`): a fill focuses its field itself.
extension Run {
    /// Whether the last step kept live is a click or double-click whose point lies in `box` (CSS pixels).
    func lastClickedInto(_ box: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        guard let last = out.last, [.click, .dblclick].contains(last.kind), let p = last.target?.point else { return false }
        return Self.nearBox(p, box)
    }

    /// Whether `p` lies in `box`, give or take 4 CSS pixels.
    static func nearBox(_ p: Point, _ box: (x: Double, y: Double, width: Double, height: Double)) -> Bool {
        p.x >= box.x - 4 && p.x <= box.x + box.width + 4 && p.y >= box.y - 4 && p.y <= box.y + box.height + 4
    }

    /// Whether the field the next step's point lies in is reconciled all the same: the last step
    /// clicked into it and the next step (`next`) types nothing (no fill, key or choice), so the
    /// typing after the click is found here or nowhere.
    static func clickedFieldReconciled(clickedInto: Bool, next: ActionKind?) -> Bool {
        guard clickedInto, let next else { return false }
        return ![.fill, .press, .select].contains(next)
    }

    /// Removes the clicks kept just before an inserted `fill` that only focused its field (the same
    /// locator, or a text field's role and a point in the field's `box`, within `focusClickSeconds`), moving their counts to
    /// dropped; the fill then starts at the first of them. Returns how many were taken in.
    mutating func absorbFocusingClicks(_ fill: inout Action, box: (x: Double, y: Double, width: Double, height: Double)) -> Int {
        var taken = 0
        while let last = out.last, [.click, .dblclick].contains(last.kind),
              fill.grounding?.locator.map({ $0 == last.grounding?.locator }) == true
                || last.target?.role.map(Self.fieldRoles.contains) == true && last.target?.point.map({ Self.nearBox($0, box) }) == true,
              fill.time - last.endTime < Self.focusClickSeconds {
            if last.grounding?.status == .corrected { counts.corrected -= 1 } else { counts.verified -= 1 }
            counts.dropped += 1
            fill.time = min(fill.time, last.time)
            out.removeLast()
            taken += 1
        }
        if taken > 0 { fill.grounding?.corrections.append("the click\(taken > 1 ? "s" : "") on the field before it \(taken > 1 ? "are" : "is") part of the typing") }
        return taken
    }

    /// The roles of a text field a click may have focused (a button inside a field's box is no focusing click).
    static let fieldRoles: Set<Role> = [.textbox, .searchbox, .spinbutton]

    /// How long (seconds) after a click on a field its typing may begin and still take the click in.
    static let focusClickSeconds = 6.0
}
