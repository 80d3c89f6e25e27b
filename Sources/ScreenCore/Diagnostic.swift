/// Something worth telling the user that did not stop the run (the second error channel:
/// only failures that end the run are thrown).
public struct Diagnostic: Sendable, Codable, Equatable, CustomStringConvertible {
    /// How much the user should care.
    public enum Severity: String, Sendable, Codable { case note, warning, error }
    public var severity: Severity
    /// The segment or region the diagnostic concerns, if any.
    public var segment: Int?
    public var message: String
    public init(_ severity: Severity, _ message: String, segment: Int? = nil) {
        self.severity = severity; self.message = message; self.segment = segment
    }
    public var description: String {
        (segment.map { "segment \($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }
}
