import Foundation
import NewsKitCore

/// Yonhap News Agency articles (yna.co.kr), from the site's pages or plain-text captures of them.
public struct YonhapAdapter: SiteAdapter {
    public let id = "yonhap"
    public let version = "1"
    public let summary = "연합뉴스 articles: yna.co.kr pages, and text captures with a 송고 line or a (…=연합뉴스) dateline"
    public let hosts = ["yna.co.kr"]
    /// Yonhap's section RSS feeds.
    public let feeds = ["https://www.yna.co.kr/rss/news.xml", "https://www.yna.co.kr/rss/northkorea.xml",
                        "https://www.yna.co.kr/rss/politics.xml", "https://www.yna.co.kr/rss/international.xml"]

    public init() {}

    static let source = Source(id: "yna.co.kr", name: "연합뉴스", homepage: "https://www.yna.co.kr", kind: .newsAgency)
    static let englishSource = Source(id: "en.yna.co.kr", name: "Yonhap News Agency", homepage: "https://en.yna.co.kr", kind: .newsAgency)

    /// The Korean service, or the English one (en.yna.co.kr, or a page in English).
    static func source(for document: Document) -> Source {
        let host = document.page.url?.host ?? document.metadata.canonicalURL.flatMap { URL(string: $0)?.host } ?? ""
        if host.hasPrefix("en.") || document.metadata.language?.lowercased().hasPrefix("en") == true { return englishSource }
        return source
    }

    public func confidence(for document: Document) -> Double {
        switch document.kind {
        case .html:
            if matchesHost(document) { return document.page.url?.path.contains("/view/") == true ? 1 : 0.9 }
            if document.metadata.siteName == "연합뉴스" { return 0.85 }
            return 0
        case .textCapture:
            let blocks = document.blocks
            // A board repost holds a Yonhap story too; the repost adapter claims those with more confidence.
            return YonhapStory.looksLikeYonhap(blocks) ? 0.8 : 0
        case .frontMatter:
            return 0
        }
    }

    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        let story: YonhapStory
        if document.kind == .html {
            // A section front or list page has neither the story container nor article metadata.
            let meta = document.metadata
            let hasStory = document.html?.root.first(YonhapStory.bodySelector) != nil
            if !hasStory && meta.type != "article" && meta.jsonLDType == nil {
                throw ExtractionError(.notAnArticle, input: document.page.name, adapter: id,
                                      "not an article page (no story container, og:type \(meta.type ?? "absent"))")
            }
            story = YonhapStory.read(document: document)
        } else {
            story = YonhapStory.read(lines: document.blocks)
        }
        guard !story.assembled.body.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: id, "no story text found (a section or list page?)")
        }
        let meta = document.metadata
        var authors = story.assembled.authors
        if authors.isEmpty {
            // English-edition pages sign off with an e-mail only; the reporter's name is in the meta tags.
            for name in meta.authors where Bylines.isName(name) && !authors.contains(where: { $0.name == name }) {
                authors.append(Author(name: name, role: "기자"))
            }
            if authors.count == 1, story.assembled.emails.count == 1 { authors[0].email = story.assembled.emails[0] }
        }
        return Article(source: YonhapAdapter.source(for: document), kicker: story.kicker, title: story.title, subtitles: story.subtitles,
                       body: story.assembled.body, authors: authors,
                       dateline: story.assembled.dateline, agency: story.assembled.agency,
                       publishedAt: story.sentAt, updatedAt: story.updatedAt, images: story.assembled.images,
                       categories: meta.sections, tags: meta.keywords, related: story.assembled.related,
                       warnings: story.assembled.warnings)
    }
}
