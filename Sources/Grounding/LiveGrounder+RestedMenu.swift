import Browser
import Foundation
import ScreenCore

/// A menu that opens where the pointer rests (a version menu, a row's "⋯"), open live only because
/// the live pointer was left resting on it: the gap search rests the pointer on the elements
/// around a change to see whether their hover look explains it, and the pointer stays where it
/// was last put. The step that then picks an item of that menu finds it shown and is grounded as
/// is — but the script's pointer never rested there, so it would click an item that is not shown
/// (the docs rows of session 25: the version picked after a search, the rest on the version
/// button tried by the gap search and not kept). When the item a pointer step acts on lies in a
/// menu whose opener (no text field) says it is open (`aria-haspopup`, `aria-expanded="true"`), the live pointer
/// rests on the opener or its popup (`:hover`), and no recent step acts on that opener (a click
/// or a hover that opened it), the rest is a step of its own: a `hover` on the opener is inserted
/// before the step, as the pointer's path makes it.
extension Run {
    /// Steps looked back over for one that already acts on the opener (its click or hover).
    static let restedMenuLookBack = 3

    /// The page script of `restedMenuOpener` (argument: the item): the opener's centre, or null.
    static let restedMenuOpenerScript = """
            var el = arguments[0];
            var popup = el.closest('[role=menu], [role=menubar]');
            if (!popup) return null;
            for (const o of document.querySelectorAll('[aria-haspopup][aria-expanded=true]')) {
              if (o === el || o.contains(el) || o.matches('input, textarea, select, [contenteditable]')) continue;
              var id = o.getAttribute('aria-controls');
              var owns = (id && document.getElementById(id) === popup) || (o.parentElement && o.parentElement.contains(popup));
              if (!owns) continue;
              var rested = o.matches(':hover') || popup.matches(':hover') || (o.parentElement && o.parentElement.contains(popup) && o.parentElement.matches(':hover'));
              if (!rested) continue;
              var r = o.getBoundingClientRect();
              if (r.width <= 0 || r.height <= 0) continue;
              return [r.x + r.width / 2, r.y + r.height / 2];
            }
            return null;
            """

    /// The centre (CSS pixels) of the opener of the open popup that holds `element`, when that
    /// popup is open under the resting live pointer; nil otherwise (see the type).
    func restedMenuOpener(of element: ElementHandle) async throws -> Point? {
        let v = try await browser.execute(Self.restedMenuOpenerScript, [JSONValue(element: element)])
        guard let n = v.array?.compactMap(\.double), n.count == 2 else { return nil }
        return Point(x: n[0], y: n[1])
    }

    /// Whether one of the last `restedMenuLookBack` grounded steps acts on the element `locator`
    /// names (so the script opens its menu itself).
    static func recentlyActsOn(_ locator: LiveLocator?, in steps: [Action]) -> Bool {
        guard let locator else { return false }
        return steps.suffix(restedMenuLookBack).contains { $0.grounding?.locator == locator }
    }

    /// Inserts the `hover` on the opener of the menu `t` lies in, before the pointer step `a`,
    /// when that menu is open live only under the resting pointer (see the type).
    mutating func hoverForRestedMenu(before a: Action, on t: Identified) async throws {
        guard [.click, .dblclick, .check].contains(a.kind), let el = t.element,
              let at = try await restedMenuOpener(of: el),
              let opener = try await page.identify(x: at.x, y: at.y), opener.actionable, opener.element != nil else { return }
        let loc = opener.playwright.flatMap { LiveLocator(json: $0) }
        guard !Self.recentlyActsOn(loc, in: out) else { return }
        insertHover(before: a, at: at, on: opener, revealed: t.box,
                    because: "\(t.role ?? t.tag) \"\(t.name ?? "")\" is shown live only while the pointer rests on \(opener.role ?? opener.tag) \"\(opener.name ?? "")\", which opens its menu")
        debug("live: hover on \(opener.role ?? opener.tag) \"\(opener.name ?? "")\" inserted: its menu is open live only under the resting pointer")
    }
}
