/// Turns a `ScriptPlan` into the values one target's template reads.
///
/// A dialect owns everything language-specific that is not layout: string literals (always built
/// here, never in a template), comment-safe text, locator expressions and key constants. The
/// template owns the file's shape: imports, set-up, and the statement each operation becomes.
/// The keys each template may use are listed in docs/targets.md.
protocol Dialect {
    /// The root context for the target's template.
    func context(for plan: ScriptPlan, options: RenderOptions) -> [String: Any]
}

/// Where an action lands in one framework: a locator expression, the recorded point, or nowhere.
enum Resolved { case locator(String), point(PagePoint), none }

/// A dialect that turns placements into its framework's locators; the order (a locator, else the
/// recorded point) is the same for every framework, only the locator differs.
protocol PlacementResolving {
    /// The framework's locator expression for an element (the live app's first), nil when it has none.
    func locator(for e: ElementRef) -> String?
    /// Whether the framework's locator for `e` was verified in the live app (then no fallback).
    func isVerified(_ e: ElementRef) -> Bool
}

extension PlacementResolving {
    func resolve(_ p: Placement) -> Resolved {
        switch p {
        case .element(let e):
            if let l = locator(for: e) { return .locator(l) }
            if let pt = e.point { return .point(pt) }
            return .none
        case .point(let pt, _): return .point(pt)
        case .nowhere: return .none
        }
    }

    /// Where to act when the video's locator finds nothing: the recorded point of an element whose
    /// locator was read off the video and not verified live. A name read off the screen can be
    /// misread ("bs" for "Beta features"), be a glyph whose accessible name is an `aria-label` the
    /// video never shows, or be a field's value rather than its label; the script then waits a
    /// few seconds for the locator and, if nothing matches, clicks (types, ticks) where the
    /// recording shows the element, as it does for an element with no name at all. Nil for a
    /// verified locator, and for an element without a recorded point.
    func fallback(_ p: Placement) -> PagePoint? {
        guard case .element(let e) = p, e.offline != nil, !isVerified(e) else { return nil }
        return e.point
    }

    /// The locator of the element a key goes to, or nil for the focused element.
    func locator(_ e: ElementRef?) -> String? { e.flatMap { locator(for: $0) } }
}

/// The part of a template context every code dialect shares: the steps, each with a comment-safe
/// summary, remarks and the dictionaries its operations render through (one key per operation kind,
/// e.g. `{"click": {"locator": …}}`, so the template writes `{{#click}}…{{/click}}`).
struct StepContexts {
    var comment: (String) -> String
    var operations: (Operation) -> [[String: Any]]

    func make(_ plan: ScriptPlan) -> [[String: Any]] {
        plan.steps.map { step in
            [
                "number": step.number,
                "summary": comment(step.summary.plain),
                "remarks": step.remarks.map(comment),
                "ops": step.operations.flatMap(operations),
            ] as [String: Any]
        }
    }

    /// Whether any step has an operation for which `test` holds.
    static func any(_ plan: ScriptPlan, _ test: (Operation) -> Bool) -> Bool {
        plan.steps.contains { $0.operations.contains(where: test) }
    }
}

extension ScriptPlan {
    /// Secret entries for `# secret: NAME — about` header lines.
    func secretEntries(comment: (String) -> String) -> [[String: Any]] {
        secrets.map { ["name": $0.name, "about": comment($0.about)] }
    }
}

extension Operation {
    /// The placement of an operation that acts on one, for flag computations.
    var placement: Placement? {
        switch self {
        case .click(let p), .dblclick(let p), .hover(let p), .fill(let p, _), .select(let p, _), .check(let p, _, _): p
        default: nil
        }
    }

    var usesPoint: Bool {
        if case .point? = placement { return true }
        return false
    }
}
