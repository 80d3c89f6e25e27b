import ScreenCore

/// How a text on screen should be compared with the page's text (whitespace is always normalised).
struct TextMatch: Sendable, Equatable {
    /// The whole text must match: short names, which are often a prefix of another ("Sign in" /
    /// "Sign in with Google"). Otherwise a substring, as Playwright matches by default: long names,
    /// where the page may hold more text than the video showed.
    var whole: Bool
    /// Ignore case: text shown in capitals, most likely by CSS `text-transform`, so the page's own
    /// text may be in any case.
    var ignoringCase: Bool
    /// Other spellings that match as well as the text itself: the family of an icon glyph
    /// (`IconGlyphs`), e.g. "×" also as "✕", "✖", "x", "X". Empty for ordinary text.
    var alternatives: [String] = []

    /// The text itself, then its alternatives.
    func spellings(_ text: String) -> [String] { [text] + alternatives }

    static let exact = TextMatch(whole: true, ignoringCase: false)
    static let substring = TextMatch(whole: false, ignoringCase: false)
}

/// A user-facing way to find one element, ranked as Playwright's code generator ranks them.
enum ElementQuery: Sendable, Equatable {
    case role(Role, name: String, match: TextMatch)
    case placeholder(String, match: TextMatch)
    case label(String, match: TextMatch)
    case text(String, match: TextMatch)
}

/// An element query, optionally narrowed to the innermost element that also holds `context`
/// (a card title, a row's first cell) when the same text appears more than once.
struct ElementLocator: Sendable, Equatable {
    var query: ElementQuery
    var context: String?
    /// The role the timeline gave, for field-specific XPath even when the query is not by role.
    var role: Role?
    /// Whether the context is matched with its case: text shown in small letters has that case in
    /// the page, so a heading "Caching" is not found in another section's prose ("routing and
    /// caching"). Text shown in capitals may be CSS `text-transform`, so it ignores case.
    var contextMatchesCase = false
}

/// An element as a script finds it: by what the video shows (`offline`) and, when a live session
/// confirmed it, by the locators that found it in the running app, which each framework's script
/// uses as they are. A framework with neither falls back to `point`.
struct ElementRef: Sendable, Equatable {
    var offline: ElementLocator?
    /// Verified in the live app: rendered verbatim by the Playwright dialects.
    var live: LiveLocator?
    /// Verified in the live app: rendered verbatim by the Selenium dialects.
    var selenium: SeleniumLocator?
    /// Where the video shows the element, for a framework left without a locator.
    var point: PagePoint?

    init(_ offline: ElementLocator) { self.offline = offline }
    init(offline: ElementLocator?, live: LiveLocator?, selenium: SeleniumLocator?, point: PagePoint?) {
        self.offline = offline; self.live = live; self.selenium = selenium; self.point = point
    }

    /// Whether a live session confirmed the element.
    var isGrounded: Bool { live != nil || selenium != nil }
}

/// Where an action lands: an element, or (last resort) a point on the page.
enum Placement: Sendable, Equatable {
    case element(ElementRef)
    /// Page CSS pixels relative to the viewport; `why` is said in a comment beside the code.
    case point(PagePoint, why: String)
    /// Nothing usable: the step becomes a comment.
    case nowhere(why: String)
}

/// The text a fill types: a literal, or an environment variable for masked fields.
enum FillText: Sendable, Equatable {
    case literal(String)
    case secret(name: String)
}

/// A key press, split into modifiers and the key (Playwright names: `Control`, `Enter`, `a`).
struct KeyChord: Sendable, Equatable {
    var modifiers: [String]
    var key: String
    /// Playwright's spelling, `Control+Shift+A`.
    var playwright: String { (modifiers + [key]).joined(separator: "+") }
}

