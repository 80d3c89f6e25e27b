import Browser
import Foundation
import ScreenCore

/// Settings of the live stage (`vid2auto --live`).
public struct LiveOptions: Sendable {
    /// The first page to load, overriding the address read off the video. When its origin differs
    /// from the video's, every address of the video's origin is moved to it.
    public var startURL: String?
    /// Longest wait, in seconds, for the page to settle after a step.
    public var settleSeconds: Double
    /// Where masked fields' values are read from (the variables the generated script reads).
    public var environment: [String: String]
    /// The variable names of the secret fills of `actions`, in order — CodeGen's own naming, so
    /// the live stage and the script read the same variable.
    public var secretNames: @Sendable ([Action]) -> [String]
    /// One line to the person running the tool (stderr).
    public var say: @Sendable (String) -> Void
    /// Keep the live viewport after each step (`LiveResult.screenshots`).
    public var keepScreenshots = false
    /// Video pixels per CSS pixel of the recording (2 for a HiDPI screen); nil: the live stage
    /// finds it by rendering the first page at 1, 1.25, 1.5 and 2 and keeping the one that looks like the
    /// video (`LiveGrounder.scaleCandidates`). The browser starts at 1 (or at the given scale).
    public var deviceScale: Double?
    /// Reads a field's text in the video again, inside the box the live DOM gives it (at the
    /// recording's device scale), for one more reading to render and compare; nil: none.
    public var reader: (any TextReader)?

    public init(startURL: String? = nil, settleSeconds: Double = 3, environment: [String: String] = ProcessInfo.processInfo.environment,
                secretNames: @escaping @Sendable ([Action]) -> [String], say: @escaping @Sendable (String) -> Void = { _ in }) {
        self.startURL = startURL; self.settleSeconds = settleSeconds; self.environment = environment
        self.secretNames = secretNames; self.say = say
    }
}

/// Frames of the video at the moments the live stage compares with: small gray images of the
/// whole frame, `scale` image pixels per video pixel.
public struct LiveFrames: Sendable {
    public var frames: [(time: Double, image: Image)]
    public var scale: Double
    /// Full-size gray frames at the moments typed fields are compared (`LiveGrounder.fillTimes`),
    /// for reading a field again where the live page says it is; empty when not decoded.
    public var fields: [(time: Double, image: Image)] = []
    public init(frames: [(time: Double, image: Image)], scale: Double) {
        self.frames = frames.sorted { $0.time < $1.time }; self.scale = scale
    }
    public static let none = LiveFrames(frames: [], scale: 1)

    /// The frame nearest to `t`, within half a second.
    func nearest(_ t: Double) -> Image? {
        guard let best = frames.min(by: { abs($0.time - t) < abs($1.time - t) }), abs(best.time - t) <= 0.5 else { return nil }
        return best.image
    }
}

/// A live stage that cannot start: the run fails with one line.
public enum LiveError: Error, Sendable, CustomStringConvertible {
    case noStartURL
    case noViewport(path: String)
    case startURLUnreachable(url: String, reason: String)
    case viewportTooLarge(width: Int, height: Int)

    public var description: String {
        switch self {
        case .noStartURL:
            "the recording does not show the address of its first page: give it with --start-url URL"
        case .noViewport(let path):
            "\(path): no browser viewport was found in the recording, so there is nothing to compare the live page with"
        case let .startURLUnreachable(url, reason):
            "cannot load \(url) (\(reason)): start the app or give its address with --start-url URL"
        case let .viewportTooLarge(w, h):
            "the recording's viewport (\(w)×\(h)) is larger than the browser can take (at most \(LiveGrounder.maxViewport.width)×\(LiveGrounder.maxViewport.height))"
        }
    }
}

/// What the live stage did.
public struct LiveResult: Sendable {
    public var timeline: ActionTimeline
    public var verified = 0, corrected = 0, dropped = 0, offline = 0
    /// The step (0-based action index) where grounding stopped, when it did.
    public var stoppedAt: Int?
    /// The live viewport (PNG) after each grounded step, by the step's index in `timeline.actions`;
    /// only when `LiveOptions.keepScreenshots` is set (for the review report).
    public var screenshots: [Int: Data] = [:]
}

/// Analysis by synthesis: the offline timeline is a list of hypotheses, replayed in lockstep in a
/// real browser and corrected against the live DOM and the video's pixels (see docs/architecture.md,
/// "Live grounding").
public struct LiveGrounder: Sendable {
    public var options: LiveOptions
    public init(options: LiveOptions) { self.options = options }

    /// The largest viewport the headless browser is asked to take, in CSS pixels.
    public static let maxViewport = (width: 7680, height: 4320)

    /// Device scales tried when none is given: desktop screens are at 1, at 2 (HiDPI), or at the
    /// fractional scales desktops offer between them (125 %, 150 %).
    public static let scaleCandidates: [Double] = [1, 1.25, 1.5, 2]
    /// A scale other than 1 must make the first page look this much more like the video.
    static let scaleMargin = 0.03

    /// The timeline with its points, boxes and scroll amounts in CSS pixels of a recording at
    /// `scale` video pixels per CSS pixel (its viewport stays the video's rectangle).
    public static func toCSS(_ timeline: ActionTimeline, scale: Double) -> ActionTimeline {
        guard scale > 0, scale != 1 else { return timeline }
        var t = timeline
        for k in t.actions.indices {
            var a = t.actions[k]
            if var target = a.target {
                target.point = target.point.map { Point(x: $0.x / scale, y: $0.y / scale) }
                target.box = target.box.map { Box(x: $0.x / scale, y: $0.y / scale, width: $0.width / scale, height: $0.height / scale) }
                a.target = target
            }
            if a.kind == .scroll, case .pixels(let d)? = a.value { a.value = .pixels(d / scale) }
            t.actions[k] = a
        }
        return t
    }

    /// The moments of the video the live stage compares with: just before and after each action.
    public static func frameTimes(for timeline: ActionTimeline) -> [Double] {
        let duration = timeline.source?.duration ?? .infinity
        var times: [Double] = []
        for (i, a) in timeline.actions.enumerated() {
            times.append(max(0, a.time - 0.2))
            times.append(afterTime(timeline.actions, i, duration: duration))
            // The field as typed, for render-and-compare of its value.
            if a.kind == .fill { times += fillTimes(a).map { min($0, duration - 0.05) } }
            // The gap before the next step (or the end), where a key the analysis missed may fall.
            times += gapTimes(timeline.actions, i, duration: duration)
            // … and, every half second, where a click it missed may (`Run.synthesizeGap`).
            let end = i + 1 < timeline.actions.count ? timeline.actions[i + 1].time - 0.2 : min(duration - 0.1, a.endTime + 60)
            times += Run.gapMoments(from: Run.gapStart(a), to: end)
            if a.kind == .select { times += Run.gapMoments(from: min(a.endTime, a.time + 0.8), to: end) }
        }
        if let last = timeline.actions.last, duration.isFinite, duration - 0.1 > last.endTime { times.append(duration - 0.1) }
        return Array(Set(times.map { ($0 * 100).rounded() / 100 })).sorted()
    }

    /// Moments to compare a typed field with: the end of typing as read, and before it, since the
    /// reader's end may include what came after (an Enter that closed an inline editor).
    public static func fillTimes(_ a: Action) -> [Double] {
        [a.endTime + 0.05, a.endTime - 0.4, a.endTime - 0.8, a.endTime - 1.2, a.endTime - 1.6].filter { $0 == a.endTime + 0.05 || $0 > a.time + 0.3 }
    }

    /// Moments between the end of action `i` and the start of the next (or the recording's end):
    /// its end and three evenly spaced after it.
    static func gapTimes(_ actions: [Action], _ i: Int, duration: Double) -> [Double] {
        let start = actions[i].endTime
        let end = i + 1 < actions.count ? actions[i + 1].time - 0.2 : min(duration - 0.1, start + 4)
        guard end > start + 0.3 else { return [] }
        return (0...3).map { start + (end - start) * Double($0) / 4 }
    }

    /// When the video has settled after action `i`: a second after it, but before the next one starts.
    static func afterTime(_ actions: [Action], _ i: Int, duration: Double) -> Double {
        let a = actions[i]
        var t = a.endTime + 1.2
        if i + 1 < actions.count { t = min(t, max(a.endTime + 0.3, actions[i + 1].time - 0.15)) }
        return max(0, min(t, duration - 0.05))
    }

    /// Grounds every action of `timeline` in the app behind `browser`. Throws only when the live
    /// stage cannot start (no start URL, the app unreachable); a failure later stops grounding
    /// there and leaves the remaining steps as the offline analysis gave them.
    public func ground(_ timeline: ActionTimeline, browser: any LiveBrowser, frames: LiveFrames,
                       decodePNG: @escaping @Sendable (Data) throws -> Image) async throws -> LiveResult {
        var run = Run(options: options, browser: browser, frames: frames, decodePNG: decodePNG, timeline: timeline)
        try await run.start()
        await run.steps()
        return run.result()
    }
}

/// One live grounding run: the state carried from step to step.
struct Run {
    let options: LiveOptions
    let browser: any LiveBrowser
    let page: PageCalls
    let frames: LiveFrames
    let decodePNG: @Sendable (Data) throws -> Image
    var timeline: ActionTimeline
    var out: [Action] = []
    var diagnostics: [Diagnostic] = []
    var counts = (verified: 0, corrected: 0, dropped: 0, offline: 0)
    var stoppedAt: Int?
    var stopReason: String?
    /// Video origin → live origin, when `--start-url` moved the app.
    var originMap: (from: String, to: String)?
    var startURL = ""
    /// Consecutive steps whose live page looked unlike the video.
    var unlike = 0
    /// Screenshots kept for the report, by index in `out`.
    var shots: [Int: Data] = [:]
    /// Video pixels per CSS pixel (the recording's device scale): the timeline's points and boxes
    /// are CSS pixels once `start` has found it, its viewport stays in video pixels.
    var dpr = 1.0
    /// A key tried before a step that changed the page without explaining it (`PendingKey`).
    var pendingKey: PendingKey?
    /// How many steps `out` held when the live page last had no dialog open, and when the dialog
    /// open now opened (the time of the first step after that), nil when none is open.
    var dialogWatch: (noneAt: Int, since: Double?) = (0, nil)
    /// The last key step dropped as refuted (`enterRefuted`), or click (`clickMissedItsMark`): its index and time.
    var refutedKeyAt: (step: Int, time: Double)?
    /// The last fill performed: its index in `out` and the field's value before it (InlineEditor).
    var editedField: EditedField?

    init(options: LiveOptions, browser: any LiveBrowser, frames: LiveFrames, decodePNG: @escaping @Sendable (Data) throws -> Image,
         timeline: ActionTimeline) {
        self.options = options; self.browser = browser; self.page = PageCalls(browser: browser)
        self.frames = frames; self.decodePNG = decodePNG; self.timeline = timeline
        self.dpr = options.deviceScale ?? 1
    }

    // MARK: - Start

    mutating func start() async throws {
        let read = timeline.startURL ?? timeline.actions.first(where: { $0.kind == .goto })?.value?.text
        guard let first = options.startURL ?? read else { throw LiveError.noStartURL }
        if let given = options.startURL, let read, let a = Self.origin(read), let b = Self.origin(given), a != b {
            originMap = (a, b)
        }
        // The address read off the screen can be cut or misread: try it, then near candidates.
        var lastReason = "no answer"
        for candidate in Self.candidates(for: first) {
            switch await load(candidate) {
            case .success(let url):
                startURL = url
                if url != first && options.startURL == nil {
                    diagnostics.append(Diagnostic(.warning, "live: the start address read as \(first) does not load; \(url) does"))
                }
                options.say("live: driving \(Self.origin(url) ?? url) in a headless Chromium (the recorded actions are performed there)")
                timeline.startURL = url
                if options.deviceScale == nil { try await findDeviceScale() }
                if dpr != 1 { timeline = LiveGrounder.toCSS(timeline, scale: dpr) }
                try await alignStartScroll()   // LiveGrounder+StartScroll.swift
                return
            case .failure(let reason):
                lastReason = reason
            }
        }
        throw LiveError.startURLUnreachable(url: first, reason: lastReason)
    }

    enum Load { case success(String), failure(String) }

