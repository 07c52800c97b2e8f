import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

/// Pathological pages, feeds, archives and files: each ends as a result or a named error, in work
/// bounded by its size (the timings are measured by `scripts/bench-hostile.sh`, not here).
@Suite struct HostileInputTests {
    static func depth(of document: HTMLDocument) -> Int {
        var deepest = 0
        var stack: [(HTMLNode, Int)] = [(document.root, 0)]
        while let (node, d) = stack.popLast() {
            deepest = max(deepest, d)
            for child in node.children { stack.append((child, d + 1)) }
        }
        return deepest
    }

    @Test func nestingPastTheDepthCapKeepsEveryParagraph() async throws {
        try await offPool {
            let html = String(repeating: "<div>", count: 510) + "<p>x</p><p>y"
            let document = HTMLParser.parse(html)
            let paragraphs = try document.select("p").map(\.textContent)
            #expect(paragraphs == ["x", "y"])
            #expect(Self.depth(of: document) <= HTMLTreeBuilder.maxOpenElements + 2)
        }
    }

    @Test func twoHundredThousandNestedElementsParseWithTheirText() async throws {
        try await offPool {
            let html = String(repeating: "<div>", count: 200_000) + "<p>a</p><p>b</p><p>c</p>"
            let document = HTMLParser.parse(html)
            let paragraphs = try document.select("p").map(\.textContent)
            #expect(paragraphs == ["a", "b", "c"])
            #expect(Self.depth(of: document) <= HTMLTreeBuilder.maxOpenElements + 2)
        }
    }

    @Test func deepTablesFormattingAndForeignContentAtTheCapDoNotBreakTheTree() async throws {
        try await offPool {
            for opener in ["<table><tr><td>", "<b><i>", "<svg><g>", "<select><option>", "<template>", "<a>", "<ul><li>"] {
                let html = String(repeating: opener, count: 400) + "<p>end</p></table></svg></b>" + String(repeating: "</div>", count: 50)
                let document = HTMLParser.parse(html)
                #expect(document.treeDump().contains("\"end\""), "\(opener)")
            }
        }
    }

    @Test func thousandsOfDistinctFormattingElementsAreNotReconstructedEachTime() async throws {
        try await offPool {
            let opened = (0..<4000).map { "<b id=\($0)>" }.joined()
            let html = opened + String(repeating: "x<div>y</div>", count: 2000)
            let document = HTMLParser.parse(html)
            // Each reconstruction clones at most maxFormattingEntries elements, not 4,000.
            let bold = try document.select("b")
            #expect(bold.count < 4000 + 2000 * (HTMLTreeBuilder.maxFormattingEntries + 2))
            #expect(document.root.textContent.filter { $0 == "y" }.count == 2000)
        }
    }

    @Test func fosterParentedTextThatKeepsGrowingIsKeptWhole() async throws {
        try await offPool {
            let html = "<table>" + String(repeating: "x<td>y</td>", count: 20_000) + "</table>"
            let document = HTMLParser.parse(html)
            let body = try #require(try document.select("body").first)
            let before = body.childNodes.first?.textContent ?? ""
            #expect(before.count == 20_000 && before.allSatisfy { $0 == "x" }, "the foster-parented text is whole")
            let cells = try document.select("td").map(\.textContent).joined()
            #expect(cells.count == 20_000 && cells.allSatisfy { $0 == "y" })
        }
    }

    @Test func attributesOfClonedFormattingElementsAreTheirOwn() throws {
        let document = HTMLParser.parse("<p><b class=k id=1>a<p>b<p>c")
        let bold = try document.select("b")
        #expect(bold.count == 3)
        #expect(bold.allSatisfy { $0.attribute("class") == "k" && $0.attribute("id") == "1" })
    }

    // MARK: Feeds and sitemaps

