import XCTest
import ScreenCore
@testable import Perception

/// Masks read from the sample recordings' icon buttons (ink at half the strongest contrast, as
/// `GlyphReader.mask` thresholds it) and synthetic negatives.
final class GlyphReaderTests: XCTestCase {
    func testArrowsReadByTheirHead() {
        // board: a 36 px "Move right" button, the arrow barely 4 px high.
        XCTAssertEqual(GlyphReader.classify(.init(rows: [
            "........##.",
            "###########",
            "........##.",
            "........#..",
        ])), "→")
        XCTAssertEqual(GlyphReader.classify(.init(rows: [
            "..#........",
            ".##........",
            "###########",
            ".#.........",
            "..#........",
        ])), "←")
    }

    func testCrossPencilAndStars() {
        XCTAssertEqual(GlyphReader.classify(.init(rows: [
            ".........##",
            "##......###",
            ".###...###.",
            "..###.###..",
            "...#####...",
            "....###....",
            "...#####...",
            "..###.###..",
            ".###...##..",
            "###.....##.",
            "##.......##",
        ])), "✕")
        XCTAssertEqual(GlyphReader.classify(.init(rows: [
            "..###......",
            ".##.##.....",
            "#.###.#....",
            "###..#.#...",
            ".#.#..#.#..",
            "..#.#..#.#.",
            "...#.#..##.",
            "....#.#..##",
            ".....#.##.#",
            "......##..#",
            ".........##",
        ])), "✎")
        // An outlined star, thin and broken where its antialiased edge fell under the threshold.
        let hollow: [String] = [
            ".......#.......",
            ".......#.......",
            "......#........",
            "......#.#......",
            "........#......",
            "######...#.####",
            "..#.........#..",
            "...#.......#...",
            "....#.....#....",
            "....#.....#....",
            "....#..#..#....",
            "...#.##..#.....",
            "...##.....##...",
            "...#.......#...",
        ]
        XCTAssertEqual(GlyphReader.classify(.init(rows: hollow)), "☆")
        // The same star filled in.
        let filled = hollow.enumerated().map { y, row -> String in
            guard (5...11).contains(y), let a = row.firstIndex(of: "#"), let b = row.lastIndex(of: "#") else { return row }
            return String(row[..<a]) + String(repeating: "#", count: row.distance(from: a, to: b) + 1) + String(row[row.index(after: b)...])
        }
        XCTAssertEqual(GlyphReader.classify(.init(rows: filled)), "★")
    }

    func testLettersBoxesAndBlobsAreNoGlyph() {
        // "N", "o", a square outline, a filled block, a plus, a digit.
        let n = ["#....#", "##...#", "#.#..#", "#..#.#", "#...##", "#....#", "#....#", "#....#"]
        let o = [".####.", "#....#", "#....#", "#....#", "#....#", ".####."]
        let square = ["########", "#......#", "#......#", "#......#", "#......#", "#......#", "########"]
        let block = Array(repeating: "########", count: 8)
        let plus = ["...##...", "...##...", "...##...", "########", "########", "...##...", "...##...", "...##..."]
        let three = ["#####", "....#", "....#", ".###.", "....#", "....#", "....#", "#####"]
        let no = ["#...#..........", "##..#..........", "#.#.#...####...", "#..##..#....#..", "#...#..#....#..", "#...#...####..."]
        // A hand pointer over an arrow button (board, Firefox): no pencil.
        let hand = [
            ".........###......",
            "......##..###.....",
            ".####.##.#####....",
            "#####.##.#####....",
            "......##...##.....",
            "......##.##.......",
            "......#####.#.....",
            "......##########..",
            "...##.##########..",
            "...##.##########..",
            "...##.##########..",
            "...#############.#",
            "...#############.#",
            "...#############.#",
            "...#############.#",
            ".................#",
        ]
        for rows in [n, o, square, block, plus, three, no, hand] {
            XCTAssertNil(GlyphReader.classify(.init(rows: rows)), rows.joined(separator: "\n"))
        }
    }

