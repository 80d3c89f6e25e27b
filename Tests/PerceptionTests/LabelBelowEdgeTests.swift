import XCTest
import ScreenCore
@testable import Perception

/// `InkAnalysis.belowTopEdge`: a field's label is searched below the bottom border of the field
/// above it, while a heading cut off by the search area's top still hides what is under it.
final class LabelBelowEdgeTests: XCTestCase {
    /// A white strip 28 px tall: `edgeRows` dark rows at the top, then a "label" (a block of
    /// ink 12 rows tall) from row `labelAt`.
    func strip(edgeRows: Int, labelAt: Int?) -> Image {
        var img = Image(width: 120, height: 28, format: .gray8, filledWith: 253)
        for y in 0..<edgeRows { for x in 0..<120 { img.pixels[y * 120 + x] = 16 } }
        if let l = labelAt { for y in l..<(l + 12) { for x in stride(from: 4, to: 40, by: 3) { img.pixels[y * 120 + x] = 40 } } }
        return img
    }

    func testAFocusedFieldsBottomBorderIsSteppedOver() {
        let region = PixelRect(x: 0, y: 0, width: 120, height: 28)
        let below = InkAnalysis.belowTopEdge(in: strip(edgeRows: 2, labelAt: 12), region: region)
        XCTAssertEqual(below, PixelRect(x: 0, y: 3, width: 120, height: 25))
        // And what is left holds the label, clear of the search area's top.
        let band = InkAnalysis.textBand(in: strip(edgeRows: 2, labelAt: 12), region: below!)
        XCTAssertEqual(band?.y, 9)
    }

    func testNoEdgeOrATallerCutOffInkIsLeftAlone() {
        let region = PixelRect(x: 0, y: 0, width: 120, height: 28)
        // Nothing at the top: the usual search.
        XCTAssertNil(InkAnalysis.belowTopEdge(in: strip(edgeRows: 0, labelAt: 12), region: region))
        // A heading's letters cut off (ink 8 rows deep from the top): still taken as a heading.
        XCTAssertNil(InkAnalysis.belowTopEdge(in: strip(edgeRows: 8, labelAt: 14), region: region))
        // A border with nothing under it, or ink right under it with no blank gap.
        XCTAssertNil(InkAnalysis.belowTopEdge(in: strip(edgeRows: 2, labelAt: nil), region: region))
        XCTAssertNil(InkAnalysis.belowTopEdge(in: strip(edgeRows: 2, labelAt: 3), region: region))
    }
}
