import CodeGen
import Foundation
import Media
import OCR
import DesignLayout
import ScreenCore
import XCTest
@testable import Mockup2CodeKit
import Swarm
import TestSupport

/// The analyser end to end on synthetic designs: element detection with a fake reader, and the
/// real Tesseract pool on rendered text.
final class AnalysisTests: XCTestCase {
    func analyse(_ c: Canvas, text: String = "Hello", confidence: Double = 95) async -> UIDocument {
        await Mockup2Code.analyse(c.image, reader: FakeReader(text: text, confidence: confidence),
                                  options: MockupOptions(agents: 2)).document
    }

    func nodes(_ d: UIDocument, _ k: UINodeKind) -> [UINode] { d.allNodes.filter { $0.kind == k } }

    func testButtonInputCheckboxDividerAndImage() async {
        var c = Canvas(width: 400, height: 300)
        // A filled button with a one-line label.
        c.fill(PixelRect(x: 20, y: 20, width: 120, height: 36), RGB(37, 99, 235))
        c.fakeText(x: 50, y: 32, words: 2, height: 12, RGB(255, 255, 255))
        // An empty text field.
        c.frame(PixelRect(x: 20, y: 80, width: 260, height: 40), RGB(209, 213, 219))
        // A checkbox.
        c.frame(PixelRect(x: 20, y: 140, width: 16, height: 16), RGB(156, 163, 175))
        // A rule.
        c.fill(PixelRect(x: 20, y: 180, width: 360, height: 1), RGB(229, 231, 235))
        // A "photo": noise of many colours.
        var seed: UInt32 = 7
        for y in 200..<290 { for x in 200..<380 {
            seed = seed &* 1_103_515_245 &+ 12345
            c.fill(PixelRect(x: x, y: y, width: 1, height: 1), RGB(UInt8(seed >> 24), UInt8((seed >> 16) & 255), UInt8((seed >> 8) & 255)))
        } }
        let d = await analyse(c, text: "Sign up")
        let button = nodes(d, .button).first
        XCTAssertEqual(button?.text, "Sign up")
        XCTAssertEqual(button?.style.background, RGB(37, 99, 235))
        XCTAssertEqual(nodes(d, .input).count, 1)
        XCTAssertEqual(nodes(d, .input).first?.style.border?.color, RGB(209, 213, 219))
        XCTAssertEqual(nodes(d, .checkbox).count, 1)
        XCTAssertEqual(nodes(d, .divider).count, 1)
        let img = nodes(d, .image).first
        XCTAssertEqual(img?.box, PixelRect(x: 200, y: 200, width: 180, height: 90), "\(d.allNodes.map { "\($0.kind) \($0.box)" })")
    }

    func testMaskedFieldIsAPasswordInput() async throws {
        var c = Canvas(width: 400, height: 100)
        c.frame(PixelRect(x: 20, y: 20, width: 300, height: 40), RGB(209, 213, 219))
        c.fakeText(x: 34, y: 34, words: 2, height: 10, RGB(17, 17, 17))
        let d = await analyse(c, text: "eeeeeeeeee")
        let input = try XCTUnwrap(nodes(d, .input).first)
        XCTAssertEqual(input.secret, true)
        XCTAssertNil(input.placeholder)
        let html = try MockupRenderer().render(d, target: .html).text
        XCTAssertTrue(html.contains("type=\"password\""), html)
    }

    /// A reader that always fails: every region's sub-agent fails twice.
    struct BrokenReader: MockupTextReader {
        struct Broken: Error {}
        func read(_ image: Image, mode: PageSegmentation) async throws -> OCRResult { throw Broken() }
    }

    func testFailingSubAgentLeavesAPlaceholderAndADiagnostic() async {
        var c = Canvas(width: 300, height: 200)
        c.fakeText(x: 20, y: 20, words: 3, height: 12, RGB(20, 20, 20))
        c.fakeText(x: 20, y: 120, words: 2, height: 12, RGB(20, 20, 20))
        let a = await Mockup2Code.analyse(c.image, reader: BrokenReader(), options: MockupOptions(agents: 2, agentTimeout: 5))
        XCTAssertFalse(a.document.diagnostics.isEmpty)
        XCTAssertTrue(a.document.diagnostics.contains { $0.severity == .error })
        XCTAssertTrue(a.document.allNodes.contains { $0.kind == .image && $0.label == "region that could not be analysed" })
        XCTAssertEqual(a.document.width, 300)
    }

