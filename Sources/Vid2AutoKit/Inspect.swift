import Foundation
import Media
import ScreenCore

/// `vid2auto probe` and `vid2auto frames`: looking inside a recording.
public enum RecordingInspector {
    /// The recording's metadata (see `MediaInfo`).
    public static func probe(path: String) throws -> MediaInfo { try Probe.probe(path: path) }

    /// Options for `extractFrames`.
    public struct FrameExport: Sendable {
        public var fps: Double?
        public var start: Double
        public var end: Double?
        public var width: Int?
        public var gray: Bool
        public init(fps: Double? = 2, start: Double = 0, end: Double? = nil, width: Int? = nil, gray: Bool = false) {
            self.fps = fps; self.start = start; self.end = end; self.width = width; self.gray = gray
        }
    }

    /// Writes the sampled frames of `path` as PNG files into `directory`
    /// (`frame-NNNNN-tSSSS.mmm.png`), calling `progress` after each. Returns the files written
    /// (their would-be names when `directory` is nil: decode only, for benchmarks) and the
    /// decoder's diagnostics.
    public static func extractFrames(path: String, to directory: String?, options: FrameExport,
                                     progress: (Int, Double) -> Void = { _, _ in }) async throws -> (files: [String], diagnostics: [Diagnostic]) {
        let info = try Probe.probe(path: path)
        if let directory {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw OutputError.cannotWrite(path: directory, reason: (error as NSError).localizedDescription)
            }
        }
        let rendition = Rendition(width: options.width, format: options.gray ? .gray8 : .rgb24)
        let reader = try VideoReader(path: path, renditions: [rendition],
                                     sampling: FrameSampling(fps: options.fps, start: options.start, end: options.end))
        var files: [String] = []
        while let frame = try reader.next() {
            let name = String(format: "frame-%05d-t%08.3f.png", frame.index, frame.time)
            guard let directory else { files.append(name); progress(files.count, 0); continue }
            let out = (directory as NSString).appendingPathComponent(name)
            do { try PNG.write(frame.images[0], to: out) }
            catch { throw OutputError.cannotWrite(path: out, reason: "\(error)") }
            files.append(out)
            progress(files.count, info.duration > 0 ? min(1, frame.time / info.duration) : 0)
        }
        return (files, reader.diagnostics)
    }
}

/// Failure to write the output the user asked for.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    public var description: String {
        switch self { case .cannotWrite(let p, let r): "\(p): cannot write (\(r))" }
    }
}
