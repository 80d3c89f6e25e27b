import XCTest
import ScreenCore
@testable import Perception

final class SwitchFinderTests: XCTestCase {
    let bounds = PixelRect(x: 0, y: 0, width: 640, height: 400)

    /// A 42×24 pill at (400, 200): `track` luma, a 18×18 knob of `knob` luma at the left or right end.
    func pill(on: Bool, track: UInt8, knob: UInt8 = 250, page: UInt8 = 30) -> Canvas {
        Canvas(background: page).with { c in
            c.fill(PixelRect(x: 400, y: 200, width: 42, height: 24), track)
            c.fill(PixelRect(x: on ? 421 : 403, y: 203, width: 18, height: 18), knob)
        }
    }

    func testAKnobMovingFromEndToEndIsASwitchFlip() throws {
        // Dark page: off = grey track, knob left; on = green track, knob right.
        let off = pill(on: false, track: 70), on = pill(on: true, track: 150)
        let pointer = PixelRect(x: 418, y: 210, width: 12, height: 18)
        let flip = try XCTUnwrap(SwitchFinder.flipped(near: PixelPoint(x: 418, y: 210), before: off.image,
                                                      after: on.with { $0.pointer(at: PixelPoint(x: 418, y: 210)) }.image,
                                                      bounds: bounds, avoid: [pointer]))
        XCTAssertTrue(flip.on)
        XCTAssertTrue(flip.box.expanded(2, 2).contains(PixelPoint(x: 405, y: 205)), "\(flip.box)")
        // And back.
        let back = try XCTUnwrap(SwitchFinder.flipped(near: PixelPoint(x: 425, y: 212), before: on.image, after: off.image, bounds: bounds))
        XCTAssertFalse(back.on)
        // Light page, track keeps its colour: only the knob moves.
        let lightOff = pill(on: false, track: 120, page: 250), lightOn = pill(on: true, track: 120, page: 250)
        XCTAssertEqual(SwitchFinder.flipped(near: PixelPoint(x: 420, y: 212), before: lightOff.image, after: lightOn.image,
                                            bounds: bounds)?.on, true)
    }

    func testADarkKnobOnALightTrackTurningWhiteOnADarkOneIsAFlip() throws {
        // Material style: off = light track with a dark outline and a dark knob at the left; on =
        // dark track, white knob at the right. The brighter end is the right one in both.
        let off = Canvas().with { c in
            c.fill(PixelRect(x: 400, y: 200, width: 42, height: 24), 225)
            c.outline(PixelRect(x: 400, y: 200, width: 42, height: 24), 100)
            c.fill(PixelRect(x: 404, y: 204, width: 16, height: 16), 110)
        }
        let on = pill(on: true, track: 90, page: 250)
        XCTAssertEqual(SwitchFinder.brighterEnd(of: PixelRect(x: 400, y: 200, width: 42, height: 24), in: off.image, hidden: { _, _ in false }), 1)
        XCTAssertEqual(SwitchFinder.knobEnd(of: PixelRect(x: 400, y: 200, width: 42, height: 24), in: off.image, hidden: { _, _ in false }), -1)
        let flip = try XCTUnwrap(SwitchFinder.flipped(near: PixelPoint(x: 412, y: 212), before: off.image, after: on.image, bounds: bounds))
        XCTAssertTrue(flip.on)
        XCTAssertEqual(SwitchFinder.flipped(near: PixelPoint(x: 430, y: 212), before: on.image, after: off.image, bounds: bounds)?.on, false)
    }