    @Test func aSitemapOfFiftyThousandUnclosedElementsIsShallowAndFreesCleanly() async throws {
        try await offPool {
            let bytes = Array(("<urlset>" + String(repeating: "<url>", count: 50_000) + "<loc>https://x.kr/a</loc>").utf8)
            var depth = 0
            do {
                let root = FeedXML.parse(bytes)
                var stack: [(FeedXML.Element, Int)] = [(root, 0)]
                while let (e, d) = stack.popLast() {
                    depth = max(depth, d)
                    for c in e.children { stack.append((c, d + 1)) }
                }
            }   // the tree is freed here: a deep one would overflow the stack
            #expect(depth <= FeedXML.maximumDepth + 2)
            guard case .articles = ListingReader.read(bytes) else { Issue.record("not read as a sitemap"); return }
            // Elements past the cap are siblings: a sitemap whose <url> elements are never closed
            // still lists what its first levels hold.
            let unclosed = Array(("<urlset>" + (0..<50_000).map { "<url><loc>https://x.kr/\($0)</loc>" }.joined()).utf8)
            guard case .articles(let urls) = ListingReader.read(unclosed) else { Issue.record("not read as a sitemap"); return }
            #expect(urls.first?.url == "https://x.kr/0")
        }
    }

    @Test func unmatchedEndTagsInAFeedAreSkippedCheaply() async throws {
        try await offPool {
            let feed = "<rss><channel><item><link>https://x.kr/1</link></item>" + String(repeating: "<a>", count: 40_000)
                + String(repeating: "</b>", count: 300_000) + "</channel></rss>"
            guard case .articles(let urls) = ListingReader.read(Array(feed.utf8)) else { Issue.record("not read as a feed"); return }
            #expect(urls.map(\.url) == ["https://x.kr/1"])
        }
    }

    /// Found by the listing fuzz target (a 1 MiB generated feed timed out in `descendants`, which
    /// made a lowercased String per element): local names are now compared on bytes.
    @Test func localNamesCompareOnBytesIgnoringPrefixAndCase() {
        let feed = FeedXML.parse(Array("<rss><channel><item><News:Title>a</News:Title><xlink>b</xlink><link>c</link></item></channel></rss>".utf8))
        let item = try! #require(feed.descendants("item").first)
        #expect(item.value("title") == "a")
        #expect(item.value("link") == "c")
        #expect(item.children("link").count == 1, "xlink is not link")
        #expect(!item.hasLocalName("ite") && item.hasLocalName("item") && !item.hasLocalName("items"))
    }

    // MARK: robots.txt

    /// Found by the robots fuzz target: 27,594 copies of one wildcard rule made every URL check
    /// match them all (a 213-byte fuzz input generated the 512 KiB file).
    @Test func repeatedWildcardRulesInRobotsTxtAreMatchedOnce() {
        let text = "User-agent: *\n" + String(repeating: "Disallow: **aaaaa\n", count: 27_594) + "Allow: /ok\n"
        let robots = RobotsTxt(text)
        #expect(robots.groups.first?.rules.count == 2)
        #expect(robots.groups.first?.rules.first?.pattern == Array("*aaaaa".utf8))
        #expect(!robots.isAllowed("/x/" + String(repeating: "a", count: 8000), userAgent: "NewsKit"))
        #expect(robots.isAllowed("/ok", userAgent: "NewsKit"))
    }

    @Test func collapsedStarsKeepTheWrittenLengthAsTheRulesSpecificity() {
        // Allow /**p (4 octets as written) outranks Disallow /*p (3), as RFC 9309's longest match says.
        let robots = RobotsTxt("User-agent: *\nDisallow: /*p\nAllow: /**p\n")
        #expect(robots.isAllowed("/page", userAgent: "NewsKit"))
    }

