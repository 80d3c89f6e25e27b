import ArgumentParser
import CodeGen
import Foundation
import Mockup2CodeKit

extension MockupTarget: ExpressibleByArgument {}

/// `mockup2code DESIGN`: a UI design image becomes HTML/CSS, Tailwind, React or Vue code, offline.
@main
struct Mockup2CodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mockup2code",
        abstract: "Turn a UI design image (PNG, JPEG, WebP) into HTML/CSS, Tailwind, React or Vue code.")

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
    @Flag(name: .shortAndLong, help: "Print timing, regions and diagnostics to standard error.")
    var verbose = false

    static func main() async {
        Mockup2Code.prepareProcess()
        await Self.main(nil)
    }

    func validate() throws {
        guard (1...100).contains(agents) else { throw ValidationError("--agents must be between 1 and 100") }
        if file.isEmpty { throw ValidationError("the design file name is empty") }
    }

    func run() async throws {
        let req = ConversionRequest(path: file, target: target, output: output, documentOutput: document,
                                    templatesDirectory: templates, options: MockupOptions(agents: agents))
        do {
            let result = try await Mockup2Code.convert(req)
            if output == nil { FileHandle.standardOutput.write(Data(result.artifact.text.utf8)) }
            if verbose {
                let a = result.analysis
                var lines = [String(format: "mockup2code: %@: %dx%d, %d regions, %d nodes, %.2f s analysis, critical steps %d of %d",
                                    file, a.document.width, a.document.height, a.regions, a.document.allNodes.count,
                                    a.seconds, a.ledger.criticalSteps, a.ledger.totalSteps)]
                lines += a.accessibility.lines.map { "mockup2code: \(file): \($0)" }
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
