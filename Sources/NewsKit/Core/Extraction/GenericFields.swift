import Foundation
import NewsKitHTML

/// The generic reading of each article field on its own: what ``GenericExtractor`` reads, and
/// what a site layout falls back to for a field its reader does not find (see ``ArticleLayout``).
public enum GenericFields {
    /// The headline as the page shows it (kicker still attached): for HTML the meta title (without
    /// the site's name) or the first `h1`, preferring the `h1` where the meta copy adds a tail; for
    /// a text capture a first line that reads as a headline.
    /// - Parameters:
    ///   - document: the page.
    ///   - siteNames: names to strip from the end of a meta title (`… - 연합뉴스`).
    /// - Returns: the headline, or nil when the page shows none.
    public static func headline(_ document: Document, siteNames: [String]) -> String? {
        if document.html == nil { return captureHeader(document).headline }
        let meta = document.metadata
        let h1s = document.blocks.lazy.filter { $0.headingLevel == 1 }.prefix(3).map(\.text)
        var titleText = meta.title.map { Headlines.stripSiteName($0, siteNames: siteNames) }
        if titleText == nil || titleText!.isEmpty {
            titleText = h1s.first ?? document.embeddedArticle?.title ?? meta.documentTitle.map { Headlines.stripSiteName($0, siteNames: siteNames) }
        }
        // A meta title often carries a tail the headline on the page lacks (`제목-정치ㅣ신문`).
        if let long = titleText, !h1s.contains(long) {
            var shortForms = Array(h1s)
            // A page without any h1 may still name its headline in its script data.
            if shortForms.isEmpty, let t = document.embeddedArticle?.title { shortForms.append(t) }
            if let short = shortForms.first(where: { Headlines.isHeadline($0, trimmedFrom: long) }) { titleText = short }
            // The headline as the page shows it, where the meta copy swapped its quotes (`″`).
            else if let shown = shortForms.first(where: { $0 != long && Headlines.sameHeadline($0, long) }) { titleText = shown }
        }
        return titleText
    }

    /// When the page published the article and last updated it: the page's metadata, then the
    /// article data in its scripts, then the first short line that holds a date with a time (for
    /// a text capture, a date line in the header).
    /// - Parameter document: the page.
    /// - Returns: the dates found (either may be nil).
    public static func dates(_ document: Document) -> PublicationDates {
        if document.html == nil { return captureHeader(document).dates }
        let meta = document.metadata
        var published = meta.published
        var updated = meta.modified
        if published == nil, let data = document.embeddedArticle {
            published = data.published
            updated = updated ?? data.updated
        } else if updated == nil, let data = document.embeddedArticleIfRead {
            updated = data.updated
        }
        if published == nil {
            for b in document.blocks.prefix(200) where b.text.count <= 120 {
                let found = KoreanDates.publishedAndUpdated(in: b.text)
                if let p = found.published, KoreanDates.find(in: b.text).first?.hasTime == true || KoreanDates.find(in: b.text).first?.role == .published {
                    published = p
                    updated = updated ?? found.updated
                    break
                }
            }
        }
        return PublicationDates(published: published, updated: updated)
    }

    /// The blocks the article body is assembled from: for HTML the main content area the block
    /// scores choose (all blocks when none stands out), with the blocks the learned classifier
    /// (``BlockClassifier``) judges boilerplate left out and those it judges article text taken
    /// in from outside; for a text capture the lines after its header (headline and date lines).
    /// - Parameter document: the page.
    /// - Returns: the content blocks, in reading order.
    public static func content(_ document: Document) -> [Block] {
        let blocks = document.blocks
        if document.html == nil { return Array(blocks.dropFirst(captureHeader(document).contentStart)) }
        let containers = GenericExtractor.mainContainers(blocks, document: document)
        if containers.isEmpty { return blocks }
        let parts = GenericExtractor.articleParts(blocks, containers: containers)
        guard let classifier = BlockClassifier.builtIn else { return parts.inside + parts.related }
        return classifier.refine(parts, blocks: blocks, document: document, containers: containers).blocks
    }

    /// The authors the body's bylines name, with those the page's metadata names added (a credit
    /// the metadata gives as a byline line is read as one; a site's own name is not a person).
    /// - Parameters:
    ///   - document: the page.
    ///   - bylines: the authors read from the body.
    ///   - siteNames: names that are the site's, never a person's.
    /// - Returns: the bylines' authors followed by the metadata's new ones.
    public static func authors(_ document: Document, adding bylines: [Author], siteNames: [String]) -> [Author] {
        var authors = bylines
        for name in document.metadata.authors where !authors.contains(where: { $0.name == name || name.hasPrefix($0.name) }) {
            if let parsed = Bylines.bylineLine(name) ?? EnglishCredit.authors(name) {
                for a in parsed where !authors.contains(where: { $0.name == a.name }) && !siteNames.contains(a.name) { authors.append(a) }
            } else if GenericExtractor.readsAsPersonName(name), !siteNames.contains(name) {
                authors.append(Author(name: name))
            }
        }
        return authors
    }

    /// What a text capture's first lines say: a headline line, the date line under it, and where
    /// the article's lines begin.
    struct CaptureHeader: Sendable {
        var headline: String?
        var dates = PublicationDates()
        var contentStart = 0
    }

    static func captureHeader(_ document: Document) -> CaptureHeader {
        document.cached("generic.captureHeader") {
            let blocks = document.blocks
            var header = CaptureHeader()
            var start = 0
            // A first line that reads as a headline: short, no sentence end, and followed (date
            // lines aside) by a longer line.
            if blocks.count >= 2 {
                let first = blocks[0].text
                let next = blocks.dropFirst().first { KoreanDates.find(in: $0.text).isEmpty || $0.text.count > 80 }?.text ?? ""
                if first.count <= 120, !first.hasSuffix("."), !first.hasSuffix("다"), next.count > first.count,
                   !Captions.looksLikeCaption(first), !Furniture.isFurniture(first), Bylines.dateline(in: first) == nil {
                    header.headline = first
                    start = 1
                }
            }
            for (k, b) in blocks.dropFirst(start).prefix(8).enumerated() where b.text.count <= 80 {
                let found = KoreanDates.publishedAndUpdated(in: b.text)
                if let p = found.published {
                    header.dates = PublicationDates(published: p, updated: found.updated)
                    start += k + 1
                    break
                }
            }
            header.contentStart = start
            return header
        }
    }
}
