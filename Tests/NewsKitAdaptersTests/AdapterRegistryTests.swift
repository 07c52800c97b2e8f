import Foundation
import Testing
import NewsKit
import NewsKitAdapters

@Suite struct AdapterRegistryTests {
    struct Fixed: SiteAdapter {
        let id: String
        let version = "1"
        let summary = "test"
        let score: Double
        func confidence(for document: Document) -> Confidence { Confidence(rawValue: score) }
        func extract(_ document: Document) throws(ExtractionError) -> Article {
            Article(source: Source(id: "t", name: nil, homepage: nil, kind: .blog), title: id, body: [BodyBlock(.paragraph, "본문")])
        }
    }

    static let page = Page(bytes: Array("<p>본문</p>".utf8), filePath: "t.html")

    @Test func duplicateIDsAreRefused() {
        let error = #expect(throws: AdapterRegistry.DuplicateAdapterError.self) { try AdapterRegistry([Fixed(id: "a", score: 1), Fixed(id: "a", score: 1)]) }
        #expect(error?.code == .duplicateID)
        #expect(error?.id == "a")
        #expect(error?.description == "two adapters share the id \"a\"")
        #expect((try? AdapterRegistry(BuiltinAdapters.all)) != nil, "the built-in ids are distinct")
    }

    @Test func theMostConfidentAdapterWinsAndTiesGoToTheFirst() throws {
        let doc = try Document(page: Self.page)
        let r = try AdapterRegistry([Fixed(id: "low", score: 0.2), Fixed(id: "high", score: 0.7), Fixed(id: "tie", score: 0.7)])
        #expect(r.select(for: doc)?.adapter.id == "high")
        let a = try r.extract(doc)
        #expect(a.adapter == AdapterInfo(id: "high", version: "1"))
        #expect(a.file == "t.html")
        #expect(!a.id.isEmpty)
    }

    @Test func aNamedAdapterIsUsedAndAnUnknownOneIsAnError() throws {
        let doc = try Document(page: Self.page)
        let r = try AdapterRegistry([Fixed(id: "a", score: 0.9), Fixed(id: "b", score: 0)])
        #expect(try r.extract(doc, adapterID: "b").title == "b")
        do { _ = try r.extract(doc, adapterID: "nope"); Issue.record("expected an error") } catch {
            #expect(error.code == .unsupported)
            #expect(error.description.contains("t.html"))
        }
    }

    @Test func aPageNoAdapterClaimsIsUnsupported() throws {
        let r = try AdapterRegistry([Fixed(id: "never", score: 0)])
        let document = try Document(page: Self.page)
        let error = #expect(throws: ExtractionError.self) { try r.extract(document) }
        #expect(error?.code == .unsupported)
        #expect(error?.input == "t.html")
    }

    @Test(.enabled(if: CorpusQualityTests.corpus != nil, "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func aListPageIsNotExtractedAsAYonhapArticle() throws {
        // The corpus' yna.co.kr section page lists articles: no story text, so no article.
        let corpus = try #require(CorpusQualityTests.corpus).appendingPathComponent("korean/misc_yna/yna_section_asia-australia.html")
        var page = try Page.read(path: corpus.path)
        page.requestedURL = URL(string: "https://www.yna.co.kr/international/asia-australia")
        page.finalURL = page.requestedURL
        let doc = try Document(page: page)
        let error = #expect(throws: ExtractionError.self) { try YonhapAdapter().extract(doc) }
        #expect(error?.code == .notAnArticle)
        #expect(error?.adapter == "yonhap")
    }

    @Test func adaptersNeverCrashOnHostileInput() throws {
        let inputs: [String] = ["<html>", "작성일", "송고 2025년08월13일 08시00분", "[동포투데이]", "---\ntitle: x\n---\n", "입력 2025-01-01 10:00\n가장작게",
                                "관련 기사\n\n-\n", "AI에 의해 보고됨\nAI에 의해 생성된 이미지", String(repeating: "(서울=연합뉴스) = ", count: 200)]
        for text in inputs {
            guard let doc = try? Document(page: Page(bytes: Array(text.utf8))) else { continue }
            for adapter in BuiltinAdapters.all {
                _ = adapter.confidence(for: doc)
                _ = try? adapter.extract(doc)
            }
        }
    }

    @Test func yonhapEnglishEditionHasItsOwnSourceAndTheMetaReporter() throws {
        let body = (1...4).map { "<p>North Korea and Russia reaffirmed their cooperation, state media said in report number \($0).</p>" }.joined()
        let html = """
        <html lang="en"><head><meta property="og:type" content="article"><meta name="author" content="이민지">
        <meta property="article:published_time" content="2023-04-19T09:52:00+09:00"><title>N. Korea, Russia reaffirm ties | Yonhap News Agency</title></head>
        <body><article class="story-news">\(body)<p>mlee@yna.co.kr</p><p>(END)</p></article></body></html>
        """
        let page = Page(bytes: Array(html.utf8), requestedURL: URL(string: "https://en.yna.co.kr/view/AEN20230419000952325"), filePath: "en.html")
        let a = try AdapterRegistry.builtIn.extract(try Document(page: page))
        #expect(a.adapter.id == "yonhap")
        #expect(a.source.id == "en.yna.co.kr" && a.source.name == "Yonhap News Agency")
        #expect(a.authors == [Author(name: "이민지", role: "기자", email: "mlee@yna.co.kr")])
    }
}
