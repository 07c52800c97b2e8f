import Foundation

/// A count that pipeline callbacks add to (warnings, unreadable WARC records), from any thread.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    private var sources: [String] = []
    private var named = 0
    /// The most page names kept (the summary shows three and counts the rest).
    static let namesKept = 3

    /// Adds `n`; `from` names the page they came from (kept when `n` > 0).
    func add(_ n: Int = 1, from name: String? = nil) {
        lock.withLock {
            total += n
            if n > 0, let name {
                named += 1
                if sources.count < Tally.namesKept { sources.append(name) }
            }
        }
    }
    var value: Int { lock.withLock { total } }
    /// The first pages named with ``add(_:from:)``, in the order they came.
    var names: [String] { lock.withLock { sources } }
    /// How many pages were named in all.
    var namedCount: Int { lock.withLock { named } }
}
