import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// A short line repeating a heading further down (a table of contents' entry, a breadcrumb's
/// current page) is a link; the same words under their heading, or in a sentence, are not.
final class HeadingEchoTests: XCTestCase {
    func text(_ s: String, _ y: Int, size: Double = 16, weight: Int = 400, width: Int = 300) -> UINode {
        UINode(kind: .text, box: PixelRect(x: 100, y: y, width: width, height: Int(size * 1.25)),
               style: UIStyle(color: RGB(34, 34, 34), fontSize: size, fontWeight: weight, lineHeight: size * 1.25), text: s)
    }

    func document(_ kids: [UINode]) -> UIDocument {
        var doc = UIDocument(width: 800, height: 1200, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 1200),
                                          style: UIStyle(direction: .column), children: kids))
        DesignSemantics.apply(&doc)
        return doc
    }

    func testContentsEntriesAboveTheirSectionsAreLinks() {
        let prose = String(repeating: "The body of the section explains the idea at some length. ", count: 5)
        var kids = [text("Contents", 40, size: 28, weight: 700),
                    text("1. Idea", 90), text("2. Related concepts", 115),
                    text("1. Idea", 200, size: 24, weight: 700), text(prose, 240, width: 600),
                    text("2. Related concepts", 400, size: 24, weight: 700), text(prose, 440, width: 600),
                    text("Idea of the section", 600)]
        kids[4].box.height = 100; kids[6].box.height = 100
        let doc = document(kids)
        let tags = doc.allNodes.filter { $0.kind == .text }.map { "\($0.text!)=\($0.tag ?? "-")" }
        XCTAssertEqual(tags.filter { $0.hasPrefix("1. Idea=") }.sorted(), ["1. Idea=a", "1. Idea=h2"], "\(tags)")
        XCTAssertEqual(tags.filter { $0.hasPrefix("2. Related concepts=") }.sorted(),
                       ["2. Related concepts=a", "2. Related concepts=h2"], "\(tags)")
        XCTAssertTrue(tags.contains("Idea of the section=p"), "\(tags)")   // not a heading's words
    }

    func testALineBelowItsHeadingIsNoEcho() {
        let prose = String(repeating: "The body of the section explains the idea at some length. ", count: 5)
        var kids = [text("Opening hours", 40, size: 28, weight: 700), text(prose, 90, width: 600),
                    text("Opening hours", 300)]
        kids[1].box.height = 100
        let doc = document(kids)
        XCTAssertEqual(doc.allNodes.filter { $0.text == "Opening hours" }.compactMap(\.tag).sorted(), ["h1", "p"])
    }

    func testEchoLines() {
        XCTAssertTrue(DesignSemantics.isEchoLine("3. References"))
        XCTAssertTrue(DesignSemantics.isEchoLine("Art"))
        XCTAssertFalse(DesignSemantics.isEchoLine("Go"))
        XCTAssertFalse(DesignSemantics.isEchoLine("1. Idea\n2. Related concepts"))
        XCTAssertFalse(DesignSemantics.isEchoLine("The idea is explained in the section below."))
        XCTAssertFalse(DesignSemantics.isEchoLine("one two three four five six seven eight nine"))
    }
}
