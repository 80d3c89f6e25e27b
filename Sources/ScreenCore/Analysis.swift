// The stage-boundary models of the vid2auto analysis and the protocols its stages meet at:
// Frame → MotionSample → Segment → Observation → ActionTimeline.

/// One frame of the orchestrator's cheap motion signal (computed on a small gray rendition).
/// Coordinates are in full-size video pixels.
public struct MotionSample: Sendable, Hashable, Codable {
    /// Presentation time of the frame (the change happened between the previous sample and this one).
    public var time: Double
    /// Changed pixels (small rendition) that are not the pointer or a blinking caret.
    public var contentPixels: Int
    /// Bounding box of the content change, when there is one.
    public var contentBox: PixelRect?
    /// Where the pointer is believed to be after this frame, when it moved recently.
    public var pointer: PixelPoint?
    /// Whether the pointer moved in this frame.
    public var pointerMoved: Bool
    public init(time: Double, contentPixels: Int = 0, contentBox: PixelRect? = nil, pointer: PixelPoint? = nil,
                pointerMoved: Bool = false) {
        self.time = time; self.contentPixels = contentPixels; self.contentBox = contentBox
        self.pointer = pointer; self.pointerMoved = pointerMoved
    }
    /// Whether anything other than the pointer (or a caret blink) changed.
    public var isActive: Bool { contentPixels > 0 }
}

/// What the orchestrator learned about the screen before planning: where the browser shows the
/// page, where its address bar is, and the URL it shows first. Video pixels.
public struct ScreenLayout: Sendable, Hashable, Codable {
    public var frameWidth: Int
    public var frameHeight: Int
    /// The browser window (the whole frame when it fills the screen).
    public var window: PixelRect
    /// The page's content area.
    public var viewport: PixelRect
    /// The address bar's text area, when browser chrome is visible.
    public var addressBar: PixelRect?
    /// The URL read from the address bar in the first frames.
    public var startURL: String?
    public init(frameWidth: Int, frameHeight: Int, window: PixelRect, viewport: PixelRect,
                addressBar: PixelRect? = nil, startURL: String? = nil) {
        self.frameWidth = frameWidth; self.frameHeight = frameHeight; self.window = window
        self.viewport = viewport; self.addressBar = addressBar; self.startURL = startURL
    }
    /// A layout with no chrome: the page fills the frame.
    public static func fullFrame(width: Int, height: Int) -> ScreenLayout {
        let r = PixelRect(x: 0, y: 0, width: width, height: height)
        return ScreenLayout(frameWidth: width, frameHeight: height, window: r, viewport: r)
    }
}

/// One piece of the recording handed to one sub-agent. The agent reports only what starts inside
/// `[start, end)` (its own span), but may decode from `decodeStart` to see the pointer arrive.
public struct Segment: Sendable, Hashable, Codable {
    public var index: Int
    /// The span this segment owns, in seconds.
    public var start: Double
    public var end: Double
    /// The window the agent decodes (a little before `start` for the pointer's approach, a little
    /// after `end` for the screen to settle).
    public var decodeStart: Double
    public var decodeEnd: Double
    /// Where the pointer was last seen before `decodeStart`, from the motion signal.
    public var pointerHint: PixelPoint?
    public init(index: Int, start: Double, end: Double, decodeStart: Double? = nil, decodeEnd: Double? = nil,
                pointerHint: PixelPoint? = nil) {
        self.index = index; self.start = start; self.end = end
        self.decodeStart = decodeStart ?? start; self.decodeEnd = decodeEnd ?? end; self.pointerHint = pointerHint
    }
    /// Whether `time` lies in the span this segment owns.
    public func owns(_ time: Double) -> Bool { time >= start && time < end }
}

/// The orchestrator's plan: segments to analyse and why it cut where it did.
public struct SegmentPlan: Sendable, Hashable, Codable {
    public var segments: [Segment]
    public var cuts: [Cut]
    public init(segments: [Segment], cuts: [Cut]) { self.segments = segments; self.cuts = cuts }
}

