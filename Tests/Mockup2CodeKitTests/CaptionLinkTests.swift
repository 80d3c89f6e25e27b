import DesignLayout
import ScreenCore
import XCTest

/// A gallery's titles under its pictures are links; a row of texts not under pictures is not.
final class CaptionLinkTests: XCTestCase {
    let page = RGB(255, 255, 255)

    func picture(_ x: Int, _ y: Int) -> UINode {
        UINode(kind: .image, box: PixelRect(x: x, y: y, width: 220, height: 140), style: UIStyle(background: RGB(90, 80, 70)), label: "image")
    }

    func text(_ s: String, _ x: Int, _ y: Int, _ w: Int) -> UINode {
        UINode(kind: .text, box: PixelRect(x: x, y: y, width: w, height: 18),
               style: UIStyle(color: RGB(60, 60, 60), fontSize: 15, fontWeight: 400, lineHeight: 18), text: s)
    }

    func row(_ kids: [UINode]) -> UINode {
        UINode(kind: .container, box: kids.map(\.box).reduce(kids[0].box) { $0.union($1) }, style: UIStyle(direction: .row), children: kids)
    }

    func document(_ kids: [UINode]) -> UIDocument {
        let body = (0..<3).map { text(String(repeating: "A paragraph of body text on the page. ", count: 3), 40, 700 + $0 * 24, 900) }
        return UIDocument(width: 1280, height: 1000, background: page,
                          root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 1000),
                                       style: UIStyle(direction: .column), children: kids + body))
    }

    func tag(_ doc: UIDocument, _ s: String) -> String? { doc.allNodes.first { $0.text == s }?.tag }

    func testTitlesUnderARowOfPicturesAreLinks() {
        let pics = row([picture(80, 300), picture(380, 300), picture(680, 300), picture(980, 300)])
        let caps = row([text("Aubade Paean", 140, 458, 100), text("Matins i", 420, 458, 60), text("Cold Snap", 720, 458, 75)])
        var doc = document([pics, caps])
        DesignSemantics.apply(&doc)
        XCTAssertEqual(tag(doc, "Aubade Paean"), "a")
        XCTAssertEqual(tag(doc, "Matins i"), "a")
        XCTAssertEqual(tag(doc, "Cold Snap"), "a")
    }

    func testACaptionedPictureInTheRowCountsAndItsLineIsALinkToo() {
        // a shorter picture whose title XY-cut kept under it, in a column, between two pictures
        let short = UINode(kind: .image, box: PixelRect(x: 380, y: 300, width: 220, height: 110), style: UIStyle(background: RGB(90, 80, 70)))
        let card = UINode(kind: .container, box: PixelRect(x: 380, y: 300, width: 220, height: 136), style: UIStyle(direction: .column),
                          children: [short, text("Wind Psalm", 440, 418, 80)])
        let pics = row([picture(80, 300), card, picture(680, 300)])
        let caps = row([text("Spring Storm Alone", 120, 458, 130), text("Moonrise Sandstone", 720, 458, 140)])
        var doc = document([pics, caps])
        DesignSemantics.apply(&doc)
        XCTAssertEqual(tag(doc, "Spring Storm Alone"), "a")
        XCTAssertEqual(tag(doc, "Moonrise Sandstone"), "a")
        XCTAssertEqual(tag(doc, "Wind Psalm"), "a")
        // without the caption row, the column's line stays text
        var alone = document([row([picture(80, 300), card, picture(680, 300)])])
        DesignSemantics.apply(&alone)
        XCTAssertEqual(tag(alone, "Wind Psalm"), "p")
    }

    func testTextsFarBelowOrBesideThePicturesOrUnderTwoPicturesStayText() {
        // too far below the pictures: a row of its own
        var far = document([row([picture(80, 300), picture(380, 300), picture(680, 300)]),
                            row([text("Aubade Paean", 140, 500, 100), text("Matins i", 420, 500, 60)])])
        DesignSemantics.apply(&far)
        XCTAssertEqual(tag(far, "Aubade Paean"), "p")
        // one text reaching past its picture: not a caption row
        var wide = document([row([picture(80, 300), picture(380, 300), picture(680, 300)]),
                             row([text("Aubade Paean", 140, 458, 100), text("A longer line under two", 420, 458, 400)])])
        DesignSemantics.apply(&wide)
        XCTAssertEqual(tag(wide, "Aubade Paean"), "p")
        // two pictures are a pair, not a gallery
        var pair = document([row([picture(80, 300), picture(380, 300)]),
                             row([text("Aubade Paean", 140, 458, 100), text("Matins i", 420, 458, 60)])])
        DesignSemantics.apply(&pair)
        XCTAssertEqual(tag(pair, "Matins i"), "p")
    }
}
