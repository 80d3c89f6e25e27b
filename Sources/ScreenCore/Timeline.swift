/// A rectangle in page CSS pixels, relative to the viewport's top-left corner.
public struct Box: Sendable, Codable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// A point in page CSS pixels, relative to the viewport's top-left corner.
public struct Point: Sendable, Codable, Hashable {
    public var x: Double, y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// What a person did, one entry of the action timeline (see docs/timeline.md).
public enum ActionKind: String, Sendable, Codable, CaseIterable {
    case goto, click, fill, press, select, check, scroll
    /// A double click (to edit a cell, open an item).
    case dblclick
    /// The pointer rested on an element and that opened something the next action uses (a menu, a tooltip).
    case hover
}

/// An ARIA-like role of the element an action touched.
public enum Role: String, Sendable, Codable, CaseIterable {
    case button, link, textbox, checkbox, radio, combobox, tab, menuitem, heading, option
    /// A toggle switch (`role="switch"`): checked and unchecked like a checkbox.
    case `switch`
    case searchbox, spinbutton, slider, listbox, menuitemcheckbox, menuitemradio, treeitem, gridcell, cell, row, img
}

/// The element an action was aimed at, described by what the video shows.
public struct Target: Sendable, Codable, Hashable {
    public var role: Role?
    /// Accessible name, when it can be inferred.
    public var name: String?
    /// Visible text on or in the element.
    public var text: String?
    /// Text of the label next to it.
    public var label: String?
    public var placeholder: String?
    /// The nearest text that tells apart elements showing the same text (a card title, a row's first cell).
    public var context: String?
    public var box: Box?
    /// Where the pointer was when it acted.
    public var point: Point?

    public init(role: Role? = nil, name: String? = nil, text: String? = nil, label: String? = nil,
                placeholder: String? = nil, context: String? = nil, box: Box? = nil, point: Point? = nil) {
        self.role = role; self.name = name; self.text = text; self.label = label
        self.placeholder = placeholder; self.context = context; self.box = box; self.point = point
    }
}

/// The value an action carries: text for fills, selects, keys and URLs; a flag for checks;
/// pixels for scrolls.
public enum ActionValue: Sendable, Hashable, Codable {
    case text(String)
    case flag(Bool)
    case pixels(Double)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .flag(b) }
        else if let d = try? c.decode(Double.self) { self = .pixels(d) }
        else { self = .text(try c.decode(String.self)) }
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .flag(let b): try c.encode(b)
        case .pixels(let d): try c.encode(d)
        }
    }
    /// The text, when this is a text value.
    public var text: String? { if case .text(let s) = self { s } else { nil } }
}

/// One action of the timeline.
public struct Action: Sendable, Codable, Hashable {
    public var kind: ActionKind
    /// Seconds in the video where the action starts and ends.
    public var time: Double
    public var endTime: Double
    public var target: Target?
    /// Nil for secret fills: their value is never stored.
    public var value: ActionValue?
    /// A masked (password) input.
    public var secret: Bool
    public var confidence: Double
    /// Times of the frames that are the evidence for this action.
    public var evidence: [Double]
    /// For navigations: the URL the page reached after this action, when the address bar shows it.
    public var navigatesTo: String?
    /// Text that appeared on screen as a result (a heading, a message), for assertions.
    public var appeared: [String]
    /// Other readings of a typed or chosen value, most likely first (the live stage tries them).
    public var alternatives: [String]
    /// How the live app confirmed or corrected this action; nil when no live session ran.
    public var grounding: Grounding?
    /// The model whose observation became this action (`embedded-cv`, `remote:NAME`) when a
    /// remote model was configured; nil (and absent from the JSON) with the embedded model alone.
    public var model: String?

    public init(kind: ActionKind, time: Double, endTime: Double? = nil, target: Target? = nil,
                value: ActionValue? = nil, secret: Bool = false, confidence: Double = 1,
                evidence: [Double] = [], navigatesTo: String? = nil, appeared: [String] = [],
                alternatives: [String] = [], grounding: Grounding? = nil, model: String? = nil) {
        self.kind = kind; self.time = time; self.endTime = endTime ?? time; self.target = target
        self.value = value; self.secret = secret; self.confidence = confidence; self.evidence = evidence
        self.navigatesTo = navigatesTo; self.appeared = appeared
        self.alternatives = alternatives; self.grounding = grounding; self.model = model
    }

