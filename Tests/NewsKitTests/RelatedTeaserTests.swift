import Foundation
import Testing
import NewsKit

/// Related teasers are links to other articles: absolute, trimmed, never the site's menus.
@Suite struct RelatedTeaserTests {
    static func article(_ related: String, url: URL? = nil) throws -> Article {
        let html = """
            <html><head><meta property="og:type" content="article">
            <link rel="canonical" href="https://news.example.kr/article/2025/08/13/100">
            <meta property="article:published_time" content="2025-08-13T09:00:00+09:00"></head>
            <body><h1>북한, 러시아에 추가 파병 준비</h1><article>
            <p>북한이 러시아에 병력을 추가로 보내기 위한 준비를 하고 있다고 정보당국이 13일 밝혔다. 정부는 관련 동향을 주시하고 있다.</p>
            <p>정보당국은 북한이 이미 파병한 병력의 교대를 위해 새 부대를 훈련시키고 있다고 설명했다. 부대는 다음 달 이동할 것으로 보인다.</p>
            <h3>많이 본 뉴스</h3><ul>\(related)</ul></article></body></html>
            """
        return try GenericExtractor().extract(try Document(page: Page(bytes: Array(html.utf8), requestedURL: url, filePath: "saved.html")))
    }

    @Test func menuEntriesAndControlsAreNotTeasers() throws {
        let a = try Self.article("""
            <li><a href="/news/politics">정치</a></li><li><a href="/news/economy">경제</a></li>
            <li><a href="/news/newsMain.do">SBS 뉴스</a></li><li><a href="#top">페이지 최상단으로 가기</a></li>
            <li><a href="/article/2025/08/13/101">김정은, 푸틴과 전화통화…러시아 답방 가능성</a></li>
            """)
        #expect(a.related.map(\.title) == ["김정은, 푸틴과 전화통화…러시아 답방 가능성"])
    }

    @Test func aSavedPagesTeaserURLsResolveAgainstItsCanonicalURLAndAreTrimmed() throws {
        let a = try Self.article("""
            <li><a href=" /article/2025/08/13/101
            ">김정은, 푸틴과 전화통화…러시아 답방 가능성</a></li>
            """)
        #expect(a.related.first?.url == "https://news.example.kr/article/2025/08/13/101")
    }

    @Test func aLinkToASectionIsNotATeaserButOneToAnArticleIs() throws {
        let a = try Self.article("""
            <li><a href="https://en.example.kr/k-biz/corporate">Corporate Newsroom</a></li>
            <li><a href="https://en.example.kr/national/politics">Today in Korean History</a></li>
            <li><a href="/news/17">북한, 러시아에 병력 추가 파병 준비</a></li>
            <li><a href="/view/AKR20250813000100504">김정은, 푸틴과 전화통화…러시아 답방 가능성</a></li>
            """)
        #expect(a.related.map(\.title) == ["북한, 러시아에 병력 추가 파병 준비", "김정은, 푸틴과 전화통화…러시아 답방 가능성"])
    }

    @Test func aLinkThatGoesNowhereIsNotATeaser() throws {
        let a = try Self.article("""
            <li><a href="javascript:void(0)">김정은, 푸틴과 전화통화…러시아 답방 가능성</a></li>
            <li><a href="#">북한 외무성, 미국 비난 담화 발표…대화 거부</a></li>
            """)
        #expect(a.related.isEmpty)
    }

    @Test func aPageKeepsAtMostFortyTeasers() throws {
        let items = (1...60).map { "<li><a href=\"/article/2025/08/13/\($0)\">북한 관련 주요 기사 제목 번호 \($0)</a></li>" }.joined()
        let a = try Self.article(items)
        #expect(a.related.count == 40)
    }
}
