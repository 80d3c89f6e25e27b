import CodeGen
import Foundation
import Report
import ScreenCore

/// `--report FILE.html`: the review page of a run (Report target), written beside its script.
extension Vid2AutoKit {
    /// What one analysis produced: the script text, the timeline it came from and its diagnostics.
    public struct Generated: Sendable {
        public var text: String
        public var timeline: ActionTimeline
        public var diagnostics: [Diagnostic] { timeline.diagnostics }
    }

    /// Analyses the recording at `path`, renders `target` and, with `reportPath`, writes the review
    /// report there too (after the script is rendered, from the same timeline: the evidence frames
    /// are one extra bounded decode, not a second analysis).
    /// - Throws: what `analyseReporting` throws; `OutputError.cannotWrite` for the report.
    public static func generate(path: String, target: String, options: AnalysisOptions = AnalysisOptions(),
                                templates: String? = nil, assertions: Bool = true, reportPath: String? = nil) async throws -> Generated {
        guard let scriptTarget = ScriptTarget(rawValue: target) else { throw UsageError.unsupportedTarget(target) }
        let renderer = try ScriptRenderer(options: RenderOptions(assertions: assertions, templatesDirectory: templates))
        var timeline: ActionTimeline
        if options.live != nil, let saved = ProcessInfo.processInfo.environment["VID2AUTO_LIVE_FROM_TIMELINE"] {
            // Live-stage development: ground a saved offline timeline of this recording instead of
            // analysing it again (docs/grounding.md, "Developing the live stage").
            timeline = try loadTimeline(at: saved)
        } else {
            timeline = try await Analysis.run(path: path, options: options)
        }
        var liveShots: [Int: Data] = [:]
        if let live = options.live {
            options.progress?("live: grounding \(timeline.actions.count) steps in the running app")
            (timeline, liveShots) = try await LiveStage.groundKeeping(timeline, path: path, settings: live, screenshots: reportPath != nil)
        }
        let artifact = try renderer.render(timeline, target: scriptTarget)
        if let reportPath {
            options.progress?("report")
            try await writeReport(timeline: timeline, recording: path, target: scriptTarget, renderer: renderer, to: reportPath,
                                  liveScreenshots: liveShots)
        }
        return Generated(text: artifact.text.hasSuffix("\n") ? artifact.text : artifact.text + "\n", timeline: timeline)
    }

    /// The review page of `timeline` (analysed from `recording`) for `target`, as HTML.
    /// `liveScreenshots`: the live viewport (PNG) after each step of a `--live` run, by action index.
    public static func reportHTML(timeline: ActionTimeline, recording: String, target: ScriptTarget,
                                  renderer: ScriptRenderer, liveScreenshots: [Int: Data] = [:]) async throws -> String {
        let document = try await ReviewReport.build(timeline: timeline, recording: recording, target: target, renderer: renderer,
                                                    liveScreenshots: liveScreenshots)
        return ReportPage.html(document)
    }

    /// Builds the review page and writes it atomically to `path`.
    public static func writeReport(timeline: ActionTimeline, recording: String, target: ScriptTarget,
                                   renderer: ScriptRenderer, to path: String, liveScreenshots: [Int: Data] = [:]) async throws {
        try Batch.writeAtomically(try await reportHTML(timeline: timeline, recording: recording, target: target, renderer: renderer,
                                                       liveScreenshots: liveScreenshots), to: path)
    }

    /// `vid2auto report TIMELINE.json --recording REC`: the review page of a timeline saved
    /// earlier (`--target timeline`), without analysing again.
    /// - Throws: `InputError` for a timeline that cannot be read; what `reportHTML` throws.
    public static func report(timelinePath: String, recording: String?, target: String, templates: String? = nil,
                              assertions: Bool = true) async throws -> String {
        guard let scriptTarget = ScriptTarget(rawValue: target) else { throw UsageError.unsupportedTarget(target) }
        let renderer = try ScriptRenderer(options: RenderOptions(assertions: assertions, templatesDirectory: templates))
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: timelinePath)) }
        catch { throw InputError.notFound(path: timelinePath) }
        let timeline: ActionTimeline
        do { timeline = try JSONDecoder().decode(ActionTimeline.self, from: data) }
        catch { throw InputError.corrupt(path: timelinePath, reason: "not an action timeline (\(error))") }
        guard let rec = recording ?? timeline.source?.path else {
            throw InputError.corrupt(path: timelinePath, reason: "the timeline names no recording: give --recording")
        }
        return try await reportHTML(timeline: timeline, recording: rec, target: scriptTarget, renderer: renderer)
    }
}
