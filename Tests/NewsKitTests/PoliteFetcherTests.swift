import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite
import TestHTTPServer

/// Politeness, retries and caching, against servers on 127.0.0.1 that the tests start.
@Suite struct PoliteFetcherTests {
    static let transport = CurlFetcher(maximumConcurrentTransfers: 32)

    static func fetcher(delay: Double = 0, perHost: Int = 4, retries: Int = 3, robots: Bool = true, cache: String? = nil,
                        archive: (any ResponseArchive)? = nil) throws -> PoliteFetcher {
        var c = PoliteFetcher.Configuration()
        c.delay = delay
        c.maximumPerHost = perHost
        c.retry = RetryPolicy(retries: retries, baseDelay: 0.05, maximumDelay: 0.2, maximumRetryAfter: 5)
        c.respectRobots = robots
        c.cacheDirectory = cache
        c.options.timeout = 5
        return try PoliteFetcher(configuration: c, transport: transport, archive: archive)
    }

    @Test func robotsDisallowIsObeyedAndRobotsIsFetchedOnce() async throws {
        let server = try LocalHTTPServer { r in
            r.path == "/robots.txt" ? .respond(.text("User-agent: *\nDisallow: /private/\n\nUser-agent: NewsKit\nDisallow: /nk-only/\nAllow: /nk-only/ok"))
                                    : .respond(.html("ok"))
        }
        defer { server.stop() }
        let f = try Self.fetcher()
        // NewsKit has its own group, so the * group does not apply to it.
        #expect(try await f.fetch(server.url("/private/x")).httpStatus == 200)
        do { _ = try await f.fetch(server.url("/nk-only/secret")); Issue.record("expected a refusal") } catch {
            #expect(error.code == .robotsDisallowed)
            #expect(!error.isRetryable)
        }
        #expect(try await f.fetch(server.url("/nk-only/ok")).httpStatus == 200)
        #expect(server.count("/robots.txt") == 1)
        #expect(server.count("/nk-only/secret") == 0)
        let ignoring = try Self.fetcher(robots: false)
        #expect(try await ignoring.fetch(server.url("/nk-only/secret")).httpStatus == 200)
    }

