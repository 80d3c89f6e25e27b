import Browser
import Foundation
import ScreenCore

/// A navigation read mid-recording to the page already shown, with only a `#fragment` added or
/// changed (the address bar turning `…/docs/` into `…/docs/#installation`), is a click on an
/// in-page link: a person does not type a fragment into the address bar to move within a page.
/// When the live page shows exactly one link to that address, the step becomes a click on it (its
/// verified locator, performed and compared like any click); otherwise the `goto` stays.
extension Run {
    /// The fragment `url` adds to the page `current` (both absolute), when they are the same
    /// document apart from it; nil otherwise (another page, no fragment, the same address).
    static func fragmentOnly(_ url: String, current: String) -> String? {
        func split(_ u: String) -> (String, String?) {
            guard let h = u.firstIndex(of: "#") else { return (u, nil) }
            return (String(u[..<h]), String(u[u.index(after: h)...]))
        }
        let (doc, frag) = split(url), (now, nowFrag) = split(current)
        guard let frag, !frag.isEmpty, frag != nowFrag, Self.sameDocument(doc, now) else { return nil }
        return frag
    }

    /// Whether two addresses without fragments name one document (a trailing slash aside).
    static func sameDocument(_ a: String, _ b: String) -> Bool {
        func trimmed(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }
        return !a.isEmpty && trimmed(a) == trimmed(b)
    }

    /// The centre (viewport CSS pixels) of the one visible link in the live page whose address is
    /// `url`; nil when there is none or more than one.
    func anchorLink(to url: String) async throws -> Point? {
        let v = try await browser.execute("""
            var out = [], all = document.querySelectorAll('a[href]');
            for (var i = 0; i < all.length; i++) {
              var a = all[i], r = a.getBoundingClientRect();
              if (a.href !== arguments[0] || r.width < 2 || r.height < 2) continue;
              if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) continue;
              var s = getComputedStyle(a);
              if (s.visibility === 'hidden' || s.display === 'none') continue;
              var c = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              if (!c || !(c === a || a.contains(c))) continue;
              out.push([r.left + r.width / 2, r.top + r.height / 2]);
            }
            return out;
            """, [.string(url)])
        guard let links = v.array, links.count == 1, let p = links[0].array, p.count == 2,
              let x = p[0].double, let y = p[1].double else { return nil }
        return Point(x: x, y: y)
    }

    /// Step `i`, a `goto` to the live address `url`, as a click on the in-page link to it (see
    /// the type), performed; nil when it is no such step (the `goto` is then performed as read).
    mutating func gotoAsAnchorClick(_ i: Int, _ a: Action, url: String) async throws -> Action?? {
        let now = try await page.state()
        guard i > 0, let frag = Self.fragmentOnly(url, current: now.url), let p = try await anchorLink(to: url) else { return nil }
        debug("live: step \(i + 1) goes to #\(frag) of the page shown: a click on its one link at \(Int(p.x)),\(Int(p.y))")
        var click = a
        click.kind = .click
        click.value = nil
        click.navigatesTo = url
        click.target = Target(point: p)
        guard var done = try await perform(i, click) else { return .some(nil) }
        if done.kind == .click {
            done.grounding?.status = .corrected
            done.grounding?.corrections.insert("goto #\(frag) → click: the page shown only moves to its #\(frag), and one link on it goes there", at: 0)
        }
        return .some(done)
    }
}
