import Foundation
import NewsKitCore

/// A fetcher a site operator would not block: robots.txt (fetched once per host and cached),
/// at most N transfers per host with a minimum delay between them (or the site's
/// `Crawl-delay`), a global limit, retries with exponential backoff and jitter on connection
/// errors, timeouts, 429 and 5xx (honouring `Retry-After`), and an optional response cache
/// with conditional requests. A 404 or a robots.txt refusal is reported, not retried.
///
/// ```swift
/// var config = PoliteFetcher.Configuration()
/// config.cacheDirectory = "cache"
/// let fetcher = try PoliteFetcher(configuration: config)
/// let page = try await fetcher.fetch(FetchRequest(url: URL(string: "https://www.yna.co.kr/")!))
/// ```
public final class PoliteFetcher: Fetcher, @unchecked Sendable {
    /// What a ``PoliteFetcher`` obeys: robots.txt, per-host and global limits, delays, retries,
    /// the response cache and the options every request starts from.
    public struct Configuration: Sendable {
        /// Obey robots.txt (on unless asked).
        public var respectRobots = true
        /// Transfers to one host at once.
        public var maximumPerHost = 2
        /// Seconds between the starts of two requests to one host (at most ``maximumDelay``).
        public var delay: Double = 1.0
        /// The longest `Crawl-delay` obeyed, in seconds: a robots.txt asking for more is capped
        /// here, with a warning naming the host.
        public var maximumCrawlDelay: Double = 30
        /// Transfers at once, over all hosts.
        public var maximumConcurrent = 16
        /// How connection errors, timeouts, 429 and 5xx answers are retried (3 retries by default).
        public var retry = RetryPolicy()
        /// A folder for the response cache; nil for none.
        public var cacheDirectory: String?
        /// Defaults for every request (timeouts, limits, user agent).
        public var options = FetchOptions()
        /// Receives warnings as they happen (a capped `Crawl-delay` or `Retry-After`, each naming
        /// the host); they are also kept in ``PoliteFetcher/warnings``.
        public var onWarning: (@Sendable (String) -> Void)?
        /// The longest ``delay`` accepted (an hour); longer or non-finite values mean this.
        public static let maximumDelay: Double = 3600
        /// The bytes of a robots.txt that are read: RFC 9309 asks for at least 500 KiB.
        public static let robotsBytes = 512 * 1024
        /// The defaults: robots.txt obeyed, 2 transfers per host started 1 s apart, 16 at once,
        /// `Crawl-delay` capped at 30 s, ``RetryPolicy/init(retries:baseDelay:maximumDelay:maximumRetryAfter:)``'s
        /// defaults, no cache, default ``FetchOptions``.
        public init() {}
    }

    /// The configuration the fetcher was made with, as given (a ``Configuration/delay`` out of
    /// 0 ... ``Configuration/maximumDelay`` is used clamped).
    public let configuration: Configuration
    private let transport: any Fetcher
    private let scheduler: HostScheduler
    private let robots = RobotsCache()
    private let cache: ResponseCache?
    private let archive: (any ResponseArchive)?
    private let lock = NSLock()
    private var archiveErrors: [String] = []
    private var warningList: [String] = []
    private var warned: Set<String> = []

    /// Makes a fetcher; nothing is fetched (not even robots.txt) before the first request.
    /// - Parameters:
    ///   - configuration: robots.txt, limits, delays, retries, cache and default request options.
    ///   - transport: the fetcher doing the transfers (a ``CurlFetcher`` by default).
    ///   - archive: where every response is kept, if anywhere.
    /// - Throws: ``FetchError`` when the cache directory cannot be created.
    public init(configuration: Configuration = Configuration(), transport: (any Fetcher)? = nil,
                archive: (any ResponseArchive)? = nil) throws(FetchError) {
        self.configuration = configuration
        self.transport = transport ?? CurlFetcher(maximumConcurrentTransfers: configuration.maximumConcurrent)
        let delay = configuration.delay.isFinite ? min(max(0, configuration.delay), Configuration.maximumDelay) : Configuration.maximumDelay
        scheduler = HostScheduler(perHost: configuration.maximumPerHost, delay: delay, global: configuration.maximumConcurrent)
        cache = try configuration.cacheDirectory.map { (dir: String) throws(FetchError) -> ResponseCache in try ResponseCache(directory: dir) }
        self.archive = archive
    }

    /// Archive errors so far (each names the URL).
    public var archiveFailures: [String] { lock.withLock { archiveErrors } }

    /// Warnings so far, each naming its host (a capped `Crawl-delay` or `Retry-After`).
    public var warnings: [String] { lock.withLock { warningList } }

