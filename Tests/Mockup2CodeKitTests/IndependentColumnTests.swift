import XCTest
import ScreenCore
@testable import DesignLayout

/// Columns first where a sidebar sits beside content whose rows do not line up with its own, and
/// the edges of boxes side by side are not a rule across the row.
final class IndependentColumnTests: XCTestCase {
    let white = RGB(255, 255, 255), black = RGB(20, 20, 20), grey = RGB(200, 200, 205)

    func segment(_ c: Canvas) -> LayoutRegion? {
        let r = DesignRaster(c.image)
        let s = LayoutSegmenter(raster: r)
        return s.segment(r.bounds, background: s.pageBackground())
    }

    /// A sidebar of five items beside a form whose lines fall between them.
    func sidebarPage() -> Canvas {
        var c = Canvas(width: 600, height: 260)
        for k in 0..<5 { c.fakeText(x: 10, y: 20 + k * 34, words: 3, height: 12, black) }   // 72 px wide
        c.fakeText(x: 200, y: 14, words: 3, height: 18, black)      // a title
        c.fakeText(x: 200, y: 40, words: 6, height: 10, black)      // its description
        c.fakeText(x: 200, y: 72, words: 2, height: 10, black)      // a label
        c.frame(PixelRect(x: 200, y: 90, width: 380, height: 30), grey)
        c.fakeText(x: 210, y: 100, words: 2, height: 10, black)
        c.fakeText(x: 200, y: 140, words: 2, height: 10, black)     // a second label
        c.frame(PixelRect(x: 200, y: 158, width: 380, height: 30), grey)
        c.fakeText(x: 210, y: 168, words: 2, height: 10, black)
        return c
    }

    func testASidebarBesideAFormIsAColumnOfItsOwn() throws {
        // the first line holds a sidebar item and the form's title: it may be a header's brand
        // and menu, so the columns start below it when they hold without it
        let r = try XCTUnwrap(segment(sidebarPage()))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertEqual(r.children.count, 2)
        XCTAssertEqual(r.children[0].rect.y, 14)
        XCTAssertEqual(r.children[1].kind, .stack(.row))
        let cols = r.children[1]
        XCTAssertEqual(cols.children.count, 2)
        XCTAssertEqual(cols.children[0].rect.x, 10)
        XCTAssertEqual(cols.children[0].leaves.count, 4)
        XCTAssertTrue(cols.children[1].leaves.allSatisfy { $0.rect.x >= 200 })
    }

    func testTheSubAgentsGetTheSidebarAndFormWhole() {
        var c = sidebarPage()
        c.fill(PixelRect(x: 10, y: 230, width: 570, height: 12), black)   // a full-width footer line
        let r = DesignRaster(c.image)
        let s = LayoutSegmenter(raster: r)
        let jobs = s.topLevelRegions(r.bounds, background: s.pageBackground())
        // the first line, then the sidebar and form whole, then the footer line
        XCTAssertEqual(jobs.count, 3)
        XCTAssertEqual(jobs[1].0.x, 10)
        XCTAssertLessThanOrEqual(jobs[1].0.y, 54)
        XCTAssertGreaterThanOrEqual(jobs[1].0.maxY, 188)
    }

    func testRowsThatLineUpStayRows() throws {
        // a two-column list of label / value lines: every line has its partner at the same height
        var c = Canvas(width: 500, height: 200)
        for k in 0..<5 {
            c.fakeText(x: 10, y: 20 + k * 30, words: 2, height: 12, black)
            c.fakeText(x: 250, y: 20 + k * 30, words: 3, height: 12, black)
        }
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertEqual(r.children.count, 5)
    }

