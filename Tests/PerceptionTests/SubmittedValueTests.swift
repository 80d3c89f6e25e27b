import XCTest
import ScreenCore
@testable import Perception

/// A typed value read again from the line its submit made appear.
final class SubmittedValueTests: XCTestCase {
    private func fill(_ v: String) -> Action {
        Action(kind: .fill, time: 8, endTime: 13.7, target: Target(role: .textbox, name: "New todo"), value: .text(v))
    }

    func testALetterTheFieldReadingLostComesFromTheAddedLine() {
        let press = Action(kind: .press, time: 14.5, value: .text("Enter"), appeared: ["Call the dentist about Friday", "items left"])
        let out = Aggregator.valuesSeenAfterSubmit([fill("Cal the dentist about Friday"), press])
        XCTAssertEqual(out[0].value, .text("Call the dentist about Friday"))
        XCTAssertEqual(out[0].alternatives.first, "Cal the dentist about Friday")
        XCTAssertEqual(out[1], press)
    }

    func testTextAroundTheValueOrAnotherLineLeavesTheReading() {
        for line in ["• Cal the dentist about Friday", "Cal the dentist about Friday 2", "Call the dentist about Fridays!",
                     "call the dentist about Friday", "Cal the dentist about Friday"] {
            let press = Action(kind: .press, time: 14.5, value: .text("Enter"), appeared: [line])
            XCTAssertEqual(Aggregator.valuesSeenAfterSubmit([fill("Cal the dentist about Friday"), press])[0].value,
                           .text("Cal the dentist about Friday"), line)
        }
        // Too short to judge, a secret, or an action long after the typing.
        let press = Action(kind: .press, time: 14.5, value: .text("Enter"), appeared: ["Anna"])
        XCTAssertEqual(Aggregator.valuesSeenAfterSubmit([fill("Ana"), press])[0].value, .text("Ana"))
        let late = Action(kind: .click, time: 30, appeared: ["Call the dentist about Friday"])
        XCTAssertEqual(Aggregator.valuesSeenAfterSubmit([fill("Cal the dentist about Friday"), late])[0].value,
                       .text("Cal the dentist about Friday"))
    }

    func testTwoCandidateLinesAreNoEvidence() {
        let press = Action(kind: .press, time: 14.5, value: .text("Enter"), appeared: ["Call the dentist", "Cal1 the dentist"])
        XCTAssertEqual(Aggregator.valuesSeenAfterSubmit([fill("Cal the dentist"), press])[0].value, .text("Cal the dentist"))
    }
}

/// A control's name read with a stray quote beside it.
final class StrayQuoteTests: XCTestCase {
    func testAnUnpairedQuoteAtAnEndIsNoPartOfTheName() {
        XCTAssertEqual(Aggregator.withoutStrayQuote("\"Yes"), "Yes")
        XCTAssertEqual(Aggregator.withoutStrayQuote("Save\""), "Save")
        XCTAssertEqual(Aggregator.withoutStrayQuote("Say \"hi\""), "Say \"hi\"")
        XCTAssertEqual(Aggregator.withoutStrayQuote("6\" screen"), "6\" screen")
        XCTAssertEqual(Aggregator.withoutStrayQuote("\""), "\"")
        XCTAssertNil(Aggregator.withoutStrayQuote(nil))
    }

    func testAClickedButtonsNameLosesTheStrayQuote() {
        let layout = ScreenLayout(frameWidth: 640, frameHeight: 400, window: PixelRect(x: 0, y: 0, width: 640, height: 400),
                                  viewport: PixelRect(x: 0, y: 80, width: 640, height: 320))
        let obs = [Observation(kind: .click, time: 5, segment: 0, point: PixelPoint(x: 320, y: 310),
                               box: PixelRect(x: 300, y: 300, width: 50, height: 30), role: .button, text: "\"Yes")]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.first?.target?.name, "Yes")
        XCTAssertEqual(actions.first?.target?.text, "Yes")
    }
}
