import Browser
import Foundation
import ScreenCore

/// A click read on a text field that only moves the focus, where the video shows no focus move.
/// Clicking a field changes one thing a person sees: the focus look (the field's focus border or
/// ring) leaves the element that had it and appears on the clicked field. The analysis reads
/// "clicks" off a pointer passing over a field (wizard-keyboard-enter at 8.1 s, on its way to the
/// name field) or off a change near a field the pointer happens to be over (the first letters
/// typed into another, focused field: wizard-validation-firefox at 18.6 s; a select-all in the
/// field next to it: wizard-full-booking at 19.3 s). Live, such a click focuses a field the person
/// never clicked, and the following typing goes by its own locator anyway: the step is extra.
/// As for a Tab (`Run.tabUnseen`, the same measure and margin), the focus looks of the element
/// that had the focus and the clicked one are compared with the video's frame after the step,
/// with the click and without it; when they look clearly less like the video with it, the click
/// is refuted: the focus goes back where it was and the step is dropped. A click that changed
/// anything else live (the page's state digest, the field's value: a spin button pressed) is not
/// judged here.
extension Run {
    /// What the check needs from before a click on a text field: the element holding the focus
    /// (nil: the body), its box, and the page's look.
    struct ClickFocusProbe {
        var focused: ElementHandle?
        var box: (x: Double, y: Double, width: Double, height: Double)?
        var shot: Image
    }

    /// Taken just before click step `i` on the text field `t` is performed live; nil for other
    /// steps, a field that already holds the focus, or without a frame after the step.
    func clickFocusProbe(_ i: Int, _ a: Action, _ t: Identified) async throws -> ClickFocusProbe? {
        guard a.kind == .click, t.isTextField, let el = t.element,
              frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) != nil else { return nil }
        let v = try await browser.execute("""
            var a = document.activeElement;
            if (a === arguments[0]) return false;
            return a && a !== document.body && a !== document.documentElement ? a : null;
            """, [JSONValue(element: el)])
        if v.bool == false { return nil }
        return ClickFocusProbe(focused: ElementHandle(json: v), box: try await focusedBox(), shot: try decodePNG(try await browser.screenshot()))
    }

    /// Whether click step `i` on the text field `t`, just performed live (`before`, `after`), only
    /// moved the focus, and the video refutes that move (see the type). When it does, the focus is
    /// given back and the drop noted.
    mutating func clickFocusUnseen(_ i: Int, _ a: Action, _ t: Identified, probe: ClickFocusProbe,
                                   before: PageState, after: PageState) async throws -> Bool {
        guard a.kind == .click, !after.differs(from: before), after.url == before.url, let el = t.element,
              let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        // Only the focus may have changed: a value stepped by a spin button is the click's too.
        if let old = t.value, let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string, now != old { return false }
        guard after.active != before.active, let now = try await focusedBox() else { return false }
        let shot = try decodePNG(try await browser.screenshot())
        var d0 = 0.0, d1 = 0.0, n = 0
        for box in [probe.box, now].compactMap({ $0 }) {
            guard let x = ringDistance(box, shot: probe.shot, frame), let y = ringDistance(box, shot: shot, frame) else { continue }
            d0 += x; d1 += y; n += 1
        }
        guard n > 0 else { return false }
        debug("live: step \(i + 1) click on a text field: the focus looks are \(Self.f2(d0)) from the video's frame after it without the click, \(Self.f2(d1)) with it (\(n) elements)")
        guard Self.tabRefuted(without: d0, with: d1) else { return false }
        let undone = try await page.state()
        if let back = probe.focused {
            _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: back)])
        } else {
            _ = try await browser.execute("if (document.activeElement) document.activeElement.blur(); return true;", [])
        }
        _ = try await settle(from: undone)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: at its point is a text field the click only focuses, and the video shows no focus move there (the focus looks \(Self.f2(d0)) from it without the click, \(Self.f2(d1)) with it)"))
        return true
    }
}
