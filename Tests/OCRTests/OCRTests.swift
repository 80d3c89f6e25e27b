import XCTest
import Media
import ScreenCore
@testable import OCR

final class OCRTests: XCTestCase {
    func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    func testReadsDarkTextOnWhite() async throws {
        let img = try PNG.read(path: fixture("line.png"), format: .gray8)
        let pool = TextReaderPool(size: 1)
        let r = try await pool.read(img, mode: .singleLine)
        XCTAssertEqual(r.text, "Sign in to Screenwright")
        XCTAssertGreaterThan(r.confidence, 80)
        XCTAssertEqual(r.lines.first?.words.count, 4)
    }

    func testReadsWhiteTextOnColourWhenCroppedInsideTheButton() async throws {
        let img = try PNG.read(path: fixture("button.png"))
        let pool = TextReaderPool(size: 2)
        let r = try await pool.read(img, mode: .singleLine)
        XCTAssertEqual(r.text, "Add to cart")
        let box = try XCTUnwrap(r.lines.first?.box)
        XCTAssertTrue(PixelRect(x: 30, y: 5, width: 150, height: 35).contains(box.center))
    }

    func testPoolServesConcurrentReaders() async throws {
        let img = try PNG.read(path: fixture("line.png"), format: .gray8)
        let pool = TextReaderPool(size: 2)
        let texts = try await withThrowingTaskGroup(of: String.self) { g in
            for _ in 0..<6 { g.addTask { try await pool.read(img).text } }
            return try await g.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(Set(texts), ["Sign in to Screenwright"])
        let reads = await pool.reads
        XCTAssertEqual(reads, 6)
    }

    /// Engines run OpenMP single-threaded on whatever thread calls them (no `OMP_THREAD_LIMIT`
    /// and no re-exec needed): a fresh thread starts with OpenMP's default levels, and after an
    /// engine started and read on it, its regions are inactive there.
    func testAnEngineMakesItsThreadRunOpenMPSingleThreaded() throws {
        let img = try PNG.read(path: fixture("line.png"), format: .gray8)
        final class Seen: @unchecked Sendable { var before = -1, after = -1, text = "" }   // written by the thread, read after it signalled
        let seen = Seen(), done = DispatchSemaphore(value: 0)
        let thread = Thread {
            seen.before = OpenMPGuard.activeLevelsHere
            if let engine = try? TesseractEngine() { seen.text = engine.recognize(img, mode: .singleLine).text }
            seen.after = OpenMPGuard.activeLevelsHere
            done.signal()
        }
        thread.start()
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        XCTAssertNotEqual(seen.before, 0)
        XCTAssertEqual(seen.after, 0)
        XCTAssertEqual(seen.text, "Sign in to Screenwright")
    }

    /// An engine started without the legacy ambiguity table reads exactly what a fully started
    /// one reads (word texts, boxes, confidences), and the table's load really was left out.
    func testTrimmedStartReadsWhatAFullStartReads() throws {
        let skippedBefore = TesseractEngine.ambiguityLoadsSkipped
        let trimmed = try TesseractEngine(trimmed: true)
        XCTAssertEqual(TesseractEngine.ambiguityLoadsSkipped, skippedBefore + 1)
        let full = try TesseractEngine(trimmed: false)
        XCTAssertEqual(TesseractEngine.ambiguityLoadsSkipped, skippedBefore + 1)
        let line = try PNG.read(path: fixture("line.png"), format: .gray8)
        let button = try PNG.read(path: fixture("button.png"))
        let crops = [line, button, line.cropped(to: PixelRect(x: 0, y: 0, width: line.width / 2, height: line.height)),
                     button.cropped(to: PixelRect(x: 20, y: 0, width: button.width - 20, height: button.height))]
        for (i, img) in crops.enumerated() {
            for mode in [PageSegmentation.singleLine, .block, .sparse, .auto] {
                XCTAssertEqual(trimmed.recognize(img, mode: mode), full.recognize(img, mode: mode), "crop \(i), \(mode)")
            }
        }
        XCTAssertEqual(trimmed.recognize(line, mode: .singleLine).text, "Sign in to Screenwright")
    }

    /// The trimmed start costs a fraction of a full one (CPU of this thread; a full start is
    /// ~0.1 s on the reference machine, the trimmed one ~0.015 s).
    func testTrimmedStartIsCheaper() throws {
        func cpu(_ body: () throws -> Void) rethrows -> Double {
            var a = timespec(), b = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a); try body(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
            return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
        }
        _ = try TesseractEngine(trimmed: true)   // (first start pays the data file's page-in)
        let full = try (0..<2).map { _ in try cpu { _ = try TesseractEngine(trimmed: false) } }.min()!
        let trimmed = try (0..<2).map { _ in try cpu { _ = try TesseractEngine(trimmed: true) } }.min()!
        XCTAssertLessThan(trimmed, full * 0.5, "trimmed \(trimmed) s, full \(full) s")
    }

    func testTinyImageReadsNothing() async throws {
        let r = try await TextReaderPool(size: 1).read(Image(width: 2, height: 2, format: .gray8))
        XCTAssertEqual(r, .empty)
    }
}