/// One operation a script performs. A step of the plan is one timeline action and may need several
/// (the action, a wait for the URL it reached, checks for text it made appear).
enum Operation: Sendable, Equatable {
    case goto(url: String)
    case click(Placement)
    case dblclick(Placement)
    /// Rest the pointer on the element (a menu or tooltip the next action uses opens).
    case hover(Placement)
    case fill(Placement, FillText)
    /// A key press; on the element when the timeline names one, else on whatever has focus.
    case press(KeyChord, on: ElementRef?)
    /// Text the timeline reported as a key but that is no key name: typed as text.
    case type(String, on: ElementRef?)
    case select(Placement, option: String)
    /// `radio` selects; a checkbox ends ticked (`true`) or unticked.
    case check(Placement, checked: Bool, radio: Bool)
    /// Vertical wheel pixels, positive down; `at` moves the pointer there first.
    case scroll(dy: Double, at: PagePoint?)
    /// Wait until the page is at this URL (after a navigation).
    case expectURL(String)
    /// Check the text is visible on the page (an `appeared` text; off with `--no-assert`).
    case expectText(String)
    /// Something the code cannot do; said as a comment.
    case note(String)
}

/// A whole-pixel position in page CSS pixels, relative to the viewport.
struct PagePoint: Sendable, Equatable {
    var x: Int, y: Int
}

/// A viewport size in CSS pixels.
struct PageSize: Sendable, Equatable {
    var width: Int, height: Int
}

/// A human-readable sentence made of our own words and text read off the screen, kept apart so each
/// output escapes only what came from the video.
struct Phrase: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case words(String)
        /// An element's name or text, as shown.
        case name(String)
        /// A value typed, chosen or a key: quoted.
        case value(String)
        case url(String)
        case secret(String)
    }
    var parts: [Part]
    init(_ parts: [Part]) { self.parts = parts }

    /// Plain text with screen text in quotes; the caller makes it comment-safe.
    var plain: String {
        parts.map { part -> String in
            switch part {
            case .words(let w): w
            case .name(let n): "\"\(n)\""
            case .value(let v): "\"\(v)\""
            case .url(let u): u
            case .secret(let s): "the value of $\(s)"
            }
        }.joined()
    }
}

/// One numbered step: what a person did, said in words, and the operations that replay it.
struct PlannedStep: Sendable, Equatable {
    var number: Int
    var summary: Phrase
    var operations: [Operation]
    /// Extra remarks (low confidence, coordinates) shown beside the step.
    var remarks: [String]
    /// What a live session made of the action, when one ran.
    var grounding: Grounding? = nil
    /// The timeline action this step replays; nil for a step the planner added (the opening `goto`).
    var actionIndex: Int? = nil
}

/// A masked field's environment variable and what it is for.
struct SecretVariable: Sendable, Equatable {
    var name: String
    var about: String
}

/// Everything a dialect needs to write a script, independent of the language.
struct ScriptPlan: Sendable, Equatable {
    var title: String
    /// File name of the recording, when known.
    var recording: String?
    /// The recorded viewport size, so coordinates and layout match the video.
    var viewport: PageSize?
    var secrets: [SecretVariable]
    var steps: [PlannedStep]
}

extension ScriptPlan {
    /// Whether a step checks the page's address (written as a pattern).
    var expectsURL: Bool {
        steps.flatMap(\.operations).contains { if case .expectURL = $0 { return true } else { return false } }
    }

    /// Every element the operations act on, in order.
    var elements: [ElementRef] {
        steps.flatMap(\.operations).compactMap { op -> ElementRef? in
            switch op {
            case .click(.element(let e)), .dblclick(.element(let e)), .hover(.element(let e)),
                 .fill(.element(let e), _), .select(.element(let e), _), .check(.element(let e), _, _):
                return e
            case .press(_, let on?), .type(_, let on?):
                return on
            default:
                return nil
            }
        }
    }
}

extension ElementQuery {
    var match: TextMatch {
        switch self {
        case .role(_, _, let m), .placeholder(_, let m), .label(_, let m), .text(_, let m): m
        }
    }
}
