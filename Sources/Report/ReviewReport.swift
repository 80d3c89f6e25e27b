import CodeGen
import Foundation
import Media
import ScreenCore

/// Builds the review report of one analysed recording: every step of the generated script with
/// the lines it produced, the video's evidence around it, what was read and why it was judged so.
public enum ReviewReport {
    /// Sizes of the pictures (pixels), chosen so a 30 s recording's page stays under 2 MB.
    public struct Sizes: Sendable {
        /// Largest evidence crop.
        public var crop: (width: Int, height: Int) = (440, 260)
        /// Largest thumbnail of the strip.
        public var thumbnail: (width: Int, height: Int) = (200, 125)
        /// Thumbnails in the strip, at most.
        public var stripFrames = 12
        public init() {}
    }

    /// The report's document for `timeline`, analysed from the recording at `recording`, with the
    /// lines of `target` rendered by `renderer`. Decodes only the evidence frames (one bounded pass,
    /// `EvidencePass`); a recording that cannot be decoded any more gives a report without pictures
    /// and a diagnostic saying so.
    /// - Throws: `CodeGenError` from rendering; `CancellationError`.
    public static func build(timeline: ActionTimeline, recording: String, target: ScriptTarget, renderer: ScriptRenderer,
                             sizes: Sizes = Sizes(), liveScreenshots: [Int: Data] = [:]) async throws -> ReportDocument {
        let (artifact, rendered) = try renderer.renderSteps(timeline, target: target)
        var diagnostics = timeline.diagnostics
        let info: MediaInfo? = timeline.source ?? (try? Probe.probe(path: recording))
        let geometry = info.map { Geometry(info: $0, viewport: timeline.viewport) }

        // The times to decode: before and after each action, and the strip's.
        var wanted: [Double] = []
        for a in timeline.actions { wanted += [beforeTime(a), afterTime(a)] }
        let stripTimes = info.map { stripSlots(duration: $0.duration, wanted: wanted, count: sizes.stripFrames,
                                               keyframes: (try? Probe.keyframeTimes(path: recording)) ?? []) } ?? []
        // What each decoded frame becomes, made inside the decoding task so only small pictures
        // are kept: the crops of the actions whose before- or after-time it is, and a thumbnail.
        var uses: [Double: [Target?]] = [:]
        for a in timeline.actions { for t in [beforeTime(a), afterTime(a)] { uses[t, default: []].append(a.target) } }
        let strips = Set(stripTimes)
        struct Pictures: Sendable { var crops: [Target?: ReportFrame] = [:]; var thumbnail: ReportFrame? }
        var pictures: [Double: Pictures] = [:]
        if let info, let geometry {
            let needs = uses, crop = sizes.crop, thumb = sizes.thumbnail
            do {
                pictures = try await EvidencePass.frames(path: recording, info: info, times: wanted + stripTimes) { t, frame in
                    var p = Pictures()
                    for target in needs[t] ?? [] where p.crops[target] == nil {
                        p.crops[target] = geometry.crop(frame, around: target, time: t, maxWidth: crop.width, maxHeight: crop.height)
                    }
                    if strips.contains(t) {
                        p.thumbnail = Imaging.encode(Imaging.fit(frame, maxWidth: thumb.width, maxHeight: thumb.height))
                            .map { ReportFrame(time: t, image: $0) }
                    }
                    return p
                }
            }
            catch is CancellationError { throw CancellationError() }
            catch { diagnostics.append(Diagnostic(.warning, "report: no evidence frames (\(error))")) }
        }

        func evidence(_ a: Action, at t: Double) -> ReportFrame? {
            pictures[t]?.crops[a.target] ?? nil
        }
        let spans = timeline.swarm?.timing?.segments ?? []
        var steps: [ReportStep] = []
        for r in rendered {
            let action = r.actionIndex.flatMap { timeline.actions.indices.contains($0) ? timeline.actions[$0] : nil }
            var step = ReportStep(number: r.number, action: action, title: title(action, startURL: timeline.startURL),
                                  lines: r.lines, firstLine: r.firstLine,
                                  before: action.flatMap { evidence($0, at: beforeTime($0)) },
                                  after: action.flatMap { evidence($0, at: afterTime($0)) },
                                  rationale: action.map { rationale($0, index: r.actionIndex ?? 0, startURL: timeline.startURL) }
                                      ?? "Added by the code generator: the script opens the page the recording started on.")
            if let a = action {
                // Diagnostics of the segment the action happened in.
                let segs = Set(spans.filter { a.time >= $0.videoStart - 1e-6 && a.time < $0.videoEnd + 1e-6 }.map(\.segment))
                step.notes = timeline.diagnostics.filter { $0.segment.map(segs.contains) ?? false }.map(\.description)
                if a.confidence < 0.6 { step.notes.append("Low confidence (\(percent(a.confidence))): check this step against the video.") }
            }
            // What the live app said of the step (`--live`): status, the verified locators, the
            // similarity of the live page to the video, the corrections and why.
            // The live browser's viewport after the step, beside the video's frame.
            if let i = r.actionIndex, let png = liveScreenshots[i], let shot = try? PNG.decode(png, path: "live screenshot", format: .rgb24) {
                step.liveScreenshot = Imaging.encode(Imaging.fit(shot, maxWidth: 400, maxHeight: 300))
            }
            if let g = action?.grounding {
                var locators: [String] = []
                if let l = g.locator { locators.append("playwright: " + Self.describe(l)) }
                if let l = g.selenium { locators.append("selenium: By \(l.by.rawValue) \(l.value)") }
                step.grounding = ReportGrounding(status: g.status.rawValue, locators: locators, similarity: g.similarity,
                                                 corrections: g.corrections, note: g.note)
            }
            steps.append(step)
        }
        let strip: [ReportFrame] = stripTimes.compactMap { pictures[$0]?.thumbnail }
        let name = ((info?.path ?? recording) as NSString).lastPathComponent
        return ReportDocument(title: name, source: info, target: target.rawValue, startURL: timeline.startURL, steps: steps,
                              diagnostics: diagnostics, strip: strip, swarm: timeline.swarm, script: artifact.text)
    }

