import ScreenCore
import XCTest
@testable import Perception

/// Two rules that keep the browser's bar and a sidebar out of what the page analysis reads:
/// the resting pointer never "jumps" into the browser's own bar or onto a speck, and a row's
/// context stops at a sidebar's border.
final class ChromeAndPaneTests: XCTestCase {
    /// The viewport under an 86-pixel browser bar.
    let viewport = PixelRect(x: 0, y: 86, width: 640, height: 314)

    func testTheRestingPointerDoesNotJumpIntoTheBrowsersBarOrOntoASpeck() {
        let image = Canvas().image
        // A button changes under the resting pointer (a copy button turning into a tick).
        let underPointer = ChangeBlob(box: PixelRect(x: 300, y: 228, width: 30, height: 30), pixels: 300)
        func split(with other: ChangeBlob) -> [ChangeBlob] {
            var tracker = PointerTracker(hint: PixelPoint(x: 312, y: 240))
            return tracker.classify(time: 1, small: [underPointer, other], before: [], after: [], image: image, previous: image,
                                    bounds: viewport).pointer
        }
        // At that moment the browser's sign-in chip folds up in its bar: no jump.
        XCTAssertTrue(split(with: ChangeBlob(box: PixelRect(x: 400, y: 40, width: 16, height: 15), pixels: 200)).isEmpty)
        // A speck of the page repainting: no jump.
        XCTAssertTrue(split(with: ChangeBlob(box: PixelRect(x: 500, y: 300, width: 1, height: 1), pixels: 120)).isEmpty)
        // A pointer-sized change in the page: the pointer jumped there.
        XCTAssertEqual(split(with: ChangeBlob(box: PixelRect(x: 500, y: 300, width: 16, height: 15), pixels: 200)).count, 2)
        XCTAssertTrue(PointerTracker.canBeJumpedTo(PixelRect(x: 500, y: 300, width: 12, height: 19), from: PixelRect(x: 304, y: 232, width: 16, height: 16), bounds: nil))
    }

    func testARowsContextStopsAtASidebarsBorder() {
        let button = PixelRect(x: 470, y: 240, width: 40, height: 28)
        // A sidebar's border runs down the whole viewport at x = 240.
        let sidebar = Canvas().with { $0.fill(PixelRect(x: 240, y: 86, width: 1, height: 314), 200) }.image
        XCTAssertEqual(SegmentAnalyst.paneLeft(of: button, in: sidebar, viewport: viewport), 241)
        // A sidebar drawn as a darker background (no line): its edge counts the same.
        let shaded = Canvas().with { $0.fill(PixelRect(x: 0, y: 86, width: 200, height: 314), 230) }.image
        XCTAssertEqual(SegmentAnalyst.paneLeft(of: button, in: shaded, viewport: viewport), 200)
        // A table's cell border stops with the table: the row runs to the viewport's edge.
        let table = Canvas().with { $0.fill(PixelRect(x: 240, y: 200, width: 1, height: 100), 120) }.image
        XCTAssertEqual(SegmentAnalyst.paneLeft(of: button, in: table, viewport: viewport), 0)
        XCTAssertEqual(SegmentAnalyst.paneLeft(of: button, in: Canvas().image, viewport: viewport), 0)
    }
}
