import Foundation

/// A count that pipeline callbacks add to (warnings, unreadable WARC records), from any thread.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ n: Int = 1) { lock.withLock { total += n } }
    var value: Int { lock.withLock { total } }
}
