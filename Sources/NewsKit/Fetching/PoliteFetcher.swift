import Foundation

/// Keeps every response somewhere (a WARC file): called for each response a fetch receives.
public protocol ResponseArchive: Sendable {
    /// Archives one response.
    /// - Throws: any error; ``PoliteFetcher`` reports it in ``PoliteFetcher/archiveFailures``.
    func archive(_ page: Page) throws
}

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
    public struct Configuration: Sendable {
        /// Obey robots.txt (on unless asked).
        public var respectRobots = true
        /// Transfers to one host at once.
        public var maximumPerHost = 2
        /// Seconds between the starts of two requests to one host.
        public var delay: Double = 1.0
        /// Transfers at once, over all hosts.
        public var maximumConcurrent = 16
        public var retry = RetryPolicy()
        /// A folder for the response cache; nil for none.
        public var cacheDirectory: String?
        /// Defaults for every request (timeouts, limits, user agent).
        public var options = FetchOptions()
        public init() {}
    }

    public let configuration: Configuration
    private let transport: any Fetcher
    private let scheduler: HostScheduler
    private let robots = RobotsCache()
    private let cache: ResponseCache?
    private let archive: (any ResponseArchive)?
    private let lock = NSLock()
    private var archiveErrors: [String] = []

    /// - Parameters:
    ///   - transport: the fetcher doing the transfers (a ``CurlFetcher`` by default).
    ///   - archive: where every response is kept, if anywhere.
    /// - Throws: ``FetchError`` when the cache directory cannot be created.
    public init(configuration: Configuration = Configuration(), transport: (any Fetcher)? = nil,
                archive: (any ResponseArchive)? = nil) throws(FetchError) {
        self.configuration = configuration
        self.transport = transport ?? CurlFetcher(maximumConcurrentTransfers: configuration.maximumConcurrent)
        scheduler = HostScheduler(perHost: configuration.maximumPerHost, delay: configuration.delay, global: configuration.maximumConcurrent)
        cache = try configuration.cacheDirectory.map { (dir: String) throws(FetchError) -> ResponseCache in try ResponseCache(directory: dir) }
        self.archive = archive
    }

    /// Archive errors so far (each names the URL).
    public var archiveFailures: [String] { lock.withLock { archiveErrors } }

    /// Fetches with the configuration's options (the request's headers are kept).
    public func fetch(_ url: URL, headers: [HTTPHeader] = []) async throws(FetchError) -> Page {
        try await fetch(FetchRequest(url: url, headers: headers, options: configuration.options))
    }

    public func fetch(_ request: FetchRequest) async throws(FetchError) -> Page {
        let url = request.url
        guard let host = url.host?.lowercased(), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FetchError(.invalidURL, url: url.absoluteString, curlMessage: "only http and https URLs are fetched")
        }
        var crawlDelay: Double? = nil
        if configuration.respectRobots && url.path != "/robots.txt" {
            let rules = await robots.rules(for: url) { [self] robotsURL async -> RobotsTxt in
                await fetchRobots(robotsURL, options: request.options, host: host)
            }
            guard rules.isAllowed(url, userAgent: request.options.userAgent) else {
                throw FetchError(.robotsDisallowed, url: url.absoluteString)
            }
            crawlDelay = rules.crawlDelay(userAgent: request.options.userAgent)
        }
        var conditional = request
        let cached = cache?.page(for: url)
        if cached != nil, let validators = cache?.validators(for: url) { conditional.headers += validators }
        var attempt = 0
        while true {
            attempt += 1
            let result = await once(conditional, host: host, crawlDelay: crawlDelay)
            switch result {
            case .success(let page):
                let status = page.httpStatus ?? 200
                if status == 304, var stored = cached {
                    stored.fetchedAt = page.fetchedAt
                    stored.headers.append(HTTPHeader(name: "X-NewsKit-Cache", value: "revalidated"))
                    return stored
                }
                if status < 400 {
                    cache?.store(page, for: url)
                    return page
                }
                var error = FetchError(.httpStatus, url: url.absoluteString, httpStatus: status, attempts: attempt)
                if error.isRetryable && attempt <= configuration.retry.retries {
                    var wait = configuration.retry.backoff(attempt: attempt)
                    if let ra = page.header("Retry-After"), let seconds = RetryPolicy.retryAfter(ra, now: Date()) {
                        guard seconds <= configuration.retry.maximumRetryAfter else {
                            error.attempts = attempt
                            throw error
                        }
                        wait = seconds
                    }
                    try await sleep(wait, url: url)
                    continue
                }
                throw error
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

    /// One attempt in the host's turn; archives whatever response came back.
    private func once(_ request: FetchRequest, host: String, crawlDelay: Double?) async -> Result<Page, FetchError> {
        do { try await scheduler.acquire(host, crawlDelay: crawlDelay) } catch {
            return .failure(FetchError(.cancelled, url: request.url.absoluteString))
        }
        let result: Result<Page, FetchError>
        do { result = .success(try await transport.fetch(request)) } catch { result = .failure(error) }
        await scheduler.release(host)
        if case .success(let page) = result, let archive {
            do { try archive.archive(page) } catch {
                lock.withLock { archiveErrors.append("\(request.url.absoluteString): \(error)") }
            }
        }
        return result
    }

    private func sleep(_ seconds: Double, url: URL) async throws(FetchError) {
        do { try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9)) } catch {
            throw FetchError(.cancelled, url: url.absoluteString)
        }
    }

    /// robots.txt per RFC 9309: 2xx parsed, 4xx allows everything, 5xx or no answer disallows everything.
    private func fetchRobots(_ url: URL, options: FetchOptions, host: String) async -> RobotsTxt {
        var o = options
        o.maximumBodyBytes = 512 * 1024
        o.maximumRedirects = 5
        let request = FetchRequest(url: url, options: o)
        switch await once(request, host: host, crawlDelay: nil) {
        case .success(let page):
            let status = page.httpStatus ?? 0
            if (200..<300).contains(status) { return RobotsTxt(String(decoding: page.bytes, as: UTF8.self)) }
            if (400..<500).contains(status) { return .allowAll }
            return .disallowAll
        case .failure(let e):
            return e.code == .tooLarge ? .allowAll : .disallowAll
        }
    }
}

/// robots.txt per origin, fetched once: concurrent requests to one host share the fetch.
actor RobotsCache {
    private var entries: [String: Task<RobotsTxt, Never>] = [:]

    func rules(for url: URL, fetch: @escaping @Sendable (URL) async -> RobotsTxt) async -> RobotsTxt {
        let port = url.port.map { ":\($0)" } ?? ""
        let origin = "\(url.scheme?.lowercased() ?? "http")://\(url.host?.lowercased() ?? "")\(port)"
        if let task = entries[origin] { return await task.value }
        let robotsURL = URL(string: origin + "/robots.txt")!
        let task = Task { await fetch(robotsURL) }
        entries[origin] = task
        return await task.value
    }
}
