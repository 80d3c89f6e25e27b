/// Why an input could not be used. Each case names the file; `description` is the one line the
/// commands print.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case notReadable(path: String, reason: String)
    case empty(path: String)
    case notMedia(path: String, reason: String)
    case noVideoStream(path: String)
    case stillImage(path: String)
    case unsupportedCodec(path: String, codec: String)
    case corrupt(path: String, reason: String)
    case tooLarge(path: String, width: Int, height: Int, limit: String)
    case notAnImage(path: String, reason: String)
    /// A folder given to a batch that holds no file with one of `extensions`.
    case noRecordings(path: String, extensions: [String])

    public var path: String {
        switch self {
        case .notFound(let p), .notReadable(let p, _), .empty(let p), .notMedia(let p, _), .noVideoStream(let p),
             .stillImage(let p), .unsupportedCodec(let p, _), .corrupt(let p, _), .tooLarge(let p, _, _, _),
             .notAnImage(let p, _), .noRecordings(let p, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file"
        case .notReadable(let p, let r): "\(p): cannot be read (\(r))"
        case .empty(let p): "\(p): the file is empty"
        case .notMedia(let p, let r): "\(p): not a video FFmpeg can read (\(r))"
        case .noVideoStream(let p): "\(p): has no video stream (audio only?)"
        case .stillImage(let p): "\(p): is a still image, not a recording"
        case .unsupportedCodec(let p, let c): "\(p): video codec \(c) is not supported by this FFmpeg build"
        case .corrupt(let p, let r): "\(p): corrupt or truncated (\(r))"
        case .tooLarge(let p, let w, let h, let l): "\(p): image is \(w)x\(h), larger than the limit of \(l)"
        case .notAnImage(let p, let r): "\(p): not an image (\(r))"
        case .noRecordings(let p, let e): "\(p): a folder with no recordings in it (looked for \(e.map { "." + $0 }.joined(separator: ", ")))"
        }
    }

    /// The exit code the commands use for this error (see README: 66 missing, 65 bad data).
    public var exitCode: Int32 {
        switch self {
        case .notFound, .notReadable, .noRecordings: 66
        default: 65
        }
    }
}
