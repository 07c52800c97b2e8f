import Foundation
import Testing
import NewsKit
import NewsKitAdapters

/// The adapter kit: layouts read field by field, each field falling back to the generic reading
/// on its own, and a page in no known layout read the generic way instead of refused.
@Suite struct LayoutAdapterTests {
    /// A site adapter for tests, made of the layouts given.
    struct TestSite: LayoutAdapter {
        let id = "test-site"
        let version = "1"
        let summary = "test"
        let hosts = ["test-site.kr"]
        let layouts: [ArticleLayout]
        func confidence(for document: Document) -> Confidence { matchesHost(document) ? .certain : .none }
    }

    struct Broken: Error, CustomStringConvertible { var description: String { "the date line is garbled" } }

    static func document(_ html: String, url: String = "https://www.test-site.kr/news/1") throws -> Document {
        try Document(page: Page(bytes: Array(html.utf8), requestedURL: URL(string: url)))
    }

    static let page = """
        <html><head><meta property="og:description" content="요약입니다."></head><body>
        <h1>제목이 여기에 있습니다</h1><div class="when">입력 2025.08.13 09:30</div>
        <div class="story"><p>첫 문단은 북한과 러시아의 관계를 다룬 기사의 시작입니다. 충분히 긴 문장으로 씁니다.</p>
        <p>둘째 문단도 기사 본문입니다. 양국 정상의 통화 내용이 이어집니다.</p></div></body></html>
        """

    @Test func aLayoutReadsItsFieldsAndLeavesTheRestToTheGenericReading() throws {
        let layout = ArticleLayout(name: "test markup", reads: ArticleLayout.has(".story"),
                                   dates: .dates(in: ".when"), content: .container(".story"))
        let article = try TestSite(layouts: [layout]).extract(try Self.document(Self.page))
        #expect(article.title == "제목이 여기에 있습니다")          // generic: the h1
        #expect(article.summary == "요약입니다.")                   // generic: the meta description
        #expect(article.publishedAt == Instant(iso8601: "2025-08-13T09:30:00+09:00"))
        #expect(article.body.count == 2)
        #expect(article.warnings.isEmpty)
    }

    @Test func aReaderThatThrowsBecomesAWarningAndItsFieldIsReadGenerically() throws {
        let layout = ArticleLayout(name: "test markup", reads: ArticleLayout.has(".story"),
                                   dates: FieldReader { _ in throw Broken() }, content: .container(".story"))
        let article = try TestSite(layouts: [layout]).extract(try Self.document(Self.page))
        #expect(article.body.count == 2, "the article is kept")
        #expect(article.publishedAt == Instant(iso8601: "2025-08-13T09:30:00+09:00"), "the generic reading finds the date line")
        #expect(article.warnings == ["dates: the test markup reader failed (the date line is garbled); read the generic way"])
    }

    @Test func aSelectorThatDoesNotParseFailsItsFieldNotTheProgram() throws {
        let layout = ArticleLayout(name: "test markup", reads: ArticleLayout.has(".story"),
                                   headline: .text(of: "h1[unclosed"), content: .container(".story"))
        let article = try TestSite(layouts: [layout]).extract(try Self.document(Self.page))
        #expect(article.title == "제목이 여기에 있습니다")
        #expect(article.warnings.count == 1)
        #expect(article.warnings.first?.hasPrefix("headline: the test markup reader failed (the selector \"h1[unclosed\" does not parse") == true)
        let error = #expect(throws: LayoutSelectorError.self) { try FieldReader<String>.text(of: "h1[unclosed").read(try Self.document(Self.page)) }
        #expect(error?.code == .invalidSelector)
        #expect(error?.selector == "h1[unclosed")
    }

    @Test func anAbsentFieldStaysEmpty() throws {
        let layout = ArticleLayout(name: "test markup", reads: ArticleLayout.has(".story"), summary: .absent,
                                   content: .container(".story"))
        let article = try TestSite(layouts: [layout]).extract(try Self.document(Self.page))
        #expect(article.summary == nil)
    }

    @Test func aPageInNoKnownLayoutIsReadTheGenericWayWithAWarning() throws {
        let layout = ArticleLayout(name: "2030 markup", reads: ArticleLayout.has(".never-there"), content: .container(".never-there"))
        let article = try TestSite(layouts: [layout]).extract(try Self.document(Self.page))
        #expect(article.title == "제목이 여기에 있습니다")
        #expect(article.body.count == 2)
        #expect(article.warnings.contains("test-site: the page is in none of the site's layouts (2030 markup); read the generic way"))
    }

