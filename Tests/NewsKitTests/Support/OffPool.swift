import Foundation

/// Runs CPU-heavy or blocking test work on a thread of its own, so it does not hold one of the
/// cooperative pool's few threads while timing tests in the same process wait for theirs.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
