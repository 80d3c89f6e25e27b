import Browser
import Foundation

/// Dates the analysis missed. A date typed into a `type=date` field between two steps
/// (wizard-fix-nights-60fps: the check-in date typed at 16.9–18.0 s, before the Nights field was
/// clicked) left no step, and the fields' reconcile passed date fields by, so the live page went on
/// with the date empty: the refused Next after it then showed two inline errors where the video
/// shows one, the form below moved, and every later compare of the step's fields and buttons was
/// made against a page laid out otherwise. A date field is drawn by the browser from its value (the
/// same drawing live as in a recording of the same browser), so it is compared by ink as a text
/// field is; its reading in the video is typed only when it is a whole date — month, day and year
/// read (a year is never guessed) — and then in the field's own syntax ("10/05/2027" →
/// `2027-10-05`, `LiveGrounder+DateField.swift`). A date half typed (its year still "yyyy") or
/// the field's own placeholder reads as no date. Typed, a date's focus is on its last part (the
/// year, drawn selected), where a person's typing leaves it — as the value compare renders a date
/// (LiveValues.swift) — until the focus moves on: the video's field shows one look or the other, so
/// each value is rendered both ways (`typedLooks`), and the better counts.
extension Run {
    /// The looks a typed value of a field of `type` is rendered in, by whether the field is then
    /// left (blurred): a date as typed (its year selected) and as left; any other field as typed.
    static func typedLooks(_ type: String) -> [Bool] {
        type == "date" ? [false, true] : [false]
    }

    /// Types `value` into the reconciled field `f` (`type`); a date's focus then goes to its last
    /// part, as after typing it — or, `left`, off the field, as when the person moved on.
    func typeIntoField(_ value: String, _ f: LiveField, left: Bool = false) async throws {
        try await type(value, f.element)
        guard f.type == "date", !value.isEmpty else { return }
        if left {
            _ = try await browser.execute("arguments[0].blur(); return true;", [JSONValue(element: f.element)])
        } else {
            try await browser.keys([.arrowRight, .arrowRight])
        }
    }

    /// Whether a key read next in a number field leaves its value as it is (Enter, Tab, Escape —
    /// not an arrow, which steps it): the field is then reconciled before the key like any other.
    /// A field holding text is otherwise left to the key after it (typed back, a search field
    /// would lose the highlight its keys move), but a number the person stepped with an arrow
    /// the analysis missed (wizard-fix-nights-60fps's Guests 2 → 1 at 25.74 s, read as nothing
    /// before an Enter read on Guests at 27.63 s) was then never compared at all.
    static func keyKeepsNumber(_ key: String?) -> Bool {
        guard let k = key.map(norm) else { return false }
        return ["enter", "tab", "shift+tab", "escape"].contains(k)
    }

    /// The dates a date field's reading without a year (`text`: month and day read, the year
    /// not — drawn selected, as a person's typing leaves it) may be: that month and day in the
    /// years from one before `year` to three after, as the value compare renders a date
    /// (LiveValues.swift), without the field's own value (`current`). Each is rendered and only
    /// one that renders as the video's field is typed, so no year is taken on trust. Empty when
    /// the reading is a whole date (`dateFieldReading` types it) or no month and day.
    static func yearlessDateCandidates(_ text: String, current: String, year: Int) -> [String] {
        let key = readingKey(text)
        guard segmentedValue(key, type: "date") == nil else { return [] }
        return ValueCompare.dateValues(key, years: Array((year - 1)...(year + 3))).filter { $0 != current }
    }

    /// The value to type into a date field whose video reading is `text`: the ISO date it reads as
    /// (`segmentedValue`), nil when it is none or the date the field holds already (`current`).
    static func dateFieldReading(_ text: String, current: String) -> String? {
        guard let iso = segmentedValue(readingKey(text), type: "date"), iso != current else { return nil }
        return iso
    }
}
