import CodeGen
import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 27: a button whose label is drawn off centre (a title at the left of a filled band, a
/// sidebar's heading strip) keeps the label's inset instead of being centred.
final class OffCentreLabelTests: XCTestCase {
    func testALabelAtABandsLeftKeepsItsInset() throws {
        // "Table Of Contents" 8 px in from the left of a 210 px band: off centre
        let band = PixelRect(x: 590, y: 90, width: 210, height: 26)
        let label = ControlShapes.offCentreLabel(box: band, text: PixelRect(x: 598, y: 95, width: 140, height: 16))
        XCTAssertEqual(label?.align, .start)
        XCTAssertEqual(label?.inset, UIInsets(left: 8))
        // nearer the right: left centred (the fitted box's right end is not the ink's)
        XCTAssertNil(ControlShapes.offCentreLabel(box: band, text: PixelRect(x: 740, y: 95, width: 50, height: 16)))
    }

    func testACentredLabelIsLeftAlone() {
        // within 6 px, or a twelfth of the width
        XCTAssertNil(ControlShapes.offCentreLabel(box: PixelRect(x: 0, y: 0, width: 120, height: 40),
                                                  text: PixelRect(x: 30, y: 10, width: 56, height: 16)))
        XCTAssertNil(ControlShapes.offCentreLabel(box: PixelRect(x: 0, y: 0, width: 240, height: 40),
                                                  text: PixelRect(x: 62, y: 10, width: 100, height: 16)))
    }

    func testTheRendererKeepsTheInsetInsideTheBorder() throws {
        var button = UINode(kind: .button, box: PixelRect(x: 20, y: 10, width: 210, height: 26),
                            style: UIStyle(background: RGB(175, 193, 196), color: RGB(255, 255, 255), fontSize: 16,
                                           border: UIBorder(width: 1, color: RGB(134, 152, 155))),
                            text: "Table Of Contents")
        button.style.textAlign = .start
        button.style.padding = UIInsets(left: 8)
        let centred = UINode(kind: .button, box: PixelRect(x: 20, y: 50, width: 120, height: 30),
                             style: UIStyle(background: RGB(30, 60, 200), color: RGB(255, 255, 255), fontSize: 16), text: "Buy")
        var doc = UIDocument(width: 320, height: 100, background: RGB(255, 255, 255),
                             root: UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 320, height: 100),
                                          style: UIStyle(direction: .column), children: [button, centred]))
        LayoutFlow.apply(&doc)
        let html = try MockupRenderer().render(doc, target: .html, source: "x.png").text
        XCTAssertTrue(html.contains("justify-content: flex-start; padding: 0 0 0 7px;"), html)
        XCTAssertTrue(html.contains("justify-content: center; padding: 0;"), html)
        let tw = try MockupRenderer().render(doc, target: .tailwind, source: "x.png").text
        XCTAssertTrue(tw.contains("justify-start"), tw)
    }

    func testAFoldedFrameMovesTheInsetOut() {
        var button = UINode(kind: .button, box: PixelRect(x: 103, y: 203, width: 300, height: 24),
                            style: UIStyle(background: RGB(233, 237, 238)), text: "Trackback")
        button.style.textAlign = .start
        button.style.padding = UIInsets(left: 6)
        let frame = UINode(kind: .container, box: PixelRect(x: 100, y: 200, width: 306, height: 30),
                           style: UIStyle(background: RGB(200, 200, 200)), children: [button])
        var root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 800, height: 400), children: [frame])
        ControlShapes.foldButtonFrames(&root)
        XCTAssertEqual(root.children[0].kind, .button)
        XCTAssertEqual(root.children[0].style.padding, UIInsets(left: 9))
    }
}
