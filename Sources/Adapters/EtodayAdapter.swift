import Foundation
import NewsKitCore

/// 이투데이 (etoday.co.kr): `입력 … 수정 …` times, deck lines under the headline, `▲` photo
/// captions, reaction counters, and market widgets (tickers, crypto prices) that are not body.
public struct EtodayAdapter: SiteAdapter {
    public let id = "etoday"
    public let version = "1"
    public let summary = "이투데이 (etoday.co.kr) articles: 입력/수정 times, deck lines, ▲ captions, reactions and market widgets"
    public let hosts = ["etoday.co.kr"]

    public init() {}

    static let name = "이투데이"
    static let source = Source(id: "etoday.co.kr", name: name, homepage: "https://www.etoday.co.kr", kind: .newspaper)
    static let titleSelector = try! CSSSelector("h1.main_title, .main_title, .view_top h1, .article_title h1, h1.title")
    static let deckSelector = try! CSSSelector(".sub_title, .subtitle, .view_sub_title, .article_sub_title")
    static let dateSelector = try! CSSSelector(".newsinfo, .date, .view_date, .article_date, .byline")
    static let bodySelector = try! CSSSelector(".articleView, #articleView, .view_contents, .article_body, [itemprop=articleBody]")
    static let reporterSelector = try! CSSSelector(".reporter_name, .reporter, .byline .name, .writer")

    public func confidence(for document: Document) -> Double {
        if matchesHost(document) { return 1 }
        if document.kind == .html { return document.metadata.siteName == Self.name ? 0.95 : 0 }
        guard document.kind == .textCapture else { return 0 }
        // A capture: "입력 YYYY-MM-DD HH:MM" near the top, with the site's controls or widgets.
        let blocks = document.blocks
        let hasTimes = blocks.prefix(6).contains { $0.text.hasPrefix("입력 ") && KoreanDates.find(in: $0.text).first?.hasTime == true }
        let telltales = ["가장작게", "가장크게", "추가취재 원해요0", "실시간 암호화폐 시세", "오늘의 상승종목"]
        let marks = blocks.filter { b in telltales.contains { b.text.hasPrefix($0) } }.count
        return hasTimes && marks >= 1 ? 0.85 : 0
    }

    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        var blocks = document.blocks
        var title: String? = nil
        var kicker: String? = nil
        var published: Instant? = nil
        var updated: Instant? = nil
        var subtitles: [String] = []
        var authors: [Author] = []
        let meta = document.metadata
        if let html = document.html {
            let headline = html.root.first(Self.titleSelector)?.textContent.collapsingWhitespace() ?? meta.title.map { Headlines.stripSiteName($0, siteNames: [Self.name]) }
            if let headline { (kicker, title) = { let h = Headlines.splitKicker(headline); return (h.kicker, h.title) }() }
            for deck in html.root.select(Self.deckSelector) {
                subtitles += GenericExtractor.lines(of: deck, in: blocks)
                let inside = GenericExtractor.blocks(blocks, under: deck)
                blocks.removeAll { inside.contains($0) }
            }
            published = meta.published
            updated = meta.modified
            if let date = html.root.first(Self.dateSelector)?.textContent.collapsingWhitespace() {
                let found = KoreanDates.publishedAndUpdated(in: date)
                published = published ?? found.published
                updated = updated ?? found.updated
            }
            for r in html.root.select(Self.reporterSelector) {
                if let a = Bylines.bylineLine(r.textContent.collapsingWhitespace()) { authors += a }
            }
            if let body = html.root.first(Self.bodySelector) {
                blocks = GenericExtractor.articleBlocks(blocks, container: body)
            } else {
                blocks = GenericExtractor.mainContent(blocks, document: document)
            }
            blocks.removeAll { $0.text == title || $0.text == headline }
        } else {
            // Capture: headline, the 입력/수정 line, controls, deck lines, then the article.
            guard let timeLine = blocks.prefix(6).firstIndex(where: { $0.text.hasPrefix("입력") && !KoreanDates.find(in: $0.text).isEmpty }) else {
                throw ExtractionError(.notAnArticle, input: document.page.name, adapter: id, "no 입력 time line near the top")
            }
            if let t = blocks[..<timeLine].last(where: { !Furniture.isFurniture($0.text) }) {
                (kicker, title) = { let h = Headlines.splitKicker(t.text); return (h.kicker, h.title) }()
            }
            (published, updated) = KoreanDates.publishedAndUpdated(in: blocks[timeLine].text)
            blocks.removeFirst(timeLine + 1)
            while let first = blocks.first, Furniture.isFurniture(first.text) { blocks.removeFirst() }
            while let first = blocks.first, first.text.count <= 60, !first.text.hasSuffix("다."), !first.text.hasSuffix("."),
                  !Captions.looksLikeCaption(first.text), Bylines.dateline(in: first.text) == nil {
                subtitles.append(first.text)
                blocks.removeFirst()
            }
        }
        var result = BlockAssembler(leadTags: [Self.name], readsDateline: true, baseURL: document.page.url).assemble(blocks)
        guard !result.body.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: id, "no article text found")
        }
        for a in authors where !result.authors.contains(where: { $0.name == a.name }) { result.authors.append(a) }
        return Article(source: Self.source, kicker: kicker, title: title, subtitles: subtitles, body: result.body,
                       authors: result.authors, dateline: result.dateline, agency: result.agency, publishedAt: published,
                       updatedAt: updated, images: result.images, categories: meta.sections, tags: meta.keywords,
                       related: result.related, warnings: result.warnings)
    }
}
