import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

/// The generic extractor on small pages built for one behaviour each.
@Suite struct GenericExtractionTests {
    static func document(_ html: String, url: String? = nil) throws -> Document {
        try Document(page: Page(bytes: Array(html.utf8), requestedURL: url.flatMap(URL.init(string:)), filePath: "test.html"))
    }

    static func extract(_ html: String, url: String? = nil) throws -> Article {
        try GenericExtractor().extract(try document(html, url: url))
    }

    static let paragraphs = (1...6).map { "북한과 러시아가 \($0)일 정상 간 통화를 통해 포괄적 전략적 동반자 관계 조약에 따른 협력을 재확인했다고 조선중앙통신이 보도했다." }

    // MARK: Article data in scripts

    @Test func articleShippedAsScriptDataIsRead() throws {
        let elements = Self.paragraphs.map { #"{"type":"text","content":"\#($0) <b>강조</b>"}"# }.joined(separator: ",")
        let html = """
        <html><head><meta property="og:title" content="북러 정상 통화"><meta property="article:published_time" content="2023-04-11T02:40:17Z">
        <script>Fusion.globalContent={"_id":"X","headlines":{"basic":"북러 정상 통화"},"content_elements":[
        {"type":"image","url":"https://img.example/a.jpg","caption":"평양 거리. 연합뉴스"},\(elements)],
        "credits":{"by":[{"name":"선민 박","additional_properties":{"original":{"byline":"박선민 기자"}}}]},
        "first_publish_date":"2023-04-11T02:40:00Z","last_updated_date":"2023-04-11T04:07:06Z"};Fusion.x=1;</script>
        </head><body><div id="app"><h1>북러 정상 통화</h1><p>로그인</p></div></body></html>
        """
        let a = try Self.extract(html)
        #expect(a.body.count == 6)
        #expect(a.body.first?.text.hasSuffix("보도했다. 강조") == true)
        #expect(a.title == "북러 정상 통화")
        #expect(a.authors.map(\.name) == ["박선민"])
        // The script data gives UTC; a Korean article shows the same moment in KST.
        #expect(a.publishedAt?.iso8601 == "2023-04-11T11:40:17+09:00")
        #expect(a.updatedAt?.iso8601 == "2023-04-11T13:07:06+09:00")
        #expect(a.images.first?.url == "https://img.example/a.jpg")
        #expect(a.warnings.contains { $0.has("script") })
    }

    @Test func articleHTMLInScriptDataIsReadWithItsDates() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let json = #"{"queries":[{"state":{"data":{"detail":{"title":"장동혁, 한동훈 제명","contentHtml":"\#(body)","deployDt":"2026.01.29 18:40","reDeployDt":"2026.01.29 18:49"}}}}]}"#
        let html = "<html><head><title>장동혁, 한동훈 제명-정치ㅣ한국일보</title></head><body><div>메뉴</div><script>window.q = window.q || [];window.q.push(\(json));</script></body></html>"
        let a = try Self.extract(html)
        #expect(a.body.count == 6)
        #expect(a.publishedAt == Instant(year: 2026, month: 1, day: 29, hour: 18, minute: 40))
        #expect(a.updatedAt == Instant(year: 2026, month: 1, day: 29, hour: 18, minute: 49))
    }

