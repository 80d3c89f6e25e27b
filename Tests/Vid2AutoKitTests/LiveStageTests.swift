import Foundation
import ScreenCore
import XCTest
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
}
