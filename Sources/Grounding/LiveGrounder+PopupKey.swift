import Browser
import Foundation
import ScreenCore

/// An Escape that closed a combobox's popup. Typing into a search combobox opens its list of
/// results under the field; Escape closes it and leaves the field, its text and its focus as they
/// were — so the field itself looks the same with the key and without it, and only the popup's
/// place tells. Before a step, when the focused element's popup is open live while the video
/// shows that place as it was before the typing opened it (nothing of the list left), Escape is
/// the key tried there (`agreeBefore`), on the popup's area; it is kept, as every inserted key, only
/// when it brings that area in line with the video.
extension PageCalls {
    /// The box (viewport CSS pixels) of the popup the focused element controls and has open: a
    /// `role=combobox` or an element with `aria-haspopup` (not a disclosure: an accordion's button
    /// controls a panel Escape does not close), not `aria-expanded="false"`, whose `aria-controls` /
    /// `aria-owns` element is shown with a size; nil otherwise.
    func openPopup() async throws -> (x: Double, y: Double, width: Double, height: Double)? {
        let v = try await browser.execute("""
            var a = document.activeElement;
            if (!a || a === document.body) return null;
            var role = (a.getAttribute('role') || '').toLowerCase(), pop = (a.getAttribute('aria-haspopup') || 'false').toLowerCase();
            if (role !== 'combobox' && pop === 'false') return null;
            if (a.getAttribute('aria-expanded') === 'false') return null;
            var ids = ((a.getAttribute('aria-controls') || '') + ' ' + (a.getAttribute('aria-owns') || '')).split(/\\s+/);
            for (var i = 0; i < ids.length; i++) {
              var el = ids[i] && document.getElementById(ids[i]);
              if (!el) continue;
              var shown = el.checkVisibility ? el.checkVisibility({visibilityProperty: true, opacityProperty: true}) : !!el.offsetParent;
              var r = el.getBoundingClientRect();
              if (shown && r.width > 0 && r.height > 0) return [r.left, r.top, r.width, r.height];
            }
            return null;
            """, [])
        guard let a = v.array, a.count == 4, let x = a[0].double, let y = a[1].double, let w = a[2].double, let h = a[3].double else { return nil }
        return (x, y, w, h)
    }
}

extension Run {
    /// Before step `i` (video frame `frame`, live screenshot `shot`): the focused combobox's open
    /// popup as the area Escape is tried on, when it looks unlike the video there (below
    /// `keyAreaUnlike`) and the video shows that place as before the field was typed into
    /// (`videoLooksAsBeforeOpening` at least `popupGoneLook`: the list is gone, not changed). Nil:
    /// no popup open, or the video still shows one.
    func popupPick(_ i: Int, frame: Image, shot: Image) async throws -> (region: (x: Double, y: Double, width: Double, height: Double), s0: Double)? {
        guard let p = try await page.openPopup() else { return nil }
        // (Not padded upwards: a popup hangs from its field, whose focus ring the video shows
        // there before and after the typing differently.)
        let region = (x: p.x - 4, y: p.y + 2, width: p.width + 8, height: p.height + 2)
        guard let s = fieldSimilarity(region, frame, shot: shot) else { return nil }
        let look = videoLooksAsBeforeOpening(region, now: frame)
        debug("live: before step \(i + 1) the focused field's open popup looks \(Self.f2(s)) like the video; its place \(look.map(Self.f2) ?? "-") as before the field was typed into")
        guard s < Self.keyAreaUnlike, let look, look >= Self.popupGoneLook else { return nil }
        return (region, s)
    }

    /// At least this alike to before the typing, the video's popup place shows no list.
    static let popupGoneLook = 0.8
}
