import Foundation
import NewsKitCore

/// Reads a Yonhap (yna.co.kr) story, from the site's markup or from a plain-text capture of it.
/// Shared by ``YonhapAdapter`` and ``YonhapRepostAdapter``, whose boards carry whole Yonhap stories.
///
/// A story reads: headline (with Yonhap's `(종합)` label), `송고 2025년08월13일 08시00분`, deck lines,
/// photos (title line, caption with the photo desk's notice), the dateline paragraph
/// `(모스크바·서울=연합뉴스) 최인영 특파원 박수윤 기자 = …`, body, reporters' e-mails.
struct YonhapStory {
    var kicker: String?
    var title: String?
    var subtitles: [String] = []
    var sentAt: Instant?
    var updatedAt: Instant?
    var assembled = BlockAssembler.Result()

    static let agencyNames = ["연합뉴스"]

    /// Whether a text reads as Yonhap's: a `송고` time line, or a `(…=연합뉴스)` dateline paragraph.
    static func looksLikeYonhap(_ blocks: [Block]) -> Bool {
        for b in blocks.prefix(80) {
            if isSentLine(b.text) { return true }
            if let d = Bylines.dateline(in: b.text), d.agency == "연합뉴스", !d.authors.isEmpty { return true }
        }
        return false
    }

    /// `송고 2025년08월13일 08시00분` (also `송고시간2025-08-13 08:00`).
    static func isSentLine(_ text: String) -> Bool {
        (text.hasBytePrefix("송고") || text.hasBytePrefix("[송고")) && text.utf8.count <= 180 && text.count <= 60 && !KoreanDates.find(in: text).isEmpty
    }

    // MARK: Text captures

    /// Reads the lines of a captured story (everything from its headline on).
    static func read(lines: [Block]) -> YonhapStory {
        var story = YonhapStory()
        var rest = lines
        if let s = rest.firstIndex(where: { isSentLine($0.text) }) {
            let sent = KoreanDates.publishedAndUpdated(in: rest[s].text)
            story.sentAt = sent.published
            story.updatedAt = sent.updated
            // The headline is the nearest line above the time that is not furniture.
            if let t = rest[..<s].lastIndex(where: { !Furniture.isFurniture($0.text) }) {
                (story.kicker, story.title) = { let h = Headlines.splitKicker(rest[t].text); return (h.kicker, h.title) }()
            }
            rest = Array(rest[(s + 1)...])
        } else if let first = rest.first, first.text.count <= 120, Bylines.dateline(in: first.text) == nil {
            (story.kicker, story.title) = { let h = Headlines.splitKicker(first.text); return (h.kicker, h.title) }()
            rest.removeFirst()
        }
        // Deck lines: short lines before the first photo or dateline paragraph.
        var k = 0
        while k < rest.count {
            let t = rest[k].text
            if Furniture.isFurniture(t) { k += 1; continue }
            let photoTitle = k + 1 < rest.count && rest[k + 1].text == t
            if photoTitle || Captions.looksLikeCaption(t) || Bylines.dateline(in: t) != nil || t.count > 120 || t.hasSuffix("다.") { break }
            story.subtitles.append(t)
            k += 1
        }
        rest.removeFirst(k)
        story.assembled = BlockAssembler(readsDateline: true).assemble(rest)
        return story
    }

    // MARK: HTML

    static let titleSelector = try! CSSSelector("h1.tit, .title-article01 h1, header.title-article h1, h1.title, .article-tit h1")
    static let sentSelector = try! CSSSelector("p.update-time, .update-time, .txt-time, span.date")
    static let subtitleSelector = try! CSSSelector(".tit-sub, h2.tit-sub, .story-news .tit-sub, .sub-tit, .article-sub-tit")
    static let bodySelector = try! CSSSelector("article.story-news, div.story-news, .story-news, #articleWrap .article-txt, [itemprop=articleBody], .article-story, #articleBody")

    /// Reads a yna.co.kr page, or the part of a page under `scope` (a board post's content).
    static func read(document: Document, scope: HTMLNode? = nil) -> YonhapStory {
        var story = YonhapStory()
        guard let html = document.html else { return story }
        let meta = document.metadata
        let root = scope ?? html.root
        if scope == nil {
            let headline = root.first(titleSelector)?.textContent.collapsingWhitespace() ?? meta.title.map { Headlines.stripSiteName($0, siteNames: agencyNames) }
            if let headline { (story.kicker, story.title) = { let h = Headlines.splitKicker(headline); return (h.kicker, h.title) }() }
            story.sentAt = meta.published
            story.updatedAt = meta.modified
        }
        if story.sentAt == nil, let t = root.first(sentSelector)?.textContent.collapsingWhitespace() {
            let found = KoreanDates.publishedAndUpdated(in: t)
            story.sentAt = found.published
            story.updatedAt = story.updatedAt ?? found.updated
        }
        var blocks = document.blocks
        let container = root.first(bodySelector) ?? scope
        if let container {
            blocks = scope == nil ? GenericExtractor.articleBlocks(blocks, container: container) : GenericExtractor.blocks(blocks, under: container)
        } else {
            blocks = GenericExtractor.mainContent(blocks, document: document)
        }
        let subtitleNodes = (container ?? root).select(subtitleSelector)
        for node in subtitleNodes {
            story.subtitles += GenericExtractor.lines(of: node, in: blocks)
            let inside = GenericExtractor.blocks(blocks, under: node)
            blocks.removeAll { b in inside.contains(b) }
        }
        if scope != nil {
            // A board post holding a captured story: read it as lines, headline and time included.
            let captured = YonhapStory.read(lines: blocks)
            return captured
        }
        blocks.removeAll { $0.text == story.title || isSentLine($0.text) }
        story.assembled = BlockAssembler(readsDateline: true, baseURL: document.page.url).assemble(blocks)
        return story
    }
}