/// Something a sub-agent saw in its segment, in video pixels. The aggregator turns observations
/// from all segments into actions (merging across cuts, collapsing keystrokes into fills).
public struct Observation: Sendable, Hashable, Codable {
    /// What was seen.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The pointer clicked an element (which may open a popup list: `popup`).
        case click
        /// The pointer pressed twice at one spot (text selected under it, an inline editor opening).
        case dblclick
        /// Text changed inside a text field; `value` is the field's text when the run ended.
        case typing
        /// A key was pressed without typing text (`value` names the key, e.g. `Enter`).
        case press
        /// An option was chosen in a list (`value` the option's text, `box` the combobox).
        case select
        /// A checkbox or radio changed state (`value` true when ticked).
        case check
        /// The page scrolled (`value` pixels, positive = down).
        case scroll
        /// The page changed to another document (`url`, when the address bar shows it).
        case navigation
    }
    public var kind: Kind
    public var time: Double
    public var endTime: Double
    /// The segment that saw it.
    public var segment: Int
    /// Where the pointer was, when it matters.
    public var point: PixelPoint?
    /// The element's box.
    public var box: PixelRect?
    public var role: Role?
    public var text: String?
    public var label: String?
    public var placeholder: String?
    public var context: String?
    public var value: ActionValue?
    public var secret: Bool
    /// For navigations: the address bar's URL afterwards.
    public var url: String?
    /// For clicks that opened a list (a native select's popup, a menu): the list's box.
    public var popup: PixelRect?
    /// Text that appeared as a result.
    public var appeared: [String]
    public var confidence: Double
    public var evidence: [Double]
    /// The model that saw it, when a remote model is configured (hybrid routing tells them apart);
    /// nil with the embedded model alone.
    public var model: String?

    public init(kind: Kind, time: Double, endTime: Double? = nil, segment: Int = 0, point: PixelPoint? = nil,
                box: PixelRect? = nil, role: Role? = nil, text: String? = nil, label: String? = nil,
                placeholder: String? = nil, context: String? = nil, value: ActionValue? = nil, secret: Bool = false,
                url: String? = nil, popup: PixelRect? = nil, appeared: [String] = [], confidence: Double = 0.5,
                evidence: [Double] = [], model: String? = nil) {
        self.kind = kind; self.time = time; self.endTime = endTime ?? time; self.segment = segment
        self.point = point; self.box = box; self.role = role; self.text = text; self.label = label
        self.placeholder = placeholder; self.context = context; self.value = value; self.secret = secret
        self.url = url; self.popup = popup; self.appeared = appeared; self.confidence = confidence
        self.evidence = evidence; self.model = model
    }
}

/// How to segment text in a crop.
public enum TextReadMode: String, Sendable, Codable {
    /// One line (buttons, fields, labels).
    case line
    /// A uniform block of lines.
    case block
    /// Scattered text in no particular order.
    case sparse
}

/// A recognised word; the box is in the pixels of the image that was read.
public struct TextWord: Sendable, Hashable, Codable {
    public var text: String
    public var box: PixelRect
    /// 0–100.
    public var confidence: Double
    public init(text: String, box: PixelRect, confidence: Double) {
        self.text = text; self.box = box; self.confidence = confidence
    }
}

/// A recognised line of words.
public struct TextLine: Sendable, Hashable, Codable {
    public var words: [TextWord]
    public init(words: [TextWord]) { self.words = words }
    public var text: String { words.map(\.text).joined(separator: " ") }
    public var box: PixelRect { words.dropFirst().reduce(words.first?.box ?? PixelRect(x: 0, y: 0, width: 0, height: 0)) { $0.union($1.box) } }
    /// Mean word confidence, 0–100.
    public var confidence: Double { words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count) }
}

/// What a text reader found in one image.
public struct TextReading: Sendable, Hashable, Codable {
    public var lines: [TextLine]
    public init(lines: [TextLine]) { self.lines = lines }
    public var text: String { lines.map(\.text).joined(separator: "\n") }
    /// Mean word confidence, 0–100.
    public var confidence: Double {
        let ws = lines.flatMap(\.words)
        return ws.isEmpty ? 0 : ws.map(\.confidence).reduce(0, +) / Double(ws.count)
    }
    public static let empty = TextReading(lines: [])
}

