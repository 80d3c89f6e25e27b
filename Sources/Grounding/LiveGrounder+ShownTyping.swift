import Foundation
import ScreenCore

/// A fill dated where its field was read, not where it was typed. The analysis dates a fill by the
/// typing it sees; when it saw none (the value read off the field later, at the next key), the
/// step stands seconds after the typing — admin-search-delete-vp9's "ha", typed at 2.6–3.3 s and
/// dated 5.17 s, a fill of no length. Once the value is typed live, the video's frames between the step before and the
/// fill are walked (`shownSince`): where the field's place took the look it has at the fill's time
/// and kept it, and that look is the value as typed live — clearly more like the live field than
/// the place was at the walk's start — the fill is dated there.
extension Run {
    /// A fill's time moves only when the video shows its value at least this much earlier (s).
    static let typedEarlyBy = 1.0
    /// The field's place at the moment found must look at least this much more like the live
    /// field, typed, than at the walk's start (the look taken is the value's, not a focus ring's).
    static let typedLookGain = 0.1

    /// A fill read with a span shorter than this (s) is one the analysis saw no typing for.
    static let noTypingSeen = 0.1

    /// The moment the video shows fill `a`'s value (performed live, `out`'s last step is the one
    /// before it) in its field, when clearly before `a.time`; nil otherwise.
    func typedShownEarlier(_ a: Action, read: Action) async throws -> Double? {
        guard a.kind == .fill, !a.secret, read.kind == .fill, read.endTime - read.time < Self.noTypingSeen, !(a.value?.text ?? "").isEmpty, let box = a.target?.box, let prev = out.last else { return nil }
        let region = (x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4)
        guard let r = videoRect(region) else { return nil }
        let from = Self.gapStart(prev)
        guard let t = Self.shownSince(r, frames: frames.frames, after: from, before: a.time), a.time - t >= Self.typedEarlyBy,
              let first = frames.frames.first(where: { $0.time >= from - 0.01 }),
              let then = frames.frames.first(where: { $0.time > t }) else { return nil }
        let shot = try decodePNG(try await browser.screenshot())
        guard let s0 = fieldSimilarity(region, first.image, shot: shot), let s1 = fieldSimilarity(region, then.image, shot: shot) else { return nil }
        debug("live: fill \"\(a.value?.text ?? "")\" at \(Self.f2(a.time)) s: its field took its look at \(Self.f2(t)) s; alike the live field typed \(Self.f2(s0)) at \(Self.f2(first.time)) s, \(Self.f2(s1)) at \(Self.f2(then.time)) s")
        guard s1 >= s0 + Self.typedLookGain else { return nil }
        return t
    }
}
