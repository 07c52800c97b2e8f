import Foundation

/// Values computed once per document under a key (``Document/cached(_:_:)``), safely across threads.
final class DocumentMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: any Sendable] = [:]

    func value<Value: Sendable>(_ key: String, _ make: () -> Value) -> Value {
        lock.lock()
        // The stored value is unwrapped first: a nil `Value?` must not read as a stored nil.
        if let stored = values[key], let v = stored as? Value { lock.unlock(); return v }
        lock.unlock()
        // Made outside the lock: a reader may itself ask for another cached value.
        let v = make()
        lock.lock()
        defer { lock.unlock() }
        if let stored = values[key], let existing = stored as? Value { return existing }
        values[key] = v
        return v
    }
}
