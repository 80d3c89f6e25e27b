import XCTest
import ScreenCore
@testable import Perception

/// `Aggregator.enterBeforeTheNextFieldIsTab`: an Enter read after typing into a field, with typing
/// into the next field down the column right after it, was a Tab.
final class EnterBeforeNextFieldTests: XCTestCase {
    let layout = ScreenLayout.fullFrame(width: 1280, height: 800)
    let fullName = PixelRect(x: 474, y: 295, width: 332, height: 24)
    let email = PixelRect(x: 474, y: 350, width: 332, height: 24)

    func typing(_ box: PixelRect, at t: Double, _ value: String, label: String) -> Observation {
        Observation(kind: .typing, time: t, endTime: t + 2, segment: 0, box: box, role: .textbox, label: label, value: .text(value))
    }

    func enter(_ box: PixelRect, at t: Double) -> Observation {
        Observation(kind: .press, time: t, endTime: t + 0.1, segment: 0, box: box, role: .textbox, value: .text("Enter"))
    }

    func testTypingOnInTheFieldBelowMakesTheEnterATab() {
        let obs = [typing(fullName, at: 5, "Katarzyna Nowak", label: "Full name"), enter(fullName, at: 8.9),
                   typing(email, at: 10.5, "k.nowak@quillstone.io", label: "Email address")]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill, .press, .fill])
        XCTAssertEqual(actions[1].value, .text("Tab"))
    }

    func testAnEnterFollowedByTypingInTheSameFieldOrElsewhereStays() {
        // A to-do field: Enter adds the item, the same field takes the next one.
        var (actions, _) = Aggregator().aggregate([typing(fullName, at: 5, "Buy milk", label: "New item"), enter(fullName, at: 7),
                                                   typing(fullName, at: 8, "Call mum", label: "New item")], layout: layout)
        XCTAssertEqual(actions.filter { $0.kind == .press }.map(\.value), [.text("Enter")])
        // A field in another column (another card's editor), a click before the typing, or typing long after.
        let other = PixelRect(x: 44, y: 557, width: 336, height: 46)
        (actions, _) = Aggregator().aggregate([typing(fullName, at: 5, "Sync", label: "Card title"), enter(fullName, at: 7),
                                               typing(other, at: 8, "Docs", label: "Card title")], layout: layout)
        XCTAssertEqual(actions.filter { $0.kind == .press }.map(\.value), [.text("Enter")])
        (actions, _) = Aggregator().aggregate([typing(fullName, at: 5, "Ana", label: "Full name"), enter(fullName, at: 7),
                                               Observation(kind: .click, time: 7.5, segment: 0, point: PixelPoint(x: 600, y: 500),
                                                           box: PixelRect(x: 560, y: 490, width: 80, height: 30), role: .button, text: "OK"),
                                               typing(email, at: 8, "ana@x.io", label: "Email address")], layout: layout)
        XCTAssertEqual(actions.filter { $0.kind == .press }.map(\.value), [.text("Enter")])
        (actions, _) = Aggregator().aggregate([typing(fullName, at: 5, "Ana", label: "Full name"), enter(fullName, at: 7),
                                               typing(email, at: 20, "ana@x.io", label: "Email address")], layout: layout)
        XCTAssertEqual(actions.filter { $0.kind == .press }.map(\.value), [.text("Enter")])
    }
}