    @Test func crawlDelaySpacesRequestsToOneHost() async throws {
        let server = try LocalHTTPServer { r in r.path == "/robots.txt" ? .respond(.text("User-agent: *\nCrawl-delay: 0.3")) : .respond(.html("ok")) }
        defer { server.stop() }
        let f = try Self.fetcher(delay: 0)
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { g in
            for i in 0..<4 { g.addTask { _ = try await f.fetch(server.url("/\(i)")) } }
            try await g.waitForAll()
        }
        let elapsed = clock.now - start
        let times = server.requests.filter { $0.path != "/robots.txt" }.map(\.receivedAt).sorted()
        #expect(times.count == 4)
        // Without the delay the four requests take milliseconds; with it three gaps of 0.3 s.
        // A lower bound only (a busy machine makes runs longer, never shorter), on the client's
        // clock; the server's arrival times, read by a thread that may be starved, only in sum.
        #expect(elapsed >= .milliseconds(850), "the four fetches took \(elapsed)")
        if let first = times.first, let last = times.last { #expect(last.timeIntervalSince(first) >= 0.6) }
    }

    @Test func perHostLimitBoundsConcurrentTransfers() async throws {
        let server = try LocalHTTPServer { _ in .respond(.init(status: 200, body: [65], delay: 0.2)) }
        defer { server.stop() }
        let f = try Self.fetcher(perHost: 2, robots: false)
        try await withThrowingTaskGroup(of: Void.self) { g in
            for i in 0..<8 { g.addTask { _ = try await f.fetch(server.url("/\(i)")) } }
            try await g.waitForAll()
        }
        #expect(server.peakConcurrency == 2)
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let hits = Counter()
        let server = try LocalHTTPServer { r in
            if r.path == "/robots.txt" { return .respond(.init(status: 404)) }
            return hits.next() == 1 ? .respond(.init(status: 429, headers: [HTTPHeader(name: "Retry-After", value: "1")])) : .respond(.html("ok"))
        }
        defer { server.stop() }
        let page = try await Self.fetcher().fetch(server.url("/a"))
        #expect(page.httpStatus == 200)
        let times = server.requests.filter { $0.path == "/a" }.map(\.receivedAt)
        #expect(times.count == 2)
        #expect(times[1].timeIntervalSince(times[0]) >= 0.95)
    }

    @Test func serverErrorsAreRetriedUntilSuccessButNotFoundIsNot() async throws {
        let hits = Counter()
        let server = try LocalHTTPServer { r in
            switch r.path {
            case "/flaky": return hits.next() <= 2 ? .respond(.init(status: 500)) : .respond(.html("ok"))
            case "/gone": return .respond(.init(status: 404))
            default: return .respond(.init(status: 503))
            }
        }
        defer { server.stop() }
        let f = try Self.fetcher(robots: false)
        #expect(try await f.fetch(server.url("/flaky")).httpStatus == 200)
        #expect(server.count("/flaky") == 3)
        // An error status is a response, as CurlFetcher returns it: 404 at once, 503 after the retries.
        #expect(try await f.fetch(server.url("/gone")).httpStatus == 404)
        #expect(server.count("/gone") == 1)
        #expect(try await f.fetch(server.url("/down")).httpStatus == 503)
        #expect(server.count("/down") == 4)
    }

    @Test func everyFetcherReturnsAnErrorStatusAsAPageWithItsBody() async throws {
        let server = try LocalHTTPServer { _ in .respond(.html("<p>없는 기사</p>", status: 404)) }
        defer { server.stop() }
        let fetchers: [any Fetcher] = [Self.transport, try Self.fetcher(robots: false)]
        for fetcher in fetchers {
            let page = try await fetcher.fetch(FetchRequest(url: server.url("/missing")))
            #expect(page.httpStatus == 404, "\(type(of: fetcher))")
            #expect(String(decoding: page.bytes, as: UTF8.self) == "<p>없는 기사</p>", "\(type(of: fetcher))")
        }
        // A run counts it as a failure of kind fetch.httpStatus, whichever fetcher fetched it.
        for fetcher in fetchers {
            let summary = await Pipeline(registry: PipelineSinkTests.registry, fetcher: fetcher).run([PipelineInput.url(server.url("/missing"))])
            #expect(summary.byFailure == [.fetch(.httpStatus): 1])
        }
    }

    @Test func connectionErrorsAreRetried() async throws {
        let hits = Counter()
        let server = try LocalHTTPServer { _ in hits.next() == 1 ? .reset : .respond(.html("ok")) }
        defer { server.stop() }
        #expect(try await Self.fetcher(robots: false).fetch(server.url("/")).httpStatus == 200)
    }

    @Test func robotsAnswering5xxDisallowsAllAndSaysSo() async throws {
        let server = try LocalHTTPServer { r in r.path == "/robots.txt" ? .respond(.init(status: 503)) : .respond(.html("ok")) }
        defer { server.stop() }
        let f = try Self.fetcher(retries: 0)
        do { _ = try await f.fetch(server.url("/a")); Issue.record("expected a refusal") } catch {
            #expect(error.code == .robotsUnavailable)
            #expect(error.reason.contains("robots.txt") && error.reason.contains("HTTP 503"), "\(error.reason)")
        }
        #expect(server.count("/a") == 0)
    }

    @Test func cachedResponsesAreRevalidatedWith304() async throws {
        let dir = NSTemporaryDirectory() + "newskit-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try LocalHTTPServer { r in
            if r.header("If-None-Match") == "\"v1\"" { return .respond(.init(status: 304)) }
            return .respond(.html("<p>본문</p>", headers: [HTTPHeader(name: "ETag", value: "\"v1\""), HTTPHeader(name: "Last-Modified", value: "Wed, 13 Aug 2025 08:00:00 GMT")]))
        }
        defer { server.stop() }
        let first = try await Self.fetcher(robots: false, cache: dir).fetch(server.url("/article"))
        // A new fetcher (a rerun) with the same cache folder.
        let second = try await Self.fetcher(robots: false, cache: dir).fetch(server.url("/article"))
        #expect(second.bytes == first.bytes)
        #expect(second.httpStatus == 200)
        #expect(second.header("X-NewsKit-Cache") == "revalidated")
        let revalidation = server.requests.last
        #expect(revalidation?.header("If-None-Match") == "\"v1\"")
        #expect(revalidation?.header("If-Modified-Since") == "Wed, 13 Aug 2025 08:00:00 GMT")
    }

    @Test func aFeedAndASitemapIndexLeadToArticles() async throws {
        let server = try LocalHTTPServer { r in
            let base = "http://127.0.0.1"
            switch r.path {
            case "/rss.xml":
                return .respond(.text("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>속보</title>
                <item><title><![CDATA[북러 정상 통화]]></title><link>/article/1?utm_source=rss</link><pubDate>Wed, 13 Aug 2025 08:00:00 +0900</pubDate></item>
                <item><title>옛 기사</title><link>/article/old</link><pubDate>Mon, 01 Jan 2024 08:00:00 +0900</pubDate></item>
                </channel></rss>
                """, contentType: "application/rss+xml"))
            case "/sitemap-index.xml":
                return .respond(.text("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>\(base):\(r.header("Host")?.split(separator: ":").last ?? "")/news-sitemap.xml</loc></sitemap></sitemapindex>", contentType: "application/xml"))
            case "/news-sitemap.xml":
                return .respond(.text("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>/article/2</loc><news:news><news:publication_date>2025-08-14T09:00:00+09:00</news:publication_date><news:title>평양 회담</news:title></news:news></url>
                <url><loc>/article/1</loc></url>
                </urlset>
                """, contentType: "application/xml"))
            default:
                return .respond(.html("<html><head><title>기사 \(r.path)</title></head><body><article><h1>기사 \(r.path)</h1><p>북한과 러시아가 협력을 강화하고 있다고 통신이 보도했다. 양국은 회담을 열었다.</p></article></body></html>"))
            }
        }
        defer { server.stop() }
        let f = try Self.fetcher(robots: false)
        let found = await Discovery.discover([server.url("/rss.xml").absoluteString, server.url("/sitemap-index.xml").absoluteString],
                                             fetcher: f, since: Instant(iso8601: "2025-01-01"))
        #expect(found.failures.isEmpty)
        #expect(found.listingsRead == 3)
        #expect(found.urls.map(\.path) == ["/article/1", "/article/2"], "the old item is filtered, the tracked duplicate dropped")
    }
}

/// A thread-safe counter for stateful server handlers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.withLock { n += 1; return n } }
}
