import XCTest
import ScreenCore
@testable import Perception

/// Addresses read after a navigation are repaired against the session's start URL.
final class URLOriginTests: XCTestCase {
    private let start = "http://127.0.0.1:8830/ledger/"

    /// An icon beside the address read as a digit, and the scheme guessed from the mangled host.
    func testAnOCRSlipInTheHostTakesTheStartOrigin() {
        XCTAssertEqual(URLText.withKnownOrigin("https://4127.0.0.1:8830/ledger/", known: start), "http://127.0.0.1:8830/ledger/")
        XCTAssertEqual(URLText.withKnownOrigin("http://127.0.0.l:8830/ledger/dashboard.html?x=1", known: start),
                       "http://127.0.0.1:8830/ledger/dashboard.html?x=1")
        XCTAssertEqual(URLText.withKnownOrigin("https://examp1e.com/a", known: "https://example.com/"), "https://example.com/a")
    }

    /// One port serves one scheme: the same host and port read with another scheme is the start's.
    func testTheSameAuthorityWithAnExplicitPortKeepsTheStartScheme() {
        XCTAssertEqual(URLText.withKnownOrigin("https://127.0.0.1:8830/ledger/", known: start), "http://127.0.0.1:8830/ledger/")
        // Without a port, http → https is a real redirect.
        XCTAssertEqual(URLText.withKnownOrigin("https://example.com/a", known: "http://example.com/"), "https://example.com/a")
    }

    /// Another port, a host far from the start's, or no start URL: the address as read.
    func testAnotherSiteIsLeftAlone() {
        XCTAssertEqual(URLText.withKnownOrigin("http://127.0.0.1:8831/ledger/", known: start), "http://127.0.0.1:8831/ledger/")
        XCTAssertEqual(URLText.withKnownOrigin("https://accounts.google.com/x", known: start), "https://accounts.google.com/x")
        XCTAssertEqual(URLText.withKnownOrigin("https://ab.io/x", known: "https://cd.io/"), "https://ab.io/x")
        XCTAssertEqual(URLText.withKnownOrigin("https://4127.0.0.1:8830/", known: nil), "https://4127.0.0.1:8830/")
    }

    func testATrailingSpeckIsNoPartOfTheAddress() {
        XCTAssertEqual(URLText.normalise("127.0.0.1:8796/admin/."), "http://127.0.0.1:8796/admin/")
        XCTAssertEqual(URLText.normalise("example.com/a,"), "https://example.com/a")
    }

    /// The aggregator attaches the repaired address to the click that navigated.
    func testANavigationReadWithASlipIsOnTheStartServer() {
        let layout = ScreenLayout(frameWidth: 640, frameHeight: 400, window: PixelRect(x: 0, y: 0, width: 640, height: 400),
                                  viewport: PixelRect(x: 0, y: 80, width: 640, height: 320), startURL: start)
        let b = PixelRect(x: 300, y: 300, width: 100, height: 30)
        let obs = [
            Observation(kind: .click, time: 5, segment: 0, point: PixelPoint(x: 320, y: 310), box: b, role: .button, text: "Sign out"),
            Observation(kind: .navigation, time: 5.5, segment: 0, url: "https://4127.0.0.1:8830/ledger/"),
        ]
        let (actions, _) = Aggregator().aggregate(obs, layout: layout)
        XCTAssertEqual(actions.map(\.kind), [.goto, .click])
        XCTAssertEqual(actions[1].navigatesTo, "http://127.0.0.1:8830/ledger/")
    }
}
