import Browser
import Foundation
import ScreenCore

/// How long the gap search rests the live pointer on a candidate before it compares the page. A
/// hover look shows at once, so 150 ms is enough for most candidates; a collapsed disclosure
/// (`aria-expanded="false"`: a row's "⋯" that opens its menu on hover) often waits for the pointer
/// to rest (hover intent, 200–300 ms in the apps), and a rest that short sees nothing open. The
/// click tried next then opens it and is inserted as a click the person never made
/// (admin-search-delete-vp9: "More actions" opens after a 200 ms rest; the rest at 150 ms leaned
/// no better, the click at 0.40 was kept — the truth is a `hover`). On a collapsed disclosure the
/// rest lasts `restIntent`, as it does where the candidate is the pointer's own place.
extension Run {
    /// The rest (ns) on a candidate before the page is compared: `restIntent` at the pointer's
    /// place or on a collapsed disclosure, else a hover look's 150 ms.
    static func candidateRest(atPointer: Bool, expanded: String?) -> UInt64 {
        atPointer || expanded == "false" ? restIntent : 150_000_000
    }

    /// The element's `aria-expanded` attribute (nil: none, no element, or an element the page has
    /// since replaced — a list drawn anew while the pointer rested on an earlier candidate: the
    /// rest is then a hover look's, and the search goes on rather than stopping the grounding).
    func ariaExpanded(_ t: Identified) async throws -> String? {
        guard let el = t.element else { return nil }
        return (try? await browser.execute("return arguments[0].getAttribute('aria-expanded');", [JSONValue(element: el)]))?.string
    }
}
