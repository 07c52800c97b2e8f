import Foundation
import NewsKitCore

/// Politeness in time: at most N transfers per host, a minimum delay between the starts of two
/// requests to one host (or the host's `Crawl-delay`, if longer), and a global limit.
actor HostScheduler {
    let perHost: Int
    let delay: Double
    let global: Int
    private var active: [String: Int] = [:]
    private var globalActive = 0
    private var nextStart: [String: Date] = [:]
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    init(perHost: Int, delay: Double, global: Int) {
        self.perHost = max(1, perHost)
        self.delay = delay.isFinite ? min(max(0, delay), FetchOptions.maximumTimeout) : FetchOptions.maximumTimeout
        self.global = max(1, global)
    }

    /// Waits for a slot for `host`, then until its turn in time. Pair with ``release(_:)``.
    /// - Throws: `CancellationError` when the task is cancelled while waiting for a slot or for
    ///   its turn.
    func acquire(_ host: String, crawlDelay: Double?) async throws {
        while (active[host] ?? 0) >= perHost || globalActive >= global {
            try Task.checkCancellation()
            nextWaiter += 1
            let id = nextWaiter
            await withTaskCancellationHandler {
                await withCheckedContinuation { waiters[id] = $0 }
            } onCancel: {
                Task { await self.wake(id) }
            }
        }
        try Task.checkCancellation()
        active[host, default: 0] += 1
        globalActive += 1
        let asked = crawlDelay ?? 0
        let gap = max(delay, asked.isFinite ? min(max(0, asked), FetchOptions.maximumTimeout) : FetchOptions.maximumTimeout)
        let now = Date()
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start.addingTimeInterval(gap)
        let wait = start.timeIntervalSince(now)
        if wait > 0 {
            do { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) } catch {
                release(host)
                throw error
            }
        }
    }

    func release(_ host: String) {
        active[host, default: 1] -= 1
        if active[host] == 0 { active[host] = nil }
        globalActive -= 1
        let ready = waiters
        waiters.removeAll()
        for w in ready.values { w.resume() }
    }

    /// Wakes one waiter (its task was cancelled: it then throws).
    private func wake(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
