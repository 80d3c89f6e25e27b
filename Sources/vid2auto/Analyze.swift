import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto RECORDING`: analyse a recording and write a script.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze",
        abstract: "Analyse a recording and generate a script (the default command).")

    @Argument(help: "The recording.") var file: String
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?
    @Option(help: "What to generate.") var target: String = "playwright-python"

    func run() async throws {
        do {
            _ = try RecordingInspector.probe(path: file)
            throw ExitCode(70)
        } catch let e as ExitCode {
            FileHandle.standardError.write(Data("vid2auto: \(file): analysis is not available in this build yet\n".utf8))
            throw e
        } catch { throw fail(error) }
    }
}
