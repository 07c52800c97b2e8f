import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite
import TestHTTPServer

@Suite struct RobotsTxtTests {
    @Test func aJSONFeedListsItsItemsWithDatesAndTitles() {
        let feed = #"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a","url":"/news/1","title":"첫 기사","date_published":"2025-08-13T08:00:00+09:00"},{"id":"https://x.example/2"},{"id":"no-link"}]}"#
        guard case .articles(let entries) = ListingReader.read(Array(feed.utf8), baseURL: URL(string: "https://x.example/feed.json")) else {
            Issue.record("not read as a feed")
            return
        }
        #expect(entries.map(\.url) == ["https://x.example/news/1", "https://x.example/2"])
        #expect(entries.first?.title == "첫 기사")
        #expect(entries.first?.published == Instant(year: 2025, month: 8, day: 13, hour: 8))
        #expect(ListingReader.read(Array(#"{"version":"1","items":[]}"#.utf8)) == .unknown, "JSON that is not a JSON Feed")
    }

    @Test func hostileJSONFeedsEndCleanly() {
        let version = #"{"version":"https://jsonfeed.org/version/1.1","items":"#
        // Nested 100,000 deep, an item that is not an object, a truncated feed, wrong types.
        let deep = version + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(ListingReader.read(Array(deep.utf8)) == .unknown, "deeper than JSONSerialization reads: not a feed")
        #expect(ListingReader.read(Array((version + #"[1, "x", null, {"url": 5}]}"#).utf8)) == .articles([]))
        #expect(ListingReader.read(Array((version + #"[{"url": "/a""#).utf8)) == .unknown, "truncated")
        let many = version + "[" + Array(repeating: #"{"url":"https://x.example/a"}"#, count: 50_000).joined(separator: ",") + "]}"
        guard case .articles(let entries) = ListingReader.read(Array(many.utf8)) else { Issue.record("not read"); return }
        #expect(entries.count == 50_000)
    }

    @Test func longestMatchWinsAndAllowWinsTies() {
        let r = RobotsTxt("""
        User-agent: *
        Disallow: /news/
        Allow: /news/public/
        Disallow: /*.pdf$
        Allow: /page
        Disallow: /page
        """)
        #expect(!r.isAllowed("/news/1", userAgent: "NewsKit"))
        #expect(r.isAllowed("/news/public/1", userAgent: "NewsKit"))
        #expect(!r.isAllowed("/files/a.pdf", userAgent: "NewsKit"))
        #expect(r.isAllowed("/files/a.pdf?x=1", userAgent: "NewsKit"), "$ anchors at the end")
        #expect(r.isAllowed("/page", userAgent: "NewsKit"), "allow wins an equal-length tie")
        #expect(r.isAllowed("/robots.txt", userAgent: "NewsKit"))
    }

    @Test func groupsMatchTheProductTokenCaseInsensitively() {
        let r = RobotsTxt("User-agent: googlebot\nUser-agent: newskit\nDisallow: /x\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n")
        #expect(!r.isAllowed("/x", userAgent: "NewsKit/0.4 (+https://example)"))
        #expect(r.isAllowed("/y", userAgent: "NewsKit/0.4"))
        #expect(!r.isAllowed("/y", userAgent: "OtherBot/1.0"))
        #expect(r.crawlDelay(userAgent: "NewsKit/0.4") == 2)
    }

    @Test func emptyDisallowCommentsPercentEncodingAndSitemaps() {
        let r = RobotsTxt("# hi\nUser-agent: * # all\nDisallow:\nDisallow: /%7Eprivate/\nSitemap: https://example.com/sitemap.xml\n")
        #expect(r.isAllowed("/anything", userAgent: "NewsKit"))
        #expect(!r.isAllowed("/~private/x", userAgent: "NewsKit"))
        #expect(r.sitemaps == ["https://example.com/sitemap.xml"])
        #expect(RobotsTxt.allowAll.isAllowed("/x", userAgent: "a"))
        #expect(!RobotsTxt.disallowAll.isAllowed("/x", userAgent: "a"))
    }
}

@Suite struct URLAndListingTests {
    @Test func canonicalURLs() {
        #expect(URLCanonicalizer.canonical("HTTPS://WWW.Yna.co.kr:443/view/AKR1/?utm_source=rss&id=2&fbclid=x#top") == "https://www.yna.co.kr/view/AKR1?id=2")
        #expect(URLCanonicalizer.canonical("http://example.com") == "http://example.com/")
        #expect(URLCanonicalizer.canonical("ftp://example.com/a") == nil)
        var d = URLDeduplicator()
        let first = d.insert("https://a.kr/x?utm_medium=1")
        let again = d.insert("https://a.kr/x/")
        #expect(first && !again)
    }

