// How to write a site adapter and use it before the built-in ones.
// Run: swift run CustomAdapterExample
import Foundation
import NewsKit
import NewsKitAdapters

/// Reads "예시일보" (example-daily.kr) pages: the headline is `h1.headline`, the body is
/// `div.article-body`, the time is in `span.published`. Everything else comes from the shared rules.
struct ExampleDailyAdapter: SiteAdapter {
    let id = "example-daily"
    let version = "1"
    let summary = "예시일보 (example-daily.kr) articles"
    let hosts = ["example-daily.kr"]

    static let headline = try! CSSSelector("h1.headline")
    static let body = try! CSSSelector("div.article-body")
    static let published = try! CSSSelector("span.published")

    func confidence(for document: Document) -> Double {
        matchesHost(document) ? 1 : 0
    }

    func extract(_ document: Document) throws(ExtractionError) -> Article {
        guard let html = document.html, let body = html.root.first(Self.body) else {
            throw ExtractionError(.notAnArticle, input: document.page.name, adapter: id, "no div.article-body")
        }
        let (kicker, title) = Headlines.splitKicker(html.root.first(Self.headline)?.textContent ?? "")
        let published = html.root.first(Self.published).flatMap { KoreanDates.parse($0.textContent) }
        // The shared Korean rules: bylines, captions, furniture, related blocks.
        let blocks = GenericExtractor.articleBlocks(document.blocks, container: body)
        let parts = BlockAssembler(baseURL: document.page.url).assemble(blocks)
        return Article(source: Source(id: "example-daily.kr", name: "예시일보", homepage: "https://example-daily.kr", kind: .newspaper),
                       kicker: kicker, title: title, body: parts.body, authors: parts.authors, publishedAt: published,
                       images: parts.images, related: parts.related, warnings: parts.warnings)
    }
}

let html = """
<html><body><h1 class="headline">[단독] 예시 기사 제목</h1><span class="published">입력 2025.08.13 09:30</span>
<div class="article-body"><p>첫 문단입니다.</p><p>둘째 문단입니다.</p><p>홍길동 기자 hong@example-daily.kr</p></div></body></html>
"""
let page = Page(bytes: Array(html.utf8), requestedURL: URL(string: "https://www.example-daily.kr/news/1"))
do {
    let registry = try AdapterRegistry([ExampleDailyAdapter()] + BuiltinAdapters.all)
    let article = try registry.extract(try Document(page: page))
    print(article.jsonLine)
} catch {
    print("error: \(error)")
    exit(1)
}
