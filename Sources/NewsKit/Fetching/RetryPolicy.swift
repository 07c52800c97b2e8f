import Foundation
import NewsKitCore

/// When and how often to try again: exponential backoff with full jitter, and `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var retries: Int
    /// The first backoff, in seconds; it doubles each retry.
    public var baseDelay: Double
    /// The longest backoff, in seconds.
    public var maximumDelay: Double
    /// The longest `Retry-After` honoured, in seconds; a server asking for more waits this long, with a
    /// warning naming the host (``PoliteFetcher/warnings``).
    public var maximumRetryAfter: Double

    /// Makes a policy. Delays are brought into 0 ... a day (86,400 s), and an infinite or NaN
    /// one takes its default, so no number from outside can trap a sleep.
    /// - Parameters:
    ///   - retries: retries after the first attempt; 0 tries once. A negative count means 0.
    ///   - baseDelay: the first backoff, in seconds (doubling each retry, with full jitter).
    ///   - maximumDelay: the longest backoff, in seconds.
    ///   - maximumRetryAfter: the longest `Retry-After` honoured, in seconds.
    public init(retries: Int = 3, baseDelay: Double = 0.5, maximumDelay: Double = 30, maximumRetryAfter: Double = 120) {
        func seconds(_ v: Double, _ fallback: Double) -> Double {
            v.isFinite ? min(max(0, v), FetchOptions.maximumTimeout) : fallback
        }
        self.retries = max(0, retries)
        self.baseDelay = seconds(baseDelay, 0.5)
        self.maximumDelay = seconds(maximumDelay, 30)
        self.maximumRetryAfter = seconds(maximumRetryAfter, 120)
    }

    /// The wait before retry number `attempt` (1-based): random in [0, base·2^(attempt−1)], capped.
    func backoff(attempt: Int) -> Double {
        let cap = min(maximumDelay, baseDelay * pow(2, Double(min(max(attempt - 1, 0), 60))))
        return Double.random(in: 0...(cap.isFinite ? max(cap, 0) : maximumDelay))
    }

    /// Seconds from a `Retry-After` value: delta-seconds or an HTTP-date.
    static func retryAfter(_ value: String, now: Date) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v), !s.isNaN { return max(0, s) }
        if let date = HTTPDate.parse(v) { return max(0, date.timeIntervalSince(now)) }
        return nil
    }
}