    func testGlyphInsideAButtonIsReadClearOfItsBorderAndNotUnderThePointer() {
        // A 36×36 button with a grey border on a light page, a right arrow drawn in its middle.
        var c = Canvas(background: 250)
        c.fill(PixelRect(x: 100, y: 100, width: 36, height: 36), 232)
        c.outline(PixelRect(x: 100, y: 100, width: 36, height: 36), 180)
        c.fill(PixelRect(x: 112, y: 117, width: 13, height: 2), 40)          // shaft
        for i in 0..<4 { c.fill(PixelRect(x: 121 + i, y: 114 + i, width: 2, height: 1), 40)  // head, upper half
                         c.fill(PixelRect(x: 121 + i, y: 121 - i, width: 2, height: 1), 40) } // lower half
        let box = PixelRect(x: 100, y: 100, width: 36, height: 36)
        XCTAssertEqual(GlyphReader.glyph(in: c.image, box: box.expanded(4, 4)), "→")
        // The pointer over the glyph: no reading rather than a guess.
        XCTAssertNil(GlyphReader.glyph(in: c.image, box: box.expanded(4, 4), avoid: PixelRect(x: 118, y: 112, width: 12, height: 18)))
        // Text on a button is no glyph.
        var t = Canvas(background: 250)
        t.fill(box, 232)
        t.text(x: 108, y: 112, glyphs: 2)
        XCTAssertNil(GlyphReader.glyph(in: t.image, box: box.expanded(4, 4)))
    }

    func testAHollowSquareInsideAButtonIsTheCopyGlyph() {
        // docs: a 28×28 copy button, its ❐ an 8 px square outline (top and right darker).
        var c = Canvas(background: 246)
        let button = PixelRect(x: 200, y: 100, width: 28, height: 28)
        c.fill(button, 255)
        c.outline(button, 200)
        c.outline(PixelRect(x: 210, y: 110, width: 8, height: 8), 120)
        c.fill(PixelRect(x: 210, y: 110, width: 8, height: 1), 40)
        c.fill(PixelRect(x: 217, y: 110, width: 1, height: 8), 40)
        XCTAssertEqual(GlyphReader.glyph(in: c.image, box: button.expanded(4, 4), squares: true), "❐")
        XCTAssertNil(GlyphReader.glyph(in: c.image, box: button.expanded(4, 4)), "only where a button's outline was found")
        // The same square with a tick inside it is no copy glyph.
        let ticked = c.with { $0.fill(PixelRect(x: 212, y: 113, width: 4, height: 3), 40) }
        XCTAssertNil(GlyphReader.glyph(in: ticked.image, box: button.expanded(4, 4), squares: true))
        // A bare checkbox: its square is the box itself (the frame), not a glyph inside it.
        var cb = Canvas(background: 255)
        let box = PixelRect(x: 300, y: 200, width: 16, height: 16)
        cb.outline(box, 90)
        XCTAssertNil(GlyphReader.glyph(in: cb.image, box: box.expanded(4, 4), squares: true))
        // An "O" (corners bare) and a square more than half the box are not it either.
        XCTAssertFalse(GlyphReader.hollowSquare(.init(rows: [".####.", "#....#", "#....#", "#....#", "#....#", ".####."])))
        XCTAssertTrue(GlyphReader.hollowSquare(.init(rows: ["########", "#......#", "#......#", "#......#", "#......#", "#......#", "########"])))
        var big = Canvas(background: 255)
        big.outline(button, 200)
        big.outline(PixelRect(x: 204, y: 104, width: 20, height: 20), 40)
        XCTAssertNil(GlyphReader.glyph(in: big.image, box: button.expanded(4, 4), squares: true))
    }
    func testACopyGlyphOnAWhiteButtonInADarkBlockIsReadOnTheButtonsFace() {
        // docs in dark mode: a white 28×28 copy button on a near-black code block, its ❐ grey.
        // Around the button the block sets the background and the white face the threshold, so
        // the grey strokes are no ink; read on the face (the box inset by 3), they are.
        var c = Canvas(background: 16)
        let button = PixelRect(x: 200, y: 100, width: 28, height: 28)
        c.fill(button, 250)
        c.outline(PixelRect(x: 210, y: 110, width: 8, height: 8), 70)
        XCTAssertNil(GlyphReader.glyph(in: c.image, box: button.expanded(4, 4), squares: true))
        XCTAssertEqual(GlyphReader.glyph(in: c.image, box: button.insetBy(3), squares: true), "❐")
        // An empty face reads as nothing.
        let empty = c.with { $0.fill(PixelRect(x: 208, y: 108, width: 12, height: 12), 250) }
        XCTAssertNil(GlyphReader.glyph(in: empty.image, box: button.insetBy(3), squares: true))
    }
}
