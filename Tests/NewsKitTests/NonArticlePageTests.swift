import Foundation
import Testing
import NewsKit
@testable import NewsKitCore

/// Pages that are not articles are refused, but what they state is kept: the error carries it,
/// and a pipeline told to keep non-articles delivers it.
@Suite struct NonArticlePageTests {
    static let links = (1...40).map { "<li><a href=\"/news/\($0)\">오늘의 주요 뉴스 제목 \($0)번째 기사입니다</a></li>" }.joined()
    /// A front page: a title, forty links, one sentence.
    static let front = "<html><head><meta property=\"og:type\" content=\"website\"><title>뉴스 홈</title></head><body><ul>\(links)</ul><p>집계 결과입니다.</p></body></html>"
    /// A video page: a headline and a date, and no text at all.
    static let video = """
    <html><head><meta property="og:type" content="article"><meta property="og:title" content="北 김정은, 러시아 방문 영상">
    <meta property="article:published_time" content="2025-08-13T08:00:00+09:00"></head><body><h1>北 김정은, 러시아 방문 영상</h1><video src="a.mp4"></video></body></html>
    """

    static func refusal(_ html: String) throws -> ExtractionError {
        let document = try GenericExtractionTests.document(html, url: "https://news.example.kr/home")
        do {
            _ = try GenericExtractor().extract(document)
        } catch {
            return error
        }
        Issue.record("the page was read as an article")
        return ExtractionError(.unsupported, input: "", "")
    }

    @Test func aFrontPageIsRefusedWithWhatItStatesAsAnIndexPage() throws {
        let error = try Self.refusal(Self.front)
        #expect(error.code == .notAnArticle)
        let page = try #require(error.page)
        #expect(page.pageKind == .index)
        #expect(page.title == "뉴스 홈")
        #expect(page.warnings.contains(error.message))
        #expect(!page.id.isEmpty && page.url?.absoluteString == "https://news.example.kr/home", "completed like an article")
    }

    @Test func aPageWithAHeadlineAndADateButNoTextKeepsBothAsAThinPage() throws {
        let error = try Self.refusal(Self.video)
        #expect(error.code == .noContent)
        let page = try #require(error.page)
        #expect(page.pageKind == .thin)
        #expect(page.title == "北 김정은, 러시아 방문 영상")
        #expect(page.publishedAt?.iso8601 == "2025-08-13T08:00:00+09:00")
        #expect(page.body.isEmpty)
    }

    @Test func aPageThatStatesNothingCarriesNoPage() throws {
        let error = try Self.refusal("<html><body><script>var x = 1;</script></body></html>")
        #expect(error.page == nil)
    }

    @Test func pageKindRoundTripsThroughJSONAndDefaultsToArticle() throws {
        let page = try #require(try Self.refusal(Self.video).page)
        let line = page.jsonLine
        #expect(line.contains("\"pageKind\":\"thin\""))
        let decoded = try JSONDecoder().decode(Article.self, from: Data(line.utf8))
        #expect(decoded.pageKind == .thin)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        object["pageKind"] = nil
        let older = try JSONDecoder().decode(Article.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.pageKind == .article, "JSON written before the field existed")
    }

    @Test func aPipelineFailsNonArticlesUnlessToldToKeepThem() async throws {
        let inputs = [Self.front, Self.video].enumerated().map { k, html in
            PipelineInput.page(Page(bytes: Array(html.utf8), requestedURL: URL(string: "https://news.example.kr/\(k)"), filePath: nil))
        }
        let registry = PipelineSinkTests.registry
        let skipped = await Pipeline(registry: registry, ordered: true).run(inputs)
        #expect(skipped.extracted == 0 && skipped.failed == 2)
        let kinds = Kinds()
        let kept = await Pipeline(registry: registry, ordered: true, keepsNonArticles: true).run(inputs) { event in
            if case .extracted(let a) = event { kinds.add(a.pageKind) }
        }
        #expect(kept.extracted == 2 && kept.failed == 0)
        #expect(kinds.values == [.index, .thin])
    }

    final class Kinds: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [PageKind] = []
        func add(_ k: PageKind) { lock.withLock { list.append(k) } }
        var values: [PageKind] { lock.withLock { list } }
    }
}
