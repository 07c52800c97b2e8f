import Foundation

/// A count that pipeline callbacks add to (warnings, unreadable WARC records), from any thread.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    private var sources: [String] = []

    /// Adds `n`; `from` names the page they came from (kept when `n` > 0).
    func add(_ n: Int = 1, from name: String? = nil) {
        lock.withLock {
            total += n
            if n > 0, let name { sources.append(name) }
        }
    }
    var value: Int { lock.withLock { total } }
    /// The pages named with ``add(_:from:)``, in the order they came.
    var names: [String] { lock.withLock { sources } }
}
