import Foundation
import ScreenCore

/// The video's pointer over a field the fields reconcile reads (`Run.reconcileFields`): a person
/// clicks into a search field and types without moving the mouse, so at the next step (or at the
/// recording's end) the pointer's I-beam is drawn over the field's text area. The reader takes it
/// for letters ("2 26h" for "e" beside an I-beam), and its ink is in no rendering.
extension Run {
    /// Where the video's pointer rests before step `i` (CSS pixels; the recording's end when `i` is
    /// the number of actions): see `restingPoint(performed:offline:)`.
    func restingPointerAfterLastStep(before i: Int) -> Point? {
        Self.restingPoint(performed: out, offline: timeline.actions[..<min(max(0, i), timeline.actions.count)])
    }

    /// The step kinds that move the video's pointer to their point.
    static let pointerKinds: Set<ActionKind> = [.click, .dblclick, .hover, .check, .select]

    /// Where the video's pointer rests after the steps `performed` live and the analysis's steps
    /// `offline` before the moment (CSS pixels): the point of the latest pointer step of either.
    /// A key press after it does not move the pointer, and a pointer step the live run dropped
    /// (a click that changed nothing live) still put the video's pointer there:
    /// contacts-retype-search-24fps's last search "e" was typed after a dropped click into the
    /// field, whose I-beam then rests beside the text ("2 26h" read for "e"). Of two at the same
    /// moment the performed (corrected) one wins. Nil when neither has a pointer step.
    static func restingPoint(performed: [Action], offline: ArraySlice<Action>) -> Point? {
        let live = performed.last { pointerKinds.contains($0.kind) && $0.target?.point != nil }
        let seen = offline.last { pointerKinds.contains($0.kind) && $0.target?.point != nil }
        if let seen, seen.time > (live?.time ?? -.infinity) + 0.001 { return seen.target?.point }
        return live?.target?.point
    }

    /// `crop` with the pixels inside `box` (the crop's own pixels) painted with the crop's
    /// background (its median luminance per channel): the pointer's ink removed before reading.
    static func paintedOver(_ crop: Image, _ box: PixelRect) -> Image {
        var img = crop
        let bpp = crop.format.bytesPerPixel
        // The background per channel: the median of the pixels outside the box.
        var channels = [[UInt8]](repeating: [], count: bpp)
        for y in 0..<crop.height {
            for x in 0..<crop.width where !(x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height) {
                let o = crop.offset(x: x, y: y)
                for c in 0..<bpp { channels[c].append(crop.pixels[o + c]) }
            }
        }
        guard !channels[0].isEmpty else { return crop }
        let bg = channels.map { $0.sorted()[$0.count / 2] }
        for y in max(0, box.y)..<min(crop.height, box.y + box.height) {
            for x in max(0, box.x)..<min(crop.width, box.x + box.width) {
                let o = crop.offset(x: x, y: y)
                for c in 0..<bpp where !(crop.format == .rgba32 && c == 3) { img.pixels[o + c] = bg[c] }
            }
        }
        return img
    }

    /// How far ahead (seconds after the moment a field is reconciled at) a step typing the same
    /// value makes an inserted fill a duplicate.
    static let aheadFillSeconds = 3.0

    /// The value of the first `fill` step from step `i` on, starting before `until`, that types
    /// one of `values` (compared without case and caret, `readingKey`); nil when none does.
    /// A step whose point lies in one of the `elsewhere` boxes (the other text fields shown live)
    /// types there, not into this field: wizard-full-booking's Guests "3" a step ahead kept the
    /// Nights field's "3" from being typed.
    func upcomingFill(after i: Int, matching values: [String], until: Double,
                      elsewhere: [(x: Double, y: Double, width: Double, height: Double)] = []) -> String? {
        let wanted = Set(values.map { Self.readingKey($0).lowercased() })
        for a in timeline.actions[min(i, timeline.actions.count)...] where a.time <= until {
            guard a.kind == .fill, let v = a.value?.text else { continue }
            if let p = Self.points(for: a).first, Self.inside(p, elsewhere) { continue }
            if wanted.contains(Self.readingKey(v).lowercased()) { return v }
        }
        return nil
    }

    /// Whether `p` lies inside one of `boxes`.
    static func inside(_ p: Point, _ boxes: [(x: Double, y: Double, width: Double, height: Double)]) -> Bool {
        boxes.contains { p.x >= $0.x && p.x <= $0.x + $0.width && p.y >= $0.y && p.y <= $0.y + $0.height }
    }
}