    func testCapitalsBecomeStyledOrdinaryText() {
        XCTAssertEqual(TextCase.ordinary("ABOUT US"), "About Us")
        XCTAssertEqual(TextCase.ordinary("ELEVATE YOUR STYLE TO NEW HIGHS. NOW"), "Elevate your style to new highs. Now")
        XCTAssertNil(TextCase.ordinary("About us"))
        XCTAssertNil(TextCase.ordinary("42"))
    }

    func testAcronymsInCapitalsStayCapitals() {
        XCTAssertEqual(TextCase.ordinary("FAQ"), "FAQ")
        XCTAssertEqual(TextCase.ordinary("URL:"), "URL:")
        XCTAssertEqual(TextCase.ordinary("CDFW Q&A"), "CDFW Q&A")
        XCTAssertEqual(TextCase.ordinary("READ THE FAQ"), "Read the FAQ")
        XCTAssertEqual(TextCase.ordinary("SUBSCRIBE TO OUR RSS FEED TODAY. NOW"), "Subscribe to our RSS feed today. Now")
        // ordinary words with vowels, and "MY"/"BY" (a Y), are styling
        XCTAssertEqual(TextCase.ordinary("MY HOME"), "My Home")
        XCTAssertEqual(TextCase.ordinary("ABOUT US\nCONTACT"), "About Us\nContact")
    }

    func testABarReadForThePronounIIsIAgain() {
        XCTAssertEqual(TextCase.pronounI("before | finished, but | put up the pages"), "before I finished, but I put up the pages")
        XCTAssertEqual(TextCase.pronounI("| am not sure |’m right"), "I am not sure I’m right")
        // a separator stays one
        XCTAssertEqual(TextCase.pronounI("Home | browse padas | search sutras"), "Home | browse padas | search sutras")
        XCTAssertEqual(TextCase.pronounI("Contact Us | Sitemap"), "Contact Us | Sitemap")
        // a prose line's one lone bar between lower-case words
        XCTAssertEqual(TextCase.pronounI("ads that scared me, and the steep slopes | climbed, and the"),
                       "ads that scared me, and the steep slopes I climbed, and the")
        XCTAssertEqual(TextCase.pronounI("| offer fine art prints of the city in a range of sizes"),
                       "I offer fine art prints of the city in a range of sizes")
        XCTAssertEqual(TextCase.pronounI("But if | don’t pay attention"), "But if I don’t pay attention")
        XCTAssertEqual(TextCase.pronounI("posted in news | leave a comment"), "posted in news | leave a comment")
        XCTAssertEqual(TextCase.pronounI("Avro Lancaster B Mk. | ME858 JI-J and the rest of the crew"),
                       "Avro Lancaster B Mk. | ME858 JI-J and the rest of the crew")
    }

    func testAStrayOpeningQuoteIsDropped() {
        XCTAssertEqual(TextCase.droppingStrayOpeningQuotes("‘Saturday"), "Saturday")
        XCTAssertEqual(TextCase.droppingStrayOpeningQuotes("You can relax in ‘our comfortable chairs"), "You can relax in our comfortable chairs")
        XCTAssertEqual(TextCase.droppingStrayOpeningQuotes("‘ back to top"), "back to top")
        // a quotation that closes stays, and so does a quote inside a word
        XCTAssertEqual(TextCase.droppingStrayOpeningQuotes("the ‘lost’ letters"), "the ‘lost’ letters")
        XCTAssertEqual(TextCase.droppingStrayOpeningQuotes("rock ‘n’ roll"), "rock ‘n’ roll")
        XCTAssertEqual(TextCase.droppingStrayOpeningQuotes("O‘Brien"), "O‘Brien")
    }

    func testIllegibleSmallMarkBecomesAnIcon() async {
        var c = Canvas(width: 200, height: 100)
        c.fill(PixelRect(x: 20, y: 20, width: 18, height: 18), RGB(240, 80, 20))
        c.fill(PixelRect(x: 25, y: 25, width: 8, height: 8), RGB(255, 255, 255))
        c.fakeText(x: 60, y: 60, words: 2, height: 10, RGB(30, 30, 30))
        let d = await Mockup2Code.analyse(c.image, reader: FakeReader(text: "~", confidence: 5)).document
        XCTAssertFalse(nodes(d, .icon).isEmpty, "\(d.allNodes.map(\.kind))")
        XCTAssertTrue(nodes(d, .text).isEmpty)
    }

