import Browser
import CodeGen
import Foundation
import Grounding
import Media
import OCR
import ScreenCore

/// Settings of `vid2auto --live`.
public struct LiveSettings: Sendable {
    /// The app's first page, when the video's address bar does not give it (or the app moved).
    public var startURL: String?
    /// CSS pixels per video pixel are `1 / deviceScale` (a HiDPI recording at 2 has `deviceScale` 2);
    /// nil: found live, by rendering the first page at 1, 1.25, 1.5 and 2 and comparing with the video.
    public var deviceScale: Double?
    /// One line to the person running the tool.
    public var say: @Sendable (String) -> Void

    public init(startURL: String? = nil, deviceScale: Double? = nil, say: @escaping @Sendable (String) -> Void = { _ in }) {
        self.startURL = startURL; self.deviceScale = deviceScale; self.say = say
    }
}

/// The live stage of the pipeline: timeline (hypotheses) → grounded timeline, through the one
/// browser session the `Browser` target owns. The session is always closed, also on errors.
public enum LiveStage {
    /// Grounds `timeline` (analysed from the recording at `path`) in the running app.
    public static func ground(_ timeline: ActionTimeline, path: String, settings: LiveSettings) async throws -> ActionTimeline {
        try await groundKeeping(timeline, path: path, settings: settings, screenshots: false).timeline
    }

    /// Like `ground`, also returning the live viewport (PNG) after each step, by action index,
    /// when `screenshots` is set (for the review report).
    public static func groundKeeping(_ timeline: ActionTimeline, path: String, settings: LiveSettings,
                                     screenshots: Bool) async throws -> (timeline: ActionTimeline, screenshots: [Int: Data]) {
        let clock = Date()
        guard let vp = timeline.viewport, vp.width > 0, vp.height > 0 else {
            throw LiveError.noViewport(path: path)
        }
        let scale = max(0.5, min(4, settings.deviceScale ?? 1))
        let css = (width: Int((Double(vp.width) / scale).rounded()), height: Int((Double(vp.height) / scale).rounded()))
        guard css.width <= LiveGrounder.maxViewport.width, css.height <= LiveGrounder.maxViewport.height else {
            throw LiveError.viewportTooLarge(width: css.width, height: css.height)
        }
        // The browser starts (a child process, then a WebDriver session: mostly waiting) while the
        // video's frames the live page is compared with are decoded here; a failed decode still
        // closes the session that started beside it.
        async let starting = BrowserSession.start(BrowserOptions(viewportWidth: css.width, viewportHeight: css.height, deviceScale: scale))
        let frames: LiveFrames
        do {
            frames = try sampleLiveFrames(timeline, path: path)
        } catch {
            if let session = try? await starting { await session.close() }
            throw error
        }
        trace("live: \(frames.frames.count) frames sampled in \(String(format: "%.2f", Date().timeIntervalSince(clock))) s")
        let session = try await starting
        var options = LiveOptions(startURL: settings.startURL, secretNames: { SecretNaming.names(for: $0) }, say: settings.say)
        options.keepScreenshots = screenshots
        options.deviceScale = settings.deviceScale.map { max(0.5, min(4, $0)) }
        options.reader = PoolTextReader(pool: TextReaderPool(size: 1))
        do {
            let result = LiveGrounder.withOpeningGoto(try await LiveGrounder(options: options).ground(timeline, browser: session, frames: frames) { data in
                try PNG.decode(data, path: "live screenshot", format: .gray8)
            })
            await session.close()
            var t = result.timeline
            // The live stage measured the scale itself and its points are already what the live
            // page showed (CSS pixels when it found a scale): the analysis' estimate must not
            // divide them again when the script is written.
            t.viewport?.deviceScale = nil
            let seconds = Date().timeIntervalSince(clock)
            t.diagnostics.append(Diagnostic(.note, String(format: "live: %d verified, %d corrected, %d dropped, %d offline in %.1f s",
                                                          result.verified, result.corrected, result.dropped, result.offline, seconds)))
            trace(String(format: "live stage: %.2f s", seconds))
            return (t, result.screenshots)
        } catch {
            await session.close()
            throw error
        }
    }

