/// Why code generation could not run. Each case names the file or directory at fault; `description`
/// is the one line the commands print.
public enum CodeGenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--templates DIR` names something that is not a directory.
    case templatesDirectoryNotFound(path: String)
    /// No directory on the search path holds the template (`file` is e.g. `playwright-python.mustache`).
    case templateNotFound(file: String, searched: [String])
    /// The template file exists but cannot be read as UTF-8 text.
    case templateUnreadable(path: String, reason: String)
    /// The template is not valid Mustache.
    case templateSyntax(path: String, line: Int, column: Int, reason: String)
    /// The timeline could not be encoded as JSON (a non-finite number, for instance).
    case encodingFailed(reason: String)

    public var description: String {
        switch self {
        case .templatesDirectoryNotFound(let p):
            "\(p): templates directory not found"
        case .templateNotFound(let f, let searched):
            "\(f): template not found (searched \(searched.isEmpty ? "nothing" : searched.joined(separator: ", ")))"
        case .templateUnreadable(let p, let r):
            "\(p): template cannot be read (\(r))"
        case .templateSyntax(let p, let line, let column, let r):
            "\(p):\(line):\(column): template syntax error (\(r))"
        case .encodingFailed(let r):
            "timeline: cannot be encoded as JSON (\(r))"
        }
    }
}
