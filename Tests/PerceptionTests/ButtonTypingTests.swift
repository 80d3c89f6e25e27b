import XCTest
import ScreenCore
@testable import Perception

/// A button's face changing after its click is no typing; two clicks on a field's old value
/// before typing into it both only focused it (settings-profile-theme's shape, made up here).
final class ButtonTypingTests: XCTestCase {
    let layout = ScreenLayout(frameWidth: 1280, frameHeight: 800, window: PixelRect(x: 0, y: 0, width: 1280, height: 800),
                              viewport: PixelRect(x: 0, y: 86, width: 1280, height: 714))
    let field = PixelRect(x: 462, y: 266, width: 505, height: 32)
    let save = PixelRect(x: 912, y: 755, width: 77, height: 34)

    func testTwoClicksOnAFieldsOldValueThenTypingAreOneFill() {
        let obs = [
            Observation(kind: .click, time: 2.63, point: PixelPoint(x: 590, y: 282), box: PixelRect(x: 471, y: 277, width: 90, height: 15), text: "Alex Morgan"),
            Observation(kind: .click, time: 3.17, point: PixelPoint(x: 590, y: 282), box: PixelRect(x: 471, y: 272, width: 92, height: 20), text: "Alex Morgan"),
            Observation(kind: .typing, time: 3.97, endTime: 4.83, box: field, role: .textbox, label: "Display name", value: .text("Sam Rivera")),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill])
        // A click elsewhere between them keeps the first click.
        let between = [obs[0], Observation(kind: .click, time: 3.1, point: PixelPoint(x: 100, y: 600),
                                           box: PixelRect(x: 80, y: 590, width: 60, height: 20), role: .button, text: "Reset"), obs[1], obs[2]]
        XCTAssertEqual(Aggregator().aggregate(between, layout: layout).actions.map(\.kind), [.click, .click, .fill])
    }

    func testAButtonsFaceChangingAfterItsClickIsNoTyping() {
        let obs = [
            Observation(kind: .click, time: 8.17, point: PixelPoint(x: 960, y: 767), box: save, role: .button, text: "Save"),
            Observation(kind: .typing, time: 9.37, box: save, role: .textbox, label: "Discard", secret: true),
        ]
        XCTAssertEqual(Aggregator().aggregate(obs, layout: layout).actions.map(\.kind), [.click])
        // A value read there is kept: an editor opened where its button was.
        var read = obs
        read[1].value = .text("Groceries")
        XCTAssertEqual(Aggregator().aggregate(read, layout: layout).actions.map(\.kind), [.click, .fill])
    }

    func testAFillTakesItsNameFromAnyClickFoldedIntoIt() {
        // The first focus click read the field's placeholder; the second (the pointer over the
        // hint) read nothing: the fill still names its field.
        let search = PixelRect(x: 859, y: 145, width: 298, height: 26)
        let obs = [
            Observation(kind: .click, time: 4.2, point: PixelPoint(x: 900, y: 158), box: search, role: .textbox,
                        placeholder: "Search by name or email"),
            Observation(kind: .click, time: 4.6, point: PixelPoint(x: 905, y: 158), box: search, role: .textbox),
            Observation(kind: .typing, time: 5.17, endTime: 5.6, box: search, role: .textbox, value: .text("ha")),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.fill])
        XCTAssertEqual(actions.first?.target?.placeholder, "Search by name or email")
        // Only the run of focus clicks right before the typing is folded into it.
        let earlier = [Observation(kind: .click, time: 1.0, point: PixelPoint(x: 900, y: 158), box: search, role: .textbox,
                                   placeholder: "Search by name or email"),
                       Observation(kind: .click, time: 2.0, point: PixelPoint(x: 100, y: 600),
                                   box: PixelRect(x: 80, y: 590, width: 60, height: 20), role: .button, text: "Reset"),
                       obs[1], obs[2]]
        XCTAssertEqual(Aggregator.foldedClicks(earlier, into: obs[2]), [obs[1]])
        XCTAssertEqual(Aggregator.foldedClicks(obs, into: obs[2]), [obs[0], obs[1]])
    }
}
