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
    /// Full-size gray frames just after each Enter or Escape read right after a fill
    /// (`LiveGrounder.closingTimes`), where the text at a closed inline editor's place is read
    /// (LiveGrounder+InlineEditor.swift); empty when not decoded.
    public var closings: [(time: Double, image: Image)] = []
    /// Decodes one more frame (at the same size and `scale` as `frames`) at a time the sampled
    /// moments do not hold, on demand; nil when the video cannot be read again (tests, `none`).
    /// Used only where a compare needs a moment between two sampled ones
    /// (GapSearch+RestBeforeRelayout.swift).
    public var decode: (@Sendable (Double) -> Image?)?
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
    /// A first page that looks at least this like the video at scale 1 settles the scale without
    /// rendering the others (three viewport changes, ~1.4 s): measured over nine recordings at
    /// 1, 1.25 and 2, the page at 1 looks 0.87–0.98 like a recording at 1 and at most 0.66 like
    /// one at another scale.
    static let scaleOneSure = 0.8

    /// The order the device scales are rendered in: 1 first (the browser starts there), then the
    /// analysis' own estimate (`viewport.deviceScale`, from the recording's chrome), then the others.
    static func scaleOrder(hint: Double?) -> [Double] {
        guard let h = hint, h != 1, scaleCandidates.contains(h) else { return scaleCandidates }
        return [1, h] + scaleCandidates.filter { $0 != 1 && $0 != h }
    }

    /// Whether the scales rendered so far settle it without rendering the rest: the page at 1 looks
    /// surely like the video (`scaleOneSure`), or the analysis' estimate does and beats 1 by the
    /// margin — the other scales look at most 0.66 like a recording at another one, so each would
    /// only cost a viewport change and a screenshot (0.5–1 s each).
    static func scaleSettled(_ scores: [(scale: Double, similarity: Double)], hint: Double?) -> Bool {
        guard let last = scores.last, let one = scores.first(where: { $0.scale == 1 }) else { return false }
        if last.scale == 1 { return last.similarity >= scaleOneSure }
        return last.scale == hint && last.similarity >= scaleOneSure && last.similarity > one.similarity + scaleMargin
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

    /// Moments the text at a closed inline editor's place is read: after each Enter or Escape
    /// that directly follows a fill (`afterTime`).
    public static func closingTimes(for timeline: ActionTimeline) -> [Double] {
        let duration = timeline.source?.duration ?? .infinity
        let a = timeline.actions
        return a.indices.filter { i in
            i > 0 && a[i].kind == .press && a[i - 1].kind == .fill && ["Enter", "Escape"].contains(a[i].value?.text ?? "")
        }.map { afterTime(a, $0, duration: duration) }
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
    /// The last step whose change was searched again and explained by an inserted step (`changeLeftToStep`).
    var leftChangeExplained: Int?
    /// The last fill performed: its index in `out` and the field's value before it (InlineEditor).
    var editedField: EditedField?
    /// The last fill performed on a step's own element: its index in `out`, the element, its value
    /// before, whether it held the focus before, its box (LiveGrounder+SteppedNumber.swift).
    var lastFillField: (index: Int, element: ElementHandle, prior: String, focused: Bool, box: (x: Double, y: Double, width: Double, height: Double)?)?
    /// Video pixels by which the full-size field crops move from where the viewport's origin puts
    /// them: the last field registered (LiveValues+Registration.swift); nil before any.
    var fieldShift: (dx: Int, dy: Int)?
    /// The second press of a choice its own control opened, performed after the next step's gap
    /// and fields (LiveGrounder+ChoiceTwice.swift).
    var pendingSecondPress: Action?
    /// A button press the analysis read as part of the choice just performed, pressed after it
    /// (LiveGrounder+FoldedPress.swift).
    var foldedPress: FoldedPress?

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
                if dpr != 1 { timeline = timeline.inCSSPixels(scale: dpr) }
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
    /// the browser is left at the best, which must beat scale 1 by a clear margin. A page that
    /// already looks like the video at 1 (`scaleOneSure`) is not rendered at the others.
    mutating func findDeviceScale() async throws {
        guard let vp = timeline.viewport, let frame = frames.nearest(timeline.actions.first.map { max(0, $0.time - 0.2) } ?? 0) else { return }
        let s = frames.scale
        let video = PixelRect(x: Int(Double(vp.x) * s), y: Int(Double(vp.y) * s), width: Int(Double(vp.width) * s), height: Int(Double(vp.height) * s))
        var scores: [(scale: Double, similarity: Double)] = []
        let hint = vp.deviceScale
        for scale in LiveGrounder.scaleOrder(hint: hint) where Double(vp.width) / scale >= 480 && Double(vp.height) / scale >= 240 {
            if scale != 1 || !scores.isEmpty {
                try await browser.setViewport(width: Int((Double(vp.width) / scale).rounded()), height: Int((Double(vp.height) / scale).rounded()), deviceScale: scale)
                try await Task.sleep(nanoseconds: 300_000_000)
            }
            let shot = try decodePNG(try await browser.screenshot())
            scores.append((scale, Similarity.compare(shot, nil, frame, video)))
            if LiveGrounder.scaleSettled(scores, hint: hint) { break }
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
        /// What the loop was doing when the browser failed (named in the stop's diagnostic).
        var phase = "the step"
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
                phase = "the check before it"
                if i > 0, action.kind != .press { try await agreeBefore(i, at: action.time) }
                phase = "the gap search before it"
                if i > 0 { try await synthesizeGap(i); try await reconcileToggles(i); try await reconcileFields(i) }
                phase = "the choice's second press"
                try await pressAgain()   // LiveGrounder+ChoiceTwice.swift
                phase = "the step"
                foldedPress = nil
                if var a = try await step(i, action) {
                    if Self.pressedTwice(read: action, grounded: a) {
                        pendingSecondPress = Self.secondPress(of: a, read: action)   // LiveGrounder+ChoiceTwice.swift
                    } else {
                        Self.dateAtChoice(&a, read: action)   // LiveGrounder+ShownTime.swift
                        if let t = try await typedShownEarlier(a, read: action) {   // LiveGrounder+ShownTyping.swift
                            a.grounding?.corrections.append("time \(Self.f2(a.time)) → \(Self.f2(t)) s: the video's field shows the value typed from then on")
                            a.time = t
                            if a.grounding?.status == .verified { a.grounding?.status = .corrected }
                        }
                    }
                    if let t = Self.typingTime(a, step: i, refuted: refutedKeyAt, steps: timeline.actions) {   // LiveGrounder+TypingDate.swift
                        debug("live: step \(i + 1) (fill) dated \(Self.f2(t)) s: the refuted key before it was read off its typing")
                        a.grounding?.corrections.append("time \(Self.f2(a.time)) → \(Self.f2(t)) s: the key read in this field just before it changes nothing live; its change in the video was this typing's")
                        a.time = t
                        if a.grounding?.status == .verified { a.grounding?.status = .corrected }
                    }
                    // A number field stepped with arrow keys, read as typed (LiveGrounder+SteppedNumber.swift).
                    var keys: [Action]?
                    if a.kind == .fill, let f = lastFillField, f.index == out.count {
                        keys = try await steppedNumberKeys(a, f.element, prior: f.prior, focusedBefore: f.focused, box: f.box)
                    }
                    if let keys {
                        counts.corrected += keys.count
                        out += keys
                    } else {
                        switch a.grounding?.status {
                        case .verified?: counts.verified += 1
                        case .corrected?: counts.corrected += 1
                        default: counts.offline += 1
                        }
                        out.append(a)
                    }
                    try await pressFoldedIntoChoice(i)   // LiveGrounder+FoldedPress.swift
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
            } catch let error where Self.isStaleElement(error) {
                // One old reference to a re-rendered element: this step's failure, not the
                // browser's (LiveGrounder+StaleElement.swift).
                let line = Self.staleStepNote(i, action, error)
                options.say(line)
                diagnostics.append(Diagnostic(.warning, line))
                var a = action
                a.grounding = Grounding(status: .offline, note: "its live element was re-rendered while it was grounded")
                out.append(a); counts.offline += 1
            } catch {
                stopHere(i, "the browser failed in \(phase) (\(Self.short(error)))", action)
            }
        }
        // After the last step: the page should end as the video does.
        if stoppedAt == nil, !timeline.actions.isEmpty, let duration = timeline.source?.duration {
            _ = try? await agreeBefore(timeline.actions.count, at: duration - 0.1 + 0.2)
            _ = try? await synthesizeGap(timeline.actions.count)
            _ = try? await reconcileToggles(timeline.actions.count)
            _ = try? await reconcileFields(timeline.actions.count)   // GapSearch+Fields.swift
            _ = try? await pressAgain()
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
        var clickFocus: FocusOnlyProbe?   // the focus before a click on a text field (LiveGrounder+FocusOnly.swift)
        var clickOnFocused = false   // a click on the text field holding the focus (LiveGrounder+FocusedFieldClick.swift)

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
            // A key read off the typing of the fill after it (LiveGrounder+TypingDate.swift).
            if Self.keyReadOffTyping(i, steps: timeline.actions) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press \(raw)) dropped: the text that appeared with its change holds the value the next step types into the same field"))
                debug("live: step \(i + 1) (press \(raw)) dropped: read off the next fill's typing")
                return nil
            }
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
            // A caret key in the field the next step fills (LiveGrounder+NoOpTyping.swift).
            if Self.caretKeys.contains(key), caretKeyBeforeFill(i, key: key, field: try await page.keyTargets().field) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (press \(raw)) dropped: it only moves the caret in the field the next step fills"))
                return nil
            }
            // An inline edit's Enter and Escape: the video says which ended it (InlineEditor).
            if let ending = try await inlineEditEnding(i, a, key: key) {
                corrections.append("press \(raw) → \(Self.keyName(ending.key)): \(ending.why)")
                key = ending.key
                a.value = .text(Self.keyName(key))
            }
            // A key read for the change of a click inserted just before it (LiveGrounder+EchoKey.swift).
            let beforeKey = Self.mayEchoInsertedClick(a, last: out.last) && !videoChanged(i, a) ? try decodePNG(try await browser.screenshot()) : nil
            let focus = try await focusProbe(i, key: key)   // LiveGrounder+UnseenFocus.swift
            try await browser.keys([key])
            if let focus, try await tabUnseen(i, a, probe: focus, before: before) { return nil }
            if let beforeKey, try await keyEchoesClick(i, a, before: before, unpressed: beforeKey) { return nil }
            if key == .enter, try await enterRefuted(i, a, before: before) {
                // … unless Escape closes the dialog the video closed there (LiveGrounder+RefutedEnterEscape.swift).
                guard let why = try await escapeForRefutedEnter(i, a) else { return nil }
                corrections.append("press \(raw) → Escape: \(why)")
                a.value = .text("Escape")
                dropKeyTarget(&a, &corrections)
                break
            }
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
            // (A rest or a reveal may have re-rendered the element found before it: it is found
            // again at the point before it is used, LiveGrounder+StaleElement.swift.)
            if let t = target { target = try await current(t, at: p) }
            // … or be shown only because the live pointer was left resting on its menu's opener
            // (LiveGrounder+RestedMenu.swift): the script's pointer rests there too.
            if let t = target { try await hoverForRestedMenu(before: a, on: t) }
            // A "click" where the pointer rested since the previous step, while the screen changed
            // near the focus: the change may have come from a key (Tab, an arrow) instead.
            if a.kind == .click, let pressed = try await keyInsteadOfClick(i, a, resolved: p) { return pressed }
            // … or from the keys of the focused field's open popup (LiveGrounder+PopupKeys.swift).
            if let t = target { target = try await current(t, at: p) }
            if a.kind == .click, let t = target, let pressed = try await popupKeysInsteadOfClick(i, a, t) { return pressed }
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
            if let t = target { target = try await current(t, at: p) }
            guard var t = target else {
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
                // Typing nothing where nothing takes typing (LiveGrounder+NoOpTyping.swift).
                if Self.emptyFillWithoutField(a) {
                    diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (fill) dropped: it types nothing, and no element at its point takes typing"))
                    return nil
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
            // Nothing typed into a field holding nothing (LiveGrounder+NoOpTyping.swift).
            if Self.emptyFillIntoEmpty(a, t) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (fill) dropped: it types nothing into the live field (\(t.role ?? t.tag) \"\(t.name ?? "")\"), which holds nothing"))
                return nil
            }
            // The field's old text, selected before it is typed over (LiveGrounder+OldTextRetyped.swift).
            if oldTextBeforeRetyping(i, a, t) {
                diagnostics.append(Diagnostic(.note, "live: step \(i + 1) (fill) dropped: \"\(a.value?.text ?? "")\" is the live field's own text \"\(t.value ?? "")\" but for a letter (its old text shown selected), and the next fill types over it"))
                debug("live: step \(i + 1) (fill) dropped: the field's old text \"\(t.value ?? "")\", selected before the next fill")
                return nil
            }
            // A fill of the text the field holds: read twice, or typed over next (LiveGrounder+HeldTextFill.swift).
            if try await dropHeldTextFill(i, a, t, at: p) { return nil }
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
            // A rest on a disclosure that opens on hover, read as a click (LiveGrounder+HoverOpens.swift).
            if a.kind == .click, !toggledAlready, try await clickIsHoverOpen(t, at: p, before: before) {
                corrections.append("click → hover: the live \(t.role ?? t.tag) opens (aria-expanded) when the pointer rests on it, without a press")
                a.kind = .hover
            }
            // The rest may have re-rendered it (a row rebuilt as its menu opens): found again at the point.
            if let now = try await current(t, at: p) { t = now; target = now }
            a.target?.point = p
            try await keepPointIfCentreDiffers(&a, t, at: p, corrections: &corrections)
            if Self.maySecondRead(a, last: out.last) { unpressed = try decodePNG(try await browser.screenshot()) }
            if !toggledAlready { clickFocus = try await clickFocusProbe(i, a, t) }
            if !toggledAlready, clickFocus == nil { clickOnFocused = try await clickOnFocusedField(i, a, t) }
            if !toggledAlready { try await perform(&a, t, at: (p.x, p.y), read: action, corrections: &corrections) }
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
        // A click that only focused a field, where the video shows no focus move (LiveGrounder+FocusOnly.swift).
        if let t = target, let probe = clickFocus, try await clickFocusUnseen(i, a, t, probe: probe, before: before, after: after) { return nil }
        // A click on the field holding the focus, which the video shows without it (LiveGrounder+FocusedFieldClick.swift).
        if clickOnFocused, let t = target, try await focusedClickUnseen(i, a, t, before: before, after: after) { return nil }
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
        // A combobox's popup the video shows closed (LiveGrounder+PopupKey.swift).
        if pick == nil, !dialogStays, let p = try await popupPick(i, frame: frame, shot: shot) { pick = (p.region, [.escape], "open popup", p.s0) }
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
                let start = timeline.actions[i - 1].endTime
                let nowShot = try decodePNG(try await browser.screenshot())
                // (LiveGrounder+KeyDating.swift)
                let t = keyMoment(i, region: region, shot: nowShot, like: s1) ?? (start + max(start, time - 0.2)) / 2
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
}

/// Grounding cannot go on from this step.
struct StopGrounding: Error { var reason: String }

/// This step cannot be grounded; the next ones may be.
struct SkipStep: Error { var reason: String }
