import Browser
import Foundation
import ScreenCore

/// A click on the text field that already holds the focus live, which changes nothing live, where
/// the video shows that field without its focus look after it. After a date is typed and the
/// person clicks the next field, the analysis reads a "Tab" as the focus leaves the date and a
/// "click" on the date where the pointer rested while it typed (wizard-full-booking 19.3 s,
/// wizard-booking-keys-vp9 17.5 s). Live, a date's parts keep the focus through a Tab, so the
/// click lands on the focused field and does nothing: the rule for a click that only moves the
/// focus (LiveGrounder+FocusOnly.swift) never judges it, since the focus does not move. Such a
/// click does one thing a person sees: the field keeps (or takes) its focus look. When the video's
/// frame after the step shows the field clearly unlike its focused look and like its look without
/// the focus (`ringDistanceAtVideoScale`, the Tab's margin: `tabRefuted`), the person did not click
/// it: the step is dropped. The focus stays where it was live (the step changed nothing there).
/// Not judged: a click on the field the next step types into or chooses from (that step absorbs
/// it), and a click that changed anything live (the page's state digest, the field's value).
extension Run {
    /// Whether click step `i` on the text field `t` lands on the field that holds the focus
    /// already (and the next step does not act on it): the click is then judged after it is
    /// performed (`focusedClickUnseen`).
    func clickOnFocusedField(_ i: Int, _ a: Action, _ t: Identified) async throws -> Bool {
        guard a.kind == .click, t.isTextField, let el = t.element,
              frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) != nil else { return false }
        if i + 1 < timeline.actions.count, Self.nextStepActsOn(t, timeline.actions[i + 1]) { return false }
        return try await browser.execute("return document.activeElement === arguments[0];", [JSONValue(element: el)]).bool == true
    }

    /// Whether click step `i` on the focused text field `t`, just performed live (`before`,
    /// `after`), changed nothing and the video refutes it (see the type). When it does, the drop
    /// is noted; the field keeps the focus.
    mutating func focusedClickUnseen(_ i: Int, _ a: Action, _ t: Identified, before: PageState, after: PageState) async throws -> Bool {
        guard a.kind == .click, !after.differs(from: before), after.url == before.url, let el = t.element,
              let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) else { return false }
        if let old = t.value, let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string, now != old { return false }
        guard try await browser.execute("return document.activeElement === arguments[0];", [JSONValue(element: el)]).bool == true,
              let box = try await focusedBox() else { return false }
        let focusedShot = try decodePNG(try await browser.screenshot())
        let state0 = try await page.state()
        // The field's look without the focus: blurred for a moment, the focus then given back.
        _ = try await browser.execute("arguments[0].blur(); return true;", [JSONValue(element: el)])
        _ = try await settle(from: state0)
        let blurredShot = try decodePNG(try await browser.screenshot())
        let state1 = try await page.state()
        _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: el)])
        _ = try await settle(from: state1)
        guard let with = ringDistanceAtVideoScale(box, shot: focusedShot, frame),
              let without = ringDistanceAtVideoScale(box, shot: blurredShot, frame) else { return false }
        debug("live: step \(i + 1) click on the focused text field: its look is \(Self.f2(without)) from the video's frame after it without the focus, \(Self.f2(with)) with it")
        guard Self.tabRefuted(without: without, with: with) else { return false }
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: at its point is the text field that has the focus already, the click changes nothing live, and the video shows the field without its focus look after it (\(Self.f2(without)) without the focus, \(Self.f2(with)) with it)"))
        return true
    }
}
