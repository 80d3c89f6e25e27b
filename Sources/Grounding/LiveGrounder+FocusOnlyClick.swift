import Browser
import Foundation
import ScreenCore

/// A click read on a text field that, live, only moves the focus into it, while the video's field
/// after the step still looks unfocused: the field's own look says the press was not there
/// (wizard-full-booking's click read on the Check-in date at 19.3 s, while the person was selecting
/// the Nights value below it; wizard-keyboard-enter's click read on the Email label at 8.1 s, as the
/// pointer crossed it). The live field's box (grown by its focus ring) is compared with the video's
/// frame after the step, once as the live page showed it before the click and once after: when the
/// video is clearly nearer the unfocused look, the click is dropped and the focus given back. A
/// click the next step's fill of the same field takes in is left to it (a fill focuses its field).
extension Run {
    /// What a click on the text field `t` is judged by afterwards: the page and the element that
    /// had the focus before it. Nil for any other step.
    func focusLookBefore(_ a: Action, _ t: Identified) async throws -> (shot: Image, focused: JSONValue)? {
        guard a.kind == .click, t.isTextField, t.box != nil else { return nil }
        let focused = try await browser.execute(
            "var a = document.activeElement; return a && a !== document.body && a !== document.documentElement ? a : null;", [])
        return (try decodePNG(try await browser.screenshot()), focused)
    }

    /// Whether click step `i` on the text field `t`, which changed nothing live but the focus
    /// (`before`, `after`), is refuted by the field's look in the video after it; when it is, the
    /// focus goes back where it was.
    mutating func focusOnlyClickRefuted(_ i: Int, _ a: Action, _ t: Identified, look: (shot: Image, focused: JSONValue)?,
                                        before: PageState, after: PageState) async throws -> Bool {
        guard let look, let box = t.box, !after.differs(from: before), after.active != before.active else { return false }
        if i + 1 < timeline.actions.count, Self.fillsField(timeline.actions[i + 1], box, after: a.endTime) { return false }
        let duration = timeline.source?.duration ?? .infinity
        guard let f1 = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: duration)) else { return false }
        let now = try decodePNG(try await browser.screenshot())
        // The field's edges, where its focus ring is drawn (its text, the same in both looks, left out).
        var d0 = 0.0, d1 = 0.0
        for edge in Self.focusEdges(box) {
            guard let e0 = differences(edge, shot: look.shot, [f1])?.first, let e1 = differences(edge, shot: now, [f1])?.first else { return false }
            d0 += e0 / 2; d1 += e1 / 2
        }
        debug("live: step \(i + 1) focused the field \"\(t.name ?? "")\": the video after it is \(Self.f2(d0)) from its unfocused look, \(Self.f2(d1)) from its focused one")
        guard Self.focusRefuted(unfocused: d0, focused: d1) else { return false }
        if let el = look.focused.element {
            _ = try await browser.execute("arguments[0].focus(); return true;", [JSONValue(element: el)])
        } else {
            _ = try await browser.execute("if (document.activeElement) document.activeElement.blur(); return true;", [])
        }
        _ = try await settle(from: after)
        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: it only focuses the text field \"\(t.name ?? "")\" live, and the video's field after it looks unfocused (\(Self.f2(d0)) against \(Self.f2(d1)))"))
        return true
    }

    /// How far (CSS pixels) a field's focus ring reaches beyond its box.
    static let focusRing = 5.0

    /// The bands along a field's top and bottom edges (CSS pixels) that its focus ring changes:
    /// from `focusRing` outside the box to as far inside it.
    static func focusEdges(_ box: (x: Double, y: Double, width: Double, height: Double)) -> [(x: Double, y: Double, width: Double, height: Double)] {
        let r = focusRing
        return [(box.x - r, box.y - r, box.width + 2 * r, 2 * r), (box.x - r, box.y + box.height - r, box.width + 2 * r, 2 * r)]
    }

    /// Whether the video's field is clearly nearer the live unfocused look (mean luma difference
    /// `unfocused`) than the focused one (`focused`): by a luma level and a quarter of the two.
    static func focusRefuted(unfocused d0: Double, focused d1: Double) -> Bool {
        d1 - d0 >= 1 && (d1 - d0) / (d0 + d1 + 1) >= 0.25
    }
}
