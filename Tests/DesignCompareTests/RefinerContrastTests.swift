import DesignCompare
import ScreenCore
import XCTest

/// Refinement must not take a text's contrast below WCAG AA where the analysed colour had it.
final class RefinementContrastTests: XCTestCase {
    func testContrastMatchesWCAGsFigures() {
        XCTAssertEqual(WCAGContrast.ratio(RGB(0, 0, 0), RGB(255, 255, 255)), 21, accuracy: 0.001)
        XCTAssertEqual(WCAGContrast.ratio(RGB(118, 118, 118), RGB(255, 255, 255)), 4.54, accuracy: 0.01)
        XCTAssertEqual(WCAGContrast.luminance(RGB(128, 128, 128)), 0.2158605, accuracy: 1e-6)
    }

    func testAColourCorrectionThatWouldFailAAIsNotKept() {
        let white = RGB(255, 255, 255), style = UIStyle(fontSize: 11)
        // the design's #4f5761 (7.4:1) lightened to #978f85 (3.3:1) to match a heavier render's ink
        XCTAssertFalse(Refiner.keepsContrast(RGB(151, 143, 133), was: RGB(79, 87, 97), on: white, style))
        XCTAssertTrue(Refiner.keepsContrast(RGB(90, 96, 104), was: RGB(79, 87, 97), on: white, style))
        // already under AA: darker is fine, lighter is not
        XCTAssertTrue(Refiner.keepsContrast(RGB(140, 140, 140), was: RGB(150, 150, 150), on: white, style))
        XCTAssertFalse(Refiner.keepsContrast(RGB(160, 160, 160), was: RGB(150, 150, 150), on: white, style))
        // large text needs 3:1 only
        XCTAssertTrue(Refiner.keepsContrast(RGB(140, 140, 140), was: RGB(80, 80, 80), on: white, UIStyle(fontSize: 28)))
    }
}
