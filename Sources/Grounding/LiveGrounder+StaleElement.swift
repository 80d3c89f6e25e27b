import Browser
import Foundation
import ScreenCore

/// An element handle is a reference to one DOM node: when the app re-renders the part of the page
/// that holds it, the node is gone and every later use of the handle fails with the driver's
/// "stale element reference". Live grounding rests the pointer, reveals menus and opens editors
/// between finding a step's element and acting on it, and a page that re-renders on hover (a
/// table row rebuilt when its "⋯" menu opens on `mouseenter`, admin-hover-menu) makes the handle
/// found before the rest stale after it. So a handle taken before a rest, a reveal or another
/// step's action is checked before it is used and, when its node has left the page, the element
/// is found again at the step's point (`current(_:at:)`). A stale handle that still escapes is
/// the step's failure — the step stays offline with a diagnostic — not the end of grounding
/// (`Run.staleStepNote`): the page itself is fine, only one reference to it is old.
extension Run {
    /// Whether `error` is the driver's answer for a handle whose node has left the page.
    static func isStaleElement(_ error: any Error) -> Bool {
        guard case BrowserError.webDriver(_, let kind, let message)? = error as? BrowserError else { return false }
        return kind == "stale element reference" || message.hasPrefix("stale element reference")
    }

    /// Whether the node `element` names is still in the page. A stale handle answers false (the
    /// driver refuses it); a browser that cannot tell (a script answering nothing) counts as still there.
    func attached(_ element: ElementHandle) async throws -> Bool {
        do {
            return try await browser.execute("return document.contains(arguments[0]);", [JSONValue(element: element)]).bool != false
        } catch let error where Self.isStaleElement(error) {
            return false
        }
    }

    /// `t` while its node is still in the page; else the element at `p` found again — the same
    /// control re-rendered, or whatever a person would act on there now. Nil when nothing
    /// actionable is at the point any more (the step's element has gone).
    func current(_ t: Identified, at p: Point) async throws -> Identified? {
        guard let el = t.element, try await !attached(el) else { return t }
        guard let again = try await page.identify(x: p.x, y: p.y), again.actionable, again.element != nil else {
            debug("live: \(t.role ?? t.tag) \"\(t.name ?? "")\" left the page (re-rendered) and nothing actionable is at \(Int(p.x)),\(Int(p.y)) now")
            return nil
        }
        debug("live: \(t.role ?? t.tag) \"\(t.name ?? "")\" was re-rendered: found again at \(Int(p.x)),\(Int(p.y)) as \(again.role ?? again.tag) \"\(again.name ?? "")\"")
        return again
    }

    /// The note and diagnostic of a step whose element went stale while it was grounded.
    static func staleStepNote(_ i: Int, _ a: Action, _ error: any Error) -> String {
        "live: step \(i + 1) (\(a.kind.rawValue)) left as the offline analysis gave it: its live element was re-rendered while it was grounded (\(short(error)))"
    }
}
