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
}