    @Test func rssAtomAndSitemapsAreRead() {
        let rss = Array("<rss><channel><item><title>&lt;속보&gt; 제목</title><guid>https://a.kr/1</guid><pubDate>Wed, 13 Aug 2025 08:00:00 +0900</pubDate></item></channel></rss>".utf8)
        #expect(ListingReader.read(rss) == .articles([DiscoveredURL(url: "https://a.kr/1", published: Instant(iso8601: "2025-08-13T08:00:00+09:00"), title: "<속보> 제목")]))
        let atom = Array("<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>A</title><link rel='alternate' href='/a'/><updated>2025-08-13T00:00:00Z</updated></entry></feed>".utf8)
        #expect(ListingReader.read(atom, baseURL: URL(string: "https://b.kr/feed")) == .articles([DiscoveredURL(url: "https://b.kr/a", published: Instant(iso8601: "2025-08-13T00:00:00Z"), title: "A")]))
        let index = Gzip.compress(Array("<sitemapindex><sitemap><loc>https://c.kr/s1.xml</loc></sitemap></sitemapindex>".utf8))
        #expect(ListingReader.read(index) == .sitemaps(["https://c.kr/s1.xml"]))
        #expect(ListingReader.read(Array("<html><body>x</body></html>".utf8)) == .unknown)
    }

    @Test func httpDates() {
        #expect(HTTPDate.instant("Wed, 13 Aug 2025 08:00:00 GMT")?.iso8601 == "2025-08-13T08:00:00Z")
        #expect(HTTPDate.instant("13 Aug 2025 08:00 KST")?.iso8601 == "2025-08-13T08:00:00+09:00")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_755_072_000)) == "Wed, 13 Aug 2025 08:00:00 GMT")
        #expect(RetryPolicy.retryAfter("120", now: Date()) == 120)
    }
}

@Suite struct ArchiveFormatTests {
    @Test func gzipRoundTripsAcrossMembers() {
        let a = Array("첫째 ".utf8), b = Array(String(repeating: "둘째 ", count: 10_000).utf8)
        #expect(Gzip.decompress(Gzip.compress(a) + Gzip.compress(b)) == a + b)
        #expect(Gzip.decompress([0x1F, 0x8B, 1, 2, 3]) == nil)
    }

    @Test func digestVectors() {
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI======")
    }

    static func page(_ path: String, _ body: String) -> Page {
        Page(bytes: Array(body.utf8), requestedURL: URL(string: "https://a.kr\(path)"), finalURL: URL(string: "https://a.kr\(path)/final"),
             httpStatus: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8"), HTTPHeader(name: "Content-Encoding", value: "gzip")],
             fetchedAt: Date(timeIntervalSince1970: 1_755_072_000))
    }

    @Test(arguments: ["warc", "warc.gz"])
    func warcWrittenThenReadGivesTheSamePages(_ ext: String) throws {
        let path = NSTemporaryDirectory() + "newskit-\(UUID().uuidString).\(ext)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try WARCWriter(path: path)
        let pages = [Self.page("/1", "<p>하나</p>"), Self.page("/2", String(repeating: "둘 ", count: 50_000))]
        for p in pages { try writer.archive(p) }
        writer.close()
        let read = try WARCReader(path: path).pages().map { try $0.get() }
        #expect(read.count == 2)
        for (a, b) in zip(read, pages) {
            #expect(a.bytes == b.bytes)
            #expect(a.finalURL == b.finalURL)
            #expect(a.requestedURL == b.requestedURL)
            #expect(a.httpStatus == 200)
            #expect(a.fetchedAt == b.fetchedAt)
            #expect(a.header("Content-Type") == "text/html; charset=utf-8")
            #expect(a.header("Content-Encoding") == nil, "the stored body is decoded")
        }
    }