/// Reads text in small images (crops). Implemented over the Tesseract pool; tests use fakes.
public protocol TextReader: Sendable {
    /// The text in `image`, boxes in `image`'s pixels.
    func read(_ image: Image, mode: TextReadMode) async throws -> TextReading
    /// A hint that the crop `image()` is likely to be read with `mode` soon (the second, larger
    /// reading of a small crop; a reading that follows for certain). A reader may start that
    /// read ahead on a core nothing else uses, so that `read` finds it done; it never changes
    /// what `read` returns. `image` is only called when the reader takes the hint. The default
    /// ignores it.
    func readAhead(mode: TextReadMode, _ image: () -> Image)
}

extension TextReader {
    public func readAhead(mode: TextReadMode, _ image: () -> Image) {}
}

/// Where the pointer is in a frame, and what it looks like.
public struct PointerFix: Sendable, Hashable, Codable {
    /// The pointer's bounding box.
    public var box: PixelRect
    /// The estimated hot spot (where a click lands).
    public var hotSpot: PixelPoint
    public init(box: PixelRect, hotSpot: PixelPoint) { self.box = box; self.hotSpot = hotSpot }
}

/// What a sub-agent is told about its segment besides the frames.
public struct SegmentContext: Sendable {
    public var segment: Segment
    public var layout: ScreenLayout
    /// The motion signal inside the decode window (cheap hints: where things changed).
    public var motion: [MotionSample]
    /// The recording's frame rate.
    public var frameRate: Double
    public init(segment: Segment, layout: ScreenLayout, motion: [MotionSample], frameRate: Double) {
        self.segment = segment; self.layout = layout; self.motion = motion; self.frameRate = frameRate
    }
}

/// The tools a sub-agent may call. Every call counts as a step of the agent. Frames are decoded
/// inside the calling task (no decoder crosses tasks).
public protocol AgentTools: Sendable {
    /// Decodes the segment's frames between `start` and `end` (full size, gray) at up to `fps`
    /// frames per second and hands each to `body` in order.
    func forEachFrame(from start: Double, to end: Double, fps: Double?,
                      _ body: (Frame) async throws -> Void) async throws
    /// Reads the text inside `region` of `image` (a crop: never the whole frame).
    func readText(_ region: PixelRect, in image: Image, mode: TextReadMode) async throws -> TextReading
    /// Finds the pointer near `near` in `image`, given an earlier frame `reference` where it was elsewhere.
    func locatePointer(in image: Image, reference: Image, near: PixelPoint?) -> PointerFix?
    /// Mean absolute difference (0–255) of two images inside `region`.
    func compare(_ a: Image, _ b: Image, region: PixelRect) -> Double
    /// The text typed into the field with box `field` (inner text area), read from `image`.
    func readField(_ field: PixelRect, in image: Image) async throws -> String?
    /// A hint that the whole of the crop `image()` is likely to be read with `mode` soon (see
    /// `TextReader.readAhead`); not a step. The default ignores it.
    func readTextAhead(mode: TextReadMode, _ image: () -> Image)
    /// Runs `body(0)` … `body(count - 1)`, pieces of work independent of each other (each writes
    /// only its own result): split over the caller's core and one core no agent holds when one is
    /// spare (as a read ahead takes it: never with `--agents 1`, nor while every core has an
    /// agent), else one after the other on the caller's. The results cannot depend on which:
    /// the caller merges them in index order. Not a step. The default runs them in order.
    func split(_ count: Int, _ body: @Sendable (Int) -> Void)
}

extension AgentTools {
    public func readTextAhead(mode: TextReadMode, _ image: () -> Image) {}
    public func split(_ count: Int, _ body: @Sendable (Int) -> Void) { for i in 0..<max(0, count) { body(i) } }
}

/// How a piece of analysis may spread independent parts of its work (`AgentTools.split`): given
/// the number of parts and the work of one part, runs every part once, in any order or at once.
public typealias WorkSplit = (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

/// The one protocol sub-agents use to understand a segment: the embedded computer-vision model is
/// the default; a remote multimodal model (an OpenAI-compatible endpoint) can take its place.
public protocol VisionModel: Sendable {
    /// A short name for reports (e.g. `embedded-cv`).
    var name: String { get }
    /// What happened in the segment, as observations in video pixels.
    func analyse(segment: SegmentContext, tools: any AgentTools) async throws -> [Observation]
}
