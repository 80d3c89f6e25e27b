import Foundation
import ScreenCore
import XCTest
@testable import Browser
@testable import Vid2AutoKit

final class LiveStageTests: XCTestCase {
    /// A recording whose viewport is larger than the browser can take stops before the video is
    /// read or a browser started, with one line and exit code 69.
    func testAViewportLargerThanTheBrowserCanTakeIsOneLineAndNonZeroExit() async throws {
        let t = ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 9000, height: 5000), startURL: "http://127.0.0.1:1/",
                               actions: [Action(kind: .click, time: 1, target: Target(point: Point(x: 5, y: 5)))])
        do {
            _ = try await LiveStage.ground(t, path: "/nonexistent/huge.mp4", settings: LiveSettings())
            XCTFail("no error")
        } catch {
            let (line, code) = Vid2AutoKit.describe(error)
            XCTAssertEqual(code, 69)
            XCTAssertFalse(line.contains("\n"))
            XCTAssertTrue(line.contains("9000×5000") && line.contains("larger than the browser can take"), line)
        }
    }

    func testNoViewportIsOneLineNamingTheFile() async throws {
        let t = ActionTimeline(startURL: "http://127.0.0.1:1/", actions: [])
        do {
            _ = try await LiveStage.ground(t, path: "clip.mp4", settings: LiveSettings())
            XCTFail("no error")
        } catch {
            let (line, code) = Vid2AutoKit.describe(error)
            XCTAssertEqual(code, 69)
            XCTAssertTrue(line.contains("clip.mp4"), line)
        }
    }

    /// The browser starts while the video is decoded: a recording that cannot be decoded is still
    /// one line naming the file, and the session started beside the decode is closed (no driver
    /// left registered, so no chromedriver or Chromium process outlives the call).
    func testAnUndecodableRecordingClosesTheBrowserStartedBesideItsDecode() async throws {
        let options = BrowserOptions()
        try requireBrowser(options)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("live-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("truncated.mp4").path
        try Data([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]).write(to: URL(fileURLWithPath: bad))
        let t = ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 800, height: 600), startURL: "http://127.0.0.1:1/",
                               actions: [Action(kind: .click, time: 1, target: Target(point: Point(x: 5, y: 5)))])
        let before = Set(DriverRegistry.pids)
        do {
            _ = try await LiveStage.ground(t, path: bad, settings: LiveSettings())
            XCTFail("no error")
        } catch {
            let (line, code) = Vid2AutoKit.describe(error)
            XCTAssertNotEqual(code, 0)
            XCTAssertFalse(line.contains("\n"))
            XCTAssertTrue(line.contains("truncated.mp4"), line)
        }
        XCTAssertEqual(Set(DriverRegistry.pids), before, "a driver outlived the failed call")
    }
}
