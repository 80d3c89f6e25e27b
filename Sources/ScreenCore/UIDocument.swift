/// The intermediate UI document of `mockup2code` (format version 1, see docs/mockup2code.md): what
/// the analyser saw in a design image, as a tree of flow-layout nodes. It is the boundary between
/// analysis (perception, OCR, the swarm) and code generation; every target (HTML, Tailwind, React,
/// Vue) is rendered from it alone, so tests can build one by hand.
public struct UIDocument: Sendable, Codable, Equatable {
    /// The format version this build writes.
    public static let currentVersion = 1
    public var version: Int
    /// Size of the design image in pixels (= CSS pixels of the generated page).
    public var width: Int
    public var height: Int
    /// The page background.
    public var background: RGB
    /// A title for the page (the most prominent heading), if one was read.
    public var title: String?
    /// The page itself: a column container as large as the design.
    public var root: UINode
    /// What the analysis could not do (a region that failed, unreadable text…).
    public var diagnostics: [Diagnostic]
    /// What render-compare-refine did (nil when it did not run).
    public var refinement: UIRefinement?

    public init(width: Int, height: Int, background: RGB, title: String? = nil, root: UINode,
                diagnostics: [Diagnostic] = []) {
        self.version = Self.currentVersion
        self.width = width; self.height = height; self.background = background
        self.title = title; self.root = root; self.diagnostics = diagnostics
    }

    /// Every node, depth first, parents before children.
    public var allNodes: [UINode] {
        var out: [UINode] = []
        func walk(_ n: UINode) { out.append(n); n.children.forEach(walk) }
        walk(root)
        return out
    }
}

/// The record of refinement (`mockup2code` renders its page, compares it with the design, corrects
/// the document, and renders again): every round's score, or why it was skipped.
public struct UIRefinement: Sendable, Codable, Equatable {
    /// One render of the document: its scores (0–1) and the corrections made before it.
    public struct Round: Sendable, Codable, Equatable {
        public var round: Int
        /// The combined score refinement maximises.
        public var score: Double
        /// Screenshot similarity to the design (SSIM-style).
        public var visual: Double
        /// How close rendered elements are to the design's.
        public var position: Double
        /// Share of texts wrapping into as many lines as the design's.
        public var wrapping: Double
        public var corrections: Int
        /// Whether this round's document was kept.
        public var kept: Bool
        public init(round: Int, score: Double, visual: Double, position: Double, wrapping: Double, corrections: Int, kept: Bool) {
            self.round = round; self.score = score; self.visual = visual; self.position = position
            self.wrapping = wrapping; self.corrections = corrections; self.kept = kept
        }
    }
    public var rounds: [Round]
    /// Why refinement did not run or stopped early (no Chromium…), if it did not finish.
    public var skipped: String?
    public var seconds: Double?
    public init(rounds: [Round] = [], skipped: String? = nil, seconds: Double? = nil) {
        self.rounds = rounds; self.skipped = skipped; self.seconds = seconds
    }
}

/// What a node is. Containers hold children; the rest are leaves (a button may hold its label as
/// `text`).
public enum UINodeKind: String, Sendable, Codable, CaseIterable {
    /// A group laid out as a row or column; may be a filled or bordered box.
    case container
    /// A run of text: one or more lines with one style.
    case text
    /// A clickable box with a short label.
    case button
    /// A text field (a bordered, light box holding at most a placeholder); `tag` `textarea` for a
    /// tall one, `select` for one ending in a chevron (its `text` is the shown option).
    case input
    /// A small square box; `tag` `radio` for a small circle, `switch` for a pill with a knob.
    case checkbox
    /// A picture, kept as a sized placeholder with its average colour.
    case image
    /// A small picture (logo, glyph), kept as a sized placeholder.
    case icon
    /// A thin horizontal or vertical rule.
    case divider
    /// A bulleted list; its children are `listItem`s.
    case list
    /// One entry of a `list`.
    case listItem
}

/// The main axis of a container.
public enum UIDirection: String, Sendable, Codable { case row, column }

/// Alignment of text, or of children on a container's cross axis.
public enum UIAlign: String, Sendable, Codable { case start, center, end }

/// A generic font family, since the real font of a picture cannot be known.
public enum UIFontFamily: String, Sendable, Codable { case sans, serif, mono }

/// Four lengths in pixels.
public struct UIInsets: Sendable, Codable, Equatable {
    public var top: Double, right: Double, bottom: Double, left: Double
    public init(top: Double = 0, right: Double = 0, bottom: Double = 0, left: Double = 0) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
    public static let zero = UIInsets()
    public var isZero: Bool { top == 0 && right == 0 && bottom == 0 && left == 0 }
}

/// A solid border.
public struct UIBorder: Sendable, Codable, Equatable {
    public var width: Double
    public var color: RGB
    public init(width: Double, color: RGB) { self.width = width; self.color = color }
}