    func testASwitchRepaintingThePageFlipsInPlace() throws {
        // A dark-mode switch: the page goes dark with it, so the change around the point is the
        // whole page; the pill found under the pointer before has its knob at the other end after.
        let box = PixelRect(x: 400, y: 200, width: 42, height: 24)
        let off = pill(on: false, track: 190, page: 250), on = pill(on: true, track: 120, page: 20)
        let pointer = PixelRect(x: 420, y: 214, width: 8, height: 12)
        let flip = try XCTUnwrap(SwitchFinder.flipped(pill: box, before: off.image, after: on.image, avoid: [pointer]))
        XCTAssertTrue(flip.on)
        XCTAssertEqual(SwitchFinder.flipped(pill: box, before: on.image, after: off.image)?.on, false)
        // A pill button with its text, pressed (filled in), has no knob; a wide box is no pill.
        let button = Canvas().with { c in c.fill(box, 235); c.text(x: 410, y: 206, glyphs: 3) }
        let pressed = Canvas(background: 20).with { c in c.fill(box, 90); c.text(x: 410, y: 206, glyphs: 3, v: 250) }
        XCTAssertNil(SwitchFinder.flipped(pill: box, before: button.image, after: pressed.image))
        XCTAssertNil(SwitchFinder.flipped(pill: PixelRect(x: 300, y: 200, width: 200, height: 28), before: off.image, after: on.image))
    }

    func testChangesInPlaceAreNoSwitch() {
        // A checkbox ticking: its middle fills, nothing moves end to end.
        let box = Canvas().with { $0.outline(PixelRect(x: 400, y: 200, width: 16, height: 16), 60) }
        let ticked = box.with { $0.fill(PixelRect(x: 403, y: 203, width: 10, height: 10), 60) }
        XCTAssertNil(SwitchFinder.flipped(near: PixelPoint(x: 408, y: 208), before: box.image, after: ticked.image, bounds: bounds))
        // A button turning dark all over (a pressed or selected look).
        let button = Canvas().with { $0.fill(PixelRect(x: 400, y: 200, width: 48, height: 24), 230) }
        let pressed = Canvas().with { $0.fill(PixelRect(x: 400, y: 200, width: 48, height: 24), 90) }
        XCTAssertNil(SwitchFinder.flipped(near: PixelPoint(x: 420, y: 210), before: button.image, after: pressed.image, bounds: bounds))
        // A wide field gaining a ring is no pill.
        let field = Canvas().with { $0.outline(PixelRect(x: 300, y: 200, width: 200, height: 28), 200) }
        let ring = Canvas().with { $0.outline(PixelRect(x: 300, y: 200, width: 200, height: 28), 40) }
        XCTAssertNil(SwitchFinder.flipped(near: PixelPoint(x: 400, y: 210), before: field.image, after: ring.image, bounds: bounds))
    }

    // MARK: double-click selection

    func testTextComingOutSelectedIsADoubleClickButSelectionGoingAwayIsNot() {
        let plain = Canvas().with { $0.text(x: 300, y: 200, glyphs: 8) }
        // The word under the pointer selected: a solid band behind the letters, which turn light.
        let selected = plain.with { c in
            c.fill(PixelRect(x: 298, y: 198, width: 76, height: 16), 90)
            c.text(x: 300, y: 200, glyphs: 8, v: 250)
        }
        let band = SelectionFinder.selection(at: PixelPoint(x: 330, y: 206), before: plain.image, after: selected.image, bounds: bounds)
        XCTAssertNotNil(band)
        XCTAssertEqual(band.map { $0.height <= 18 && $0.width >= 70 }, true, "\(String(describing: band))")
        // The selection replaced by typing: the band turns back into the background around it.
        let typed = Canvas().with { $0.text(x: 300, y: 200, glyphs: 1) }
        XCTAssertNil(SelectionFinder.selection(at: PixelPoint(x: 330, y: 206), before: selected.image, after: typed.image, bounds: bounds))
        // A single click that changes nothing but a few letters' colour (a link visited) selects nothing.
        let recoloured = Canvas().with { $0.text(x: 300, y: 200, glyphs: 8, v: 120) }
        XCTAssertNil(SelectionFinder.selection(at: PixelPoint(x: 330, y: 206), before: plain.image, after: recoloured.image, bounds: bounds))
    }

