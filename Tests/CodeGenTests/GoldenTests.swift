import CodeGen
import Foundation
import XCTest

/// Every target rendered from every sample timeline, compared with the files in `__Golden__/`.
/// `RECORD_GOLDENS=1 swift test --filter GoldenTests` rewrites them and fails, so a recording run is
/// never mistaken for a passing one.
final class GoldenTests: XCTestCase {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Golden__").path
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    func testEveryTargetMatchesItsGoldenFile() throws {
        let renderer = try ScriptRenderer(options: RenderOptions())
        var recorded: [String] = []
        for (name, timeline) in SampleTimelines.all {
            for target in ScriptTarget.allCases {
                let artifact = try renderer.render(timeline, target: target)
                let file = "\(name).\(target.rawValue).\(artifact.suggestedFileExtension)"
                let path = (Self.goldenDirectory as NSString).appendingPathComponent(file)
                if Self.recording {
                    try FileManager.default.createDirectory(atPath: Self.goldenDirectory, withIntermediateDirectories: true)
                    try artifact.text.write(toFile: path, atomically: true, encoding: .utf8)
                    recorded.append(file)
                    continue
                }
                guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
                    XCTFail("\(file): no golden file; run with RECORD_GOLDENS=1 to create it")
                    continue
                }
                if artifact.text != expected {
                    XCTFail("\(file) differs from its golden file:\n\(Self.firstDifference(expected, artifact.text))")
                }
            }
        }
        if Self.recording { XCTFail("Recorded \(recorded.count) golden files; unset RECORD_GOLDENS and run again") }
    }

    /// The first differing line, with its number, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : "<end>", r = i < y.count ? y[i] : "<end>"
            if l != r { return "line \(i + 1):\n  golden: \(l)\n  actual: \(r)" }
        }
        return "(same lines, different line endings)"
    }
}