    enum CodingKeys: String, CodingKey {
        case kind, time, endTime, target, value, secret, confidence, evidence, navigatesTo, appeared, alternatives, grounding, model
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(ActionKind.self, forKey: .kind)
        time = try c.decode(Double.self, forKey: .time)
        endTime = try c.decodeIfPresent(Double.self, forKey: .endTime) ?? time
        target = try c.decodeIfPresent(Target.self, forKey: .target)
        value = try c.decodeIfPresent(ActionValue.self, forKey: .value)
        secret = try c.decodeIfPresent(Bool.self, forKey: .secret) ?? false
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1
        evidence = try c.decodeIfPresent([Double].self, forKey: .evidence) ?? []
        navigatesTo = try c.decodeIfPresent(String.self, forKey: .navigatesTo)
        appeared = try c.decodeIfPresent([String].self, forKey: .appeared) ?? []
        alternatives = try c.decodeIfPresent([String].self, forKey: .alternatives) ?? []
        grounding = try c.decodeIfPresent(Grounding.self, forKey: .grounding)
        model = try c.decodeIfPresent(String.self, forKey: .model)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(time, forKey: .time)
        try c.encode(endTime, forKey: .endTime)
        try c.encode(target, forKey: .target)
        try c.encode(secret ? nil : value, forKey: .value)   // a secret's value never leaves memory
        try c.encode(secret, forKey: .secret)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
        try c.encodeIfPresent(navigatesTo, forKey: .navigatesTo)
        if !appeared.isEmpty { try c.encode(appeared, forKey: .appeared) }
        // Alternatives of a secret are as secret as its value.
        if !alternatives.isEmpty && !secret { try c.encode(alternatives, forKey: .alternatives) }
        try c.encodeIfPresent(grounding, forKey: .grounding)
        try c.encodeIfPresent(model, forKey: .model)
    }
}

/// The content area of the browser inside the video frame, in video pixels.
public struct Viewport: Sendable, Codable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    /// Video pixels per CSS pixel when the analysis saw a HiDPI recording (the browser's own bar
    /// drawn larger, see `ChromeDetector.deviceScale`); absent at 1. The timeline's points and
    /// boxes stay in video pixels: a script divides them (`ActionTimeline.inCSSPixels`).
    public var deviceScale: Double?
    public init(x: Int, y: Int, width: Int, height: Int, deviceScale: Double? = nil) {
        self.x = x; self.y = y; self.width = width; self.height = height; self.deviceScale = deviceScale
    }
}

/// Why the orchestrator cut the recording where it did.
public struct Cut: Sendable, Codable, Hashable {
    public var time: Double
    public var reason: String
    public init(time: Double, reason: String) { self.time = time; self.reason = reason }
}

/// How the swarm ran: the Kimi-style critical-steps ledger beside total steps and wall time.
public struct SwarmReport: Sendable, Codable, Hashable {
    public var segments: Int
    public var agents: Int
    public var totalSteps: Int
    /// Per stage, the orchestrator's steps plus the longest sub-agent's, summed over stages.
    public var criticalSteps: Int
    public var wallSeconds: Double
    /// Measured wall-clock speedup over one agent, when requested.
    public var speedup: Double?
    public var retries: Int
    public var cuts: [Cut]
    /// When each stage and each segment ran, per agent (absent in older timelines; see `SwarmTiming`).
    public var timing: SwarmTiming?
    /// Why the orchestrator cut as it did (coarse for the embedded model, at every quiet moment for
    /// a remote one); absent with the embedded model alone.
    public var planning: String?
    /// The remote model's requests, tokens and cost, per segment and in total; absent without one.
    public var model: ModelUsage?
    public init(segments: Int = 0, agents: Int = 0, totalSteps: Int = 0, criticalSteps: Int = 0,
                wallSeconds: Double = 0, speedup: Double? = nil, retries: Int = 0, cuts: [Cut] = [],
                timing: SwarmTiming? = nil, planning: String? = nil, model: ModelUsage? = nil) {
        self.segments = segments; self.agents = agents; self.totalSteps = totalSteps
        self.criticalSteps = criticalSteps; self.wallSeconds = wallSeconds; self.speedup = speedup
        self.retries = retries; self.cuts = cuts; self.timing = timing; self.planning = planning; self.model = model
    }
}

