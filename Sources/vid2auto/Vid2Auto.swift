import ArgumentParser
import Foundation
import Vid2AutoKit

/// `vid2auto`: a screen recording of a browser becomes a runnable automation script.
@main
struct Vid2Auto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vid2auto",
        abstract: "Turn a screen recording of a web app into a browser-automation script.",
        subcommands: [Analyze.self, BatchCommand.self, ReportCommand.self, RenderCommand.self, ProbeCommand.self, FramesCommand.self],
        defaultSubcommand: Analyze.self)

}

/// Maps kit errors to one stderr line and the documented exit codes.
func fail(_ error: any Error) -> ExitCode {
    let (message, code) = Vid2AutoKit.describe(error)
    FileHandle.standardError.write(Data("vid2auto: \(message)\n".utf8))
    return ExitCode(code)
}