    func testAnEditorOpenedWithItsValueSelectedIsADoubleClickThroughItsOutline() {
        // board-dblclick-rename: the card title turns into an editor with a 2-pixel dark outline,
        // its value shifted a little and all of it selected. The old letters, the outline and the
        // selection join into one thinly filled change; the anti-aliased corners of the outline
        // have the selection's luma.
        let plain = Canvas().with { $0.text(x: 299, y: 200, glyphs: 8) }
        let editor = PixelRect(x: 297, y: 192, width: 200, height: 32)
        let outlined = Canvas().with { c in
            c.outline(editor, 10); c.outline(editor.expanded(-1, -1), 10)
            for (x, y) in [(299, 194), (493, 194), (299, 220), (493, 220)] { c.fill(PixelRect(x: x, y: y, width: 2, height: 2), 92) }
        }
        let selected = outlined.with { c in
            c.fill(PixelRect(x: 305, y: 196, width: 78, height: 24), 90)
            c.text(x: 308, y: 202, glyphs: 8, v: 250)
        }
        let point = PixelPoint(x: 330, y: 206)
        let band = SelectionFinder.selection(at: point, before: plain.image, after: selected.image, bounds: bounds)
        XCTAssertEqual(band.map { $0.x >= 303 && $0.maxX <= 385 && $0.y >= 194 && $0.maxY <= 222 }, true,
                       "the selection inside the outline, not the editor: \(String(describing: band))")
        // The editor opened with nothing selected (its outline and the shifted text alone): no selection.
        let unselected = outlined.with { $0.text(x: 308, y: 202, glyphs: 8) }
        XCTAssertNil(SelectionFinder.selection(at: point, before: plain.image, after: unselected.image, bounds: bounds))
        // admin-window-escape: a short value in a wide editor, the outline holding more of the
        // change than the selection does: the selection is still what is found.
        let name = Canvas().with { $0.text(x: 299, y: 200, glyphs: 5) }
        let wide = Canvas().with { c in
            c.outline(PixelRect(x: 297, y: 192, width: 300, height: 30), 10); c.outline(PixelRect(x: 298, y: 193, width: 298, height: 28), 10)
            c.fill(PixelRect(x: 305, y: 197, width: 50, height: 20), 90)
            c.text(x: 307, y: 202, glyphs: 5, v: 250)
        }
        let short = SelectionFinder.selection(at: PixelPoint(x: 320, y: 206), before: name.image, after: wide.image, bounds: bounds)
        XCTAssertEqual(short.map { $0.x >= 303 && $0.maxX <= 357 && $0.y >= 195 && $0.maxY <= 219 }, true, "\(String(describing: short))")
        XCTAssertGreaterThan(SelectionFinder.mainColours([Int](repeating: 0, count: 32).enumerated().map { $0.offset == 1 ? 1300 : $0.offset == 11 ? 700 : 0 }).count, 1)
    }

    func testAPillButtonFillingInIsNoSelection() {
        // docs: a "No" feedback pill (rounded ends, radius half its height) turning dark when pressed.
        let plain = Canvas().with { $0.text(x: 310, y: 200, glyphs: 2) }
        let pressed = plain.with { c in
            for y in 0..<28 {
                // The pill's width on row y: full in the middle, narrowing towards the ends.
                let d = abs(Double(y) - 13.5), inset = 14 - Int((196 - d * d).squareRoot())
                c.fill(PixelRect(x: 296 + inset, y: 192 + y, width: 48 - 2 * inset, height: 1), 90)
            }
            c.text(x: 310, y: 200, glyphs: 2, v: 250)
        }
        XCTAssertNil(SelectionFinder.selection(at: PixelPoint(x: 318, y: 206), before: plain.image, after: pressed.image, bounds: bounds))
        XCTAssertTrue(SelectionFinder.roundedCorners(PixelRect(x: 0, y: 0, width: 10, height: 10),
                                                     changed: (0..<100).map { i in (i % 10 > 2 && i % 10 < 7) || (i / 10 > 2 && i / 10 < 7) },
                                                     covered: Array(repeating: false, count: 100), window: PixelRect(x: 0, y: 0, width: 10, height: 10)))
        XCTAssertFalse(SelectionFinder.roundedCorners(PixelRect(x: 0, y: 0, width: 10, height: 10), changed: Array(repeating: true, count: 100),
                                                      covered: Array(repeating: false, count: 100), window: PixelRect(x: 0, y: 0, width: 10, height: 10)))
    }

    // MARK: keys

