import XCTest
import ScreenCore
@testable import Perception

/// `ChangeDetector.blobs` passes over rows with no changed byte inside the region at once: only
/// the region's own columns decide whether a row is passed over.
final class ChangeDetectorRowTests: XCTestCase {
    func testOnlyTheRegionsColumnsOfARowCount() {
        let a = Image(width: 64, height: 32, format: .gray8, filledWith: 200)
        var b = a
        for y in 10..<14 { for x in 2..<6 { b.pixels[y * 64 + x] = 20 } }      // left of the region
        for y in 20..<23 { for x in 52..<59 { b.pixels[y * 64 + x] = 20 } }    // inside it, past its width from x = 0
        let region = PixelRect(x: 16, y: 0, width: 48, height: 32)
        let blobs = ChangeDetector.blobs(a, b, region: region)
        XCTAssertEqual(blobs.map(\.box), [PixelRect(x: 52, y: 20, width: 7, height: 3)])
        XCTAssertEqual(blobs.first?.pixels, 21)
        // The whole frame sees both; identical frames, none.
        XCTAssertEqual(ChangeDetector.blobs(a, b).count, 2)
        XCTAssertTrue(ChangeDetector.blobs(b, b).isEmpty)
    }
}
