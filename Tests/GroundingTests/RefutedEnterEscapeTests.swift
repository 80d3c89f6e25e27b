import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 29: an Enter refuted live while a dialog is open live that the video shows closed
/// after the step is Escape (LiveGrounder+RefutedEnterEscape.swift). A fake page 200×120: a
/// board behind, the dialog at (40,20 120×80) while open.
final class RefutedEnterEscapeTests: XCTestCase {
    /// The page: stripes (a board's cards), with the dialog drawn over it when `dialog`.
    static func page(dialog: Bool) -> Image {
        var img = Image(width: 200, height: 120, format: .gray8, filledWith: 235)
        for y in 0..<120 { for x in 0..<200 where (x / 10 + y / 15) % 2 == 0 { img.pixels[y * 200 + x] = 180 } }
        guard dialog else { return img }
        for y in 20..<100 { for x in 40..<160 { img.pixels[y * 200 + x] = 255 } }
        for y in 30..<40 { for x in 50..<110 { img.pixels[y * 200 + x] = 30 } }     // its title
        for y in 60..<80 { for x in 50..<150 { img.pixels[y * 200 + x] = 120 } }    // a field
        return img
    }

    /// A run whose live page shows the dialog until a key in `closing` is pressed; the video's
    /// frame after the Enter (at 2 s) is `video`.
    private func run(video: Image, closing: Set<Key> = [.escape]) -> (Run, FakeBrowser, TestCell<[Key]>, TestCell<Bool>) {
        let b = FakeBrowser()
        let open = TestCell(true)
        let keys = TestCell<[Key]>([])
        b.keyTargets = { open.value ? ["field": [50, 60, 100, 20], "submits": false, "dialog": [40, 20, 120, 80]] : .null }
        b.shot = { Data([open.value ? 1 : 0]) }
        b.onKeys = { k in
            keys.value += k
            if k.contains(where: { closing.contains($0) }) { open.value = false; b.stateVersion += 1 }
        }
        let withDialog = Self.page(dialog: true), without = Self.page(dialog: false)
        let enter = Action(kind: .press, time: 1.0, endTime: 1.06, value: .text("Enter"))
        let next = Action(kind: .click, time: 3.0, endTime: 3.0, target: Target(point: Point(x: 20, y: 110)))
        let r = Run(options: LiveOptions(settleSeconds: 0, secretNames: { _ in [] }), browser: b,
                    frames: LiveFrames(frames: [(time: 0.8, image: withDialog), (time: 2, image: video)], scale: 1),
                    decodePNG: { $0.first == 1 ? withDialog : without },
                    timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: [enter, next]))
        return (r, b, keys, open)
    }

    func testEscapeClosesTheDialogTheVideoClosed() async throws {
        // board-dialog-fix-escape-rename 10.9 s: Enter in Story points changes nothing live; the
        // video shows the board again.
        var (r, _, keys, open) = run(video: Self.page(dialog: false))
        r.refutedKeyAt = (0, 1.0)
        let why = try await r.escapeForRefutedEnter(0, r.timeline.actions[0])
        XCTAssertEqual(keys.value, [.escape])
        XCTAssertFalse(open.value)
        XCTAssertTrue(why?.contains("brings its place in line") ?? false, "\(why ?? "nil")")
        XCTAssertNil(r.refutedKeyAt, "the step stands: no gap search from its time")
    }

    func testADialogTheVideoStillShowsIsLeftOpen() async throws {
        // The video still shows the dialog after the step: Escape is not tried, the Enter stays dropped.
        var (r, _, keys, open) = run(video: Self.page(dialog: true))
        let why = try await r.escapeForRefutedEnter(0, r.timeline.actions[0])
        XCTAssertNil(why)
        XCTAssertEqual(keys.value, [])
        XCTAssertTrue(open.value)
    }

    func testNoDialogLiveOrAnEscapeThatChangesNothingLeavesTheEnterDropped() async throws {
        var (r, b, keys, _) = run(video: Self.page(dialog: false))
        b.keyTargets = { ["field": [50, 60, 100, 20], "submits": false] }
        var why = try await r.escapeForRefutedEnter(0, r.timeline.actions[0])
        XCTAssertNil(why)
        XCTAssertEqual(keys.value, [])
        // A dialog Escape does not close (nothing changes live): dropped as before.
        var (r2, _, keys2, open2) = run(video: Self.page(dialog: false), closing: [])
        why = try await r2.escapeForRefutedEnter(0, r2.timeline.actions[0])
        XCTAssertNil(why)
        XCTAssertEqual(keys2.value, [.escape])
        XCTAssertTrue(open2.value)
    }

    func testTheVideoShowsTheDialogClosedOnlyWhenItsPlaceIsUnlikeAndGone() {
        XCTAssertTrue(Run.dialogClosedInVideo(look: 0.3, gone: true))
        XCTAssertFalse(Run.dialogClosedInVideo(look: 0.3, gone: false))
        XCTAssertFalse(Run.dialogClosedInVideo(look: 0.9, gone: true))
    }
}
