import Foundation

/// A value behind a lock, for the few pieces of mutable state shared across threads here.
/// (`Synchronization.Mutex` would do, but its availability annotations reach macOS 15.)
final class Locked<Value>: @unchecked Sendable {
    // Invariant: `value` is only touched while `lock` is held.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}
