import Foundation
import XCTest
import Media
import OCR
import Perception
import ScreenCore
@testable import Vid2AutoKit

/// Reads ahead on a spare core: when a core is spare, what is announced, and that a read of an
/// announced crop gives what a plain read gives.
final class ReadAheadTests: XCTestCase {
    func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("OCRTests/Fixtures/\(name)").path
    }

    func testASpareCoreIsOneNoAgentHoldsDuringTheAgentsStage() {
        let lanes = SpareCores()
        XCTAssertFalse(lanes.takeSpare(), "closed before the agents stage")
        lanes.open(cores: 2)
        lanes.enter(); lanes.enter()
        XCTAssertFalse(lanes.takeSpare(), "both cores held by agents")
        lanes.leave()
        XCTAssertTrue(lanes.takeSpare())
        XCTAssertFalse(lanes.takeSpare(), "one read ahead per spare core")
        lanes.returnSpare()
        XCTAssertTrue(lanes.takeSpare())
        lanes.returnSpare()
        lanes.close()
        XCTAssertFalse(lanes.takeSpare(), "closed after the stage")
        lanes.open(cores: 1)
        XCTAssertFalse(lanes.takeSpare(), "one core (--agents 1): never a spare one")
    }

    func testAReadOfACropReadAheadTakesThatReadingAndItIsThePlainOne() async throws {
        let img = try PNG.read(path: fixture("line.png"), format: .gray8)
        let plain = try await PoolTextReader(pool: TextReaderPool(size: 1)).read(img, mode: .line)
        let reader = PoolTextReader(pool: TextReaderPool(size: 2))
        var asked = 0
        reader.readAhead(mode: .line) { asked += 1; return img }
        XCTAssertEqual(asked, 0, "no spare core outside the agents stage: the crop is not even made")
        reader.lanes.open(cores: 2)
        reader.lanes.enter()
        reader.readAhead(mode: .line) { asked += 1; return img }
        XCTAssertEqual(asked, 1)
        let key = OCRCache.Key(mode: .line, image: img)
        guard case .ahead = reader.cache.get(key) else { return XCTFail("the read ahead is in flight or waiting to be taken") }
        let r = try await reader.read(img, mode: .line)
        XCTAssertEqual(r, plain)
        XCTAssertEqual(r.text, "Sign in to Screenwright")
        guard case .done(let kept) = reader.cache.get(key) else { return XCTFail("taken: kept like any reading") }
        XCTAssertEqual(kept, plain)
        // Its spare core is given back once the reading is done.
        XCTAssertTrue(reader.lanes.takeSpare())
    }

    /// A small crop read without full confidence is read again at twice the size: that second
    /// image is exactly the one announced before the first read (so a read ahead is found).
    func testTheLargerReadingOfASmallCropIsAnnouncedFirst() async throws {
        final class Log: TextReader, @unchecked Sendable {
            let lock = NSLock()
            var events: [(String, Image)] = []
            let confidence: Double
            init(confidence: Double) { self.confidence = confidence }
            func read(_ image: Image, mode: TextReadMode) async throws -> TextReading {
                record("read", image)
                return TextReading(lines: [TextLine(words: [TextWord(text: "Save", box: PixelRect(x: 2, y: 2, width: 20, height: 10),
                                                                     confidence: confidence)])])
            }
            func readAhead(mode: TextReadMode, _ image: () -> Image) { record("ahead", image()) }
            func record(_ what: String, _ image: Image) { lock.withLock { events.append((what, image)) } }
        }
        var page = Image(width: 120, height: 40, format: .gray8, filledWith: 255)
        for y in 12..<20 { for x in 20..<60 where (x / 3) % 2 == 0 { page.pixels[y * 120 + x] = 30 } }
        let unsure = Log(confidence: 70)
        _ = try await TextRegions.readLineScored(PixelRect(x: 10, y: 6, width: 70, height: 20), in: page, reader: unsure)
        XCTAssertEqual(unsure.events.map(\.0), ["ahead", "read", "read"])
        XCTAssertEqual(unsure.events[0].1, unsure.events[2].1)
        XCTAssertEqual(unsure.events[1].1.height, 20 + 2 * 6)    // the crop with its margin
        XCTAssertEqual(unsure.events[2].1.height, 40 + 2 * 12)   // twice the size, a wider margin
        let sure = Log(confidence: 96)
        _ = try await TextRegions.readLineScored(PixelRect(x: 10, y: 6, width: 70, height: 20), in: page, reader: sure)
        XCTAssertEqual(sure.events.map(\.0), ["ahead", "read"], "read surely: no second reading (the one ahead is unused)")
    }

    /// `SegmentTools.split` takes the spare core as a read ahead does: with none (outside the
    /// agents stage, every core held, `--agents 1`) every part runs in order on the caller's
    /// thread; with one, the parts are shared with another thread and the core is given back.
    func testSplitWorkTakesTheSpareCoreOnlyWhenOneIsIdle() {
        final class Threads: @unchecked Sendable {
            let lock = NSLock()
            var ran: [Int] = [], others = 0
            func add(_ i: Int, main: Bool) { lock.withLock { ran.append(i); if !main { others += 1 } } }
        }
        let reader = PoolTextReader(pool: TextReaderPool(size: 1))
        let tools = SegmentTools(path: "/dev/null", reader: reader, context: nil)
        func run() -> Threads {
            let t = Threads(), caller = pthread_self()
            tools.split(4) { i in
                // (The spare thread's part waits a little, so the caller's cannot take it first.)
                if pthread_equal(pthread_self(), caller) == 0 { usleep(20_000) }
                t.add(i, main: pthread_equal(pthread_self(), caller) != 0)
            }
            return t
        }
        let closed = run()
        XCTAssertEqual(closed.ran, [0, 1, 2, 3], "no spare core outside the agents stage: in order, on the caller's thread")
        reader.lanes.open(cores: 2)
        reader.lanes.enter(); reader.lanes.enter()
        XCTAssertEqual(run().ran, [0, 1, 2, 3], "both cores held by agents")
        reader.lanes.leave()
        let spread = run()
        XCTAssertEqual(spread.ran.sorted(), [0, 1, 2, 3], "every part once")
        XCTAssertTrue(reader.lanes.takeSpare(), "the spare core is given back")
        reader.lanes.returnSpare()
        reader.lanes.open(cores: 1)
        reader.lanes.enter()
        XCTAssertEqual(run().others, 0, "--agents 1: never another thread")
    }
}
