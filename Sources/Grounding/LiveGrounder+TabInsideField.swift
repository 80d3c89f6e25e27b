import Browser
import Foundation
import ScreenCore

/// A Tab that keeps the focus in the same field live, where the video shows another text field
/// focused after it. A date field's parts take Tabs one by one (month, day, year, the picker), so
/// a Tab in a date never leaves it live; when the video's frame after the step shows another
/// field with its focus look, the focus went there by something else — the person clicked that
/// field, which the analysis read as a Tab as the date's focus went (wizard-full-booking's Tab at
/// 18.7 s and wizard-booking-keys-vp9's at 16.9 s: both persons clicked Nights). The Tab rule
/// that compares focus rings (`tabUnseen`) needs the focus to move live, so it never judged these,
/// and the date's own look says nothing (the Tab to its picker part draws no ring on it either).
/// Each other visible text field's look with the focus (given for a moment) and as it is after
/// the Tab is compared with the video's frame after the step, by the Tab's margin (`tabRefuted`):
/// a field the video clearly shows focused refutes the Tab, which is dropped (the focus given back
/// to the field it was in; the next step moves it as the person did). A Tab the video shows no
/// other field focused after (a person stepping through the date's parts) is kept, pressed again
/// after the looks were taken.
extension Run {
    /// The most other fields whose focus look is tried.
    static let tabInsideFieldCandidates = 8

    /// Whether Tab step `i`, just pressed live without moving the focus to another element, is
    /// refuted by the video's `frame` after it (see the type); when it is, the drop is noted.
    mutating func tabInsideFieldUnseen(_ i: Int, frame: Image) async throws -> Bool {
        guard let el = try await browser.execute("return document.activeElement;", []).element else { return false }
        let others = try await browser.execute("""
            var a = document.activeElement, out = [];
            var skip = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'range', 'color', 'hidden'];
            var all = document.querySelectorAll('input, textarea');
            for (var k = 0; k < all.length && out.length < arguments[0]; k++) {
              var e = all[k];
              if (e === a || e.disabled || skip.indexOf((e.getAttribute('type') || 'text').toLowerCase()) >= 0) continue;
              var r = e.getBoundingClientRect();
              if (r.width < 4 || r.height < 4 || r.bottom < 0 || r.top > innerHeight) continue;
              if (e.checkVisibility && !e.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
              out.push([e, r.left, r.top, r.width, r.height]);
            }
            return out;
            """, [.number(Double(Self.tabInsideFieldCandidates))]).array ?? []
        guard !others.isEmpty else { return false }
        let afterTab = try decodePNG(try await browser.screenshot())
        var shown: (without: Double, with: Double)?
        for o in others {
            guard let a = o.array, a.count == 5, let f = a[0].element, let x = a[1].double, let y = a[2].double,
                  let w = a[3].double, let h = a[4].double else { continue }
            let state = try await page.state()
            _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: f)])
            _ = try await settle(from: state)
            let focusedShot = try decodePNG(try await browser.screenshot())
            guard let with = ringDistanceAtVideoScale((x: x, y: y, width: w, height: h), shot: focusedShot, frame),
                  let without = ringDistanceAtVideoScale((x: x, y: y, width: w, height: h), shot: afterTab, frame) else { continue }
            // (Refuted when the look without the focus is clearly farther from the video's than with it.)
            if Self.tabRefuted(without: with, with: without) { shown = (without, with); break }
        }
        // The focus given back to the field the Tab left it in.
        let state = try await page.state()
        _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: el)])
        _ = try await settle(from: state)
        guard let shown else {
            debug("live: step \(i + 1) Tab kept the focus in its field, and the video shows none of \(others.count) other field(s) focused after it: kept")
            let again = try await page.state()
            try await browser.keys([.tab])
            _ = try await settle(from: again)
            return false
        }
        debug("live: step \(i + 1) Tab kept the focus in its field live; the video shows another field focused after it (\(Self.f2(shown.with)) with the focus, \(Self.f2(shown.without)) without)")
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press Tab) dropped: live the Tab keeps the focus in its field, and the video shows another text field focused after it (its look \(Self.f2(shown.with)) from the video's with the focus, \(Self.f2(shown.without)) without)"))
        return true
    }
}
