import XCTest
import ScreenCore
@testable import Perception

/// The section heading that tells a per-section control apart (a docs page's feedback buttons).
final class SectionHeadingTests: XCTestCase {
    /// Lines as OCR read a docs page (sidebar at x 29, content at x 281): headings 18 px tall over
    /// 14 px body text, the page title 30 px.
    let page: [(text: String, box: PixelRect)] = [
        ("Introduction", PixelRect(x: 29, y: 194, width: 64, height: 11)),
        ("Lattice guide", PixelRect(x: 282, y: 181, width: 160, height: 30)),
        ("Installation", PixelRect(x: 29, y: 226, width: 58, height: 11)),
        ("Introduction", PixelRect(x: 281, y: 271, width: 113, height: 18)),
        ("Lattice is a small web framework", PixelRect(x: 281, y: 331, width: 700, height: 14)),
        ("enhancement and data loading.", PixelRect(x: 281, y: 355, width: 210, height: 14)),
        ("Caching", PixelRect(x: 29, y: 354, width: 45, height: 14)),
        ("The rest of this section", PixelRect(x: 280, y: 494, width: 700, height: 14)),
        ("See the related sections", PixelRect(x: 281, y: 557, width: 520, height: 14)),
        ("Was this section helpful?", PixelRect(x: 281, y: 598, width: 126, height: 12)),
        ("Installation", PixelRect(x: 281, y: 683, width: 102, height: 18)),
        ("Install the tool", PixelRect(x: 281, y: 743, width: 700, height: 14)),
    ]
    let no = PixelRect(x: 464, y: 591, width: 39, height: 26)

    func testAButtonBelowARunOfSectionsTakesItsSectionsHeading() {
        XCTAssertEqual(SegmentAnalyst.sectionHeading(page, element: no, text: "No", floor: 0), "Introduction")
        // A heading above the nearest copy heads that copy too.
        XCTAssertNil(SegmentAnalyst.sectionHeading(page, element: no, text: "No", floor: 300))
    }

    func testTheNearestHeadingAboveTheElementWins() {
        // The same control one section further down takes that section's heading; the heading
        // below the first copy ("Installation") heads the next section, not the first copy's.
        let next = PixelRect(x: 464, y: 780, width: 39, height: 26)
        XCTAssertEqual(SegmentAnalyst.sectionHeading(page, element: next, text: "No", floor: 0), "Installation")
        XCTAssertEqual(SegmentAnalyst.sectionHeading(page, element: no, text: "No", floor: 0), "Introduction")
    }

    func testASentenceIsNoHeadingThoughASidebarMakesItLookTall() {
        // Many small sidebar links lower the page's median to 11: a 14 px sentence would pass as
        // 1.2 times as tall; the column's own median (14) and the word count keep it out.
        let links = (0..<12).map { ("Link \($0)", PixelRect(x: 29, y: 150 + 30 * $0, width: 60, height: 11)) }
        let tall = ("See the related sections in the sidebar for details on how this interacts", PixelRect(x: 281, y: 557, width: 520, height: 17))
        let lines = links + page.filter { $0.box.x > 200 && $0.text != "See the related sections" } + [tall]
        XCTAssertEqual(SegmentAnalyst.sectionHeading(lines, element: no, text: "No", floor: 0), "Introduction")
    }

    func testBodyTextAndSidebarLinksAreNoHeadings() {
        // Everything left is as tall as the body text: no heading.
        let flat = page.filter { $0.box.height <= 14 }
        XCTAssertNil(SegmentAnalyst.sectionHeading(flat, element: no, text: "No", floor: 0))
    }

    func testAButtonWithNoCopyInViewTakesItsHeadingOnlyBetweenTwoSameLookHeadings() {
        // Introduction above, Installation (same x, same height) below: one section of a run.
        XCTAssertEqual(SegmentAnalyst.boundedSectionHeading(page, element: no, text: "No"), "Introduction")
        // The last section on screen: no heading below, no sign that the button repeats.
        let last = PixelRect(x: 464, y: 780, width: 39, height: 26)
        XCTAssertNil(SegmentAnalyst.boundedSectionHeading(page, element: last, text: "No"))
        // A heading below with descenders reads taller in the same font ("Deployment" 23 px under
        // "Middleware" 18 px): still the same look.
        let run = page.map { $0.text == "Installation" && $0.box.x > 200 ? ("Deployment", PixelRect(x: 281, y: $0.box.y, width: 110, height: 23)) : $0 }
        XCTAssertEqual(SegmentAnalyst.boundedSectionHeading(run, element: no, text: "No"), "Introduction")
    }

    func testALoneTitleOverAUniqueButtonIsNoContext() {
        // A results page: its title above a card's button, then smaller card text below.
        let results: [(text: String, box: PixelRect)] = [
            ("Results for lantern", PixelRect(x: 281, y: 150, width: 220, height: 22)),
            ("Brass lantern", PixelRect(x: 281, y: 200, width: 120, height: 14)),
            ("A warm light for the porch", PixelRect(x: 281, y: 222, width: 240, height: 14)),
            ("In stock", PixelRect(x: 281, y: 300, width: 60, height: 14)),
            ("Free delivery", PixelRect(x: 281, y: 330, width: 100, height: 14)),
        ]
        let add = PixelRect(x: 281, y: 250, width: 110, height: 32)
        XCTAssertNil(SegmentAnalyst.boundedSectionHeading(results, element: add, text: "Add to cart"))
        // A heading below that starts elsewhere or is drawn at another size is another kind of line.
        let shifted = page.map { $0.text == "Installation" && $0.box.x > 200 ? ($0.text, PixelRect(x: 340, y: $0.box.y, width: 102, height: 18)) : $0 }
        XCTAssertNil(SegmentAnalyst.boundedSectionHeading(shifted, element: no, text: "No"))
        let taller = page.map { $0.text == "Installation" && $0.box.x > 200 ? ($0.text, PixelRect(x: 281, y: $0.box.y, width: 102, height: 26)) : $0 }
        XCTAssertNil(SegmentAnalyst.boundedSectionHeading(taller, element: no, text: "No"))
    }
}
