import Browser
import Foundation
import ScreenCore

/// A number field stepped with the arrow keys, read as typed. A person who Tabs into a number
/// field (the browser selects its value) and presses ArrowUp or ArrowDown leaves the field showing
/// the new number with nothing selected — exactly what typing the number over the selection
/// shows — so the analysis (and the fields' reconcile) reads a `fill` of the final number
/// (wizard-booking-keys-vp9's Guests 2 → 3 by ArrowUp ×2 and ArrowDown, read as `fill 'Guests' =
/// '3'`; wizard-fix-nights-60fps's Guests 2 → 1 by one ArrowDown, inserted as `fill 'Guests' =
/// '1'`; wizard-full-booking's Guests 2 → 3 by one ArrowUp). The final state is the same, the
/// steps are not. Two things tell the keys apart:
/// - the video's field shows a number on the way that typing the final one never shows, each
///   move a whole number of the field's steps (a few at most): "4" between "2" and "3" is two
///   ArrowUps and an ArrowDown — typing "3" shows "3" only (a longer number typed shows its
///   first digits, far from the old value in steps: "1" on the way from 2 to 12 is a move of 11
///   steps, refused);
/// - with nothing seen on the way, a change of exactly one step in a field the focus reached by
///   a Tab (the keyboard's user's own way): a person who typed a number clicked the field first,
///   a person who Tabbed in steps it. A change of more than one step with nothing seen between is
///   left typed.
/// A number seen on the way that is the final number's first digits ("1" on the way from 7 to
/// 10) is typing, digit by digit, even where the field's steps could reach it (a step of 3 goes
/// 7, 4, 1, then 10). What no frame tells apart: a one-digit neighbour typed over the value the
/// Tab selected looks, frame by frame, as the arrow leaves it (the new digit, nothing selected;
/// checked in session 25), so that case is read as the arrow (SteppedNumberTests pins it).
/// The field must hold the focus before the step (the keys go to the focused element in the
/// scripts too). The keys are verified live: the old value put back, the keys pressed, and the
/// field must end on the value read; else the fill stays as it was.
extension Run {
    /// The most steps one move between two readings may take (a person's run of presses between
    /// two sampled frames), and in all.
    static let steppedMoveMax = 3
    static let steppedTotalMax = 6

