import Foundation

/// A file as it is now: its path, device, inode, size and modification time. Two equal
/// identities name the same bytes unless the file was rewritten within the clock's resolution
/// keeping its size — and a recording being analysed is not being written.
struct FileIdentity: Hashable, Sendable {
    var path: String
    var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    /// Nil when the file cannot be stat'ed (then nothing is kept for it).
    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.path = path
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}

/// Keyframe times read in this process, per file (`Probe.keyframeTimes`): demuxing a recording's
/// packets costs ~5 ms, and one analysis asked for them three times (the probe, the motion
/// pass's chunks, the agents' jobs). Bounded: the last few files only (a batch goes file by file).
/// Invariant (for `@unchecked Sendable`): `entries` is only touched under `lock`.
final class KeyframeMemo: @unchecked Sendable {
    static let shared = KeyframeMemo()
    private let lock = NSLock()
    private var entries: [(FileIdentity, [Double])] = []
    private let capacity = 8

    func times(for file: FileIdentity) -> [Double]? {
        lock.lock(); defer { lock.unlock() }
        return entries.last { $0.0 == file }?.1
    }

    func keep(_ times: [Double], for file: FileIdentity) {
        lock.lock(); defer { lock.unlock() }
        entries.removeAll { $0.0 == file }
        entries.append((file, times))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
