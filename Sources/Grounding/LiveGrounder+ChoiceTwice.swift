import Browser
import Foundation
import ScreenCore

/// A choice whose "popup" its own item opened: two presses on one control. The reader takes a
/// span from a popup's opening to its closing for a `select`, its point where the span starts
/// (the opener) and its value the item chosen at the end. When the control at that point is
/// named exactly as the item chosen (wizard-validation-firefox: a `select` of "Next" on the Next
/// button, 2.33–11.83 s), nothing opened in between but what the first press showed (the form's
/// inline validation messages, a refused Next), and the choice is a second press on the same
/// control. `dateAtChoice` dated the one click at the span's end, so the first press, and the
/// typing between the two — never walked as a gap — were lost. Now the click stays where the
/// span starts (its gap, from 0.8 s after it, is walked as any click's), and the second press
/// is performed and inserted at the span's end, after the gap's steps and fields.
extension Run {
    /// The least span (seconds) of a choice read as two presses: shorter ones are one press read
    /// from its opening to its release.
    static let twicePressSpan = 1.0

    /// Whether the step `read` (as the analysis gave it), grounded as the click `a`, was two
    /// presses on one control: a `select` whose read target and live element are both named
    /// exactly as its value, over at least `twicePressSpan`.
    static func pressedTwice(read: Action, grounded a: Action) -> Bool {
        guard read.kind == .select, a.kind == .click, let v = read.value?.text.map(norm), !v.isEmpty,
              norm(read.target?.name ?? "") == v, norm(a.target?.name ?? "") == v else { return false }
        return read.endTime - read.time >= twicePressSpan
    }

    /// The second press of `first` (the click at the span's start): dated where `dateAtChoice`
    /// dates a choice, a moment before the span's end.
    static func secondPress(of first: Action, read: Action) -> Action {
        var b = first
        b.time = read.endTime - 0.1
        b.endTime = read.endTime
        b.grounding?.status = .corrected
        b.grounding?.corrections = ["inserted: the choice of \"\(read.value?.text ?? "")\" read off a popup its own control opened (\(f2(read.time))–\(f2(read.endTime)) s) is a second press on that control"]
        return b
    }

    /// Performs the pending second press (`pendingSecondPress`), where its control is now (found
    /// by its verified locator, else at its point), and appends it; dropped when the control is
    /// not there any more.
    mutating func pressAgain() async throws {
        guard let b = pendingSecondPress else { return }
        pendingSecondPress = nil
        var at: (x: Double, y: Double)?
        if let loc = b.grounding?.locator, let r = try? await page.call("resolve", [Self.locatorJSON(loc)]), let e = ElementHandle(json: r),
           let now = try await toggleNow(e), now.box.width > 0 {
            at = (now.box.x + now.box.width / 2, now.box.y + now.box.height / 2)
        } else if let p = b.target?.point, let t = try await page.identify(x: p.x, y: p.y), t.actionable,
                  Self.norm(t.name ?? "") == Self.norm(b.target?.name ?? "") {
            at = (p.x, p.y)
        }
        guard let at else {
            debug("live: the second press on \"\(b.target?.name ?? "")\" at \(Self.f2(b.time)) s: its control is gone, not inserted")
            return
        }
        let state0 = try await page.state()
        try await browser.pointerClick(at: at, count: 1)
        _ = try await settle(from: state0)
        var pressed = b
        pressed.target?.point = Point(x: at.x, y: at.y)
        debug("live: the second press on \"\(b.target?.name ?? "")\" inserted at \(Self.f2(b.time)) s")
        out.append(pressed); counts.corrected += 1
    }

    /// A timeline locator as the page script's candidate JSON (`resolve`).
    static func locatorJSON(_ l: LiveLocator) -> JSONValue {
        var o: [String: JSONValue] = ["kind": .string(l.kind.rawValue), "value": .string(l.value), "exact": .bool(l.exact)]
        if let n = l.name { o["name"] = .string(n) }
        if let s = l.scope { o["scope"] = .object(["css": .string(s.css), "hasText": .string(s.hasText)]) }
        if let n = l.nth { o["nth"] = .number(Double(n)) }
        return .object(o)
    }
}
