import Browser
import Foundation
import ScreenCore

/// A disclosure that opens where the pointer rests (a version menu, a row's "⋯" menu that opens on
/// hover) is often read as a click on it: the video shows it open right after the pointer came,
/// and the next step picks from it. Live, the click would act on a menu the rest has already
/// opened (closing a toggling one), and the script would record a press the person never made.
/// When the element says it is collapsed (`aria-expanded="false"`) and resting the live pointer on
/// it for a hover's time opens it — its `aria-expanded` turns true and the DOM grows — the step is
/// a `hover`.
extension Run {
    /// Whether the click on `t` at `p` is a rest on a disclosure that opens on hover (see the
    /// type). The live pointer stays there (the disclosure open) either way.
    func clickIsHoverOpen(_ t: Identified, at p: Point, before: PageState) async throws -> Bool {
        guard let el = t.element, !t.isCheckable, t.pressed == nil, !t.isTextField, !t.isSelect else { return false }
        let expanded = "return arguments[0].getAttribute('aria-expanded');"
        guard try await browser.execute(expanded, [JSONValue(element: el)]).string == "false" else { return false }
        try await browser.pointer(move: (p.x, p.y))
        try await Task.sleep(nanoseconds: Self.restIntent)
        let now = try await settle(from: before)
        guard Self.restOpened(before: before, after: now) else { return false }
        // Opening may re-render the disclosure (a row rebuilt with its menu): its state is read
        // off the element found again at the point (LiveGrounder+StaleElement.swift).
        guard let opened = try await current(t, at: p), let el = opened.element,
              Self.sameControl(t, opened) else { return false }
        let after = try await browser.execute(expanded, [JSONValue(element: el)]).string
        return Self.disclosureOpened(before: "false", after: after)
    }

    /// Whether `b`, found at the point after a rest, is the control `a` was before it (the same
    /// tag, role and name: a re-rendered copy), not another element the rest brought there.
    static func sameControl(_ a: Identified, _ b: Identified) -> Bool {
        a.tag == b.tag && a.role == b.role && a.name == b.name
    }

    /// Whether an element's `aria-expanded` went from collapsed to expanded.
    static func disclosureOpened(before: String?, after: String?) -> Bool {
        before == "false" && after == "true"
    }
}
