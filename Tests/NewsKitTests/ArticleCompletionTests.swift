import Foundation
import Testing
import NewsKit

/// What every article gets the same way, whichever adapter read it.
@Suite struct ArticleCompletionTests {
    static func article(published: String, body: String) throws -> Article {
        let html = """
            <html><head><meta property="og:type" content="article">
            <meta property="article:published_time" content="\(published)"></head>
            <body><h1>Title</h1><article><p>\(body)</p><p>\(body)</p></article></body></html>
            """
        return try GenericExtractor().extract(try Document(page: Page(bytes: Array(html.utf8), filePath: "page.html")))
    }

    static let korean = "북한이 러시아에 병력을 추가로 보내기 위한 준비를 하고 있다고 정보당국이 밝혔다. 정부는 관련 동향을 면밀히 주시하고 있다."
    static let english = "North Korea is preparing to send more troops to Russia, intelligence officials said on Tuesday, citing new training."

    @Test func aKoreanPagesUTCInstantIsShownInKST() throws {
        let a = try Self.article(published: "2023-04-18T06:04:06Z", body: Self.korean)
        #expect(a.language == "ko")
        #expect(a.publishedAt?.iso8601 == "2023-04-18T15:04:06+09:00")
        #expect(a.publishedAt?.date == Instant(iso8601: "2023-04-18T06:04:06Z")?.date, "the moment is the same")
    }

    @Test func anOffsetThePageStatesIsKept() throws {
        let a = try Self.article(published: "2023-04-18T09:04:06+03:00", body: Self.korean)
        #expect(a.publishedAt?.iso8601 == "2023-04-18T09:04:06+03:00")
    }

    @Test func anEnglishPagesUTCInstantStaysUTC() throws {
        let a = try Self.article(published: "2023-04-18T06:04:06Z", body: Self.english)
        #expect(a.language == "en")
        #expect(a.publishedAt?.utcOffset == 0)
    }
}
