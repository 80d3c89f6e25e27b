// What appeared once the page settled, read while the agent goes on: the reading of the settled
// screen's top band (a sparse read of up to 1292×272 pixels, 0.05–0.2 s) was the agent's to wait
// for, often while the other core idled. It is now announced as a read ahead — an idle core
// starts it at once — and taken at the next settle or when the segment ends, the only places
// that look at `appeared`. The crop, the reading and the filters are the same, so the
// observations are too; with no idle core (`--agents 1`) the agent reads it itself when it takes it.

import Foundation
import ScreenCore

/// A settle's reading of the text that appeared, left to be taken (`SegmentAnalyst.takeAppeared`).
struct PendingAppeared {
    var observation: Int
    var top: PixelRect
    var frame: Image
    var exclude: PixelRect?
    var before: Image?
}

extension SegmentAnalyst {
    /// Announces the reading of `top` in `frame` (an idle core may start it now) and returns what
    /// `takeAppeared` needs to finish it.
    func deferAppeared(observation i: Int, top: PixelRect, in frame: Image, exclude: PixelRect?, before: Image?) -> PendingAppeared {
        TextRegions.readLinesAhead(top, in: frame, reader: reader)
        return PendingAppeared(observation: i, top: top, frame: frame, exclude: exclude, before: before)
    }

    /// Sets the pending observation's `appeared`: the lines of its top band read surely, new
    /// since the screen before the change, outside the excluded box, tallest first (three at most).
    func takeAppeared() async throws {
        guard let p = pendingAppeared else { return }
        pendingAppeared = nil
        let frame = p.frame
        // An assertion on a misread word fails the replay: every word must be read surely.
        let lines = try await TextRegions.readLines(p.top, in: frame, reader: reader, minConfidence: 70, minWordConfidence: 80)
        let crop = p.top.intersection(PixelRect(x: 0, y: 0, width: frame.width, height: frame.height))
        let sorted = lines.compactMap { l -> (text: String, box: PixelRect)? in
            guard !(p.exclude.map { $0.intersection(l.box).area > 0 } ?? false),
                  p.before.map({ ChangeDetector.meanDifference($0, frame, region: l.box) >= 10 }) ?? true,
                  let t = Self.assertable(l.text, box: l.box, crop: crop) else { return nil }
            return (t, l.box)
        }
            .sorted { $0.box.height > $1.box.height }
        observations[p.observation].appeared = Array(sorted.prefix(3).map(\.text))
    }
}