/// What a remote model did in one run (docs/models.md): which segments it saw and why, what it
/// cost, and where the embedded model's observations had to stand in.
public struct ModelUsage: Sendable, Codable, Hashable {
    /// `remote:NAME`.
    public var name: String
    /// The chat-completions address (never the key).
    public var endpoint: String
    /// `hybrid` (low-confidence segments only) or `all` (`--model-all`).
    public var routing: String
    /// Segments sent to the remote model; segments where it failed and the embedded model's observations were kept.
    public var segmentsRouted: Int
    public var fallbacks: Int
    /// HTTP requests made (retries included), answers taken from the on-disk cache, retries, 429 answers.
    public var requests: Int
    public var cacheHits: Int
    public var retries: Int
    public var rateLimited: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// In the currency of the `--price-input`/`--price-output` flags (per million tokens); 0 without prices.
    public var cost: Double
    /// The finer plan the remote model's segments follow, and why it cut there.
    public var cuts: [Cut]
    public var segments: [SegmentUsage]

    public init(name: String, endpoint: String, routing: String, segmentsRouted: Int = 0, fallbacks: Int = 0,
                requests: Int = 0, cacheHits: Int = 0, retries: Int = 0, rateLimited: Int = 0, promptTokens: Int = 0,
                completionTokens: Int = 0, cost: Double = 0, cuts: [Cut] = [], segments: [SegmentUsage] = []) {
        self.name = name; self.endpoint = endpoint; self.routing = routing; self.segmentsRouted = segmentsRouted
        self.fallbacks = fallbacks; self.requests = requests; self.cacheHits = cacheHits; self.retries = retries
        self.rateLimited = rateLimited; self.promptTokens = promptTokens; self.completionTokens = completionTokens
        self.cost = cost; self.cuts = cuts; self.segments = segments
    }

    /// One segment's share.
    public struct SegmentUsage: Sendable, Codable, Hashable {
        public var segment: Int
        /// The model whose observations were kept for this segment.
        public var model: String
        /// Why it went to the remote model (nil: the embedded model explained it well).
        public var reason: String?
        /// Why the remote model's answer could not be used (its observations were replaced by the embedded ones).
        public var fallback: String?
        public var requests: Int
        public var cacheHits: Int
        public var promptTokens: Int
        public var completionTokens: Int
        public var cost: Double
        public init(segment: Int, model: String, reason: String? = nil, fallback: String? = nil, requests: Int = 0,
                    cacheHits: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, cost: Double = 0) {
            self.segment = segment; self.model = model; self.reason = reason; self.fallback = fallback
            self.requests = requests; self.cacheHits = cacheHits; self.promptTokens = promptTokens
            self.completionTokens = completionTokens; self.cost = cost
        }
    }
}

/// The versioned result of analysing a recording: what the person did, in order.
public struct ActionTimeline: Sendable, Codable {
    /// Bumped on any incompatible change of this format.
    public static let formatVersion = 1
    public var version: Int
    public var source: MediaInfo?
    public var viewport: Viewport?
    public var startURL: String?
    public var actions: [Action]
    public var diagnostics: [Diagnostic]
    public var swarm: SwarmReport?

    public init(source: MediaInfo? = nil, viewport: Viewport? = nil, startURL: String? = nil,
                actions: [Action] = [], diagnostics: [Diagnostic] = [], swarm: SwarmReport? = nil) {
        self.version = Self.formatVersion; self.source = source; self.viewport = viewport
        self.startURL = startURL; self.actions = actions; self.diagnostics = diagnostics; self.swarm = swarm
    }
}
