import CodeGen
import Foundation
import Media
import ScreenCore
import TestSupport
import XCTest
@testable import Report

/// The review report: hostile on-screen text stays text, the script's data stays data, the
/// evidence pass decodes only what it is asked for, and crops mark where the action was.
final class ReportTests: XCTestCase {
    static let hostile = "\"'</script><img src=x onerror=alert(1)>{{x}}&amp;\u{2028}\u{2029}<!--"

    func hostileDocument() -> ReportDocument {
        let h = Self.hostile
        let action = Action(kind: .fill, time: 1, endTime: 2,
                            target: Target(role: .textbox, name: h, text: h, label: h, placeholder: h, context: h,
                                           box: Box(x: 10, y: 10, width: 100, height: 30), point: Point(x: 20, y: 20)),
                            value: .text(h), confidence: 0.4, evidence: [1, 2], navigatesTo: "javascript:alert(1)//" + h,
                            appeared: [h])
        let img = ReportImage(width: 2, height: 2, png: (try? PNG.encode(Image(width: 2, height: 2, format: .gray8))) ?? Data())
        let frame = ReportFrame(time: 1, image: img, marks: [.point(x: 1, y: 1)])
        let step = ReportStep(number: 1, action: action, title: ReviewReport.title(action, startURL: nil),
                              lines: ["page.fill(\(h))"], firstLine: 3, before: frame, after: frame,
                              rationale: ReviewReport.rationale(action, index: 0, startURL: nil), notes: [h],
                              grounding: ReportGrounding(status: h, locators: [h], similarity: 0.5, corrections: [h], note: h),
                              liveScreenshot: img)
        let swarm = SwarmReport(segments: 1, agents: 1, totalSteps: 3, criticalSteps: 3, wallSeconds: 1,
                                cuts: [Cut(time: 0.5, reason: h)],
                                timing: SwarmTiming(stages: [.init(name: "plan", start: 0, end: 0.2)],
                                                    segments: [.init(segment: 0, agent: 0, start: 0.2, end: 0.9, videoStart: 0, videoEnd: 3)]))
        return ReportDocument(title: h + ".mp4", source: nil, target: "playwright-python", startURL: h, steps: [step],
                              diagnostics: [Diagnostic(.warning, h, segment: 0)], strip: [frame], swarm: swarm, script: h)
    }

