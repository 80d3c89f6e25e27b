import Browser
import Foundation
@testable import Grounding
import ScreenCore
import XCTest

/// The driver round trips of a rendered value (session 29, docs/performance.md): a value search
/// renders a few dozen values per field, each one `type()` and a settle or a short rest.
final class TypingRoundTripsTests: XCTestCase {
    private func run(_ b: FakeBrowser, settleSeconds: Double = 0) -> Run {
        Run(options: LiveOptions(settleSeconds: settleSeconds, secretNames: { _ in [] }), browser: b,
            frames: LiveFrames(frames: [], scale: 1), decodePNG: { _ in Image(width: 1, height: 1, format: .gray8) },
            timeline: ActionTimeline(viewport: Viewport(x: 0, y: 0, width: 200, height: 120), actions: []))
    }

    /// Replacing a field's text is one key command: select all, delete, the characters, in that
    /// order (it was two: the clear, then the text).
    func testAValueIsTypedWithOneKeyCommand() async throws {
        let b = FakeBrowser()
        var sent: [[Key]] = []
        b.onKeys = { sent.append($0) }
        let r = run(b)
        try await r.type("Ines Duarte", ElementHandle(id: "e1"))
        XCTAssertEqual(sent, [[.chord(modifiers: [.control], key: "a"), .backspace, .text("Ines Duarte")]])
        XCTAssertEqual(b.typed, ["Ines Duarte"])
        sent = []
        try await r.type("", ElementHandle(id: "e1"))
        XCTAssertEqual(sent, [[.chord(modifiers: [.control], key: "a"), .backspace]], "an empty value only clears")
        XCTAssertEqual(Run.replacingKeys("x"), [.chord(modifiers: [.control], key: "a"), .backspace, .text("x")])
    }

    /// `settle()` polls the page as `settle(from:)` does and asks for no state before its first
    /// rest: a caller that only settles needs no `page.state()` call of its own.
    func testSettleWithoutAStateBeforeMakesTheSamePolls() async throws {
        for changes in [0, 2] {
            var counts: [Int] = []
            for withState in [false, true] {
                let b = FakeBrowser()
                let r = run(b, settleSeconds: 5)
                let state = withState ? try await r.page.state() : nil
                var calls = 0
                b.script = { script, _ in
                    guard (script.split(separator: "\n").last.map(String.init) ?? "").contains("__screenwright.state") else { return nil }
                    calls += 1
                    // The page changes for its first `changes` polls, then holds still.
                    if calls <= changes { b.stateVersion += 1 }
                    return nil
                }
                let settled: PageState
                if let state { settled = try await r.settle(from: state) } else { settled = try await r.settle() }
                XCTAssertEqual(settled.domSize, 100 + b.stateVersion)
                counts.append(calls)
            }
            XCTAssertEqual(counts[0], counts[1], "the same polls with and without a state before")
            XCTAssertEqual(counts[0], changes == 0 ? 2 : 3)
        }
    }
}
