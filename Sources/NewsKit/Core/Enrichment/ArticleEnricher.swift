/// Adds to an article what needs more than extraction: entities, event dates.
///
/// Implementation requirements: an enricher does no I/O and reads no clock (dates come from the
/// article), so the same article always comes out the same. Enrichers that look across
/// articles (stories, duplicates) are ``StoryTracker``s, not enrichers.
public protocol ArticleEnricher: Sendable {
    /// Fills fields of `article`.
    /// - Parameter article: the article to complete, changed in place; fields the enricher
    ///   does not own are left as they are.
    func enrich(_ article: inout Article)
}

extension Array where Element == any ArticleEnricher {
    /// Runs every enricher in order.
    /// - Parameter article: the article to complete, changed in place; each enricher sees what
    ///   the ones before it filled.
    public func enrich(_ article: inout Article) {
        for e in self { e.enrich(&article) }
    }
}

/// Fills ``Article/entities`` with an ``EntityRecognizer``.
public struct EntityEnricher: ArticleEnricher {
    /// The recognizer that finds the entities.
    public let recognizer: EntityRecognizer
    /// Makes an enricher with a recognizer of your own (your own or an extended gazetteer).
    /// - Parameter recognizer: the recognizer to run on each article.
    public init(recognizer: EntityRecognizer) { self.recognizer = recognizer }
    /// Makes an enricher with the built-in gazetteer (``Gazetteer/builtIn()``).
    /// - Throws: ``GazetteerError`` when the built-in gazetteer cannot be read.
    public init() throws(GazetteerError) { self.recognizer = EntityRecognizer(gazetteer: try .builtIn()) }
    public func enrich(_ article: inout Article) {
        article.entities = recognizer.entities(in: article)
    }
}
