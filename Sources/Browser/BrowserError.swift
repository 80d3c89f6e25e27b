/// Why a browser session could not start or a command failed.
///
/// Everything a caller may want to act on is an associated value; `description` is the one line
/// the commands print.
public enum BrowserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A program is missing; `debianPackage` is what to install.
    case notInstalled(program: String, debianPackage: String)
    /// chromedriver or Chromium did not come up (the reason includes the driver's own output).
    case driverFailedToStart(String)
    /// The driver's HTTP endpoint could not be reached.
    case unreachable(url: String, reason: String)
    /// The driver answered with a W3C error (`{"value": {"error", "message"}}`); `message` is its
    /// first line, without the session-info and stack trace noise chromedriver appends.
    case webDriver(command: String, error: String, message: String)
    /// A command got no answer within `seconds`.
    case timeout(command: String, seconds: Double)
    /// The driver process exited while the session was in use (or the session was closed).
    case driverGone(String)

    public var description: String {
        switch self {
        case .notInstalled(let program, let package):
            "\(program) is not installed (apt install \(package))"
        case .driverFailedToStart(let reason):
            "the browser did not start: \(reason)"
        case .unreachable(let url, let reason):
            "cannot reach chromedriver at \(url): \(reason)"
        case .webDriver(let command, let error, let message):
            "\(command) failed: \(error): \(message)"
        case .timeout(let command, let seconds):
            "\(command) got no answer within \(Self.format(seconds)) s"
        case .driverGone(let reason):
            "the browser is gone: \(reason)"
        }
    }

    private static func format(_ s: Double) -> String {
        s.rounded() == s ? String(Int(s)) : String(format: "%.2f", s)
    }
}

import Foundation