    /// A live locator in words close to Playwright's: `role button "Sign in" in li with "Buy milk"`.
    static func describe(_ l: LiveLocator) -> String {
        var s = l.kind == .role ? "role \(l.value) \"\(l.name ?? "")\"" : "\(l.kind.rawValue) \"\(l.value)\""
        if let scope = l.scope { s += " in \(scope.css) with \"\(scope.hasText)\"" }
        if let n = l.nth { s += " #\(n + 1)" }
        return s
    }

    /// The frame that shows the screen just before the action: before its first evidence frame.
    static func beforeTime(_ a: Action) -> Double { max(0, min(a.time, a.evidence.min() ?? a.time) - 0.15) }

    /// The frame that shows the screen once the action took effect.
    static func afterTime(_ a: Action) -> Double { max(a.endTime, a.evidence.max() ?? a.endTime) + 0.6 }

    /// `count` times spread over the recording; each slot takes a frame decoded anyway (an
    /// evidence time) or a keyframe (one frame to decode) when one lies in it.
    static func stripSlots(duration: Double, wanted: [Double], count: Int, keyframes: [Double]) -> [Double] {
        guard duration > 0, count > 0 else { return [] }
        let n = max(1, min(count, Int(duration / 1.5)))
        let slot = duration / Double(n)
        return (0..<n).map { i in
            let center = (Double(i) + 0.5) * slot
            func nearest(_ ts: [Double]) -> Double? {
                ts.filter { abs($0 - center) <= slot / 2 }.min { abs($0 - center) < abs($1 - center) }
            }
            return nearest(wanted) ?? nearest(keyframes) ?? center
        }
    }

    static func percent(_ c: Double) -> String { "\(Int((c * 100).rounded())) %" }

    static func quoted(_ s: String) -> String { "\u{201C}\(s)\u{201D}" }

    /// A step's heading: the kind and the element's best name.
    static func title(_ a: Action?, startURL: String?) -> String {
        guard let a else { return "open \(startURL ?? "the first page")" }
        let t = a.target
        let what = [t?.role?.rawValue, (t?.name ?? t?.text ?? t?.label ?? t?.placeholder).map(quoted)].compactMap { $0 }.joined(separator: " ")
        switch a.kind {
        case .goto: return "goto \(a.value?.text ?? "")"
        case .fill: return "fill \(what)" + (a.secret ? " with a secret" : a.value?.text.map { " with \(quoted($0))" } ?? "")
        case .press: return "press \(a.value?.text ?? "a key")" + (what.isEmpty ? "" : " in \(what)")
        case .select: return "select \(a.value?.text.map(quoted) ?? "an option") in \(what)"
        case .check:
            if case .flag(let on)? = a.value { return "\(on ? "check" : "uncheck") \(what)" }
            return "check \(what)"
        case .scroll:
            if case .pixels(let d)? = a.value { return "scroll \(Int(d.rounded())) px \(d >= 0 ? "down" : "up")" }
            return "scroll"
        case .click: return "click \(what)"
        case .dblclick: return "double-click \(what)"
        case .hover: return "hover \(what)"
        }
    }

