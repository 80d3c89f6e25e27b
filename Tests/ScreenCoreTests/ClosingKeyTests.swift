import XCTest
@testable import ScreenCore

/// The key that closed a field typed into, from what shows in its place once it closed (the
/// judgement both the offline analysis and the live stage's inline-edit check use).
final class ClosingKeyTests: XCTestCase {
    /// The typed value shows where the editor was: the edit was kept (Enter) — also when the
    /// value was read with a slip under the pointer.
    func testTheTypedValueShownIsEnter() {
        XCTAssertEqual(ClosingKey.key(typed: "bram@quillstone.io", shown: "bram@quillstone.io",
                                      old: ["bram.devries@quillstone.io"]), "Enter")
        XCTAssertEqual(ClosingKey.key(typed: "Tove Aalto-Berg", shown: "Tove Aalto-Berg", old: ["Tove Aalto"]), "Enter")
        XCTAssertEqual(ClosingKey.key(typed: "Tow Aiflto-Berg", shown: "Tove Aalto-Berg", old: []), "Enter")
        XCTAssertEqual(ClosingKey.key(typed: "Tablet layout", shown: "Tablet layout", old: ["+ Add card"]), "Enter")
        // A value typed back unchanged: the old text and the value are one, and it was kept.
        XCTAssertEqual(ClosingKey.key(typed: "Release notes", shown: "Release notes", old: ["Release notes"]), "Enter")
        XCTAssertEqual(ClosingKey.judge(typed: "Tablet layout", shown: "Tablet layoul", old: ["+ Add card"]), .typedValue)
    }

    /// The old text back (accents and case aside), the button that opened a composer, or any
    /// text that is plainly not the value: the edit was cancelled (Escape).
    func testTheOldTextOrAnythingButTheValueIsEscape() {
        XCTAssertEqual(ClosingKey.key(typed: "Chloe Nf", shown: "Chloé Martin", old: ["Chloé Martin"]), "Escape")
        XCTAssertEqual(ClosingKey.key(typed: "Chloe M", shown: "chloe martin", old: []), "Escape")
        XCTAssertEqual(ClosingKey.key(typed: "Later", shown: "+ Add card", old: []), "Escape")
        XCTAssertEqual(ClosingKey.key(typed: "Spike", shown: "+ Add card", old: ["+ Add card"]), "Escape")
        // Nothing read for the value: only the old text coming back says Escape.
        XCTAssertEqual(ClosingKey.key(typed: nil, shown: "Release notes", old: ["Release notes"]), "Escape")
        // The old text itself, against a reading that is only plainly not the value.
        XCTAssertEqual(ClosingKey.judge(typed: "Spike", shown: "+ Add card", old: ["+ Add card"]), .oldText)
        XCTAssertEqual(ClosingKey.judge(typed: "Chloe M", shown: "Chloé Martin", old: ["Chloé Martin"]), .oldText)
        XCTAssertEqual(ClosingKey.judge(typed: "Later", shown: "+ Add card", old: []), .notTheValue)
        XCTAssertEqual(ClosingKey.judge(typed: "Tablet layout", shown: "Tablet layout + Add card", old: []), .notTheValue)
    }

    /// Too little shown to tell, or a reading between the two: no key.
    func testNoKeyWhenTheReadingCannotTell() {
        XCTAssertNil(ClosingKey.key(typed: "Later", shown: nil, old: []))
        XCTAssertNil(ClosingKey.key(typed: "Later", shown: "+ ", old: []))
        XCTAssertNil(ClosingKey.key(typed: nil, shown: "Something else", old: ["Release notes"]))
        XCTAssertNil(ClosingKey.key(typed: nil, shown: "Release notes", old: []))
        // Half the value read: neither the value nor gone.
        XCTAssertNil(ClosingKey.key(typed: "Offline mode banner", shown: "Offline moxx xxxxxx", old: []))
    }

    func testComparableFoldsCaseAccentsAndPunctuation() {
        XCTAssertEqual(ClosingKey.comparable("Chloé  Martin!"), "chloemartin")
        XCTAssertEqual(ClosingKey.comparable("+ Add card"), "addcard")
    }
}
