import XCTest
import ScreenCore
@testable import Perception

/// Clicks that move the address to an anchor on the same page are links.
final class AnchorLinkTests: XCTestCase {
    private let start = "http://127.0.0.1:8830/docs/"

    private func click(_ name: String, at t: Double, role: Role? = .button, to url: String?) -> Action {
        Action(kind: .click, time: t, target: Target(role: role, name: name, text: name), navigatesTo: url)
    }

    func testASidebarEntryThatReachesAnAnchorIsALink() {
        let actions = [Action(kind: .goto, time: 0, value: .text(start)),
                       click("Deployment", at: 2.9, to: start + "#deployment"),
                       click("No", at: 8.3, to: nil),
                       click("Routing", at: 10.1, role: nil, to: start + "#routing")]
        let out = Aggregator.anchorLinks(actions, startURL: start)
        XCTAssertEqual(out.map { $0.target?.role }, [nil, .link, .button, .link])
    }

    func testAButtonThatLoadsAnotherPageStaysAndAPickFromTypedResultsIsAnOption() {
        let signIn = click("Sign in", at: 5, to: "http://127.0.0.1:8830/ledger/dashboard.html")
        XCTAssertEqual(Aggregator.anchorLinks([signIn], startURL: "http://127.0.0.1:8830/ledger/")[0].target?.role, .button)
        let typed = Action(kind: .fill, time: 4.9, endTime: 8.2, target: Target(role: .textbox, placeholder: "Search the docs"), value: .text("proxy"))
        let pick = click("Deployment", at: 10.4, to: start + "#deployment")
        XCTAssertEqual(Aggregator.anchorLinks([typed, pick], startURL: start)[1].target?.role, .option)
        // The same anchor again is no navigation.
        XCTAssertFalse(Aggregator.onlyFragmentChanged(from: start + "#a", to: start + "#a"))
        XCTAssertTrue(Aggregator.onlyFragmentChanged(from: "http://x.test/docs", to: "http://x.test/docs/#a"))
        XCTAssertFalse(Aggregator.onlyFragmentChanged(from: "http://x.test/docs/", to: "http://x.test/other/#a"))
    }

    /// The page moved to `#installation` 2.8 s after a click on "No" (the sidebar link's click was
    /// missed): the anchor is not that click's (no address check after it, and it stays a button) but
    /// a goto of its own. Soon after the click, or after a click naming the anchor, it is the click's.
    func testAnAnchorReachedLongAfterAClickThatDoesNotNameItIsAGoto() {
        let layout = ScreenLayout(frameWidth: 1280, frameHeight: 800, window: PixelRect(x: 0, y: 0, width: 1280, height: 800),
                                  viewport: PixelRect(x: 0, y: 86, width: 1280, height: 714),
                                  addressBar: PixelRect(x: 80, y: 40, width: 900, height: 30), startURL: start)
        let box = PixelRect(x: 464, y: 537, width: 39, height: 27)
        func obs(_ name: String, clickAt t: Double, navigationAt n: Double) -> [Observation] {
            [Observation(kind: .click, time: t, point: PixelPoint(x: 483, y: 547), box: box, role: .button, text: name,
                         confidence: 0.75),
             Observation(kind: .navigation, time: n, url: start + "#installation", confidence: 0.8)]
        }
        let late = Aggregator().aggregate(obs("No", clickAt: 14.7, navigationAt: 17.47), layout: layout).actions
        XCTAssertEqual(late.map(\.kind), [.goto, .click, .goto])
        XCTAssertNil(late[1].navigatesTo)
        XCTAssertEqual(late[1].target?.role, .button)
        XCTAssertEqual(late[2].value, .text(start + "#installation"))
        // At once after the click: the click's, a link.
        let soon = Aggregator().aggregate(obs("No", clickAt: 14.7, navigationAt: 15.5), layout: layout).actions
        XCTAssertEqual(soon.map(\.kind), [.goto, .click])
        XCTAssertEqual(soon[1].navigatesTo, start + "#installation")
        XCTAssertEqual(soon[1].target?.role, .link)
        // A click read at the start of the pointer's rest on the link, whose text (misread) names the anchor.
        let named = Aggregator().aggregate(obs("Instalation", clickAt: 14.7, navigationAt: 17.47), layout: layout).actions
        XCTAssertEqual(named.map(\.kind), [.goto, .click])
        XCTAssertEqual(named[1].navigatesTo, start + "#installation")
        // Which names name an anchor.
        XCTAssertTrue(Aggregator.namesAnchor("Getting started", fragment: "getting-started"))
        XCTAssertTrue(Aggregator.namesAnchor("Caching", fragment: "caching"))
        XCTAssertTrue(Aggregator.namesAnchor("Deploy to a server", fragment: "deployment"))
        XCTAssertFalse(Aggregator.namesAnchor("No", fragment: "installation"))
        XCTAssertFalse(Aggregator.namesAnchor("Yes", fragment: "routing"))
    }
}