    @Test func markupWinsWhenItHoldsTheArticle() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><meta property="article:published_time" content="2025-08-13T08:00:00+09:00"></head><body><article>\(body)</article>
        <script>var s = {"list":[{"type":"text","content":"다른 기사의 요약문입니다. 이것은 본문이 아니다."}], "pad":"\(String(repeating: "x", count: 300))"};</script></body></html>
        """
        let a = try Self.extract(html)
        #expect(a.body.map(\.text) == Self.paragraphs)
        #expect(!a.warnings.contains { $0.has("script") })
    }

    @Test func scriptDataWithoutArticleShapeIsNotParsed() {
        let config = Array(#"var cfg = {"a": 1, "b": "\#(String(repeating: "y", count: 500))"};"#.utf8)
        #expect(!EmbeddedArticle.mayHoldArticle(config[...]))
        #expect(EmbeddedArticle.mayHoldArticle(Array(#"x = {"type":"text","content":"a"}"#.utf8)[...]))
    }

    // MARK: What is not text

    @Test func hiddenCopiesButtonsAndScreenReaderLabelsAreNotText() throws {
        let html = """
        <html><body><div id="cont_newstext"><p>\(Self.paragraphs[0])</p><button>전체재생</button><span class="blind">동영상 영역</span></div>
        <div class="hide" id="mailHtmlContents"><p>\(Self.paragraphs[0])</p></div></body></html>
        """
        let texts = try Self.document(html).blocks.map(\.text)
        #expect(texts == [Self.paragraphs[0]])
    }

    @Test func widgetBoxesInsideTheArticleAreDropped() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><meta property="og:type" content="article"></head><body><div class="news_cont">\(body)
        <div class="mini_layer layer_bookmark"><div class="text">해당 기사를 북마크했습니다.</div></div>
        <div class="wrap_comment"><h3>당신의 의견을 남겨주세요</h3><p>의견을 작성하려면 로그인해주세요</p></div></div></body></html>
        """
        let a = try Self.extract(html)
        #expect(a.body.map(\.text) == Self.paragraphs)
    }

    @Test func linkLinesAndEmptyTrailingHeadingsAreNotBody() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let html = """
        <html><head><meta property="og:type" content="article"></head><body><article>\(body)
        <p><a href="/x">SEE MORE: Hong Kong protests latest</a></p><h3>이 기사 어땠나요?</h3></article></body></html>
        """
        let a = try Self.extract(html)
        #expect(a.body.map(\.text) == Self.paragraphs)
    }

    @Test func aHeadingAroundSentencesIsAParagraph() throws {
        let html = "<html><head><meta property=\"og:type\" content=\"article\"></head><body><div><h3>\(Self.paragraphs.map { "<div>\($0)</div>" }.joined())</h3></div></body></html>"
        let a = try Self.extract(html)
        #expect(a.body.count == 6)
        #expect(a.body.allSatisfy { $0.kind == .paragraph })
    }

    // MARK: Content area

    @Test func anArticleInSeveralBoxesOfOneClassIsWhole() throws {
        let p = Self.paragraphs
        let html = """
        <html><head><meta property="og:type" content="article"></head><body><main>
        <section><div class="post__content"><p>\(p[0])</p></div></section><figure><img src="a.jpg"><figcaption>사진 설명</figcaption></figure>
        <section><div class="post__content"><p>\(p[1])</p><p>\(p[2])</p><p>\(p[3])</p><p>\(p[4])</p></div></section>
        <section><div class="post__content"><p>\(p[5])</p></div></section></main><div class="footer"><a href="/">회사소개</a></div></body></html>
        """
        let a = try Self.extract(html)
        #expect(a.body.map(\.text) == p)
    }

    @Test func relatedBoxInTheMiddleEndsWhereItsElementEnds() throws {
        let p = Self.paragraphs
        let html = """
        <html><head><meta property="og:type" content="article"></head><body><article><p>\(p[0])</p><p>\(p[1])</p>
        <div class="related-articles"><h4>Related articles</h4><ul><li><a href="/news/view/2371190">첫 관련 기사 제목</a></li><li><a href="/news/view/2371200">둘째 관련 기사 제목</a></li></ul></div>
        <p>\(p[2])</p><p>\(p[3])</p></article></body></html>
        """
        let a = try Self.extract(html)
        #expect(a.body.map(\.text) == Array(p[0...3]))
        #expect(a.related.map(\.title) == ["첫 관련 기사 제목", "둘째 관련 기사 제목"])
    }

    @Test func aLinkListPageWithoutArticleSignalsIsNotAnArticle() throws {
        let links = (1...40).map { "<li><a href=\"/news/\($0)\">오늘의 주요 뉴스 제목 \($0)번째 기사입니다</a></li>" }.joined()
        let html = "<html><head><meta property=\"og:type\" content=\"website\"><title>뉴스 홈</title></head><body><ul>\(links)</ul><p>집계 결과입니다.</p></body></html>"
        #expect {
            _ = try Self.extract(html)
        } throws: { error in
            (error as? ExtractionError)?.code == .notAnArticle
        }
    }

    // MARK: Titles and metadata

    @Test func theHeadlineOnThePageReplacesAMetaTitleWithATail() throws {
        let body = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
        let tailed = "<html><head><meta property=\"og:title\" content=\"장동혁, 한동훈 제명했지만-정치ㅣ한국일보\"><meta property=\"og:site_name\" content=\"한국일보\"></head><body><h1>장동혁, 한동훈 제명했지만</h1><article>\(body)</article></body></html>"
        #expect(try Self.extract(tailed).title == "장동혁, 한동훈 제명했지만")
        let quotes = "<html><head><meta property=\"og:title\" content=\"실사단 ″K팝스타 된 기분″\"></head><body><h1>실사단 \"K팝스타 된 기분\"</h1><article>\(body)</article></body></html>"
        #expect(try Self.extract(quotes).title == "실사단 \"K팝스타 된 기분\"")
    }

    @Test func jsonLDWithCommentsAndEscapedEntitiesIsRead() throws {
        let html = """
        <html><head><script type="application/ld+json">
        {"@type": "NewsArticle", "headline": "한 총리 &quot;양곡법 건의&quot;",
         "datePublished": "2023-04-04T00:40:21+09:00",  // pubdate
         "dateModified":"2023-04-04T00:41:31+09:00",\t// 수정일자
         "author": {"@type": "Person", "name": "지윤수"},}
        </script></head><body><article>\(Self.paragraphs.map { "<p>\($0)</p>" }.joined())</article></body></html>
        """
        let meta = try Self.document(html).metadata
        #expect(meta.title == "한 총리 \"양곡법 건의\"")
        #expect(meta.modified == Instant(iso8601: "2023-04-04T00:41:31+09:00"))
        #expect(meta.authors == ["지윤수"])
    }

    @Test func metaValueAttributesAndBlogNicknamesAreRead() throws {
        let html = "<html><head><meta value=\"우유 섭취가 몸집을 키웠다?\" name=\"og:title\"><meta value=\"고든\" name=\"naverblog:nickname\"></head><body><p>x</p></body></html>"
        let meta = try Self.document(html).metadata
        #expect(meta.title == "우유 섭취가 몸집을 키웠다?")
        #expect(meta.authors == ["고든"])
    }
}
