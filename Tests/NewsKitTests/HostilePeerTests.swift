import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite
import TestHTTPServer

/// Servers that ask for absurd delays, redirect past robots.txt, send huge robots.txt files or
/// cannot be reached: each request still ends, and the reason names what happened.
@Suite struct HostilePeerTests {
    /// Collects warnings from the fetcher's handler.
    final class Warnings: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) { lock.withLock { list.append(s) } }
        var all: [String] { lock.withLock { list } }
    }

    static func fetcher(maximumCrawlDelay: Double = 0.05, retries: Int = 0, maximumRetryAfter: Double = 0.05,
                        warnings: Warnings? = nil) throws -> PoliteFetcher {
        var c = PoliteFetcher.Configuration()
        c.delay = 0
        c.maximumCrawlDelay = maximumCrawlDelay
        c.retry = RetryPolicy(retries: retries, baseDelay: 0.01, maximumDelay: 0.05, maximumRetryAfter: maximumRetryAfter)
        c.options.timeout = 5
        if let warnings { c.onWarning = { warnings.add($0) } }
        // A transport of its own: no kept-alive connection from another test's server (whose port
        // a later server may get) is reused.
        return try PoliteFetcher(configuration: c, transport: CurlFetcher(maximumConcurrentTransfers: 8))
    }

    @Test(arguments: ["inf", "1e20", "999999", "-5", "nan"])
    func anAbsurdCrawlDelayIsCappedWithAWarningNamingTheHost(_ delay: String) async throws {
        let server = try LocalHTTPServer { r in
            r.path == "/robots.txt" ? .respond(.text("User-agent: *\nCrawl-delay: \(delay)\n")) : .respond(.html("<p>ok</p>"))
        }
        defer { server.stop() }
        let warnings = Warnings()
        let f = try Self.fetcher(warnings: warnings)
        #expect(try await f.fetch(server.url("/a")).httpStatus == 200)
        #expect(try await f.fetch(server.url("/b")).httpStatus == 200, "the second request starts")
        if delay == "-5" || delay == "nan" {
            #expect(f.warnings.isEmpty, "an invalid Crawl-delay is ignored")
        } else {
            #expect(f.warnings.count == 1)
            #expect(f.warnings.first?.contains("127.0.0.1") == true && f.warnings.first?.contains("Crawl-delay") == true)
            #expect(warnings.all == f.warnings)
        }
    }

    @Test func anAbsurdRetryAfterIsCappedWithAWarning() async throws {
        let server = try LocalHTTPServer { r in
            r.path == "/busy" ? .respond(.init(status: 503, headers: [HTTPHeader(name: "Retry-After", value: "999999")])) : .respond(.text(""))
        }
        defer { server.stop() }
        let f = try Self.fetcher(retries: 1)
        #expect(try await f.fetch(server.url("/busy")).httpStatus == 503, "the last response, once the retry is spent")
        #expect(server.count("/busy") == 2)
        #expect(f.warnings.contains { $0.contains("Retry-After 999999 s is capped") })
    }

    @Test func numbersFromOutsideCannotTrapTheRetryPolicy() {
        let policy = RetryPolicy(retries: 3, baseDelay: .infinity, maximumDelay: .nan, maximumRetryAfter: -.infinity)
        #expect(policy.backoff(attempt: 1000).isFinite)
        #expect(policy.maximumRetryAfter == 120)
        #expect(RetryPolicy.retryAfter("nan", now: Date()) == nil)
        #expect(FetchOptions.milliseconds(.infinity) == Int(FetchOptions.maximumTimeout * 1000))
        #expect(FetchOptions.milliseconds(1e300) == Int(FetchOptions.maximumTimeout * 1000))
        #expect(FetchOptions.milliseconds(-1) == 0)
    }

    @Test func aRobotsTxtOverHalfAMegabyteIsReadFromItsStart() async throws {
        let robots = "User-agent: *\nDisallow: /\n" + String(repeating: "# padding line for a big robots.txt\n", count: 20_000)
        #expect(robots.utf8.count > 600 * 1024)
        let server = try LocalHTTPServer { r in r.path == "/robots.txt" ? .respond(.text(robots)) : .respond(.html("<p>ok</p>")) }
        defer { server.stop() }
        let f = try Self.fetcher()
        do { _ = try await f.fetch(server.url("/page")); Issue.record("the page was fetched") } catch {
            #expect(error.code == .robotsDisallowed)
        }
        #expect(server.count("/page") == 0)
    }

    @Test func aRedirectIsCheckedAgainstTheTargetHostsRobotsTxt() async throws {
        let target = try LocalHTTPServer { r in r.path == "/robots.txt" ? .respond(.text("User-agent: *\nDisallow: /")) : .respond(.html("<p>x</p>")) }
        defer { target.stop() }
        let origin = try LocalHTTPServer { r in
            switch r.path {
            case "/robots.txt": return .respond(.text("User-agent: *\nAllow: /"))
            case "/go": return .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: target.url("/secret").absoluteString)]))
            default: return .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: "/landing")]))
            }
        }
        defer { origin.stop() }
        let f = try Self.fetcher()
        do { _ = try await f.fetch(origin.url("/go")); Issue.record("the redirect target was fetched") } catch {
            #expect(error.code == .robotsDisallowed)
            #expect(error.url == target.url("/secret").absoluteString)
        }
        #expect(target.count("/secret") == 0)
        #expect(target.count("/robots.txt") == 1)
    }

    @Test func redirectsAreFollowedHopByHopUpToTheLimit() async throws {
        let server = try LocalHTTPServer { r in
            switch r.path {
            case "/robots.txt": return .respond(.text(""))
            case "/old": return .respond(.init(status: 301, headers: [HTTPHeader(name: "Location", value: "/new")]))
            case "/new": return .respond(.html("<p>새 주소</p>"))
            case "/file": return .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: "file:///etc/passwd")]))
            default:   // /loop/N → /loop/N+1 forever
                let n = Int(r.path.split(separator: "/").last ?? "0") ?? 0
                return .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: "/loop/\(n + 1)")]))
            }
        }
        defer { server.stop() }
        let f = try Self.fetcher()
        let page = try await f.fetch(server.url("/old"))
        #expect(page.requestedURL == server.url("/old") && page.finalURL == server.url("/new"))
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("새 주소"))
        do { _ = try await f.fetch(server.url("/loop/0")); Issue.record("an endless redirect ended well") } catch {
            #expect(error.code == .tooManyRedirects)
        }
        #expect(server.count("/loop/11") == 0, "at most maximumRedirects (10) hops")
        do { _ = try await f.fetch(server.url("/file")); Issue.record("a file:// redirect was followed") } catch {
            #expect(error.code == .invalidURL)
        }
    }

    @Test func aHostThatRefusesConnectionsIsReportedAsUnreachable() async throws {
        let server = try LocalHTTPServer { _ in .respond(.text("")) }
        let url = server.url("/page")
        server.stop()   // nothing listens on the port now
        let f = try Self.fetcher()
        do { _ = try await f.fetch(url); Issue.record("a closed port answered") } catch {
            #expect(error.code == .robotsUnavailable)
            #expect(error.reason.contains("unreachable"), "\(error.reason)")
            #expect(!error.reason.contains("disallowed"))
        }
    }
}