    /// The video's frames for grounding `timeline`: small ones at the times the live page is
    /// compared with the video, full-size ones where a typed field is read again (a few per fill)
    /// and just before each step, where the live fields are reconciled with the video's
    /// (Run.reconcileFields).
    static func sampleLiveFrames(_ timeline: ActionTimeline, path: String) throws -> LiveFrames {
        let times = LiveGrounder.frameTimes(for: timeline)
        let duration = timeline.source?.duration ?? .infinity
        let fieldTimes = Array(Set(timeline.actions.filter { $0.kind == .fill && !$0.secret }
            .flatMap { LiveGrounder.fillTimes($0).prefix(3).map { min($0, duration - 0.05) } })
            + LiveGrounder.boundaryTimes(for: timeline)).sorted()
        // The closed editors' places come full-size too, kept apart: the field compares look for
        // their nearest frame among `fields` alone.
        let closingTimes = Set(LiveGrounder.closingTimes(for: timeline).map { min($0, duration - 0.05) })
        let fullTimes = Array(Set(fieldTimes).union(closingTimes)).sorted()
        var frames: LiveFrames
        var full: [(time: Double, image: Image)] = []
        if !times.isEmpty, !fullTimes.isEmpty {
            // Both in one decoding pass: the same frames as two passes, the file decoded once.
            let both = try sampleFrames(path: path, lists: [times, fullTimes])
            frames = LiveFrames(frames: both.frames[0], scale: both.scale)
            full = both.frames[1]
        } else {
            frames = try sampleFrames(path: path, times: times)
            if !fullTimes.isEmpty { full = try sampleFrames(path: path, times: fullTimes, fullSize: true).frames }
        }
        let fieldSet = Set(fieldTimes)
        frames.fields = full.filter { fieldSet.contains($0.time) }
        frames.closings = full.filter { closingTimes.contains($0.time) }
        // A moment between two sampled ones, decoded only where the gap search asks for it.
        frames.decode = { t in (try? sampleFrames(path: path, times: [max(0, t)]))?.frames.first?.image }
        return frames
    }

    /// Small gray frames of the whole video at `times` (the frame shown at each time), from one
    /// decoding pass at half size.
    static func sampleFrames(path: String, times: [Double], fullSize: Bool = false) throws -> LiveFrames {
        guard !times.isEmpty else { return .none }
        let info = try Probe.probe(path: path)
        let width = fullSize ? info.displayWidth : max(64, info.displayWidth / 2 / 2 * 2)
        let scale = Double(width) / Double(max(1, info.displayWidth))
        let reader = try VideoReader(path: path, renditions: [Rendition(width: width, format: .gray8)],
                                     sampling: FrameSampling(start: max(0, times[0] - 0.5)))
        var out: [(time: Double, image: Image)] = []
        var k = 0
        var previous: (time: Double, image: Image)?
        while k < times.count, let f = try reader.next() {
            while k < times.count && f.time >= times[k] {
                // The frame on screen at times[k]: the nearer of the two presented around it.
                let chosen = previous.map { $0.time <= times[k] && times[k] - $0.time < f.time - times[k] ? $0 : (f.time, f.images[0]) }
                    ?? (f.time, f.images[0])
                out.append((times[k], chosen.1))
                k += 1
            }
            previous = (f.time, f.images[0])
            // Only the frames just before each wanted time are needed: the rest are neither
            // converted nor, when nothing refers to them, decoded.
            if k < times.count { reader.skip(until: times[k] - 0.2) }
        }
        if let last = previous { while k < times.count { out.append((times[k], last.image)); k += 1 } }
        return LiveFrames(frames: out, scale: scale)
    }

    /// The frames `sampleFrames(path:times:)` gives for `lists[0]` (small) and
    /// `sampleFrames(path:times:fullSize: true)` gives for `lists[1]` (full size), from one
    /// decoding pass: each list's rendition gets exactly the frames its own reader would
    /// deliver (`VideoReader.skip(until:rendition:)` replays each reader's skips), so the
    /// frames chosen are the same. `scale` is the small frames' (the full-size ones' is 1).
    static func sampleFrames(path: String, lists: [[Double]]) throws -> (frames: [[(time: Double, image: Image)]], scale: Double) {
        precondition(lists.count == 2 && lists.allSatisfy { !$0.isEmpty })
        let info = try Probe.probe(path: path)
        let small = max(64, info.displayWidth / 2 / 2 * 2)
        let scale = Double(small) / Double(max(1, info.displayWidth))
        let starts = lists.map { max(0, $0[0] - 0.5) }
        let reader = try VideoReader(path: path, renditions: [Rendition(width: small, format: .gray8), Rendition(width: info.displayWidth, format: .gray8)],
                                     sampling: FrameSampling(start: starts.min()!))
        // (A reader of its own starts at its list's start: nothing before it is delivered.)
        for (i, s) in starts.enumerated() { reader.skip(until: s, rendition: i) }
        var out: [[(time: Double, image: Image)]] = [[], []]
        var k = [0, 0]
        var previous: [(time: Double, image: Image)?] = [nil, nil]
        while k[0] < lists[0].count || k[1] < lists[1].count, let f = try reader.next() {
            for i in 0..<2 where k[i] < lists[i].count && f.images[i].width > 0 {
                let times = lists[i]
                while k[i] < times.count && f.time >= times[k[i]] {
                    // The frame on screen at times[k]: the nearer of the two presented around it.
                    let chosen = previous[i].map { $0.time <= times[k[i]] && times[k[i]] - $0.time < f.time - times[k[i]] ? $0 : (f.time, f.images[i]) }
                        ?? (f.time, f.images[i])
                    out[i].append((times[k[i]], chosen.1))
                    k[i] += 1
                }
                previous[i] = (f.time, f.images[i])
                reader.skip(until: k[i] < times.count ? times[k[i]] - 0.2 : .infinity, rendition: i)
            }
        }
        for i in 0..<2 {
            if let last = previous[i] { while k[i] < lists[i].count { out[i].append((lists[i][k[i]], last.image)); k[i] += 1 } }
        }
        return (out, scale)
    }
}
