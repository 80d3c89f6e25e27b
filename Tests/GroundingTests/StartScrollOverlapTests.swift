import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The mid-session start's scroll search scores each position's screenshot on another task while
/// the page moves on to the next position (LiveGrounder+StartScroll.swift): the same search, the
/// decoding and compares done during the browser's waits.
final class StartScrollOverlapTests: XCTestCase {
    /// Counts screenshots taken and the decodes that saw the next screenshot asked for before
    /// they returned. Invariant: every field is read and written under `lock`.
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var shots = 0, overlapped = 0, decoded = 0
        func with<T>(_ f: (Counter) -> T) -> T { lock.lock(); defer { lock.unlock() }; return f(self) }
    }

    /// A 200-pixel-wide page 2150 pixels tall whose shading changes smoothly down the page (no
    /// two places alike), seen through a 150-pixel viewport scrolled to `y`.
    static func view(_ y: Int) -> Image {
        var img = Image(width: 200, height: 150, format: .gray8)
        for row in 0..<150 {
            let r = Double(row + y)
            for x in 0..<200 {
                let v = 128 + 40 * sin(r / 47) + 30 * sin(r / 131) + 40 * sin(Double(x) / 9 + r / 29)
                img.pixels[row * 200 + x] = UInt8(max(0, min(255, v)))
            }
        }
        return img
    }

    func testEachPositionIsScoredWhileThePageMovesOnToTheNext() async throws {
        let b = FakeBrowser()
        var y = 0.0
        let counter = Counter()
        b.script = { script, args in
            if script.contains("scrollHeight - innerHeight") { return [2000, 150, .number(y)] }
            if script.contains("window.scrollTo(0, arguments[0])") {
                y = (args.first?.double ?? 0).rounded(.down)
                return script.contains("return window.scrollY") ? .number(y) : true
            }
            return nil
        }
        b.shot = {
            let k = counter.with { c -> Int in c.shots += 1; return c.shots }
            return Data("\(k) \(Int(y))".utf8)
        }
        let decode: @Sendable (Data) throws -> Image = { data in
            let parts = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Int($0) }
            // Waits (a little) for the next screenshot: it comes only if this decode is not awaited first.
            let deadline = Date().addingTimeInterval(0.3)
            while counter.with({ $0.shots }) <= parts[0] && Date() < deadline { usleep(2000) }
            counter.with { c in c.decoded += 1; if c.shots > parts[0] { c.overlapped += 1 } }
            return Self.view(parts[1])
        }
        let click = Action(kind: .click, time: 2, endTime: 2.1, target: Target(point: Point(x: 20, y: 20)))
        let t = ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 150), startURL: "http://127.0.0.1:8765/app/", actions: [click])
        let frames = LiveFrames(frames: [(1.8, Self.view(700))], scale: 1)
        let run = Run(options: LiveOptions(settleSeconds: 0.3, environment: [:], secretNames: { _ in [] }), browser: b,
                      frames: frames, decodePNG: decode, timeline: t)
        let found = try await run.startScrollSearch()
        // A position that looks like the video's first frame is found, and the page left there.
        XCTAssertGreaterThan(found?.similarity ?? 0, 0.95, "\(String(describing: found))")
        XCTAssertEqual(y, found?.y ?? -1)
        let c = counter.with { ($0.shots, $0.decoded, $0.overlapped) }
        XCTAssertEqual(c.0, c.1, "every screenshot decoded once")
        // Most were decoded while the next screenshot was already being taken (not the top's nor
        // each batch's last: nothing follows them before their scores are read). Scored one by
        // one before the next position, none would be.
        XCTAssertGreaterThanOrEqual(c.2, c.0 / 2, "decodes overlapped with the next position: \(c)")
    }
}
