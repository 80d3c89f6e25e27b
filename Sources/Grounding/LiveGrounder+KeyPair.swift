import Browser
import Foundation
import ScreenCore

/// Keys pressed while the pointer rests on a control clicked just before. A person who clicks a
/// radio, moves the choice on with ArrowRight, then Tabs to a slider and presses ArrowLeft on it
/// leaves the pointer where the first click put it; the analysis reads each change there as one
/// more step at that point (settings-name-theme-keys-60fps: a second click on Light at 10.17 s, a
/// `select` of "Ligat" from 10.63 to 11.23 s over the Tab and the first ArrowLeft, a third click
/// on Light at 11.90 s for the second ArrowLeft). `keyInsteadOfClick` already tried one key per
/// such step; two things were missing:
/// - a step that is a Tab **and** an arrow on the control the Tab reached: Tab alone brings the
///   changed area nearer the video (the focus ring moves to the slider) without bringing it in
///   line (the slider's thumb has not moved). When Tab alone gains at least `tabLeadGain`, Tab
///   followed by each arrow is tried, each pair undone when it does not bring the area in line;
///   the first that does becomes two `press` steps (Tab at the step's start, the arrow at its end);
/// - after a step the live stage performed as keys, the next step at the same point is judged by
///   keys first too (`Run.keyedStep`): the pointer did not move with the keys, whatever kind the
///   analysis read for the step before (here a `select`), so the third "click" on Light became a
///   check of the radio and moved the theme back.
extension Run {
    /// Tab alone must raise the changed area's similarity by at least this much (short of
    /// `keyGain`) for an arrow after it to be tried.
    static let tabLeadGain = 0.03

    /// Whether Tab's gain on the changed area (`gain`, its similarity after minus before) says it
    /// moved the focus where the change is without making it: nearer, not in line.
    static func tabMayLeadAnArrow(gain: Double) -> Bool {
        gain >= tabLeadGain && gain < keyGain
    }

    /// When the arrow of a Tab + arrow pair is dated: the step's end when the reading spans the
    /// two presses, else a little after its start.
    static func arrowTime(after a: Action) -> Double {
        a.endTime - a.time >= 0.3 ? max(a.time + 0.1, a.endTime - 0.06) : a.time + 0.1
    }

    /// Tab, then each arrow on what it focused: the first pair that brings the area that changed
    /// across step `i` (`region`, compared with the video's frame `after`, `s0` before) in line is
    /// kept — the Tab appended to `out`, the arrow returned as the step's `press`. Each arrow that
    /// does not is undone by the opposite one, and the Tab by Shift+Tab; nil when none does.
    mutating func tabThenArrow(_ i: Int, _ a: Action, region: (x: Double, y: Double, width: Double, height: Double),
                               after: Image, s0: Double) async throws -> Action? {
        let arrows: [(key: Key, name: String, undo: Key)] = [
            (.arrowRight, "ArrowRight", .arrowLeft), (.arrowLeft, "ArrowLeft", .arrowRight),
            (.arrowDown, "ArrowDown", .arrowUp), (.arrowUp, "ArrowUp", .arrowDown),
        ]
        let start = try await page.state()
        try await browser.keys([.tab])
        _ = try await settle(from: start)
        for k in arrows {
            let before = try await page.state()
            try await browser.keys([k.key])
            _ = try await settle(from: before)
            let s1 = try await fieldSimilarity(region, after) ?? 0
            debug("live: step \(i + 1), Tab then \(k.name) → \(Self.f2(s1))")
            if s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike {
                var tab = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text("Tab"), confidence: a.confidence)
                tab.grounding = Grounding(status: .corrected)
                tab.grounding?.corrections = ["click → press Tab + \(k.name): the pointer did not move since the previous step; Tab alone brings the area that changed in the video nearer, and \(k.name) on what it focused brings it in line (\(Self.f2(s0)) → \(Self.f2(s1)))"]
                out.append(tab); counts.corrected += 1
                let t = Self.arrowTime(after: a)
                var press = Action(kind: .press, time: t, endTime: t + 0.06, value: .text(k.name), confidence: a.confidence)
                press.grounding = Grounding(status: .corrected)
                press.grounding?.corrections = ["click → press Tab + \(k.name): \(k.name) on the control the Tab focused (\(Self.f2(s0)) → \(Self.f2(s1)))"]
                let (similarity, png) = try await compareKeeping(i)
                if options.keepScreenshots, let png { shots[out.count] = png }
                press.grounding?.similarity = similarity.map { ($0 * 1000).rounded() / 1000 }
                return press
            }
            try await browser.keys([k.undo])
            _ = try await settle(from: before)
        }
        let back = try await page.state()
        try await browser.keys([Key.parse("Shift+Tab") ?? .tab])
        _ = try await settle(from: back)
        return nil
    }
}
