import Foundation
import ScreenCore

/// When a step inserted to make another possible happened: a `hover` that shows a menu or a
/// card's hidden button, a click or double click that opens the field typed into. Dating it just
/// before the step it serves (as before) put a rest of several seconds, or a double click read
/// only from the typing after it, outside its moment in the video. Instead the video's sampled
/// frames are walked between the step before it and the served step, and the inserted step is
/// dated where the area it revealed (the menu item, the button, the field) took the look it has
/// when the served step acts — and kept it to the end (a pointer passing over the area earlier,
/// a look that comes and goes, does not count). When the area looks the same at both ends, or
/// no frames cover the span, the old time stands.
extension Run {
    /// The revealed area must differ between the walk's two ends by at least this many luma
    /// levels (mean over the reduced grid) to be dated by its look.
    static let shownChange = 6.0
    /// A frame shows the revealed look when it leans towards it (`videoLean`) above this: nearer
    /// to it than to the look before. (An editor opened over a title, with the old text still in
    /// it, is about halfway between the title and the editor typed in: 0.1 on board-dblclick-rename.)
    static let shownLean = 0.0

    /// A choice read off a popup (a `select` from the popup's opening to its closing) that the
    /// live page shows as a menu becomes a click on the item chosen: that click is the popup's
    /// last moment, not its first (the opening was the click or rest before it). Dated a moment
    /// before the span's end; other steps are left as they are.
    ///
    /// Not a click the live page made on the control the span started on — named as the read
    /// opener, not as the choice (wizard-booking-keys-vp9's `select` of "bokin" on Next,
    /// 39.0–40.87 s: the Next press turned the page, a checkbox tick ended the "popup"): that press
    /// is the span's first moment, and dated at its end the gap after it would start past the
    /// steps the video shows in between (`pressedOpener`).
    static func dateAtChoice(_ a: inout Action, read: Action) {
        guard read.kind == .select, !(read.value?.text ?? "").isEmpty, a.kind == .click,
              a.endTime - a.time > 0.3, !pressedOpener(read: read, grounded: a) else { return }
        a.time = a.endTime - 0.1
    }

    /// Whether the click `a`, grounded from the choice `read`, pressed the control the choice's
    /// span started on: the live element is named as the read target (the opener) and not as the
    /// value chosen. (A control named as both is `pressedTwice`'s.)
    static func pressedOpener(read: Action, grounded a: Action) -> Bool {
        let opener = norm(read.target?.name ?? ""), chosen = norm(read.value?.text ?? ""), live = norm(a.target?.name ?? "")
        return !opener.isEmpty && live == opener && live != chosen
    }

    /// The time of a step inserted before `a` (`out`'s last step is the one before it) that
    /// revealed `box` (CSS pixels): where the video shows the area take its look, else `fallback`.
    func revealTime(of box: (x: Double, y: Double, width: Double, height: Double)?, before a: Action, fallback: Double) -> Double {
        guard let box, let r = videoRect(box) else { return fallback }
        let from = out.last.map { Self.gapStart($0) } ?? 0
        guard let t = Self.shownSince(r, frames: frames.frames, after: from, before: a.time) else { return fallback }
        return min(fallback, max(from, t))
    }

    /// The moment the area `r` (frame pixels) took, in the frames sampled after `from` and up to
    /// `to`, the look it has in the last of them and kept it: halfway between the last frame that
    /// does not lean to that look (`shownLean`) and the first of the run that does to the end. Nil
    /// when the area at the frame nearest `from` and at the last frame differ by less than
    /// `shownChange`, or when fewer than two frames cover the span.
    static func shownSince(_ r: PixelRect, frames: [(time: Double, image: Image)], after from: Double, before to: Double) -> Double? {
        let span = frames.filter { $0.time >= from - 0.01 && $0.time <= to + 0.01 }
        guard span.count >= 2, let first = span.first, let last = span.last, first.time <= from + 0.5,
              r.width > 1, r.height > 1, r.x >= 0, r.y >= 0,
              span.allSatisfy({ r.x + r.width <= $0.image.width && r.y + r.height <= $0.image.height }) else { return nil }
        let w = max(4, min(64, r.width)), h = max(4, Int((Double(w) * Double(r.height) / Double(r.width)).rounded()))
        let a = Similarity.reduce(first.image, r, w, h), b = Similarity.reduce(last.image, r, w, h)
        var change = 0.0
        for j in a.indices { change += abs(a[j] - b[j]) }
        guard change / Double(a.count) >= shownChange else { return nil }
        // The earliest frame from which every later one leans to the last frame's look.
        var since = span.count - 1
        while since > 1, videoLean(r, span[since - 1].image, first.image, last.image) > shownLean { since -= 1 }
        return (span[since - 1].time + span[since].time) / 2
    }
}