    /// The recording's device scale, by synthesis: the first page rendered at each candidate scale
    /// (the viewport's CSS size is the video's divided by it) against the video's first frame;
    /// the browser is left at the best, which must beat scale 1 by a clear margin.
    mutating func findDeviceScale() async throws {
        guard let vp = timeline.viewport, let frame = frames.nearest(timeline.actions.first.map { max(0, $0.time - 0.2) } ?? 0) else { return }
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        var scores: [(scale: Double, similarity: Double)] = []
        for scale in LiveGrounder.scaleCandidates where Double(vp.width) / scale >= 480 && Double(vp.height) / scale >= 240 {
            if scale != 1 || !scores.isEmpty {
                try await browser.setViewport(width: Int((Double(vp.width) / scale).rounded()), height: Int((Double(vp.height) / scale).rounded()), deviceScale: scale)
                try await Task.sleep(nanoseconds: 300_000_000)
            }
            let shot = try decodePNG(try await browser.screenshot())
            scores.append((scale, Similarity.compare(shot, nil, frame, video)))
        }
        debug("live: device scale " + scores.map { "\($0.scale): \(Self.f2($0.similarity))" }.joined(separator: ", "))
        guard let one = scores.first(where: { $0.scale == 1 }) else { return }
        let best = scores.max { $0.similarity < $1.similarity }!
        dpr = best.similarity > one.similarity + LiveGrounder.scaleMargin ? best.scale : 1
        if scores.last?.scale != dpr {
            try await browser.setViewport(width: Int((Double(vp.width) / dpr).rounded()), height: Int((Double(vp.height) / dpr).rounded()), deviceScale: dpr)
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        if dpr != 1 {
            diagnostics.append(Diagnostic(.note, "live: the recording's device scale is \(Self.f2(dpr)) (the first page looks \(Self.f2(best.similarity)) like the video at it, \(Self.f2(one.similarity)) at 1)"))
        }
    }

    /// A box in CSS pixels of the viewport → the video frame's pixels.
    func videoRect(_ box: (x: Double, y: Double, width: Double, height: Double)) -> PixelRect? {
        guard let vp = timeline.viewport else { return nil }
        let s = frames.scale
        return PixelRect(x: Int((Double(vp.x) + box.x * dpr) * s), y: Int((Double(vp.y) + box.y * dpr) * s),
                         width: Int(box.width * dpr * s), height: Int(box.height * dpr * s))
    }

    /// The viewport's size in CSS pixels.
    var cssViewport: (width: Double, height: Double) {
        guard let vp = timeline.viewport else { return (800, 600) }
        return (Double(vp.width) / dpr, Double(vp.height) / dpr)
    }

    /// Loads `url`; fails when the browser cannot reach it or the server answers with an error.
    func load(_ url: String) async -> Load {
        do {
            try await browser.navigate(to: url)
            let now = try await browser.currentURL()
            if now.hasPrefix("chrome-error://") { return .failure("the browser could not load it") }
            let status = try await browser.execute(
                "var n = performance.getEntriesByType('navigation')[0]; return n && n.responseStatus ? n.responseStatus : 0;", []).int ?? 0
            if status >= 400 { return .failure("HTTP \(status)") }
            return .success(now)
        } catch {
            return .failure(Self.short(error))
        }
    }

    /// The address as read, with a scheme, then the same without its last path part (a misread
    /// file name), then the site's root.
    static func candidates(for url: String) -> [String] {
        var u = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if !u.contains("://") { u = "http://" + u }
        var out = [u]
        if var c = URLComponents(string: u) {
            c.query = nil; c.fragment = nil
            var path = c.path
            while path.count > 1 {
                if path.hasSuffix("/") { path.removeLast() }
                if let slash = path.lastIndex(of: "/") { path = String(path[...slash]) } else { path = "/" }
                c.path = path
                if let s = c.string, !out.contains(s) { out.append(s) }
            }
        }
        return out
    }

    static func origin(_ url: String) -> String? {
        guard let c = URLComponents(string: url.contains("://") ? url : "http://" + url), let host = c.host else { return nil }
        return "\(c.scheme ?? "http")://\(host)\(c.port.map { ":\($0)" } ?? "")"
    }

    func mapped(_ url: String) -> String {
        guard let (from, to) = originMap, url.hasPrefix(from) else { return url }
        return to + url.dropFirst(from.count)
    }

    // MARK: - Steps

    mutating func steps() async {
        let secretsNeeded = options.secretNames(timeline.actions)
        if !secretsNeeded.isEmpty {
            options.say("live: masked fields are typed from $" + secretsNeeded.joined(separator: ", $"))
        }
        var startGotoSkipped = false
        for (i, action) in timeline.actions.enumerated() {
            if stoppedAt != nil {
                var a = action
                a.grounding = Grounding(status: .offline, note: stopReason)
                out.append(a); counts.offline += 1
                continue
            }
            if action.kind == .goto && !startGotoSkipped && out.allSatisfy({ $0.kind == .goto }) {
                // The opening navigation: already loaded by `start`.
                startGotoSkipped = true
                var a = action
                a.value = .text(startURL)
                a.grounding = Grounding(status: .verified)
                out.append(a); counts.verified += 1
                continue
            }
            do {
                if i > 0, action.kind != .press { try await agreeBefore(i, at: action.time) }
                if i > 0 { try await synthesizeGap(i); try await reconcileToggles(i); try await reconcileFields(i) }
                if var a = try await step(i, action) {
                    Self.dateAtChoice(&a, read: action)   // LiveGrounder+ShownTime.swift
                    switch a.grounding?.status {
                    case .verified?: counts.verified += 1
                    case .corrected?: counts.corrected += 1
                    default: counts.offline += 1
                    }
                    out.append(a)
                    try await keyAfterKey(i, a)
                    try await noteDialog(after: a)
                } else {
                    counts.dropped += 1
                    noteDropped(i, action)
                }
            } catch let stop as StopGrounding {
                stopHere(i, stop.reason, action)
            } catch let skip as SkipStep {
                var a = action
                a.grounding = Grounding(status: .offline, note: skip.reason)
                out.append(a); counts.offline += 1
            } catch {
                stopHere(i, "the browser failed (\(Self.short(error)))", action)
            }
        }
        // After the last step: the page should end as the video does.
        if stoppedAt == nil, !timeline.actions.isEmpty, let duration = timeline.source?.duration {
            _ = try? await agreeBefore(timeline.actions.count, at: duration - 0.1 + 0.2)
            _ = try? await synthesizeGap(timeline.actions.count)
            _ = try? await reconcileToggles(timeline.actions.count)
            _ = try? await reconcileFields(timeline.actions.count)   // GapSearch+Fields.swift
        }
    }

    mutating func stopHere(_ i: Int, _ reason: String, _ action: Action) {
        stoppedAt = i
        stopReason = "grounding stopped at step \(i + 1): \(reason)"
        let line = "live: \(stopReason!); the remaining steps stay as the offline analysis gave them"
        options.say(line)
        diagnostics.append(Diagnostic(.warning, line))
        var a = action
        a.grounding = Grounding(status: .offline, note: stopReason)
        out.append(a); counts.offline += 1
    }

    func result() -> LiveResult {
        var t = timeline
        t.actions = out
        t.diagnostics += diagnostics
        var r = LiveResult(timeline: t)
        r.verified = counts.verified; r.corrected = counts.corrected; r.dropped = counts.dropped; r.offline = counts.offline
        r.stoppedAt = stoppedAt
        r.screenshots = shots
        return r
    }

    /// One action: identify, correct, perform, settle, compare. Nil when the app refutes it.
    mutating func step(_ i: Int, _ action: Action) async throws -> Action? {
        let result = try await perform(i, action)
        if ProcessInfo.processInfo.environment["VID2AUTO_DEBUG"] != nil {
            let st = try? await page.state()
            if let dir = ProcessInfo.processInfo.environment["VID2AUTO_DEBUG_LIVE_DIR"], let png = try? await browser.screenshot() {
                try? png.write(to: URL(fileURLWithPath: dir).appendingPathComponent(String(format: "step-%02d.png", i + 1)))
            }
            if let m = try? await browser.execute("return [innerWidth, innerHeight, document.documentElement.scrollHeight, document.documentElement.clientHeight, devicePixelRatio].join(' ');", []) {
                FileHandle.standardError.write(Data("vid2auto: live metrics \(m.string ?? "")\n".utf8))
            }
            FileHandle.standardError.write(Data("vid2auto: live state after step \(i + 1): \(st?.url ?? "-") scrollY \(st?.scrollY ?? -1) dom \(st?.domSize ?? -1)\n".utf8))
            let g = result?.grounding
            FileHandle.standardError.write(Data("vid2auto: live step \(i + 1) \(action.kind.rawValue) → \(result.map { $0.kind.rawValue } ?? "dropped") \(g?.status.rawValue ?? "-") sim \(g?.similarity.map { String($0) } ?? "-") \(g?.corrections.joined(separator: "; ") ?? "") \(g?.note ?? "")\n".utf8))
        }
        return result
    }

    mutating func perform(_ i: Int, _ action: Action) async throws -> Action? {
        var a = action
        var corrections: [String] = []
        var before = try await page.state()
        var target: Identified?
        var performed = true
        var unpressed: Image?   // the page before a possible second reading of a press (LiveGrounder+RepeatedPress.swift)

        switch a.kind {
        case .goto:
            let raw = a.value?.text ?? a.navigatesTo ?? ""
            let url = mapped(raw)
            // Only a #fragment of the page shown: a click on its link (LiveGrounder+AnchorLink.swift).
            if let done = try await gotoAsAnchorClick(i, a, url: url) { return done }
            switch await load(url) {
            case .success(let now):
                if now != raw { a.value = .text(now) }
            case .failure(let reason):
                throw StopGrounding(reason: "\(url) does not load (\(reason))")
            }
        case .scroll:
            let dy = Self.pixels(a.value) ?? 0
            let at = a.target?.point.map { ($0.x, $0.y) } ?? (cssViewport.width / 2, cssViewport.height / 2)
            let unscrolled = try decodePNG(try await browser.screenshot())
            try await browser.wheel(dx: 0, dy: dy, at: at)
            // A wheel may scroll an inner box, or scroll smoothly by less: the page must end where
            // the video's did.
            let moved = try await settle(from: before)
            if abs(moved.scrollY - before.scrollY - dy) > 2 {
                _ = try await browser.execute("window.scrollTo(arguments[0], arguments[1]); return window.scrollY;",
                                              [.number(before.scrollX), .number(before.scrollY + dy)])
            }
            // Nothing scrolls there live (the page and the box under the point are at their end):
            // the moving pixels were something else (a list re-laid out), not a scroll.
            let settled = try await page.state()
            if dy != 0, abs(settled.scrollY - before.scrollY) < 1, Self.samePixels(unscrolled, try decodePNG(try await browser.screenshot())) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (scroll) dropped: nothing scrolls there in the live page"))
                return nil
            }
            // The amount was read off moving pixels: when the live page does not look like the
            // video's after it, the scroll position that does is searched for around it.
            if let better = try await alignScroll(i, a, from: before, read: dy) {
                corrections.append("scroll \(Int(dy)) → \(Int(better)) px: the live page matches the video there")
                a.value = .pixels(better)
            }
        case .press:
            let raw = a.value?.text ?? ""
            guard var key = Key.parse(raw) else { performed = false; break }
            // An Enter in a form's field submits it: when the video shows nothing change across
            // this press, the reading is refuted rather than performed.
            if key == .enter, try await page.keyTargets().submits {
                if !videoChanged(i, a) {
                    diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press Enter) dropped: it would submit the form live, and the video shows no change there"))
                    return nil
                }
                // Enter would submit the form; the video's change may be the focus moving on to
                // the next field instead (a Tab read as Enter): Tab is tried first, and undone
                // when it does not bring the area that changed in the video in line.
                if let gain = try await keyExplainsChange(i, a, .tab, undo: Key.parse("Shift+Tab") ?? .tab) {
                    corrections.append("press Enter → Tab: Enter would submit the form, and Tab brings the area that changed in the video in line (\(gain))")
                    a.value = .text("Tab")
                    break
                }
            }
            // An inline edit's Enter and Escape: the video says which ended it (InlineEditor).
            if let ending = try await inlineEditEnding(i, a, key: key) {
                corrections.append("press \(raw) → \(Self.keyName(ending.key)): \(ending.why)")
                key = ending.key
                a.value = .text(Self.keyName(key))
            }
            try await browser.keys([key])
            if key == .enter, try await enterRefuted(i, a, before: before) { return nil }
            if try await keyLacksAppearedText(i, a, before: before) { return nil }   // LiveGrounder+UnseenText.swift
            dropKeyTarget(&a, &corrections)   // LiveGrounder+KeyTarget.swift
        case .click, .dblclick, .hover, .check, .fill, .select:
            let points = Self.points(for: a)
            guard let first = points.first else {
                a.grounding = Grounding(status: .offline, note: "no point to find the element at")
                performed = false
                break
            }
            // The recorded point, then the element's centre (a select's option was clicked in a
            // popup the live page draws elsewhere): the first that finds an element fitting the
            // action wins, else the first that finds anything actionable.
            var p = first
            var found: [(Point, Identified)] = []
            var raw: Identified?
            for q in points {
                guard let t = try await page.identify(x: q.x, y: q.y) else { continue }
                if raw == nil { raw = t }
                if t.actionable, t.element != nil {
                    found.append((q, t))
                    if Self.fits(a.kind, t) { break }
                }
            }
            if let best = found.first(where: { Self.fits(a.kind, $0.1) }) ?? found.first { p = best.0; target = best.1 }
            // A choice read off a popup that is no list in the live page (a menu drawn as a
            // popup): a click on the item the value names.
            if a.kind == .select, let chosen = a.value?.text, !chosen.isEmpty,
               !(target.map { Self.fits(.select, $0) } ?? false) {
                corrections.append("select → click on \"\(chosen)\": the live element is no list")
                a.kind = .click
                a.value = nil
                a.target = Target(name: chosen, text: chosen, box: a.target?.box, point: a.target?.point)
                if let t = target, !Self.answers(t, to: [Self.norm(chosen)]) { target = nil }
            }
            // A choice with nothing read as chosen, on an element that is no list: a click on it
            // (a button whose label the reader took for a list's).
            if a.kind == .select, (a.value?.text ?? "").isEmpty, let t = target, !Self.fits(.select, t) {
                a.kind = .click
                a.value = nil
                // A popup read as a list with nothing chosen in it: when resting the pointer on the
                // element opens something live (a hover menu), the person rested there.
                if try await opensOnRest(at: p, before: before) {
                    corrections.append("select → hover: nothing was read as chosen, the live element (\(t.role ?? t.tag)) is no list, and resting the pointer on it opens what the video shows")
                    a.kind = .hover
                } else {
                    corrections.append("select → click: nothing was read as chosen and the live element (\(t.role ?? t.tag)) is no list")
                }
            }
            // What the video acts on may only appear once the pointer rests somewhere (a hover
            // menu) or the element is opened (a cell edited by a double click): reveal it live and
            // put the step that revealed it into the timeline.
            if let revealed = try await reveal(i, a, at: p, found: target) {
                p = revealed.point; target = revealed.target
                before = try await page.state()
            }
            // A "click" where the pointer rested since the previous step, while the screen changed
            // near the focus: the change may have come from a key (Tab, an arrow) instead.
            if a.kind == .click, let pressed = try await keyInsteadOfClick(i, a) { return pressed }
            if target == nil, !(0..<cssViewport.width).contains(p.x) || !(0..<cssViewport.height).contains(p.y) {
                // The point lies outside the page (on the browser's own bars, or beyond the
                // window): no element of the app is there, and the pointer cannot go there live.
                if [.click, .dblclick, .hover].contains(a.kind) {
                    diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (\(a.kind.rawValue)) dropped: its point (\(Int(p.x)), \(Int(p.y))) is outside the page's viewport"))
                    return nil
                }
                a.grounding = Grounding(status: .offline, note: "its point is outside the page's viewport")
                performed = false
                break
            }
            guard let t = target else {
                // Nothing a person acts on is there: a click is kept only if it changes the app.
                if a.kind == .click || a.kind == .dblclick {
                    // (The click takes the focus away from a focused control: kept to give it back.)
                    let focused = try await browser.execute("var a = document.activeElement; return a && a !== document.body && a !== document.documentElement ? a : null;", [])
                    let unclicked = try await pointerRestedLook(at: p)   // LiveGrounder+NoEffectClick.swift
                    try await browser.pointerClick(at: (p.x, p.y), count: a.kind == .dblclick ? 2 : 1)
                    let after = try await settle(from: before)
                    let noEffect = try await clickChangedNothing(unclicked, before: before, after: after)
                    // Nothing there and nothing changed live, while the video changed: the
                    // change may be a key on the focused control (Enter on a button the Tabs
                    // before reached, Space on a checkbox) read as a click where the pointer was.
                    debug("live: step \(i + 1) hit nothing: page changed \(after.differs(from: before)), video changed \(videoChanged(i, a))")
                    if a.kind == .click, !after.differs(from: before), let pressed = try await pendingKeyExplains(i, a) { return pressed }
                    if a.kind == .click, !after.differs(from: before), videoChanged(i, a), let pressed = try await keyOnFocused(i, a, refocus: focused) {
                        return pressed
                    }
                    if a.kind == .click, !after.differs(from: before), videoChanged(i, a), try await changeLeftToStep(i, a) { return nil }   // GapSearch+Resting.swift
                    if !after.differs(from: before) && !videoChanged(i, a) {
                        return nil   // refuted: a phantom click (nothing there, nothing changed, live or in the video)
                    }
                    if a.kind == .click, noEffect {
                        // Nothing there, and the click changed nothing live, not even a pixel: the
                        // video's change is not its (LiveGrounder+NoEffectClick.swift).
                        diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: nothing actionable at its point, and clicking there changes nothing live (the page and its pixels); no click around explains the video's change"))
                        return nil
                    }
                    // It did something: the element under the point is what was clicked, named
                    // by its own verified locator when it has one (a table cell, a card).
                    if let r = raw, r.playwright != nil {
                        corrections += correctTarget(&a, r)
                        a.target?.point = p
                        try await keepPointIfCentreDiffers(&a, r, at: p, corrections: &corrections)
                    } else {
                        a.grounding = Grounding(status: .offline, note: "no actionable element at the point, but the click changed the page")
                    }
                    return try await finish(i, a, before: before, after: after, corrections: corrections)
                }
                a.grounding = Grounding(status: .offline, note: "no actionable element at the point")
                performed = false
                break
            }
            corrections += correctKind(&a, t)
            if a.kind == .fill && !t.isTextField {
                // Nothing to type into there, and none could be opened: the app refutes the typing.
                // When the video changed across the step, the element was pressed (a button read
                // as a field by its icon); else nothing happened there.
                // (The step may also be dated late, after its effect: then the live page already
                // looks unlike the video before it.)
                let behind = try await similarity(at: max(0, a.time - 0.2)).map { $0 < Self.pageUnlike } ?? false
                guard videoChanged(i, a) || behind else {
                    diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (fill) dropped: the live element there (\(t.role ?? t.tag) \"\(t.name ?? "")\") takes no text, and the video shows no change"))
                    return nil
                }
                corrections.append("fill → click: the element (\(t.role ?? t.tag)) takes no text, and the video \(behind ? "is ahead of the live page" : "changed") there")
                a.kind = .click
                a.value = nil
                a.secret = false
            }
            corrections += correctTarget(&a, t)
            if a.kind == .click, t.isSelect, let loc = a.grounding?.locator, let last = out.last, last.kind == .select,
               last.grounding?.locator == loc, a.time - last.endTime < 4 {
                // A click on the list just chosen from: the option picked in its popup, which
                // the select step already does (clicking the list again would only open it).
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: it is the choice in the list the previous step selects from"))
                return nil
            }
            // One press read twice, the second landing on the next row moved under the pointer
            // (LiveGrounder+PhantomClick.swift).
            if Self.repeatsOnNextRow(a, at: p, last: out.last) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (\(a.kind.rawValue)) dropped: it repeats the previous press at its point within \(Self.repeatWindow) s, on the same control of the row that moved under the pointer"))
                return nil
            }
            // A destructive control's click the video shows no effect of (LiveGrounder+PhantomClick.swift).
            if try await destructiveClickRefuted(i, a, t) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: \(t.role ?? t.tag) \"\(t.name ?? "")\" destroys what the video still shows after it, and the video shows no change there"))
                return nil
            }
            var toggledAlready = false
            if Self.repeatsToggle(a, last: out.last, t, videoChanged: videoChanged(i, a)) {
                // The same control again, and the video shows nothing change across the step: a
                // second reading of the previous step — unless the control's look in the video's
                // later frames is the one a second click gives it live (an uncheck dated early).
                guard let state = try await repeatedToggleKept(i, t, at: p) else {
                    diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (\(a.kind.rawValue)) dropped: it repeats the previous step on the same control and the video's later frames do not show a second click"))
                    return nil
                }
                corrections.append("kept: it repeats the previous step on the same control, and the video's later frames show the \(t.role ?? "checkbox") \(state ? "on" : "off") as a second click leaves it live")
                if a.kind == .check { a.value = .flag(state) }
                toggledAlready = true
            }
            var focusing = 0
            var focusedAt: [Double] = []
            while a.kind == .fill || a.kind == .select, let loc = a.grounding?.locator, let last = out.last,
                  last.kind == .click || Self.focusedByDoubleClick(a, last), last.grounding?.locator == loc, a.time - last.endTime < 6 {
                // The clicks just before only focused this field: the fill does that itself.
                if last.grounding?.status == .corrected { counts.corrected -= 1 } else { counts.verified -= 1 }
                counts.dropped += 1
                focusedAt.append(last.time)
                out.removeLast()
                focusing += 1
            }
            if focusing > 0 { corrections.append("the click\(focusing > 1 ? "s" : "") on the \(a.kind == .select ? "list" : "field") before it \(focusing > 1 ? "are" : "is") part of the \(a.kind == .select ? "choice" : "typing")") }
            a.target?.point = p
            try await keepPointIfCentreDiffers(&a, t, at: p, corrections: &corrections)
            if Self.maySecondRead(a, last: out.last) { unpressed = try decodePNG(try await browser.screenshot()) }
            if !toggledAlready { try await perform(&a, t, at: (p.x, p.y), corrections: &corrections) }
            // The typing began with the first click that focused the field (LiveGrounder+RepeatedPress.swift).
            a.time = Self.typingStart(a, absorbed: focusedAt)
        }

        guard performed else {
            if a.grounding == nil { a.grounding = Grounding(status: .offline, note: "not performed live") }
            return a
        }
        let after = try await settle(from: before)
        // A second reading of the press before it, which changed nothing live (LiveGrounder+RepeatedPress.swift).
        if let unpressed, !after.differs(from: before), Self.samePixels(unpressed, try decodePNG(try await browser.screenshot())) {
            diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (click) dropped: it repeats the previous click on the same element within \(Self.secondReadingWindow) s and changed nothing live"))
            return nil
        }
        // A click whose point was misread onto a field (LiveGrounder+MisplacedClick.swift).
        if let t = target, try await clickMissedItsMark(i, a, t, before: before, after: after) { return nil }
        return try await finish(i, a, before: before, after: after, corrections: corrections, target: target)
    }

    /// Facts from the app after a step: the address reached, the texts that appeared, the
    /// similarity of the live page to the video.
    mutating func finish(_ i: Int, _ action: Action, before: PageState, after: PageState, corrections: [String],
                         target: Identified? = nil) async throws -> Action {
        var a = action
        var corrections = corrections
        if after.url != before.url {
            if a.kind != .goto {
                // The address comes from the live page (on the live origin, as the script's goto).
                if let read = a.navigatesTo, mapped(read) != after.url { corrections.append("address reached: \(after.url) (read \(read))") }
                a.navigatesTo = after.url
            }
        } else if a.navigatesTo != nil && a.kind != .goto {
            corrections.append("no navigation in the live app (read \(a.navigatesTo!))")
            a.navigatesTo = nil
        }
        if !a.appeared.isEmpty {
            var kept: [String] = []
            for text in a.appeared {
                if try await page.visible(text) { kept.append(text) } else { corrections.append("\"\(text)\" is not on the live page: no assertion") }
            }
            a.appeared = kept
        }
        let (similarity, png) = try await compareKeeping(i)
        if options.keepScreenshots, let png { shots[out.count] = png }
        if let s = similarity {
            unlike = s < Self.unlikeThreshold ? unlike + 1 : 0
        }
        var g = a.grounding ?? Grounding(status: corrections.isEmpty ? .verified : .corrected)
        if g.status != .offline { g.status = corrections.isEmpty ? .verified : .corrected }
        g.corrections += corrections
        g.similarity = similarity.map { ($0 * 1000).rounded() / 1000 }
        a.grounding = g
        if unlike >= 2 {
            stoppedAt = i + 1
            stopReason = "the live page no longer looks like the video (similarity \(String(format: "%.2f", similarity ?? 0)) twice in a row)"
            let line = "live: grounding stopped after step \(i + 1): \(stopReason!); the remaining steps stay offline"
            options.say(line)
            diagnostics.append(Diagnostic(.warning, line))
        }
        return a
    }

    /// Between steps, before step `i`: what a key acts on — the focused text field, else an open
    /// dialog — must look in the live page as it does in the video just before the step. When it
    /// does not (the video's inline editor has closed, its dialog is gone) and the offline analysis
    /// proposed no key there, the keys the video suggests are tried in order of likelihood (a
    /// field outside a form: Enter, Tab — only when no pointer step follows —, Escape; a dialog:
    /// Escape).
    /// The first that brings that area in line with the video is kept as an inserted `press`
    /// step; trying stops at the first key that changes the page without doing so.
    /// `i` may be the number of actions: the recording's end (`time` = its duration + 0.1).
    mutating func agreeBefore(_ i: Int, at time: Double) async throws {
        guard i > 0, timeline.actions[i - 1].kind != .press,
              let prev = out.last, prev.kind != .press, prev.kind != .goto,
              let frame = frames.nearest(max(0, time - 0.2)) else { return }
        let k = try await page.keyTargets()
        let pad = 4.0
        func padded(_ r: (x: Double, y: Double, width: Double, height: Double)) -> (x: Double, y: Double, width: Double, height: Double) {
            (r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad)
        }
        let shot = try decodePNG(try await browser.screenshot())
        // An open dialog the video no longer shows comes first (Escape closes it); else the
        // focused field the video shows otherwise (its editor closed, the focus moved on).
        var pick: (region: (x: Double, y: Double, width: Double, height: Double), keys: [Key], what: String, s0: Double)?
        var dialogStays = false
        if let d = k.dialog, let s = fieldSimilarity(padded(d), frame, shot: shot) {
            debug("live: before step \(i + 1) the dialog looks \(Self.f2(s)) like the video")
            if s < Self.keyAreaUnlike, !videoStillShowsDialog(padded(d), frame: frame) { pick = (padded(d), [.escape], "open dialog", s) } else { dialogStays = true }
        }
        if pick == nil, let f = k.field, let s = fieldSimilarity(padded(f), frame, shot: shot) {
            debug("live: before step \(i + 1) the focused field looks \(Self.f2(s)) like the video")
            // A field of a form loses its focus look to the next step's own click, and Enter
            // there submits: such a field is left to the analysis. Tab, likewise, only when no
            // pointer step follows (which would move the focus itself).
            let pointerNext = i < timeline.actions.count && ![.press, .scroll, .goto].contains(timeline.actions[i].kind)
            var keys: [Key] = k.submits ? [] : pointerNext ? [.enter, .escape] : [.enter, .tab, .escape]
            // Where the video shows the field's place as it was before the field opened (the
            // editor closed and nothing new took its place), it was cancelled: Escape first.
            if keys.count > 1, let look = videoLooksAsBeforeOpening(padded(f), now: frame) {
                debug("live: before step \(i + 1) the field's place looks \(Self.f2(look)) in the video as before it opened")
                if look >= Self.cancelLook { keys = [.escape] + keys.filter { $0 != .escape } }
            }
            // Escape in a field of a dialog the video still shows would close the dialog.
            if dialogStays { keys.removeAll { $0 == .escape } }
            if s < Self.keyAreaUnlike, !keys.isEmpty { pick = (padded(f), keys, "focused field", s) }
        }
        guard let (region, keys, what, first) = pick else { return }
        var s0 = first
        if what == "open dialog" {
            // A dialog closes as often by a click on one of its buttons (Save, Close) as by
            // Escape: the clicks the video suggests are searched first, and Escape only tried
            // when none brought the dialog in line.
            let n = out.count
            try await synthesizeGap(i)
            guard out.count == n else { return }
            guard let s = try await fieldSimilarity(region, frame) else { return }
            s0 = s
            guard s0 < Self.keyAreaUnlike else { return }
        }
        for key in keys {
            let before = try await page.state()
            try await browser.keys([key])
            let after = try await settle(from: before)
            let s1 = try await fieldSimilarity(region, frame) ?? 0
            debug("live: before step \(i + 1), \(Self.keyName(key)) → \(Self.f2(s1))")
            if s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike {
                // The click before, repeated at its point by the next step, was a rest (LiveGrounder+RestNotClick.swift).
                if what == "open dialog", key == .escape, clickWasRest(i, dialog: region, open: shot, until: time) { return }
                // When: the first moment in the gap where the video's area looks as it does live
                // now (a little before it), else the middle of the gap.
                let duration = timeline.source?.duration ?? .infinity
                let gap = LiveGrounder.gapTimes(timeline.actions, i - 1, duration: duration)
                let start = timeline.actions[i - 1].endTime
                var t = (start + max(start, time - 0.2)) / 2
                let nowShot = try decodePNG(try await browser.screenshot())
                for g in gap {
                    guard let f = frames.nearest(g), let s = fieldSimilarity(region, f, shot: nowShot), s >= s1 - 0.05 else { continue }
                    t = max(start - 0.5, g - 0.15)
                    break
                }
                var press = Action(kind: .press, time: t, endTime: t + 0.06, value: .text(Self.keyName(key)), confidence: 0.5)
                press.grounding = Grounding(status: .corrected)
                press.grounding?.corrections = ["inserted: the \(what) looks unlike the video before the next step (\(Self.f2(s0))); \(Self.keyName(key)) brings it in line (\(Self.f2(s1)))"]
                press.grounding?.similarity = (s1 * 1000).rounded() / 1000
                out.append(press); counts.corrected += 1
                return
            }
            if after.differs(from: before) || after.active != before.active {
                diagnostics.append(Diagnostic(.note, "live: before step \(i + 1), \(Self.keyName(key)) changed the page without bringing it in line with the video"))
                try await rememberPendingKey(i, key, region: region, shotBefore: shot)
                return
            }
        }
    }

    /// How alike the video's `region` (CSS pixels) looks in `now` and just before the field
    /// typed into last was opened (`openingMoment`, LiveGrounder+InlineEditor.swift); nil without
    /// such a step or frame.
    func videoLooksAsBeforeOpening(_ region: (x: Double, y: Double, width: Double, height: Double), now: Image) -> Double? {
        guard let opened = openingMoment(), let then = frames.nearest(opened), let r = videoRect(region),
              then.width == now.width, then.height == now.height,
              r.x >= 0, r.y >= 0, r.x + r.width <= now.width, r.y + r.height <= now.height else { return nil }
        return Similarity.compare(then, r, withoutPointer(now, from: then), r, width: min(128, r.width))
    }

    /// At least this alike, the field's place is as before it opened: a cancel.
    static let cancelLook = 0.9

    /// Whether resting the pointer at `p` (half a second, as a person's hover) changes the page:
    /// new content (a menu, a tooltip) opened by hover alone. The pointer stays there.
    func opensOnRest(at p: Point, before: PageState) async throws -> Bool {
        try await browser.pointer(move: (p.x, p.y))
        try await Task.sleep(nanoseconds: 500_000_000)
        let now = try await settle(from: before)
        return now.url == before.url && (now.domSize != before.domSize || now.dialogs != before.dialogs)
    }

    func debug(_ line: @autoclosure () -> String) {
        if ProcessInfo.processInfo.environment["VID2AUTO_DEBUG"] != nil { FileHandle.standardError.write(Data("vid2auto: \(line())\n".utf8)) }
    }

    /// Step `i`, read as a click, repeats the previous step's point (the pointer stayed where it
    /// was) and the video changed across it: a key sent to the focused element may explain the
    /// change better. Tab and the arrow keys are tried in turn, each undone when it does not bring
    /// the changed area of the video in line (Shift+Tab, the opposite arrow); the first that does
    /// replaces the click. Nil: the click stands (and is performed as usual).
    mutating func keyInsteadOfClick(_ i: Int, _ a: Action) async throws -> Action? {
        guard i > 0, let p = a.target?.point, let q = timeline.actions[i - 1].target?.point,
              abs(p.x - q.x) < 4, abs(p.y - q.y) < 4, [.click, .check, .press].contains(timeline.actions[i - 1].kind),
              let region = videoChangeRegion(i, a),
              let after = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              let s0 = try await fieldSimilarity(region, after) else { return nil }
        debug("live: step \(i + 1) repeats the previous point; the changed area looks \(Self.f2(s0)) like the video")
        guard s0 < 0.9 else { return nil }
        let tries: [(key: Key, name: String, undo: Key)] = [
            (.tab, "Tab", Key.parse("Shift+Tab") ?? .tab), (.arrowRight, "ArrowRight", .arrowLeft), (.arrowLeft, "ArrowLeft", .arrowRight),
            (.arrowDown, "ArrowDown", .arrowUp), (.arrowUp, "ArrowUp", .arrowDown),
        ]
        for k in tries {
            let before = try await page.state()
            try await browser.keys([k.key])
            _ = try await settle(from: before)
            let s1 = try await fieldSimilarity(region, after) ?? 0
            debug("live: step \(i + 1), \(k.name) → \(Self.f2(s1))")
            if s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike {
                var press = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text(k.name), confidence: a.confidence)
                press.grounding = Grounding(status: .corrected)
                press.grounding?.corrections = ["click → press \(k.name): the pointer did not move since the previous step, and the key brings the area that changed in the video in line (\(Self.f2(s0)) → \(Self.f2(s1)))"]
                let (similarity, png) = try await compareKeeping(i)
                if options.keepScreenshots, let png { shots[out.count] = png }
                press.grounding?.similarity = similarity.map { ($0 * 1000).rounded() / 1000 }
                return press
            }
            try await browser.keys([k.undo])
            _ = try await settle(from: before)
        }
        return nil
    }

    /// The key that activates the focused control as a click would (Enter on a button, link, tab
    /// or menu item; Space on a checkbox, switch or radio); nil when the focus is on no such control.
    /// `refocus`: an element (still in the page) to give the focus back to first.
    func activationKey(refocus: JSONValue = .null) async throws -> (key: Key, name: String, role: String)? {
        // The element to give the focus back to may have left the page since (a row the click
        // removed): its reference is then stale and the focus is asked for as it is.
        if refocus != .null, !((try? await browser.execute("return !!arguments[0] && arguments[0].isConnected;", [refocus]))?.bool ?? false) {
            return try await activationKey()
        }
        let role = try await browser.execute("""
            if (arguments[0] && arguments[0].isConnected && document.activeElement !== arguments[0]) arguments[0].focus();
            var a = document.activeElement;
            if (!a || a === document.body || a === document.documentElement) return '';
            var r = (a.getAttribute('role') || '').toLowerCase(), tag = a.tagName.toLowerCase(), type = (a.getAttribute('type') || '').toLowerCase();
            if (r) return r;
            if (tag === 'a' && a.hasAttribute('href')) return 'link';
            if (tag === 'button' || tag === 'summary' || (tag === 'input' && ['submit', 'button', 'reset'].indexOf(type) >= 0)) return 'button';
            if (tag === 'input' && (type === 'checkbox' || type === 'radio')) return type;
            return '';
            """, [refocus]).string ?? ""
        switch role {
        case "button", "link", "tab", "menuitem": return (.enter, "Enter", role)
        case "checkbox", "switch", "radio": return (.space, "Space", role)
        default: return nil
        }
    }

    /// Step `i`, a click that hit nothing and changed nothing live while the video changed: the
    /// focused control's activation key is pressed, and kept as a `press` step when the live page
    /// then looks more like the video after the step. Nil (nothing pressed) without a focused
    /// control or a frame to compare with.
    mutating func keyOnFocused(_ i: Int, _ a: Action, refocus: JSONValue = .null, undo: Bool = false) async throws -> Action? {
        guard let k = try await activationKey(refocus: refocus), let s0 = try await compare(i) else { return nil }
        let before = try await page.state()
        try await browser.keys([k.key])
        _ = try await settle(from: before)
        let (s1, png) = try await compareKeeping(i)
        debug("live: step \(i + 1) hit nothing; \(k.name) on the focused \(k.role) → \(Self.f2(s0)) → \(Self.f2(s1 ?? 0))")
        // Not undone when it does not help unless `undo` (a toggle's second press): a second
        // Enter would repeat the action, not undo it.
        guard let s1, s1 >= s0 + Self.focusedKeyGain else {
            if undo {
                let now = try await page.state()
                try await browser.keys([k.key])
                _ = try await settle(from: now)
            }
            return nil
        }
        var press = Action(kind: .press, time: a.time, endTime: a.time + 0.06, value: .text(k.name), confidence: a.confidence)
        press.grounding = Grounding(status: .corrected)
        press.grounding?.corrections = ["click → press \(k.name): nothing actionable at the point and the click changed nothing live, while the video changed; \(k.name) on the focused \(k.role) brings the page in line (\(Self.f2(s0)) → \(Self.f2(s1)))"]
        press.grounding?.similarity = (s1 * 1000).rounded() / 1000
        if options.keepScreenshots, let png { shots[out.count] = png }
        return press
    }

    /// After a key step whose live page looks unlike the video after it (the video changed
    /// further), a second key the analysis missed may have acted on the control the first one
    /// focused (Tab to a switch, then Space): its activation key is tried and inserted when it
    /// brings the page in line; a Space that does not is undone by a second Space, and an Enter is
    /// tried only where grounding would otherwise stop (the page already unlike the video).
    mutating func keyAfterKey(_ i: Int, _ a: Action) async throws {
        guard a.kind == .press, stoppedAt == nil, let s = a.grounding?.similarity, s < Self.keyAfterKeyUnlike, videoChanged(i, a),
              let k = try await activationKey(), k.key == .space ? k.role != "radio" : s < Self.unlikeThreshold else { return }
        let t = (a.endTime + LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)) / 2
        var at = a
        at.time = t; at.endTime = t + 0.06
        guard var press = try await keyOnFocused(i, at, undo: k.key == .space) else { return }
        let s1 = press.grounding?.similarity ?? 0
        press.grounding?.corrections = ["inserted: after \(a.value?.text ?? "the key") the live page looks unlike the video (\(Self.f2(s))), and \(k.name) on the focused \(k.role) brings it in line (→ \(Self.f2(s1)))"]
        out.append(press); counts.corrected += 1
        // The step before is now in line: its similarity is the page's after both keys.
        if unlike > 0 { unlike -= 1 }
    }

    /// Below this similarity after a key step, a second key is looked for (`keyAfterKey`).
    static let keyAfterKeyUnlike = 0.5

    /// The whole page's gain a focused control's key must bring to replace a click that did nothing.
    static let focusedKeyGain = 0.03

    /// Presses `key` and keeps it when it brings the area that changed in the video across step
    /// `i` in line with the video's frame after the step (by `keyGain`, to at least
    /// `keyAreaLike`): returns the similarities ("0.42 → 0.81"); else presses `undo` and returns nil.
    mutating func keyExplainsChange(_ i: Int, _ a: Action, _ key: Key, undo: Key) async throws -> String? {
        guard let region = videoChangeRegion(i, a),
              let after = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              let s0 = try await fieldSimilarity(region, after) else { return nil }
        let before = try await page.state()
        try await browser.keys([key])
        _ = try await settle(from: before)
        let s1 = try await fieldSimilarity(region, after) ?? 0
        debug("live: step \(i + 1), \(Self.keyName(key)) → \(Self.f2(s0)) → \(Self.f2(s1))")
        if s1 >= s0 + Self.keyGain && s1 >= Self.keyAreaLike { return "\(Self.f2(s0)) → \(Self.f2(s1))" }
        try await browser.keys([undo])
        _ = try await settle(from: before)
        return nil
    }

    /// Where the video changed across action `i` (its frame before against after), in viewport
    /// CSS pixels; nil when nothing changed or most of the viewport did (a new page, not a key).
    func videoChangeRegion(_ i: Int, _ a: Action) -> (x: Double, y: Double, width: Double, height: Double)? {
        guard let vp = timeline.viewport, let f0 = frames.nearest(max(0, a.time - 0.2)),
              let f1 = frames.nearest(LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)),
              f0.width == f1.width, f0.height == f1.height else { return nil }
        let s = frames.scale
        let x0 = max(0, Int(Double(vp.x) * s)), y0 = max(0, Int(Double(vp.y) * s))
        let x1 = min(f0.width, Int(Double(vp.x + vp.width) * s)), y1 = min(f0.height, Int(Double(vp.y + vp.height) * s))
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1, n = 0
        for y in y0..<max(y0, y1) {
            for x in x0..<max(x0, x1) where abs(Int(f0.luma(x: x, y: y)) - Int(f1.luma(x: x, y: y))) > 24 {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y); n += 1
            }
        }
        guard n >= 4 else { return nil }
        let w = Double(maxX - minX + 1) / s / dpr, h = Double(maxY - minY + 1) / s / dpr
        guard w * h < 0.5 * cssViewport.width * cssViewport.height else { return nil }
        let pad = 6.0
        return ((Double(minX) / s - Double(vp.x)) / dpr - pad, (Double(minY) / s - Double(vp.y)) / dpr - pad, w + 2 * pad, h + 2 * pad)
    }

    /// Below this similarity the area a key acts on (focused field, open dialog) disagrees with the video.
    static let keyAreaUnlike = 0.8
    /// … and at least this similar after it.
    static let keyAreaLike = 0.5
    /// A key is kept when it raises that area's similarity by at least this much.
    static let keyGain = 0.1

    static func f2(_ x: Double) -> String { String(format: "%.2f", x) }

    static func keyName(_ key: Key) -> String {
        switch key {
        case .enter: "Enter"
        case .tab: "Tab"
        case .escape: "Escape"
        default: "\(key)"
        }
    }

    /// A field's rendering at least this similar to the video's confirms a value.
    static let valueMatch = 0.8

    /// Below this similarity the live page and the video disagree about what is on screen.
    static let unlikeThreshold = 0.25

    /// A script clicks an element at its centre: when the person clicked the element's own
    /// surface and its centre holds something else (a dialog inside its backdrop, another
    /// control), the locator would not repeat this click, so the step keeps the recorded point.
    mutating func keepPointIfCentreDiffers(_ a: inout Action, _ t: Identified, at p: Point, corrections: inout [String]) async throws {
        guard [.click, .dblclick, .hover].contains(a.kind), a.grounding?.locator != nil, let b = t.box, let el = t.element else { return }
        let centre = Point(x: b.x + b.width / 2, y: b.y + b.height / 2)
        guard abs(centre.x - p.x) > 4 || abs(centre.y - p.y) > 4 else { return }
        // What is hit at each point: [the element's own surface at the point, its own surface at
        // the centre, the centre still acts on it (a plain child of it, or it is the control there)].
        // (The click may have taken the element out of the page — a menu item, a removed row: its
        // reference is stale then, and the locator chosen before the click stands.)
        guard let hits = try? await browser.execute("""
            var el = arguments[0], p = document.elementFromPoint(arguments[1], arguments[2]), c = document.elementFromPoint(arguments[3], arguments[4]);
            var controls = 'a, button, input, select, textarea, [role=button], [role=link], [onclick]';
            // (After a double click, an editor it opened inside the element is the element's own.)
            var editor = arguments[5] && !!c && el.contains(c) && c.matches('input, textarea, [contenteditable]');
            return [p === el, c === el, !!c && (c === el || editor || (el.contains(c) && !c.closest(controls)) || c.closest(controls) === el)];
            """, [JSONValue(element: el), .number(p.x), .number(p.y), .number(centre.x), .number(centre.y), .bool(a.kind == .dblclick)]) else { return }
        let surfaceAtPoint = hits[0]?.bool ?? false, surfaceAtCentre = hits[1]?.bool ?? true, sameAtCentre = hits[2]?.bool ?? true
        guard surfaceAtPoint && !surfaceAtCentre || !sameAtCentre else { return }
        let there = try await page.identify(x: centre.x, y: centre.y)
        a.grounding?.locator = nil
        a.grounding?.selenium = nil
        a.grounding?.matchCount = nil
        a.target = Target(box: a.target?.box, point: p)
        corrections.append("clicked at its point: the centre of \(t.role ?? t.tag) holds something else (\(there?.name ?? there?.role ?? there?.tag ?? "another element"))")
    }

    /// The words the video gives the action's element.
    static func videoNames(_ a: Action) -> [String] {
        [a.target?.name, a.target?.text, a.target?.label, a.target?.placeholder].compactMap { $0 }.map(norm).filter { $0.count >= 2 }
    }

    /// Whether the live element answers to what the video read.
    static func answers(_ t: Identified, to names: [String]) -> Bool {
        let live = [t.name, t.text, t.label, t.placeholder].compactMap { $0 }.map(norm).filter { !$0.isEmpty }
        return names.contains { n in live.contains { $0 == n || $0.contains(n) || n.contains($0) } }
    }

    /// Appends a `hover` on `element` at `point` before `a`, as a correction saying why: dated where
    /// the video shows the area it revealed (`revealed`, CSS pixels) appear, else just before `a`.
    mutating func insertHover(before a: Action, at point: Point, on element: Identified, revealed: (x: Double, y: Double, width: Double, height: Double)?, because why: String) {
        var hover = Action(kind: .hover, time: revealTime(of: revealed, before: a, fallback: max(0, a.time - 0.3)), endTime: a.time - 0.05,
                           target: Target(point: point), confidence: a.confidence)
        _ = correctTarget(&hover, element)
        hover.target?.point = point
        hover.grounding?.status = .corrected
        hover.grounding?.corrections = ["inserted: " + why]
        out.append(hover); counts.corrected += 1
    }

    /// Makes the action's element appear when the live page hides it: a hidden element named as the
    /// video names it is shown by resting the pointer on one of its containers (a `hover` step is
    /// inserted before the action); a fill whose point holds no field gets one by a click or a
    /// double click there (that step is inserted, or the click before it becomes a double click).
    mutating func reveal(_ i: Int, _ a: Action, at p: Point, found: Identified?) async throws -> (point: Point, target: Identified)? {
        let names = Self.videoNames(a)
        if [.click, .dblclick, .check, .hover].contains(a.kind), !names.isEmpty, found.map({ !Self.answers($0, to: names) }) ?? true {
            for name in names where name.count >= 3 {
                guard try await page.shown(named: name, near: p, within: 150) == nil else { continue }
                // Hidden in the page (a CSS hover menu): its shown containers; else nothing by
                // that name exists yet (a menu built on mouseenter): the controls around the point.
                let hidden = try await page.hidden(named: name, near: p)
                var points = hidden?.points ?? []
                if hidden == nil { points = try await page.openers(near: p) }
                for q in points {
                    try await browser.pointer(move: (q.x, q.y))
                    try await Task.sleep(nanoseconds: 350_000_000)   // a menu may wait for the pointer to rest
                    var open = false
                    if let h = hidden { open = try await page.isVisible(h.element) } else { open = try await page.shown(named: name, near: p) != nil }
                    guard open else { continue }
                    // Open: the element under the resting pointer is what was hovered.
                    guard let opener = try await page.identify(x: q.x, y: q.y) else { break }
                    // The step acts on what the hover showed: the shown element of that name nearest the point.
                    let c = try await page.shown(named: name, near: p) ?? p
                    let t = try await page.identify(x: c.x, y: c.y)
                    insertHover(before: a, at: Point(x: q.x, y: q.y), on: opener, revealed: t?.box,
                                because: "resting the pointer here shows \"\(name)\", which the next step uses")
                    guard let t, t.actionable else { return nil }
                    return (c, t)
                }
            }
        }
        if [.click, .dblclick, .check].contains(a.kind), found == nil, (0..<cssViewport.width).contains(p.x), (0..<cssViewport.height).contains(p.y),
           let under = try await page.identify(x: p.x, y: p.y), !under.actionable {
            // Nothing to act on at the point until the pointer rests there (a card's delete
            // button shown on hover): rest it there, and when a control appears under it, that
            // is what the step acts on, after a hover on what was there.
            try await browser.pointer(move: (p.x, p.y))
            try await Task.sleep(nanoseconds: 350_000_000)
            if let shown = try await page.identify(x: p.x, y: p.y), shown.actionable, shown.element != nil {
                insertHover(before: a, at: p, on: under, revealed: shown.box,
                            because: "resting the pointer here shows \(shown.role ?? shown.tag) \"\(shown.name ?? "")\", which the next step acts on")
                return (p, shown)
            }
        }
        if a.kind == .fill, !(found?.isTextField ?? false) {
            var t = found
            if t == nil { t = try await page.identify(x: p.x, y: p.y) }
            // A control that does something of its own when clicked (a button, a link, a switch)
            // is not clicked to look for a field: that would perform it.
            guard let t, !["button", "link", "menuitem", "checkbox", "switch", "radio", "tab", "option"].contains(t.role ?? "") else { return nil }
            for count in [1, 2] {
                let before = try await page.state()
                try await browser.pointerClick(at: (p.x, p.y), count: count)
                _ = try await settle(from: before)
                guard let now = try await page.identify(x: p.x, y: p.y), now.isTextField, now.actionable else { continue }
                let kind: ActionKind = count == 2 ? .dblclick : .click
                // The clicks just before on the same element (at the point, or named by the same
                // locator) were this opening click, read as one or two single clicks.
                let opened = t.playwright.flatMap { LiveLocator(json: $0) }
                var same: [Int] = []
                for k in out.indices.reversed() {
                    let last = out[k]
                    guard [.click, .dblclick].contains(last.kind), a.time - last.endTime < 4 else { break }
                    let near = last.target?.point.map { abs($0.x - p.x) < 12 && abs($0.y - p.y) < 12 } ?? false
                    guard near || (opened != nil && last.grounding?.locator == opened) else { break }
                    same.insert(k, at: 0)
                }
                if let k = same.first {
                    let last = out[k]
                    if last.kind != kind || same.count > 1 {
                        if last.grounding?.status == .verified { counts.verified -= 1; counts.corrected += 1 }
                        out[k].kind = kind
                        out[k].grounding?.status = .corrected
                        out[k].grounding?.corrections.append("\(same.count > 1 ? "\(same.count) clicks" : last.kind.rawValue) → \(kind.rawValue): the field to type into opens on a \(kind == .dblclick ? "double " : "")click")
                    }
                    for extra in same.dropFirst().reversed() {
                        if out[extra].grounding?.status == .corrected { counts.corrected -= 1 } else { counts.verified -= 1 }
                        counts.dropped += 1
                        out.remove(at: extra)
                    }
                } else {
                    // Dated where the video shows the field open (LiveGrounder+ShownTime.swift).
                    let at = revealTime(of: now.box, before: a, fallback: max(0, a.time - 0.3))
                    var opener = Action(kind: kind, time: at, endTime: max(at, min(a.time - 0.05, at + 0.3)), target: a.target, confidence: a.confidence)
                    opener.value = nil
                    _ = correctTarget(&opener, t)
                    opener.target?.point = p
                    opener.grounding?.status = .corrected
                    opener.grounding?.corrections = ["inserted: the field to type into opens on a \(kind == .dblclick ? "double " : "")click here"]
                    out.append(opener); counts.corrected += 1
                }
                return (p, now)
            }
        }
        return nil
    }

    /// A check step that repeats the previous one on the same control, with no change in the
    /// video across it: the control is clicked live and its look compared with the video's later
    /// frame (before the next step, or the recording's end). The click is kept — the control's
    /// new checked state returned — when the control now looks clearly more like that frame
    /// (`toggleGain`); else it is undone by a second click and nil is returned.
    mutating func repeatedToggleKept(_ i: Int, _ t: Identified, at p: Point) async throws -> Bool? {
        guard let box = t.box, let el = t.element else { return nil }
        let duration = timeline.source?.duration ?? .infinity
        let later = i + 1 < timeline.actions.count ? max(0, timeline.actions[i + 1].time - 0.2) : duration - 0.1
        guard later.isFinite, let frame = frames.nearest(later) else { return nil }
        let pad = 3.0
        let region = (x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad)
        let area = max(1, region.width * region.height)
        let d0 = distance(region, shot: try decodePNG(try await browser.screenshot()), frame) / area
        let before = try await page.state()
        try await browser.pointerClick(at: (p.x, p.y), count: 1)
        _ = try await settle(from: before)
        let d1 = distance(region, shot: try decodePNG(try await browser.screenshot()), frame) / area
        debug("live: step \(i + 1) repeats the previous check: the control is \(Self.f2(d0)) from the video's later frame, \(Self.f2(d1)) after a second click")
        if Self.toggleExplains(before: d0, after: d1) {
            let now = try await browser.execute("var e = arguments[0], s = e.getAttribute('aria-checked') || e.getAttribute('aria-pressed'); return s === null ? !!e.checked : s === 'true';",
                                                [JSONValue(element: el)])
            return now.bool ?? !(t.checked ?? false)
        }
        let s = try await page.state()
        try await browser.pointerClick(at: (p.x, p.y), count: 1)
        _ = try await settle(from: s)
        return nil
    }

    /// Whether a click that moved a control's look from `before` to `after` (its mean absolute
    /// luma difference to the video's frame, as `distance` measures it) explains the video: it
    /// must come clearly nearer, by a share and by a few levels.
    static func toggleExplains(before d0: Double, after d1: Double) -> Bool {
        d1 < d0 * (1 - toggleGain) && d0 - d1 >= 3
    }

    /// The share of its distance to the video a repeated toggle's click must remove to be kept.
    static let toggleGain = 0.3

    /// Where to look for the action's element: the recorded point and the centre of the element's
    /// box (the centre first for a select, whose option is clicked in a popup).
    static func points(for a: Action) -> [Point] {
        let point = a.target?.point
        let centre = a.target?.box.map { Point(x: $0.x + $0.width / 2, y: $0.y + $0.height / 2) }
        let ordered = a.kind == .select ? [centre, point] : [point, centre]
        var out: [Point] = []
        for p in ordered.compactMap({ $0 }) where !out.contains(where: { abs($0.x - p.x) < 2 && abs($0.y - p.y) < 2 }) { out.append(p) }
        return out
    }

    /// Whether the live element is the kind the action acts on.
    static func fits(_ kind: ActionKind, _ t: Identified) -> Bool {
        switch kind {
        case .fill: t.isTextField
        case .select: t.isSelect || t.role == "combobox" || t.role == "listbox"
        case .check: t.isCheckable
        default: true
        }
    }

    // MARK: - Corrections

    /// The action's kind as the live element says: a click on a checkbox is a check, a check on
    /// something with no checked state is a click.
    func correctKind(_ a: inout Action, _ t: Identified) -> [String] {
        var c: [String] = []
        // (A click on a radio that is on already changes nothing: it stays a click.)
        if a.kind == .click && t.isCheckable && !(t.role == "radio" && t.checked != false) {
            let wanted = !(t.checked ?? false)
            c.append("click → \(wanted ? "check" : "uncheck"): the element is a \(t.role ?? "checkbox")")
            a.kind = .check
            a.value = .flag(wanted)
        } else if a.kind == .check && !t.isCheckable {
            c.append("check → click: the element (\(t.role ?? t.tag)) has no checked state")
            a.kind = .click
            a.value = nil
        } else if a.kind == .fill && !t.isTextField {
            if t.isSelect {
                c.append("fill → select: the element is a list")
                a.kind = .select
            }
        } else if a.kind == .select && !t.isSelect && t.isTextField {
            c.append("select → fill: the element is a text field")
            a.kind = .fill
        }
        return c
    }

    /// The element's identity from the live DOM: role, accessible name, label, placeholder and
    /// the verified locators.
    func correctTarget(_ a: inout Action, _ t: Identified) -> [String] {
        var c: [String] = []
        var target = a.target ?? Target()
        if let r = t.role, let role = Role(rawValue: r) {
            if target.role != role {
                if let old = target.role { c.append("role \(old.rawValue) → \(role.rawValue)") }
                target.role = role
            }
        }
        if let n = t.name, !n.isEmpty {
            // The video may have named it by its placeholder or label: that is another name of the
            // same element, not a misreading.
            let otherNames = [t.label, t.placeholder, t.text, n].compactMap { $0 }.map(Self.norm)
            if let old = target.name, !otherNames.contains(Self.norm(old)) { c.append("name \"\(old)\" → \"\(n)\"") }
            target.name = n
        }
        if let l = t.label, !l.isEmpty { target.label = l }
        if let p = t.placeholder, !p.isEmpty { target.placeholder = p }
        if let x = t.text, !x.isEmpty, !t.isTextField { target.text = x }
        var g = Grounding(status: .verified)
        if let pj = t.playwright, let loc = LiveLocator(json: pj) {
            g.locator = loc
            g.matchCount = t.playwrightCount
            target.context = loc.scope?.hasText
        }
        if let s = t.selenium, let by = SeleniumLocator.Strategy(rawValue: s.by) {
            g.selenium = SeleniumLocator(by: by, value: s.value)
        }
        if let b = t.box { target.box = Box(x: b.x, y: b.y, width: b.width, height: b.height) }
        if t.isPassword && !a.secret {
            c.append("the field is masked (type=password): its value comes from an environment variable")
            a.secret = true
        }
        a.target = target
        a.grounding = g
        return c
    }

    // MARK: - Performing

    mutating func perform(_ a: inout Action, _ t: Identified, at p: (Double, Double), corrections: inout [String]) async throws {
        guard let el = t.element else { return }
        switch a.kind {
        case .click:
            try await browser.pointerClick(at: p, count: 1)
        case .dblclick:
            try await browser.pointerClick(at: p, count: 2)
        case .hover:
            try await browser.pointer(move: p)
        case .check:
            var wanted: Bool = {
                if case .flag(let b)? = a.value { return b }
                return true
            }()
            // The person clicked it, and a click toggles a checkbox or switch (a radio ends on):
            // the state it ends in is the live state flipped, whatever the video's reading said.
            if let now = t.checked {
                let toggled = ["radio", "menuitemradio"].contains(t.role ?? "") ? true : !now
                if toggled != wanted {
                    corrections.append("\(wanted ? "check" : "uncheck") → \(toggled ? "check" : "uncheck"): the live \(t.role ?? "checkbox") is \(now ? "on" : "off") and the click toggles it")
                    wanted = toggled
                }
            }
            if t.checked != wanted { try await browser.pointerClick(at: p, count: 1) }
            a.value = .flag(wanted)
        case .select:
            let wanted = a.value?.text ?? ""
            guard let option = Self.bestOption(wanted, t.options) else {
                throw SkipStep(reason: "the live list has no option like \"\(wanted)\"")
            }
            if option != wanted { corrections.append("option \"\(wanted)\" → \"\(option)\" (the list's own label)") }
            a.value = .text(option)
            _ = try await browser.execute("""
                var s = arguments[0], want = arguments[1];
                for (var i = 0; i < s.options.length; i++) {
                  if ((s.options[i].label || s.options[i].text).replace(/\\s+/g, ' ').trim() === want) { s.selectedIndex = i; break; }
                }
                s.dispatchEvent(new Event('input', {bubbles: true}));
                s.dispatchEvent(new Event('change', {bubbles: true}));
                return s.selectedIndex;
                """, [JSONValue(element: el), .string(option)])
        case .fill:
            let prior = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string ?? ""
            editedField = EditedField(index: out.count, prior: prior)
            try await fill(&a, t, el, at: p, corrections: &corrections)
            try await compareValue(&a, t, el, prior: prior, corrections: &corrections)   // LiveValues.swift
            // A number or date field takes only its own characters: what it holds after the
            // typing is the value (a caret read as "I" after a number is not typed into it).
            if !a.secret, let kept = a.value?.text, let type = t.inputType, Self.sanitisingTypes.contains(type) {
                let held = try await browser.execute("""
                    var e = document.activeElement && document.activeElement.tagName === 'INPUT' ? document.activeElement : arguments[0];
                    return e.value;
                    """, [JSONValue(element: el)]).string ?? ""
                if !held.isEmpty, held != kept {
                    corrections.append("value \"\(kept)\" → \"\(held)\": the \(type) field holds that (it takes no other characters)")
                    a.value = .text(held)
                }
            }
        default:
            break
        }
    }

    /// Input types whose value the browser keeps to their own syntax.
    static let sanitisingTypes: Set<String> = ["number", "date", "time", "datetime-local", "month", "week"]

    mutating func fill(_ a: inout Action, _ t: Identified, _ element: ElementHandle, at p: (Double, Double), corrections: inout [String]) async throws {
        // Focus it as a person would, unless it has the focus already (a click may re-render an
        // inline editor, so the element is looked up again after it).
        var el = element
        if try await browser.execute("return document.activeElement === arguments[0];", [JSONValue(element: el)]).bool != true {
            try await browser.pointerClick(at: p, count: 1)
            if let again = try await page.identify(x: p.0, y: p.1), again.isTextField, let e = again.element { el = e }
        }
        if a.secret {
            // The variable the generated script will read; typed into this field and nowhere else.
            let names = options.secretNames(out + [a])
            let name = names.last ?? "SECRET"
            guard let value = options.environment[name] else {
                throw StopGrounding(reason: "$\(name) is not set (the masked field's value)")
            }
            try await type(value, el)
            return
        }
        let typed = a.value?.text ?? ""
        // What the field held before: an edit keeps parts of it, which the reader may have misread.
        let prior = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string ?? ""
        try await type(typed, el)
        // Render and compare: the live field with this value against the video's field at the end
        // of typing; other readings are tried when it does not look the same.
        // The video's field at the end of typing: the reader's end may already include what came
        // after (an Enter that closed an inline editor), so a moment before it is compared too.
        guard let box = t.box else { return }
        let shot = try decodePNG(try await browser.screenshot())
        var pick: (frame: Image, score: Double)?
        for time in LiveGrounder.fillTimes(a) {
            guard let f = frames.nearest(time), let s = fieldSimilarity(box, f, shot: shot) else { continue }
            if pick == nil || s > pick!.score + 0.05 { pick = (f, s) }
        }
        guard let (frame, base) = pick, base < 0.97 else { return }
        var best = (value: typed, score: base)
        var tried: Set<String> = [typed]
        var scores: [String: Double] = [typed: base]
        // The video's field read again inside the box the live page gives it: the reader's crop
        // was found by the pixels alone (and at a HiDPI scale its sizes are off).
        // Each moment of the end of typing is read (the field may already be closed at the
        // reader's end), each reading rendered and compared with its own moment's field.
        var reread: [String] = []
        // The text's own area: inside the field's border and padding (a floating label sits in
        // the padding above the text).
        let content = try await browser.execute("""
            var r = arguments[0].getBoundingClientRect(), c = getComputedStyle(arguments[0]);
            var l = parseFloat(c.borderLeftWidth) + parseFloat(c.paddingLeft), t = parseFloat(c.borderTopWidth) + parseFloat(c.paddingTop);
            var w = r.width - l - parseFloat(c.borderRightWidth) - parseFloat(c.paddingRight);
            var h = r.height - t - parseFloat(c.borderBottomWidth) - parseFloat(c.paddingBottom);
            return [r.left + l, r.top + t, w, h];
            """, [JSONValue(element: el)])
        var textBox: (x: Double, y: Double, width: Double, height: Double)?
        if let x = content[0]?.double, let y = content[1]?.double, let w = content[2]?.double, let h = content[3]?.double, w > 8, h > 6 {
            textBox = (x - 2, y - 3, w + 4, h + 6)
        }
        // (Inside the text area for read and compare; the box less a margin, as before, for the
        // renderings below.)
        let rereads = try await rereadField(box, times: LiveGrounder.fillTimes(a))
        let textReads = textBox == nil ? [] : try await rereadField(box, text: textBox, times: LiveGrounder.fillTimes(a))
        // An email address (an email field, or a value shaped like one) holds no space: where the
        // video's field, read again, shows the typed
        // address's local part with a gap in it, a narrow character (a dot) was lost there.
        if t.inputType == "email" || typed.wholeMatch(of: /[^@\s]+@[^@\s]+\.[A-Za-z]{2,}/) != nil,
           let fixed = Self.emailWithDots(typed, readings: (textReads + rereads).map(\.text)) {
            try await type(fixed, el)
            corrections.append("value \"\(typed)\" → \"\(fixed)\": an email address has no space, and the video's field read again shows a gap (a dot) there")
            a.value = .text(fixed)
            return
        }
        // Read and compare: each candidate typed live and its field read by the same reader as the
        // video's field at the end of typing; the reader's quirks with this font are the same on
        // both sides, so the candidate read exactly as the video is the value typed there.
        // (Only when an earlier moment's reading agrees with it — a prefix of it, give or take a
        // letter: the field was still open and being typed into, not closed or covered.)
        // Only where the reader's value is no near reading of the same text (three letters or
        // more apart: a label read into it, a word lost): a letter or two either way is as
        // likely the re-reading's own slip.
        if let textBox, let videoText = textReads.first?.text, Self.typingAgrees(videoText, textReads.dropFirst().map(\.text)),
           Self.distance(Self.readingKey(typed), Self.readingKey(videoText)) >= Self.readCompareApart,
           let read = try await readAndCompare(typed: typed, video: videoText, candidates: textReads.map(\.text) + a.alternatives, el, textBox),
           Self.caseAnomalies(read.value) <= Self.caseAnomalies(typed) {
            if read.value != typed {
                corrections.append("value \"\(typed)\" → \"\(read.value)\": typed live, it reads as the video's field does (\"\(videoText)\")")
                a.value = .text(read.value)
            }
            try await capitalise(&a, el, box, frame, corrections: &corrections)
            let kept = a.value?.text ?? read.value
            let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string
            if now != kept { try await type(kept, el) }
            return
        }
        for (text, at) in rereads where text != typed && tried.insert(text).inserted {
            reread.append(text)
            let typedThere = fieldSimilarity(box, at, shot: shot) ?? 0
            try await type(text, el)
            let s = try await fieldSimilarity(box, at)
            debug("live: value read again \"\(text)\" renders \(s.map(Self.f2) ?? "-") like the video there (typed \"\(typed)\": \(Self.f2(typedThere)))")
            // A shorter reading that shares a run of letters with the typed one is the field cut
            // or scrolled rather than a better reading (one sharing none is another text: the
            // reader's crop took in a neighbour); and a reading, unlike the reader's own
            // alternatives, needs a lead a blind swap would.
            if let s, text.count >= typed.count - 1 || !Self.sharesRun(text, typed, length: 3), s > max(best.score, typedThere) + 0.06 {
                scores[text] = s
                best = (text, s)
            }
        }
        // Two rounds: a reading can hold two independent misreadings (a letter and a caret).
        for round in 0..<2 {
            let from = best.value
            guard round == 0 || from != typed else { break }
            // Readings with evidence of their own (the reader's alternatives, a caret, the field's
            // previous letters) need less of a lead than a blind swap of confusable letters, which
            // a half-size video often cannot tell apart (e/c).
            let sub = Self.priorSubstitutions(from, prior)
            let evidenced = Set((round == 0 ? a.alternatives : []) + reread + [Self.withoutCaret(from), sub.count > 1 ? sub.all : nil].compactMap { $0 } + sub.single)
            for candidate in Self.readings(of: from, alternatives: round == 0 ? a.alternatives : [], prior: prior)
            where tried.insert(candidate).inserted {
                try await type(candidate, el)
                let s = try await fieldSimilarity(box, frame)
                debug("live: value \"\(candidate)\" renders \(s.map(Self.f2) ?? "-") like the video (typed \"\(typed)\": \(Self.f2(base)), field held \"\(prior)\")")
                if let s { scores[candidate] = s }
                if let s, s > best.score + (evidenced.contains(candidate) ? 0.03 : 0.06) { best = (candidate, s) }
            }
        }
        // A focused field shows its caret after the last letter, where it reads as "I" or "|":
        // when the rendering cannot tell the two apart, the caret explains it.
        if let bare = Self.withoutCaret(best.value), let s = scores[bare], s >= best.score - 0.02 { best = (bare, s) }
        // The readings of the same length voted letter by letter (the reader's, each reading of
        // the field again): a letter one reading alone gives is outvoted. When the rendering
        // cannot tell the vote from the best reading (within 0.02), the vote is kept.
        if let vote = Self.vote([typed] + rereads.map(\.text), prefer: best.value), vote != best.value {
            var sv = scores[vote]
            if sv == nil {
                try await type(vote, el)
                sv = try await fieldSimilarity(box, frame)
                if let v = sv { scores[vote] = v }
            }
            debug("live: value \"\(vote)\" (the readings' vote) renders \(sv.map(Self.f2) ?? "-") like the video (\"\(best.value)\": \(Self.f2(best.score)))")
            if let v = sv, v >= best.score - 0.02, best.value != typed || v >= Self.valueMatch { best = (vote, v) }
        }
        // Only a rendering that really looks like the video may overrule the reader — or one
        // that looks clearly more like it and puts back letters the field held before (the DOM's
        // word against the reader's).
        let fromPrior = Self.priorSubstitutions(typed, prior).count > 0
            && Self.distance(best.value, prior) < Self.distance(Self.withoutCaret(typed) ?? typed, prior)
        if best.value != typed && (best.score >= Self.valueMatch || fromPrior && best.score >= base + 0.04) {
            corrections.append("value \"\(typed)\" → \"\(best.value)\": its rendering matches the video (\(String(format: "%.2f", best.score)) against \(String(format: "%.2f", base)))")
            a.value = .text(best.value)
        }
        try await capitalise(&a, el, box, frame, corrections: &corrections)
        // The field ends holding the value kept (the last candidate tried may be another).
        let kept = a.value?.text ?? typed
        let now = try await browser.execute("return arguments[0].value;", [JSONValue(element: el)]).string
        if now != kept { try await type(kept, el) }
    }

    /// A capital I read as a small l at the start of a word of a capitalised value ("llse Berg"):
    /// the two are drawn alike in most sans-serif fonts, so the rendering cannot decide — the
    /// other words' capitals do, unless the rendering with the I looks clearly less like the video.
    mutating func capitalise(_ a: inout Action, _ el: ElementHandle, _ box: (x: Double, y: Double, width: Double, height: Double),
                             _ frame: Image, corrections: inout [String]) async throws {
        guard let value = a.value?.text, let cap = Self.capitalised(value) else { return }
        try await type(value, el)
        let s0 = try await fieldSimilarity(box, frame) ?? 0
        try await type(cap, el)
        let s1 = try await fieldSimilarity(box, frame) ?? 0
        debug("live: value \"\(cap)\" renders \(Self.f2(s1)) like the video (\"\(value)\": \(Self.f2(s0)))")
        if s1 >= s0 - 0.02 {
            corrections.append("value \"\(value)\" → \"\(cap)\": a word of a capitalised value starts with I, not l (drawn alike)")
            a.value = .text(cap)
        } else {
            try await type(value, el)
        }
    }

    /// `value` with a word's leading small l (before a consonant) made a capital I, when every
    /// other word of it starts with a capital letter; nil when there is no such word.
    static func capitalised(_ value: String) -> String? {
        var words = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let lettered = words.indices.filter { words[$0].first?.isLetter == true }
        guard lettered.count >= 2 else { return nil }
        func misread(_ w: String) -> Bool {
            let c = Array(w)
            return c.count >= 3 && c[0] == "l" && c[1].isLetter && c[1].isLowercase && !"aeiouy".contains(c[1])
        }
        let suspects = lettered.filter { misread(words[$0]) }
        guard !suspects.isEmpty, lettered.allSatisfy({ suspects.contains($0) || words[$0].first!.isUppercase }),
              suspects.count < lettered.count else { return nil }
        for k in suspects { words[k] = "I" + words[k].dropFirst() }
        return words.joined(separator: " ")
    }

    /// The value among `typed` and `candidates` (with trailing carets dropped) whose live field,
    /// read in `textBox` by the same reader, reads as the video's field did (`video`): nil when
    /// no candidate reads nearer the video than the typed value does, or the nearest is still
    /// more than a letter in eight away. The field is left holding the last candidate tried.
    func readAndCompare(typed: String, video: String, candidates: [String], _ el: ElementHandle,
                        _ textBox: (x: Double, y: Double, width: Double, height: Double)) async throws -> (value: String, distance: Int)? {
        guard let reader = options.reader else { return nil }
        let want = Self.readingKey(video)
        guard want.count >= 2 else { return nil }
        var list: [String] = []
        for c in [typed] + candidates.map(Self.readingKey) where !c.isEmpty && !list.contains(c) && list.count < 8 { list.append(c) }
        // The live caret is hidden while reading (the video's is left out of its reading).
        _ = try await browser.execute("arguments[0].style.caretColor = 'transparent'; return true;", [JSONValue(element: el)])
        let scored: [(value: String, distance: Int)]
        do {
            scored = try await readEach(list, want: want, reader: reader, el, textBox)
        } catch {
            _ = try? await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: el)])
            throw error
        }
        _ = try await browser.execute("arguments[0].style.caretColor = ''; return true;", [JSONValue(element: el)])
        guard let typedD = scored.first?.distance, let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance < typedD, best.distance <= max(1, want.count / 8) else { return nil }
        return best
    }

    /// Read and compare replaces the reader's value only when it is this many letters off the
    /// video's field as read again.
    static let readCompareApart = 3

    /// Capitals between two small letters of a word ("QuillwBrks"): a reading that adds one the
    /// reader's value does not have is a misread glyph, not the text.
    static func caseAnomalies(_ s: String) -> Int {
        let c = Array(s)
        guard c.count >= 3 else { return 0 }
        return (1..<(c.count - 1)).filter { c[$0].isUppercase && c[$0 - 1].isLowercase && c[$0 + 1].isLowercase }.count
    }

    /// Each candidate typed into the field and read there: its distance from `want`, in order,
    /// stopping at the first that reads exactly so; empty when the text area is too small.
    func readEach(_ list: [String], want: String, reader: any TextReader, _ el: ElementHandle,
                  _ textBox: (x: Double, y: Double, width: Double, height: Double)) async throws -> [(value: String, distance: Int)] {
        var scored: [(value: String, distance: Int)] = []
        for c in list {
            try await type(c, el)
            try await Task.sleep(nanoseconds: 60_000_000)
            let shot = try decodePNG(try await browser.screenshot())
            let k = Double(shot.width) / max(1, cssViewport.width)
            let r = PixelRect(x: Int(textBox.x * k), y: Int(textBox.y * k), width: Int(textBox.width * k), height: Int(textBox.height * k))
            guard r.width > 8, r.height > 6 else { return [] }
            let live = try await reader.read(shot.cropped(to: r), mode: .line).text
            let d = Self.distance(Self.readingKey(live), want)
            debug("live: value \"\(c)\" typed live reads \"\(Self.readingKey(live))\" (the video's field: \"\(want)\"): \(d) apart")
            scored.append((c, d))
            if d == 0 { break }
        }
        return scored
    }

    /// Whether one of the `earlier` readings of a field is the start of the `last` one (give or
    /// take a letter): the same text as it was being typed.
    static func typingAgrees(_ last: String, _ earlier: [String]) -> Bool {
        let l = Array(readingKey(last))
        return earlier.contains { e in
            let e = readingKey(e)
            guard e.count >= 2, e.count <= l.count else { return false }
            return distance(e, String(l.prefix(e.count))) <= 1
        }
    }

    /// The letter-by-letter majority of the readings (carets dropped) that have the length of
    /// `prefer` (itself one of the votes); a tie goes to `prefer`'s letter. Nil with fewer than
    /// three such readings.
    static func vote(_ readings: [String], prefer: String) -> String? {
        let p = Array(readingKey(prefer))
        var same = readings.map { Array(readingKey($0)) }.filter { $0.count == p.count }
        if !same.contains(p) { same.append(p) }
        guard same.count >= 3, !p.isEmpty else { return nil }
        var out = p
        for k in p.indices {
            var count: [Character: Int] = [:]
            for r in same { count[r[k], default: 0] += 1 }
            let top = count.values.max() ?? 0
            if count[p[k]] != top, let winner = count.first(where: { $0.value == top && $0.value > 1 })?.key { out[k] = winner }
        }
        return String(out)
    }

    /// A field's reading without what is not its text: whitespace runs as one space, a trailing
    /// caret (`|`, `]`, `[`, or a lone `I`/`l` after a space).
    static func readingKey(_ s: String) -> String {
        var t = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while true {
            while let last = t.last, "|[]".contains(last) { t.removeLast(); t = t.trimmingCharacters(in: .whitespaces) }
            guard let bare = withoutCaret(t) else { return t }
            t = bare
        }
    }

    /// The text of the video's field at the end of typing, read in the full-size frame inside the
    /// live field's box (its border and padding left out); nil without a reader, a frame or a reading.
    /// `pointer` (CSS pixels): where the video's pointer rests; its box is painted over with the
    /// crop's background before reading (GapSearch+FieldPointer.swift).
    func rereadField(_ box: (x: Double, y: Double, width: Double, height: Double), text textBox: (x: Double, y: Double, width: Double, height: Double)? = nil,
                     times: [Double], pointer: Point? = nil) async throws -> [(text: String, frame: Image)] {
        guard let reader = options.reader, let vp = timeline.viewport else { return [] }
        var out: [(text: String, frame: Image)] = []
        // The text's own area when the page gives it (inside the border and padding), else the
        // box less a margin.
        let inset = (x: min(8, box.width / 8), y: min(6, box.height / 5))
        let area = textBox ?? (box.x + inset.x, box.y + inset.y, box.width - 2 * inset.x, box.height - 2 * inset.y)
        for t in times.prefix(3) {
            guard let full = frames.fields.min(by: { abs($0.time - t) < abs($1.time - t) }), abs(full.time - t) <= 0.2,
                  let small = frames.nearest(t) else { continue }
            let r = PixelRect(x: Int(Double(vp.x) + area.x * dpr), y: Int(Double(vp.y) + area.y * dpr),
                              width: Int(area.width * dpr), height: Int(area.height * dpr))
            guard r.x >= 0, r.y >= 0, r.width > 8, r.height > 6, r.x + r.width <= full.image.width, r.y + r.height <= full.image.height else { continue }
            var crop = full.image.cropped(to: r)
            if let pointer {
                guard let b = pointerBox(pointer, in: r) else { continue }
                crop = Self.paintedOver(crop, b)
            }
            let text = try await reader.read(crop, mode: .line).text
            let clean = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !clean.isEmpty, !out.contains(where: { $0.text == clean }) { out.append((clean, small)) }
        }
        return out
    }

    /// Replaces the field's text by typing, as a person does: focus, select all, erase, type.
    /// (WebDriver's clear would blur the field, and an inline editor commits and re-renders on blur.)
    /// `typed` with dots put into its local part where one of `readings` shows the same letters
    /// with a space between them ("k nowak@…" for "knowak@…"); nil when none does.
    static func emailWithDots(_ typed: String, readings: [String]) -> String? {
        guard let at = typed.firstIndex(of: "@"), !typed.contains(" ") else { return nil }
        let local = typed[..<at]
        for r in readings {
            guard let rat = r.firstIndex(of: "@") else { continue }
            let words = r[..<rat].split(separator: " ", omittingEmptySubsequences: true)
            guard words.count > 1, words.joined() == local else { continue }
            // A gap beside a dot already there ("jonas. becker") is the reader's spacing, not a lost dot.
            var fixed = String(words[0])
            for w in words.dropFirst() {
                if !fixed.hasSuffix("."), !w.hasPrefix(".") { fixed += "." }
                fixed += w
            }
            guard fixed != local else { continue }
            return fixed + typed[at...]
        }
        return nil
    }

    func type(_ text: String, _ el: ElementHandle) async throws {
        let kind = try await browser.execute("if (document.activeElement !== arguments[0]) arguments[0].focus(); return (arguments[0].type || '').toLowerCase();",
                                             [JSONValue(element: el)]).string ?? ""
        // A date's or a time's parts take keys one at a time (LiveGrounder+DateField.swift).
        if Self.segmentedTypes.contains(kind) { return try await fillSegmented(text, type: kind, el) }
        try await browser.keys([.chord(modifiers: [.control], key: "a"), .backspace])
        if !text.isEmpty { try await browser.keys([.text(text)]) }
    }

    /// Similarity of the field's box in the live screenshot and in the video frame.
    func fieldSimilarity(_ box: (x: Double, y: Double, width: Double, height: Double), _ frame: Image) async throws -> Double? {
        fieldSimilarity(box, frame, shot: try decodePNG(try await browser.screenshot()))
    }

    /// The same on a screenshot already taken.
    func fieldSimilarity(_ box: (x: Double, y: Double, width: Double, height: Double), _ frame: Image, shot: Image) -> Double? {
        guard let video = videoRect(box) else { return nil }
        // The screenshot is in device pixels.
        let k = Double(shot.width) / max(1, cssViewport.width)
        let live = PixelRect(x: Int(box.x * k), y: Int(box.y * k), width: Int(box.width * k), height: Int(box.height * k))
        guard live.width > 4, live.height > 4, video.width > 4, video.height > 4 else { return nil }
        // A field is a few video pixels tall: a pixel of misregistration (the recording's scaling,
        // the box's rounding) would decide the score, so the best of small shifts counts (less
        // sideways, where a shift would let a longer reading line up with the text).
        var best = 0.0
        for dy in -2...2 {
            for dx in -1...1 {
                let r = PixelRect(x: video.x + dx, y: video.y + dy, width: video.width, height: video.height)
                guard r.x >= 0, r.y >= 0, r.x + r.width <= frame.width, r.y + r.height <= frame.height else { continue }
                best = max(best, Similarity.compare(shot, live, frame, r, width: min(128, video.width)))
            }
        }
        return best
    }

    /// A better scroll amount for scroll action `i`, when the page as scrolled looks unlike the
    /// video (similarity below 0.85) and another position nearby looks clearly more like it; the
    /// page is left there. Nil when the read amount stands.
    func alignScroll(_ i: Int, _ a: Action, from before: PageState, read dy: Double) async throws -> Double? {
        guard let s0 = try await compare(i), s0 < 0.85 else { return nil }
        func score(_ y: Double) async throws -> (Double, Double) {
            let at = try await browser.execute("window.scrollTo(arguments[0], arguments[1]); return window.scrollY;",
                                               [.number(before.scrollX), .number(max(0, y))]).double ?? y
            try await Task.sleep(nanoseconds: 60_000_000)
            return (at, try await compare(i) ?? 0)
        }
        var best = (y: before.scrollY + dy, s: s0)
        var tried = Set<Int>()
        for step in [40.0, 10.0] {
            let centre = best.y
            for k in -6...6 where k != 0 {
                let (at, s) = try await score(centre + Double(k) * step)
                guard tried.insert(Int(at)).inserted else { continue }
                if s > best.s { best = (at, s) }
            }
        }
        _ = try await score(best.y)
        guard best.s > s0 + 0.05 else {
            _ = try await score(before.scrollY + dy)
            return nil
        }
        return best.y - before.scrollY
    }

    /// Whether the video's viewport changed across action `i` (its frame before against after).
    func videoChanged(_ i: Int, _ a: Action) -> Bool {
        guard let vp = timeline.viewport, let before = frames.nearest(max(0, a.time - 0.2)) else { return false }
        let t = LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)
        guard let after = frames.nearest(t) else { return false }
        let s = frames.scale
        let whole = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        if Similarity.compare(before, whole, after, whole) < 0.97 { return true }
        // A small change (a cell turning into a field, a tick) shows around the point.
        guard let p = a.target?.point ?? a.target?.box.map({ Point(x: $0.x + $0.width / 2, y: $0.y + $0.height / 2) }) else { return false }
        let w = 320.0, h = 120.0
        let x0 = max(0, min(cssViewport.width - w, p.x - w / 2)), y0 = max(0, min(cssViewport.height - h, p.y - h / 2))
        guard let near = videoRect((x0, y0, w, h)) else { return false }
        return Similarity.compare(before, near, after, near, width: near.width) < 0.9
    }

    /// Below this whole-viewport similarity the live page is out of line with the video.
    static let pageUnlike = 0.85

    /// The live viewport now against the video's frame at `t`.
    func similarity(at t: Double) async throws -> Double? {
        guard let vp = timeline.viewport, let frame = frames.nearest(t) else { return nil }
        let shot = try decodePNG(try await browser.screenshot())
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        return Similarity.compare(shot, nil, frame, video)
    }

    /// Live viewport against the video after step `i`.
    func compare(_ i: Int) async throws -> Double? {
        try await compareKeeping(i).similarity
    }

    /// The similarity after step `i` and the screenshot it was measured on.
    func compareKeeping(_ i: Int) async throws -> (similarity: Double?, png: Data?) {
        guard let vp = timeline.viewport, !frames.frames.isEmpty else {
            return (nil, options.keepScreenshots ? try await browser.screenshot() : nil)
        }
        let t = LiveGrounder.afterTime(timeline.actions, i, duration: timeline.source?.duration ?? .infinity)
        guard let frame = frames.nearest(t) else { return (nil, nil) }
        let png = try await browser.screenshot()
        let shot = try decodePNG(png)
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        return (Similarity.compare(shot, nil, frame, video), png)
    }

    /// Waits until two digests 150 ms apart agree (or the settle time runs out).
    func settle(from before: PageState) async throws -> PageState {
        let deadline = Date().addingTimeInterval(options.settleSeconds)
        try await Task.sleep(nanoseconds: 120_000_000)
        var last = try await page.state()
        while Date() < deadline {
            try await Task.sleep(nanoseconds: 150_000_000)
            let now = try await page.state()
            if now == last { return now }
            last = now
        }
        return last
    }

    // MARK: - Helpers

    /// Other readings of a typed value worth rendering: the reader's alternatives, then single
    /// swaps of letters OCR confuses.
    static func readings(of value: String, alternatives: [String], prior: String = "") -> [String] {
        var out: [String] = []
        func add(_ s: String) { if s != value && !s.isEmpty && !out.contains(s) { out.append(s) } }
        alternatives.forEach(add)
        // A text caret caught after the last letter ("name|", "name I").
        if let bare = withoutCaret(value) { add(bare) }
        // Letters the field already held where the reading differs from it by a substitution.
        let fromPrior = priorSubstitutions(value, prior)
        if fromPrior.count > 1 { add(fromPrior.all) }
        fromPrior.single.forEach(add)
        // Only swaps that keep the length: the video's text may be drawn a little wider or
        // narrower than the live page's, and a longer reading (m → rn) would then line up better.
        let confusable: [(String, String)] = [("l", "I"), ("I", "l"), ("1", "l"), ("l", "1"), ("O", "0"), ("0", "O"),
                                              ("5", "S"), ("S", "5"), ("8", "B"), ("B", "8"), ("e", "c"), ("c", "e")]
        for (from, to) in confusable {
            var search = value.startIndex..<value.endIndex
            while let r = value.range(of: from, range: search) {
                add(value.replacingCharacters(in: r, with: to))
                search = r.upperBound..<value.endIndex
                if out.count >= 10 { return out }
            }
        }
        return out
    }

    /// The reading without a trailing text caret read as a letter ("name|", "name I"), if it has
    /// one — also a caret read as a bracket with a stroke or two after it ("slides] J", "name[ |"):
    /// a bar-like mark (`|`, `[`, `]`) followed by one to three more bar-like marks or spaces.
    static func withoutCaret(_ value: String) -> String? {
        let chars = Array(value)
        var k = chars.count
        var tail = 0
        while k > 0, tail < 4, " |[]IlJ1!".contains(chars[k - 1]) { k -= 1; tail += 1 }
        // The junk starts at its first bracket or bar (a letter alone after a space is no caret),
        // and a lone closing bracket may be the value's own ("[draft]"): junk is two marks or more.
        while k < chars.count, !"|[]".contains(chars[k]) { k += 1 }
        if k >= 2, chars.count - k >= 2 {
            let bare = String(chars[..<k]).trimmingCharacters(in: .whitespaces)
            if bare.count >= 2 { return bare }
        }
        for caret in [" |", "|", " I", " l"] where value.hasSuffix(caret) && value.count > caret.count + 1 {
            return String(value.dropLast(caret.count))
        }
        return nil
    }

    /// The reading with letters of the field's previous value put back where an edit-distance
    /// alignment of the two substitutes one letter for another (an edit keeps most of what was
    /// there): all of them, and each alone. None when the two share too little to be an edit.
    static func priorSubstitutions(_ value: String, _ prior: String) -> (all: String, single: [String], count: Int) {
        let a = Array(value), b = Array(prior)
        guard !a.isEmpty, !b.isEmpty, a.count <= 200, b.count <= 200 else { return (value, [], 0) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        var subs: [(Int, Character)] = []
        var matched = 0
        var i = a.count, j = b.count
        while i > 0 && j > 0 {
            if d[i][j] == d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) {
                if a[i - 1] == b[j - 1] { matched += 1 } else { subs.append((i - 1, b[j - 1])) }
                i -= 1; j -= 1
            } else if d[i][j] == d[i - 1][j] + 1 { i -= 1 } else { j -= 1 }
        }
        // A substitution is only believable between letters that keep the same shape class
        // (letter for letter, digit for digit) inside a mostly shared text.
        subs = subs.filter { a[$0.0].isLetter == $0.1.isLetter && a[$0.0].isNumber == $0.1.isNumber }
        guard !subs.isEmpty, subs.count <= 3, matched * 2 >= a.count else { return (value, [], 0) }
        var all = a
        var single: [String] = []
        for (k, c) in subs {
            all[k] = c
            var one = a; one[k] = c
            single.append(String(one))
        }
        return (String(all), single, subs.count)
    }

    /// Whether `a` and `b` have `length` consecutive characters in common (ignoring case and spaces).
    static func sharesRun(_ a: String, _ b: String, length: Int) -> Bool {
        let x = Array(a.lowercased().filter { !$0.isWhitespace }), y = b.lowercased().filter { !$0.isWhitespace }
        guard x.count >= length else { return !x.isEmpty && y.contains(String(x)) }
        for k in 0...(x.count - length) where y.contains(String(x[k..<(k + length)])) { return true }
        return false
    }

    /// The option whose label is the wanted text, else the nearest by edit distance.
    static func bestOption(_ wanted: String, _ options: [String]) -> String? {
        if options.contains(wanted) { return wanted }
        let w = norm(wanted)
        if let o = options.first(where: { norm($0) == w }) { return o }
        let scored = options.map { ($0, distance(norm($0), w)) }.min { $0.1 < $1.1 }
        guard let (o, d) = scored, d <= max(2, w.count / 3) else { return nil }
        return o
    }

    /// Levenshtein distance between two strings (case as given).
    static func distance(_ a: String, _ b: String) -> Int { TextSimilarity.distance(Array(a), Array(b)) }

    static func norm(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased() }

    static func pixels(_ v: ActionValue?) -> Double? {
        switch v {
        case .pixels(let d)?: d
        case .text(let s)?: Double(s)
        default: nil
        }
    }

    static func short(_ error: any Error) -> String {
        let s = "\(error)"
        return String(s.split(separator: "\n").first ?? "")
    }
}

/// Grounding cannot go on from this step.
struct StopGrounding: Error { var reason: String }

/// This step cannot be grounded; the next ones may be.
struct SkipStep: Error { var reason: String }