    /// Fetches a URL with the configuration's ``Configuration/options``, as ``fetch(_:)`` does.
    /// - Parameters:
    ///   - url: an http or https URL.
    ///   - headers: extra request headers, sent on every hop.
    /// - Returns: the response, as ``fetch(_:)`` returns it.
    /// - Throws: ``FetchError``, as ``fetch(_:)`` throws it.
    public func fetch(_ url: URL, headers: [HTTPHeader] = []) async throws(FetchError) -> Page {
        try await fetch(FetchRequest(url: url, headers: headers, options: configuration.options))
    }

    /// Fetches a URL, following redirects hop by hop: each hop is checked against its own host's
    /// robots.txt and waits for its own host's turn. The page's ``Page/requestedURL`` is the URL
    /// asked for and ``Page/finalURL`` the last hop.
    /// - Parameter request: the URL, headers and options (timeouts, limits, redirects, user agent).
    /// - Returns: the last hop's response, with a status below 400 (a 3xx only when redirects
    ///   are not followed or its `Location` is unusable). A 304 to a cached URL returns the
    ///   cached page, with an `X-NewsKit-Cache: revalidated` header.
    /// - Throws: ``FetchError``: an HTTP error status (after retries), `robotsDisallowed`,
    ///   `robotsUnavailable` (robots.txt could not be fetched: the reason says why),
    ///   `tooManyRedirects`, `invalidURL` (a redirect out of http and https), transport errors.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> Page {
        let original = request.url
        var hop = request
        hop.options.followsRedirects = false
        var redirects = 0
        while true {
            let page = try await fetchOne(hop, original: original, followingRedirects: request.options.followsRedirects)
            guard request.options.followsRedirects, let next = PoliteFetcher.redirectTarget(of: page, from: hop.url) else {
                var final = page
                final.requestedURL = original
                if final.finalURL == nil { final.finalURL = hop.url }
                return final
            }
            redirects += 1
            guard redirects <= request.options.maximumRedirects else {
                throw FetchError(.tooManyRedirects, url: original.absoluteString,
                                 curlMessage: "more than \(request.options.maximumRedirects) redirects (last to \(next.absoluteString))")
            }
            hop.url = next
        }
    }

    /// Where a response redirects to: a 301, 302, 303, 307 or 308 with a `Location` that parses
    /// (relative to `url`); nil for any other response. The one rule for following and archiving.
    static func redirectTarget(of page: Page, from url: URL) -> URL? {
        guard [301, 302, 303, 307, 308].contains(page.httpStatus ?? 200), let location = page.header("Location") else { return nil }
        return URL(string: location.trimmingCharacters(in: .whitespaces), relativeTo: url)?.absoluteURL
    }

    /// One URL, no redirects followed: robots.txt, the host's turn, retries, the cache. Every
    /// response is archived (as a response to `original`) except a redirect that will be followed.
    private func fetchOne(_ request: FetchRequest, original: URL, followingRedirects: Bool) async throws(FetchError) -> Page {
        let url = request.url
        guard let host = url.host?.lowercased(), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FetchError(.invalidURL, url: url.absoluteString, curlMessage: "only http and https URLs are fetched")
        }
        var crawlDelay: Double? = nil
        if configuration.respectRobots && url.path != "/robots.txt" {
            let outcome = await robots.rules(for: url) { [self] robotsURL async -> RobotsOutcome in
                await fetchRobots(robotsURL, options: request.options, host: host)
            }
            if let problem = outcome.problem {
                throw FetchError(.robotsUnavailable, url: url.absoluteString, curlMessage: problem)
            }
            guard outcome.rules.isAllowed(url, userAgent: request.options.userAgent) else {
                throw FetchError(.robotsDisallowed, url: url.absoluteString)
            }
            if let asked = outcome.rules.crawlDelay(userAgent: request.options.userAgent) {
                crawlDelay = cap(asked, at: configuration.maximumCrawlDelay, host: host, what: "Crawl-delay")
            }
        }
        var conditional = request
        let cached = cache?.page(for: url)
        if cached != nil, let validators = cache?.validators(for: url) { conditional.headers += validators }
        var attempt = 0
        while true {
            attempt += 1
            let result = await once(conditional, host: host, crawlDelay: crawlDelay,
                                    archiving: followingRedirects ? .unlessRedirect(original) : .always(original))
            switch result {
            case .success(let page):
                let status = page.httpStatus ?? 200
                if status == 304, var stored = cached {
                    stored.fetchedAt = page.fetchedAt
                    stored.headers.append(HTTPHeader(name: "X-NewsKit-Cache", value: "revalidated"))
                    return stored
                }
                if status < 400 {
                    if !(300..<400).contains(status) { cache?.store(page, for: url) }
                    return page
                }
                // An error status is a response, as every Fetcher returns it: retried while
                // retryable (429, 5xx), then returned with its status for the caller to judge.
                let error = FetchError(.httpStatus, url: url.absoluteString, httpStatus: status, attempts: attempt)
                if error.isRetryable && attempt <= configuration.retry.retries {
                    var wait = configuration.retry.backoff(attempt: attempt)
                    if let ra = page.header("Retry-After"), let seconds = RetryPolicy.retryAfter(ra, now: Date()) {
                        wait = cap(seconds, at: configuration.retry.maximumRetryAfter, host: host, what: "Retry-After")
                    }
                    try await sleep(wait, url: url)
                    continue
                }
                return page
            case .failure(var error):
                error.attempts = attempt
                if error.isRetryable && attempt <= configuration.retry.retries {
                    try await sleep(configuration.retry.backoff(attempt: attempt), url: url)
                    continue
                }
                throw error
            }
        }
    }

    /// A number of seconds a host asked for, capped, with one warning per host and kind.
    private func cap(_ seconds: Double, at limit: Double, host: String, what: String) -> Double {
        let limit = limit.isFinite ? max(0, limit) : 0
        guard !(seconds <= limit) else { return max(0, seconds) }
        let asked = seconds.isFinite ? String(format: "%g", seconds) : "\(seconds)"
        let message = "\(host): \(what) \(asked) s is capped at \(String(format: "%g", limit)) s"
        let first = lock.withLock { () -> Bool in
            guard warned.insert("\(what) \(host)").inserted else { return false }
            warningList.append(message)
            return true
        }
        if first { configuration.onWarning?(message) }
        return limit
    }

    /// Which responses ``once(_:host:crawlDelay:archiving:)`` archives, recorded as responses to the URL given.
    private enum Archiving {
        case always(URL)
        case unlessRedirect(URL)
    }

    /// One attempt in the host's turn; archives the response as asked.
    private func once(_ request: FetchRequest, host: String, crawlDelay: Double?, archiving: Archiving) async -> Result<Page, FetchError> {
        do { try await scheduler.acquire(host, crawlDelay: crawlDelay) } catch {
            return .failure(FetchError(.cancelled, url: request.url.absoluteString))
        }
        let result: Result<Page, FetchError>
        do { result = .success(try await transport.fetch(request)) } catch { result = .failure(error) }
        await scheduler.release(host)
        if case .success(var page) = result, let archive {
            switch archiving {
            case .always(let original):
                page.requestedURL = original
            case .unlessRedirect(let original):
                if PoliteFetcher.redirectTarget(of: page, from: request.url) != nil { return result }   // followed, not kept
                page.requestedURL = original
            }
            if page.finalURL == nil { page.finalURL = request.url }
            do { try archive.archive(page) } catch {
                lock.withLock { archiveErrors.append("\(request.url.absoluteString): \(error)") }
            }
        }
        return result
    }

    private func sleep(_ seconds: Double, url: URL) async throws(FetchError) {
        let seconds = seconds.isFinite ? min(max(0, seconds), FetchOptions.maximumTimeout) : 0
        do { try await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) } catch {
            throw FetchError(.cancelled, url: url.absoluteString)
        }
    }

    /// robots.txt per RFC 9309: 2xx parsed (its first ``Configuration/robotsBytes``), 4xx allows
    /// everything, and a 5xx or no answer disallows everything, with the reason kept so the
    /// page's failure can say what happened.
    private func fetchRobots(_ url: URL, options: FetchOptions, host: String) async -> RobotsOutcome {
        var o = options
        o.maximumBodyBytes = Configuration.robotsBytes
        o.truncatesAtLimit = true
        o.followsRedirects = true
        o.maximumRedirects = 5
        let request = FetchRequest(url: url, options: o)
        switch await once(request, host: host, crawlDelay: nil, archiving: .always(url)) {
        case .success(let page):
            let status = page.httpStatus ?? 0
            if (200..<300).contains(status) {
                var bytes = page.bytes[...]
                if page.header(FetchOptions.truncatedHeader) != nil, let lastBreak = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    bytes = bytes[..<lastBreak]   // a line cut in the middle is not a rule
                }
                return RobotsOutcome(rules: RobotsTxt(String(decoding: bytes, as: UTF8.self)))
            }
            if (400..<500).contains(status) { return RobotsOutcome(rules: .allowAll) }
            return RobotsOutcome(rules: .disallowAll, problem: "robots.txt at \(url.absoluteString) answered HTTP \(status)")
        case .failure(let e):
            let what: String
            switch e.code {
            case .timeout: what = "timed out"
            case .connection: what = "unreachable"
            default: what = "could not be fetched"
            }
            return RobotsOutcome(rules: .disallowAll, problem: "robots.txt at \(url.absoluteString) \(what): \(e.reason)")
        }
    }
}