    func testHostileScreenTextIsEscapedEverywhere() throws {
        let html = ReportPage.html(hostileDocument())
        // Only the page's own two scripts open and close.
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: "</script>").count - 1, 2)
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertFalse(html.contains("<!--"))
        XCTAssertFalse(html.contains("javascript:alert(1)//\""), "an attribute must not be closed by data")
        XCTAssertFalse(html.contains("href=\"javascript"))
        // No event handler attribute at all (the page's script uses addEventListener).
        // (Attribute values are blanked first: escaped text inside a quoted title is no handler.)
        let unquoted = html.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
        XCTAssertNil(unquoted.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression))
        XCTAssertTrue(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&#123;&#123;x&#125;&#125;&amp;amp;"))
        // The JSON for the script: no raw <, >, & or line separators.
        let start = try XCTUnwrap(html.range(of: "<script type=\"application/json\" id=\"report-data\">"))
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] { XCTAssertFalse(json.contains(bad), "raw \(bad) in \(json)") }
        XCTAssertTrue(json.contains("\\u003c\\/script\\u003e") || json.contains("\\u003c/script\\u003e"), json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let steps = try XCTUnwrap(decoded?["steps"] as? [[String: Any]])
        XCTAssertTrue((steps[0]["title"] as? String)?.contains(Self.hostile) ?? false)
    }

    func testScriptJSONEscapesWhatCouldEndOrBreakTheScript() throws {
        XCTAssertEqual(try HTML.scriptJSON(["a": "</script>&\u{2028}\u{2029}"]),
                       #"{"a":"\u003c\/script\u003e\u0026\u2028\u2029"}"#.replacingOccurrences(of: "\\/", with: try HTML.scriptJSON("/").contains("\\/") ? "\\/" : "/"))
        XCTAssertEqual(HTML.escape("a\u{0}b\u{7}<\n"), "a\u{FFFD}b\u{FFFD}&lt;\n")
    }

    func testTheScriptHashInThePolicyMatchesTheScript() throws {
        // The browser runs the one inline script only when its hash is the policy's; the harness
        // checks the hash itself (test_report.py), this that the policy names one.
        XCTAssertTrue(ReportPage.contentSecurityPolicy.contains("script-src 'sha256-"))
        XCTAssertFalse(ReportPage.contentSecurityPolicy.contains("unsafe-inline'; script") && ReportPage.contentSecurityPolicy.contains("script-src 'unsafe-inline"))
        XCTAssertTrue(ReportPage.contentSecurityPolicy.contains("default-src 'none'"))
    }

    func testASwarmWithoutTimingsSaysSo() {
        var doc = hostileDocument()
        doc.swarm?.timing = nil
        XCTAssertTrue(ReportPage.html(doc).contains("No per-agent timings"))
        doc.swarm = nil
        XCTAssertTrue(ReportPage.html(doc).contains("no swarm section"))
    }

    func testCropsFitAndMarkThePointerAndTheBox() throws {
        let info = MediaInfo(path: "x.mp4", container: "mp4", codec: "h264", width: 1280, height: 800, duration: 10,
                             frameRate: 30, frameCount: 300, rotation: 0, variableFrameRate: false)
        let g = Geometry(info: info, viewport: Viewport(x: 0, y: 80, width: 1280, height: 720))
        let frame = Image(width: 1280, height: 800, format: .rgb24, filledWith: 200)
        let target = Target(box: Box(x: 600, y: 300, width: 100, height: 40), point: Point(x: 650, y: 320))
        let f = try XCTUnwrap(g.crop(frame, around: target, time: 1, maxWidth: 440, maxHeight: 260))
        XCTAssertLessThanOrEqual(f.image.width, 440); XCTAssertLessThanOrEqual(f.image.height, 260)
        var sawPoint = false
        for m in f.marks {
            switch m {
            case let .point(x, y):
                sawPoint = true
                XCTAssertEqual(x, Double(f.image.width) / 2, accuracy: 2); XCTAssertEqual(y, Double(f.image.height) / 2, accuracy: 2)
            case let .box(x, y, w, h):
                XCTAssertGreaterThan(x, 0); XCTAssertGreaterThan(y, 0)
                XCTAssertLessThan(x + w, Double(f.image.width)); XCTAssertLessThan(y + h, Double(f.image.height))
            }
        }
        XCTAssertTrue(sawPoint)
        // No place: the whole viewport, scaled down.
        let whole = try XCTUnwrap(g.crop(frame, around: nil, time: 1, maxWidth: 440, maxHeight: 260))
        XCTAssertEqual(whole.image.width, 440); XCTAssertTrue(whole.marks.isEmpty)
    }

    func testTheEvidencePassDecodesTheFramesAskedFor() async throws {
        let path = MediaFixtures.repoRoot + "/samples/recordings/todo-quick-add.mp4"
        let info = try Probe.probe(path: path)
        let times = [0, 2.5, 2.51, 7.9, info.duration + 5]
        let frames = try await EvidencePass.frames(path: path, info: info, times: times)
        XCTAssertEqual(Set(frames.keys), Set(times))
        for (_, img) in frames {
            XCTAssertEqual(img.width, min(1280, info.displayWidth))
            XCTAssertEqual(img.format, .rgb24)
        }
        XCTAssertNotEqual(frames[0], frames[7.9], "frames far apart differ")
    }

    func testStripSlotsPreferFramesDecodedAnyway() {
        let slots = ReviewReport.stripSlots(duration: 12, wanted: [1.1, 5], count: 6, keyframes: [0, 8.3])
        XCTAssertEqual(slots.count, 6)
        XCTAssertEqual(slots[0], 1.1); XCTAssertEqual(slots[2], 5); XCTAssertEqual(slots[4], 8.3)
        XCTAssertEqual(slots, slots.sorted())
    }

    func testStepsMapToTheScriptLinesTheyProduced() throws {
        let timeline = ActionTimeline(
            viewport: Viewport(x: 0, y: 80, width: 1280, height: 720), startURL: "http://127.0.0.1:8765/todo/",
            actions: [
                Action(kind: .fill, time: 1, endTime: 2, target: Target(role: .textbox, placeholder: "What needs doing?"),
                       value: .text("Buy \(Self.hostile)")),
                Action(kind: .press, time: 3, target: Target(role: .textbox, placeholder: "What needs doing?"), value: .text("Enter"),
                       appeared: ["1 item left"]),
                Action(kind: .click, time: 4, target: Target(role: .button, text: "Clear"), navigatesTo: "http://127.0.0.1:8765/todo/#done"),
            ])
        let renderer = try ScriptRenderer()
        for target in ScriptTarget.allCases {
            let (artifact, steps) = try renderer.renderSteps(timeline, target: target)
            let lines = artifact.text.components(separatedBy: "\n")
            let forActions = steps.filter { $0.actionIndex != nil }
            XCTAssertEqual(forActions.map(\.actionIndex), [0, 1, 2], "\(target)")
            for s in steps {
                XCTAssertFalse(s.lines.isEmpty, "\(target) step \(s.number)")
                guard let first = s.firstLine else { XCTAssertEqual(target, .timeline); continue }
                XCTAssertEqual(Array(lines[(first - 1)..<(first - 1 + s.lines.count)]), s.lines, "\(target) step \(s.number)")
                XCTAssertTrue(s.lines[0].contains("\(s.number)."), "\(target): \(s.lines[0])")
            }
        }
    }
}
