import XCTest
import ScreenCore
@testable import Perception

/// Text a script matches verbatim keeps only what was read surely.
final class SureTextTests: XCTestCase {
    func testAContextKeepsItsLongestRunOfSureWords() {
        // "&&" in a code line read "6&": the words after it still find the block.
        XCTAssertEqual(Aggregator.sureContext("lattice build 6& lattice serve --port 3000"), "lattice serve --port 3000")
        XCTAssertEqual(Aggregator.sureContext("lattice build && lattice serve --port 3000"), "lattice build && lattice serve --port 3000")
        XCTAssertEqual(Aggregator.sureContext("Terms & Conditions"), "Terms & Conditions")
        XCTAssertEqual(Aggregator.sureContext("Maya Chen - 3 pt"), "Maya Chen - 3 pt")
        XCTAssertEqual(Aggregator.sureContext("/blog/hello-world"), "/blog/hello-world")
        // Nothing sure enough left: no context rather than a wrong one.
        XCTAssertNil(Aggregator.sureContext("a|b 6&"))
        XCTAssertEqual(Aggregator.sureContext("Kasia|"), nil)
        XCTAssertNil(Aggregator.sureContext(nil))
    }

    func testLongAppearedLinesGiveWayToShortOnesOrAreCut() {
        let sentence = "Each example below can be pasted into a terminal or an editor as itis"
        XCTAssertEqual(Aggregator.sureAppeared(["Deployment", sentence]), ["Deployment"])
        XCTAssertEqual(Aggregator.sureAppeared([sentence]), ["Each example below can be pasted into a"])
        let seven = "Welcome back. Enter your details to continue"
        XCTAssertEqual(Aggregator.sureAppeared([seven, "Sign in"]), [seven, "Sign in"])
        XCTAssertEqual(Aggregator.sureAppeared(["One, two, three, four, five, six, seven, eight, nine"]), ["One, two, three, four, five, six, seven, eight"])
    }

    func testABarGluedToTheLastWordIsTheCaret() {
        XCTAssertEqual(Aggregator.withoutTrailingBar("serve|"), "serve")
        XCTAssertEqual(Aggregator.withoutTrailingBar("olga.petrenko@quillstone|"), "olga.petrenko@quillstone")
        XCTAssertEqual(Aggregator.withoutTrailingBar("A | B"), "A | B")
        XCTAssertEqual(Aggregator.withoutTrailingBar("||"), "||")
        XCTAssertNil(Aggregator.withoutTrailingBar(nil))
    }

    func testAggregatedClickKeepsOnlySureText() {
        let layout = ScreenLayout.fullFrame(width: 1280, height: 800)
        let obs = [Observation(kind: .click, time: 5.6, point: PixelPoint(x: 1000, y: 340), box: PixelRect(x: 984, y: 322, width: 28, height: 28),
                               role: .button, text: "serve|", context: "lattice build 6& lattice serve --port 3000",
                               appeared: ["Copied", "Each example below can be pasted into a terminal or an editor as itis"], confidence: 0.75)]
        let a = Aggregator().aggregate(obs, layout: layout).actions
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(a[0].target?.name, "serve")
        XCTAssertEqual(a[0].target?.context, "lattice serve --port 3000")
        XCTAssertEqual(a[0].appeared, ["Copied"])
    }
}
