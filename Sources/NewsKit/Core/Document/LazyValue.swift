import Foundation
import NewsKitHTML

/// A value computed once, on first use, safely across threads.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func get(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let v = make()
        value = v
        return v
    }

    /// The value if it has been made, without making it.
    func peek() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
