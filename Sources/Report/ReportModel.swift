import Foundation
import ScreenCore

/// Everything one review page shows, independent of HTML: built by `ReviewReport.build` from a
/// timeline, the script rendered from it and the recording's evidence frames, rendered by
/// `ReportPage.html`. Tests build it directly.
public struct ReportDocument: Sendable {
    /// The page's heading: the recording's file name.
    public var title: String
    /// The recording as analysed (size, duration), when known.
    public var source: MediaInfo?
    /// The target the script lines are in (`playwright-python`, …).
    public var target: String
    public var startURL: String?
    /// One entry per step of the script, in order.
    public var steps: [ReportStep]
    public var diagnostics: [Diagnostic]
    /// Thumbnails across the recording, in time order.
    public var strip: [ReportFrame]
    /// How the swarm ran (the chart needs its `timing`).
    public var swarm: SwarmReport?
    /// The whole generated script, for the "full script" section.
    public var script: String

    public init(title: String, source: MediaInfo?, target: String, startURL: String?, steps: [ReportStep],
                diagnostics: [Diagnostic], strip: [ReportFrame], swarm: SwarmReport?, script: String) {
        self.title = title; self.source = source; self.target = target; self.startURL = startURL
        self.steps = steps; self.diagnostics = diagnostics; self.strip = strip; self.swarm = swarm; self.script = script
    }

    /// The recording's length in seconds (the last action's end when the source is unknown).
    public var duration: Double {
        if let d = source?.duration, d > 0 { return d }
        return max(1, steps.compactMap { $0.action?.endTime }.max() ?? 1)
    }

    /// The mean confidence of the steps that replay an action (nil without any).
    public var meanConfidence: Double? {
        let c = steps.compactMap { $0.action?.confidence }
        return c.isEmpty ? nil : c.reduce(0, +) / Double(c.count)
    }
}

/// An encoded picture for the page (PNG bytes through Media's `PNG`), with its pixel size.
public struct ReportImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// The PNG file's bytes.
    public var png: Data
    public init(width: Int, height: Int, png: Data) { self.width = width; self.height = height; self.png = png }
    /// A `data:` URL, so the page needs no other file.
    public var dataURL: String { "data:image/png;base64," + png.base64EncodedString() }
}

/// A marker drawn over an evidence image, in that image's pixels.
public enum ReportMark: Sendable, Equatable {
    /// Where the pointer's hot spot was.
    case point(x: Double, y: Double)
    /// The element's box.
    case box(x: Double, y: Double, width: Double, height: Double)
}

/// One frame of evidence: the picture, the video time it shows and the marks over it.
public struct ReportFrame: Sendable, Equatable {
    public var time: Double
    public var image: ReportImage
    public var marks: [ReportMark]
    public init(time: Double, image: ReportImage, marks: [ReportMark] = []) {
        self.time = time; self.image = image; self.marks = marks
    }
}

/// What live grounding (`--live`) found for a step: filled in once the timeline carries it.
/// Mirrors the timeline's grounding fields without depending on them (see docs/report.md).
public struct ReportGrounding: Sendable, Equatable {
    /// `verified`, `corrected` or `offline`.
    public var status: String
    /// Locators the live page confirmed, one per framework (`playwright: …`, `selenium: …`).
    public var locators: [String]
    /// How alike the live screenshot and the video frame were (0–1).
    public var similarity: Double?
    /// What grounding changed in the action.
    public var corrections: [String]
    public var note: String?
    public init(status: String, locators: [String] = [], similarity: Double? = nil, corrections: [String] = [],
                note: String? = nil) {
        self.status = status; self.locators = locators; self.similarity = similarity
        self.corrections = corrections; self.note = note
    }
}

/// One step of the script with its evidence.
public struct ReportStep: Sendable {
    /// The step's number in the script (1-based).
    public var number: Int
    /// The action it replays; nil for a step the planner added (opening the start URL).
    public var action: Action?
    /// What the step is, in a few words ("click button "Register"").
    public var title: String
    /// The lines the step produced in the chosen target, and where they start in the script.
    public var lines: [String]
    public var firstLine: Int?
    /// Frames just before the action and after it settled, cropped around the element.
    public var before: ReportFrame?
    public var after: ReportFrame?
    /// Why the action was judged to be what it is, in words.
    public var rationale: String
    /// Diagnostics that concern this step's time.
    public var notes: [String]
    /// Hook for live grounding: nil until the timeline carries it (docs/report.md says how to fill it).
    public var grounding: ReportGrounding?
    /// Hook for the live browser's screenshot, shown beside the video's frame when present.
    public var liveScreenshot: ReportImage?

    public init(number: Int, action: Action?, title: String, lines: [String], firstLine: Int?, before: ReportFrame?,
                after: ReportFrame?, rationale: String, notes: [String] = [], grounding: ReportGrounding? = nil,
                liveScreenshot: ReportImage? = nil) {
        self.number = number; self.action = action; self.title = title; self.lines = lines; self.firstLine = firstLine
        self.before = before; self.after = after; self.rationale = rationale; self.notes = notes
        self.grounding = grounding; self.liveScreenshot = liveScreenshot
    }
}
