/// How an action was checked against the running app (`vid2auto --live`), see docs/timeline.md.
public struct Grounding: Sendable, Codable, Hashable {
    /// `verified`: the live app agreed with the video; `corrected`: the live app refuted part of
    /// the offline hypothesis and the action was changed (`corrections` says what and why);
    /// `offline`: not grounded (no live session, or grounding stopped before this step — `note`).
    public enum Status: String, Sendable, Codable, CaseIterable { case verified, corrected, offline }

    public var status: Status
    /// The Playwright locator chosen in the live DOM, resolving to exactly one element when chosen.
    public var locator: LiveLocator?
    /// The Selenium locator chosen in the live DOM (Selenium IDE style), also verified unique.
    public var selenium: SeleniumLocator?
    /// How many elements `locator` resolved to when it was chosen (1 for an accepted locator).
    public var matchCount: Int?
    /// Similarity (0–1) of the live viewport after the step to the video's frame after the step.
    public var similarity: Double?
    /// What the live app corrected, each with its reason ("role radio → switch").
    public var corrections: [String]
    /// Why the step stayed offline, or any other remark.
    public var note: String?

    public init(status: Status, locator: LiveLocator? = nil, selenium: SeleniumLocator? = nil, matchCount: Int? = nil,
                similarity: Double? = nil, corrections: [String] = [], note: String? = nil) {
        self.status = status; self.locator = locator; self.selenium = selenium; self.matchCount = matchCount
        self.similarity = similarity; self.corrections = corrections; self.note = note
    }

    enum CodingKeys: String, CodingKey { case status, locator, selenium, matchCount, similarity, corrections, note }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(Status.self, forKey: .status)
        locator = try c.decodeIfPresent(LiveLocator.self, forKey: .locator)
        selenium = try c.decodeIfPresent(SeleniumLocator.self, forKey: .selenium)
        matchCount = try c.decodeIfPresent(Int.self, forKey: .matchCount)
        similarity = try c.decodeIfPresent(Double.self, forKey: .similarity)
        corrections = try c.decodeIfPresent([String].self, forKey: .corrections) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(locator, forKey: .locator)
        try c.encodeIfPresent(selenium, forKey: .selenium)
        try c.encodeIfPresent(matchCount, forKey: .matchCount)
        try c.encodeIfPresent(similarity, forKey: .similarity)
        if !corrections.isEmpty { try c.encode(corrections, forKey: .corrections) }
        try c.encodeIfPresent(note, forKey: .note)
    }
}

/// A Playwright locator chosen in the live page, in the order Playwright's codegen prefers them:
/// test id > role + name > label > placeholder > alt text > title > text > CSS.
///
/// Rendered per language by CodeGen, e.g. `page.get_by_role("button", name="Sign in", exact=True)`,
/// or, for a repeated element, scoped by its container:
/// `page.locator("li").filter(has_text="Buy milk").get_by_role("button", name="Delete", exact=True)`.
public struct LiveLocator: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case testId, role, label, placeholder, altText, title, text, css }
    public var kind: Kind
    /// The role (`button`) for `role`, the CSS selector for `css`, the text otherwise.
    public var value: String
    /// The accessible name, for `role` only.
    public var name: String?
    /// Whole-text, case-sensitive matching (Playwright's `exact=True`).
    public var exact: Bool
    /// The container a repeated element is looked for in.
    public var scope: LiveScope?
    /// Zero-based index among the matches: the last resort when nothing else is unique.
    public var nth: Int?

    public init(kind: Kind, value: String, name: String? = nil, exact: Bool = true, scope: LiveScope? = nil, nth: Int? = nil) {
        self.kind = kind; self.value = value; self.name = name; self.exact = exact; self.scope = scope; self.nth = nth
    }
}

/// A container a repeated element is found in: `page.locator(css).filter(has_text=hasText)`.
public struct LiveScope: Sendable, Codable, Hashable {
    public var css: String
    public var hasText: String
    public init(css: String, hasText: String) { self.css = css; self.hasText = hasText }
}

/// A Selenium locator as Selenium IDE exports them (`By.ID`, `By.NAME`, `By.LINK_TEXT`,
/// `By.CSS_SELECTOR`, `By.XPATH`), chosen and verified unique in the live page.
public struct SeleniumLocator: Sendable, Codable, Hashable {
    /// The W3C / Selenium strategy: `id`, `name`, `link text`, `css selector`, `xpath`.
    public enum Strategy: String, Sendable, Codable, CaseIterable {
        case id, name
        case linkText = "link text"
        case css = "css selector"
        case xpath
    }
    public var by: Strategy
    public var value: String
    public init(by: Strategy, value: String) { self.by = by; self.value = value }
}
