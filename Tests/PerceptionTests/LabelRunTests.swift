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

/// A label left of a field: near it always, further left only for a field nothing else names.
final class FarLabelTests: XCTestCase {
    func testALabelColumnFarLeftIsReadOnlyWithTheWiderReach() async throws {
        let vp = PixelRect(x: 0, y: 0, width: 640, height: 400)
        let layout = ScreenLayout(frameWidth: 640, frameHeight: 400, window: vp, viewport: vp)
        let field = PixelRect(x: 300, y: 100, width: 300, height: 32)
        let page = Canvas().with { c in
            c.outline(field, 120)
            c.text(x: 140, y: 110, glyphs: 10)   // "Display name", ending 72 px left of the field
        }
        let segment = Segment(index: 0, start: 0, end: 1, decodeStart: 0, decodeEnd: 1)
        let analyst = SegmentAnalyst(context: SegmentContext(segment: segment, layout: layout, motion: [], frameRate: 30),
                                     tools: FakeTools(all: [], reader: FakeReader { _ in "Display name" }))
        let near = try await analyst.labelFor(field: field, in: page.image)
        XCTAssertNil(near)
        let far = try await analyst.labelFor(field: field, in: page.image, reach: SegmentAnalyst.farLabelReach)
        XCTAssertEqual(far, "Display name")
    }
}
