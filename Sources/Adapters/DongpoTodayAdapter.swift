import Foundation
import NewsKitCore

/// 동포투데이 (dspdaily.com): articles whose first paragraph opens with the `[동포투데이]` lead tag,
/// followed by the site's `BEST 뉴스` and `실시간뉴스` blocks (teasers, not body).
public struct DongpoTodayAdapter: SiteAdapter {
    public let id = "dongpo-today"
    public let version = "1"
    public let summary = "동포투데이 (dspdaily.com) articles: the [동포투데이] lead tag, BEST 뉴스 and 실시간뉴스 teasers"
    public let hosts = ["dspdaily.com"]

    public init() {}

    static let name = "동포투데이"
    static let source = Source(id: "dspdaily.com", name: name, homepage: "https://www.dspdaily.com", kind: .newspaper)
    // The site runs the common Korean newspaper CMS (article-view-content-div) with fallbacks.
    static let bodySelector = try! CSSSelector("#article-view-content-div, [itemprop=articleBody], .article-body, .article_view, #articleBody, .view_con")
    static let titleSelector = try! CSSSelector(".article-head-title, h3.heading, .article-header h1, .view_title, h1.title")
    static let infoSelector = try! CSSSelector("ul.infomation, .info-text, .article-head-info, .view_info, .byline")

    public func confidence(for document: Document) -> Double {
        if matchesHost(document) { return 1 }
        if document.kind == .html && document.metadata.siteName == Self.name { return 0.95 }
        // A capture (or unknown page) whose paragraphs open with the lead tag.
        let leading = document.blocks.prefix(10).filter { $0.text.hasPrefix("[\(Self.name)]") }
        return leading.isEmpty ? 0 : 0.9
    }

    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        var title: String? = nil
        var kicker: String? = nil
        var published: Instant? = nil
        var updated: Instant? = nil
        var authors: [Author] = []
        var blocks = document.blocks
        let meta = document.metadata
        if let html = document.html {
            let headline = html.root.first(Self.titleSelector)?.textContent.collapsingWhitespace()
                ?? meta.title.map { Headlines.stripSiteName($0, siteNames: [Self.name]) }
            if let headline { (kicker, title) = { let h = Headlines.splitKicker(headline); return (h.kicker, h.title) }() }
            published = meta.published
            updated = meta.modified
            if let info = html.root.first(Self.infoSelector) {
                let text = info.textContent.collapsingWhitespace()
                let found = KoreanDates.publishedAndUpdated(in: text)
                published = published ?? found.published
                updated = updated ?? found.updated
                for li in info.select("li, span") {
                    if let a = Bylines.bylineLine(li.textContent.collapsingWhitespace()) { authors += a }
                }
            }
            // The body and, after it, the site's teaser blocks.
            if let body = html.root.first(Self.bodySelector) {
                blocks = GenericExtractor.articleBlocks(blocks, container: body)
            } else {
                blocks = GenericExtractor.mainContent(blocks, document: document)
            }
            blocks.removeAll { $0.text == title }
        } else {
            // Capture: an optional headline line before the lead-tagged paragraph, and date lines.
            if let first = blocks.first, !first.text.hasPrefix("[\(Self.name)]"), first.text.count <= 120,
               blocks.count > 1, blocks[1].text.hasPrefix("[\(Self.name)]") || !KoreanDates.find(in: blocks[1].text).isEmpty {
                (kicker, title) = { let h = Headlines.splitKicker(first.text); return (h.kicker, h.title) }()
                blocks.removeFirst()
            }
            while let first = blocks.first, first.text.count <= 80, !first.text.hasPrefix("["),
                  let found = Optional(KoreanDates.publishedAndUpdated(in: first.text)), found.published != nil {
                published = published ?? found.published
                updated = updated ?? found.updated
                blocks.removeFirst()
            }
        }
        var result = BlockAssembler(leadTags: [Self.name], readsDateline: true, baseURL: document.page.url).assemble(blocks)
        guard !result.body.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: id, "no article text found")
        }
        for a in authors where !result.authors.contains(where: { $0.name == a.name }) { result.authors.append(a) }
        return Article(source: Self.source, kicker: kicker, title: title, body: result.body, authors: result.authors,
                       dateline: result.dateline, agency: result.agency, publishedAt: published, updatedAt: updated,
                       images: result.images, categories: meta.sections, tags: meta.keywords, related: result.related,
                       warnings: result.warnings)
    }
}