    func testFieldsSideBySideAreBoxesNotCutByTheirEdges() throws {
        // two bordered fields filling 97 % of the row: their top and bottom edges are no rule
        var c = Canvas(width: 420, height: 60)
        c.frame(PixelRect(x: 10, y: 10, width: 195, height: 36), grey)
        c.frame(PixelRect(x: 215, y: 10, width: 195, height: 36), grey)
        c.fakeText(x: 22, y: 22, words: 2, height: 12, black)
        c.fakeText(x: 227, y: 22, words: 3, height: 12, black)
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.row))
        XCTAssertEqual(r.children.count, 2)
        for k in r.children {
            guard case .box(_, let border, _) = k.kind else { return XCTFail("not a box: \(k.kind)") }
            XCTAssertNotNil(border)
            XCTAssertEqual(k.rect.width, 195)
        }
    }
    func testParagraphsWrappedSideBySideAreCutIntoColumnsFirst() throws {
        // a footer's three text columns: a heading over a paragraph wrapped at the same pitch in each,
        // so every line has partners at its height (no sidebar, nothing unpaired); the third runs a
        // line longer, and a copyright line is centred under the middle one after a wide gap
        var c = Canvas(width: 580, height: 180)
        for x in [10, 210, 410] {
            c.fakeText(x: x, y: 10, words: 3, height: 14, black)
            for k in 0..<3 { c.fakeText(x: x, y: 40 + k * 16, words: 6, height: 10, black) }   // 149 px
        }
        c.fakeText(x: 10, y: 88, words: 2, height: 10, black)
        c.fakeText(x: 210, y: 88, words: 2, height: 10, black)
        c.fakeText(x: 410, y: 88, words: 6, height: 10, black)
        c.fakeText(x: 410, y: 104, words: 2, height: 10, black)
        c.fakeText(x: 230, y: 150, words: 3, height: 10, black)
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertEqual(r.children.count, 2)
        let cols = try XCTUnwrap(r.children.first)
        XCTAssertEqual(cols.kind, .stack(.row))
        XCTAssertEqual(cols.children.map(\.rect.x), [10, 210, 410])
        XCTAssertEqual(cols.children.map(\.leaves.count), [5, 5, 6])
        XCTAssertEqual(r.children.last?.rect.y, 150)
    }

    func testAGridOfShortCellsAtALinesPitchStaysRows() throws {
        // a table's columns of short names and figures at the same tight pitch are no paragraphs
        var c = Canvas(width: 580, height: 120)
        for k in 0..<5 {
            for x in [10, 210, 410] { c.fakeText(x: x, y: 10 + k * 16, words: 2, height: 10, black) }
        }
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertEqual(r.children.count, 5)
    }

    func testAnArticleWithNothingBesideItStaysRows() throws {
        // a blog page: a header's brand and menu in the left margin, an article column of wrapped
        // paragraphs alone in the middle, a footer's copyright and credit lines at the margins below
        // (at a paragraph's gap, so no section's gap ends the run); the margins share the article's
        // gutters, but nothing stands beside its paragraphs
        var c = Canvas(width: 600, height: 400)
        c.fakeText(x: 10, y: 10, words: 2, height: 14, black)      // brand, 10...62
        c.fakeText(x: 100, y: 12, words: 2, height: 10, black)     // menu, 100...152
        c.fakeText(x: 200, y: 44, words: 4, height: 20, black)     // the title
        for p in 0..<3 {
            for k in 0..<4 { c.fakeText(x: 200, y: 90 + p * 84 + k * 16, words: k == 3 ? 5 : 12, height: 10, black) }
        }
        c.fakeText(x: 10, y: 336, words: 2, height: 10, black)     // copyright, 20 px below
        c.fakeText(x: 540, y: 336, words: 2, height: 10, black)    // credit, 540...592
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertLessThanOrEqual(r.children.first?.rect.maxY ?? 400, 24)
        XCTAssertEqual(r.children.last?.rect.y, 336)
    }

    func testAFooterFarBelowIsNoPartOfTheColumns() throws {
        // two paragraphs side by side under their headings, and far below a footer's copyright and
        // credit lines that share the gutter: the columns end with the paragraphs, the footer is a row
        var c = Canvas(width: 600, height: 340)
        c.fakeText(x: 10, y: 10, words: 3, height: 14, black)
        c.fakeText(x: 300, y: 12, words: 3, height: 14, black)
        for k in 0..<4 {
            c.fakeText(x: 10, y: 40 + k * 16, words: k == 3 ? 2 : 6, height: 10, black)     // 150 px
            c.fakeText(x: 300, y: 42 + k * 16, words: k == 3 ? 3 : 10, height: 10, black)   // 254 px
        }
        c.fakeText(x: 10, y: 300, words: 2, height: 10, black)
        c.fakeText(x: 500, y: 300, words: 2, height: 10, black)
        let r = try XCTUnwrap(segment(c))
        XCTAssertEqual(r.kind, .stack(.column))
        XCTAssertEqual(r.children.last?.rect.y, 300)
        let cols = try XCTUnwrap(r.children.first)
        XCTAssertEqual(cols.kind, .stack(.row))
        XCTAssertEqual(cols.children.map(\.rect.x), [10, 300])
        XCTAssertLessThan(cols.rect.maxY, 120)
    }
}
