import Foundation
import Mustache
import ScreenCore

/// Renders an action timeline as a browser script, a Markdown checklist or JSON.
///
/// The pipeline is `ActionTimeline → ScriptPlan (Planner: locator ranking, secrets, waits) →
/// template context (one Dialect per language: literals, locators) → Mustache template`. Templates
/// are looked up per file at render time (`RenderOptions.templatesDirectory`, then beside the
/// executable, then the source tree), so a user can override one target's template and keep the rest.
public struct ScriptRenderer: Sendable {
    public let options: RenderOptions
    let loader: TemplateLoader

    /// A renderer with the given options.
    /// - Throws: `CodeGenError.templatesDirectoryNotFound` when `options.templatesDirectory` is not a directory.
    public init(options: RenderOptions = RenderOptions()) throws {
        self.options = options
        loader = TemplateLoader(searchPath: try TemplateSearchPath(override: options.templatesDirectory))
    }

    /// The directories templates are searched in, in order (for `--help` output and diagnostics).
    public var templateDirectories: [String] { loader.searchPath.directories }

    /// Renders `timeline` for `target`.
    /// - Throws: `CodeGenError` when the target's template is missing, unreadable or not valid
    ///   Mustache, or the timeline cannot be encoded as JSON.
    public func render(_ timeline: ActionTimeline, target: ScriptTarget) throws -> RenderedArtifact {
        if target == .timeline {
            return RenderedArtifact(target: target, text: try Self.json(timeline),
                                    suggestedFileExtension: target.suggestedFileExtension, secrets: [])
        }
        guard let name = target.templateName, let dialect = Self.dialect(for: target) else {
            preconditionFailure("every target but timeline has a template and a dialect")
        }
        let plan = Planner(options: options).plan(timeline)
        let context = dialect.context(for: plan, options: options)
        let library = try loader.library(for: name)
        var text = library.render(context, withTemplate: name) ?? ""
        if !text.hasSuffix("\n") { text += "\n" }
        return RenderedArtifact(target: target, text: text, suggestedFileExtension: target.suggestedFileExtension,
                                secrets: plan.secrets.map(\.name))
    }

    /// The dialect filling the target's template; nil for `timeline`, which is plain JSON.
    static func dialect(for target: ScriptTarget) -> (any Dialect)? {
        switch target {
        case .playwrightPython: PlaywrightDialect(.python)
        case .playwrightTS: PlaywrightDialect(.typeScript)
        case .seleniumPython: SeleniumDialect(language: .python)
        case .seleniumJava: SeleniumDialect(language: .java)
        case .steps: StepsDialect()
        case .timeline: nil
        }
    }

    /// The timeline as pretty-printed JSON with sorted keys (secret values are dropped by
    /// `Action.encode`), ending with a newline.
    static func json(_ timeline: ActionTimeline) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(timeline), as: UTF8.self) + "\n"
        } catch {
            throw CodeGenError.encodingFailed(reason: "\(error)")
        }
    }
}
