import Foundation
import Media
@testable import Vid2AutoKit

/// "time size hash" of every frame `source` hands out for one request: two sources deliver the
/// same frames exactly when these lists are equal (StoreDecoderTests, ProvisionalAgentTests).
func frameDeliveries(_ source: any SegmentFrameSource, from a: Double, to b: Double, fps: Double) async throws -> [String] {
    var got: [String] = []
    try await source.frames(from: a, to: b, fps: fps) { f in
        let img = f.images[0]
        var h = Hasher()
        for y in 0..<img.height { h.combine(img.pixels[img.offset(x: 0, y: y)..<img.offset(x: img.width, y: y)]) }
        got.append(String(format: "%.4f %dx%d %d", f.time, img.width, img.height, h.finalize()))
    }
    return got
}
