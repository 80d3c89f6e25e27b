// The segment analyst's searches for look-alikes of an element, remembered for the frames it
// searched last: `iconGlyph`, `readElementText` and `contextFor` may each search the same
// element on the same frame.

import ScreenCore

/// `Duplicates.find` with its last few answers kept. A frame's image is never changed once it
/// is handed to the analyst, so the same pixel storage (held here, so it cannot be reused for
/// other pixels meanwhile) with the same box, region and ignored cells gives the same boxes.
/// Lives inside one analyst (one task).
final class CopySearches {
    private var recent: [(image: Image, box: PixelRect, region: PixelRect, ignoring: PixelRect?, found: [PixelRect])] = []
    static let kept = 6

    func find(_ box: PixelRect, in image: Image, within region: PixelRect, ignoring: PixelRect?, split: WorkSplit?) -> [PixelRect] {
        if let hit = recent.first(where: { $0.box == box && $0.region == region && $0.ignoring == ignoring && Self.same($0.image, image) }) {
            Debug.log("copies of \(box): searched on this frame already")
            return hit.found
        }
        let found = Duplicates.find(box, in: image, within: region, ignoring: ignoring, split: split)
        recent.append((image, box, region, ignoring, found))
        if recent.count > Self.kept { recent.removeFirst() }
        return found
    }

    /// The same pixels: the same storage and the same layout.
    static func same(_ a: Image, _ b: Image) -> Bool {
        guard a.width == b.width, a.height == b.height, a.bytesPerRow == b.bytesPerRow, a.format == b.format,
              a.pixels.count == b.pixels.count, !a.pixels.isEmpty else { return false }
        return a.pixels.withUnsafeBufferPointer { pa in b.pixels.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress } }
    }
}
