import XCTest
import ScreenCore
@testable import Perception

/// The key that closed a field typed into, from what shows in its place once it closed.
final class ClosingKeyTests: XCTestCase {
    /// The typed value shows where the editor was: the edit was kept (Enter) — also when the
    /// value was read with a slip under the pointer.
    func testTheTypedValueShownIsEnter() {
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "bram@quillstone.io", shown: "bram@quillstone.io",
                                                 old: ["bram.devries@quillstone.io"]), "Enter")
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Tove Aalto-Berg", shown: "Tove Aalto-Berg", old: ["Tove Aalto"]), "Enter")
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Tow Aiflto-Berg", shown: "Tove Aalto-Berg", old: []), "Enter")
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Tablet layout", shown: "Tablet layout", old: ["+ Add card"]), "Enter")
        // A value typed back unchanged: the old text and the value are one, and it was kept.
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Release notes", shown: "Release notes", old: ["Release notes"]), "Enter")
    }

    /// The old text back (accents and case aside), the button that opened a composer, or any
    /// text that is plainly not the value: the edit was cancelled (Escape).
    func testTheOldTextOrAnythingButTheValueIsEscape() {
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Chloe Nf", shown: "Chloé Martin", old: ["Chloé Martin"]), "Escape")
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Chloe M", shown: "chloe martin", old: []), "Escape")
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Later", shown: "+ Add card", old: []), "Escape")
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: "Spike", shown: "+ Add card", old: ["+ Add card"]), "Escape")
        // Nothing read for the value: only the old text coming back says Escape.
        XCTAssertEqual(SegmentAnalyst.closingKey(typed: nil, shown: "Release notes", old: ["Release notes"]), "Escape")
    }

    /// Too little shown to tell, or a reading between the two: no key.
    func testNoKeyWhenTheReadingCannotTell() {
        XCTAssertNil(SegmentAnalyst.closingKey(typed: "Later", shown: nil, old: []))
        XCTAssertNil(SegmentAnalyst.closingKey(typed: "Later", shown: "+ ", old: []))
        XCTAssertNil(SegmentAnalyst.closingKey(typed: nil, shown: "Something else", old: ["Release notes"]))
        XCTAssertNil(SegmentAnalyst.closingKey(typed: nil, shown: "Release notes", old: []))
        // Half the value read: neither the value nor gone.
        XCTAssertNil(SegmentAnalyst.closingKey(typed: "Offline mode banner", shown: "Offline moxx xxxxxx", old: []))
    }

    func testComparableFoldsCaseAccentsAndPunctuation() {
        XCTAssertEqual(SegmentAnalyst.comparable("Chloé  Martin!"), "chloemartin")
        XCTAssertEqual(SegmentAnalyst.comparable("+ Add card"), "addcard")
    }
}
