import Foundation
import Testing
import TestHTTPServer

/// extract, fetch, crawl and `extract --warc` end with the same summary line on stderr, and
/// honour `--format` alike.
@Suite struct RunSummaryTests {
    typealias Demo = DemoCommandTests

    /// `newskit-demo CMD: extracted N of M page(s), K failed, W warning(s) in S s, R pages/s…`, as numbers.
    static func summary(_ stderr: String, command: String) -> (extracted: Int, pages: Int, failed: Int, warnings: Int)? {
        let prefix = "newskit-demo \(command): extracted "
        guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix(prefix) }) else { return nil }
        let words = line.dropFirst(prefix.count).split(separator: " ")
        // N of M page(s), K failed, W warning(s) in S s, R pages/s
        guard words.count >= 12, words[1] == "of", words[3] == "page(s),", words[5] == "failed,", words[7] == "warning(s)", words[8] == "in",
              words[10] == "s,", words[12].hasPrefix("pages/s"),
              let n = Int(words[0]), let m = Int(words[2]), let k = Int(words[4]), let w = Int(words[6]),
              Double(words[9]) != nil, Double(words[11]) != nil else { return nil }
        return (n, m, k, w)
    }

    @Test func extractFetchCrawlAndReplayEndWithTheSameSummaryLine() async throws {
        let server = try FetchCommandTests.site()
        defer { server.stop() }
        let warc = NSTemporaryDirectory() + "newskit-summary-\(UUID().uuidString).warc"
        defer { try? FileManager.default.removeItem(atPath: warc) }
        try await offPool {
            let extract = try Demo.run(["extract", "Examples/seeds", "/nonexistent/x.html"])
            let e = try #require(Self.summary(extract.stderr, command: "extract"), "\(extract.stderr)")
            #expect(e.extracted == 5 && e.pages == 6 && e.failed == 1)
            #expect(extract.stderr.contains("; failures: input.notFound 1"))

            let fetch = try Demo.run(["fetch", server.url("/etoday").absoluteString, server.url("/missing").absoluteString, "--warc", warc] + FetchCommandTests.polite)
            let f = try #require(Self.summary(fetch.stderr, command: "fetch"), "\(fetch.stderr)")
            #expect(f.extracted == 1 && f.pages == 2 && f.failed == 1)
            #expect(fetch.stderr.contains("; failures: fetch.httpStatus 1; archived 3 response(s) to \(warc)"), "\(fetch.stderr)")

            let crawl = try Demo.run(["crawl", server.url("/feed.xml").absoluteString] + FetchCommandTests.polite)
            let c = try #require(Self.summary(crawl.stderr, command: "crawl"), "\(crawl.stderr)")
            #expect(c.extracted == 2 && c.pages == 2 && c.failed == 0)

            let replay = try Demo.run(["extract", "--warc", warc])
            let r = try #require(Self.summary(replay.stderr, command: "extract"), "\(replay.stderr)")
            #expect(r.extracted == 1, "the article page of the archive")
        }
    }

    @Test func fetchAndReplayHonourFormat() async throws {
        let server = try FetchCommandTests.site()
        defer { server.stop() }
        let warc = NSTemporaryDirectory() + "newskit-format-\(UUID().uuidString).warc"
        defer { try? FileManager.default.removeItem(atPath: warc) }
        try await offPool {
            let url = server.url("/etoday").absoluteString
            let text = try Demo.run(["fetch", url, "--format", "text", "--warc", warc] + FetchCommandTests.polite)
            #expect(text.status == 0, "\(text.stderr)")
            #expect(!text.stdout.hasPrefix("{"), "text, not JSON: \(text.stdout.prefix(80))")
            let json = try Demo.run(["extract", "--warc", warc, "--format", "json"])
            #expect(json.status == 0 || json.status == 1, "\(json.stderr)")
            let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect(array?.compactMap { $0["url"] as? String }.contains(url) == true, "one JSON array, not lines: \(json.stdout.prefix(80))")
            let markdown = try Demo.run(["extract", "--warc", warc, "--format", "markdown"])
            #expect(markdown.stdout.hasPrefix("# "), "\(markdown.stdout.prefix(80))")
        }
    }
}
