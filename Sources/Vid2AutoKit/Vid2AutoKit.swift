import Browser
import CodeGen
import Foundation
import Grounding
import Media
import OCR
import ScreenCore
import Swarm

/// The assembly point of the vid2auto pipeline and the helpers its command needs.
public enum Vid2AutoKit {
    /// One line and an exit code for any error a command can meet (codes documented in README).
    public static func describe(_ error: any Error) -> (String, Int32) {
        switch error {
        case let e as InputError: return (e.description, e.exitCode)
        case let e as OutputError: return (e.description, 73)
        case let e as CodeGenError:
            if case .templatesDirectoryNotFound = e { return (e.description, 66) }
            return (e.description, 70)
        case let e as UsageError: return (e.description, 64)
        case let e as AnalysisError: return (e.description, 69)
        case let e as ModelEndpointError: return (e.description, 69)
        case let e as LiveError: return ("live: \(e.description)", 69)
        case let e as BrowserError: return ("live: \(e.description)", 69)
        case is CancellationError: return ("cancelled", 130)
        default: return ("\(error)", 70)
        }
    }

    /// Pretty-printed, key-sorted JSON.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }

    /// A human-readable summary of a recording's metadata.
    public static func describe(_ i: MediaInfo) -> String {
        """
        file:        \(i.path)
        container:   \(i.container)
        codec:       \(i.codec)
        size:        \(i.width)x\(i.height)\(i.rotation != 0 ? " (displayed \(i.displayWidth)x\(i.displayHeight))" : "")
        duration:    \(String(format: "%.3f", i.duration)) s
        frame rate:  \(String(format: "%.3f", i.frameRate)) fps\(i.variableFrameRate ? " (variable)" : "")
        frames:      \(i.frameCount)
        rotation:    \(i.rotation)°
        """
    }
}

extension Vid2AutoKit {
    /// Every output `vid2auto RECORDING --target T` knows.
    public static let targets = ScriptTarget.allCases.map(\.rawValue)

    /// Analyses the recording at `path` and renders it as `target` through CodeGen's templates.
    /// The templates are located before the analysis starts, so a bad `--templates DIR` fails fast.
    public static func analyse(path: String, target: String, options: AnalysisOptions = AnalysisOptions(),
                               templates: String? = nil, assertions: Bool = true) async throws -> String {
        try await analyseReporting(path: path, target: target, options: options, templates: templates, assertions: assertions).text
    }

    /// Like `analyse`, with the run's diagnostics (segments skipped, readings doubted) beside the text.
    public static func analyseReporting(path: String, target: String, options: AnalysisOptions = AnalysisOptions(),
                                        templates: String? = nil, assertions: Bool = true) async throws
        -> (text: String, diagnostics: [Diagnostic]) {
        let g = try await generate(path: path, target: target, options: options, templates: templates, assertions: assertions)
        return (g.text, g.diagnostics)
    }
}

/// A request the command cannot serve (exit 64).
public enum UsageError: Error, Sendable, CustomStringConvertible {
    case unsupportedTarget(String)
    /// `--shard`/`--shards` and the Kubernetes environment do not name one shard; the reason.
    case shard(String)
    public var description: String {
        switch self {
        case .unsupportedTarget(let t): "unsupported target '\(t)' (choose one of: \(Vid2AutoKit.targets.joined(separator: ", ")))"
        case .shard(let why): why
        }
    }
}

extension Vid2AutoKit {
    /// Renders a saved action timeline (`--target timeline` output, possibly edited) as `target`:
    /// the last stage on its own, so a timeline grounded once can become every script.
    public static func render(timelineAt path: String, target: String, templates: String? = nil, assertions: Bool = true) throws -> String {
        guard let scriptTarget = ScriptTarget(rawValue: target) else { throw UsageError.unsupportedTarget(target) }
        let timeline = try loadTimeline(at: path)
        let renderer = try ScriptRenderer(options: RenderOptions(assertions: assertions, templatesDirectory: templates))
        let text = try renderer.render(timeline, target: scriptTarget).text
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// A saved action timeline (`--target timeline` output).
    /// - Throws: `InputError` for a missing, unreadable, empty or corrupt file, or a newer format.
    static func loadTimeline(at path: String) throws -> ActionTimeline {
        guard FileManager.default.fileExists(atPath: path) else { throw InputError.notFound(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError.notReadable(path: path, reason: (error as NSError).localizedDescription)
        }
        if data.isEmpty { throw InputError.empty(path: path) }
        let timeline: ActionTimeline
        do { timeline = try JSONDecoder().decode(ActionTimeline.self, from: data) } catch {
            throw InputError.corrupt(path: path, reason: "not an action timeline (\(Self.decodingProblem(error)))")
        }
        guard timeline.version <= ActionTimeline.formatVersion else {
            throw InputError.corrupt(path: path, reason: "timeline format \(timeline.version) is newer than this vid2auto reads (\(ActionTimeline.formatVersion))")
        }
        return timeline
    }

    static func decodingProblem(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        case DecodingError.keyNotFound(let k, _): return "missing \"\(k.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        default: return "\(error)"
        }
    }
}
