import Foundation
@testable import Grounding
import XCTest

/// Session 21: a change with no candidate asks a menu open live, then the collapsed openers beside
/// it (`GapSearch+Openers.swift`).
final class OpenersTests: XCTestCase {
    // ledger-tabs-profile-nopointer at 18.57 s: the user menu's text lines open below the
    // account button (1080,5 170×38), the first line 29 px under it.
    let menuAreas: [(x: Double, y: Double, width: Double, height: Double)] = [
        (1016, 232, 232, 40), (1032, 72, 168, 24), (1032, 192, 144, 16), (1032, 112, 48, 24), (1032, 152, 48, 24),
    ]

    func testTheOpenerJustAboveThePopupIsACandidate() {
        let boxes: [(x: Double, y: Double, width: Double, height: Double)] = [
            (20, 300, 200, 40),      // a collapsed accordion far away
            (1080, 5, 170, 38),      // the account button
            (600, 80, 120, 36),      // a disclosure 300 px to the left
        ]
        XCTAssertEqual(Run.openersNear(boxes, areas: menuAreas), [1])
    }

    func testOpenersAreRankedNearestFirst() {
        let boxes: [(x: Double, y: Double, width: Double, height: Double)] = [
            (1080, 5, 170, 38),      // 29 px above the first line
            (1000, 40, 12, 20),      // 20 px left of it, 12 px above it
        ]
        XCTAssertEqual(Run.openersNear(boxes, areas: menuAreas), [1, 0])
        XCTAssertEqual(Run.openersNear(boxes, areas: []), [], "no change, no opener")
    }

    func testAnOpenerOutOfReachIsNotTried() {
        let farAbove = (x: 1080.0, y: 0.0, width: 170.0, height: 72.0 - Run.openerReach - 1)
        XCTAssertEqual(Run.openersNear([farAbove], areas: menuAreas), [])
        let justInReach = (x: 1080.0, y: 0.0, width: 170.0, height: 72.0 - Run.openerReach)
        XCTAssertEqual(Run.openersNear([justInReach], areas: menuAreas), [0])
    }

    func testAnOpenerUnderTheChangeIsARowsOwnControl() {
        // admin-search-delete-vp9 at 3.30 s: the rows filtered as a search is typed; each row's
        // "⋯" lies inside the list's changed area, not beside a popup.
        let list: [(x: Double, y: Double, width: Double, height: Double)] = [(976, 248, 184, 200), (728, 152, 104, 248)]
        let rowMenus: [(x: Double, y: Double, width: Double, height: Double)] = [(1096, 260, 24, 24), (1096, 300, 24, 24)]
        XCTAssertEqual(Run.openersNear(rowMenus, areas: list), [])
        XCTAssertEqual(Run.openersNear([(1096, 460, 24, 24)], areas: list), [0], "just below the list, outside it")
    }

    func testAChangeAtTheOpenersOwnHeightIsNotItsPopup() {
        // docs-dark-option-125 at 5.00 s: the search field's look changes (256,0 473×51) beside
        // the version menu's button (744,8 48×32), 15 px to its right.
        XCTAssertEqual(Run.openersNear([(744, 8, 48, 32)], areas: [(256, 0, 473, 51)]), [])
        // The same button with its menu's text opening 20 px under it.
        XCTAssertEqual(Run.openersNear([(744, 8, 48, 32)], areas: [(700, 60, 120, 24)]), [0])
        // … or over it, near the viewport's bottom.
        XCTAssertEqual(Run.openersNear([(744, 600, 48, 32)], areas: [(700, 540, 120, 24)]), [0])
    }

    func testGapAndUnion() {
        XCTAssertEqual(Run.gap((0, 0, 10, 10), (5, 5, 10, 10)), 0, "overlapping")
        XCTAssertEqual(Run.gap((0, 0, 10, 10), (30, 0, 10, 10)), 20)
        XCTAssertEqual(Run.gap((0, 0, 10, 10), (0, 25, 10, 10)), 15)
        let u = Run.union(menuAreas)
        XCTAssertEqual(u?.x, 1016); XCTAssertEqual(u?.y, 72)
        XCTAssertEqual(u?.width, 232); XCTAssertEqual(u?.height, 200)
        XCTAssertNil(Run.union([]))
    }

    func testOnlyTheOpenMenusItemsOverTheChangeAreTriedTopDown() {
        // The Profile modal opening over the page (216,0 1064×714) while the menu is open live.
        let backdrop: [(x: Double, y: Double, width: Double, height: Double)] = [(216, 0, 1064, 714)]
        let items: [(x: Double, y: Double, width: Double, height: Double)] = [
            (1030, 100, 216, 34), (1030, 134, 216, 34), (1030, 168, 216, 34),
        ]
        XCTAssertEqual(Run.itemsOver(items, areas: backdrop), [0, 1, 2])
        // A change elsewhere (a toast at the bottom left) does not reach the menu.
        XCTAssertEqual(Run.itemsOver(items, areas: [(20, 650, 300, 40)]), [])
    }
}