    func testARingIsEdgesOnlyAndASliderThumbSlidesSideways() {
        let field = Canvas().with { $0.outline(PixelRect(x: 200, y: 200, width: 160, height: 30), 200); $0.text(x: 210, y: 208, glyphs: 5) }
        let ringed = field.with { $0.outline(PixelRect(x: 200, y: 200, width: 160, height: 30), 30); $0.outline(PixelRect(x: 201, y: 201, width: 158, height: 28), 30) }
        XCTAssertTrue(SegmentAnalyst.isRing(PixelRect(x: 200, y: 200, width: 160, height: 30), before: field.image, after: ringed.image))
        // New text inside is no ring.
        let filled = field.with { $0.text(x: 260, y: 208, glyphs: 8) }
        XCTAssertFalse(SegmentAnalyst.isRing(PixelRect(x: 200, y: 200, width: 160, height: 30), before: field.image, after: filled.image))
        // A slider: a filled track up to a thumb, the thumb 12 pixels further right after.
        func slider(_ at: Int) -> Canvas {
            Canvas().with { c in
                c.fill(PixelRect(x: 100, y: 108, width: 280, height: 4), 180)
                c.fill(PixelRect(x: 100, y: 108, width: at - 100, height: 4), 90)
                c.fill(PixelRect(x: at - 7, y: 103, width: 14, height: 14), 60)
            }
        }
        let m = SegmentAnalyst.sideways(from: slider(200).image, to: slider(212).image, band: PixelRect(x: 150, y: 100, width: 120, height: 20))
        XCTAssertGreaterThan(m.shift, 0)
        XCTAssertLessThan(m.cost, m.still * 0.75)
        let back = SegmentAnalyst.sideways(from: slider(212).image, to: slider(200).image, band: PixelRect(x: 150, y: 100, width: 120, height: 20))
        XCTAssertLessThan(back.shift, 0)
    }

    func testFocusMovingFromOneFieldToTheNextIsTwoRings() {
        let a = PixelRect(x: 100, y: 100, width: 300, height: 32), b = PixelRect(x: 100, y: 180, width: 300, height: 32)
        let page = Canvas().with { $0.outline(a, 200); $0.outline(b, 200); $0.text(x: 110, y: 110, glyphs: 6); $0.text(x: 110, y: 190, glyphs: 3) }
        let ring = { (c: inout Canvas, r: PixelRect) in c.outline(r, 30); c.outline(r.insetBy(1), 30); c.outline(r.insetBy(2), 30) }
        let onA = page.with { ring(&$0, a) }, onB = page.with { ring(&$0, b) }
        XCTAssertTrue(SegmentAnalyst.focusMoved([a, b], before: onA.image, after: onB.image))
        // One ring only, or a ring staying while text changes in the other field (typing), is no Tab.
        XCTAssertFalse(SegmentAnalyst.focusMoved([a], before: onA.image, after: page.image))
        let typed = onA.with { $0.text(x: 140, y: 190, glyphs: 8) }
        XCTAssertFalse(SegmentAnalyst.focusMoved([a, b], before: onA.image, after: typed.image))
        // A switch's ring box is pill-shaped; a text field's is not.
        XCTAssertTrue(SegmentAnalyst.pillShaped(PixelRect(x: 0, y: 0, width: 54, height: 30)))
        XCTAssertFalse(SegmentAnalyst.pillShaped(a))
    }

    func testABackdropLiftingBrightensEveryCornerByOneFactor() {
        let vp = PixelRect(x: 0, y: 0, width: 640, height: 400)
        // A page with a dark sidebar, then the same page dimmed to 60 % under a modal.
        let page = Canvas().with { $0.fill(PixelRect(x: 0, y: 0, width: 130, height: 400), 120); $0.text(x: 200, y: 30, glyphs: 10) }
        var dimmed = page
        for i in dimmed.image.pixels.indices { dimmed.image.pixels[i] = UInt8(Double(dimmed.image.pixels[i]) * 0.6) }
        dimmed.fill(PixelRect(x: 200, y: 120, width: 240, height: 160), 255)
        XCTAssertTrue(SegmentAnalyst.backdropLifted(before: dimmed.image, after: page.image, viewport: vp))
        // Opening it is no lifting; nor is another page that is lighter in some corners only.
        XCTAssertFalse(SegmentAnalyst.backdropLifted(before: page.image, after: dimmed.image, viewport: vp))
        let other = Canvas(background: 250).with { $0.fill(PixelRect(x: 0, y: 0, width: 640, height: 200), 90) }
        XCTAssertFalse(SegmentAnalyst.backdropLifted(before: Canvas(background: 120).image, after: other.image, viewport: vp))
    }

