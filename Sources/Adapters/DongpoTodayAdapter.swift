import Foundation
import NewsKitCore

/// 동포투데이 (dspdaily.com): articles whose first paragraph opens with the `[동포투데이]` lead tag,
/// followed by the site's `BEST 뉴스` and `실시간뉴스` blocks (teasers, not body).
public struct DongpoTodayAdapter: LayoutAdapter {
    public let id = "dongpo-today"
    public let version = "2"
    public let summary = "동포투데이 (dspdaily.com) articles: the [동포투데이] lead tag, BEST 뉴스 and 실시간뉴스 teasers"
    public let hosts = ["dspdaily.com"]
    public let leadTags = [DongpoTodayAdapter.name]
    public let layouts = [DongpoTodayAdapter.markup, DongpoTodayAdapter.capture]

    /// Makes the adapter; it has no settings.
    public init() {}

    static let name = "동포투데이"
    static let source = Source(id: "dspdaily.com", name: name, homepage: "https://www.dspdaily.com", kind: .newspaper)

    /// The site's pages: the common Korean newspaper CMS (`article-view-content-div`), with fallbacks.
    static let markup = ArticleLayout(
        name: "dspdaily.com markup",
        reads: { $0.kind == .html },
        headline: .text(of: ".article-head-title, h3.heading, .article-header h1, .view_title, h1.title"),
        dates: .dates(in: "ul.infomation, .info-text, .article-head-info, .view_info, .byline"),
        authors: .bylines(in: "ul.infomation li, ul.infomation span, .info-text li, .info-text span, .article-head-info li, .article-head-info span, .view_info li, .view_info span, .byline li, .byline span"),
        content: .container("#article-view-content-div, [itemprop=articleBody], .article-body, .article_view, #articleBody, .view_con"))

    /// A capture: an optional headline line before the lead-tagged paragraph, date lines, the article.
    static let capture = ArticleLayout(
        name: "text capture",
        reads: { $0.kind == .textCapture },
        headline: FieldReader(fallsBack: false) { CaptureHeader.of($0).headline },
        dates: FieldReader { CaptureHeader.of($0).dates },
        content: FieldReader { document in Array(document.blocks[CaptureHeader.of(document).contentStart...]) })

    public func source(for document: Document) -> Source { Self.source }

    public func confidence(for document: Document) -> Confidence {
        if matchesHost(document) { return .certain }
        if document.kind == .html && document.metadata.siteName == Self.name { return .declaredSite }
        // A capture (or unknown page) whose paragraphs open with the lead tag.
        return document.blocks.prefix(10).contains { $0.text.hasPrefix("[\(Self.name)]") } ? .siteMarkers : .none
    }

    /// The first lines of a capture: a headline, date lines, and where the article begins.
    struct CaptureHeader: Sendable {
        var headline: String?
        var dates: PublicationDates?
        var contentStart = 0

        static func of(_ document: Document) -> CaptureHeader {
            document.cached("dongpo-today.captureHeader") { read(document.blocks) }
        }

        static func read(_ blocks: [Block]) -> CaptureHeader {
            var header = CaptureHeader()
            let tag = "[\(DongpoTodayAdapter.name)]"
            if let first = blocks.first, !first.text.hasPrefix(tag), first.text.count <= 120, blocks.count > 1,
               blocks[1].text.hasPrefix(tag) || !KoreanDates.find(in: blocks[1].text).isEmpty {
                header.headline = first.text
                header.contentStart = 1
            }
            while header.contentStart < blocks.count {
                let text = blocks[header.contentStart].text
                guard text.count <= 80, !text.hasPrefix("[") else { break }
                let found = KoreanDates.publishedAndUpdated(in: text)
                guard let published = found.published else { break }
                header.dates = PublicationDates(published: header.dates?.published ?? published,
                                                updated: header.dates?.updated ?? found.updated)
                header.contentStart += 1
            }
            return header
        }
    }
}
