import XCTest
import ScreenCore
@testable import Perception

/// A label read above a field stops where a wide gap begins (a link further along the line).
final class LabelRunTests: XCTestCase {
    func image(blocks: [(Int, Int)], width: Int = 400, height: Int = 20) -> Image {
        var img = Image(width: width, height: height, format: .gray8, filledWith: 255)
        for (x0, x1) in blocks { for y in 4..<16 { for x in x0..<x1 { img.pixels[y * width + x] = 20 } } }
        return img
    }

    func testStopsAtAGapMuchWiderThanAWordSpace() {
        // "Pass word" (two words 5 px apart) … 200 px … "Forgot password?"
        let img = image(blocks: [(10, 60), (65, 110), (310, 390)])
        let run = InkAnalysis.leadingRun(of: PixelRect(x: 0, y: 0, width: 400, height: 20), in: img)
        XCTAssertEqual(run.x, 0)
        XCTAssertEqual(run.maxX, 113)
    }

    func testKeepsTheWholeLineWhenThereIsNoWideGap() {
        let img = image(blocks: [(10, 60), (66, 120), (127, 200)])
        let run = InkAnalysis.leadingRun(of: PixelRect(x: 0, y: 0, width: 400, height: 20), in: img)
        XCTAssertEqual(run.maxX, 203)
    }
}