    // MARK: Files

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let path = NSTemporaryDirectory() + "newskit-fifo-\(UUID().uuidString).html"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        do { _ = try Page.read(path: path); Issue.record("a FIFO was read") } catch {
            #expect(error.code == .notAFile)
            #expect(error.description.contains(path) && error.description.contains("FIFO"))
        }
    }

    @Test func aDanglingLinkIsNamedAsSuch() throws {
        let path = NSTemporaryDirectory() + "newskit-link-\(UUID().uuidString).html"
        #expect(symlink("/nonexistent/newskit", path) == 0)
        defer { unlink(path) }
        do { _ = try Page.read(path: path); Issue.record("a dangling link was read") } catch {
            #expect(error.code == .notFound)
            #expect(error.message.contains("symbolic link"))
        }
    }

    // MARK: WARC

    static func warcFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "newskit-\(UUID().uuidString).warc"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func record(_ http: [UInt8], length: Int? = nil, extra: String = "") -> [UInt8] {
        Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.kr/a\r\n\(extra)Content-Length: \(length ?? http.count)\r\n\r\n".utf8) + http + [13, 10, 13, 10]
    }

    @Test func aWARCCutInsideAChunkedBodyIsReportedTruncated() throws {
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n<p>기사의 앞부분".utf8)
        let path = try Self.warcFile(Self.record(http))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try #require(WARCReader(path: path).next())
        guard case .failure(let error) = result else { Issue.record("a cut body became a page"); return }
        #expect(error.code == .truncated)
        #expect(error.url == "http://x.kr/a" && error.description.contains(path))
    }

    @Test func aWARCFileThatEndsInsideARecordIsReportedTruncated() throws {
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>본문</p>".utf8)
        let whole = Self.record(http)
        let path = try Self.warcFile(Array(whole[0..<(whole.count - 12)]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try WARCReader(path: path)
        guard case .failure(let error) = try #require(reader.next()) else { Issue.record("a cut record became a page"); return }
        #expect(error.code == .truncated)
        #expect(reader.next() == nil)
    }

    @Test func randomBytesAreNotAWARCFile() throws {
        var generator = SystemRandomNumberGenerator()
        let path = try Self.warcFile((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try WARCReader(path: path)
        guard case .failure(let error) = try #require(reader.next()) else { Issue.record("random bytes gave a page"); return }
        #expect(error.code == .notAnArchive)
        #expect(error.url == path)
        #expect(reader.next() == nil)
    }

    @Test func aBodyShorterThanItsContentLengthIsTruncated() throws {
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n<p>본문</p>".utf8)
        let path = try Self.warcFile(Self.record(http))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let error) = try #require(WARCReader(path: path).next()) else { Issue.record("a short body became a page"); return }
        #expect(error.code == .truncated)
    }

    // MARK: Charsets

    @Test func aUTF16TransportLabelOnUTF8BytesIsOverruledAndSaid() throws {
        let bytes = Array("<html><body><p>북한과 러시아는 정상회담을 열었다. 두 정상은 협력을 약속했다.</p></body></html>".utf8)
        let page = Page(bytes: bytes, requestedURL: URL(string: "http://x.kr/a"), httpStatus: 200,
                        headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-16")])
        let document = try Document(page: page)
        #expect(document.encoding.encoding == .utf8)
        #expect(document.encoding.source == .override)
        #expect(document.encoding.declaredLabel == "utf-16")
        #expect(document.blocks.contains { $0.text.contains("정상회담") })
    }

    @Test func realUTF16WithoutAByteOrderMarkFollowsTheTransportLabel() throws {
        let text = "<html><body><p>북한과 러시아</p></body></html>"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let page = Page(bytes: le, requestedURL: URL(string: "http://x.kr/a"), httpStatus: 200,
                        headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-16")])
        let document = try Document(page: page)
        #expect(document.encoding.encoding == .utf16LE)
        #expect(document.blocks.contains { $0.text.contains("북한과 러시아") })
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(EncodingSniffer.sniff(be, contentType: "text/html; charset=utf-16").0.encoding == .utf16BE)
    }

    @Test func aUTF16MetaDeclarationMeansUTF8() {
        let bytes = Array("<meta charset=utf-16><p>북한</p>".utf8)
        let (decision, _) = EncodingSniffer.sniff(bytes)
        #expect(decision.encoding == .utf8)
        #expect(decision.source == .meta)
    }
}
