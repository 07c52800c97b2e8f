import Foundation

/// Politeness in time: at most N transfers per host, a minimum delay between the starts of two
/// requests to one host (or the host's `Crawl-delay`, if longer), and a global limit.
actor HostScheduler {
    let perHost: Int
    let delay: Double
    let global: Int
    private var active: [String: Int] = [:]
    private var globalActive = 0
    private var nextStart: [String: Date] = [:]
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(perHost: Int, delay: Double, global: Int) {
        self.perHost = max(1, perHost)
        self.delay = delay.isFinite ? min(max(0, delay), FetchOptions.maximumTimeout) : FetchOptions.maximumTimeout
        self.global = max(1, global)
    }

    /// Waits for a slot for `host`, then until its turn in time. Pair with ``release(_:)``.
    /// - Throws: `CancellationError` when the task is cancelled while waiting for its turn.
    func acquire(_ host: String, crawlDelay: Double?) async throws {
        while (active[host] ?? 0) >= perHost || globalActive >= global {
            await withCheckedContinuation { waiters.append($0) }
        }
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
        for w in ready { w.resume() }
    }
}

/// When and how often to try again: exponential backoff with full jitter, and `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var retries: Int
    /// The first backoff, in seconds; it doubles each retry.
    public var baseDelay: Double
    /// The longest backoff.
    public var maximumDelay: Double
    /// The longest `Retry-After` honoured; a server asking for more waits this long, with a
    /// warning naming the host (``PoliteFetcher/warnings``).
    public var maximumRetryAfter: Double

    /// Values that are negative, infinite or NaN are brought into range (0 ... a day), so no
    /// number from outside can trap a sleep.
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

/// HTTP dates (RFC 9110 IMF-fixdate, and RFC 850 / asctime leniently) and RFC 822 feed dates.
public enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses `Wed, 13 Aug 2025 08:00:00 GMT`, `Wed, 13 Aug 2025 08:00:00 +0900`, `13 Aug 25 08:00 KST`.
    public static func parse(_ s: String) -> Date? { instant(s)?.date }

    public static func instant(_ s: String) -> Instant? {
        var parts = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = parts.first, first.count <= 9, first.rangeOfCharacter(from: .decimalDigits) == nil { parts.removeFirst() }  // weekday
        guard parts.count >= 4 else { return nil }
        var day: Int?, month: Int?, year: Int?, time: String?
        if let d = Int(parts[0]), let m = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()) {
            day = d; month = m + 1; year = Int(parts[2]); time = parts[3]
        } else if let m = months.firstIndex(of: String(parts[0].prefix(3)).lowercased()), let d = Int(parts[1]) {
            // asctime: "Aug 13 08:00:00 2025"
            day = d; month = m + 1; time = parts[2]; year = Int(parts[3])
        }
        guard let dd = day, let mm = month, var yy = year, let t = time else { return nil }
        if yy < 100 { yy += yy < 70 ? 2000 : 1900 }
        let hms = t.split(separator: ":").compactMap { Int($0) }
        guard hms.count >= 2 else { return nil }
        var offset = 0
        if let zone = parts.dropFirst(4).first {
            switch zone.uppercased() {
            case "GMT", "UT", "UTC", "Z": offset = 0
            case "KST": offset = Instant.kst
            case "EST": offset = -5 * 3600
            case "EDT": offset = -4 * 3600
            case "PST": offset = -8 * 3600
            case "PDT": offset = -7 * 3600
            default:
                let digits = zone.filter(\.isNumber)
                if (zone.hasPrefix("+") || zone.hasPrefix("-")), digits.count == 4, let v = Int(digits) {
                    offset = (zone.hasPrefix("-") ? -1 : 1) * ((v / 100) * 3600 + (v % 100) * 60)
                }
            }
        }
        return Instant(year: yy, month: mm, day: dd, hour: hms[0], minute: hms[1], second: hms.count > 2 ? hms[2] : 0, utcOffset: offset)
    }

    /// `Wed, 13 Aug 2025 08:00:00 GMT`.
    public static func format(_ date: Date) -> String {
        let i = Instant(date: date, utcOffset: 0)
        let c = i.components
        let days = Instant.daysFromCivil(c.year, c.month, c.day)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = months[c.month - 1].capitalized
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekday, c.day, month, c.year, c.hour, c.minute, c.second)
    }
}
