/// Adds to an article what needs more than extraction: entities, event dates.
///
/// Implementation requirements: an enricher does no I/O and reads no clock (dates come from the
/// article), so the same article always comes out the same. Enrichers that look across
/// articles (stories, duplicates) are ``StoryTracker``s, not enrichers.
public protocol ArticleEnricher: Sendable {
    /// Fills fields of `article`.
    func enrich(_ article: inout Article)
}

extension Array where Element == any ArticleEnricher {
    /// Runs every enricher in order.
    public func enrich(_ article: inout Article) {
        for e in self { e.enrich(&article) }
    }
}

/// Fills ``Article/entities`` with an ``EntityRecognizer``.
public struct EntityEnricher: ArticleEnricher {
    public let recognizer: EntityRecognizer
    public init(recognizer: EntityRecognizer) { self.recognizer = recognizer }
    /// - Throws: ``GazetteerError`` when the built-in gazetteer cannot be read.
    public init() throws(GazetteerError) { self.recognizer = EntityRecognizer(gazetteer: try .builtIn()) }
    public func enrich(_ article: inout Article) {
        article.entities = recognizer.entities(in: article)
    }
}
