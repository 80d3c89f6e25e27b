import ArgumentParser
import CodeGen
import Foundation
import Mockup2CodeKit
import Swarm

extension MockupTarget: ExpressibleByArgument {}

/// `mockup2code DESIGN` (the default `convert`) and `mockup2code diff DESIGN PAGE`.
@main
struct Mockup2CodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mockup2code",
        abstract: "Turn a UI design image (PNG, JPEG, WebP) into HTML/CSS, Tailwind, React or Vue code.",
        subcommands: [Convert.self, Diff.self], defaultSubcommand: Convert.self)

}

/// `mockup2code DESIGN`: a UI design image becomes HTML/CSS, Tailwind, React or Vue code, offline.
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Turn a UI design image into code (the default command: `mockup2code DESIGN` = `mockup2code convert DESIGN`).")

    @Argument(help: "The design image.") var file: String
    @Option(name: .shortAndLong, help: "What to generate: \(MockupTarget.allCases.map(\.rawValue).joined(separator: ", ")).")
    var target: MockupTarget = .html
    @Option(name: .shortAndLong, help: "Output file (React also writes <stem>.css beside it). Default: standard output.")
    var output: String?
    @Option(name: .long, help: "Also write the intermediate UI document (JSON) to this file.")
    var document: String?
    @Option(name: .long, help: "Directory holding the mockup-*.mustache templates.")
    var templates: String?
    @Option(name: .long, help: "Sub-agents analysing regions at once.")
    var agents: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    @Flag(name: .long, help: "Do not render the page to compare it with the design and correct it.")
    var noRefine = false
    @Option(name: .long, help: "Refinement rounds after the first render (0–10; stops earlier when the score stops improving).")
    var rounds: Int = 3
    @Flag(name: .shortAndLong, help: "Print timing, regions and diagnostics to standard error.")
    var verbose = false
    @Option(help: "A remote multimodal model (OpenAI-compatible) for the regions, e.g. kimi-k2.5; default: VID2AUTO_MODEL_NAME, else none.")
    var model: String?
    @Option(help: "Its API base, e.g. https://api.moonshot.ai/v1 (default: VID2AUTO_MODEL_URL). Key: VID2AUTO_MODEL_KEY.")
    var apiBase: String?
    @Flag(help: "Send every region to the remote model (default: only those the embedded pass doubts).")
    var modelAll = false
    @Option(help: "Requests to the model in flight at once (default 8).") var maxRequests: Int?
    @Flag(help: "Do not read or write the model's response cache.") var noCache = false

    func validate() throws {
        guard (1...100).contains(agents) else { throw ValidationError("--agents must be between 1 and 100") }
        if file.isEmpty { throw ValidationError("the design file name is empty") }
        guard (0...10).contains(rounds) else { throw ValidationError("--rounds must be between 0 and 10") }
        if let n = maxRequests, !(1...1000).contains(n) { throw ValidationError("--max-requests must be between 1 and 1000") }
        _ = try remote()
    }

    /// The remote model the flags and the environment configure (flags win; nil: none).
    func remote() throws -> RemoteModelConfig? {
        do {
            return try RemoteModelConfig.resolve(model: model, apiBase: apiBase, sendAll: modelAll, maxRequests: maxRequests,
                                                 requestTimeout: nil, noCache: noCache, priceInput: nil, priceOutput: nil)
        } catch let e as RemoteModelConfig.ConfigError { throw ValidationError(e.description) }
    }

    func run() async throws {
        let req = ConversionRequest(path: file, target: target, output: output, documentOutput: document,
                                    templatesDirectory: templates,
                                    options: MockupOptions(agents: agents, refine: !noRefine, rounds: rounds, remote: try remote()))
        do {
            let result = try await Mockup2Code.convert(req)
            if output == nil { FileHandle.standardOutput.write(Data(result.artifact.text.utf8)) }
            if let skipped = result.analysis.document.refinement?.skipped {
                FileHandle.standardError.write(Data("mockup2code: \(file): \(skipped)\n".utf8))
            }
            if verbose {
                let a = result.analysis
                var lines = [String(format: "mockup2code: %@: %dx%d, %d regions, %d nodes, %.2f s analysis, critical steps %d of %d",
                                    file, a.document.width, a.document.height, a.regions, a.document.allNodes.count,
                                    a.seconds, a.ledger.criticalSteps, a.ledger.totalSteps)]
                lines += a.accessibility.lines.map { "mockup2code: \(file): \($0)" }
                if let r = a.document.refinement {
                    lines += r.rounds.map {
                        String(format: "mockup2code: refinement round %d: score %.4f (visual %.4f, position %.4f, wrapping %.4f), %d corrections%@",
                               $0.round, $0.score, $0.visual, $0.position, $0.wrapping, $0.corrections, $0.kept ? "" : ", not kept")
                    }
                    if let s = r.seconds { lines.append(String(format: "mockup2code: refinement %.2f s", s)) }
                }
                lines += a.document.diagnostics.map { "mockup2code: \(file): \($0)" }
                lines += result.written.map { "mockup2code: wrote \($0)" }
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        } catch {
            let (message, code) = Mockup2Code.describe(error)
            let line = message.hasPrefix(file) ? message : "\(file): \(message)"
            FileHandle.standardError.write(Data("mockup2code: \(line)\n".utf8))
            throw ExitCode(code)
        }
    }
}

/// `mockup2code diff DESIGN PAGE`: where a page drifted from its design.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a page (HTML file, URL or screenshot) with its design: moved, resized, recoloured, missing and extra elements, with CSS fixes.")

    @Argument(help: "The design image.") var design: String
    @Argument(help: "The page: an HTML file, an http(s):// or file:// address, or a screenshot (PNG, JPEG…).") var page: String
    @Option(name: .long, help: "Write the report as JSON to this file ('-' for standard output instead of the text summary).")
    var json: String?
    @Option(name: .long, help: "Write an annotated side-by-side PNG (design left, page right) to this file.")
    var image: String?
    @Option(name: .long, help: "Sub-agents analysing regions at once.")
    var agents: Int = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)

    func validate() throws {
        guard (1...100).contains(agents) else { throw ValidationError("--agents must be between 1 and 100") }
        if design.isEmpty || page.isEmpty { throw ValidationError("a file name is empty") }
    }

    func run() async throws {
        let req = DiffRequest(design: design, page: page, json: json == "-" ? nil : json, picture: image,
                              options: MockupOptions(agents: agents, refine: false))
        do {
            let report = try await Mockup2Code.diff(req)
            if json == "-" {
                FileHandle.standardOutput.write(Data((try Mockup2Code.json(report) + "\n").utf8))
            } else {
                FileHandle.standardOutput.write(Data((Mockup2Code.summary(report).joined(separator: "\n") + "\n").utf8))
            }
        } catch {
            let (message, code) = Mockup2Code.describe(error)
            FileHandle.standardError.write(Data("mockup2code diff: \(message)\n".utf8))
            throw ExitCode(code)
        }
    }
}
