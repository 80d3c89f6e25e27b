import Foundation

/// `ElementFinder.flood`'s visited map: one zeroed byte per pixel of the bounds. A large map
/// (the window of a high-DPI recording: 4 MB) is mapped straight from the kernel, whose fresh
/// pages read as zero and cost something only when touched — a small region touches a few rows
/// of it — instead of being cleared in full for every flood (2.5–2.7× faster floods on a
/// 2560×1600 window); a small one comes from `calloc`. Owned by one call: `release()` once.
struct VisitedMap {
    /// The flags, all false at first.
    let flags: UnsafeMutablePointer<Bool>
    private let bytes: Int, mapped: Bool
    /// Maps at least this many bytes from the kernel rather than `calloc`.
    static let mapFrom = 256 * 1024

    init(count: Int) {
        bytes = max(1, count)
        if bytes >= Self.mapFrom, let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
            flags = p.bindMemory(to: Bool.self, capacity: bytes); mapped = true
        } else {
            guard let p = calloc(bytes, 1) else { preconditionFailure("flood: no memory for a visited map of \(bytes) bytes") }
            flags = p.bindMemory(to: Bool.self, capacity: bytes); mapped = false
        }
    }

    /// Gives the memory back.
    func release() {
        if mapped { munmap(UnsafeMutableRawPointer(flags), bytes) } else { free(flags) }
    }
}
