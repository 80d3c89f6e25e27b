import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 24 (live24a): a destructive control the pointer came to rest on within the half second
/// before a re-layout (GapSearch+RestBeforeRelayout.swift).
final class RestBeforeRelayoutTests: XCTestCase {
    /// contacts-hidpi2x-1080's Remove on Amara's row (CSS pixels).
    private let remove = (x: 772.5, y: 156.8, width: 40.0, height: 40.0)
    private let viewport = (width: 960.0, height: 454.0)

    private func element(name: String, text: String? = nil) -> Identified {
        var v: [String: JSONValue] = [
            "found": .bool(true), "actionable": .bool(true), "tag": .string("button"), "role": .string("button"), "name": .string(name),
            "box": .object(["x": .number(772.5), "y": .number(156.8), "width": .number(40), "height": .number(40)]),
        ]
        if let text { v["text"] = .string(text) }
        return Identified(.object(v))!
    }

    func testThePointerOrTheControlsHoverLookArrivingThereIsARest() {
        // 6.57 → 6.82 s: the × in its round hover look with the pointer on it, and where the pointer left.
        XCTAssertTrue(Run.arrivedBeforeRelayout([(772, 156, 40, 44), (224, 96, 12, 12)], on: remove))
        XCTAssertTrue(Run.arrivedBeforeRelayout([(790, 170, 12, 18)], on: remove), "the pointer alone")
        XCTAssertFalse(Run.arrivedBeforeRelayout([(224, 96, 12, 12)], on: remove), "the pointer elsewhere")
        XCTAssertFalse(Run.arrivedBeforeRelayout([(116, 150, 712, 56)], on: remove), "a whole row changing is no arrival")
        let relaid = Array(repeating: (x: 772.0, y: 156.0, width: 40.0, height: 44.0), count: Run.manyAreas + 1)
        XCTAssertFalse(Run.arrivedBeforeRelayout(relaid, on: remove), "the decoded frame is already the re-layout")
    }

    func testARowGoingAroundAControlWhosePlaceDoesNotChange() {
        // 6.57 → 7.07 s: the next row's name, picture and text slide into Amara's row; the × is drawn alike.
        let areas: [(x: Double, y: Double, width: Double, height: Double)] = [(116, 332, 712, 72), (188, 160, 128, 36), (132, 156, 44, 44), (188, 220, 132, 36)]
        XCTAssertFalse(Run.removesAround(remove, areas: areas, viewport: viewport), "nothing touches the × itself")
        XCTAssertTrue(Run.removesRow(remove, areas: areas, viewport: viewport))
        XCTAssertFalse(Run.removesRow(remove, areas: [(188, 160, 40, 36)], viewport: viewport), "less than 3 times the control changed in its row")
        XCTAssertFalse(Run.removesRow(remove, areas: [(0, 0, 960, 454)], viewport: viewport), "a backdrop over the page is no row going")
        XCTAssertFalse(Run.removesRow(remove, areas: [(188, 220, 400, 36)], viewport: viewport), "another row's change")
    }

    func testADestructiveControlIsNeverUndoneByASecondClick() {
        XCTAssertFalse(Run.secondClickUndoes(element(name: "Remove", text: "✕")))
        XCTAssertFalse(Run.secondClickUndoes(element(name: "Delete card")))
        XCTAssertTrue(Run.secondClickUndoes(element(name: "Favourite", text: "☆")))
    }

    func testTheDecodedMomentFallsAfterTheArrivalAndBeforeThePress() {
        // Moments 6.57 and 7.07 s; the press at 6.96 s.
        XCTAssertEqual(7.07 - Run.restLead, 6.82, accuracy: 1e-9)
        XCTAssertGreaterThan(7.07 - Run.restLead, 6.57 + 0.1)
        XCTAssertLessThan(7.07 - Run.restLead, 6.96)
    }

    /// A change searched again is made by an inserted step that acts, not by a hover alone.
    func testAnInsertedHoverAloneDoesNotMakeTheChange() {
        let hover = Action(kind: .hover, time: 9.6, target: Target(point: Point(x: 10, y: 10)))
        let click = Action(kind: .click, time: 7.3, target: Target(point: Point(x: 10, y: 10)))
        XCTAssertFalse(Run.changeMade(by: [hover][...]))
        XCTAssertFalse(Run.changeMade(by: [][...]))
        XCTAssertTrue(Run.changeMade(by: [click][...]))
        XCTAssertTrue(Run.changeMade(by: [hover, click][...]))
    }

    /// One element found twice is one candidate: boxes starting within a pixel are the same place.
    func testBoxesWithinAPixelAreOnePlace() {
        XCTAssertTrue(Run.samePlace((x: 10, y: 20, width: 30, height: 40), (x: 10.5, y: 19.6, width: 80, height: 40)))
        XCTAssertFalse(Run.samePlace((x: 10, y: 20, width: 30, height: 40), (x: 11.5, y: 20, width: 30, height: 40)))
        XCTAssertFalse(Run.samePlace(nil, (x: 10, y: 20, width: 30, height: 40)))
    }
}
