import Foundation
import XCTest
@testable import Vid2AutoKit
#if canImport(Glibc)
import Glibc
#endif

/// `AllocatorTuning`: glibc takes the settings, and frame-sized buffers freed and allocated again
/// reuse their pages instead of going back to the kernel and being faulted in (and zeroed) anew.
final class AllocatorTuningTests: XCTestCase {
    private func minorFaults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt
    }

    func testTheAllocatorTakesTheSettings() throws {
        #if canImport(Glibc)
        XCTAssertTrue(AllocatorTuning.apply())
        XCTAssertTrue(AllocatorTuning.apply(), "a second call changes nothing and says the same")
        // glibc refuses an mmap threshold above half its 64 MB heap; trimming must not undo the reuse.
        XCTAssertLessThanOrEqual(AllocatorTuning.mmapThreshold, 32 << 20)
        XCTAssertGreaterThanOrEqual(AllocatorTuning.trimThreshold, 2 * AllocatorTuning.mmapThreshold)
        #else
        throw XCTSkip("glibc only")
        #endif
    }

    /// Four 8 MB buffers (a 1440p frame's planes and more), written, freed, then allocated and
    /// written again: with glibc's defaults each one is a mapping of its own (8 MB is at or above
    /// the threshold it raises to on the first free), so every round faults all 8192 pages in
    /// again; tuned, the second round reuses the heap's pages.
    func testFreedLargeBuffersAreReusedWithoutFaultingTheirPagesAgain() throws {
        #if canImport(Glibc)
        XCTAssertTrue(AllocatorTuning.apply())
        let size = 8 << 20, count = 4, pages = count * size / 4096
        func round() -> Int {
            let before = minorFaults()
            var blocks: [UnsafeMutableRawPointer] = []
            for _ in 0..<count {
                guard let p = malloc(size) else { XCTFail("malloc"); return 0 }
                memset(p, 1, size)
                blocks.append(p)
            }
            for p in blocks.reversed() { free(p) }
            return minorFaults() - before
        }
        _ = round()
        let again = round()
        XCTAssertLessThan(again, pages / 10, "pages faulted in again: \(again) of \(pages)")
        #else
        throw XCTSkip("glibc only")
        #endif
    }
}
