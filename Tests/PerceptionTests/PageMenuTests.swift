import XCTest
import ScreenCore
@testable import Perception

/// A browser's own `<select>` list against a menu the page draws: `SegmentAnalyst.nativeListShape`
/// (the list hung from the opener edge to edge) and `chooseFromList` (only a select's list closing
/// on a new shown value is a `select`; a page's menu closing is a click on the item chosen).
final class PageMenuTests: XCTestCase {
    // MARK: the list's shape

    func testASelectsListHangsFromItsLeftEdgeAtLeastAsWide() {
        // A form's select (568×40) and its list right under it, as wide; the select's focus ring
        // (2 px outside) joined to the change.
        let select = PixelRect(x: 356, y: 398, width: 568, height: 40)
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 356, y: 438, width: 568, height: 110), opener: select))
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 354, y: 396, width: 572, height: 152), opener: select))
        // At device scale 2 (a 616×60 select) and a short one in a dialog (336×24).
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 539, y: 614, width: 812, height: 286),
                                                     opener: PixelRect(x: 539, y: 532, width: 812, height: 80)))
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 472, y: 516, width: 336, height: 75),
                                                     opener: PixelRect(x: 472, y: 491, width: 336, height: 24)))
        // Options longer than the select: the list grows to the right, never to the left.
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 100, y: 136, width: 320, height: 90),
                                                     opener: PixelRect(x: 100, y: 100, width: 200, height: 36)))
    }

    func testAPagesMenuIsNoSelectsList() {
        // A row's "⋯" button (24×21) and its menu under the row's right end.
        XCTAssertFalse(SegmentAnalyst.nativeListShape(PixelRect(x: 944, y: 455, width: 176, height: 94),
                                                      opener: PixelRect(x: 1092, y: 434, width: 24, height: 21)))
        // A small version button (47×32) and its menu under its right edge, reaching left.
        XCTAssertFalse(SegmentAnalyst.nativeListShape(PixelRect(x: 648, y: 111, width: 144, height: 139),
                                                      opener: PixelRect(x: 741, y: 99, width: 47, height: 32)))
        // A field-like opener whose "list" starts under its middle, or is narrower than it.
        let wide = PixelRect(x: 100, y: 100, width: 200, height: 36)
        XCTAssertFalse(SegmentAnalyst.nativeListShape(PixelRect(x: 180, y: 136, width: 220, height: 90), opener: wide))
        XCTAssertFalse(SegmentAnalyst.nativeListShape(PixelRect(x: 100, y: 136, width: 150, height: 90), opener: wide))
    }

    func testASelectsListJoinedWithNeighboursThatChangedStillCounts() {
        // The change holding the list took in a field beside the select losing focus and a radio
        // row under it: wider than the list on both sides.
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 148, y: 170, width: 646, height: 382),
                                                     opener: PixelRect(x: 480, y: 511, width: 311, height: 38)))
        XCTAssertTrue(SegmentAnalyst.nativeListShape(PixelRect(x: 432, y: 384, width: 416, height: 153),
                                                     opener: PixelRect(x: 648, y: 388, width: 197, height: 38)))
    }

    // MARK: the list closing

    let opener = PixelRect(x: 420, y: 40, width: 60, height: 30)
    let list = PixelRect(x: 340, y: 74, width: 140, height: 100)

    /// The page before the menu opened: a button with its text.
    func page() -> Canvas {
        Canvas().with { c in
            c.outline(opener, 120)
            c.text(x: opener.x + 10, y: opener.y + 9, glyphs: 4)
        }
    }

    /// The menu open: three rows of text in a bordered box under the button's right edge.
    func menuOpen() -> Canvas {
        page().with { c in
            c.fill(list, 255)
            c.outline(list, 90)
            for row in 0..<3 { c.text(x: list.x + 12, y: list.y + 10 + row * 30, glyphs: 5) }
        }
    }

    /// An analyst whose every reading is `text` (the opener's new text, the row under the pointer).
    func analyst(reading text: String) -> SegmentAnalyst {
        SegmentAnalyst.onCanvas(FakeTools(all: [], reader: FakeReader { _ in text }))
    }

    func close(_ a: SegmentAnalyst, menu: Bool, pointer: PixelPoint?) async throws -> Bool {
        let opened = page().image
        let pop: SegmentAnalyst.OpenList = (list, opener, "v3.2", nil, 0.5, opened, menu)
        a.observations = [Observation(kind: .click, time: 0.5, segment: 0, point: opener.center, box: opener,
                                      role: menu ? .button : .combobox, text: "v3.2", popup: menu ? nil : list)]
        a.popup = pop
        let before = menuOpen().image
        let e = ChangeEvent(start: 1.0, lastChange: 1.1, before: before, plate: before, boxes: [list], union: list,
                            pointer: nil, pointerResting: true)
        // The menu gone and the button showing the item chosen.
        return try await a.chooseFromList(pop, event: e, after: page().image, pointer: pointer, time: 1.2)
    }

    func testAPagesMenuClosingOnAnItemIsAClickOnTheItemEvenWhenTheOpenerShowsIt() async throws {
        let a = analyst(reading: "v2.9")
        let closed = try await close(a, menu: true, pointer: PixelPoint(x: list.x + 30, y: list.y + 45))
        XCTAssertTrue(closed)
        XCTAssertEqual(a.observations.map(\.kind), [.click, .click])
        XCTAssertEqual(a.observations.last?.role, .menuitem)
        XCTAssertEqual(a.observations.last?.text, "v2.9")
        XCTAssertNil(a.popup)
    }

    func testAPagesMenuWhoseRowWasNotSeenIsNamedByTheOpenersNewText() async throws {
        // The pointer not seen over the list when it closed: no row read, the opener names the item.
        let a = analyst(reading: "v2.9")
        let closed = try await close(a, menu: true, pointer: nil)
        XCTAssertTrue(closed)
        XCTAssertEqual(a.observations.last?.kind, .click)
        XCTAssertEqual(a.observations.last?.role, .menuitem)
        XCTAssertEqual(a.observations.last?.text, "v2.9")
    }

    func testASelectsListClosingOnANewShownValueIsASelect() async throws {
        let a = analyst(reading: "v2.9")
        let closed = try await close(a, menu: false, pointer: PixelPoint(x: list.x + 30, y: list.y + 45))
        XCTAssertTrue(closed)
        XCTAssertEqual(a.observations.last?.kind, .select)
        XCTAssertEqual(a.observations.last?.value, .text("v2.9"))
    }
}