    @Test func anEmptyContainerFallsBackToTheMainContent() throws {
        let html = Self.page.replacingOccurrences(of: "<div class=\"when\">", with: "<div class=\"empty\"></div><div class=\"when\">")
        let layout = ArticleLayout(name: "test markup", reads: ArticleLayout.has(".empty"), content: .container(".empty"))
        let article = try TestSite(layouts: [layout]).extract(try Self.document(html))
        #expect(article.body.count == 2)
        #expect(article.warnings == ["content: the test markup container holds no text; read the generic way"])
    }

    @Test func anOldLayoutReadsOnlyPagesPublishedUntilItsEnd() throws {
        let current = ArticleLayout(name: "current", reads: ArticleLayout.has(".story-2025"), content: .container(".story-2025"))
        let old = ArticleLayout(name: "old", validUntil: Instant(iso8601: "2025-03-31T23:59:59+09:00"),
                                reads: ArticleLayout.has(".story"), headline: .text(of: ".when"), content: .container(".story"))
        let site = TestSite(layouts: [current, old])
        func page(published: String) -> String {
            Self.page.replacingOccurrences(of: "<head>", with: "<head><meta property=\"article:published_time\" content=\"\(published)\">")
        }
        let before = try site.extract(try Self.document(page(published: "2025-02-01T10:00:00+09:00")))
        #expect(before.title == "입력 2025.08.13 09:30", "the old layout's headline reader ran")
        let after = try site.extract(try Self.document(page(published: "2025-06-01T10:00:00+09:00")))
        #expect(after.title == "제목이 여기에 있습니다")
        #expect(after.warnings.contains { $0.hasPrefix("test-site: the page is in none of the site's layouts (current, old)") })
    }

    /// The case that once lost an article: a saved Yonhap-style page whose canonical link is on
    /// yna.co.kr, but without the site's story container. The yonhap adapter claims it and now
    /// reads it the generic way instead of refusing it.
    @Test func aYonhapPageWithoutTheStoryContainerIsReadNotRefused() throws {
        let html = """
            <html><head><title>북한, 러시아에 추가 파병 준비 | 연합뉴스</title><link rel="canonical" href="https://www.yna.co.kr/view/AKR20250813000100504"></head>
            <body><h1>북한, 러시아에 추가 파병 준비</h1><p>입력 2025-08-13 09:30</p>
            <p>(서울=연합뉴스) 홍길동 기자 = 북한이 러시아에 병력을 추가로 보내기 위한 준비를 하고 있다고 정보당국이 13일 밝혔다.</p>
            <p>정보당국은 북한이 이미 파병한 병력의 교대를 위해 새 부대를 훈련시키고 있다고 설명했다.</p>
            <p>이 부대는 이르면 다음 달 러시아 쿠르스크 지역으로 이동할 것으로 보이며, 규모는 수천 명에 이를 수 있다고 당국은 내다봤다.</p>
            <p>정부는 관련 동향을 면밀히 주시하고 있으며 동맹국과 정보를 긴밀히 공유하고 있다고 밝혔다.</p></body></html>
            """
        // Without the canonical link the generic adapter reads it; with it, the yonhap adapter must too.
        let unclaimed = html.replacingOccurrences(of: "https://www.yna.co.kr/view/AKR20250813000100504", with: "https://example.com/a/1")
        let generic = try AdapterRegistry.builtIn.extract(try Document(page: Page(bytes: Array(unclaimed.utf8), filePath: "saved/other.html")))
        #expect(generic.adapter.id == "generic")
        let page = Page(bytes: Array(html.utf8), filePath: "saved/yonhap.html")
        let article = try AdapterRegistry.builtIn.extract(try Document(page: page))
        #expect(article.body == generic.body)
        #expect(article.adapter.id == "yonhap")
        #expect(article.title == "북한, 러시아에 추가 파병 준비")
        #expect(article.body.count == 4)
        #expect(article.authors.map(\.name) == ["홍길동"])
        #expect(article.agency == "연합뉴스")
        #expect(article.publishedAt == Instant(iso8601: "2025-08-13T09:30:00+09:00"))
        #expect(article.warnings.contains { $0.hasPrefix("yonhap: the page is in none of the site's layouts") })
    }

    @Test func aDuplicateAdapterIDIsAnErrorThatNamesIt() {
        do {
            _ = try AdapterRegistry(BuiltinAdapters.all + [EtodayAdapter()])
            Issue.record("a duplicate id was accepted")
        } catch {
            #expect(error.id == "etoday")
            #expect(error.description == "two adapters share the id \"etoday\"")
        }
    }
}