    /// Why the analysis judged the action to be what it is, from the signs docs/architecture.md
    /// lists for each kind.
    static func rationale(_ a: Action, index: Int, startURL: String?) -> String {
        let role = a.target?.role?.rawValue
        var why: String
        switch a.kind {
        case .goto:
            why = index == 0 && a.value?.text == startURL
                ? "The address bar showed this URL when the recording started."
                : "The address bar changed to a URL with no click on the page: it was typed."
        case .click:
            let at = a.target?.point.map { " at (\(Int($0.x)), \(Int($0.y)))" } ?? ""
            why = a.target?.point == nil
                ? "No pointer was seen: the region that changed while its own text stayed the same was taken as the clicked control."
                : "The pointer rested\(at) and the screen changed there; the element under it looked like \(role.map { "a \($0)" } ?? "bare text")."
        case .fill:
            let span = String(format: "%.2f–%.2f s", a.time, a.endTime)
            why = a.secret
                ? "Keystrokes in a field (\(span)) that showed a row of identical dots: a password, whose value is never read or stored."
                : "Keystrokes in a \(role ?? "field") (\(span)); the value was read by OCR from the field once typing ended."
        case .press:
            why = "The focused field's content was submitted: the page or list changed without a click while the pointer stayed still."
        case .select:
            why = "A list opened from this control and closed with the pointer on an option, which the control then showed."
        case .check:
            why = "The control's fill changed under the pointer (a \(role ?? "checkbox"))."
        case .scroll:
            why = "The page moved as a whole (row profiles shifted together); consecutive wheel steps were added up."
        case .dblclick:
            why = "Two presses at the same point in quick succession, and the element under them opened for editing."
        case .hover:
            why = "The pointer rested on this element and that showed what the next step acts on (a menu, a tooltip)."
        }
        // A step the live app added or changed says so first.
        if let g = a.grounding, g.status == .corrected, let first = g.corrections.first, first.hasPrefix("inserted:") {
            why = "Found in the live app: " + first.dropFirst("inserted: ".count) + "."
        }
        if let url = a.navigatesTo { why += " The address bar then showed \(url)." }
        if !a.appeared.isEmpty { why += " New text appeared afterwards (used for assertions)." }
        return why
    }
}

/// Where evidence crops are cut: timeline boxes are page CSS pixels relative to the viewport,
/// frames are the recording's display size scaled to the decoded width.
struct Geometry: Sendable {
    let width: Int, height: Int
    let viewport: PixelRect

    init(info: MediaInfo, viewport: Viewport?) {
        width = info.displayWidth; height = info.displayHeight
        self.viewport = viewport.map { PixelRect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) }
            ?? PixelRect(x: 0, y: 0, width: info.displayWidth, height: info.displayHeight)
    }

    /// The part of `frame` around `target` (its box and the pointer's point, with some of the page
    /// around them), or the whole viewport when the action has no place; scaled to fit and marked.
    func crop(_ frame: Image, around target: Target?, time: Double, maxWidth: Int, maxHeight: Int) -> ReportFrame? {
        let s = Double(frame.width) / Double(max(1, width))
        // Region of interest in video pixels.
        var xs: [Double] = [], ys: [Double] = []
        if let b = target?.box {
            xs += [b.x + Double(viewport.x), b.x + b.width + Double(viewport.x)]
            ys += [b.y + Double(viewport.y), b.y + b.height + Double(viewport.y)]
        }
        if let p = target?.point { xs.append(p.x + Double(viewport.x)); ys.append(p.y + Double(viewport.y)) }
        var rect: (x: Double, y: Double, w: Double, h: Double)
        if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
            let w = min(Double(width), max(x1 - x0 + 160, 360)), h = min(Double(height), max(y1 - y0 + 100, 210))
            let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
            rect = (min(max(0, cx - w / 2), Double(width) - w), min(max(0, cy - h / 2), Double(height) - h), w, h)
        } else {
            rect = (Double(viewport.x), Double(viewport.y), Double(viewport.width), Double(viewport.height))
        }
        let px = PixelRect(x: Int(rect.x * s), y: Int(rect.y * s), width: Int(rect.w * s), height: Int(rect.h * s))
        let cut = frame.cropped(to: px)
        guard cut.width > 0, cut.height > 0 else { return nil }
        let fitted = Imaging.fit(cut, maxWidth: maxWidth, maxHeight: maxHeight)
        guard let image = Imaging.encode(fitted) else { return nil }
        // Marks in the fitted image's pixels.
        let k = Double(fitted.width) / Double(cut.width) * s
        let ox = Double(px.x) / s, oy = Double(px.y) / s
        var marks: [ReportMark] = []
        if let b = target?.box {
            marks.append(.box(x: (b.x + Double(viewport.x) - ox) * k, y: (b.y + Double(viewport.y) - oy) * k,
                              width: b.width * k, height: b.height * k))
        }
        if let p = target?.point { marks.append(.point(x: (p.x + Double(viewport.x) - ox) * k, y: (p.y + Double(viewport.y) - oy) * k)) }
        return ReportFrame(time: time, image: image, marks: marks)
    }
}
