import Browser
import Foundation
import ScreenCore

/// A run's corrections of an action's kind and target from the element found live.
extension Run {
    // MARK: - Corrections

    /// The action's kind as the live element says: a click on a checkbox is a check, a check on
    /// something with no checked state is a click.
    func correctKind(_ a: inout Action, _ t: Identified) -> [String] {
        var c: [String] = []
        // (A click on a radio that is on already changes nothing: it stays a click.)
        if a.kind == .click && t.isCheckable && !(t.role == "radio" && t.checked != false) {
            let wanted = !(t.checked ?? false)
            c.append("click → \(wanted ? "check" : "uncheck"): the element is a \(t.role ?? "checkbox")")
            a.kind = .check
            a.value = .flag(wanted)
        } else if a.kind == .check && !t.isCheckable {
            c.append("check → click: the element (\(t.role ?? t.tag)) has no checked state")
            a.kind = .click
            a.value = nil
        } else if a.kind == .fill && !t.isTextField {
            if t.isSelect {
                c.append("fill → select: the element is a list")
                a.kind = .select
            }
        } else if a.kind == .select && !t.isSelect && t.isTextField {
            c.append("select → fill: the element is a text field")
            a.kind = .fill
        }
        return c
    }

    /// The element's identity from the live DOM: role, accessible name, label, placeholder and
    /// the verified locators.
    func correctTarget(_ a: inout Action, _ t: Identified) -> [String] {
        var c: [String] = []
        var target = a.target ?? Target()
        if let r = t.role, let role = Role(rawValue: r) {
            if target.role != role {
                if let old = target.role { c.append("role \(old.rawValue) → \(role.rawValue)") }
                target.role = role
            }
        }
        if let n = t.name, !n.isEmpty {
            // The video may have named it by its placeholder or label: that is another name of the
            // same element, not a misreading.
            let otherNames = [t.label, t.placeholder, t.text, n].compactMap { $0 }.map(Self.norm)
            if let old = target.name, !otherNames.contains(Self.norm(old)) { c.append("name \"\(old)\" → \"\(n)\"") }
            target.name = n
        }
        if let l = t.label, !l.isEmpty { target.label = l }
        if let p = t.placeholder, !p.isEmpty { target.placeholder = p }
        if let x = t.text, !x.isEmpty, !t.isTextField { target.text = x }
        var g = Grounding(status: .verified)
        if let pj = t.playwright, let loc = LiveLocator(json: pj) {
            g.locator = loc
            g.matchCount = t.playwrightCount
            target.context = loc.scope?.hasText
        }
        if let s = t.selenium, let by = SeleniumLocator.Strategy(rawValue: s.by) {
            g.selenium = SeleniumLocator(by: by, value: s.value)
        }
        if let b = t.box { target.box = Box(x: b.x, y: b.y, width: b.width, height: b.height) }
        if t.isPassword && !a.secret {
            c.append("the field is masked (type=password): its value comes from an environment variable")
            a.secret = true
        }
        a.target = target
        a.grounding = g
        return c
    }
}
