import DesignLayout
import Foundation
import ScreenCore
import XCTest

/// Session 25: a box drawn around a button, a few pixels out on every side, is the button's frame
/// (its border), not a panel holding it.
final class ButtonFrameTests: XCTestCase {
    func button(_ r: PixelRect, _ text: String) -> UINode {
        var b = UINode(kind: .button, box: r, style: UIStyle(background: RGB(233, 237, 238), color: RGB(24, 83, 112)), text: text)
        b.style.fontSize = 21
        return b
    }

    func testAFilledFrameAFewPixelsAroundAButtonIsItsBorder() {
        let frame = UINode(kind: .container, box: PixelRect(x: 16, y: 556, width: 614, height: 54),
                           style: UIStyle(background: RGB(227, 227, 227), radius: 3),
                           children: [button(PixelRect(x: 17, y: 558, width: 610, height: 50), "Governing Authority")])
        var root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 800), style: UIStyle(direction: .column), children: [frame])
        ControlShapes.foldButtonFrames(&root)
        XCTAssertEqual(root.children.count, 1)
        let b = root.children[0]
        XCTAssertEqual(b.kind, .button)
        XCTAssertEqual(b.text, "Governing Authority")
        XCTAssertEqual(b.box, PixelRect(x: 16, y: 556, width: 614, height: 54))
        XCTAssertEqual(b.style.border, UIBorder(width: 2, color: RGB(227, 227, 227)))
        XCTAssertEqual(b.style.background, RGB(233, 237, 238))
        XCTAssertEqual(b.style.radius, 3)
    }

    func testAnOutlinedFrameLendsTheButtonItsLine() {
        let frame = UINode(kind: .container, box: PixelRect(x: 367, y: 400, width: 544, height: 30),
                           style: UIStyle(border: UIBorder(width: 1, color: RGB(140, 121, 106))),
                           children: [button(PixelRect(x: 369, y: 403, width: 540, height: 24), "Home | Excerpts")])
        var root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 1280, height: 800), children: [frame])
        ControlShapes.foldButtonFrames(&root)
        XCTAssertEqual(root.children[0].kind, .button)
        XCTAssertEqual(root.children[0].style.border, UIBorder(width: 1, color: RGB(140, 121, 106)))
        XCTAssertEqual(root.children[0].box.height, 30)
    }

    func testAPanelHoldingAButtonWithRoomAroundItStays() {
        // a card with padding round its button, a box holding a button and more, a frame without a look
        let card = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 300, height: 80), style: UIStyle(background: RGB(240, 240, 240)),
                          children: [button(PixelRect(x: 20, y: 20, width: 120, height: 40), "Buy")])
        let two = UINode(kind: .container, box: PixelRect(x: 0, y: 100, width: 124, height: 60), style: UIStyle(background: RGB(240, 240, 240)),
                         children: [button(PixelRect(x: 2, y: 102, width: 120, height: 30), "Buy"),
                                    UINode(kind: .text, box: PixelRect(x: 2, y: 140, width: 60, height: 16), text: "or not")])
        let bare = UINode(kind: .container, box: PixelRect(x: 0, y: 200, width: 124, height: 44),
                          children: [button(PixelRect(x: 2, y: 202, width: 120, height: 40), "Buy")])
        var root = UINode(kind: .container, box: PixelRect(x: 0, y: 0, width: 400, height: 300), children: [card, two, bare])
        let before = root
        ControlShapes.foldButtonFrames(&root)
        XCTAssertEqual(root, before)
    }
}
