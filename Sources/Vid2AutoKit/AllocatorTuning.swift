import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The C allocator's settings for an analysis (glibc's `mallopt`; the only file that calls it).
///
/// An analysis allocates and frees megabyte-sized buffers all the time: a full-size frame rebuilt
/// from the frame store for each frame an agent reads (1–4 MB, copied when the previous frame is
/// still held), an element finder's visited map, FFmpeg's frame buffers. glibc gives each one at
/// or above its mmap threshold a mapping of its own, and raises that threshold only to the largest
/// block freed so far (trimming the heap's top beyond twice that); with several threads, each in
/// its own arena, such buffers keep going back to the kernel and their pages are faulted in and
/// zeroed again the next time (`clear_page_erms` was 6.6 % of a default run's CPU on
/// contacts-hidpi2x-1080, 0.5 % with `--agents 1`). A fixed threshold at glibc's maximum and a
/// trim threshold above it keep them in the heap, where the next one reuses their pages: the
/// memory a run keeps is the memory it had in use at its peak. Results are unchanged (only where
/// the bytes live). Elsewhere than glibc nothing is set.
public enum AllocatorTuning {
    /// Blocks at least this large get a mapping of their own (glibc's largest mmap threshold:
    /// half its 64 MB heap on 64-bit; anything larger is refused).
    public static let mmapThreshold: Int32 = 32 << 20
    /// Free memory at the top of a heap above this goes back to the kernel.
    public static let trimThreshold: Int32 = 64 << 20

    /// Applies the settings once per process (later calls do nothing); true when the allocator
    /// took both. Call before the threads that allocate start (the analysis does, in `run`).
    @discardableResult
    public static func apply() -> Bool { applied }

    private static let applied: Bool = {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not import.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mMmapThreshold: Int32 = -3, mTrimThreshold: Int32 = -1   // <malloc.h>
        let a = mallopt(mMmapThreshold, mmapThreshold)
        let b = mallopt(mTrimThreshold, trimThreshold)
        return a == 1 && b == 1
        #else
        return false
        #endif
    }()
}
