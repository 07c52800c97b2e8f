import Foundation
import NewsKitCore

/// Yonhap News Agency articles (yna.co.kr), from the site's pages or plain-text captures of them.
public struct YonhapAdapter: LayoutAdapter {
    public let id = "yonhap"
    public let version = "2"
    public let summary = "연합뉴스 articles: yna.co.kr pages, and text captures with a 송고 line or a (…=연합뉴스) dateline"
    public let hosts = ["yna.co.kr"]
    /// Yonhap's section RSS feeds.
    public let feeds = ["https://www.yna.co.kr/rss/news.xml", "https://www.yna.co.kr/rss/northkorea.xml",
                        "https://www.yna.co.kr/rss/politics.xml", "https://www.yna.co.kr/rss/international.xml"]
    public let layouts = [YonhapAdapter.markup, YonhapAdapter.capture]

    /// Makes the adapter; it has no settings.
    public init() {}

    static let source = Source(id: "yna.co.kr", name: "연합뉴스", homepage: "https://www.yna.co.kr", kind: .newsAgency)
    static let englishSource = Source(id: "en.yna.co.kr", name: "Yonhap News Agency", homepage: "https://en.yna.co.kr", kind: .newsAgency)
    /// Deck lines under the headline (also inside a board post holding a story).
    static let deckLines = ".tit-sub, h2.tit-sub, .story-news .tit-sub, .sub-tit, .article-sub-tit"
    static let storyContainer = "article.story-news, div.story-news, .story-news, #articleWrap .article-txt, [itemprop=articleBody], .article-story, #articleBody"

    /// The site's article pages: the story container, the 송고 time, deck lines.
    static let markup = ArticleLayout(
        name: "yna.co.kr markup",
        reads: ArticleLayout.has(storyContainer),
        headline: .text(of: "h1.tit, .title-article01 h1, header.title-article h1, h1.title, .article-tit h1"),
        subtitles: .lines(of: deckLines),
        dates: .dates(in: "p.update-time, .update-time, .txt-time, span.date"),
        authors: .absent,
        content: .container(storyContainer).dropping(where: { YonhapStory.isSentLine($0.text) }))

    /// A capture of a story: headline, 송고 line, deck lines, then the story.
    static let capture = ArticleLayout(
        name: "text capture",
        reads: { $0.kind == .textCapture },
        headline: FieldReader { YonhapStory.captured($0).headline },
        subtitles: FieldReader { YonhapStory.captured($0).subtitles },
        dates: FieldReader { document in
            let story = YonhapStory.captured(document)
            return PublicationDates(published: story.sentAt, updated: story.updatedAt)
        },
        authors: .absent,
        content: FieldReader { YonhapStory.captured($0).content })

    /// The Korean service, or the English one (en.yna.co.kr, or a page in English).
    /// - Parameter document: the page.
    /// - Returns: the English edition's source when the host starts with `en.` or the page
    ///   declares English, else the Korean service's (`yna.co.kr`).
    public func source(for document: Document) -> Source {
        let host = document.page.url?.host ?? document.metadata.canonicalURL.flatMap { URL(string: $0)?.host } ?? ""
        if host.hasPrefix("en.") || document.metadata.language?.lowercased().hasPrefix("en") == true { return Self.englishSource }
        return Self.source
    }

    public func confidence(for document: Document) -> Confidence {
        switch document.kind {
        case .html:
            if matchesHost(document) { return document.page.url?.path.contains("/view/") == true ? .certain : .siteMarkers }
            return document.metadata.siteName == "연합뉴스" ? .distinctLayout : .none
        case .textCapture:
            // A board repost holds a Yonhap story too; the repost adapter claims those with more confidence.
            return YonhapStory.looksLikeYonhap(document.blocks) ? .resemblance : .none
        case .frontMatter:
            return .none
        }
    }

    /// yna.co.kr's articles live under `/view/`; a page of the site elsewhere that calls itself a
    /// website (`og:type`) is a section front or a list.
    /// - Parameter document: the page.
    /// - Returns: the reason for an HTML page of yna.co.kr outside `/view/` whose `og:type` is
    ///   `website` and which has no JSON-LD article; nil for every other page.
    public func nonArticleReason(for document: Document) -> String? {
        let meta = document.metadata
        guard document.kind == .html, meta.type == "website", meta.jsonLDType == nil else { return nil }
        let url = document.page.url ?? meta.canonicalURL.flatMap { URL(string: $0) }
        guard let url, claims(host: url.host), !url.path.contains("/view/") else { return nil }
        return "a yna.co.kr section or list page (og:type website, \(url.path) is not under /view/)"
    }

    /// English-edition pages sign off with an e-mail only: the reporter's name is in the meta tags.
    /// - Parameters:
    ///   - article: the article; when it has no authors, the meta tags' names that read as names
    ///     are added (role `기자`), with the page's one e-mail when there is one author and one e-mail.
    ///   - document: the page it was read from.
    ///   - assembled: what the shared rules made of the layout's content, for its e-mail lines.
    public func finish(_ article: inout Article, document: Document, assembled: BlockAssembler.Result?) {
        guard article.authors.isEmpty else { return }
        for name in document.metadata.authors where Bylines.isName(name) && !article.authors.contains(where: { $0.name == name }) {
            article.authors.append(Author(name: name, role: "기자"))
        }
        if article.authors.count == 1, let emails = assembled?.emails, emails.count == 1 { article.authors[0].email = emails[0] }
    }
}
