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
    /// The crop `TextRegions.readLines` reads, made the first time a core is spare to read it.
    let crop: PreparedCrop
}

/// A crop made once, when first asked for. Not Sendable: the analyst's own, inside its task.
final class PreparedCrop {
    private let make: () -> Image
    private var made: Image?
    init(_ make: @escaping () -> Image) { self.make = make }
    /// Whether a spare core was offered it (it is then read or being read: no need to offer again).
    var isMade: Bool { made != nil }
    var image: Image {
        if let made { return made }
        let m = make()
        made = m
        return m
    }
}

extension SegmentAnalyst {
    /// Announces the reading of `top` in `frame` (an idle core may start it now) and returns what
    /// `takeAppeared` needs to finish it.
    func deferAppeared(observation i: Int, top: PixelRect, in frame: Image, exclude: PixelRect?, before: Image?) -> PendingAppeared {
        // (The crop and margin of `TextRegions.readLines`, so that its read takes this one.)
        let p = PendingAppeared(observation: i, top: top, frame: frame, exclude: exclude, before: before,
                                crop: PreparedCrop { TextRegions.prepare(frame.cropped(to: top), margin: 6) })
        announceAppeared(p)
        return p
    }

    /// Offers the pending reading to a spare core (again on every frame until one took it: a core
    /// may have come free since — the other agent done). Nothing is made while none is spare.
    func announceAppeared(_ p: PendingAppeared? = nil) {
        guard let p = p ?? pendingAppeared, !p.crop.isMade else { return }
        let clipped = p.top.intersection(PixelRect(x: 0, y: 0, width: p.frame.width, height: p.frame.height))
        guard clipped.width >= 6, clipped.height >= 6 else { return }
        reader.readAhead(mode: .sparse) { p.crop.image }
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