    func testLayoutIsFlowNotAbsolute() async {
        var c = Canvas(width: 600, height: 400)
        c.fill(PixelRect(x: 0, y: 0, width: 600, height: 60), RGB(17, 24, 39))
        c.fakeText(x: 20, y: 24, words: 2, height: 12, RGB(255, 255, 255))
        c.fakeText(x: 400, y: 24, words: 3, height: 12, RGB(255, 255, 255))
        for row in 0..<3 { c.fakeText(x: 40, y: 100 + row * 40, words: 5, height: 12, RGB(40, 40, 40)) }
        c.fakeText(x: 20, y: 370, words: 2, height: 10, RGB(120, 120, 120))
        let d = await analyse(c)
        let all = d.allNodes
        XCTAssertEqual(all.filter { $0.style.positioned == true }.count, 0)
        XCTAssertEqual(d.root.children.first?.tag, "header")
        XCTAssertEqual(d.root.children.last?.tag, "footer")
        XCTAssertTrue(all.contains { $0.tag == "main" })
        // The header band keeps its colour and height.
        XCTAssertEqual(d.root.children.first?.style.background, RGB(17, 24, 39))
    }

    func testRealOCRReadsRenderedText() async throws {
        let line = try PNG.read(path: ocrFixture("line.png"), format: .rgb24)
        let button = try PNG.read(path: ocrFixture("button.png"), format: .rgb24)
        var c = Canvas(width: 600, height: 220)
        c.paste(line, x: 40, y: 30)
        c.paste(button, x: 40, y: 120)
        let pool = TextReaderPool(size: 1)
        let d = await Mockup2Code.analyse(c.image, reader: pool, options: MockupOptions(agents: 2)).document
        let texts = d.allNodes.compactMap(\.text)
        XCTAssertTrue(texts.contains("Sign in to Screenwright"), "\(texts)")
        XCTAssertTrue(texts.contains("Add to cart"), "\(texts)")
        let html = try MockupRenderer().render(d, target: .html).text
        XCTAssertTrue(html.contains("Sign in to Screenwright"))
    }
}

/// `mockup2code --model`: doubtful regions go to the remote model (an in-process stub), the layout stays.
final class MockupModelTests: XCTestCase {
    func testALowConfidenceRegionIsCorrectedByTheModelAndTheRestStays() async throws {
        let server = try StubHTTPServer(); defer { server.stop() }
        server.on("POST", "/v1/chat/completions") { r in
            // Echo every element the OCR pass misread, corrected.
            let body = r.json as? [String: Any]
            let user = (body?["messages"] as? [[String: Any]])?.last?["content"] as? [[String: Any]]
            let prompt = user?.first?["text"] as? String ?? ""
            let list = prompt.components(separatedBy: "maybe wrong):\n").last?.components(separatedBy: "\nAnswer").first ?? "[]"
            let elements = (try? JSONSerialization.jsonObject(with: Data(list.utf8))) as? [[String: Any]] ?? []
            let fixed = elements.filter { ($0["text"] as? String) == "Sgin up" }.map { ["id": $0["id"]!, "text": "Sign up"] }
            let content = String(decoding: try! JSONSerialization.data(withJSONObject: ["elements": fixed]), as: UTF8.self)
            let reply = try! JSONSerialization.data(withJSONObject: ["choices": [["message": ["role": "assistant", "content": content]]],
                                                                     "usage": ["prompt_tokens": 300, "completion_tokens": 12]])
            return .respond(status: 200, body: String(decoding: reply, as: UTF8.self))
        }
        var c = Canvas(width: 400, height: 300)
        c.fill(PixelRect(x: 20, y: 20, width: 120, height: 36), RGB(37, 99, 235))
        c.fakeText(x: 50, y: 32, words: 2, height: 12, RGB(255, 255, 255))
        c.frame(PixelRect(x: 20, y: 180, width: 260, height: 40), RGB(209, 213, 219))
        var remote = RemoteModelConfig(endpoint: URL(string: server.url + "/v1/chat/completions")!, model: "stub", apiKey: nil)
        remote.backoffBase = 0.01
        let a = await Mockup2Code.analyse(c.image, reader: FakeReader(text: "Sgin up", confidence: 30),
                                          options: MockupOptions(agents: 2, remote: remote))
        let plain = await Mockup2Code.analyse(c.image, reader: FakeReader(text: "Sgin up", confidence: 30), options: MockupOptions(agents: 2))
        XCTAssertEqual(a.document.allNodes.filter { $0.kind == .button }.first?.text, "Sign up")
        XCTAssertEqual(plain.document.allNodes.filter { $0.kind == .button }.first?.text, "Sgin up")
        XCTAssertEqual(a.document.allNodes.map(\.box), plain.document.allNodes.map(\.box), "the layout is the embedded pass's")
        XCTAssertGreaterThan(server.requests.count, 0)
        XCTAssertEqual(a.model?.requests, server.requests.count)
        XCTAssertEqual(a.model?.promptTokens, 300 * server.requests.count)
        XCTAssertNil(a.modelFailure)
    }
}
