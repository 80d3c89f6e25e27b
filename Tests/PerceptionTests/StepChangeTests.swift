import XCTest
import ScreenCore
@testable import Perception

/// Multi-step forms: one place on the screen holds another field on the next step, and the next
/// step's content appearing under a button is no list that button opened.
final class StepChangeTests: XCTestCase {
    let layout = ScreenLayout.fullFrame(width: 1280, height: 800)

    func testTwoStepsFieldsAtOnePlaceKeepTheirOwnLabels() {
        let field = PixelRect(x: 357, y: 398, width: 566, height: 42)
        let obs = [
            Observation(kind: .typing, time: 3.1, endTime: 6.5, segment: 0, box: field, role: .textbox, label: "Full name",
                        value: .text("Maria Santos"), confidence: 0.8),
            Observation(kind: .press, time: 7.0, segment: 0, box: field, role: .textbox, value: .text("Tab"), confidence: 0.6),
            Observation(kind: .click, time: 13.7, segment: 1, point: PixelPoint(x: 390, y: 650),
                        box: PixelRect(x: 357, y: 635, width: 92, height: 44), role: .button, text: "Next"),
            Observation(kind: .typing, time: 15.4, endTime: 16.9, segment: 1, box: field.expanded(0, 1), role: .textbox,
                        label: "Check-in date", value: .text("2027-06-14"), confidence: 0.8),
            Observation(kind: .press, time: 18.7, segment: 1, box: field, role: .textbox, value: .text("Tab"), confidence: 0.6),
            Observation(kind: .click, time: 19.0, segment: 1, point: PixelPoint(x: 400, y: 420), box: field, role: .textbox,
                        label: "Check-in date"),
        ]
        var aggregator = Aggregator()
        aggregator.keepFocusClicks = true
        let (actions, _) = aggregator.aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map { $0.target?.label }, ["Full name", "Full name", nil, "Check-in date", "Check-in date", "Check-in date"],
                       "each step's field keeps its label; unlabelled presses take the field seen there closest in time")
    }

    func testSameLabelToleratesSlipsNotOtherWords() {
        XCTAssertTrue(Aggregator.sameLabel("Email", "Emall"))
        XCTAssertTrue(Aggregator.sameLabel("Check-in date", "Check-in dat"))
        XCTAssertFalse(Aggregator.sameLabel("Full name", "Check-in date"))
        XCTAssertFalse(Aggregator.sameLabel("Nights", "Guests"))
    }

    func testAListOpensOverAPageThatStays() {
        let button = PixelRect(x: 357, y: 635, width: 92, height: 44)
        let list = PixelRect(x: 356, y: 546, width: 568, height: 67)
        // Only the list (and the button's own ring) changed: a list.
        XCTAssertFalse(SegmentAnalyst.changedElsewhere([list, button.expanded(2, 2)], list: list, opener: button))
        // The whole form above re-rendered too (the next step): no list.
        let others = [PixelRect(x: 354, y: 372, width: 573, height: 73), PixelRect(x: 353, y: 461, width: 574, height: 69),
                      PixelRect(x: 356, y: 260, width: 280, height: 4)]
        XCTAssertTrue(SegmentAnalyst.changedElsewhere([list, button] + others, list: list, opener: button))
        // A small change elsewhere (a badge, a neighbour losing focus) does not undo a list.
        XCTAssertFalse(SegmentAnalyst.changedElsewhere([list, PixelRect(x: 1000, y: 100, width: 40, height: 20)], list: list, opener: button))
    }

    func testAnUnlabelledFillIsNamedByThePlaceholderOfTheClickThatFocusedIt() {
        let field = PixelRect(x: 326, y: 16, width: 573, height: 41)
        let obs = [
            // The click read the field's placeholder as bare text 3.2 s before the first keystroke.
            Observation(kind: .click, time: 5.0, segment: 0, point: PixelPoint(x: 503, y: 40), box: field,
                        text: "Search the docs", placeholder: "Search the docs"),
            Observation(kind: .typing, time: 8.2, endTime: 9, segment: 0, box: field, role: .textbox, value: .text("proxy"), confidence: 0.8),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill], "the click on the field only focused it")
        XCTAssertEqual(actions.first?.target?.placeholder, "Search the docs")
        // A fill that has its own label keeps it, and a click elsewhere is a click.
        let labelled = [
            Observation(kind: .click, time: 1.0, segment: 0, point: PixelPoint(x: 900, y: 300),
                        box: PixelRect(x: 880, y: 290, width: 60, height: 20), role: .button, text: "Help"),
            Observation(kind: .typing, time: 2.0, endTime: 3, segment: 0, box: field, role: .textbox, label: "Query",
                        value: .text("x"), confidence: 0.8),
        ]
        let (a2, _) = Aggregator().aggregate(labelled, layout: layout)
        // A button-shaped box that a (misread) typing run sits on is still a click; the run (no
        // value read, in the box of the button just clicked: its face redrawn) is no fill
        // (`Aggregator.droppingTypingInClickedButtons`).
        let button = PixelRect(x: 912, y: 669, width: 77, height: 34)
        let onButton = [
            Observation(kind: .click, time: 8.2, segment: 0, point: PixelPoint(x: 950, y: 686), box: button, role: .button, text: "Save"),
            Observation(kind: .typing, time: 9.4, endTime: 9.6, segment: 0, box: button, role: .textbox, secret: true, confidence: 0.8),
        ]
        XCTAssertEqual(Aggregator().aggregate(onButton, layout: layout).0.map(\.kind), [.click])
        XCTAssertEqual(a2.map(\.kind), [.click, .fill])
        XCTAssertEqual(a2.last?.target?.label, "Query")
        XCTAssertNil(a2.last?.target?.placeholder)
    }

    func testADateInputsShownValueBecomesAnISODate() {
        XCTAssertEqual(SegmentAnalyst.isoDate("06/14/2027"), "2027-06-14")
        XCTAssertEqual(SegmentAnalyst.isoDate("05/09 /2027"), "2027-05-09")
        XCTAssertNil(SegmentAnalyst.isoDate("06/14/EE"), "a misread year is no date")
        XCTAssertNil(SegmentAnalyst.isoDate("13/01/2027"), "no thirteenth month")
        XCTAssertNil(SegmentAnalyst.isoDate("2027-06-14"))
        XCTAssertEqual(SegmentAnalyst.isoDate("03/17/2027 ©"), "2027-03-17", "the calendar button after it")
        XCTAssertNil(SegmentAnalyst.isoDate("103/17/2027"))
        XCTAssertTrue(SegmentAnalyst.showsDateMask("mm/dd/yyyy"))
        XCTAssertTrue(SegmentAnalyst.showsDateMask("06/dd/yyyy"))
        XCTAssertFalse(SegmentAnalyst.showsDateMask("06/14/2027"), "a field already holding a date is no empty date input")
        XCTAssertFalse(SegmentAnalyst.showsDateMask("Maria"))
    }
}