/// The visual style of a node as measured on the image; everything optional means "inherit / none".
/// Layout fields describe flow layout: a container lays its children out along `direction`
/// with `padding` and `gap`; each child's `margin` adds what the uniform gap does not explain
/// (top and left only: offsets from where the flow would put it).
public struct UIStyle: Sendable, Codable, Equatable {
    public var background: RGB?
    /// Text colour.
    public var color: RGB?
    /// Font size in pixels.
    public var fontSize: Double?
    /// 400 regular, 700 bold.
    public var fontWeight: Int?
    /// Line pitch in pixels.
    public var lineHeight: Double?
    public var fontFamily: UIFontFamily?
    public var italic: Bool?
    /// The text is shown in capitals by styling (`text` holds it in ordinary case, as the markup of
    /// a capitalised design usually does).
    public var uppercase: Bool?
    public var textAlign: UIAlign?
    public var border: UIBorder?
    /// Corner radius in pixels.
    public var radius: Double?
    public var padding: UIInsets?
    public var gap: Double?
    public var direction: UIDirection?
    /// Cross-axis alignment of the children.
    public var align: UIAlign?
    public var margin: UIInsets?
    /// The node could not be placed in the flow (overlaps a sibling) and is positioned absolutely
    /// at its box inside its parent.
    public var positioned: Bool?

    public init(background: RGB? = nil, color: RGB? = nil, fontSize: Double? = nil, fontWeight: Int? = nil,
                lineHeight: Double? = nil, fontFamily: UIFontFamily? = nil, italic: Bool? = nil,
                uppercase: Bool? = nil, textAlign: UIAlign? = nil, border: UIBorder? = nil, radius: Double? = nil,
                padding: UIInsets? = nil, gap: Double? = nil, direction: UIDirection? = nil,
                align: UIAlign? = nil, margin: UIInsets? = nil, positioned: Bool? = nil) {
        self.background = background; self.color = color; self.fontSize = fontSize; self.fontWeight = fontWeight
        self.lineHeight = lineHeight; self.fontFamily = fontFamily; self.italic = italic; self.uppercase = uppercase
        self.textAlign = textAlign
        self.border = border; self.radius = radius; self.padding = padding; self.gap = gap
        self.direction = direction; self.align = align; self.margin = margin; self.positioned = positioned
    }
}

/// A stretch of a text node's text: plain (no `tag`), or set apart inline — `a` for a link (an
/// accent colour or an underline the rest of the paragraph does not have).
public struct UITextRun: Sendable, Codable, Equatable {
    /// The run's characters (untrusted, like all text read off the image); may hold "\n".
    public var text: String
    /// `a` for a link; nil for the paragraph's own text.
    public var tag: String?
    /// The run's colour where it differs from the paragraph's.
    public var color: RGB?
    /// Whether the run is drawn underlined.
    public var underline: Bool?
    public init(text: String, tag: String? = nil, color: RGB? = nil, underline: Bool? = nil) {
        self.text = text; self.tag = tag; self.color = color; self.underline = underline
    }
}

/// One element of the UI document.
public struct UINode: Sendable, Codable, Equatable {
    public var kind: UINodeKind
    /// The HTML element the analyser suggests (`header`, `nav`, `h1`, `p`, `a`, `label`, …); nil lets
    /// the renderer choose from `kind`.
    public var tag: String?
    /// Where the node is on the design, in image pixels (for text: its line boxes).
    public var box: PixelRect
    public var style: UIStyle
    /// Text read off the image (untrusted: renderers escape it). Lines are separated by "\n".
    public var text: String?
    /// Accessible name: alt text of images, label of inputs and icon buttons.
    public var label: String?
    /// Placeholder of an input.
    public var placeholder: String?
    /// An input showing a masked value (a password field).
    public var secret: Bool?
    /// A checkbox, radio or switch drawn in its on state.
    public var checked: Bool?
    /// OCR confidence of `text`, 0–100.
    public var confidence: Double?
    /// The text split where words are set apart inline (a link drawn in an accent colour or
    /// underlined inside a sentence); the runs' texts joined are `text`. Nil: one style throughout.
    public var runs: [UITextRun]?
    /// One entry per line break ("\n") of `text`, in order: true where the design breaks the line by
    /// hand (the next line's first word would have fitted after it: a `<br>` in the markup), false where
    /// the text wraps. Nil: no break known to be a hand break; ignored when the counts differ.
    public var hardBreaks: [Bool]?
    public var children: [UINode]

    public init(kind: UINodeKind, tag: String? = nil, box: PixelRect, style: UIStyle = UIStyle(), text: String? = nil,
                label: String? = nil, placeholder: String? = nil, confidence: Double? = nil, children: [UINode] = []) {
        self.kind = kind; self.tag = tag; self.box = box; self.style = style; self.text = text
        self.label = label; self.placeholder = placeholder; self.confidence = confidence; self.children = children
    }
}

/// WCAG 2 contrast of text colours, shared by the accessibility stage and refinement (which must not
/// undo what that stage guarantees).
public enum WCAGContrast {
    /// Relative luminance of an sRGB colour.
    public static func luminance(_ c: RGB) -> Double {
        func lin(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : power2point4((s + 0.055) / 1.055)
        }
        return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }

    /// x^2.4 for x in (0, 1] without Foundation: x² times the fifth root of x² (Newton's method from
    /// above, which converges monotonically there).
    static func power2point4(_ x: Double) -> Double {
        let x2 = x * x
        guard x2 > 0 else { return 0 }
        var r = 1.0
        for _ in 0..<60 {
            let next = (4 * r + x2 / (r * r * r * r)) / 5
            if abs(next - r) < 1e-15 { break }
            r = next
        }
        return x2 * r
    }

    /// Contrast ratio of two colours (1–21).
    public static func ratio(_ a: RGB, _ b: RGB) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// AA's minimum for text: 3 for large text (24 px, or 18.66 px bold), else 4.5.
    public static func required(fontSize: Double?, weight: Int?) -> Double {
        let f = fontSize ?? 16
        return f >= 24 || (f >= 18.66 && (weight ?? 400) >= 700) ? 3 : 4.5
    }
}
