import XCTest
import ScreenCore
@testable import Perception

final class SwitchFinderTests: XCTestCase {
    let bounds = PixelRect(x: 0, y: 0, width: 640, height: 400)

    /// A 42×24 pill at (400, 200): `track` luma, a 18×18 knob of `knob` luma at the left or right end.
    func pill(on: Bool, track: UInt8, knob: UInt8 = 250, page: UInt8 = 30) -> Canvas {
        Canvas(background: page).with { c in
            c.fill(PixelRect(x: 400, y: 200, width: 42, height: 24), track)
            c.fill(PixelRect(x: on ? 421 : 403, y: 203, width: 18, height: 18), knob)
        }
    }

    func testAKnobMovingFromEndToEndIsASwitchFlip() throws {
        // Dark page: off = grey track, knob left; on = green track, knob right.
        let off = pill(on: false, track: 70), on = pill(on: true, track: 150)
        let pointer = PixelRect(x: 418, y: 210, width: 12, height: 18)
        let flip = try XCTUnwrap(SwitchFinder.flipped(near: PixelPoint(x: 418, y: 210), before: off.image,
                                                      after: on.with { $0.pointer(at: PixelPoint(x: 418, y: 210)) }.image,
                                                      bounds: bounds, avoid: [pointer]))
        XCTAssertTrue(flip.on)
        XCTAssertTrue(flip.box.expanded(2, 2).contains(PixelPoint(x: 405, y: 205)), "\(flip.box)")
        // And back.
        let back = try XCTUnwrap(SwitchFinder.flipped(near: PixelPoint(x: 425, y: 212), before: on.image, after: off.image, bounds: bounds))
        XCTAssertFalse(back.on)
        // Light page, track keeps its colour: only the knob moves.
        let lightOff = pill(on: false, track: 120, page: 250), lightOn = pill(on: true, track: 120, page: 250)
        XCTAssertEqual(SwitchFinder.flipped(near: PixelPoint(x: 420, y: 212), before: lightOff.image, after: lightOn.image,
                                            bounds: bounds)?.on, true)
    }

    func testChangesInPlaceAreNoSwitch() {
        // A checkbox ticking: its middle fills, nothing moves end to end.
        let box = Canvas().with { $0.outline(PixelRect(x: 400, y: 200, width: 16, height: 16), 60) }
        let ticked = box.with { $0.fill(PixelRect(x: 403, y: 203, width: 10, height: 10), 60) }
        XCTAssertNil(SwitchFinder.flipped(near: PixelPoint(x: 408, y: 208), before: box.image, after: ticked.image, bounds: bounds))
        // A button turning dark all over (a pressed or selected look).
        let button = Canvas().with { $0.fill(PixelRect(x: 400, y: 200, width: 48, height: 24), 230) }
        let pressed = Canvas().with { $0.fill(PixelRect(x: 400, y: 200, width: 48, height: 24), 90) }
        XCTAssertNil(SwitchFinder.flipped(near: PixelPoint(x: 420, y: 210), before: button.image, after: pressed.image, bounds: bounds))
        // A wide field gaining a ring is no pill.
        let field = Canvas().with { $0.outline(PixelRect(x: 300, y: 200, width: 200, height: 28), 200) }
        let ring = Canvas().with { $0.outline(PixelRect(x: 300, y: 200, width: 200, height: 28), 40) }
        XCTAssertNil(SwitchFinder.flipped(near: PixelPoint(x: 400, y: 210), before: field.image, after: ring.image, bounds: bounds))
    }
}
