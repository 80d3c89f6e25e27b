import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The value search's candidates ranked by where the reading's rendering disagrees with the
/// video's field (no browser).
final class ValueRankingTests: XCTestCase {
    /// An ink map `width`×12 with a bar (rows 2–9) at each of `columns`.
    static func map(_ columns: [Int], width: Int = 60) -> InkMap {
        var ink = [Bool](repeating: false, count: width * 12)
        for x in columns { for y in 2..<10 { ink[y * width + x] = true } }
        return InkMap(width: width, height: 12, ink: ink)
    }

    func testColumnErrorsLieWhereTheRenderingsDiffer() {
        let bars = Array(stride(from: 4, to: 40, by: 4))
        let live = Self.map(bars + [44])
        // The video's text two pixels to the right, its last glyph a different stroke.
        let video = Self.map(bars.map { $0 + 2 } + [50])
        let columns = ValueCompare.columnErrors(live, video)
        XCTAssertEqual(columns.count, 60)
        // The shared glyphs register; all the disagreement is at the end.
        XCTAssertEqual(columns[0..<42].reduce(0, +), 0, "\(columns)")
        XCTAssertGreaterThan(columns[42...].reduce(0, +), 0)
        XCTAssertEqual(columns.reduce(0, +), ValueCompare.mismatch(live, video).error)
        XCTAssertEqual(ValueCompare.inkExtent(live)?.start, 4)
        XCTAssertEqual(ValueCompare.inkExtent(live)?.end, 44)
        XCTAssertNil(ValueCompare.inkExtent(Self.map([])))
    }

    func testAVariantWhereTheRenderingDisagreesComesFirst() {
        // "bram@quillstone.iq" drawn over columns 0–179: only its last glyph disagrees.
        var columns = [Int](repeating: 0, count: 190)
        for x in 172..<180 { columns[x] = 3 }
        let candidates = ["bbram@quillstone.iq", "bram@quiillstone.iq", "bram@quillstonee.iq", "bram@guillstone.iq",
                          "bram@quillstone.ig", "bram@quillstone.io"]
        let order = ValueCompare.rankedByDisagreement(candidates, current: "bram@quillstone.iq", columns: columns, ink: (0, 179))
        XCTAssertEqual(Array(order.prefix(2)), ["bram@quillstone.ig", "bram@quillstone.io"])
        XCTAssertEqual(order.last, "bram@guillstone.iq")
        // With no disagreement anywhere, the enumeration's order stands.
        XCTAssertEqual(ValueCompare.rankedByDisagreement(candidates, current: "bram@quillstone.iq",
                                                         columns: [Int](repeating: 0, count: 190), ink: (0, 179)), candidates)
    }

    func testTheTextsExtentLeavesTheFieldsBorderOut() {
        // Glyph bars at columns 10–30 and the field's border along the top and bottom rows.
        var m = Self.map(Array(stride(from: 10, to: 31, by: 4)))
        for x in 0..<60 { m.ink[x] = true; m.ink[11 * 60 + x] = true }
        XCTAssertEqual(ValueCompare.inkExtent(m)?.start, 0)
        XCTAssertEqual(ValueCompare.textExtent(m)?.start, 10)
        XCTAssertEqual(ValueCompare.textExtent(m)?.end, 30)
        // No border: the ink's own extent.
        XCTAssertEqual(ValueCompare.textExtent(Self.map([5, 9]))?.end, 9)
    }

    func testAnInsertedLetterIsPlacedWhereItGoes() {
        // "Kofi Mensah": the disagreement where a second "f" would go (after "Kof").
        var columns = [Int](repeating: 0, count: 100)
        let edges = ValueCompare.glyphEdges("Kofi Mensah", inkStart: 0, inkEnd: 99)
        for x in Int(edges[3])..<Int(edges[4]) + 1 { columns[x] = 4 }
        let order = ValueCompare.rankedByDisagreement(["Kofi Mensahh", "Koffi Mensah", "Kofi Menssah"], current: "Kofi Mensah",
                                                      columns: columns, ink: (0, 99))
        XCTAssertEqual(order.first, "Koffi Mensah")
    }

    func testThePointersBoxIsPaintedWithTheBackground() {
        var img = Image(width: 20, height: 10, format: .gray8, filledWith: 240)
        for y in 2..<8 { img.pixels[y * 20 + 3] = 20; img.pixels[y * 20 + 14] = 20 }
        let painted = Run.paintedOver(img, PixelRect(x: 12, y: 0, width: 5, height: 10))
        XCTAssertEqual(painted.luma(x: 14, y: 4), 240)
        XCTAssertEqual(painted.luma(x: 3, y: 4), 20)
        XCTAssertEqual(painted.width, 20)
    }
}
