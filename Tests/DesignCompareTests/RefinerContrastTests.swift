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

/// A difference in stroke weight is not a difference in colour.
final class RefinementCoverageTests: XCTestCase {
    let white = RGB(255, 255, 255)

    func testInksOnTheLineToTheBackgroundAreCoverage() {
        // #333 text: a thin design face measures lighter ink than Arial's heavier strokes
        XCTAssertTrue(Refiner.isCoverageDrift(design: RGB(110, 110, 110), rendered: RGB(80, 80, 80), ink: RGB(51, 51, 51), background: white))
        // the other way too (a bolder design face)
        XCTAssertTrue(Refiner.isCoverageDrift(design: RGB(70, 72, 75), rendered: RGB(95, 97, 100), ink: RGB(51, 53, 56), background: white))
        // blue text on a dark background, lighter ink = closer to the background
        XCTAssertTrue(Refiner.isCoverageDrift(design: RGB(40, 90, 170), rendered: RGB(50, 110, 210), ink: RGB(59, 130, 246), background: RGB(17, 24, 39)))
    }

    func testAHueDifferenceIsAColourDrift() {
        // the render is grey where the design's ink is blue-grey
        XCTAssertFalse(Refiner.isCoverageDrift(design: RGB(90, 100, 130), rendered: RGB(105, 105, 105), ink: RGB(100, 100, 100), background: white))
        // text too close to its background: no line to judge by
        XCTAssertFalse(Refiner.isCoverageDrift(design: RGB(240, 240, 240), rendered: RGB(230, 230, 230), ink: RGB(245, 245, 245), background: white))
    }
}