    func testAnEditorOutlineAroundClickedTextIsADoubleClicksEditor() {
        let text = PixelRect(x: 120, y: 110, width: 90, height: 12)
        let page = Canvas().with { $0.text(x: 120, y: 110, glyphs: 10) }
        let editor = PixelRect(x: 112, y: 102, width: 160, height: 28)
        let editing = page.with { $0.outline(editor, 60); $0.outline(editor.insetBy(1), 60) }
        XCTAssertTrue(SegmentAnalyst.editorOpened(editor, around: text, before: page.image, after: editing.image))
        // A field far wider than the text (a form's input, a button opening a new field) is not it.
        let wide = PixelRect(x: 100, y: 102, width: 480, height: 28)
        let field = page.with { $0.outline(wide, 60); $0.outline(wide.insetBy(1), 60) }
        XCTAssertFalse(SegmentAnalyst.editorOpened(wide, around: text, before: page.image, after: field.image))
        // A row highlighted behind the text (a selection) changes its inside as much as its edges.
        let row = page.with { $0.fill(editor, 200); $0.text(x: 120, y: 110, glyphs: 10) }
        XCTAssertFalse(SegmentAnalyst.editorOpened(editor, around: text, before: page.image, after: row.image))
    }

    func testTheArrowKeyFollowsTheHighlightAndItsWrapping() {
        let list = PixelRect(x: 100, y: 140, width: 400, height: 200)
        let row = { (i: Int) in PixelRect(x: 102, y: 140 + i * 50, width: 396, height: 50) }
        // First highlight on the top row: down from the field; on the bottom row: up (wrapped).
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(0)], previous: nil, list: list), "ArrowDown")
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(3)], previous: nil, list: list), "ArrowUp")
        XCTAssertNil(SegmentAnalyst.arrowKey(rows: [row(1)], previous: nil, list: list))
        // From one row to the next and back.
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(1), row(2)], previous: row(1), list: list), "ArrowDown")
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(1), row(2)], previous: row(2), list: list), "ArrowUp")
        // Wrapping from the top row to the bottom one is up; from the bottom to the top, down.
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(0), row(3)], previous: row(0), list: list), "ArrowUp")
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(0), row(3)], previous: row(3), list: list), "ArrowDown")
        // The highlight leaving the top row went back up into the field.
        XCTAssertEqual(SegmentAnalyst.arrowKey(rows: [row(0)], previous: row(0), list: list), "ArrowUp")
    }

    // MARK: aggregation

    func testDoubleClicksSwitchesAndKeysBecomeTheirActions() {
        let layout = ScreenLayout.fullFrame(width: 640, height: 400)
        let obs = [
            Observation(kind: .dblclick, time: 1, point: PixelPoint(x: 100, y: 100), box: PixelRect(x: 80, y: 92, width: 90, height: 16), text: "Tove Aalto"),
            // The editor it opened is typed into: the double-click is no focusing click to fold into the fill.
            Observation(kind: .typing, time: 1.6, endTime: 2.4, box: PixelRect(x: 78, y: 88, width: 200, height: 24), role: .textbox, value: .text("Tove Aalto-Berg")),
            Observation(kind: .press, time: 3, value: .text("Escape")),
            Observation(kind: .check, time: 4, point: PixelPoint(x: 420, y: 210), box: PixelRect(x: 400, y: 200, width: 42, height: 24), role: .switch,
                        text: "Weekly summary email", label: "Weekly summary email", value: .flag(true)),
        ]
        let actions = Aggregator().aggregate(obs, layout: layout).actions
        XCTAssertEqual(actions.map(\.kind), [.dblclick, .fill, .press, .check])
        XCTAssertEqual(actions[3].target?.role, .switch)
        XCTAssertEqual(actions[3].target?.name, "Weekly summary email")
        XCTAssertEqual(actions[2].value?.text, "Escape")
    }
}
