import Foundation
import NewsKitCore

/// 이투데이 (etoday.co.kr): `입력 … 수정 …` times, deck lines under the headline, `▲` photo
/// captions, reaction counters, and market widgets (tickers, crypto prices) that are not body.
public struct EtodayAdapter: LayoutAdapter {
    public let id = "etoday"
    public let version = "2"
    public let summary = "이투데이 (etoday.co.kr) articles: 입력/수정 times, deck lines, ▲ captions, reactions and market widgets"
    public let hosts = ["etoday.co.kr"]
    public let leadTags = [EtodayAdapter.name]
    public let layouts = [EtodayAdapter.markup, EtodayAdapter.capture]

    /// Makes the adapter; it has no settings.
    public init() {}

    static let name = "이투데이"
    static let source = Source(id: "etoday.co.kr", name: name, homepage: "https://www.etoday.co.kr", kind: .newspaper)

    /// The site's article pages.
    static let markup = ArticleLayout(
        name: "etoday.co.kr markup",
        reads: { $0.kind == .html },
        headline: .text(of: "h1.main_title, .main_title, .view_top h1, .article_title h1, h1.title"),
        subtitles: .lines(of: ".sub_title, .subtitle, .view_sub_title, .article_sub_title"),
        dates: .dates(in: ".newsinfo, .date, .view_date, .article_date, .byline"),
        authors: .bylines(in: ".reporter_name, .reporter, .byline .name, .writer"),
        content: .container(".articleView, #articleView, .view_contents, .article_body, [itemprop=articleBody]"))

    /// A plain-text capture: headline, the 입력/수정 line, controls, deck lines, then the article.
    static let capture = ArticleLayout(
        name: "text capture",
        reads: { $0.kind == .textCapture && CaptureHeader.of($0) != nil },
        headline: FieldReader { CaptureHeader.of($0)?.headline },
        subtitles: FieldReader { CaptureHeader.of($0)?.decks },
        dates: FieldReader { CaptureHeader.of($0)?.dates },
        content: FieldReader { document in CaptureHeader.of(document).map { Array(document.blocks[$0.contentStart...]) } })

    public func source(for document: Document) -> Source { Self.source }

    public func confidence(for document: Document) -> Confidence {
        if matchesHost(document) { return .certain }
        if document.kind == .html { return document.metadata.siteName == Self.name ? .declaredSite : .none }
        guard document.kind == .textCapture else { return .none }
        // A capture: "입력 YYYY-MM-DD HH:MM" near the top, with the site's controls or widgets.
        let blocks = document.blocks
        let hasTimes = blocks.prefix(6).contains { $0.text.hasPrefix("입력 ") && KoreanDates.find(in: $0.text).first?.hasTime == true }
        let telltales = ["가장작게", "가장크게", "추가취재 원해요0", "실시간 암호화폐 시세", "오늘의 상승종목"]
        let marks = blocks.filter { b in telltales.contains { b.text.hasPrefix($0) } }.count
        return hasTimes && marks >= 1 ? .distinctLayout : .none
    }

    /// The header of a capture: the headline above the 입력 line, the times, the deck lines after
    /// the controls, and where the article begins.
    struct CaptureHeader: Sendable {
        var headline: String?
        var dates: PublicationDates
        var decks: [String] = []
        var contentStart: Int

        static func of(_ document: Document) -> CaptureHeader? {
            document.cached("etoday.captureHeader") { read(document.blocks) }
        }

        static func read(_ blocks: [Block]) -> CaptureHeader? {
            guard let timeLine = blocks.prefix(6).firstIndex(where: { $0.text.hasPrefix("입력") && !KoreanDates.find(in: $0.text).isEmpty }) else {
                return nil
            }
            let times = KoreanDates.publishedAndUpdated(in: blocks[timeLine].text)
            var header = CaptureHeader(headline: blocks[..<timeLine].last(where: { !Furniture.isFurniture($0.text) })?.text,
                                       dates: PublicationDates(published: times.published, updated: times.updated),
                                       contentStart: timeLine + 1)
            while header.contentStart < blocks.count, Furniture.isFurniture(blocks[header.contentStart].text) { header.contentStart += 1 }
            while header.contentStart < blocks.count {
                let text = blocks[header.contentStart].text
                guard text.count <= 60, !text.hasSuffix("다."), !text.hasSuffix("."), !Captions.looksLikeCaption(text),
                      Bylines.dateline(in: text) == nil else { break }
                header.decks.append(text)
                header.contentStart += 1
            }
            return header
        }
    }
}
