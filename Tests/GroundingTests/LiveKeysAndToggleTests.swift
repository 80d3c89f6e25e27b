import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// Session 9's decisions on keys and toggles the offline analysis missed or misread.
final class LiveKeysAndToggleTests: XCTestCase {
    func key(before: Double, after: Double) -> PendingKey {
        PendingKey(step: 2, key: .enter, name: "Enter", region: .init(x: 0, y: 0, width: 10, height: 10), before: before, after: after)
    }

    func testAPendingKeyExplainsItsStepOnlyWhenItsAreaMovedClearlyTowardsTheVideoAfterIt() {
        // The inline editor closed as the video shows after the step: 0.24 → 0.89.
        XCTAssertTrue(key(before: 0.24, after: 0.89).explainsStep)
        // Moved, but still unlike the video.
        XCTAssertFalse(key(before: 0.1, after: 0.45).explainsStep)
        // Alike already before the key: it explains nothing.
        XCTAssertFalse(key(before: 0.85, after: 0.9).explainsStep)
        // Away from the video.
        XCTAssertFalse(key(before: 0.6, after: 0.3).explainsStep)
    }

    func testAClickAfterAHoverIsKeptAboveTheHoversLeanOnlyWhenARelayoutHidTheChange() {
        // The change stayed in the video: any click that explains it is kept.
        XCTAssertTrue(Run.clickKept(lean: 0.62, before: -0.8, hover: nil))
        // A re-layout hid it: the click must beat resting the pointer there.
        XCTAssertFalse(Run.clickKept(lean: 0.44, before: -0.68, hover: 0.48))
        XCTAssertTrue(Run.clickKept(lean: 0.60, before: -0.68, hover: 0.48))
        // Nothing explained at all.
        XCTAssertFalse(Run.clickKept(lean: 0.1, before: -0.5, hover: nil))
        XCTAssertFalse(Run.clickKept(lean: 0.9, before: 0.6, hover: nil))
    }

    /// A list of eight rows (two-tone stripes), `shift` rows moved down, and a small star in row 1.
    static func list(shift: Int, star: Bool) -> Image {
        var img = Image(width: 200, height: 200, format: .gray8, filledWith: 240)
        for row in 0..<8 {
            let y0 = 10 + ((row + shift) % 8) * 22
            for y in y0..<(y0 + 8) { for x in 10..<(40 + row * 15) { img.pixels[y * 200 + x] = 40 } }
        }
        if star { for y in 12..<20 { for x in 180..<188 { img.pixels[y * 200 + x] = 0 } } }
        return img
    }

    func testARelayoutIsMoreAreasChangingThanOneControlsLook() {
        let whole = PixelRect(x: 0, y: 0, width: 200, height: 200)
        let f1 = Self.list(shift: 0, star: true)
        // Only the star goes again: one area, no re-layout.
        XCTAssertFalse(Run.relaidOut(f1, Self.list(shift: 0, star: false), in: whole))
        // The rows move: many areas.
        XCTAssertTrue(Run.relaidOut(f1, Self.list(shift: 3, star: false), in: whole))
        // No later frame, or one of another size: it cannot be told.
        XCTAssertFalse(Run.relaidOut(f1, nil, in: whole))
        XCTAssertFalse(Run.relaidOut(f1, Image(width: 100, height: 100, format: .gray8, filledWith: 0), in: whole))
    }
}
