import Browser
import Foundation
import ScreenCore

/// Date, time, month and week inputs: their parts (segments) take keys one at a time, and which
/// part has the focus decides what a key does. Select-all and Backspace clear only the focused
/// part, so a second value typed over a first one lands in the year (wizard-validation-firefox's
/// "09/01/2027" typed again became "0901-09-01"). Such a field is filled the way the generated
/// scripts fill it (Playwright's `fill`, the Selenium script's `set_value`): its value set in the
/// input's own syntax, with `input` and `change` events.
extension Run {
    /// Input types whose value is typed part by part.
    static let segmentedTypes: Set<String> = ["date", "time", "datetime-local", "month", "week"]

    /// `text` (as the video shows it, "09/01/2027", or in the input's syntax already) in the value
    /// syntax of an input of `type`; nil when it does not read as one (then it is typed as keys).
    static func segmentedValue(_ text: String, type: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case "date":
            // Only a reading with its year: a guessed year would be a hard-coded answer.
            return ValueCompare.dateValues(t, years: []).first
        case "time":
            return timeValue(t)
        default:
            return nil
        }
    }

    /// "14:30", "2:30 PM", "02:30:15 pm" → "14:30" / "14:30:15"; nil when it is no time.
    static func timeValue(_ text: String) -> String? {
        let lower = text.lowercased()
        let pm = lower.contains("pm"), am = lower.contains("am")
        let groups = lower.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard (2...3).contains(groups.count), groups.allSatisfy({ (1...2).contains($0.count) }),
              var h = Int(groups[0]), let m = Int(groups[1]), (0...59).contains(m) else { return nil }
        if pm || am {
            guard (1...12).contains(h) else { return nil }
            h = h % 12 + (pm ? 12 : 0)
        }
        guard (0...23).contains(h) else { return nil }
        var out = String(format: "%02d:%02d", h, m)
        if groups.count == 3, let s = Int(groups[2]), (0...59).contains(s) { out += String(format: ":%02d", s) }
        return out
    }

    /// Fills segmented input `el` (of `type`, focused) with `text`: set in its own syntax when it
    /// reads as one; else the field is emptied and focused again (the focus back on its first
    /// part) and `text` typed as keys, as a person types it into a fresh field.
    func fillSegmented(_ text: String, type: String, _ el: ElementHandle) async throws {
        if let value = text.isEmpty ? "" : Self.segmentedValue(text, type: type) {
            let held = try await browser.execute("""
                var el = arguments[0];
                el.focus();
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, arguments[1]);
                el.dispatchEvent(new Event('input', {bubbles: true}));
                el.dispatchEvent(new Event('change', {bubbles: true}));
                return el.value;
                """, [JSONValue(element: el), .string(value)]).string ?? ""
            if held == value { return }
        }
        _ = try await browser.execute("""
            var el = arguments[0];
            Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '');
            el.dispatchEvent(new Event('input', {bubbles: true}));
            el.blur(); el.focus();
            return true;
            """, [JSONValue(element: el)])
        try await browser.keys([.text(text)])
    }
}