    @Test func replayTakesEveryKindOfDocumentAndCountsTheResponsesItSkips() async throws {
        func response(_ path: String, _ type: String?, _ body: String) -> Page {
            Page(bytes: Array(body.utf8), requestedURL: URL(string: "https://a.kr\(path)"), httpStatus: 200,
                 headers: type.map { [HTTPHeader(name: "Content-Type", value: $0)] } ?? [], fetchedAt: Date(timeIntervalSince1970: 1_755_072_000))
        }
        let path = NSTemporaryDirectory() + "newskit-\(UUID().uuidString).warc.gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try WARCWriter(path: path)
        for page in [response("/robots.txt", "text/plain", "User-agent: *\nDisallow:"),
                     response("/news/1", "text/html; charset=utf-8", "<title>기사</title><p>본문</p>"),
                     response("/capture", "text/plain; charset=utf-8", "북한 김정은, 푸틴 정책에 지지 약속\n\n북한 김정은 국무위원장이 지지를 약속했다."),
                     response("/post.md", "text/markdown", "---\ntitle: 글\n---\n\n본문"),
                     response("/x.xhtml", "application/xhtml+xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><p>본문</p></html>"),
                     response("/untyped", nil, "<p>본문</p>"),
                     response("/logo.png", "image/png", "\u{89}PNG"),
                     response("/a.jpg", "image/jpeg", "jpeg"),
                     response("/b.jpg", "IMAGE/JPEG; q=1", "jpeg"),
                     response("/app.js", "application/javascript", "let x = 1"),
                     response("/feed.xml", "application/rss+xml", "<rss/>")] {
            try writer.archive(page)
        }
        writer.close()
        let reader = try WARCReader(path: path)
        var taken: [String] = []
        for await input in reader.inputs(onFailure: { Issue.record("\($0)") }) {
            guard case .page(let page) = input else { Issue.record("not a page: \(input)"); continue }
            taken.append(page.url?.path ?? "")
        }
        #expect(taken == ["/news/1", "/capture", "/post.md", "/x.xhtml", "/untyped"])
        #expect(reader.responsesSkipped == 6)
        #expect(reader.skippedMediaTypes == ["robots.txt": 1, "image/png": 1, "image/jpeg": 2, "application/javascript": 1, "application/rss+xml": 1])
        // What the replay hands on, a Document reads as the kind its Content-Type says.
        let kinds = try WARCReader(path: path).pages().map { try $0.get() }.filter(\.isDocumentResponse).map { try Document(page: $0).kind }
        #expect(kinds == [.html, .textCapture, .frontMatter, .html, .html])
    }

    @Test func chunkedAndGzipBodiesInOtherCrawlersWARCsAreDecoded() throws {
        let body = Gzip.compress(Array("<p>남의 크롤러</p>".utf8))
        var chunked: [UInt8] = Array(String(body.count, radix: 16).utf8) + [13, 10] + body + Array("\r\n0\r\n\r\n".utf8)
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".utf8) + chunked
        chunked = []
        let record = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.kr/a\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Length: \(http.count)\r\n\r\n".utf8) + http + [13, 10, 13, 10]
        let info = Array("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n".utf8)
        let path = NSTemporaryDirectory() + "newskit-\(UUID().uuidString).warc.gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Gzip.compress(info) + Gzip.compress(record)).write(to: URL(fileURLWithPath: path))
        let reader = try WARCReader(path: path)
        let page = try #require(reader.next()).get()
        #expect(String(decoding: page.bytes, as: UTF8.self) == "<p>남의 크롤러</p>")
        #expect(page.fetchedAt == Instant(iso8601: "2024-01-02T03:04:05Z")?.date)
        #expect(reader.next().map { _ in true } == nil)
        #expect(reader.recordsRead == 2)
    }
}
