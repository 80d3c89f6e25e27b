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
/// the field's own placeholder reads as no date. Typed, the date's focus is left on its last part
/// (the year, drawn selected), where a person's typing leaves it — as the value compare renders a
/// date (LiveValues.swift) — and where the video's field shows it until the focus moves on.
extension Run {
    /// Types `value` into the reconciled field `f` (`type`); a date's focus then goes to its last
    /// part, as after typing it.
    func typeIntoField(_ value: String, _ f: LiveField) async throws {
        try await type(value, f.element)
        if f.type == "date", !value.isEmpty { try await browser.keys([.arrowRight, .arrowRight]) }
    }

    /// The value to type into a date field whose video reading is `text`: the ISO date it reads as
    /// (`segmentedValue`), nil when it is none or the date the field holds already (`current`).
    static func dateFieldReading(_ text: String, current: String) -> String? {
        guard let iso = segmentedValue(readingKey(text), type: "date"), iso != current else { return nil }
        return iso
    }
}
