import Foundation

/// A browser picker left open holds the keyboard: Chromium's date picker, opened by a key the
/// live run pressed in a date field (wizard-validation-firefox: a value search typed into the
/// Check-in date, Tab and Shift+Tab, then an Enter read for the Guests typing), stays open when a
/// script moves the focus to another field with `focus()`, and every key typed then goes to the
/// picker: Guests kept its "9" while "4" was typed, so the value compare judged "9" against the
/// video twice and the "4" was never kept. A person types into a field after clicking it, which
/// closes any picker; the live run closes them the same way before it types (`type`): every
/// input whose picker is shown (`:open`) is blurred, and the field focused again.
extension Run {
    /// JavaScript statements (the start of an `execute` body) that blur every input whose picker
    /// is open; nothing where the browser does not know `:open`.
    static let closeOpenPickers = "try { document.querySelectorAll('input:open').forEach(function (e) { e.blur(); }); } catch (e) {} "
}
