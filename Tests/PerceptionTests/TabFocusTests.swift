import XCTest
import ScreenCore
@testable import Perception

/// Enter on the control a Tab off a field focused (`SegmentAnalyst+TabFocus`).
final class TabFocusTests: XCTestCase {
    private let vp = PixelRect(x: 0, y: 0, width: 640, height: 400)
    private let next = PixelRect(x: 100, y: 300, width: 90, height: 40)

    func testAPageChangeAfterATabOntoAButtonIsEnterOnIt() {
        let focus = next.expanded(4, 4)
        // The step below the header replaced: far more than the button's ring.
        XCTAssertTrue(SegmentAnalyst.enterOnTabbedControl(focus: focus, union: PixelRect(x: 40, y: 60, width: 560, height: 300),
                                                         changed: 0.19, viewport: vp))
        // A smaller but wide change (a dialog, a panel: a fifth of the viewport) counts by its area.
        XCTAssertTrue(SegmentAnalyst.enterOnTabbedControl(focus: focus, union: PixelRect(x: 120, y: 40, width: 400, height: 140),
                                                         changed: 0.05, viewport: vp))
        // Only the button's own look (its ring, a hover): no press.
        XCTAssertFalse(SegmentAnalyst.enterOnTabbedControl(focus: focus, union: next.expanded(2, 2), changed: 0.02, viewport: vp))
        // A small change elsewhere (a caret, a badge) is not the page answering a press.
        XCTAssertFalse(SegmentAnalyst.enterOnTabbedControl(focus: focus, union: PixelRect(x: 400, y: 20, width: 40, height: 20),
                                                          changed: 0.01, viewport: vp))
        // The focus on a whole field-wide row, or a sliver, is no button.
        XCTAssertFalse(SegmentAnalyst.enterOnTabbedControl(focus: PixelRect(x: 20, y: 100, width: 600, height: 40),
                                                          union: vp, changed: 0.5, viewport: vp))
        XCTAssertFalse(SegmentAnalyst.enterOnTabbedControl(focus: PixelRect(x: 20, y: 100, width: 60, height: 8),
                                                          union: vp, changed: 0.5, viewport: vp))
    }
}