    /// The arrow presses (up or down, each with its time) that take a number field from `prior` to
    /// `final` through the values read in the video (`readings`, in time order) in moves of whole
    /// `step`s, between `start` (the step's time) and `end` (its end); nil when the readings do not
    /// show keys (see the type): a move that is not a whole number of steps or takes more than
    /// `steppedMoveMax`, more than `steppedTotalMax` in all, or nothing seen on the way unless the
    /// change is one step and the focus came by a Tab (`keyboardFocus`).
    static func steppedKeys(prior: Int, final: Int, readings: [(time: Double, value: Int)], step: Int,
                            start: Double, end: Double, keyboardFocus: Bool) -> [(up: Bool, time: Double)]? {
        guard step > 0, prior != final else { return nil }
        var points: [(time: Double, value: Int)] = [(start, prior)]
        for r in readings.sorted(by: { $0.time < $1.time }) where r.value != points.last!.value {
            points.append((max(r.time, points.last!.time), r.value))
        }
        if points.last!.value != final { points.append((max(end, points.last!.time), final)) }
        // Typed digit by digit: the final number's first digits seen on the way.
        let digits = String(final)
        if points.dropFirst().dropLast().contains(where: { p in let s = String(p.value); return s.count < digits.count && digits.hasPrefix(s) }) { return nil }
        var keys: [(up: Bool, time: Double)] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let diff = b.value - a.value
            guard diff % step == 0 else { return nil }
            let n = abs(diff) / step
            guard n >= 1, n <= steppedMoveMax else { return nil }
            // The presses of one move fall between the moment it starts and the first reading of its end.
            for k in 0..<n { keys.append((diff > 0, a.time + Double(k) * (b.time - a.time) / Double(n))) }
        }
        guard keys.count <= steppedTotalMax else { return nil }
        // Seen on the way: a value besides the old and the final one.
        let seenOnTheWay = points.count > 2
        guard seenOnTheWay || keys.count == 1 && keyboardFocus else { return nil }
        return keys
    }

    /// The number a reading of a number field starts with, the rest of it the caret or the
    /// pointer read as marks ("4 I =", "3| ze", "4 *" → 4, 3, 4); nil when the reading does not start
    /// with digits or has more digits after them ("3 1" may be "31").
    static func leadingNumber(_ reading: String) -> Int? {
        let t = reading.trimmingCharacters(in: .whitespaces)
        let digits = t.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        let rest = t.dropFirst(digits.count)
        guard !rest.contains(where: { $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Whether `a` is a Tab (or Shift+Tab) press: the focus moved by the keyboard.
    static func isTabPress(_ a: Action?) -> Bool {
        guard let a, a.kind == .press, let k = a.value?.text else { return false }
        return ["tab", "shift+tab"].contains(norm(k))
    }

    /// The arrow presses that replace `fill` (already performed live on the number field `el`,
    /// whose value was `prior` before it), when the video's readings show keys (`steppedKeys`) and
    /// the keys, pressed live from `prior` with the field focused, end on the fill's value; nil
    /// (the live field left holding the fill's value) otherwise. `focusedBefore`: the field held the
    /// focus before the step; `box`: the field's box (CSS pixels).
    mutating func steppedNumberKeys(_ fill: Action, _ el: ElementHandle, prior: String, focusedBefore: Bool,
                                    box: (x: Double, y: Double, width: Double, height: Double)?) async throws -> [Action]? {
        guard fill.kind == .fill, !fill.secret, focusedBefore, let box,
              let v = fill.value?.text, let final = Int(v), let old = Int(prior.trimmingCharacters(in: .whitespaces)), final != old else { return nil }
        let info = try await browser.execute("var e = arguments[0]; return [(e.type || '').toLowerCase(), e.step || ''].join('|');",
                                             [JSONValue(element: el)]).string ?? ""
        let parts = info.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == "number" else { return nil }
        let step = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        // The field read at the full-size frames inside the step (and just after it).
        var readings: [(time: Double, value: Int)] = []
        for f in frames.fields where f.time > fill.time - 0.3 && f.time <= fill.endTime + 0.3 {
            guard let text = try await rereadField(box, times: [f.time]).first?.text, let n = Self.leadingNumber(text) else { continue }
            readings.append((f.time, n))
        }
        let keyboard = Self.isTabPress(out.last)
        guard let keys = Self.steppedKeys(prior: old, final: final, readings: readings, step: max(1, step),
                                          start: fill.time, end: fill.endTime, keyboardFocus: keyboard) else { return nil }
        debug("live: the number field's fill \"\(v)\" from \"\(prior)\": readings \(readings.map { "\(Self.f2($0.time))=\($0.value)" }.joined(separator: " ")), tried as \(keys.map { $0.up ? "ArrowUp" : "ArrowDown" }.joined(separator: " "))")
        // Verified live: from the old value, the keys must end on the value read.
        let state0 = try await page.state()
        try await type(prior, el)
        try await browser.keys(keys.map { $0.up ? Key.arrowUp : Key.arrowDown })
        _ = try await settle(from: state0)
        let held = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string ?? ""
        guard held == v else {
            try await type(v, el)
            _ = try await settle(from: state0)
            debug("live: the keys end on \"\(held)\", not \"\(v)\": the fill stays")
            return nil
        }
        let seen = readings.map(\.value).filter { $0 != old && $0 != final }
        let why = !seen.isEmpty
            ? "the video's field shows \(seen.map(String.init).joined(separator: ", ")) on the way from \(old) to \(final), which typing \(final) never shows"
            : "the number changed by one step in the field the Tab before it focused, nothing typed on the way"
        return keys.enumerated().map { k, key in
            let name = key.up ? "ArrowUp" : "ArrowDown"
            var press = Action(kind: .press, time: key.time, endTime: key.time + 0.06, value: .text(name), confidence: fill.confidence)
            press.grounding = Grounding(status: .corrected)
            press.grounding?.corrections = ["fill \"\(v)\" → \(keys.count > 1 ? "press \(k + 1) of \(keys.count), " : "press ")\(name): \(why)"]
            press.grounding?.similarity = fill.grounding?.similarity
            return press
        }
    }
}
