import Browser
import Foundation
import ScreenCore

/// A press folded into a choice made with the keyboard. A person who opens a `<select>`, moves to
/// an option with the arrow keys and takes it with Enter leaves no click on an option: the
/// analysis reads the list's popup as open until the next press and takes that press for the
/// pick (admin-search-edit-role-125: `select 'ROLE' = 'Save user'` from 18.0 to 21.07 s, the
/// dialog's Save user click at 21.0 s). Its value then names the button pressed, not an option,
/// while the list the video shows after the choice (the step's read `target.text`) shows the
/// option chosen. Live: the option the list shows is picked, and when the value names a button
/// shown near the list (in its form or dialog), that button is pressed after the choice, dated at
/// the choice's end — the step the analysis folded in. Before, the step stayed offline (its
/// script's `select_option("Save user")` timed out) and the press was lost (the dialog closed
/// unsaved by a later click on its backdrop).
extension Run {
    /// How far (CSS pixels) from the list a button named by the choice's value may be.
    static let foldedPressReach = 400.0

    /// The live option a `select` step picks: the one like its value, else — when the value is
    /// like none of them — the one like the text the closed list showed after the choice
    /// (`shown`, read off the video). `fromShown` says the second way was taken.
    static func optionToPick(_ wanted: String, shown: String?, _ options: [String]) -> (option: String, fromShown: Bool)? {
        if let o = bestOption(wanted, options) { return (o, false) }
        guard let shown, !shown.isEmpty, norm(shown) != norm(wanted), let o = bestOption(shown, options) else { return nil }
        return (o, true)
    }

    /// The button among `buttons` (name and centre, nearest first) whose name is like `wanted`
    /// (exact, else the nearest by edit distance, as options are matched); nil when none is.
    static func foldedButton(_ wanted: String, _ buttons: [(name: String, point: Point)]) -> (name: String, point: Point)? {
        guard let name = bestOption(wanted, buttons.map(\.name)) else { return nil }
        return buttons.first { $0.name == name }
    }

    /// Performs the press folded into the choice just grounded (`foldedPress`), when the button is
    /// still there and answers to its name, and appends it as an inserted `click` dated at the
    /// choice's end.
    mutating func pressFoldedIntoChoice(_ i: Int) async throws {
        guard let f = foldedPress else { return }
        foldedPress = nil
        guard let t = try await page.identify(x: f.point.x, y: f.point.y), t.actionable, t.element != nil,
              Self.answers(t, to: [Self.norm(f.name)]) else {
            debug("live: step \(i + 1): the button \"\(f.name)\" folded into the choice is not at \(Int(f.point.x)),\(Int(f.point.y)) any more")
            return
        }
        let state0 = try await page.state()
        try await browser.pointerClick(at: (f.point.x, f.point.y), count: 1)
        let state1 = try await settle(from: state0)
        var click = Action(kind: .click, time: f.time, endTime: f.time + 0.1, target: Target(point: f.point), confidence: 0.5)
        _ = correctTarget(&click, t)
        click.target?.point = f.point
        if state1.url != state0.url { click.navigatesTo = state1.url }
        click.grounding?.status = .corrected
        click.grounding?.corrections = ["inserted: the choice's value \"\(f.value)\" is no option of the live list but names this button beside it: a press the analysis read as the choice"]
        let (similarity, png) = try await compareKeeping(i)
        click.grounding?.similarity = similarity.map { ($0 * 1000).rounded() / 1000 }
        if options.keepScreenshots, let png { shots[out.count] = png }
        debug("live: step \(i + 1): the press on \"\(t.name ?? f.name)\" folded into the choice inserted at \(Self.f2(f.time)) s")
        out.append(click); counts.corrected += 1
    }
}

/// A button press read as part of a choice (`Run.pressFoldedIntoChoice`): the button's name as
/// live, its centre (CSS pixels), when to date it, and the choice's value as read.
struct FoldedPress {
    var name: String
    var point: Point
    var time: Double
    var value: String
}
