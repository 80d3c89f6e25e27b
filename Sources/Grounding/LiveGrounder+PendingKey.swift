import Browser
import Foundation
import ScreenCore

/// A key `agreeBefore` tried between two steps that changed the live page without bringing it in
/// line with the video just before the next step. It cannot be taken back (an Enter that closed an
/// inline editor is no toggle), so the live page and the timeline would go out of step; it is
/// remembered instead, and the next step decides: when that step is a click the live page refutes
/// (nothing actionable at its point, nothing changes) and the key's area already looks as the
/// video shows it after that step, the key was the step — the analysis read the key's effect as a
/// click where the pointer rested, dated where the video changed — and the key takes the click's
/// place in the timeline. Otherwise it stays a note, as before.
struct PendingKey: Equatable {
    /// The step the key was tried before (its index in the offline timeline).
    let step: Int
    let key: Key
    let name: String
    /// The area the key acted on (the focused field, the open dialog), in CSS pixels.
    let region: Rect
    /// That area's similarity to the video after `step`, before the key and after it.
    let before: Double, after: Double

    struct Rect: Equatable { var x, y, width, height: Double }

    /// Whether the key explains the change the video shows across its step: the area moved
    /// clearly towards the video's after-frame (by `Run.keyGain`) and looks like it (`Run.keyAreaLike`).
    var explainsStep: Bool {
        after >= before + Run.keyGain && after >= Run.keyAreaLike
    }
}

extension Run {
    /// Remembers `key`, just tried before step `i` on `region` without bringing it in line with the
    /// video before the step, with how its area compares with the video after step `i` before the
    /// key (`shotBefore`) and now.
    mutating func rememberPendingKey(_ i: Int, _ key: Key, region: (x: Double, y: Double, width: Double, height: Double), shotBefore: Image) async throws {
        pendingKey = nil
        guard i < timeline.actions.count,
              let frame = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              let s0 = fieldSimilarity(region, frame, shot: shotBefore), let s1 = try await fieldSimilarity(region, frame) else { return }
        pendingKey = PendingKey(step: i, key: key, name: Self.keyName(key), region: .init(x: region.x, y: region.y, width: region.width, height: region.height),
                                before: s0, after: s1)
        debug("live: before step \(i + 1), \(Self.keyName(key)) stays performed; against the video after step \(i + 1) its area \(Self.f2(s0)) → \(Self.f2(s1))")
    }

    /// Step `i`, a click that hit nothing actionable and changed nothing live: the key pending from
    /// just before it, when it explains the video's change across the step, as a `press` step in
    /// the click's place (its time, the similarity after it). Nil: the click stands as before.
    mutating func pendingKeyExplains(_ i: Int, _ a: Action) async throws -> Action? {
        guard let k = pendingKey, k.step == i, a.kind == .click else { return nil }
        pendingKey = nil
        guard k.explainsStep else { return nil }
        var press = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text(k.name), confidence: a.confidence)
        press.grounding = Grounding(status: .corrected)
        press.grounding?.corrections = ["click → press \(k.name): nothing actionable at the point and the click changed nothing live; \(k.name), tried just before, "
            + "leaves the area it acts on as the video shows it after this step (\(Self.f2(k.before)) → \(Self.f2(k.after)))"]
        let (similarity, png) = try await compareKeeping(i)
        if options.keepScreenshots, let png { shots[out.count] = png }
        press.grounding?.similarity = similarity.map { ($0 * 1000).rounded() / 1000 }
        return press
    }
}

extension Run {
    /// After step `a` was grounded: when the live page has a dialog open, the time it opened, for
    /// `videoStillShowsDialog`.
    /// The dialog may have been opened by a step inserted before `a` (a click the gap search
    /// found): the time is that of the first step appended since the page last had none.
    mutating func noteDialog(after a: Action) async throws {
        let open = try await page.state().dialogs > 0
        if !open {
            dialogWatch = (out.count, nil)
        } else if dialogWatch.since == nil {
            dialogWatch.since = dialogWatch.noneAt < out.count ? out[dialogWatch.noneAt].time : a.time
        }
    }

    /// Whether the video at `frame` still shows the dialog open live in `region` (CSS pixels),
    /// however differently it renders it (another browser's fonts, another scale): the video's area
    /// looks unlike its own frame just before the dialog opened. A dialog the video closed leaves
    /// the page behind it as it was; one it still shows does not. False when it cannot be told.
    func videoStillShowsDialog(_ region: (x: Double, y: Double, width: Double, height: Double), frame: Image) -> Bool {
        guard let t0 = dialogWatch.since, let then = frames.nearest(max(0, t0 - 0.2)), let r = videoRect(region),
              then.width == frame.width, then.height == frame.height,
              r.x >= 0, r.y >= 0, r.x + r.width <= frame.width, r.y + r.height <= frame.height else { return false }
        let look = Similarity.compare(then, r, frame, r, width: min(128, r.width))
        debug("live: the open dialog's place looks \(Self.f2(look)) in the video as before it opened")
        return look < Self.dialogGoneLook
    }

    /// Below this, the video's area of an open dialog is unlike the page before the dialog opened.
    static let dialogGoneLook = 0.6
}
